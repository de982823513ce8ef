import { codedText, type CodedText } from '@jaarcyclus/i18n/core';
import { DomainError } from '../errors';
import type { CsvRecord, CsvTable } from './csv';

/** A column of an import: its key, and the header names it may go by (Dutch first, then English). */
export interface ColumnSpec<K extends string> {
  key: K;
  names: readonly string[];
  required: boolean;
}

/** What is wrong with one cell (or, column null, with the line as a whole). */
export interface ImportProblem {
  column: string | null;
  text: CodedText;
}

/** One line of the file, its cells by column key; `undefined`: the file has no such column. */
export interface SheetRow<K extends string> {
  row: number;
  get(key: K): string | undefined;
  /** The column's name as the file writes it (for the report). */
  column(key: K): string;
  problems: ImportProblem[];
}

/** Header names compare without case, spaces, dashes, underscores and dots: 'E-mail' = 'email'. */
const normal = (name: string): string => name.toLowerCase().replace(/[\s_.-]/g, '');

/**
 * Maps the file's header onto the columns of one import: every required column must be there,
 * none may appear twice, and a column nobody knows is refused (a typo in 'leerlingen' must not
 * silently keep the old counts). Refusals name the columns as the file writes them.
 */
export function readSheet<K extends string>(
  table: CsvTable,
  specs: readonly ColumnSpec<K>[],
): SheetRow<K>[] {
  const index = new Map<K, number>();
  const unknown: string[] = [];
  table.header.forEach((name, i) => {
    const spec = specs.find((s) => s.names.some((n) => normal(n) === normal(name)));
    if (!spec) {
      if (name !== '') unknown.push(name);
      return;
    }
    if (index.has(spec.key)) {
      throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.duplicateColumn', {
        field: 'file',
        column: name,
      });
    }
    index.set(spec.key, i);
  });
  const missing = specs.filter((s) => s.required && !index.has(s.key)).map((s) => s.names[0]!);
  if (missing.length > 0) {
    throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.missingColumns', {
      field: 'file',
      columns: missing.join(', '),
    });
  }
  if (unknown.length > 0) {
    throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.unknownColumns', {
      field: 'file',
      columns: unknown.join(', '),
    });
  }
  const width = table.header.length;
  return table.records.map((record: CsvRecord) => {
    const problems: ImportProblem[] = [];
    // Excel leaves off trailing empty cells of a short row; more cells than columns is an error.
    if (record.cells.length > width && record.cells.slice(width).some((c) => c.trim() !== '')) {
      problems.push({
        column: null,
        text: codedText('csvImport.columnCount', { expected: width, got: record.cells.length }),
      });
    }
    return {
      row: record.row,
      get: (key: K) => {
        const i = index.get(key);
        return i === undefined ? undefined : (record.cells[i] ?? '').trim();
      },
      column: (key: K) => {
        const i = index.get(key);
        return i === undefined ? specs.find((s) => s.key === key)!.names[0]! : table.header[i]!;
      },
      problems,
    };
  });
}
