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
  reserveRuleTitle: 'Reserve rule',
  reserveRuleIntro:
    'How high equity may be. Below the target, the shortfall is made up by lowering the amount per pupil. The allocation letters and the budget preview name the rule. All empty: 2%, 3.5%, in 1 year, no maximum amount.',
  reserveTarget: 'Target (% of turnover)',
  reserveTargetHint: 'For example 2. Enter 0 if you keep no lower limit.',
  reserveCeiling: 'Maximum (% of turnover)',
  reserveCeilingHint: "For example 3.5: the ministry's (OCW) signal value.",
  reserveRecoveryYears: 'Make up a shortfall over (years)',
  reserveRecoveryYearsHint: 'Over how many years a shortfall is spread, 1 to 10.',
  reserveCap: 'Maximum amount (€, optional)',
  reserveCapHint: 'For example 300,000. Empty: only the percentage holds.',
  reserveCapFromYear: 'Maximum amount holds from (year, optional)',
  reserveCapFromYearHint: 'The first budget year the maximum amount holds for. Empty: every year.',
  reserveDefaultTarget: '2% (default)',
  reserveDefaultCeiling: '3.5% (default)',
  reserveNoCap: 'None',
  reserveEveryYear: 'Every year',
  reserveRuleRow: 'Reserve rule',
  calendarRow: 'Calendar',
  calendarOffice:
    'Working days of the office and the board members: weekends and public holidays do not count, school holidays do.',
  calendarSchool: (region) =>
    `School days of region ${region}: invitations and reminders to schools skip weekends, public holidays and the school holidays of region ${region}. Escalations to the board and the ECT member follow working days (only weekends and public holidays off).`,
  regionName: { noord: 'North', midden: 'Central', zuid: 'South' },
  invitationsAt: 'Invitations',
  invitationsNow: 'Right after the start',
  invitationsLater: (when) =>
    `${when}: the first business moment between 08:00 and 18:00 (it is outside those hours now)`,
};
