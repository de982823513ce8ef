import { formatCount, formatCounted } from '../../format';
import type { budget as nl } from '../../nl/mail/budget';

function joinWith(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)!}`;
}

export const budget: typeof nl = {
  decisionKind: {
    goedkeuring: 'approval (goedkeuring)',
    instemming: 'consent (instemming)',
    advies: 'advice (advies)',
  },
  ballot: {
    subject: (a) => `[${a.org}] Vote: ${a.subject} – ${a.body} (round ${a.round})`,
    ask: (a, decision) =>
      `${a.org} asks the ${a.body} for its ${decision} of "${a.subject}" (version ${a.version}, round ${a.round}).`,
    deadline: (a) =>
      `Please vote before ${a.deadline}. You can change your vote until voting closes.`,
    readProposal: 'Read the proposal',
    vote: 'Cast your vote',
  },
  reminder: {
    subject: (a) => `[${a.org}] Reminder: vote on ${a.subject} before ${a.deadline}`,
    notVoted: (a) =>
      `You have not yet voted on "${a.subject}" (version ${a.version}) as a member of the ${a.body}. Voting closes ${a.deadline}.`,
  },
  escalation: {
    subject: (a) => `[${a.org}] Deadline passed without quorum: ${a.body} – ${a.subject}`,
    passed: (a) =>
      `The vote of the ${a.body} on "${a.subject}" (round ${a.round}) closed on ${a.deadline} without a quorum: ${formatCount('en', a.votedMembers)} of ${formatCount('en', a.totalMembers)} members voted (vote weight ${formatCount('en', a.votedWeight)} of ${formatCount('en', a.totalWeight)}).`,
    notVoted: 'Not voted:',
    toSecretariat:
      'The vote stays open until the secretariat extends the deadline or closes the vote.',
    toChair: 'The secretariat will extend the deadline or close the vote.',
    openCycle: 'Open the cycle',
  },
  adoption: {
    subject: (org, subject) => `[${org}] Adopt ${subject}`,
    decided: (subject, version, round) =>
      `"${subject}" (version ${version}, round ${round}) has all required decisions:`,
    decision: (body, consented) => `${body}: ${consented ? 'consented' : 'approved'}`,
    adoptNow:
      'As directeur-bestuurder you can now adopt it. After adoption, the allocation letters go to the school boards.',
    adopt: 'Adopt',
  },
  dispute: {
    subject: (org, body, subject) => `[${org}] Dispute: ${body} withholds consent on ${subject}`,
    withheld: (body, subject, rounds) =>
      `The ${body} withheld its consent on "${subject}" in rounds ${rounds.join(', ')}. This is recorded as a dispute: the SWV submits it to the national Commissie voor Geschillen Medezeggenschap.`,
    revision: 'A revised proposal can still be put to the vote.',
  },
  letter: {
    subject: (org, year, board) => `[${org}] Allocation ${year}: ${board}`,
    adopted: (org, year, approving, consenting) => {
      const the = (names: string[]): string =>
        joinWith(
          names.map((n) => `the ${n}`),
          'and',
        );
      const after = [
        ...(approving.length > 0 ? [`approval by ${the(approving)}`] : []),
        ...(consenting.length > 0 ? [`consent of ${the(consenting)}`] : []),
      ];
      const clauses =
        after.length === 2 && approving.length > 1 ? after.join(', and ') : after.join(' and ');
      return `The directeur-bestuurder has adopted the budget ${year} of ${org}${after.length > 0 ? `, after ${clauses}` : ''}.`;
    },
    receives: (board, year) =>
      `${board} receives the following funds for the calendar year ${year}:`,
    fixedAmount: (school) => `Fixed amount ${school}`,
    variableAmount: (pupils, perPupil) =>
      `Variable amount: ${formatCounted('en', pupils, 'pupil', 'pupils')} × ${perPupil}`,
    deduction: (reason) => `Deduction (${reason})`,
    total: 'Total',
    reserve: (warning) => `Reserve of the SWV: ${warning}`,
    reserveInDutch: (warning) => `Reserve of the SWV (in Dutch, from the budget): ${warning}`,
    accountFor:
      'The board accounts for the use of these funds by 1 February of the following year.',
    pdf: 'You will also find this letter in Jaarcyclus, as a PDF to keep or print.',
    openPdf: 'Open the letter as a PDF',
  },
};
