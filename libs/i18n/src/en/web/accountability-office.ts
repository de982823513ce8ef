import type { accountabilityOffice as nl } from '../../nl/web/accountability-office';

export const accountabilityOffice: typeof nl = {
  accOffice: {
    previewTitle: 'Dates for every school',
    previewIntro:
      'This is how the accountability runs for a school that does not submit, computed by the same rules as the process itself: on the schools’ working days, between 08:00 and 18:00.',
    previewButton: 'Show the dates',
    previewWhen: 'When',
    previewWhat: 'What',
    previewInvitation: 'Invitation and task for the school’s contacts',
    previewReminder: (n: number) => `Reminder ${n} before the deadline`,
    previewDeadline: 'Deadline',
    previewEscalation: 'Notice to the bestuurder and the ECT member if the school is late',
    previewOverdue: 'Weekly reminder after the deadline',
    previewOverdueMore: (max: number) =>
      `After that a reminder every week, at most ${max} after the deadline.`,
    previewShown: 'The dates below follow the deadline and reminder days filled in.',
    remindTitle: 'Remind late schools',
    remindIntro: (n: number) =>
      n === 1
        ? 'One school is late. With one click its contacts get a reminder.'
        : `${n} schools are late. With one click the contacts of every late school get a reminder.`,
    remindHours:
      'Outside working hours or in a school holiday the reminder goes out at the school’s next working moment.',
    remindButton: 'Remind all late schools',
    remindConfirm: (n: number) =>
      n === 1
        ? 'Send one late school a reminder now?'
        : `Send each of the ${n} late schools a reminder now?`,
    remindNone: 'There are no late schools to remind.',
    remindDone: (queued: number, already: number) =>
      `${queued === 1 ? 'One late school gets' : `${queued} late schools get`} a reminder.` +
      (already > 0
        ? ` ${already === 1 ? 'One school already had' : `${already} schools already had`} a reminder waiting and ${already === 1 ? 'gets' : 'get'} no second one.`
        : ''),
    remindSkipped: (n: number) =>
      `${n === 1 ? 'One school' : `${n} schools`} could not be reminded: ${n === 1 ? 'its' : 'their'} accountability started before this feature existed. Please contact ${n === 1 ? 'it' : 'them'} yourself.`,
    remindFailed:
      'Reminding did not succeed. Refresh the page and try again; schools that already got a reminder do not get a second one.',
    threadTitle: 'Conversation about the accountability',
    threadIntro:
      'The secretariat’s comments and the replies to them. The school and the secretariat can reply until the accountability is accepted.',
    threadReview: (v: number) => `Comment of the secretariat on version ${v}`,
    threadSchool: 'Reply of the school',
    threadOffice: 'Reply of the secretariat',
    threadBy: (name: string) => `by ${name}`,
    replyLabel: 'Your reply',
    replyHint:
      'For example an explanation or a question about the comment. At most 4,000 characters.',
    replyButton: 'Post reply',
    replySent: 'Your reply has been posted.',
    schoolReplied: 'New reply from the school',
    historyTitle: 'Reminders and notices',
    historyIntro: 'Every e-mail sent about this accountability, with recipient and status.',
    historyNone: 'No e-mail about this accountability has been sent yet.',
    historyWhen: 'Date',
    historyWhat: 'What',
    historyTo: 'To',
    historyStatus: 'Status',
    historyKind: {
      invitation: 'Invitation',
      reminder: 'Reminder before the deadline',
      overdue: 'Reminder after the deadline',
      escalation: 'Notice: school late',
      remind: 'Reminder by the secretariat',
      submitted: 'Request to review',
      returned: 'Returned for correction',
      accepted: 'Accepted',
      extended: 'Deadline extended',
      waived: 'Waived',
      other: 'Message',
    },
    historyMailStatus: {
      sent: 'Sent',
      pending: 'Waiting to be sent',
      failed: 'Not sent',
      dead: 'Not sent',
    },
    historyUnknownPerson: 'Unknown recipient',
    diffTitle: (n: number) => `What changed in version ${n}`,
    diffIntro: (n: number) =>
      `Version ${n} compared with version ${n - 1}; only the lines that changed.`,
    diffNone: (n: number) => `Version ${n} has the same amounts and appendix as version ${n - 1}.`,
    diffLine: 'Line',
    diffBefore: (n: number) => `Version ${n}`,
    diffAfter: (n: number) => `Version ${n}`,
    diffFte: 'FTE',
    diffAppendix: 'Appendix',
    diffAbsent: '–',
  },
};
