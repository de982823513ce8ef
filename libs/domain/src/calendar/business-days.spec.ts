import { DomainError } from '../errors';
import {
  addBusinessDays,
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  businessDaysBetween,
  isBusinessDay,
} from './business-days';
import { addDays, weekdayOf } from './local-date';

describe('isBusinessDay', () => {
  it.each([
    ['2026-03-10', undefined, true], // Tuesday
    ['2026-03-14', undefined, false], // Saturday
    ['2026-03-15', undefined, false], // Sunday
    ['2026-04-03', undefined, true], // Goede Vrijdag: not a general day off
    ['2026-04-06', undefined, false], // Tweede Paasdag
    ['2026-04-27', undefined, false], // Koningsdag (Monday)
    ['2026-05-05', undefined, true], // Bevrijdingsdag, not a lustrum year
    ['2025-05-05', undefined, false], // Bevrijdingsdag 2025, lustrum
    ['2026-05-14', undefined, false], // Hemelvaartsdag
    ['2026-05-15', undefined, true], // the Friday after Hemelvaart is a normal day
    ['2026-05-25', undefined, false], // Tweede Pinksterdag
    ['2026-01-01', undefined, false],
    ['2026-07-06', undefined, true],
    ['2026-07-06', 'noord', false], // zomervakantie noord
    ['2026-07-06', 'midden', true],
    ['2026-10-12', 'noord', false], // herfstvakantie noord 2026
    ['2026-10-12', 'zuid', true],
  ] as const)('%s (region %s) → %s', (date, region, expected) => {
    expect(isBusinessDay(date, region ? { region } : undefined)).toBe(expected);
  });

  it('Christmas and Boxing Day are never business days (2014–2100)', () => {
    for (let year = 2014; year <= 2100; year += 1) {
      expect(isBusinessDay(`${year}-12-25`)).toBe(false);
      expect(isBusinessDay(`${year}-12-26`)).toBe(false);
    }
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2026-03-16', -2, '2026-03-12'], // Monday − 2 = previous Thursday
    ['2026-03-13', 1, '2026-03-16'], // Friday + 1 = Monday
    ['2025-12-24', 1, '2025-12-29'], // over Christmas and the weekend
    ['2025-12-29', -1, '2025-12-24'],
    ['2026-04-07', -1, '2026-04-03'], // skips Tweede Paasdag, lands on Goede Vrijdag
    ['2026-03-14', 0, '2026-03-16'], // Saturday, n = 0 → next business day
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-12-25', 0, '2026-12-28'],
    ['2026-01-01', 5, '2026-01-08'],
    ['2026-03-10', 10, '2026-03-24'],
    ['2026-03-14', -1, '2026-03-13'], // Saturday − 1 = Friday
  ])('%s %+i → %s', (date, n, expected) => {
    expect(addBusinessDays(date, n)).toBe(expected);
  });

  it('skips the region’s school holidays when asked', () => {
    // Last school day before zomervakantie noord 2026 is Friday 3 July; next is Monday 17 August.
    expect(addBusinessDays('2026-07-03', 1, { region: 'noord' })).toBe('2026-08-17');
    expect(addBusinessDays('2026-07-03', 1)).toBe('2026-07-06');
  });

  it('rejects non-integer counts and invalid dates', () => {
    expect(() => addBusinessDays('2026-03-10', 1.5)).toThrow(DomainError);
    expect(() => addBusinessDays('2026-02-31', 1)).toThrow(DomainError);
  });

  it('never lands on a non-business day for n ≠ 0 (2025–2030)', () => {
    const bad: string[] = [];
    for (let d = '2025-01-01'; d <= '2030-12-20'; d = addDays(d, 1)) {
      for (const n of [-7, -2, -1, 0, 1, 3]) {
        const r = addBusinessDays(d, n);
        if (!isBusinessDay(r) || weekdayOf(r) > 5) bad.push(`${d}${n}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['2026-03-16', '2026-03-17', 1],
    ['2026-03-13', '2026-03-16', 1], // Friday → Monday
    ['2026-03-16', '2026-03-16', 0],
    ['2026-03-17', '2026-03-16', -1],
    ['2026-03-15', '2026-03-14', 0], // Sunday → Saturday: 0, not -0
    ['2025-12-24', '2025-12-29', 1],
    // (1 Dec 2025, 1 Jan 2026]: 22 weekdays in 2–31 December minus both Christmas days; 1 January is a holiday.
    ['2025-12-01', '2026-01-01', 20],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(businessDaysBetween(a, b)).toBe(expected);
  });

  it('is consistent with addBusinessDays and antisymmetric', () => {
    const days: string[] = [];
    // Every 6th day over a winter with Christmas, New Year and Easter in it.
    for (let d = '2025-11-29'; d <= '2026-04-30'; d = addDays(d, 6)) days.push(d);
    for (const a of days) {
      for (const b of days) {
        const n = businessDaysBetween(a, b);
        expect(businessDaysBetween(b, a)).toBe(n === 0 ? 0 : -n); // never -0
        if (isBusinessDay(a) && isBusinessDay(b)) expect(addBusinessDays(a, n)).toBe(b);
      }
    }
  });
});

describe('businessDayOnOrAfter / OnOrBefore', () => {
  it.each([
    ['2026-12-12', '2026-12-14', '2026-12-11'], // Saturday
    ['2026-12-15', '2026-12-15', '2026-12-15'],
    ['2026-12-25', '2026-12-28', '2026-12-24'],
  ])('%s → after %s, before %s', (date, after, before) => {
    expect(businessDayOnOrAfter(date)).toBe(after);
    expect(businessDayOnOrBefore(date)).toBe(before);
  });
});
