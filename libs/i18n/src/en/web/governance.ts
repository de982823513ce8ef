import type { governance as nl } from '../../nl/web/governance';

export const governance: typeof nl = {
  sectionBodies: 'Decision making',
  bodiesIntro:
    'The proposal goes to these bodies of your SWV. Then the directeur-bestuurder adopts the budget.',
  bodiesFromAdmin:
    'An administrator manages the bodies and their kind of decision under Admin › Bodies.',
  bodyDecides: (name, kind) => `${name}: ${kind}`,
  bodiesMissing: 'This cycle cannot start yet',
  phaseFailed: 'Failed: stopped',
  cycleFailedTitle: 'This cycle failed',
  cycleFailedText:
    'The cycle has stopped and will not go on: no invitations, reminders or letters go out any more, and the open tasks of this cycle have lapsed. The budget year is free again.',
  cycleFailedWhatToDo:
    'Check under Admin › Bodies that every body has members and that there is a directeur-bestuurder, then start the cycle again.',
  cycleFailedOthers: 'The secretariat can start the cycle again.',
  startAgain: 'Start the cycle again',
  invitationsWaiting: (when) =>
    `The invitations go out on ${when}, within office hours. Voting opens then.`,
  invitationsAt: 'Invitations',
  invitationsNow: 'Right after the start',
  invitationsLater: (when) =>
    `${when}: the first business moment between 08:00 and 18:00 (it is outside those hours now)`,
};
