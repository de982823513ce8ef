import type { VisitMailArgs, visitation as nl } from '../../nl/mail/visitation';

const prefix = (a: VisitMailArgs) => `[${a.org}] ${a.kind} ${a.host}`;

export const visitation: typeof nl = {
  kinds: { 'collegiale-visitatie': 'Collegial visitation', audit: 'Audit' },
  steps: {
    invitation: 'invitation',
    date_confirmation: 'confirmation of the date',
    self_evaluation: 'self-evaluation',
    visit: 'visit',
    draft_report: 'draft report',
    host_reaction: 'reaction of the school',
    final_report: 'final report',
    follow_up_check: 'check of the follow-up actions',
  },
  open: 'Open in Jaarcyclus',
  invitation: {
    subject: (a: VisitMailArgs) => `${prefix(a)} on ${a.date}: confirm the date`,
    body: (a: VisitMailArgs) =>
      `${a.org} plans a ${a.kind.toLowerCase()} at ${a.host} on ${a.date}. You are invited. Confirm the date before ${a.due}, or tell us you cannot come: we then find a replacement for your seat.`,
  },
  seat_invitation: {
    subject: (a: VisitMailArgs) => `${prefix(a)} on ${a.date}: can you step in?`,
    body: (a: VisitMailArgs) =>
      `A member of the team at ${a.host} on ${a.date} cannot come. ${a.org} chose you as the replacement. Confirm the date before ${a.due}.`,
  },
  reminder: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: reminder, ${a.step}`,
    body: (a: VisitMailArgs) =>
      `For the visit at ${a.host} on ${a.date} we are still waiting for your ${a.step}. It is due by ${a.due}.`,
  },
  step_open: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: ${a.step}`,
    body: (a: VisitMailArgs) =>
      `For the visit at ${a.host} on ${a.date} the ${a.step} is now yours, due by ${a.due}.`,
  },
  rescheduled: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: new date ${a.date}`,
    body: (a: VisitMailArgs) =>
      `The secretariat of ${a.org} moved the visit at ${a.host} to ${a.date}. Confirm the new date before ${a.due}.`,
  },
  cancelled: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: cancelled`,
    body: (a: VisitMailArgs) =>
      `The secretariat of ${a.org} cancelled the visit at ${a.host} on ${a.date}. There is nothing left for you to do.`,
  },
  follow_up_assigned: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: a follow-up action for you`,
    body: (a: VisitMailArgs) =>
      `After the visit at ${a.host} a follow-up action was assigned to you, due by ${a.due}.`,
  },
  follow_up_reminder: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: reminder, follow-up action`,
    body: (a: VisitMailArgs) =>
      `Your follow-up action after the visit at ${a.host} is due by ${a.due}.`,
  },
  escalation: {
    subject: (a: VisitMailArgs) => `${prefix(a)}: overdue`,
    step_overdue: (a: VisitMailArgs) =>
      `The ${a.step} for the visit at ${a.host} on ${a.date} was due by ${a.due} and has not come in. Still owed by:`,
    seat_unfilled: (a: VisitMailArgs) =>
      `A team member of the visit at ${a.host} on ${a.date} cannot come, and no replacement meets the rules. Choose a replacement yourself or move the visit. Who declined:`,
    follow_up_overdue: (a: VisitMailArgs) =>
      `A follow-up action after the visit at ${a.host} was due by ${a.due} and is still open. Owner:`,
  },
};
