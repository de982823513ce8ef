import { DomainError } from '../errors';
import {
  amsterdamDate,
  amsterdamInstant,
  amsterdamOffsetMinutes,
  amsterdamParts,
  summerTimeEnd,
  summerTimeStart,
} from './amsterdam';

const utc = (iso: string): Date => new Date(iso);

describe('summer time transitions (EU rule)', () => {
  it.each([
    [2025, '2025-03-30T01:00:00.000Z', '2025-10-26T01:00:00.000Z'],
    [2026, '2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z'],
    [2027, '2027-03-28T01:00:00.000Z', '2027-10-31T01:00:00.000Z'],
    [2028, '2028-03-26T01:00:00.000Z', '2028-10-29T01:00:00.000Z'],
  ])('%i: starts %s, ends %s', (year, start, end) => {
    expect(summerTimeStart(year).toISOString()).toBe(start);
    expect(summerTimeEnd(year).toISOString()).toBe(end);
  });
});

describe('amsterdamParts', () => {
  it.each([
    // The 2026 spring-forward: 01:59:59 CET is followed by 03:00 CEST.
    ['2026-03-29T00:59:59Z', '2026-03-29', 1, 59, 7, 60],
    ['2026-03-29T01:00:00Z', '2026-03-29', 3, 0, 7, 120],
    // The 2026 fall-back: 02:30 happens twice, first in CEST then in CET.
    ['2026-10-25T00:30:00Z', '2026-10-25', 2, 30, 7, 120],
    ['2026-10-25T01:30:00Z', '2026-10-25', 2, 30, 7, 60],
    // Date boundaries shift with the offset.
    ['2025-12-31T23:30:00Z', '2026-01-01', 0, 30, 4, 60],
    ['2026-07-01T22:30:00Z', '2026-07-02', 0, 30, 4, 120],
    ['2026-07-01T21:59:00Z', '2026-07-01', 23, 59, 3, 120],
    ['2026-01-15T08:00:00Z', '2026-01-15', 9, 0, 4, 60],
  ])('%s → %s %i:%i (weekday %i, offset %i)', (iso, date, hour, minute, weekday, offset) => {
    expect(amsterdamParts(utc(iso))).toEqual({ date, hour, minute, weekday });
    expect(amsterdamOffsetMinutes(utc(iso))).toBe(offset);
    expect(amsterdamDate(utc(iso))).toBe(date);
  });

  it('rejects an invalid Date', () => {
    expect(() => amsterdamParts(new Date('nonsense'))).toThrow(DomainError);
  });

  it('agrees with the IANA time zone database (via Intl) every 70 minutes over 2024–2031', () => {
    const formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const mismatches: string[] = [];
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2032, 0, 1);
    // 70-minute steps sample every minute-of-hour class and both sides of each transition.
    for (let t = start; t < end; t += 70 * 60_000) {
      const instant = new Date(t);
      const parts = Object.fromEntries(
        formatter.formatToParts(instant).map((p) => [p.type, p.value]),
      );
      const expected = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
      const actual = amsterdamParts(instant);
      const got = `${actual.date} ${String(actual.hour).padStart(2, '0')}:${String(actual.minute).padStart(2, '0')}`;
      if (got !== expected) mismatches.push(`${instant.toISOString()}: ${got} ≠ ${expected}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe('amsterdamInstant', () => {
  it.each([
    ['2026-01-15', 9, 0, '2026-01-15T08:00:00.000Z'],
    ['2026-07-15', 9, 0, '2026-07-15T07:00:00.000Z'],
    ['2025-12-12', 17, 0, '2025-12-12T16:00:00.000Z'],
    ['2026-01-01', 0, 30, '2025-12-31T23:30:00.000Z'],
    ['2026-03-29', 1, 59, '2026-03-29T00:59:00.000Z'],
    // Non-existent 02:30 on the spring-forward day → read as CET, i.e. 03:30 CEST (later).
    ['2026-03-29', 2, 30, '2026-03-29T01:30:00.000Z'],
    ['2026-03-29', 3, 0, '2026-03-29T01:00:00.000Z'],
    // Ambiguous 02:30 on the fall-back day → the first occurrence (CEST).
    ['2026-10-25', 2, 30, '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', 3, 0, '2026-10-25T02:00:00.000Z'],
    ['2026-10-25', 1, 0, '2026-10-24T23:00:00.000Z'],
  ])('%s %i:%i → %s', (date, hour, minute, expected) => {
    expect(amsterdamInstant(date, hour, minute).toISOString()).toBe(expected);
  });

  it('defaults the minute to 0', () => {
    expect(amsterdamInstant('2026-06-01', 9).toISOString()).toBe('2026-06-01T07:00:00.000Z');
  });

  it.each([
    ['2026-01-01', 24, 0, 'hour'],
    ['2026-01-01', -1, 0, 'hour'],
    ['2026-01-01', 9.5, 0, 'hour'],
    ['2026-01-01', 9, 60, 'minute'],
    ['2026-02-30', 9, 0, undefined],
  ])('rejects %s %s:%s', (date, hour, minute, field) => {
    try {
      amsterdamInstant(date, hour, minute);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION');
      expect((e as DomainError).field).toBe(field);
    }
  });

  it('is the inverse of amsterdamParts every 45 minutes over 2025–2030, except the repeated hour', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2031, 0, 1); t += 45 * 60_000) {
      const instant = new Date(t);
      const { date, hour, minute } = amsterdamParts(instant);
      const back = amsterdamInstant(date, hour, minute);
      if (back.getTime() === t) continue;
      // Only the second (CET) pass through 02:00–02:59 on the fall-back day maps to the first.
      const isSecondPass =
        amsterdamOffsetMinutes(instant) === 60 && back.getTime() === t - 3_600_000 && hour === 2;
      if (!isSecondPass) mismatches.push(instant.toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});
