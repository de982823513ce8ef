import { DomainError } from '../errors';
import { formatDateTimeNumeric, LABELS } from '@jaarcyclus/i18n/core';
import { type Cents, formatEuroPlain } from '../money/money';
import { type SchoolAccountabilityStatus, SCHOOL_ACCOUNTABILITY_STATUS_LABELS } from './status';

/** One school in the secretariat's overview of who is late (docs/domain.md §2). */
export interface AccountabilityOverviewRow {
  schoolName: string;
  boardName: string;
  status: SchoolAccountabilityStatus;
  daysLate: number;
  /** The (last) submission, or null. */
  submittedAt: Date | null;
  /**
   * What the school received (its fixed amount and the variable amount it reported) and spent
   * (its expenses), from its last submitted version; null before it submitted.
   */
  receivedCents?: Cents | null;
  spentCents?: Cents | null;
  /** Underspending recorded as a deduction; null while there is none (yet). */
  deductionCents: Cents | null;
  /** Why the secretariat waived the school; null unless waived. */
  waiverReason: string | null;
}

/** The columns, for Dutch Excel: in Dutch whoever exports (libs/i18n, labels). */
export const OVERVIEW_CSV_HEADER: readonly string[] = LABELS.nl.overviewCsvHeader;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A cell as Dutch Excel reads it: quoted when it contains the separator, a quote, a line
 * break or surrounding spaces (quotes doubled). Text that Excel would run as a formula
 * (starting with = + - @ or a tab/CR) gets a leading apostrophe: school and board names are
 * tenant input, and a CSV export must not become a formula injection (OWASP "CSV injection").
 */
export function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The overview as a CSV file for Dutch Excel: UTF-8 with a byte-order mark (so that Excel
 * does not read 'Materiële' as mojibake), ';' as separator and ',' as decimal separator (the
 * nl-NL list and decimal separators), CRLF line ends, a header row. Columns: school, board,
 * status (Dutch), days late, submitted at (Amsterdam), received and spent per the last
 * submitted version, deduction in euros ('1234,56'), the reason of a waiver.
 */
/** Rows of text cells as a CSV file for Dutch Excel (BOM, ';', CRLF), cells as `textCell` writes them. */
export function toExcelCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  return BOM + [header, ...rows].map((r) => r.map(textCell).join(';')).join(CRLF) + CRLF;
}

/** Euros as Dutch Excel reads a number ('1234,56'); empty when unknown. */
function euros(cents: Cents | null | undefined, field: string): string {
  if (cents === null || cents === undefined) return '';
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new DomainError('VALIDATION', `${field} must be a non-negative integer of cents`, field);
  }
  return formatEuroPlain(cents);
}

export function toOverviewCsv(rows: readonly AccountabilityOverviewRow[]): string {
  const lines = [OVERVIEW_CSV_HEADER.join(';')];
  rows.forEach((row, i) => {
    if (!Number.isSafeInteger(row.daysLate) || row.daysLate < 0) {
      throw new DomainError(
        'VALIDATION',
        'daysLate must be a non-negative integer',
        `rows[${i}].daysLate`,
      );
    }
    if (row.submittedAt !== null && !Number.isFinite(row.submittedAt.getTime())) {
      throw new DomainError(
        'VALIDATION',
        'submittedAt must be a valid Date',
        `rows[${i}].submittedAt`,
      );
    }
    const label = SCHOOL_ACCOUNTABILITY_STATUS_LABELS[row.status];
    if (label === undefined) {
      throw new DomainError(
        'VALIDATION',
        `Unknown status '${String(row.status)}'`,
        `rows[${i}].status`,
      );
    }
    lines.push(
      [
        textCell(row.schoolName),
        textCell(row.boardName),
        textCell(label),
        String(row.daysLate),
        row.submittedAt === null ? '' : formatDateTimeNumeric(row.submittedAt),
        euros(row.receivedCents, `rows[${i}].receivedCents`),
        euros(row.spentCents, `rows[${i}].spentCents`),
        row.deductionCents === null ? '' : formatEuroPlain(row.deductionCents),
        row.waiverReason === null ? '' : textCell(row.waiverReason),
      ].join(';'),
    );
  });
  return BOM + lines.join(CRLF) + CRLF;
}
