import { formatCount } from '../../format';
import type { ResultMailArgs, results as nl } from '../../nl/mail/results';

/** The outcome of a body's vote, to each of its members. */
export const results: typeof nl = {
  subject: (a: ResultMailArgs) => `[${a.org}] Result: ${a.subject} – ${a.body}`,
  outcome: {
    goedkeuring: {
      approved: (a: ResultMailArgs) => `The ${a.body} approved "${a.subject}" (round ${a.round}).`,
      rejected: (a: ResultMailArgs) =>
        `The ${a.body} did not approve "${a.subject}" (round ${a.round}).`,
    },
    instemming: {
      approved: (a: ResultMailArgs) =>
        `The ${a.body} consented to "${a.subject}" (round ${a.round}).`,
      rejected: (a: ResultMailArgs) =>
        `The ${a.body} withheld consent to "${a.subject}" (round ${a.round}).`,
    },
    advies: {
      approved: (a: ResultMailArgs) =>
        `The ${a.body} advised in favour of "${a.subject}" (round ${a.round}).`,
      rejected: (a: ResultMailArgs) =>
        `The ${a.body} advised against "${a.subject}" (round ${a.round}).`,
    },
    no_quorum: (a: ResultMailArgs) =>
      `The vote of the ${a.body} on "${a.subject}" (round ${a.round}) was closed without quorum: there is no decision.`,
  },
  decidedBy: {
    votes:
      'The votes cast decide: the outcome can no longer change, not even by those who had not voted yet.',
    deadline: 'The vote closed at the deadline.',
    secretariat: 'The secretariat closed the vote.',
  },
  tally: (forWeight: number, against: number, abstain: number, voted: number, total: number) =>
    `Vote weight for ${formatCount('en', forWeight)}, against ${formatCount('en', against)}, abstained ${formatCount('en', abstain)}; ${formatCount('en', voted)} of ${formatCount('en', total)} members voted.`,
  ownVote: { for: 'You voted for.', against: 'You voted against.', abstain: 'You abstained.' },
  notVoted: 'You did not vote; your task lapsed.',
  open: 'See the result',
  cancelled: {
    subject: (a: ResultMailArgs) => `[${a.org}] Vote ended: ${a.subject} – ${a.body}`,
    ended: (a: ResultMailArgs) =>
      `This ends the vote of the ${a.body} in round ${a.round}: a decision of the ${a.body} is no longer needed. If a new round follows, you will be invited again.`,
    notVoted: 'You had not voted yet; your task has lapsed.',
    open: 'See the vote',
  },
};
