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
  overviewCsvHeader: [
    'School',
    'Board',
    'Status',
    'Days late',
    'Submitted on',
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
};
