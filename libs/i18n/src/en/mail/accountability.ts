import type { SchoolMailArgs } from '../../mail-types';
import type { accountability as nl } from '../../nl/mail/accountability';
import { common } from './common';

const { days } = common;
const prefix = (a: SchoolMailArgs) => `[${a.org}] Accountability ${a.year}`;

export const accountability: typeof nl = {
  fill: 'Fill in the accountability',
  invitation: {
    subject: (a) => `${prefix(a)}: due ${a.deadline} – ${a.school}`,
    ask: (a) =>
      `${a.org} asks ${a.school} to account for the calendar year ${a.year} in its fixed format (version ${a.formatVersion}). The format asks for the income (in euros), the expenses (in FTE and euros) and an appendix listing the extra support the school delivers (content and FTE).`,
    deadline: (a) => `Please submit before ${a.deadline}. You can save a draft in between.`,
    underspending: 'Underspending is deducted from the school’s total receipts.',
  },
  reminder: {
    subject: (a) => `${prefix(a)}: reminder, due ${a.deadline} – ${a.school}`,
    returned: (a) =>
      `The accountability ${a.year} of ${a.school} (version ${a.version ?? ''}) was returned for correction and has not been resubmitted yet. The deadline is ${a.deadline}.`,
    notReceived: (a) =>
      `${a.org} has not yet received the accountability ${a.year} of ${a.school}. The deadline is ${a.deadline}.`,
  },
  overdue: {
    subject: (a) => `${prefix(a)}: ${days(a.daysLate)} late – ${a.school}`,
    passed: (a) =>
      `The deadline of the accountability ${a.year} of ${a.school} (${a.deadline}) has passed; the school is ${days(a.daysLate)} late.`,
    submitNow:
      'Please submit as soon as possible. The school board and the school’s ECT member have been informed.',
  },
  extended: {
    subject: (a) => `${prefix(a)}: new deadline ${a.deadline} – ${a.school}`,
    extended: (a) =>
      `The secretariat of ${a.org} extended the deadline of the accountability ${a.year} of ${a.school} to ${a.deadline}.`,
  },
  returned: {
    subject: (a) => `${prefix(a)}: returned for correction – ${a.school}`,
    returned: (a) =>
      `The secretariat of ${a.org} returned version ${a.version ?? ''} of the accountability ${a.year} of ${a.school} for correction:`,
    resubmit: (a) => `Please submit the corrected accountability before ${a.deadline}.`,
    correct: 'Correct the accountability',
  },
  accepted: {
    subject: (a) => `${prefix(a)}: accepted – ${a.school}`,
    accepted: (a) =>
      `The secretariat of ${a.org} accepted version ${a.version ?? ''} of the accountability ${a.year} of ${a.school}.`,
    received: 'Received from the SWV',
    spent: 'Spent (expenses reported)',
    underspending: 'Underspending',
    deducted: (a, amount) =>
      `The underspending of ${amount} is deducted from the allocation${a.allocationYear ? ` for ${a.allocationYear}` : ''}.`,
    noUnderspending: 'There is no underspending.',
  },
  waived: {
    subject: (a) => `${prefix(a)}: waived – ${a.school}`,
    waived: (a) =>
      `The secretariat of ${a.org} has waived the accountability ${a.year} for ${a.school}. Nothing more needs to be submitted.`,
    reason: (reason) => `Reason: ${reason}`,
  },
  escalation: {
    subject: (a) => `[${a.org}] Accountability ${a.year} not submitted: ${a.school}`,
    late: (a) =>
      `${a.school} has not submitted its accountability ${a.year} to ${a.org}. The deadline was ${a.deadline}; the school is ${days(a.daysLate)} late.`,
    toBestuurder: (board) =>
      `As bestuurder of ${board}, please make sure the school submits as soon as possible.`,
    toEctMember:
      'As the school’s ECT member, please discuss with the school’s support team how the accountability can be completed.',
    view: 'View the school’s accountability',
  },
  review: {
    subject: (a) =>
      `[${a.org}] Review accountability ${a.year}: ${a.school} (version ${a.version ?? ''})`,
    submitted: (a) =>
      `${a.school} submitted version ${a.version ?? ''} of its accountability ${a.year}${a.daysLate > 0 ? `, ${days(a.daysLate)} late` : ''}.`,
    ask: 'Please review it: accept it, or return it for correction with what the school must correct.',
    review: 'Review',
  },
  reply: {
    subject: (org, year, school) => `[${org}] Accountability ${year}: new reply – ${school}`,
    bySchool: (year, school) =>
      `${school} replied in the conversation on its accountability ${year}.`,
    byOffice: (year, school) =>
      `The secretariat replied in the conversation on the accountability ${year} of ${school}.`,
    read: 'Read the reply in Jaarcyclus; you can answer there too.',
    open: 'Open the conversation',
  },
};
