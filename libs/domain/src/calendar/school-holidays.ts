import { DomainError } from '../errors';
import { type LocalDate, localDateParts } from './local-date';

/** The three holiday regions of the Dutch school-holiday spreading scheme. */
export type SchoolRegion = 'noord' | 'midden' | 'zuid';

export const SCHOOL_REGIONS: readonly SchoolRegion[] = ['noord', 'midden', 'zuid'];

export type SchoolHolidayName =
  'Herfstvakantie' | 'Kerstvakantie' | 'Voorjaarsvakantie' | 'Meivakantie' | 'Zomervakantie';

export interface SchoolHoliday {
  name: SchoolHolidayName;
  start: LocalDate;
  /** Inclusive. */
  end: LocalDate;
}

type Period = readonly [start: LocalDate, end: LocalDate];
type PerRegion = Readonly<Record<SchoolRegion, Period>>;

interface SchoolYearHolidays {
  herfst: PerRegion;
  kerst: Period;
  voorjaar: PerRegion;
  mei: Period;
  zomer: PerRegion;
}

/**
 * School holidays as published by the national government: rijksoverheid.nl, "Overzicht
 * schoolvakanties per schooljaar" (one page per school year, e.g.
 * /onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2028-2029),
 * the same data as the open-data feed opendata.rijksoverheid.nl (infotype "schoolholidays").
 * Retrieved for school years 2024-2025 up to 2029-2030; the 2027-2028 and 2028-2029 pages
 * were checked verbatim, the others against that feed's data and schools' published schedules.
 *
 * Legal weight differs: zomervakantie is mandatory (vastgesteld), kerst- and meivakantie are
 * set nationally for all regions, herfst- and voorjaarsvakantie are advisory dates
 * (adviesdata) that schools may deviate from (notably carnaval in the south). Meivakantie is
 * the nationally set week; the optional extra week (adviesweek) is not included.
 * Periods run Saturday to Sunday, inclusive.
 *
 * Known uncertainty: zomervakantie 2027 zuid (24 July – 5 September) follows the government
 * data and the regular six-year rotation of the regions (2021 had the same order), but one
 * southern school's published schedule has it a week earlier. Re-check that year against
 * rijksoverheid.nl before relying on it for planning in the south.
 */
// prettier-ignore
const SCHOOL_HOLIDAYS: Readonly<Record<string, SchoolYearHolidays>> = {
  '2024-2025': {
    herfst: { noord: ['2024-10-26', '2024-11-03'], midden: ['2024-10-26', '2024-11-03'], zuid: ['2024-10-19', '2024-10-27'] },
    kerst: ['2024-12-21', '2025-01-05'],
    voorjaar: { noord: ['2025-02-15', '2025-02-23'], midden: ['2025-02-22', '2025-03-02'], zuid: ['2025-02-22', '2025-03-02'] },
    mei: ['2025-04-26', '2025-05-04'],
    zomer: { noord: ['2025-07-12', '2025-08-24'], midden: ['2025-07-19', '2025-08-31'], zuid: ['2025-07-05', '2025-08-17'] },
  },
  '2025-2026': {
    herfst: { noord: ['2025-10-18', '2025-10-26'], midden: ['2025-10-18', '2025-10-26'], zuid: ['2025-10-11', '2025-10-19'] },
    kerst: ['2025-12-20', '2026-01-04'],
    voorjaar: { noord: ['2026-02-21', '2026-03-01'], midden: ['2026-02-14', '2026-02-22'], zuid: ['2026-02-14', '2026-02-22'] },
    mei: ['2026-04-25', '2026-05-03'],
    zomer: { noord: ['2026-07-04', '2026-08-16'], midden: ['2026-07-18', '2026-08-30'], zuid: ['2026-07-11', '2026-08-23'] },
  },
  '2026-2027': {
    herfst: { noord: ['2026-10-10', '2026-10-18'], midden: ['2026-10-17', '2026-10-25'], zuid: ['2026-10-17', '2026-10-25'] },
    kerst: ['2026-12-19', '2027-01-03'],
    voorjaar: { noord: ['2027-02-20', '2027-02-28'], midden: ['2027-02-20', '2027-02-28'], zuid: ['2027-02-13', '2027-02-21'] },
    mei: ['2027-04-24', '2027-05-02'],
    zomer: { noord: ['2027-07-10', '2027-08-22'], midden: ['2027-07-17', '2027-08-29'], zuid: ['2027-07-24', '2027-09-05'] },
  },
  '2027-2028': {
    herfst: { noord: ['2027-10-16', '2027-10-24'], midden: ['2027-10-16', '2027-10-24'], zuid: ['2027-10-23', '2027-10-31'] },
    kerst: ['2027-12-25', '2028-01-09'],
    voorjaar: { noord: ['2028-02-19', '2028-02-27'], midden: ['2028-02-26', '2028-03-05'], zuid: ['2028-02-26', '2028-03-05'] },
    mei: ['2028-04-29', '2028-05-07'],
    zomer: { noord: ['2028-07-15', '2028-08-27'], midden: ['2028-07-08', '2028-08-20'], zuid: ['2028-07-22', '2028-09-03'] },
  },
  '2028-2029': {
    herfst: { noord: ['2028-10-14', '2028-10-22'], midden: ['2028-10-21', '2028-10-29'], zuid: ['2028-10-21', '2028-10-29'] },
    kerst: ['2028-12-23', '2029-01-07'],
    voorjaar: { noord: ['2029-02-17', '2029-02-25'], midden: ['2029-02-17', '2029-02-25'], zuid: ['2029-02-10', '2029-02-18'] },
    mei: ['2029-04-28', '2029-05-06'],
    zomer: { noord: ['2029-07-21', '2029-09-02'], midden: ['2029-07-07', '2029-08-19'], zuid: ['2029-07-14', '2029-08-26'] },
  },
  '2029-2030': {
    herfst: { noord: ['2029-10-20', '2029-10-28'], midden: ['2029-10-20', '2029-10-28'], zuid: ['2029-10-13', '2029-10-21'] },
    kerst: ['2029-12-22', '2030-01-06'],
    voorjaar: { noord: ['2030-02-16', '2030-02-24'], midden: ['2030-02-23', '2030-03-03'], zuid: ['2030-02-23', '2030-03-03'] },
    mei: ['2030-04-27', '2030-05-05'],
    zomer: { noord: ['2030-07-20', '2030-09-01'], midden: ['2030-07-13', '2030-08-25'], zuid: ['2030-07-06', '2030-08-18'] },
  },
};

/**
 * Zomervakantie 2024 (school year 2023-2024, same source) runs into August 2024, i.e. into
 * school year 2024-2025. It is kept only so that `isSchoolHoliday` answers correctly for
 * August 2024; `schoolHolidays('2023-2024', …)` stays unsupported.
 */
const SUMMER_2024: PerRegion = {
  noord: ['2024-07-20', '2024-09-01'],
  midden: ['2024-07-13', '2024-08-25'],
  zuid: ['2024-07-06', '2024-08-18'],
};

export const SUPPORTED_SCHOOL_YEARS: readonly string[] = Object.keys(SCHOOL_HOLIDAYS);

function supportedRange(): string {
  return `${SUPPORTED_SCHOOL_YEARS[0] ?? ''} to ${SUPPORTED_SCHOOL_YEARS[SUPPORTED_SCHOOL_YEARS.length - 1] ?? ''}`;
}

function assertRegion(region: SchoolRegion): void {
  if (!SCHOOL_REGIONS.includes(region)) {
    throw new DomainError(
      'VALIDATION',
      `Unknown school region '${String(region)}'; expected one of ${SCHOOL_REGIONS.join(', ')}`,
      'region',
    );
  }
}

/**
 * The five school holidays of a school year ('2026-2027') for a region, in date order.
 * Unknown school years throw DomainError VALIDATION naming the supported range.
 */
export function schoolHolidays(schoolYear: string, region: SchoolRegion): SchoolHoliday[] {
  assertRegion(region);
  const year = Object.prototype.hasOwnProperty.call(SCHOOL_HOLIDAYS, schoolYear)
    ? SCHOOL_HOLIDAYS[schoolYear]
    : undefined;
  if (!year) {
    throw new DomainError(
      'VALIDATION',
      `No school holidays known for school year '${String(schoolYear)}'; supported: ${supportedRange()}`,
      'schoolYear',
    );
  }
  return [
    period('Herfstvakantie', year.herfst[region]),
    period('Kerstvakantie', year.kerst),
    period('Voorjaarsvakantie', year.voorjaar[region]),
    period('Meivakantie', year.mei),
    period('Zomervakantie', year.zomer[region]),
  ];
}

function period(name: SchoolHolidayName, [start, end]: Period): SchoolHoliday {
  return { name, start, end };
}

/** School year of a date: it starts on 1 August ('2026-08-01' → '2026-2027'). */
export function schoolYearOf(date: LocalDate): string {
  const { year, month } = localDateParts(date);
  const startYear = month >= 8 ? year : year - 1;
  return `${startYear}-${startYear + 1}`;
}

/** The school holiday of `region` that contains `date`, if any. */
export function schoolHolidayOn(date: LocalDate, region: SchoolRegion): SchoolHoliday | undefined {
  assertRegion(region);
  const schoolYear = schoolYearOf(date);
  if (!Object.prototype.hasOwnProperty.call(SCHOOL_HOLIDAYS, schoolYear)) {
    throw new DomainError(
      'VALIDATION',
      `No school holidays known for ${date} (school year '${schoolYear}'); supported: ${supportedRange()}`,
      'date',
    );
  }
  // The zomervakantie of the previous school year runs into August of this one.
  const previousStart = Number(schoolYear.slice(0, 4)) - 1;
  const previousYear = `${previousStart}-${previousStart + 1}`;
  const previousSummer = Object.prototype.hasOwnProperty.call(SCHOOL_HOLIDAYS, previousYear)
    ? SCHOOL_HOLIDAYS[previousYear]?.zomer[region]
    : previousYear === '2023-2024'
      ? SUMMER_2024[region]
      : undefined;
  const candidates: SchoolHoliday[] = [
    ...(previousSummer ? [period('Zomervakantie', previousSummer)] : []),
    ...schoolHolidays(schoolYear, region),
  ];
  return candidates.find((h) => h.start <= date && date <= h.end);
}

/** Whether the holiday table knows the school year of `date` (see SUPPORTED_SCHOOL_YEARS). */
export function isSchoolYearKnown(date: LocalDate): boolean {
  return Object.prototype.hasOwnProperty.call(SCHOOL_HOLIDAYS, schoolYearOf(date));
}

/** Whether `date` falls in one of `region`'s school holidays (throws outside the known range). */
export function isSchoolHoliday(date: LocalDate, region: SchoolRegion): boolean {
  return schoolHolidayOn(date, region) !== undefined;
}
