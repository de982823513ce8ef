import { DomainError } from '../errors';

/** One data line of a CSV file: its line number as Excel shows it (the header is line 1). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/** More lines than any SWV has boards, schools or people: a bigger file is a mistake. */
export const MAX_IMPORT_ROWS = 5000;

/**
 * Reads a CSV file as Dutch Excel saves it: `;` between cells, cells in double quotes when they
 * hold a `;`, a quote (doubled) or a line break, CRLF or LF line ends, UTF-8 with or without a
 * byte-order mark. Lines whose cells are all empty (Excel writes `;;;` for an empty row) are
 * skipped; line numbers stay those of the file, so a report points at the line Excel shows.
 * A header without `;` that has commas or tabs was saved with another separator: refused
 * with that named, rather than read as one column.
 */
export function parseCsv(text: string): CsvTable {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = (): void => {
    cells.push(cell);
    lines.push({ row: start, cells });
    cells = [];
    cell = '';
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (c === ';') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && source[i + 1] === '\n') {
      // The \n ends the record.
    } else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      start = line;
    } else {
      cell += c;
    }
    i++;
  }
  if (quoted) {
    throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.unclosedQuote', {
      field: 'file',
      row: start,
    });
  }
  if (cell !== '' || cells.length > 0) endRecord();

  const nonEmpty = lines.filter((l) => l.cells.some((c) => c.trim() !== ''));
  const [head, ...records] = nonEmpty;
  if (!head) throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.empty', { field: 'file' });
  if (head.cells.length === 1) {
    const only = head.cells[0]!;
    const found = only.includes('\t') ? 'tab' : only.includes(',') ? 'comma' : null;
    if (found) {
      throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.separator', {
        field: 'file',
        found,
      });
    }
  }
  if (records.length === 0) {
    throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.noRows', { field: 'file' });
  }
  if (records.length > MAX_IMPORT_ROWS) {
    throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.tooManyRows', {
      field: 'file',
      max: MAX_IMPORT_ROWS,
    });
  }
  return { header: head.cells.map((h) => h.trim()), records };
}
