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
};
