import { DomainError } from '../errors';
import {
  type LocalDate,
  MILLIS_PER_DAY,
  daysInMonth,
  epochDayFromParts,
  fromEpochDay,
  isoWeekdayOfEpochDay,
  toEpochDay,
} from './local-date';

/**
 * Europe/Amsterdam, hand-rolled so that the code runs unchanged inside Temporal's workflow
 * sandbox (no Intl time-zone data, no host TZ). CET = UTC+1; CEST = UTC+2 under the EU rule
 * (Directive 2000/84/EC): summer time from the last Sunday of March 01:00 UTC until the last
 * Sunday of October 01:00 UTC. Historical rules before 1996 are not modelled: the service
 * only schedules present and future governance cycles.
 */

const MS_PER_MINUTE = 60_000;
const CET_OFFSET_MINUTES = 60;
const CEST_OFFSET_MINUTES = 120;

export interface AmsterdamParts {
  date: LocalDate;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

function lastSundayEpochDay(year: number, month: number): number {
  const last = epochDayFromParts(year, month, daysInMonth(year, month));
  const weekday = isoWeekdayOfEpochDay(last);
  return last - (weekday % 7);
}

/** Instant at which summer time starts (clocks 02:00 CET → 03:00 CEST). */
export function summerTimeStart(year: number): Date {
  return new Date(lastSundayEpochDay(year, 3) * MILLIS_PER_DAY + 60 * MS_PER_MINUTE);
}

/** Instant at which summer time ends (clocks 03:00 CEST → 02:00 CET). */
export function summerTimeEnd(year: number): Date {
  return new Date(lastSundayEpochDay(year, 10) * MILLIS_PER_DAY + 60 * MS_PER_MINUTE);
}

function assertValidInstant(instant: Date, field = 'instant'): number {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(t)) {
    throw new DomainError('VALIDATION', `${field} must be a valid Date`, field);
  }
  return t;
}

/** UTC offset of Amsterdam at an instant, in minutes (60 or 120). */
export function amsterdamOffsetMinutes(instant: Date): number {
  const t = assertValidInstant(instant);
  // The UTC year suffices: both transitions lie well inside the year.
  const year = new Date(t).getUTCFullYear();
  const inSummer = t >= summerTimeStart(year).getTime() && t < summerTimeEnd(year).getTime();
  return inSummer ? CEST_OFFSET_MINUTES : CET_OFFSET_MINUTES;
}

/** Wall-clock date and time in Amsterdam at an instant. */
export function amsterdamParts(instant: Date): AmsterdamParts {
  const t = assertValidInstant(instant);
  const local = t + amsterdamOffsetMinutes(instant) * MS_PER_MINUTE;
  const epochDay = Math.floor(local / MILLIS_PER_DAY);
  const minuteOfDay = Math.floor((local - epochDay * MILLIS_PER_DAY) / MS_PER_MINUTE);
  return {
    date: fromEpochDay(epochDay),
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
    weekday: isoWeekdayOfEpochDay(epochDay),
  };
}

/** The Amsterdam calendar date of an instant. */
export function amsterdamDate(instant: Date): LocalDate {
  return amsterdamParts(instant).date;
}

/**
 * The instant at which Amsterdam clocks show `date` `hour`:`minute`.
 *
 * DST edge cases follow the common "compatible" convention (java.time, Temporal API):
 * - Non-existent time (last Sunday of March, 02:00–02:59 is skipped): the time is read with
 *   the pre-transition offset, i.e. shifted forward by one hour (02:30 → 03:30 CEST). A
 *   deadline never silently moves earlier.
 * - Ambiguous time (last Sunday of October, 02:00–02:59 occurs twice): the first
 *   occurrence (CEST) is chosen, so nothing is scheduled later than the wall clock suggests.
 */
export function amsterdamInstant(date: LocalDate, hour: number, minute = 0): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new DomainError(
      'VALIDATION',
      `hour must be an integer 0–23, got ${String(hour)}`,
      'hour',
    );
  }
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new DomainError(
      'VALIDATION',
      `minute must be an integer 0–59, got ${String(minute)}`,
      'minute',
    );
  }
  const wallClockAsUtc = toEpochDay(date) * MILLIS_PER_DAY + (hour * 60 + minute) * MS_PER_MINUTE;
  const asCest = new Date(wallClockAsUtc - CEST_OFFSET_MINUTES * MS_PER_MINUTE);
  const asCet = new Date(wallClockAsUtc - CET_OFFSET_MINUTES * MS_PER_MINUTE);
  if (amsterdamOffsetMinutes(asCest) === CEST_OFFSET_MINUTES) {
    // Valid in summer time; in the October overlap this is also the first occurrence.
    return asCest;
  }
  // Valid in winter time, or the March gap: the CET reading lands one hour later on the clock.
  return asCet;
}
