/**
 * The schakeltraject vso → regulier vo: mails to the people on a case. They never name the
 * pupil (AVG, source 001 §1.4): the case is named by its schools, the link leads to the case
 * page behind the sign-in.
 */
export interface TransitionMailArgs {
  org: string;
  /** The phase, in words. */
  phase: string;
  /** The date the step is due, in words; '' when none. */
  due: string;
  vso: string;
  /** The regular school, in words; '' while none is chosen. */
  regular: string;
}

const PHASE_NL = {
  orientation: 'oriëntatie',
  consultation: 'overleg',
  decision: 'besluit',
  handover: 'overdracht',
  execution: 'uitvoering',
};
const prefix = (a: TransitionMailArgs) => `[${a.org}] Schakeltraject ${a.vso}`;

export const transition = {
  phase: PHASE_NL,
  open: 'Traject bekijken',
  overview: 'Overzicht schakeltrajecten',
  opened: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: geopend`,
    body: (a: TransitionMailArgs) =>
      `${a.vso} heeft een schakeltraject naar het regulier voortgezet onderwijs geopend. U bent deelnemer aan dit traject.`,
    parents:
      'Ouders: log in met uw e-mailadres om het traject te zien en uw kijk erop te geven. Gegevens gaan pas naar de gekozen reguliere school als u daarvoor toestemming hebt gegeven.',
  },
  phaseEntered: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: fase ${a.phase}`,
    body: (a: TransitionMailArgs) =>
      `Het schakeltraject is in de fase ${a.phase}.` +
      (a.due ? ` De volgende stap is uiterlijk ${a.due} gepland.` : ''),
  },
  /** To the parents: no details by mail, the case page behind the sign-in says what changed. */
  changed: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: er is iets veranderd`,
    body: 'Er is iets veranderd in het schakeltraject van uw kind. Log in om te zien wat er is veranderd; de link hieronder brengt u na het inloggen naar het traject.',
    asked:
      'Er is een reguliere school gekozen. Wij vragen u in het traject om uw toestemming om gegevens met die school te delen, en om uw kijk op de keuze.',
  },
  evaluationDue: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: evaluatie van het OPP`,
    body: (a: TransitionMailArgs) =>
      `Het is tijd voor de evaluatie van het ontwikkelingsperspectiefplan (OPP) bij ${a.regular || 'de reguliere school'} (gepland op ${a.due}). Leg de evaluatie vast in het traject.`,
  },
  stalled: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: staat stil in de fase ${a.phase}`,
    owner: (a: TransitionMailArgs) =>
      `In het schakeltraject is al een tijd geen stap gezet (fase ${a.phase}). U bent aan zet.`,
    ect: (a: TransitionMailArgs) =>
      `In het schakeltraject is al een tijd geen stap gezet (fase ${a.phase}), ook niet na een herinnering. Wilt u contact opnemen met de school?`,
    secretariat: (a: TransitionMailArgs) =>
      `Een schakeltraject van ${a.vso} staat stil in de fase ${a.phase}, ook na een herinnering en een bericht aan het ECT-lid.`,
  },
  closed: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: afgesloten`,
    body: () => 'Het schakeltraject is afgesloten.',
  },
};
