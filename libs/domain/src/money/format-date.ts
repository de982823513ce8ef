import { DUTCH_MONTHS, formatCalendarDate, formatDateTime } from '@jaarcyclus/i18n/core';
import { amsterdamOffsetMinutes } from '../calendar/amsterdam';
import { type LocalDate, localDateParts } from '../calendar/local-date';

export { DUTCH_MONTHS };

/** '2026-12-12' → '12 december 2026' (the date is checked; the words come from libs/i18n). */
export function formatDateNl(date: LocalDate): string {
  localDateParts(date);
  return formatCalendarDate('nl', date);
}

/** An instant as Amsterdam wall-clock time: '12 december 2025 om 17:00' (a valid instant: checked). */
export function formatDateTimeNl(instant: Date): string {
  amsterdamOffsetMinutes(instant);
  return formatDateTime('nl', instant);
}
