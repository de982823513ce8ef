import type { journeys as nl } from '../../nl/web/journeys';

export const journeys: typeof nl = {
  signedInContinueNext: 'Continue to the page from your e-mail',
  linkInvalidSignedIn: (name: string) =>
    `This sign-in link has been used or has expired, but you are still signed in as ${name}.`,
  linkInvalidContinue: 'Continue',
  logoutTitle: 'Sign out',
  logoutConfirm: 'Do you want to sign out of Jaarcyclus?',
  logoutButton: 'Sign out',
  voteNotSentYet: 'Your vote has not been sent yet. Check your choice and press "Send vote".',
  voteChangeTitle: 'Change your vote',
  voteChangeIntro:
    'While your body’s vote is open, you can change your vote. Only your latest vote counts.',
  taskLapsedDecided: (body: string, outcome: string) =>
    `This task lapsed because the vote of the ${body} was completed before you voted. Outcome: ${outcome}. Your vote is no longer needed.`,
  taskLapsedOtherBody: (body: string) =>
    `This task lapsed: another body rejected the proposal, so the ${body} no longer decides in this round.`,
  taskLapsedNewRound: (round: number) =>
    `This task lapsed: there is a new voting round (round ${round}) with a revised proposal. You get a new task for it.`,
  underspendingTitle: 'Underspending',
  underspendingReceived: 'Received (fixed amount and reported variable amount)',
  underspendingSpent: 'Spent (expenses)',
  underspendingAmount: 'Underspending',
  underspendingDeducted: (amount: string, year: number) =>
    `If the accountability is accepted as it is, ${amount} is deducted from the allocation of ${year}.`,
  underspendingNone: 'There is no underspending: accepting leads to no deduction.',
  underspendingBasis:
    'Computed as on acceptance: the school’s fixed amount plus the reported variable amount, minus the expenses.',
  underspendingAfterSave:
    'Save your figures as a draft; then you see here the underspending that follows from them.',
  underspendingUnknown: 'The underspending cannot be computed from these figures.',
  submitConfirm:
    'Submit the accountability? After that you cannot change anything unless the secretariat returns it.',
  acceptConfirmDeduction: (school: string, amount: string, year: number) =>
    `Accept the accountability of ${school}? This records a deduction of ${amount} on the allocation of ${year}; the school is told.`,
  acceptConfirmNone: (school: string) =>
    `Accept the accountability of ${school}? There is no underspending, so no deduction follows.`,
  draftSavedWithProblems:
    'Your draft has been saved. Before you can submit, correct what is listed below.',
  votingOpeningAuto:
    'The members and their vote weights are being recorded. This page updates itself in a few moments.',
  refreshNow: 'Refresh now',
  usedByPeople: 'These people are linked to it:',
  backToRecord: 'Back',
};
