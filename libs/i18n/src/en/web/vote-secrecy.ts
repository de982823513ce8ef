import type { voteSecrecy as nl } from '../../nl/web/vote-secrecy';

type Secrecy = 'open' | 'totals_after_close' | 'secret';

/** Vote secrecy (a rule of the body) and the members' comments on the cycle page. */
export const voteSecrecy: typeof nl = {
  voteSecrecyLabel: 'Vote secrecy',
  voteSecrecyOption: {
    open: 'Open vote',
    totals_after_close: 'Totals only after closing',
    secret: 'Secret ballot',
  } as Record<Secrecy, string>,
  voteSecrecyDefaultOption: (label: string) => `Default for this decision kind (${label})`,
  voteSecrecyDefaultNote: 'default for this decision kind',
  voteSecrecyHint:
    'Open: the secretariat, the administrator, the directeur-bestuurder and the chair see every vote and comment. Totals only after closing: while the vote is open nobody sees votes or totals, only how many members have voted; afterwards as an open vote. Secret: never who voted what; the totals after closing; the secretariat and the chair read the comments without names. A looser rule applies only to rounds that open afterwards: what was voted under a stricter rule stays protected.',
  sealedNotice: (rule: string) =>
    `${rule}: how members voted stays hidden until the vote closes, from the secretariat and the directeur-bestuurder too. You only see how many members have voted.`,
  secretVotesNote: 'Secret ballot: who voted what is never shown.',
  votedValueHidden: 'vote not shown',
  commentsTitle: 'Comments',
  commentsAnonymous: 'Without names, in alphabetical order: this body votes by secret ballot.',
  commentBy: (name: string, value: string) => `${name} (${value})`,
  commentAnonymousValue: (value: string) => `Vote: ${value}`,
  commentReaders: {
    open: "The secretariat, the directeur-bestuurder and the body's chair read your comment with your name.",
    totals_after_close:
      "The secretariat, the directeur-bestuurder and the body's chair read your comment with your name once the vote has closed.",
    secret:
      "The secretariat and the body's chair read your comment without your name once the vote has closed.",
  } as Record<Secrecy, string>,
  chairCycleLink: (body: string) =>
    `As chair of the ${body}: see the vote and the members' comments`,
};
