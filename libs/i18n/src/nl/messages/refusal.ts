import { formatIsoDateTime } from '../../format';

/**
 * Well-formed input against a rule: of the database (a name twice, a record still in use), of a
 * service (the SWV's people and schools, uploaded files) or of a cycle's workflow (votes,
 * deadlines, review). Dates arrive as ISO instants and are written for the reader.
 */
type F = { field: string };

/** What refers to a record the database will not delete (its table, as the English text names it). */
const IN_USE_BY: Record<string, string> = {
  'school board': 'schoolbesturen',
  school: 'scholen',
  person: 'personen',
  body: 'organen',
  'body member': 'lidmaatschappen van organen',
  task: 'taken',
  'school accountability': 'verantwoordingen',
  'accountability submission': 'ingediende verantwoordingen',
  'accountability deduction': 'kortingen',
  'accountability format': 'versies van het verantwoordingsformat',
  'audit event': 'de geschiedenis van cycli',
  cycle: 'cycli',
};

const CHOOSE = 'Kies een waarde uit de lijst.';
const FUTURE = 'Kies een deadline in de toekomst.';
const NOTHING_TO_REVIEW = 'Er is geen ingediende versie om te beoordelen.';
const CHOOSE_BODY = 'Kies een orgaan uit de lijst.';
const NOT_OPEN = 'De stemming is nog niet geopend. Probeer het zo opnieuw.';
const nl = (iso: string): string => formatIsoDateTime('nl', iso);

export const refusal = {
  // The database, the last line of defence.
  exists: (p: { field?: string }): string =>
    p.field === 'name'
      ? 'Deze naam is al in gebruik. Kies een andere naam.'
      : p.field === 'email'
        ? 'Er is al een persoon met dit e-mailadres. Zoek die persoon op in de lijst, of vul een ander adres in.'
        : p.field === 'brin'
          ? 'Er is al een school met deze BRIN-code.'
          : 'Deze waarde is al in gebruik.',
  inUse: (p: { table?: string }) =>
    p.table && IN_USE_BY[p.table]
      ? `Dit is nog in gebruik bij ${IN_USE_BY[p.table]}. Wijzig of verwijder die eerst.`
      : 'Dit is nog ergens in gebruik. Wijzig of verwijder dat eerst.',
  noSuchRecord: (_: { field?: string }) => CHOOSE,
  notInTenant: (_: F & { what: string }) => CHOOSE,
  // The SWV's people, schools and bodies.
  lastAdmin: () => 'Uw samenwerkingsverband moet minstens één actieve beheerder houden.',
  schoolOfOtherBoard: (_: F) => 'Kies een school van het gekozen bestuur.',
  schoolContactNeedsSchool: (_: F) =>
    'Kies de school van deze schoolcontactpersoon: zonder school krijgt hij of zij geen verantwoording.',
  specialSchoolFixedAmount: (_: F) =>
    'Een school voor speciaal onderwijs krijgt geen vast bedrag. Vul € 0,00 in of laat het bedrag leeg.',
  ectMemberRole: (_: F) => 'Kies een persoon met de rol ECT-lid.',
  weighNeedsBoards: () =>
    'Wegen naar leerlingaantal kan alleen als elk lid een bestuur vertegenwoordigt. Verwijder eerst de leden zonder bestuur.',
  memberNeedsBoard: (_: F) => 'Kies het bestuur dat dit lid vertegenwoordigt.',
  boardRepresented: () => 'Dit bestuur is al vertegenwoordigd in dit orgaan.',
  strictUnanimity: () => 'Meer dan 100% is nooit haalbaar. Kies ‘ten minste’ voor unanimiteit.',
  // Uploaded documents (POST /api/documents and the proposal field of the forms).
  fileMissing: () => 'Kies een bestand.',
  fileType: (_: { type: string }) => 'Kies een PDF-, Word-, Excel- of OpenDocument-bestand.',
  fileTooLarge: (p: { megabytes: number }) =>
    `Het bestand is groter dan ${p.megabytes} MB. Kies een kleiner bestand of geef een link.`,
  fileEmpty: () => 'Het bestand is leeg. Kies een ander bestand.',
  fileContent: (p: { type: string }) =>
    `De inhoud van het bestand past niet bij het type (${p.type}). Kies het oorspronkelijke bestand.`,
  // Starting a budget cycle.
  notADirector: (_: F) => 'Kies een actieve directeur-bestuurder van uw samenwerkingsverband.',
  noDirector: () =>
    'Er is geen actieve directeur-bestuurder. Laat een beheerder die eerst toevoegen.',
  severalDirectors: () =>
    'Er zijn meerdere directeur-bestuurders. Vraag een beheerder om er één actief te laten.',
  proposalSource: () => 'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
  proposalDocument: () => 'Het geüploade bestand is niet gevonden. Kies het bestand opnieuw.',
  proposalRequired: () => 'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
  proposalVersion: () => 'Vul de versie van het voorstel in.',
  proposalSourceRequired: () =>
    'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
  voteDeadlinePast: () => FUTURE,
  cycleExists: () => 'Deze cyclus loopt al voor dat jaar.',
  cycleFinished: () => 'Deze cyclus is afgerond en kan niet meer worden gewijzigd.',
  unavailable: () =>
    'Jaarcyclus kan dit nu niet verwerken, omdat een onderdeel tijdelijk niet bereikbaar is. Probeer het over een minuut opnieuw.',
  // Voting, reminding, extending and closing a round.
  unknownBody: (_: { body: string }) => CHOOSE_BODY,
  votingClosed: (p: { body: string; status: string }) =>
    `De stemming van ${p.body} in deze ronde is gesloten.`,
  notOpenYetRetry: () => NOT_OPEN,
  notOpenYet: () => NOT_OPEN,
  memberOfOtherBody: (p: { other: string; body: string }) =>
    `U bent lid van ${p.other}, niet van ${p.body}.`,
  notAMember: (p: { body: string }) => `U bent in deze ronde geen lid van ${p.body}.`,
  votingDeadlinePassed: (p: { body: string; deadline: string }) =>
    `De deadline van ${p.body} (${nl(p.deadline)}) is verstreken: stemmen kan niet meer.`,
  newDeadlinePast: () => FUTURE,
  deadlinePast: () => FUTURE,
  deadlineNotLaterThanBody: (p: { body: string; current: string }) =>
    `Kies een deadline na de huidige deadline van ${p.body} (${nl(p.current)}).`,
  noBodyVoting: () => 'Geen enkel orgaan in deze ronde stemt nog.',
  nothingEscalated: () =>
    'Er is geen orgaan waarvan de deadline verstreek zonder quorum. Een ronde sluiten kan pas daarna.',
  stillVoting: (p: { body: string; until: string }) =>
    `${p.body} stemt nog tot ${nl(p.until)}. Sluiten kan pas als de deadline zonder quorum is verstreken.`,
  // Revising and adopting the budget.
  revisionNotAfterRejection: (_: { round: number; status: string }) =>
    'Een herziene versie kan alleen na een afwijzing worden ingediend.',
  cycleDeadlinePassed: (p: { deadline: string }) =>
    `De oorspronkelijke deadline (${nl(p.deadline)}) is verstreken: geef de nieuwe ronde een deadline.`,
  notTheDirector: () =>
    'Alleen de directeur-bestuurder van deze cyclus kan de begroting vaststellen.',
  alreadyAdopted: () => 'De begroting is al vastgesteld.',
  notReadyForAdoption: () =>
    'Vaststellen kan pas als ALV en RvT hebben goedgekeurd en de OPR heeft ingestemd.',
  // The accountability: starting it, a school's submissions, review, extension, waiver.
  noRegularSchools: (_: F) =>
    'Uw samenwerkingsverband heeft nog geen reguliere scholen. Voeg ze eerst toe bij Beheer.',
  notARegularSchool: (_: F) => 'Kies alleen reguliere scholen van uw samenwerkingsverband.',
  schoolTwice: (_: F) => 'Kies elke school maar één keer.',
  accountabilityDeadlinePassed: () =>
    'Deze datum is voorbij. Kies een inleverdatum in de toekomst.',
  accountabilityAccepted: () => 'De verantwoording van deze school is al geaccepteerd.',
  accountabilityWaived: () => 'De school is dit jaar vrijgesteld van de verantwoording.',
  acceptedFinal: () =>
    'De verantwoording van deze school is geaccepteerd en kan niet meer veranderen.',
  waivedFinal: () =>
    'De school is dit jaar vrijgesteld van de verantwoording; die kan niet meer veranderen.',
  submissionHandled: () =>
    'Deze versie is al verwerkt. Een verbetering dient u in als nieuwe versie.',
  waitingForReview: (p: { version: number }) =>
    `Versie ${p.version} wacht op beoordeling door het secretariaat.`,
  tooManySignIns: (p: { minutes: number }) =>
    `Er zijn te veel inlogverzoeken gedaan. Probeer het over ${p.minutes} minuten opnieuw.`,
  tooManyVersions: (p: { max: number }) =>
    `Een school kan hoogstens ${p.max} versies indienen. Neem contact op met het secretariaat.`,
  returnNeedsComments: () =>
    'Schrijf op wat de school moet verbeteren als u de verantwoording terugstuurt.',
  replyNoComments: () => 'Er is nog geen opmerking van het secretariaat om op te reageren.',
  replyText: (p: { max: number }) =>
    `Schrijf uw reactie; die mag ten hoogste ${p.max} tekens lang zijn.`,
  nothingToReview: (_: { status: string }) => NOTHING_TO_REVIEW,
  otherVersionCurrent: (p: { reviewed: number; current: number }) =>
    `U beoordeelde versie ${p.reviewed}, maar versie ${p.current} is de huidige. Vernieuw de pagina.`,
  extensionPast: () => FUTURE,
  extensionNotLater: (p: { current: string }) =>
    `Kies een deadline na de huidige deadline (${nl(p.current)}).`,
  extensionTooFar: (p: { days: number }) =>
    `Kies een deadline die hoogstens ${p.days} dagen vooruit ligt.`,
  waiverReason: () => 'Vul de reden van de vrijstelling in.',
  formatConflict: (p: { latest: number; base: number }) =>
    `Intussen is versie ${p.latest} gepubliceerd. Bekijk versie ${p.latest} en publiceer daarna opnieuw.`,
};
