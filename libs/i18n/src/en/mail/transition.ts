import type { TransitionMailArgs, transition as nl } from '../../nl/mail/transition';

const prefix = (a: TransitionMailArgs) => `[${a.org}] Transition case ${a.vso}`;

export const transition: typeof nl = {
  phase: {
    orientation: 'orientation',
    consultation: 'consultation',
    decision: 'decision',
    handover: 'handover',
    execution: 'execution',
  },
  open: 'Open the case',
  overview: 'Overview of transition cases',
  opened: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: opened`,
    body: (a: TransitionMailArgs) =>
      `${a.vso} has opened a transition case to regular secondary education. You take part in it.`,
    parents:
      'Parents: sign in with your e-mail address to see the case and add your view. No data goes to the chosen regular school before you have consented to it.',
  },
  phaseEntered: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: phase ${a.phase}`,
    body: (a: TransitionMailArgs) =>
      `The transition case is in the ${a.phase} phase.` +
      (a.due ? ` The next step is due by ${a.due}.` : ''),
  },
  changed: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: something has changed`,
    body: "Something has changed in your child's transition case. Sign in to see what has changed; the link below takes you to the case after signing in.",
    asked:
      'A regular school has been chosen. In the case we ask for your consent to share data with that school, and for your view on the choice.',
  },
  evaluationDue: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: OPP evaluation`,
    body: (a: TransitionMailArgs) =>
      `It is time for the evaluation of the development plan (OPP) at ${a.regular || 'the regular school'} (planned for ${a.due}). Record the evaluation in the case.`,
  },
  stalled: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: stalled in the ${a.phase} phase`,
    owner: (a: TransitionMailArgs) =>
      `No step has been taken in the transition case for a while (phase ${a.phase}). It is your turn.`,
    ect: (a: TransitionMailArgs) =>
      `No step has been taken in the transition case for a while (phase ${a.phase}), not even after a reminder. Could you contact the school?`,
    secretariat: (a: TransitionMailArgs) =>
      `A transition case of ${a.vso} is stalled in the ${a.phase} phase, even after a reminder and a message to the ECT member.`,
  },
  closed: {
    subject: (a: TransitionMailArgs) => `${prefix(a)}: closed`,
    body: () => 'The transition case has been closed.',
  },
};
