import type { office as nl } from '../../nl/web/office';

/** The office's home page and the SWV's agenda (issue #16). */
export const office: typeof nl = {
  navOffice: 'Overview',
  navAgenda: 'Year agenda',
  of: {
    title: 'Overview',
    intro: (organisation: string) =>
      `Every cycle of ${organisation} on one page: what runs, what needs your attention today and the next dates.`,
    runningTitle: 'What runs',
    runningNone: 'No cycle is running at the moment.',
    cycleKind: {
      budget: 'Budget',
      accountability: 'Accountability',
      support_plan: 'Support plan',
      ect_evaluation: 'ECT evaluation',
      visitation: 'Visitation',
      other: 'Cycle',
    },
    status: {
      voting: 'Voting',
      rejected_awaiting_revision: 'Rejected, awaiting a revision',
      dispute: 'Dispute',
      consent_withheld: 'Consent withheld',
      awaiting_adoption: 'Awaiting adoption',
      awaiting_letters: 'Awaiting the allocation letters',
      fanning_out: 'Inviting the schools',
      running: 'Running',
      inviting: 'Invitations going out',
      open: 'Running',
      overdue: 'Schools late',
    },
    statusRunning: 'Running',
    schoolCounts: 'Schools per status',
    schoolStatus: {
      not_started: 'not started',
      draft: 'draft',
      submitted: 'submitted',
      returned: 'returned',
      accepted: 'accepted',
      late: 'late',
      waived: 'waived',
    },
    programmesTitle: 'Visitation programmes',
    programmeVisits: (open: number, total: number) =>
      `${open} of ${total} ${total === 1 ? 'visit' : 'visits'} not yet completed`,
    transitionsTitle: 'Transition cases',
    transitionsOpen: (n: number) => (n === 1 ? '1 open case' : `${n} open cases`),
    transitionsNone: 'No open transition cases.',
    transitionsNote: 'Counts per phase only; the pupils are not shown here.',
    attentionTitle: 'Needs your attention today',
    attentionNone: 'Nothing needs your attention today.',
    lateSchoolsTitle: 'Schools late with their accountability',
    lateSchool: (school: string, year: number, days: number) =>
      `${school}: accountability ${year}, ${days === 1 ? '1 day' : `${days} days`} late`,
    bodiesTitle: 'Bodies without quorum',
    bodyNoQuorum: (body: string, cycle: string, notVoted: number) =>
      `${body} (${cycle}): no quorum yet, ${notVoted === 1 ? '1 member has' : `${notVoted} members have`} not voted`,
    bodyDeadline: (when: string) => `voting until ${when}`,
    bodyLapsed: (when: string) => `voting period ended on ${when}`,
    escalationsTitle: 'Escalations',
    escalation: (body: string, cycle: string, when: string) =>
      `${body} (${cycle}): escalated to the chair and the secretariat on ${when}`,
    mailTitle: 'E-mail that did not arrive',
    mailRefused: (n: number) =>
      n === 1
        ? '1 address refused an e-mail for good. Correct the address under Administration.'
        : `${n} addresses refused an e-mail for good. Correct the addresses under Administration.`,
    mailRefusedItem: (to: string, subject: string) => `${to} – ${subject}`,
    mailRetrying: (n: number) =>
      n === 1
        ? '1 e-mail is waiting: the mail server refuses it now, we keep trying.'
        : `${n} e-mails are waiting: the mail server refuses them now, we keep trying.`,
    overdueTitle: 'Tasks past their deadline',
    overdueItem: (task: string, cycle: string, n: number, since: string) =>
      `${task} (${cycle}): ${n === 1 ? '1 task' : `${n} tasks`} open, the oldest since ${since}`,
    nextTitle: 'Next dates',
    nextNone: 'No dates are planned.',
    toAgenda: 'To the year agenda',
    open: 'Open',
  },
  rs: {
    decided: (body: string, outcome: string, ownVote: string | null) =>
      `Result: the vote of ${body} has closed. Outcome: ${outcome}.${ownVote ? ` Your vote: ${ownVote}.` : ''}`,
  },
  ag: {
    title: 'Year agenda',
    intro:
      'Every date of the cycles of the partnership, not only your own tasks: deadlines, visitation days and allocation letters, from last month to a year ahead.',
    empty: 'No dates in this period.',
    deadline: (task: string, cycle: string) => `Deadline ${task.toLowerCase()} – ${cycle}`,
    openOfTotal: (open: number, total: number) => `${open} of ${total} open`,
    visit: (host: string, programme: string) => `Visitation day ${host} – ${programme}`,
    letters: (cycle: string) => `Allocation letters go out – ${cycle}`,
    dateColumn: 'Date',
    whatColumn: 'What',
    feedTitle: 'The year agenda in your own calendar',
    feedIntro:
      'With a calendar subscription you see every date of the year agenda in Outlook, Google Calendar or Apple Calendar, with a reminder ahead. The link is personal: do not share it.',
    feedCreate: 'Create a calendar link for the year agenda',
    feedRegenerate: 'Create a new calendar link for the year agenda',
    feedNote:
      'This link opens the year agenda only. Your calendar link for your own tasks (under Calendar) is separate and keeps working. We show the link only once: lost it? Create a new one; the old one then stops working.',
    feedUrlLabel: 'Calendar link year agenda',
    feedRevoked:
      'The year agenda’s calendar link has been revoked. Calendars using it no longer receive its dates.',
    feedCalendarName: (organisation: string) => `Year agenda ${organisation}`,
  },
};
