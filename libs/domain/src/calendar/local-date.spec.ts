import { DomainError } from '../errors';
import {
  addDays,
  compareLocalDate,
  daysBetween,
  fromEpochDay,
  parseLocalDate,
  toEpochDay,
  weekdayOf,
} from './local-date';

describe('parseLocalDate', () => {
  it.each(['2026-01-01', '2028-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])(
    'accepts %s',
    (s) => {
      expect(parseLocalDate(s)).toBe(s);
    },
  );

  it.each([
    '2026-02-29', // not a leap year
    '1900-02-29', // centuries are leap years only when divisible by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '26-01-01',
    '2026/01/01',
    '2026-01-01T00:00',
    '',
    ' 2026-01-01',
  ])('rejects %j with VALIDATION', (s) => {
    expect(() => parseLocalDate(s, 'deadline')).toThrow(DomainError);
    try {
      parseLocalDate(s, 'deadline');
    } catch (e) {
      expect((e as DomainError).code).toBe('VALIDATION');
      expect((e as DomainError).field).toBe('deadline');
    }
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-06-15', 0, '2026-06-15'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
    ['2026-08-01', -3650, '2016-08-03'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('rejects fractional days and invalid dates', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(DomainError);
    expect(() => addDays('2026-02-30', 1)).toThrow(DomainError);
  });
});

describe('weekdayOf (1 = Monday … 7 = Sunday)', () => {
  it.each([
    ['2026-01-01', 4],
    ['2026-04-06', 1],
    ['2026-03-29', 7],
    ['2025-04-26', 6],
    ['2024-02-29', 4],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2000-01-01', 6],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('compareLocalDate and daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1, 1],
    ['2026-01-02', '2026-01-01', 1, -1],
    ['2026-05-05', '2026-05-05', 0, 0],
    ['2025-12-31', '2026-01-01', -1, 1],
    ['2026-01-01', '2027-01-01', -1, 365],
  ] as const)('%s vs %s', (a, b, cmp, days) => {
    expect(compareLocalDate(a, b)).toBe(cmp);
    expect(daysBetween(a, b)).toBe(days);
  });
});

describe('epoch-day conversion agrees with the host calendar', () => {
  it('round-trips every day from 1990 to 2100 and matches Date.UTC', () => {
    const start = Date.UTC(1990, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    const mismatches: string[] = [];
    for (let day = start; day <= end; day += 1) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const date = fromEpochDay(day);
      const utcDay = new Date(day * 86_400_000).getUTCDay();
      if (
        date !== expected ||
        toEpochDay(date) !== day ||
        weekdayOf(date) !== (utcDay === 0 ? 7 : utcDay)
      ) {
        mismatches.push(expected);
      }
    }
    expect(mismatches).toEqual([]);
    expect(end - start).toBeGreaterThan(40_000);
  });
});
