import type { budgetCycle as nl } from '../../nl/web/budget-cycle';

export const budgetCycle: typeof nl = {
  backToCycles: 'Back to the cycles',
  roundNumber: (n) => `Round ${n}`,
  currentRound: 'Voting round',
  bodiesTitle: 'Bodies',
  bodyStatus: 'State',
  bodyState: {
    opening: 'Voting is opening',
    open: 'Voting open',
    escalated: 'Deadline passed without quorum',
    approved: 'Decided',
    rejected: 'Decided',
    no_quorum: 'Closed without quorum',
    cancelled: 'Cancelled: another body rejected',
  },
  decided: {
    goedkeuring: { approved: 'approved', rejected: 'not approved' },
    instemming: { approved: 'consented', rejected: 'consent withheld' },
    advies: { approved: 'positive advice', rejected: 'negative advice' },
  },
  noQuorumResult: 'no quorum',
  tallyCaption: (body) => `Votes ${body}`,
  vote: 'Vote',
  weight: 'Weight',
  count: 'Number',
  share: 'Share',
  shareHint: 'Share: of the votes cast.',
  totalCast: 'Cast',
  quorum: 'Quorum',
  quorumWeight: (voted, total) => `${voted} of ${total} vote weight cast`,
  quorumMembers: (voted, total) =>
    `${voted} of ${total} members ${voted === '1' ? 'has' : 'have'} voted`,
  quorumNeeded: (needed) => `needed for the quorum: ${needed}`,
  quorumReached: 'Quorum reached',
  quorumNotReached: 'Quorum not reached yet',
  noQuorumRule: 'No quorum required',
  votingOpening: 'Members and their vote weights are being recorded. Reload the page in a moment.',
  notVoted: 'Not voted yet',
  voted: 'Voted',
  nobodyVoted: 'Nobody has voted yet.',
  everyoneVoted: 'Everyone has voted.',
  voteWithWeight: (value, weight) => `${value}, weight ${weight}`,
  weightOf: (weight) => `weight ${weight}`,
  closedBy: (name) => `closed by ${name}`,
  remindersSent: (n) => `${n} reminder${n === 1 ? '' : 's'} sent`,
  nextReminder: 'Next reminder',
  remindersTitle: 'Reminders',
  timelineTitle: 'History',
  timelineEmpty: 'No events yet.',
  timeline: {
    cycle_started: (a) => `Cycle started${a.actor ? ` by ${a.actor}` : ''}`,
    round_opened: (a) => `Voting round ${a.round ?? ''} opened`,
    ballots_sent: (a) => `Invitations to vote sent to ${a.body ?? ''} (${a.count ?? 0} members)`,
    vote_cast: (a) =>
      a.value
        ? `${a.actor ?? 'A member'} (${a.body ?? ''}) voted ${a.value}${a.weight ? `, weight ${a.weight}` : ''}`
        : `${a.actor ?? 'A member'} (${a.body ?? ''}) voted`,
    vote_changed: (a) =>
      a.value
        ? `${a.actor ?? 'A member'} (${a.body ?? ''}) changed the vote to ${a.value}`
        : `${a.actor ?? 'A member'} (${a.body ?? ''}) changed the vote`,
    reminder_requested: (a) =>
      `Reminder requested for ${a.body ?? ''}${a.actor ? ` by ${a.actor}` : ''}`,
    reminder_sent: (a) => `Reminder sent to ${a.count ?? 0} members of ${a.body ?? ''}`,
    deadline_missed: (a) => `Deadline of ${a.body ?? ''} passed without quorum`,
    escalation_sent: (a) => `Escalation sent to chair and secretariat (${a.body ?? ''})`,
    result_sent: (a) => `Result mailed to the members (${a.body ?? ''})`,
    cancellation_sent: (a) => `Members mailed that their vote lapsed, and why (${a.body ?? ''})`,
    deadline_extended: (a) =>
      `Deadline of ${a.body ?? ''} extended to ${a.when ?? ''}${a.actor ? ` by ${a.actor}` : ''}`,
    body_decided: (a) =>
      `${a.body ?? ''}: ${a.result ?? ''}${a.actor ? ` (closed by ${a.actor})` : ''}`,
    body_cancelled: (a) => `${a.body ?? ''}: voting cancelled because another body rejected`,
    round_approved: (a) => `Round ${a.round ?? ''}: every body approved or consented`,
    round_rejected: (a) => `Round ${a.round ?? ''} rejected`,
    dispute_recorded: (a) => `Dispute recorded: ${a.body ?? ''} withheld consent again`,
    revision_submitted: (a) =>
      `Revised version submitted${a.actor ? ` by ${a.actor}` : ''}; round ${a.round ?? ''} opened`,
    adoption_requested: () => 'Adoption requested from the director',
    budget_adopted: (a) => `Budget adopted${a.actor ? ` by ${a.actor}` : ''}`,
    letters_scheduled: (a) => `Allocation letters scheduled for ${a.when ?? ''}`,
    letters_sent: (a) => `Allocation letters sent (${a.count ?? 0})`,
    cycle_completed: () => 'Cycle finished',
    consent_withheld: (a) => `${a.body ?? ''} withheld consent in round ${a.round ?? ''}`,
    dispute_referred: (a) =>
      `Dispute referred to the Commissie voor Geschillen Medezeggenschap${a.actor ? ` (recorded by ${a.actor})` : ''}`,
    dispute_resolved: (a) => `Ruling of the Commissie recorded${a.actor ? ` by ${a.actor}` : ''}`,
    plan_adopted: (a) => `Support plan adopted${a.actor ? ` by ${a.actor}` : ''}`,
  },
  adoptedOn: (date, name) => `Adopted on ${date} by ${name}`,
  lettersPlanned: 'Allocation letters scheduled',
  lettersSentOn: (date, n) => `Allocation letters sent on ${date} (${n})`,
  disputeNote: (body, rounds) =>
    `${body} withheld consent in round ${rounds}. The dispute can be brought before the national Commissie voor Geschillen Medezeggenschap; a revised version can still be submitted.`,
  actionsTitle: 'Secretariat actions',
  anyBody: 'Every open body',
  escalatedBodies: 'Every body without quorum',
  remindNow: 'Remind now',
  remindHint:
    'Members who have not voted yet receive a reminder now, or at the next working moment.',
  extendDeadline: 'Extend deadline',
  newDeadline: 'New deadline',
  newDeadlineHint: 'Date and time (Dutch time), such as 18-12-2026 17:00.',
  closeRound: 'Close round',
  closeRoundHint:
    'Only when the deadline passed without quorum. The body then decides on the votes cast.',
  confirmClose: 'Voting will be closed with the votes cast so far. Continue?',
  revisionTitle: 'Revised version',
  revisionIntro:
    'The proposal was rejected. A revised version opens a new voting round for all bodies; earlier votes no longer count.',
  revisionDeadline: 'Deadline of the new round (optional)',
  revisionDeadlineHint:
    'Leave empty: the original deadline, if it has not passed. Such as 15-01-2027 17:00.',
  uploadRevision: 'Upload revised version',
  adoptTitle: 'Adopt',
  adoptIntro:
    'ALV and RvT approved and the OPR consented. As director you now adopt the budget; the allocation letters then go to the school boards on the scheduled date.',
  adoptButton: 'Adopt',
  confirmAdopt: 'You are adopting the budget. This cannot be undone. Continue?',
  adoptOtherDirector: 'Only the director of this cycle can adopt the budget.',
  actionDone: {
    reminded: 'The reminder has been requested.',
    extended: 'The deadline has been extended.',
    closed: 'Voting has been closed.',
    revised: 'The revised version has been submitted. A new voting round has opened.',
    adopted: 'The budget has been adopted.',
  },
  cycleUnreachable: 'The cycle cannot be reached at the moment. Please try again in a few minutes.',
  adoptTaskIntro: 'Adopt the budget on the page of the budget cycle.',
  adoptTaskLink: 'Go to the budget cycle to adopt',
};
