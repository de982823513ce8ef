import { DomainError } from '../errors';
import { schoolCalendar } from '../schedule/schedule';
import { amsterdamDate } from './amsterdam';
import { addBusinessDays } from './business-days';
import { addDays, daysBetween, weekdayOf } from './local-date';
import {
  SCHOOL_REGIONS,
  SUPPORTED_SCHOOL_YEARS,
  type SchoolRegion,
  isSchoolHoliday,
  isSchoolYearKnown,
  schoolHolidayOn,
  schoolHolidays,
  schoolYearOf,
} from './school-holidays';

function find(schoolYear: string, region: SchoolRegion, name: string) {
  const h = schoolHolidays(schoolYear, region).find((x) => x.name === name);
  if (!h) throw new Error(`${name} missing`);
  return [h.start, h.end];
}

describe('schoolHolidays — dates published by rijksoverheid.nl', () => {
  it.each([
    ['2025-2026', 'noord', 'Zomervakantie', '2026-07-04', '2026-08-16'],
    ['2025-2026', 'midden', 'Zomervakantie', '2026-07-18', '2026-08-30'],
    ['2025-2026', 'zuid', 'Zomervakantie', '2026-07-11', '2026-08-23'],
    ['2024-2025', 'noord', 'Herfstvakantie', '2024-10-26', '2024-11-03'],
    ['2024-2025', 'zuid', 'Herfstvakantie', '2024-10-19', '2024-10-27'],
    ['2024-2025', 'noord', 'Zomervakantie', '2025-07-12', '2025-08-24'],
    ['2025-2026', 'noord', 'Voorjaarsvakantie', '2026-02-21', '2026-03-01'],
    ['2025-2026', 'zuid', 'Kerstvakantie', '2025-12-20', '2026-01-04'],
    ['2025-2026', 'midden', 'Meivakantie', '2026-04-25', '2026-05-03'],
    ['2027-2028', 'zuid', 'Zomervakantie', '2028-07-22', '2028-09-03'],
    ['2027-2028', 'midden', 'Voorjaarsvakantie', '2028-02-26', '2028-03-05'],
    ['2028-2029', 'noord', 'Zomervakantie', '2029-07-21', '2029-09-02'],
    ['2028-2029', 'zuid', 'Voorjaarsvakantie', '2029-02-10', '2029-02-18'],
    ['2029-2030', 'zuid', 'Zomervakantie', '2030-07-06', '2030-08-18'],
  ] as const)('%s %s %s: %s – %s', (year, region, name, start, end) => {
    expect(find(year, region, name)).toEqual([start, end]);
  });

  it('covers 2024-2025 through 2029-2030', () => {
    expect(SUPPORTED_SCHOOL_YEARS).toEqual([
      '2024-2025',
      '2025-2026',
      '2026-2027',
      '2027-2028',
      '2028-2029',
      '2029-2030',
    ]);
  });

  describe.each(SUPPORTED_SCHOOL_YEARS.map((y) => [y]))('structure of %s', (schoolYear) => {
    const startYear = Number(schoolYear.slice(0, 4));

    it.each(SCHOOL_REGIONS.map((r) => [r]))(
      '%s: five holidays in order, Saturday to Sunday, of the usual length',
      (region) => {
        const list = schoolHolidays(schoolYear, region);
        expect(list.map((h) => h.name)).toEqual([
          'Herfstvakantie',
          'Kerstvakantie',
          'Voorjaarsvakantie',
          'Meivakantie',
          'Zomervakantie',
        ]);
        const lengths = list.map((h) => daysBetween(h.start, h.end) + 1);
        expect(lengths).toEqual([9, 16, 9, 9, 44]);
        for (const h of list) {
          expect(weekdayOf(h.start)).toBe(6);
          expect(weekdayOf(h.end)).toBe(7);
          expect(schoolYearOf(h.start)).toBe(schoolYear);
        }
        for (let i = 1; i < list.length; i += 1)
          expect(list[i]!.start > list[i - 1]!.end).toBe(true);
        const [herfst, kerst, , mei, zomer] = list;
        expect(herfst!.start.startsWith(`${startYear}-10`)).toBe(true);
        expect(kerst!.start.startsWith(`${startYear}-12`)).toBe(true);
        expect(mei!.start.startsWith(`${startYear + 1}-04`)).toBe(true);
        expect(zomer!.start.startsWith(`${startYear + 1}-07`)).toBe(true);
      },
    );

    it('kerst- and meivakantie are the same in all regions; zomervakantie is staggered by whole weeks', () => {
      const [noord, midden, zuid] = SCHOOL_REGIONS.map((r) => schoolHolidays(schoolYear, r));
      for (const name of ['Kerstvakantie', 'Meivakantie']) {
        const periods = [noord, midden, zuid].map((l) =>
          JSON.stringify(l!.find((h) => h.name === name)),
        );
        expect(new Set(periods).size).toBe(1);
      }
      const summerStarts = [noord, midden, zuid].map((l) => l![4]!.start).sort();
      expect(summerStarts[1]).toBe(addDays(summerStarts[0]!, 7));
      expect(summerStarts[2]).toBe(addDays(summerStarts[0]!, 14));
    });
  });

  it.each(['2023-2024', '2030-2031', '2026/2027', ''])(
    'unknown school year %j → VALIDATION naming the range',
    (year) => {
      try {
        schoolHolidays(year, 'noord');
        throw new Error('expected a DomainError');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        const error = e as DomainError;
        expect(error.code).toBe('VALIDATION');
        expect(error.field).toBe('schoolYear');
        expect(error.message).toContain(`'${year}'`);
        expect(error.message).toContain('2024-2025');
        expect(error.message).toContain('2029-2030');
      }
    },
  );

  it('rejects an unknown region', () => {
    expect(() => schoolHolidays('2026-2027', 'west' as SchoolRegion)).toThrow(DomainError);
  });

  it('returns fresh objects', () => {
    schoolHolidays('2026-2027', 'noord')[0]!.start = '1999-01-01';
    expect(schoolHolidays('2026-2027', 'noord')[0]!.start).toBe('2026-10-10');
  });
});

describe('schoolYearOf (school year starts 1 August)', () => {
  it.each([
    ['2026-07-31', '2025-2026'],
    ['2026-08-01', '2026-2027'],
    ['2027-01-15', '2026-2027'],
    ['2026-12-31', '2026-2027'],
    ['2027-06-30', '2026-2027'],
  ])('%s → %s', (date, year) => {
    expect(schoolYearOf(date)).toBe(year);
  });
});

describe('isSchoolHoliday', () => {
  it.each([
    ['2026-07-04', 'noord', true],
    ['2026-07-03', 'noord', false],
    ['2026-08-16', 'noord', true], // summer of 2025-2026 spills into school year 2026-2027
    ['2026-08-17', 'noord', false],
    ['2026-08-24', 'midden', true],
    ['2026-08-24', 'zuid', false],
    ['2024-08-20', 'noord', true], // zomervakantie 2024 (school year 2023-2024)
    ['2024-08-20', 'zuid', false],
    ['2026-12-25', 'zuid', true],
    ['2027-02-15', 'zuid', true],
    ['2027-02-15', 'noord', false],
    ['2030-07-31', 'noord', true],
  ] as const)('%s in %s: %s', (date, region, expected) => {
    expect(isSchoolHoliday(date, region)).toBe(expected);
  });

  it('names the holiday', () => {
    expect(schoolHolidayOn('2026-10-20', 'midden')?.name).toBe('Herfstvakantie');
    expect(schoolHolidayOn('2026-10-20', 'noord')).toBeUndefined();
  });

  it.each(['2024-07-31', '2030-08-01', '2031-01-01'])(
    'throws outside the covered range: %s',
    (date) => {
      expect(() => isSchoolHoliday(date, 'noord')).toThrow(DomainError);
    },
  );
});

describe('the school-holiday table does not run out unnoticed', () => {
  it('knows the school year a year from today (fails a year before the table ends: add the next year from rijksoverheid.nl)', () => {
    // Real clock on purpose: this test is the reminder to extend the table in time.
    const inAYear = addDays(amsterdamDate(new Date()), 366);
    expect(SUPPORTED_SCHOOL_YEARS).toContain(schoolYearOf(inAYear));
  });
});

describe('a school calendar skips its region’s school holidays; the office calendar does not', () => {
  // Christmas holiday 2026–2027: 19 December – 3 January in every region.
  it.each([
    ['2026-12-18', 1, '2027-01-04', '2026-12-21'],
    ['2027-01-08', -5, '2026-12-18', '2026-12-31'],
  ])('%s plus %i business days: school %s, office %s', (from, n, school, office) => {
    expect(addBusinessDays(from, n, schoolCalendar('noord'))).toBe(school);
    expect(addBusinessDays(from, n)).toBe(office);
  });

  it('counts only weekends and public holidays beyond the table instead of failing', () => {
    expect(isSchoolYearKnown('2031-07-20')).toBe(false);
    expect(addBusinessDays('2031-07-18', 1, schoolCalendar('zuid'))).toBe('2031-07-21');
    expect(() => addBusinessDays('2031-07-18', 1, { region: 'zuid' })).toThrow();
  });
});
