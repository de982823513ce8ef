import { LABELS, formatCalendarDate } from '@jaarcyclus/i18n/core';
import { textCell } from '../accountability/overview-csv';

/** One visit in the secretariat's overview of a programme. */
export interface VisitOverviewRow {
  hostName: string;
  visitDate: string;
  /** The visit flow's status code (scheduled, confirmed, held, …). */
  status: string;
  chairName: string | null;
  /** Steps past their due date, in the reader's words. */
  overdue: string[];
  openFollowUps: number;
}

/**
 * The programme's overview as a CSV file for Dutch Excel, like the accountability overview:
 * UTF-8 with a byte-order mark, ';' separated, CRLF, Dutch headers and status words, every
 * text cell safe from formula injection.
 */
export function toVisitationOverviewCsv(rows: readonly VisitOverviewRow[]): string {
  const labels = LABELS.nl;
  const status = labels.visitStatus as Record<string, string>;
  const lines = [labels.visitationCsvHeader.join(';')];
  for (const r of rows) {
    lines.push(
      [
        textCell(r.hostName),
        formatCalendarDate('nl', r.visitDate),
        textCell(status[r.status] ?? r.status),
        textCell(r.chairName ?? ''),
        textCell(r.overdue.join(', ')),
        String(r.openFollowUps),
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
