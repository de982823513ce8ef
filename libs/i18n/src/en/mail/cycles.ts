import type { EctMailArgs } from '../../nl/mail/cycles';
import type { ect as nlEct, supportPlan as nlSupportPlan } from '../../nl/mail/cycles';

const ectPrefix = (a: EctMailArgs) => `[${a.org}] Evaluation ${a.year}`;

export const supportPlan: typeof nlSupportPlan = {
  adoption: {
    subject: (org: string, subject: string) => `[${org}] Adopt ${subject}`,
    decided: (subject: string, version: string, round: number) =>
      `Every body has decided on "${subject}" (version ${version}, round ${round}):`,
    decision: (body: string, consented: boolean) =>
      `${body}: ${consented ? 'consented' : 'approved'}`,
    adoptNow: 'As directeur-bestuurder you can now adopt the support plan.',
    adopt: 'Open the cycle',
  },
  consentWithheld: {
    subject: (org: string, body: string, subject: string) =>
      `[${org}] ${body} withholds consent from ${subject}`,
    withheld: (body: string, subject: string, round: number) =>
      `The ${body} withheld its consent from "${subject}" in round ${round}. The plan cannot be adopted as it stands.`,
    options:
      'The secretariat can refer the dispute to the national Commissie voor Geschillen Medezeggenschap (and record its ruling later), or put a revised version to the vote.',
    openCycle: 'Open the cycle',
  },
};

export const ect: typeof nlEct = {
  invitation: {
    subject: (a: EctMailArgs) => `${ectPrefix(a)}: ${a.school}, due ${a.deadline}`,
    ask: (a: EctMailArgs) =>
      `As the ECT member of ${a.school} you evaluate calendar year ${a.year} with the school's support team and look ahead to next year. Record the findings and the agreements for next year in the short form.`,
    deadline: (a: EctMailArgs) => `Please fill in the form before ${a.deadline}.`,
    fill: 'Fill in the evaluation',
  },
  reminder: {
    subject: (a: EctMailArgs) => `${ectPrefix(a)}: reminder – ${a.school}`,
    notReceived: (a: EctMailArgs) =>
      `The ${a.year} evaluation of ${a.school} has not been submitted yet. The deadline is ${a.deadline}.`,
  },
  overdue: {
    subject: (org: string, year: number, count: number) =>
      `[${org}] Evaluation ${year}: ${count === 1 ? '1 school' : `${count} schools`} late`,
    passed: (year: number, deadline: string) =>
      `The deadline of the ${year} ECT evaluation (${deadline}) has passed. Not yet submitted:`,
    overview: 'Open the overview',
  },
};
