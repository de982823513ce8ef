import type { vote as nl } from '../../nl/web/vote';

export const vote: typeof nl = {
  proposal: 'Proposal',
  subject: 'Subject',
  body: 'Body',
  decisionKindLabel: 'Kind of decision',
  round: 'Voting round',
  version: 'Version',
  yourWeight: 'Your vote weight',
  openProposal: 'Open the proposal',
  downloadProposal: 'Download the proposal',
  tallyTitle: 'Current tally',
  tallyOwnBodyOnly: 'Only the totals of your body. How individual members voted is not shown here.',
  tallyEarlierRound: (round) =>
    `This is the final tally of round ${round}. A new round has opened since.`,
  tallyUnavailable:
    'The current tally is not available at the moment. Please try again in a few minutes.',
  voteLegend: 'Your vote',
  voteValue: { for: 'For', against: 'Against', abstain: 'Abstain' },
  commentLabel: 'Comment (optional)',
  commentHint: 'At most 2000 characters. The comment is recorded with your vote.',
  voteNext: 'Continue to review',
  confirmTitle: 'Check your vote',
  confirmIntro: 'Check your vote, then send it.',
  confirmSend: 'Send vote',
  confirmEdit: 'Change',
  noComment: 'No comment',
  voteChoose: 'Choose for, against or abstain.',
  commentTooLong: 'Use at most 2000 characters.',
  voteReceived: 'Your vote has been received.',
  votingUnreachable: 'Voting is not possible at the moment. Please try again in a few minutes.',
};
