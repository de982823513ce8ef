import type { Locale } from './locale';

/**
 * The one place where dates and numbers become text, in Dutch and in English: web pages, mails,
 * the CSV export and the calendar feed all format through here.
 *
 * - Dates and times are Amsterdam wall-clock time (deadlines are dates in Europe/Amsterdam):
 *   '12 december 2026 om 17:00', '12 December 2026 at 17:00'.
 * - Money is integer euro cents, written the Dutch way in both languages (the SWV's documents
 *   use € 1.234,56).
 * - FTE is integer hundredths: 80 → '0,80'.
 * - Counts follow the reader: 16.500 in Dutch, 16,500 in English.
 *
 * Pure and deterministic (no clock): usable in the domain and in workflow code.
 */

export const TIME_ZONE = 'Europe/Amsterdam';

const MONTHS: Record<Locale, readonly string[]> = {
  nl: [
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
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** Dutch month names as written in letters (lower case, per Dutch spelling). */
export const DUTCH_MONTHS: readonly string[] = MONTHS.nl;

/** Amsterdam wall-clock parts of an instant. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

let wallClockFormat: Intl.DateTimeFormat | undefined;

export function amsterdamWallClock(instant: Date): WallClock {
  if (!Number.isFinite(instant.getTime())) throw new RangeError('Invalid date');
  wallClockFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of wallClockFormat.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

function dayMonthYear(locale: Locale, year: number, month: number, day: number): string {
  return `${day} ${MONTHS[locale][month - 1] ?? ''} ${year}`;
}

/** A calendar date 'YYYY-MM-DD' in words: '12 december 2026', '12 December 2026'. */
export function formatCalendarDate(locale: Locale, date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dayMonthYear(locale, year, month, day);
}

/** The Amsterdam date of an instant in words: '12 december 2026', '12 December 2026'. */
export function formatDate(locale: Locale, instant: Date): string {
  const { year, month, day } = amsterdamWallClock(instant);
  return dayMonthYear(locale, year, month, day);
}

/** The Amsterdam month of an instant in words: 'december 2026', 'December 2026'. */
export function formatMonth(locale: Locale, instant: Date): string {
  const { year, month } = amsterdamWallClock(instant);
  return `${MONTHS[locale][month - 1] ?? ''} ${year}`;
}

/** The Amsterdam clock time of an instant: '17:00'. */
export function formatTime(instant: Date): string {
  const { hour, minute } = amsterdamWallClock(instant);
  return `${two(hour)}:${two(minute)}`;
}

const AT: Record<Locale, string> = { nl: 'om', en: 'at' };

/** An instant as Amsterdam wall-clock time: '12 december 2026 om 17:00', '12 December 2026 at 17:00'. */
export function formatDateTime(locale: Locale, instant: Date): string {
  return `${formatDate(locale, instant)} ${AT[locale]} ${formatTime(instant)}`;
}

/** An ISO instant as formatDateTime writes it; text that is no instant stays as it is. */
export function formatIsoDateTime(locale: Locale, iso: string): string {
  return Number.isFinite(Date.parse(iso)) ? formatDateTime(locale, new Date(iso)) : iso;
}

/** '03-02-2027 14:05': Amsterdam wall-clock time in the numeric order Dutch Excel (nl-NL) parses. */
export function formatDateTimeNumeric(instant: Date): string {
  const { year, month, day, hour, minute } = amsterdamWallClock(instant);
  return `${two(day)}-${two(month)}-${year} ${two(hour)}:${two(minute)}`;
}

const COUNT: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL'),
  en: new Intl.NumberFormat('en-GB'),
};

/** A count (pupils, members, vote weight) as the reader writes it: 16.500 in Dutch, 16,500 in English. */
export function formatCount(locale: Locale, n: number): string {
  return COUNT[locale].format(n);
}

/** A count with its noun in the singular or the plural: '1 leerling', '4.010 leerlingen'. */
export function formatCounted(locale: Locale, n: number, one: string, other: string): string {
  return `${formatCount(locale, n)} ${n === 1 ? one : other}`;
}

const PERCENT: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }),
};

/** A share (0–1) as a percentage: '24,3%'. */
export function formatPercent(locale: Locale, share: number): string {
  return PERCENT[locale].format(share);
}

const DECIMAL: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** A file size as people read it: '850 bytes', '12,4 kB', '1,5 MB'. */
export function formatBytes(locale: Locale, bytes: number): string {
  if (bytes < 1024) return `${DECIMAL[locale].format(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${DECIMAL[locale].format(bytes / 1024)} kB`;
  return `${DECIMAL[locale].format(bytes / (1024 * 1024))} MB`;
}

/** Groups an integer's digits by three with '.', the Dutch thousands separator. */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function hundredths(n: number): { sign: string; whole: number; rest: string } {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${String(n)} is not a whole number`);
  const abs = Math.abs(n);
  return {
    sign: n < 0 ? '-' : '',
    whole: Math.floor(abs / 100),
    rest: String(abs % 100).padStart(2, '0'),
  };
}

/**
 * Euro cents the Dutch way, in both languages: '€ 1.234,56', negative '€ -1.234,56' (the sign
 * next to the figure, after the currency symbol, as Dutch accounting writes it).
 */
export function formatEuro(cents: number): string {
  const { sign, whole, rest } = hundredths(cents);
  return `€ ${sign}${groupThousands(whole)},${rest}`;
}

/** An amount refilled into a form field, as the reader typed it: '1.234,56' (no symbol). */
export function formatEuroField(cents: number): string {
  const { sign, whole, rest } = hundredths(cents);
  return `${sign}${groupThousands(whole)},${rest}`;
}

/** Plain Dutch decimal for CSV exports and form fields: '1234,56', negative '-1234,56'. */
export function formatEuroPlain(cents: number): string {
  const { sign, whole, rest } = hundredths(cents);
  return `${sign}${whole},${rest}`;
}

/** Basis points as a Dutch percentage with two decimals: 350 → '3,50%'. */
export function formatBasisPoints(basisPoints: number): string {
  const { sign, whole, rest } = hundredths(basisPoints);
  return `${sign}${whole},${rest}%`;
}

/** FTE in hundredths with a decimal comma: 80 → '0,80'; 1250 → '12,50'. */
export function formatFte(fteHundredths: number): string {
  if (fteHundredths < 0) throw new RangeError('FTE cannot be negative');
  const { whole, rest } = hundredths(fteHundredths);
  return `${whole},${rest}`;
}
