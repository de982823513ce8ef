import type { labels as nl } from '../nl/labels';

export const labels: typeof nl = {
  accountabilityStatus: {
    not_started: 'Not started',
    draft: 'Draft',
    submitted: 'Submitted',
    returned: 'Returned for correction',
    accepted: 'Accepted',
    late: 'Late',
    waived: 'Waived',
  },
  visitationCsvHeader: [
    'Host',
    'Visit date',
    'Status',
    'Chair',
    'Overdue',
    'Open follow-up actions',
  ],
  visitStatus: {
    scheduled: 'Scheduled',
    confirmed: 'Confirmed',
    held: 'Held',
    reported: 'Draft report',
    following_up: 'Following up',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
  overviewCsvHeader: [
    'School',
    'Board',
    'Status',
    'Days late',
    'Submitted on',
    'Received (EUR)',
    'Spent (EUR)',
    'Deduction (EUR)',
    'Reason for waiver',
  ],
  budgetTimeline: {
    reminder: (year, deadline) =>
      `Reminder: the vote on the budget ${year} is open until ${deadline}`,
    deadline: (year) => `Vote deadline budget ${year}`,
    escalation: 'Escalation to chair and secretariat if the quorum was not reached',
    letters: (year) => `Allocation letters ${year} to schools and school boards`,
  },
  visitationLockProblem: {
    'unknown-host': 'unknown host',
    'unknown-visitor': 'unknown visitor',
    'not-a-visit-day':
      'that day is outside the windows, in a weekend, on a public holiday or in the school holidays',
    'two-dates': 'two different dates are locked',
    'visitor-unavailable': 'the visitor is not available on the locked day',
    'own-school': 'the visitor is from the same school',
    'own-board': 'the visitor is from the same board',
    excluded: 'the visitor may not visit this host',
    'untrained-chair': 'the chair is not trained',
    'two-chairs': 'two chairs are locked',
    'team-full': 'more people are locked than the team has seats',
  },
};
