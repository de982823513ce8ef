import { DomainError } from '../errors';
import {
  type LocalDate,
  addDays,
  epochDayFromParts,
  formatLocalDate,
  isoWeekdayOfEpochDay,
  localDateParts,
} from './local-date';

export interface PublicHoliday {
  date: LocalDate;
  /** Dutch name as used in letters and schedules, e.g. 'Tweede Paasdag'. */
  name: string;
  /**
   * Whether the day is a general day off for SWV offices and schools. Deadlines, reminders
   * and escalations never land on a holiday with `dayOff: true`.
   */
  dayOff: boolean;
}

/**
 * Koningsdag in its current form (27 April, King Willem-Alexander) exists since 2014; before
 * that it was Koninginnedag on 30 April. Rather than model history nobody schedules in, the
 * supported range starts in 2014.
 */
export const PUBLIC_HOLIDAY_MIN_YEAR = 2014;
export const PUBLIC_HOLIDAY_MAX_YEAR = 2200;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(year, month, day);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < PUBLIC_HOLIDAY_MIN_YEAR || year > PUBLIC_HOLIDAY_MAX_YEAR) {
    throw new DomainError(
      'VALIDATION',
      `Year ${String(year)} is outside the supported range ${PUBLIC_HOLIDAY_MIN_YEAR}–${PUBLIC_HOLIDAY_MAX_YEAR}`,
      'year',
    );
  }
}

function koningsdag(year: number): LocalDate {
  // 27 April; when that is a Sunday the celebration moves to Saturday 26 April
  // (Wet van 2013 tot vaststelling van Koningsdag).
  const isSunday = isoWeekdayOfEpochDay(epochDayFromParts(year, 4, 27)) === 7;
  return formatLocalDate(year, 4, isSunday ? 26 : 27);
}

const cache = new Map<number, readonly PublicHoliday[]>();

/**
 * The Dutch public holidays (Algemene termijnenwet plus Koningsdag and Bevrijdingsdag) of a
 * year, in date order.
 *
 * Choices, because "public holiday" and "day off" differ in the Netherlands:
 * - Goede Vrijdag is listed but `dayOff: false`: it is not a general day off.
 * - Bevrijdingsdag (5 May) is a national holiday, but by most collective agreements (e.g.
 *   Rijksoverheid, many education employers) a paid day off only in lustrum years. We mark
 *   it `dayOff` only when `year % 5 === 0` (2025, 2030, …). In schools it usually falls in
 *   the meivakantie anyway, which `isBusinessDay(date, { region })` also excludes.
 * - Eerste Paasdag and Eerste Pinksterdag are Sundays; they are listed for completeness.
 */
export function dutchPublicHolidays(year: number): PublicHoliday[] {
  assertYear(year);
  let holidays = cache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    const list: PublicHoliday[] = [
      { date: formatLocalDate(year, 1, 1), name: 'Nieuwjaarsdag', dayOff: true },
      { date: addDays(easter, -2), name: 'Goede Vrijdag', dayOff: false },
      { date: easter, name: 'Eerste Paasdag', dayOff: true },
      { date: addDays(easter, 1), name: 'Tweede Paasdag', dayOff: true },
      { date: koningsdag(year), name: 'Koningsdag', dayOff: true },
      { date: formatLocalDate(year, 5, 5), name: 'Bevrijdingsdag', dayOff: year % 5 === 0 },
      { date: addDays(easter, 39), name: 'Hemelvaartsdag', dayOff: true },
      { date: addDays(easter, 49), name: 'Eerste Pinksterdag', dayOff: true },
      { date: addDays(easter, 50), name: 'Tweede Pinksterdag', dayOff: true },
      { date: formatLocalDate(year, 12, 25), name: 'Eerste Kerstdag', dayOff: true },
      { date: formatLocalDate(year, 12, 26), name: 'Tweede Kerstdag', dayOff: true },
    ];
    // Easter can fall as late as 25 April, so Tweede Paasdag may follow Koningsdag (or
    // Hemelvaart may follow Bevrijdingsdag); sort to keep the documented date order.
    list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    holidays = Object.freeze(list.map((h) => Object.freeze(h)));
    cache.set(year, holidays);
  }
  // Copies, so callers cannot mutate the cached list.
  return holidays.map((h) => ({ ...h }));
}

/**
 * The public holidays on `date` (usually zero or one; two when e.g. Hemelvaartsdag coincides
 * with Bevrijdingsdag, as on 5 May 2016).
 */
export function publicHolidaysOn(date: LocalDate): PublicHoliday[] {
  const { year } = localDateParts(date);
  return dutchPublicHolidays(year).filter((h) => h.date === date);
}

const dayOffCache = new Map<number, ReadonlySet<LocalDate>>();

/** True when `date` is a public holiday that is a general day off. */
export function isPublicHolidayDayOff(date: LocalDate): boolean {
  const { year } = localDateParts(date);
  let days = dayOffCache.get(year);
  if (!days) {
    days = new Set(
      dutchPublicHolidays(year)
        .filter((h) => h.dayOff)
        .map((h) => h.date),
    );
    dayOffCache.set(year, days);
  }
  return days.has(date);
}
