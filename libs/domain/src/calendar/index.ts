export {
  type LocalDate,
  addDays,
  compareLocalDate,
  daysBetween,
  daysInMonth,
  isLeapYear,
  parseLocalDate,
  weekdayOf,
} from './local-date';
export {
  type AmsterdamParts,
  amsterdamDate,
  amsterdamInstant,
  amsterdamOffsetMinutes,
  amsterdamParts,
  summerTimeEnd,
  summerTimeStart,
} from './amsterdam';
export {
  type PublicHoliday,
  PUBLIC_HOLIDAY_MAX_YEAR,
  PUBLIC_HOLIDAY_MIN_YEAR,
  dutchPublicHolidays,
  easterSunday,
  isPublicHolidayDayOff,
  publicHolidaysOn,
} from './public-holidays';
export {
  type SchoolHoliday,
  type SchoolHolidayName,
  type SchoolRegion,
  SCHOOL_REGIONS,
  SUPPORTED_SCHOOL_YEARS,
  isSchoolHoliday,
  isSchoolYearKnown,
  schoolHolidayOn,
  schoolHolidays,
  schoolYearOf,
} from './school-holidays';
export {
  type BusinessDayOptions,
  addBusinessDays,
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  businessDaysBetween,
  isBusinessDay,
} from './business-days';
