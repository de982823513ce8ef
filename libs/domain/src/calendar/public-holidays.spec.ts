import { DomainError } from '../errors';
import {
  dutchPublicHolidays,
  easterSunday,
  isPublicHolidayDayOff,
  publicHolidaysOn,
} from './public-holidays';
import { weekdayOf } from './local-date';

// Easter Sundays 2014–2060 (MMDD), computed independently with python-dateutil's easter().
const EASTER_ORACLE =
  '0420 0405 0327 0416 0401 0421 0412 0404 0417 0409 0331 0420 0405 0328 0416 0401 0421 0413 0328 0417 ' +
  '0409 0325 0413 0405 0425 0410 0401 0421 0406 0329 0417 0409 0325 0414 0405 0418 0410 0402 0421 0406 ' +
  '0329 0418 0402 0422 0414 0330 0418';

function holiday(year: number, name: string) {
  const found = dutchPublicHolidays(year).find((h) => h.name === name);
  if (!found) throw new Error(`${name} ${year} missing`);
  return found;
}

describe('easterSunday', () => {
  it('matches an independent computation for 2014–2060', () => {
    const expected = EASTER_ORACLE.split(' ');
    expected.forEach((mmdd, i) => {
      const year = 2014 + i;
      expect(easterSunday(year)).toBe(`${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`);
      expect(weekdayOf(easterSunday(year))).toBe(7);
    });
  });
});

describe('dutchPublicHolidays — pinned dates', () => {
  it.each([
    [2026, 'Tweede Paasdag', '2026-04-06', true],
    [2026, 'Eerste Paasdag', '2026-04-05', true],
    [2026, 'Goede Vrijdag', '2026-04-03', false],
    [2025, 'Koningsdag', '2025-04-26', true], // 27 April 2025 is a Sunday
    [2026, 'Koningsdag', '2026-04-27', true],
    [2026, 'Hemelvaartsdag', '2026-05-14', true],
    [2026, 'Eerste Pinksterdag', '2026-05-24', true],
    [2026, 'Tweede Pinksterdag', '2026-05-25', true],
    [2026, 'Nieuwjaarsdag', '2026-01-01', true],
    [2026, 'Eerste Kerstdag', '2026-12-25', true],
    [2026, 'Tweede Kerstdag', '2026-12-26', true],
    [2025, 'Bevrijdingsdag', '2025-05-05', true], // lustrum year
    [2026, 'Bevrijdingsdag', '2026-05-05', false],
    [2030, 'Bevrijdingsdag', '2030-05-05', true],
    [2031, 'Koningsdag', '2031-04-26', true], // 27 April 2031 is a Sunday
    [2025, 'Hemelvaartsdag', '2025-05-29', true],
    [2025, 'Tweede Pinksterdag', '2025-06-09', true],
  ])('%i %s = %s (dayOff %s)', (year, name, date, dayOff) => {
    expect(holiday(year, name)).toEqual({ date, name, dayOff });
  });

  it('lists the eleven holidays of 2026 in date order', () => {
    expect(dutchPublicHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-03 Goede Vrijdag',
      '2026-04-05 Eerste Paasdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-24 Eerste Pinksterdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it('is sorted for every supported year up to 2100, and Koningsdag is never a Sunday', () => {
    for (let year = 2014; year <= 2100; year += 1) {
      const dates = dutchPublicHolidays(year).map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(weekdayOf(holiday(year, 'Koningsdag').date)).not.toBe(7);
    }
  });

  it('returns copies: mutating a result does not change later results', () => {
    const first = dutchPublicHolidays(2027);
    first[0]!.dayOff = false;
    first.pop();
    const second = dutchPublicHolidays(2027);
    expect(second).toHaveLength(11);
    expect(second[0]!.dayOff).toBe(true);
  });

  it.each([2013, 2201, 2026.5, Number.NaN])('rejects year %s', (year) => {
    expect(() => dutchPublicHolidays(year)).toThrow(DomainError);
  });
});

describe('coinciding holidays', () => {
  it('5 May 2016 is both Bevrijdingsdag (no day off) and Hemelvaartsdag (day off)', () => {
    expect(
      publicHolidaysOn('2016-05-05')
        .map((h) => h.name)
        .sort(),
    ).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
    expect(isPublicHolidayDayOff('2016-05-05')).toBe(true);
  });

  it.each([
    ['2026-04-03', false], // Goede Vrijdag
    ['2026-04-06', true],
    ['2026-05-05', false],
    ['2025-05-05', true],
    ['2026-06-01', false],
  ])('isPublicHolidayDayOff(%s) = %s', (date, expected) => {
    expect(isPublicHolidayDayOff(date)).toBe(expected);
  });
});
