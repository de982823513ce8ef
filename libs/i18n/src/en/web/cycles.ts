import type { cycles as nl } from '../../nl/web/cycles';

export const cycles: typeof nl = {
  cyclesTitle: 'Cycles',
  cyclesIntro:
    "The cooperation's yearly decision making. Open a cycle to follow the vote and the schedule.",
  budgetCycles: 'Budget cycles',
  runningCycles: 'Running cycles',
  finishedCycles: 'Finished cycles',
  noCycles: 'There is no budget cycle yet.',
  noCyclesSecretariat: 'Start the budget cycle with the ‘New budget cycle’ button.',
  noCyclesOthers: 'The secretariat starts the budget cycle.',
  noFinishedCycles: 'No finished cycles yet.',
  newBudgetCycle: 'New budget cycle',
  budgetYear: 'Budget year',
  cycleTitle: 'Title',
  lastUpdated: 'Last updated',
  phase: 'Phase',
  phaseName: {
    voting: 'Voting',
    rejected_awaiting_revision: 'Rejected: waiting for a revised version',
    dispute: 'Dispute: consent withheld',
    awaiting_adoption: 'Waiting for adoption by the director',
    awaiting_letters: 'Adopted: allocation letters scheduled',
    letters_sent: 'Finished: allocation letters sent',
  },
  phaseUnknown: 'Unknown',
  newCycleIntro:
    'Fill in the details and look at the preview first. It lists every reminder, the deadline, the escalation moment and the date of the allocation letters. The cycle starts only when you confirm.',
  sectionProposal: 'Proposal',
  sectionFigures: 'Amounts for the allocation',
  sectionDates: 'Schedule',
  budgetYearHint:
    'The calendar year the budget is for. ALV, RvT and OPR decide in December of the year before.',
  titleOptional: 'Title (optional)',
  titleHint: 'Leave empty: ‘Begroting’ with the budget year.',
  proposalUrl: 'Link to the proposal',
  proposalUrlHint:
    'Or a web address starting with https://, for example a document on the intranet. Only when you do not choose a file.',
  proposalFile: 'File with the proposal',
  proposalFileHint: (max) =>
    `PDF, Word, Excel or OpenDocument, at most ${max}. Give a file or a link, not both.`,
  proposalFileReplaceHint: (max) =>
    `Only choose a file to replace the uploaded one. PDF, Word, Excel or OpenDocument, at most ${max}.`,
  uploadedFile: 'Uploaded file',
  removeUploadedFile: 'Do not use this file',
  proposalSourceMissing: 'Choose a file with the proposal or enter the link to the proposal.',
  proposalSourceBoth:
    'Give a file or a link, not both. Clear the link or choose ‘Do not use this file’.',
  versionLabel: 'Version',
  versionLabelHint: 'As members recognise the version, for example ‘Concept v1’.',
  amountPerPupil: 'Amount per pupil (€)',
  amountPerPupilHint: 'The variable amount per pupil in euros, for example 185,00.',
  equity: 'Equity (€)',
  equityHint: 'Current equity in euros. May be negative, for example -12.500,00.',
  turnover: 'Total income (€)',
  turnoverHint: 'Gross turnover in euros: the base of the 2% reserve target.',
  amountRequired: 'Enter an amount in euros, such as 1.234,56.',
  voteDeadline: 'Vote deadline',
  voteDeadlineHint:
    'Date and time (Dutch time), such as 11-12-2026 17:00. Default: the last working day up to 12 December, 17:00.',
  lettersDate: 'Allocation letters sent on',
  lettersDateHint:
    'Date and time (Dutch time). Default: the first working day from 15 December, 09:00.',
  reminderOffsets: 'Reminders (working days before the deadline)',
  reminderOffsetsHint:
    "Numbers of working days separated by commas, such as 7, 2. Leave empty: your cooperation's setting.",
  previewButton: 'Preview',
  previewTitle: 'Preview of the budget cycle',
  previewIntro:
    'Check the details and the schedule. The cycle starts only when you press ‘Start the cycle’; members then receive an invitation to vote.',
  schedule: 'Schedule',
  when: 'When',
  what: 'What',
  scheduleKind: {
    reminder: 'Reminder',
    deadline: 'Deadline',
    escalation: 'Escalation',
    letters: 'Allocation letters',
  },
  scheduleText: {
    reminder: 'Reminder to members who have not voted yet',
    deadline: 'Voting closes',
    escalation: 'Escalation to chair and secretariat if the quorum was not reached',
    letters: 'Allocation letters to schools and school boards',
  },
  decidingBodies: 'Bodies that decide',
  reminderDays: (days) =>
    days.length === 0
      ? 'none'
      : `${days.join(' and ')} working day${days.length === 1 && days[0] === 1 ? '' : 's'} before the deadline`,
  startCycle: 'Start the cycle',
  change: 'Change',
  startUnavailable: 'The cycle cannot be started at the moment. Please try again in a few minutes.',
  cycleStarted: 'The budget cycle has started. Members receive an invitation to vote.',
  cycleExisted: 'A cycle for this budget year already exists. You see it below.',
};
