import { DomainError } from '../errors';
import { type LocalDate, addDays, compareLocalDate, parseLocalDate, weekdayOf } from './local-date';
import { isPublicHolidayDayOff } from './public-holidays';
import { type SchoolRegion, isSchoolHoliday, isSchoolYearKnown } from './school-holidays';

export interface BusinessDayOptions {
  /**
   * When set, that region's school holidays are not business days either: schools are
   * closed, so e.g. a school's accountability deadline or a visitation should not land there.
   */
  region?: SchoolRegion;
  /**
   * Outside the school years the holiday table knows, count only weekends and public holidays
   * instead of throwing: for workflows, which must never fail on a date years ahead (the table
   * test warns a year before it runs out, school-holidays.spec.ts).
   */
  beyondTable?: 'throw' | 'weekdays';
}

/**
 * A business day is Monday–Friday and not a public holiday that is a day off (so Goede
 * Vrijdag and, outside lustrum years, Bevrijdingsdag are business days). With a region, its
 * school holidays are excluded as well (throws outside the supported school years).
 */
export function isBusinessDay(date: LocalDate, opts?: BusinessDayOptions): boolean {
  if (weekdayOf(date) > 5) return false;
  if (isPublicHolidayDayOff(date)) return false;
  if (opts?.region !== undefined) {
    if (opts.beyondTable === 'weekdays' && !isSchoolYearKnown(date)) return true;
    if (isSchoolHoliday(date, opts.region)) return false;
  }
  return true;
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n)) {
    throw new DomainError(
      'VALIDATION',
      `Business-day count must be an integer, got ${String(n)}`,
      'n',
    );
  }
}

/**
 * Moves `n` business days from `date`; `date` itself is not counted. n = 0 returns `date`
 * when it is a business day, else the next business day (so "0 business days after a
 * Saturday" is the Monday). Negative n moves backwards: 2 business days before a Monday is
 * the previous Thursday.
 */
export function addBusinessDays(date: LocalDate, n: number, opts?: BusinessDayOptions): LocalDate {
  parseLocalDate(date, 'date');
  assertCount(n);
  let current = date;
  if (n === 0) {
    while (!isBusinessDay(current, opts)) current = addDays(current, 1);
    return current;
  }
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    current = addDays(current, step);
    if (isBusinessDay(current, opts)) remaining -= 1;
  }
  return current;
}

/**
 * Number of business days d with a < d ≤ b (negative, counted the same way, when b < a).
 * Consistent with addBusinessDays: for business days a and b,
 * addBusinessDays(a, businessDaysBetween(a, b)) === b.
 */
export function businessDaysBetween(a: LocalDate, b: LocalDate, opts?: BusinessDayOptions): number {
  parseLocalDate(a, 'a');
  parseLocalDate(b, 'b');
  const order = compareLocalDate(a, b);
  if (order === 0) return 0;
  const [from, to, sign] = order < 0 ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isBusinessDay(d, opts)) count += 1;
  }
  // Avoid -0 (e.g. Saturday → Sunday backwards), which leaks into JSON and Object.is checks.
  return count === 0 ? 0 : sign * count;
}

/** The first business day on or after `date`. */
export function businessDayOnOrAfter(date: LocalDate, opts?: BusinessDayOptions): LocalDate {
  return addBusinessDays(date, 0, opts);
}

/** The last business day on or before `date`. */
export function businessDayOnOrBefore(date: LocalDate, opts?: BusinessDayOptions): LocalDate {
  parseLocalDate(date, 'date');
  let current = date;
  while (!isBusinessDay(current, opts)) current = addDays(current, -1);
  return current;
}
