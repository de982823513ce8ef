/**
 * Refusals of the support-plan decision (ondersteuningsplan) and the autumn ECT evaluation, by
 * code ('cycles.disputeUnresolved'); the workflows and services name the code, the edge writes it.
 */
type F = { field: string };

export const cycles = {
  // The support plan: period, bodies, dispute, adoption.
  periodOverlaps: (p: { first: number; last: number }) =>
    `Er is al een ondersteuningsplancyclus voor ${p.first}–${p.last}. Een plan geldt vier jaar; kies een periode die daarna begint.`,
  noDecidingBodies: (_: F) =>
    'Uw samenwerkingsverband heeft geen orgaan met instemmingsrecht of goedkeuringsrecht. Leg de organen eerst vast bij Beheer.',
  notADecidingBody: (_: F) =>
    'Kies alleen organen van uw samenwerkingsverband die instemmen of goedkeuren.',
  notAwaitingReferral: () =>
    'Een geschil kan alleen worden voorgelegd nadat de OPR de instemming heeft onthouden.',
  noOpenDispute: () => 'Er is geen voorgelegd geschil waarvan de uitspraak nog ontbreekt.',
  disputeUnresolved: () =>
    'Vaststellen kan pas als de uitspraak van de Commissie voor Geschillen Medezeggenschap is vastgelegd.',
  notTheDirector: () =>
    'Alleen de directeur-bestuurder van deze cyclus kan het ondersteuningsplan vaststellen.',
  notReadyForAdoption: () =>
    'Vaststellen kan pas als alle organen hebben ingestemd of goedgekeurd.',
  alreadyAdopted: () => 'Het ondersteuningsplan is al vastgesteld.',
  notARevisionMoment: () =>
    'Een herziene versie kan alleen na een afwijzing of een onthouden instemming worden ingediend.',
  dateInvalid: (_: F) => 'Vul een datum in als dd-mm-jjjj.',
  dateInFuture: (_: F) => 'Deze datum ligt in de toekomst.',
  outcomeInvalid: (_: F) => 'Kies een uitspraak uit de lijst.',
  // The ECT evaluation: starting it, the form.
  noSchoolsWithEct: (_: F) =>
    'Geen enkele reguliere school heeft een ECT’er. Koppel eerst ECT’ers aan scholen bij Beheer.',
  evaluationDeadlineOutsideAutumn: (_: F) =>
    'De evaluatie is in oktober of november: kies een deadline in oktober, november of december van dat jaar.',
  notYourSchool: () => 'U bent niet de ECT’er van deze school in deze evaluatie.',
  evaluationClosed: () => 'De evaluatie van deze school is al ingediend of gesloten.',
  evaluationTextRequired: (_: F) => 'Vul dit veld in.',
  evaluationTextTooLong: (p: F & { max: number }) => `Gebruik hoogstens ${p.max} tekens.`,
};
