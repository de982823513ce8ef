import { DomainError } from '../errors';

/**
 * A calendar date without time zone, always formatted 'YYYY-MM-DD'. Deadlines in the
 * governance cycles are dates in Europe/Amsterdam ("uiterlijk 1 februari", docs/domain.md, source 001 §7.4),
 * so dates travel as strings and only become instants via `amsterdamInstant`.
 */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/**
 * Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
 * Pure integer arithmetic: no `Date`, so it behaves identically in the workflow sandbox.
 */
export function epochDayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of `epochDayFromParts` (H. Hinnant's `civil_from_days`). */
export function partsFromEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Validates a 'YYYY-MM-DD' string (real calendar date, years 1000–9999) and returns it.
 * Throws DomainError VALIDATION otherwise; `field` lets adapters point at the input.
 */
export function parseLocalDate(s: string, field?: string): LocalDate {
  if (typeof s !== 'string') {
    throw new DomainError('VALIDATION', `Invalid date: expected a 'YYYY-MM-DD' string`, field);
  }
  const match = LOCAL_DATE_PATTERN.exec(s);
  if (!match) {
    throw new DomainError('VALIDATION', `Invalid date '${s}': expected 'YYYY-MM-DD'`, field);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new DomainError('VALIDATION', `Invalid date '${s}': no such calendar day`, field);
  }
  return s;
}

/** Splits a LocalDate into numbers (validating it). */
export function localDateParts(date: LocalDate): { year: number; month: number; day: number } {
  parseLocalDate(date);
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = localDateParts(date);
  return epochDayFromParts(year, month, day);
}

export function fromEpochDay(epochDay: number): LocalDate {
  const { year, month, day } = partsFromEpochDay(epochDay);
  return formatLocalDate(year, month, day);
}

function assertInteger(n: number, field: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new DomainError('VALIDATION', `${field} must be an integer, got ${String(n)}`, field);
  }
}

export function addDays(date: LocalDate, n: number): LocalDate {
  assertInteger(n, 'days');
  return fromEpochDay(toEpochDay(date) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
/** `months` calendar months after `date`; a day the target month lacks becomes its last day. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = localDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatLocalDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function weekdayOf(date: LocalDate): number {
  return isoWeekdayOfEpochDay(toEpochDay(date));
}

export function isoWeekdayOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** -1, 0 or 1. Fixed-width ISO strings sort lexically, so no parsing is needed. */
export function compareLocalDate(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export const MILLIS_PER_DAY = MS_PER_DAY;
