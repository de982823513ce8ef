import { amsterdamParts } from '../calendar/amsterdam';
import { type LocalDate, localDateParts } from '../calendar/local-date';

/** Dutch month names as written in letters (lower case, per Dutch spelling). */
export const DUTCH_MONTHS: readonly string[] = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** '2026-12-12' → '12 december 2026'. */
export function formatDateNl(date: LocalDate): string {
  const { year, month, day } = localDateParts(date);
  return `${day} ${DUTCH_MONTHS[month - 1] ?? ''} ${year}`;
}

/** An instant as Amsterdam wall-clock time: '12 december 2025 om 17:00'. */
export function formatDateTimeNl(instant: Date): string {
  const { date, hour, minute } = amsterdamParts(instant);
  return `${formatDateNl(date)} om ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
