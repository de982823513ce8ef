import { DomainError } from '../errors';
import { amsterdamInstant, amsterdamParts } from '../calendar/amsterdam';
import {
  type BusinessDayOptions,
  addBusinessDays,
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  isBusinessDay,
} from '../calendar/business-days';
import type { SchoolRegion } from '../calendar/school-holidays';
import { type LocalDate, addDays, formatLocalDate } from '../calendar/local-date';
import { LABELS } from '@jaarcyclus/i18n/core';
import { formatDateTimeNl } from '../money/format-date';

/**
 * Deadline, reminder and escalation arithmetic that workflows sleep on. Everything is a pure
 * function of its arguments (`now` included), so a replayed workflow computes the same timers.
 * "A reminder sent at 03:00 or on Christmas Day is a bug" (docs/domain.md): every instant produced
 * here is on a business day, inside business hours, Europe/Amsterdam.
 */

/** Office hours in Europe/Amsterdam, [startHour, endHour): 18:00 itself is outside. */
export interface BusinessHours {
  startHour: number;
  endHour: number;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = Object.freeze({ startHour: 8, endHour: 18 });

export function validateBusinessHours(hours: BusinessHours): void {
  const { startHour, endHour } = hours;
  if (!Number.isInteger(startHour) || startHour < 0 || startHour > 23) {
    throw new DomainError('VALIDATION', 'startHour must be an integer 0–23', 'startHour');
  }
  if (!Number.isInteger(endHour) || endHour <= startHour || endHour > 24) {
    throw new DomainError(
      'VALIDATION',
      'endHour must be an integer after startHour, at most 24',
      'endHour',
    );
  }
}

/**
 * The calendar of a date that addresses a school: weekends, public holidays and the school
 * holidays of its region (the SWV's region) are no business days, for schools are closed then.
 * Dates that address board members and the office use the default calendar (no options):
 * weekends and public holidays only. Beyond the holiday table only weekends and public
 * holidays count, so a workflow never fails on a date years ahead.
 */
export function schoolCalendar(region: SchoolRegion): BusinessDayOptions {
  return { region, beyondTable: 'weekdays' };
}

/**
 * The instant itself if it falls on a business day within business hours, else the next
 * business day at startHour (the same day, when the instant is before opening time).
 * `calendar`: which days count (default: weekends and public holidays off; see schoolCalendar).
 */
export function nextBusinessMoment(
  instant: Date,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
  calendar?: BusinessDayOptions,
): Date {
  validateBusinessHours(hours);
  const { date, hour } = amsterdamParts(instant);
  if (isBusinessDay(date, calendar)) {
    if (hour >= hours.startHour && hour < hours.endHour) return new Date(instant.getTime());
    if (hour < hours.startHour) return amsterdamInstant(date, hours.startHour);
  }
  return amsterdamInstant(addBusinessDays(date, 1, calendar), hours.startHour);
}

export interface ReminderPolicy {
  /** Business days before the deadline's date on which to remind, e.g. [7, 2]. */
  offsetsBusinessDays: number[];
  /** Amsterdam hour at which reminders go out. */
  sendHour: number;
  /**
   * Minute past `sendHour` (0–59, default 0). No SWV setting or api field sets it: it lets a
   * cycle started outside the api (bench:reminders) make reminders due at a chosen minute,
   * through the same timers, activities and outbox. Absent in every recorded history, so a
   * replay computes the same times as before.
   */
  sendMinute?: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = Object.freeze({
  // Frozen: the default is shared by every tenant in the process.
  offsetsBusinessDays: Object.freeze([7, 2]) as number[],
  sendHour: 9,
});

/**
 * A reminder policy is per-SWV configuration. sendHour must lie within the default business
 * hours, so that no configuration can make the service mail people at night.
 */
export function validateReminderPolicy(policy: ReminderPolicy): void {
  if (!Array.isArray(policy.offsetsBusinessDays)) {
    throw new DomainError(
      'VALIDATION',
      'offsetsBusinessDays must be an array',
      'offsetsBusinessDays',
    );
  }
  policy.offsetsBusinessDays.forEach((offset, i) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > 260) {
      throw DomainError.of(
        'VALIDATION',
        `offsetsBusinessDays[${i}]`,
        'validation.offsetsBusinessDays',
        { min: 0, max: 260 },
      );
    }
  });
  const { startHour, endHour } = DEFAULT_BUSINESS_HOURS;
  if (
    !Number.isInteger(policy.sendHour) ||
    policy.sendHour < startHour ||
    policy.sendHour >= endHour
  ) {
    throw new DomainError(
      'VALIDATION',
      `sendHour must be a whole hour within business hours (${startHour}–${endHour - 1})`,
      'sendHour',
    );
  }
  const minute = policy.sendMinute;
  if (minute !== undefined && (!Number.isInteger(minute) || minute < 0 || minute > 59)) {
    throw new DomainError('VALIDATION', 'sendMinute must be a whole minute 0–59', 'sendMinute');
  }
}

function assertValidDate(instant: Date, field: string): void {
  if (!(instant instanceof Date) || !Number.isFinite(instant.getTime())) {
    throw new DomainError('VALIDATION', `${field} must be a valid Date`, field);
  }
}

function dedupeAscending(instants: Date[]): Date[] {
  const unique = new Map<number, Date>();
  for (const d of instants) unique.set(d.getTime(), d);
  return [...unique.values()].sort((a, b) => a.getTime() - b.getTime());
}

/**
 * For each offset: the business day `offset` business days before the deadline's Amsterdam
 * date (a Monday deadline with offset 2 → the previous Thursday; holidays are skipped), at
 * sendHour Amsterdam. Reminders not strictly after `now` or not strictly before the deadline
 * are dropped; duplicates are removed; ascending.
 */
export function reminderTimes(
  deadline: Date,
  policy: ReminderPolicy,
  now: Date,
  calendar?: BusinessDayOptions,
): Date[] {
  assertValidDate(deadline, 'deadline');
  assertValidDate(now, 'now');
  validateReminderPolicy(policy);
  const deadlineDate = amsterdamParts(deadline).date;
  const candidates = policy.offsetsBusinessDays.map((offset) =>
    amsterdamInstant(
      addBusinessDays(deadlineDate, -offset, calendar),
      policy.sendHour,
      policy.sendMinute ?? 0,
    ),
  );
  return dedupeAscending(
    candidates.filter((t) => t.getTime() > now.getTime() && t.getTime() < deadline.getTime()),
  );
}

/** Hour at which overdue reminders and escalations go out. */
export const OVERDUE_SEND_HOUR = 9;

/**
 * Overdue reminders after a missed deadline: the first one week after the deadline's date,
 * each next one a week after the previous one; a reminder that would land on a non-business
 * day moves to the next business day, always at 09:00 Amsterdam. Returns the first `count`
 * reminders that are strictly after `now`, so a workflow that restarts (continue-as-new)
 * gets the reminders still to come.
 */
export function weeklyOverdueReminders(
  deadline: Date,
  now: Date,
  count: number,
  calendar?: BusinessDayOptions,
): Date[] {
  assertValidDate(deadline, 'deadline');
  assertValidDate(now, 'now');
  if (!Number.isInteger(count) || count < 0 || count > 520) {
    throw new DomainError('VALIDATION', 'count must be an integer between 0 and 520', 'count');
  }
  const result: Date[] = [];
  let date: LocalDate = amsterdamParts(deadline).date;
  while (result.length < count) {
    date = businessDayOnOrAfter(addDays(date, 7), calendar);
    const at = amsterdamInstant(date, OVERDUE_SEND_HOUR);
    if (at.getTime() > now.getTime()) result.push(at);
  }
  return result;
}

/**
 * When an escalation (to chair and secretariat, docs/domain.md §1) goes out after a missed
 * deadline: the next business day after the deadline's date at 09:00, so that people are
 * not escalated to in the evening and late votes of the deadline day itself still count.
 */
export function escalationTime(deadline: Date): Date {
  assertValidDate(deadline, 'deadline');
  return amsterdamInstant(addBusinessDays(amsterdamParts(deadline).date, 1), OVERDUE_SEND_HOUR);
}

/** Amsterdam hour of the default vote deadline: end of the office day. */
export const BUDGET_VOTE_DEADLINE_HOUR = 17;
/** Amsterdam hour at which allocation letters go out. */
export const BUDGET_LETTERS_HOUR = 9;
/** Business days between opening the vote and its deadline (three working weeks). */
export const BUDGET_VOTE_OPEN_BUSINESS_DAYS = 15;

export function assertBudgetYear(budgetYear: number): void {
  if (!Number.isInteger(budgetYear) || budgetYear < 2015 || budgetYear > 2200) {
    throw DomainError.of('VALIDATION', 'budgetYear', 'validation.yearOutOfRange', {
      field: 'budgetYear',
      min: 2015,
      max: 2200,
    });
  }
}

/**
 * Default December budget dates for budget (calendar) year Y; the ALV/RvT approval and OPR
 * consent happen in December of Y-1 (docs/domain.md, source 001 §7, §7.1: "jaarlijks in december").
 * - voteDeadline: the last business day on or before 12 December (Y-1), 17:00 Amsterdam.
 *   The seed gives no day; 12 December leaves the adoption by the directeur-bestuurder and
 *   the letters room before mid-December.
 * - lettersDate: the first business day on or after 15 December (Y-1), 09:00 Amsterdam —
 *   "medio december" the SWV tells every school/board its funds (docs/domain.md, source 001 §7.4, §7.2).
 * - openAt: 15 business days (three working weeks) before the vote deadline's date, 09:00,
 *   so that members can deliberate and the default reminders (7 and 2 business days before)
 *   fall inside the voting window.
 */
export function defaultBudgetDates(budgetYear: number): {
  voteDeadline: Date;
  lettersDate: Date;
  openAt?: Date;
} {
  assertBudgetYear(budgetYear);
  const decemberYear = budgetYear - 1;
  const deadlineDate = businessDayOnOrBefore(formatLocalDate(decemberYear, 12, 12));
  const lettersDate = businessDayOnOrAfter(formatLocalDate(decemberYear, 12, 15));
  return {
    voteDeadline: amsterdamInstant(deadlineDate, BUDGET_VOTE_DEADLINE_HOUR),
    lettersDate: amsterdamInstant(lettersDate, BUDGET_LETTERS_HOUR),
    openAt: amsterdamInstant(
      addBusinessDays(deadlineDate, -BUDGET_VOTE_OPEN_BUSINESS_DAYS),
      BUDGET_LETTERS_HOUR,
    ),
  };
}

export interface TimelineEntry {
  at: Date;
  kind: 'reminder' | 'deadline' | 'escalation' | 'letters';
  /** Dutch (libs/i18n, labels.budgetTimeline), for API clients; pages write their own. */
  label: string;
  /** Key of the mail template to send, if the entry sends mail. */
  bodyKey?: string;
}

/**
 * The planned timeline of a December budget round with the default dates: reminders before
 * the vote deadline, the deadline, the escalation moment if quorum is missed, and the
 * allocation letters, in time order. Reminders not after `now` are dropped (see
 * reminderTimes); the deadline, escalation and letters are always listed.
 */
export function budgetTimeline(
  budgetYear: number,
  now: Date,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
  dates: { voteDeadline: Date; lettersDate: Date } = defaultBudgetDates(budgetYear),
): TimelineEntry[] {
  const { voteDeadline, lettersDate } = dates;
  const deadlineText = formatDateTimeNl(voteDeadline);
  const label = LABELS.nl.budgetTimeline;
  const entries: TimelineEntry[] = [
    ...reminderTimes(voteDeadline, policy, now).map((at): TimelineEntry => ({
      at,
      kind: 'reminder',
      label: label.reminder(budgetYear, deadlineText),
      bodyKey: 'budget.vote.reminder',
    })),
    { at: voteDeadline, kind: 'deadline', label: label.deadline(budgetYear) },
    {
      at: escalationTime(voteDeadline),
      kind: 'escalation',
      label: label.escalation,
      bodyKey: 'budget.vote.escalation',
    },
    {
      at: lettersDate,
      kind: 'letters',
      label: label.letters(budgetYear),
      bodyKey: 'budget.letters',
    },
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
