import { formatCalendarDate } from '../../format';

/**
 * Refusals of a visit's flow (collegial visitations and audits, docs/domain.md §3): who may
 * confirm, hand in a report, move or cancel a visit, and the follow-up actions.
 */
// A date the workflow checked is 'YYYY-MM-DD'; anything else is written as it came.
const date = (d: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(String(d)) ? formatCalendarDate('nl', d) : String(d);

export const visit = {
  notParticipant: () => 'U neemt niet deel aan deze visite.',
  alreadyAnswered: () => 'U heeft de datum van deze visite al beantwoord.',
  cancelled: () => 'Deze visite is geannuleerd.',
  closed: () => 'Deze visite is afgerond.',
  notYourStep: (p: { step: string }) => `Deze stap (${p.step}) is niet aan u.`,
  stepNotOpen: (p: { step: string }) => `Deze stap (${p.step}) is nog niet aan de beurt.`,
  stepDone: (p: { step: string }) => `Deze stap (${p.step}) is al afgerond.`,
  unknownStep: () => 'Kies een stap van het draaiboek.',
  dateNotBusinessDay: (p: { date: string }) =>
    `${date(p.date)} is geen werkdag van deze school (weekend, feestdag of schoolvakantie).`,
  dateInPast: () => 'Kies een datum in de toekomst.',
  sameDate: () => 'De visite staat al op deze datum.',
  cancelReason: () => 'Vul de reden van de annulering in.',
  description: () => 'Beschrijf de actie (hoogstens 1.000 tekens).',
  ownerUnknown: () => 'Kies als eigenaar iemand van de visite of van het secretariaat.',
  dueDatePast: () => 'Kies een streefdatum in de toekomst.',
  unknownAction: () => 'Deze verbeteractie bestaat niet.',
  actionDone: () => 'Deze verbeteractie is al afgerond.',
  notYourAction: () =>
    'Alleen de eigenaar van deze verbeteractie of het secretariaat kan haar afronden.',
  nobodyOwes: (p: { step: string }) =>
    `Niemand hoeft nog iets te doen voor deze stap (${p.step}): er is niemand om te herinneren.`,
  checkNotDue: () => 'De controle op de verbeteracties is pas aan de beurt na het eindrapport.',
  visitNotHeld: () => 'Verbeteracties volgen pas na de visite.',
  hostsRequired: () => 'Kies minstens één gastheer.',
  hostKind: () => 'Kies school, locatie of proces.',
  personNotInTenant: () => 'Kies een persoon van uw samenwerkingsverband.',
  nameRequired: () => 'Vul een naam in.',
  hostWithoutContact: () => 'Deze gastheer heeft geen contactpersoon: voeg er een toe.',
  schoolNotInTenant: () => 'Kies een school van uw samenwerkingsverband.',
  notInTeam: () => 'Deze visitator zit niet in het team van deze visite.',
  unknownHost: () => 'Kies een gastheer van dit programma.',
  lockWhat: () => 'Kies wat u vastzet: de hele visite, een visitator of een datum.',
  notPublishable: () =>
    'Publiceren kan pas als er een voorstel is dat aan alle regels voldoet. Laat eerst een voorstel maken.',
  published: () => 'Dit programma is al gepubliceerd; wijzig de visites zelf.',
  noProposal: () => 'Er is nog geen voorstel. Laat eerst een voorstel maken.',
  unknownPartner: () => 'Er is geen samenwerkingsverband met deze code.',
};
