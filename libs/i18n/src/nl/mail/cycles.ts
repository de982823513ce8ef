/** What the mails of the autumn ECT evaluation say about a school. Dates come formatted. */
export interface EctMailArgs {
  org: string;
  school: string;
  year: number;
  deadline: string;
}

const ectPrefix = (a: EctMailArgs) => `[${a.org}] Evaluatie ${a.year}`;

/** The support-plan decision and the autumn ECT evaluation. */
export const supportPlan = {
  adoption: {
    subject: (org: string, subject: string) => `[${org}] ${subject} vaststellen`,
    decided: (subject: string, version: string, round: number) =>
      `Over "${subject}" (versie ${version}, ronde ${round}) hebben alle organen besloten:`,
    decision: (body: string, consented: boolean) =>
      `${body}: ${consented ? 'ingestemd' : 'goedgekeurd'}`,
    adoptNow: 'Als directeur-bestuurder kunt u het ondersteuningsplan nu vaststellen.',
    adopt: 'Naar de cyclus',
  },
  consentWithheld: {
    subject: (org: string, body: string, subject: string) =>
      `[${org}] ${body} onthoudt instemming aan ${subject}`,
    withheld: (body: string, subject: string, round: number) =>
      `De ${body} heeft in ronde ${round} de instemming met "${subject}" onthouden. Het plan kan zo niet worden vastgesteld.`,
    options:
      'Het secretariaat kan het geschil voorleggen aan de landelijke Commissie voor Geschillen Medezeggenschap (en later de uitspraak vastleggen), of een herziene versie ter stemming brengen.',
    openCycle: 'Naar de cyclus',
  },
};

export const ect = {
  invitation: {
    subject: (a: EctMailArgs) => `${ectPrefix(a)}: ${a.school}, uiterlijk ${a.deadline}`,
    ask: (a: EctMailArgs) =>
      `Als ECT’er van ${a.school} evalueert u met het ondersteuningsteam van de school het kalenderjaar ${a.year} en blikt u vooruit op het volgende jaar. Leg de bevindingen en de afspraken voor volgend jaar vast in het korte formulier.`,
    deadline: (a: EctMailArgs) => `Vul het formulier in vóór ${a.deadline}.`,
    fill: 'Evaluatie invullen',
  },
  reminder: {
    subject: (a: EctMailArgs) => `${ectPrefix(a)}: herinnering – ${a.school}`,
    notReceived: (a: EctMailArgs) =>
      `De evaluatie ${a.year} van ${a.school} is nog niet ingediend. De deadline is ${a.deadline}.`,
  },
  overdue: {
    subject: (org: string, year: number, count: number) =>
      `[${org}] Evaluatie ${year}: ${count === 1 ? '1 school' : `${count} scholen`} te laat`,
    passed: (year: number, deadline: string) =>
      `De deadline van de ECT-evaluatie ${year} (${deadline}) is verstreken. Nog niet ingediend:`,
    overview: 'Naar het overzicht',
  },
};
