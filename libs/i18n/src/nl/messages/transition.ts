/**
 * Refusals of the schakeltraject vso → regulier vo (libs/domain/src/transition): a move that
 * does not fit the case's phase, a person who may not make it, a school that cannot be chosen.
 */
const PHASE: Record<string, string> = {
  orientation: 'oriëntatie',
  consultation: 'overleg',
  decision: 'besluit',
  handover: 'overdracht',
  execution: 'uitvoering',
};
const phase = (p: string): string => PHASE[p] ?? p;

export const transition = {
  wrongPhase: (p: { phase: string }) =>
    `Deze stap hoort niet bij de fase waarin het traject nu is (${phase(p.phase)}).`,
  caseClosed: () => 'Dit traject is afgesloten en kan niet meer worden gewijzigd.',
  notYourStep: () => 'Deze stap is niet aan u: een andere deelnemer aan het traject zet hem.',
  schoolAlreadyTried: (_: { field: string }) =>
    'Deze school heeft al besloten niet verder te gaan. Kies een andere school.',
  schoolIsVso: (_: { field: string }) => 'Kies een reguliere school, niet de vso-school zelf.',
  noSchoolChosen: () => 'Kies eerst samen met de ouders een school van eerste voorkeur.',
  noConsent: () =>
    'De ouders hebben nog geen toestemming gegeven om gegevens te delen met de gekozen school.',
  researchPending: () => 'Het nadere onderzoek loopt nog. Rond het eerst af.',
  noResearch: () => 'Er loopt geen nader onderzoek in dit traject.',
  dateInFuture: (_: { field: string }) =>
    'Deze datum ligt in de toekomst. Kies een datum tot en met vandaag.',
  dateNotAfterToday: (_: { field: string }) => 'Kies een datum na vandaag.',
  outOfRange: (p: { field: string; min: number; max: number }) =>
    `Kies een geheel getal van ${p.min} tot en met ${p.max}.`,
  notAVsoSchool: (_: { field: string }) =>
    'Kies een vso-school: een schakeltraject begint op het vso.',
  parentEmailTaken: (_: { field: string }) =>
    'Dit e-mailadres hoort bij een ander samenwerkingsverband. Gebruik een ander adres van de ouder.',
};
