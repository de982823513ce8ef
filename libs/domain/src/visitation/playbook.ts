import { amsterdamInstant, amsterdamParts } from '../calendar/amsterdam';
import { addBusinessDays, businessDayOnOrAfter } from '../calendar/business-days';
import { type LocalDate, addMonths } from '../calendar/local-date';
import { type SchoolRegion } from '../calendar/school-holidays';
import { DomainError } from '../errors';
import { nextBusinessMoment } from '../schedule/schedule';
import { type VisitationKind } from './types';

/**
 * The playbook (draaiboek) of a visit, as data (docs/domain.md §3, source 001 §6.2: the SWV has
 * playbooks for audits and collegial visitations). Each step has an owner and a due date given
 * as an offset from the visit date, in business days (negative: before the visit); the
 * follow-up check is counted in months. The workflow of a visit sleeps on the instants this
 * module computes; it never does date arithmetic itself.
 */
export type VisitStepKey =
  | 'invitation'
  | 'date_confirmation'
  | 'self_evaluation'
  | 'visit'
  | 'draft_report'
  | 'host_reaction'
  | 'final_report'
  | 'follow_up_check';

/** Who owes a step: the host's contacts, every team member, the chair, or the secretariat. */
export type VisitStepOwner = 'host' | 'team' | 'chair' | 'secretariat';

export interface PlaybookStep {
  key: VisitStepKey;
  owner: VisitStepOwner;
  /** Business days from the visit date (negative: before it). Not used by follow_up_check. */
  offsetBusinessDays: number;
}

export interface Playbook {
  /** The playbook's name, as the secretariat chose it ('standaard-visitatie'). */
  key: string;
  /** In order of their due dates; invitation, date_confirmation and visit are required. */
  steps: PlaybookStep[];
  /** Reminders to whoever still owes a step, this many business days before its due date. */
  reminderBusinessDays: number[];
  /** The secretariat checks the follow-up actions this many months after the visit. */
  followUpCheckMonths: number;
}

/** Reminders and escalations go out at this Amsterdam hour; deadlines fall at DUE_HOUR. */
export const VISIT_SEND_HOUR = 9;
export const VISIT_DUE_HOUR = 17;

/**
 * The default playbooks. A collegial visitation is about learning from each other: the host
 * reacts to the draft before the report is final. An audit also judges: the self-evaluation
 * comes earlier (the auditors prepare their questions from it), the host's reaction is a
 * formal response (wederhoor) and the follow-up is checked sooner.
 */
export const DEFAULT_PLAYBOOKS: Readonly<Record<VisitationKind, Playbook>> = Object.freeze({
  'collegiale-visitatie': {
    key: 'standaard-visitatie',
    steps: [
      { key: 'invitation', owner: 'secretariat', offsetBusinessDays: -30 },
      { key: 'date_confirmation', owner: 'team', offsetBusinessDays: -20 },
      { key: 'self_evaluation', owner: 'host', offsetBusinessDays: -10 },
      { key: 'visit', owner: 'team', offsetBusinessDays: 0 },
      { key: 'draft_report', owner: 'chair', offsetBusinessDays: 10 },
      { key: 'host_reaction', owner: 'host', offsetBusinessDays: 15 },
      { key: 'final_report', owner: 'chair', offsetBusinessDays: 20 },
      { key: 'follow_up_check', owner: 'secretariat', offsetBusinessDays: 0 },
    ],
    reminderBusinessDays: [5, 1],
    followUpCheckMonths: 6,
  },
  audit: {
    key: 'standaard-audit',
    steps: [
      { key: 'invitation', owner: 'secretariat', offsetBusinessDays: -40 },
      { key: 'date_confirmation', owner: 'team', offsetBusinessDays: -30 },
      { key: 'self_evaluation', owner: 'host', offsetBusinessDays: -15 },
      { key: 'visit', owner: 'team', offsetBusinessDays: 0 },
      { key: 'draft_report', owner: 'chair', offsetBusinessDays: 10 },
      { key: 'host_reaction', owner: 'host', offsetBusinessDays: 15 },
      { key: 'final_report', owner: 'chair', offsetBusinessDays: 20 },
      { key: 'follow_up_check', owner: 'secretariat', offsetBusinessDays: 0 },
    ],
    reminderBusinessDays: [5, 1],
    followUpCheckMonths: 3,
  },
});

/** The steps whose outcome is a document (upload, versions). */
export const REPORT_STEPS: readonly VisitStepKey[] = [
  'self_evaluation',
  'draft_report',
  'host_reaction',
  'final_report',
];

/** Refuses a playbook that would make no sense as a visit's flow. */
export function checkPlaybook(playbook: Playbook): void {
  const keys = playbook.steps.map((s) => s.key);
  for (const required of ['invitation', 'date_confirmation', 'visit'] as const) {
    if (!keys.includes(required))
      throw new DomainError('VALIDATION', `playbook needs step ${required}`, 'playbook');
  }
  if (new Set(keys).size !== keys.length)
    throw new DomainError('VALIDATION', 'playbook names a step twice', 'playbook');
  const at = (k: VisitStepKey): number =>
    playbook.steps.find((s) => s.key === k)?.offsetBusinessDays ?? 0;
  for (const s of playbook.steps) {
    if (!Number.isInteger(s.offsetBusinessDays) || Math.abs(s.offsetBusinessDays) > 120)
      throw new DomainError('VALIDATION', `offset of ${s.key} out of range`, 'playbook');
  }
  if (!(at('invitation') < at('date_confirmation') && at('date_confirmation') < 0))
    throw new DomainError(
      'VALIDATION',
      'the invitation comes before the date confirmation, both before the visit',
      'playbook',
    );
  if (
    !Number.isInteger(playbook.followUpCheckMonths) ||
    playbook.followUpCheckMonths < 1 ||
    playbook.followUpCheckMonths > 24
  )
    throw new DomainError('VALIDATION', 'followUpCheckMonths must be 1–24', 'playbook');
  if (playbook.reminderBusinessDays.some((d) => !Number.isInteger(d) || d < 1 || d > 60))
    throw new DomainError('VALIDATION', 'reminder days must be 1–60', 'playbook');
}

/** Where a visit takes place: its date and, for a school, the region whose holidays count. */
export interface VisitCalendar {
  visitDate: LocalDate;
  /** Set when the host is a school or location: its school holidays are no business days. */
  region?: SchoolRegion;
}

/**
 * The due date of a step: the visit date moved by the step's business days (the host region's
 * school holidays skipped when the host is a school); the follow-up check M months after the
 * visit, on the next business day.
 */
export function stepDueDate(playbook: Playbook, key: VisitStepKey, cal: VisitCalendar): LocalDate {
  const opts = cal.region ? { region: cal.region } : {};
  if (key === 'follow_up_check')
    return businessDayOnOrAfter(addMonths(cal.visitDate, playbook.followUpCheckMonths), opts);
  const step = playbook.steps.find((s) => s.key === key);
  if (!step) throw new DomainError('NOT_FOUND', `playbook has no step ${key}`, 'step');
  return addBusinessDays(cal.visitDate, step.offsetBusinessDays, opts);
}

/** The instant a step is due: its due date at 17:00 Amsterdam (the visit itself: 08:00). */
export function stepDueAt(playbook: Playbook, key: VisitStepKey, cal: VisitCalendar): Date {
  const date = stepDueDate(playbook, key, cal);
  return amsterdamInstant(date, key === 'visit' ? 8 : VISIT_DUE_HOUR);
}

/**
 * Reminders before a due date, at 09:00 on business days; for someone at a school, never in
 * the school's region's holidays. Those not after `from` (when the flow was planned) are
 * dropped, so that a rescheduled visit does not send reminders of days that have passed.
 */
export function stepReminderTimes(
  playbook: Playbook,
  dueAt: Date,
  from: Date,
  region?: SchoolRegion,
): Date[] {
  const dueDate = amsterdamParts(dueAt).date;
  const opts = region ? { region } : {};
  const times = playbook.reminderBusinessDays.map((d) =>
    amsterdamInstant(addBusinessDays(dueDate, -d, opts), VISIT_SEND_HOUR),
  );
  const unique = [...new Map(times.map((t) => [t.getTime(), t])).values()];
  return unique
    .filter((t) => t.getTime() > from.getTime() && t.getTime() < dueAt.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * The escalation to the secretariat when a step is overdue: the next business day after its
 * due date, at 09:00 (the secretariat is no school: public holidays and weekends only).
 */
export function stepEscalationTime(dueAt: Date): Date {
  return amsterdamInstant(addBusinessDays(amsterdamParts(dueAt).date, 1), VISIT_SEND_HOUR);
}

/**
 * When a mail planned for `at` may go: `at` itself in business hours, else the next business
 * moment; a school in its holidays gets it on the first business day after them.
 */
export function visitSendTime(at: Date, region?: SchoolRegion): Date {
  const moment = nextBusinessMoment(at);
  if (!region) return moment;
  const date = amsterdamParts(moment).date;
  const open = businessDayOnOrAfter(date, { region });
  return open === date ? moment : amsterdamInstant(open, VISIT_SEND_HOUR);
}
