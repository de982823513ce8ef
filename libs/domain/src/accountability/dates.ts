import { DomainError } from '../errors';
import { amsterdamInstant } from '../calendar/amsterdam';
import { businessDayOnOrAfter } from '../calendar/business-days';
import { formatLocalDate } from '../calendar/local-date';
import { type ReminderPolicy, validateReminderPolicy } from '../schedule/schedule';

/**
 * Reminders before the 1 February deadline: 14, 7 and 1 business days before the deadline's
 * date, at 09:00 Amsterdam. Two working weeks give a school time to gather the figures from
 * its own annual accounts; the last one is the business day before. Per-SWV configuration
 * may replace it.
 */
export const DEFAULT_ACCOUNTABILITY_REMINDER_POLICY: ReminderPolicy = Object.freeze({
  offsetsBusinessDays: Object.freeze([14, 7, 1]) as number[],
  sendHour: 9,
});

/**
 * Weekly overdue reminders stop after this many (a quarter of a year): a school that has not
 * submitted by then is a matter for a conversation, not for more mail. The escalation to its
 * board and ECT member has long gone out.
 */
export const DEFAULT_MAX_OVERDUE_REMINDERS = 12;

/** Day of January (of the year after the accounting year) on or after which the cycle opens. */
export const ACCOUNTABILITY_OPEN_JANUARY_DAY = 6;

export function assertAccountingYear(accountingYear: number): void {
  if (!Number.isInteger(accountingYear) || accountingYear < 2015 || accountingYear > 2199) {
    throw DomainError.of('VALIDATION', 'accountingYear', 'validation.yearOutOfRange', {
      field: 'accountingYear',
      min: 2015,
      max: 2199,
    });
  }
}

export interface AccountabilityDates {
  /** End of 1 February of the next year: 23:59:59.999 Europe/Amsterdam. */
  deadline: Date;
  /** First business day on or after 6 January of the next year, 09:00 Amsterdam. */
  openAt: Date;
  reminderPolicy: ReminderPolicy;
}

/**
 * Default dates for the accountability over calendar year `accountingYear` (docs/domain.md, source 001 §7.4:
 * "levert elke school uiterlijk 1 februari ..."):
 * - deadline: "uiterlijk 1 februari" read as the whole of 1 February, so the deadline is the
 *   last millisecond of that day in Amsterdam; a submission at 23:30 is on time. When
 *   1 February is a weekend day the deadline stays: submitting is online, and reminders and
 *   escalations are on business days anyway.
 * - openAt: after the Christmas holidays (which end in the first week of January), when the
 *   year's books are closed; the first default reminder (14 business days before) follows it.
 * - reminderPolicy: DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.
 */
export function defaultAccountabilityDates(accountingYear: number): AccountabilityDates {
  assertAccountingYear(accountingYear);
  const year = accountingYear + 1;
  const endOfFirstFebruary =
    amsterdamInstant(formatLocalDate(year, 2, 1), 23, 59).getTime() + 59_999;
  const openDate = businessDayOnOrAfter(formatLocalDate(year, 1, ACCOUNTABILITY_OPEN_JANUARY_DAY));
  validateReminderPolicy(DEFAULT_ACCOUNTABILITY_REMINDER_POLICY);
  return {
    deadline: new Date(endOfFirstFebruary),
    openAt: amsterdamInstant(openDate, 9),
    reminderPolicy: {
      offsetsBusinessDays: [...DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.offsetsBusinessDays],
      sendHour: DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.sendHour,
    },
  };
}
