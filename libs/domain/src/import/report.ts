import type { ImportProblem } from './sheet';

export type ImportKind = 'boards' | 'schools' | 'persons';
export const IMPORT_KINDS: readonly ImportKind[] = ['boards', 'schools', 'persons'];

/** What happened to one line: a new record, a changed one, one already as the file says, or none. */
export type ImportOutcome = 'created' | 'changed' | 'unchanged' | 'refused';

export interface ImportRowReport {
  row: number;
  /** What the line is about as the file names it (a board's or school's name, an e-mail address). */
  label: string;
  outcome: ImportOutcome;
  /** Why it was refused; empty otherwise. */
  problems: ImportProblem[];
}

/** The answer to an import: every line of the file with its outcome, and the counts. */
export interface ImportReport {
  kind: ImportKind;
  rows: ImportRowReport[];
  counts: Record<ImportOutcome, number>;
}

export function reportOf(kind: ImportKind, rows: ImportRowReport[]): ImportReport {
  const counts = { created: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { kind, rows, counts };
}
