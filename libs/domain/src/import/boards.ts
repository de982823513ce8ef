import { codedText } from '@jaarcyclus/i18n/core';
import { Cells, keyOf } from './cells';
import type { CsvTable } from './csv';
import { reportOf, type ImportReport, type ImportRowReport } from './report';
import { readSheet, type ColumnSpec } from './sheet';

/** A board the SWV has, as the boards import compares with it. */
export interface ExistingBoard {
  id: string;
  name: string;
  boardNumber: string | null;
  pupilCount: number;
}

/** A board to insert (id null) or update; boardNumber undefined: the file has no such column. */
export interface BoardWrite {
  id: string | null;
  name: string;
  boardNumber: string | null | undefined;
  pupilCount: number;
}

type BoardColumn = 'name' | 'boardNumber' | 'pupilCount';

export const BOARD_COLUMNS: readonly ColumnSpec<BoardColumn>[] = [
  { key: 'name', names: ['naam', 'name', 'bestuur'], required: true },
  { key: 'boardNumber', names: ['bestuursnummer', 'board_number', 'kvk'], required: false },
  { key: 'pupilCount', names: ['leerlingen', 'pupils', 'pupil_count'], required: true },
];

export const BOARD_NUMBER = /^[0-9]{5}$/;

/**
 * The boards import (issue #15): a board is the same board when its bestuursnummer matches, or
 * else its name (without case); a new one is added, a known one gets the file's name, number
 * and pupil count. Importing the same file twice changes nothing the second time.
 */
export function planBoardImport(
  table: CsvTable,
  existing: readonly ExistingBoard[],
): { report: ImportReport; writes: BoardWrite[] } {
  const rows: ImportRowReport[] = [];
  const writes: BoardWrite[] = [];
  const seenName = new Map<string, number>();
  const seenNumber = new Map<string, number>();
  for (const r of readSheet(table, BOARD_COLUMNS)) {
    const c = new Cells(r);
    const name = c.text('name');
    const pupilCount = c.count('pupilCount', { required: true });
    const boardNumber = c.has('boardNumber')
      ? c.coded(
          'boardNumber',
          (v) => (BOARD_NUMBER.test(v) ? v : null),
          (column, value) => codedText('csvImport.boardNumber', { column, value }),
        )
      : undefined;
    const label = name ?? c.raw('name');
    if (name !== undefined) {
      const first =
        seenName.get(keyOf(name)) ?? (boardNumber ? seenNumber.get(boardNumber) : undefined);
      if (first !== undefined)
        c.refuse('name', (column) => codedText('csvImport.duplicate', { column, first }));
      seenName.set(keyOf(name), seenName.get(keyOf(name)) ?? r.row);
      if (boardNumber) seenNumber.set(boardNumber, seenNumber.get(boardNumber) ?? r.row);
    }
    const byNumber = boardNumber ? existing.find((b) => b.boardNumber === boardNumber) : undefined;
    const byName =
      name !== undefined ? existing.find((b) => keyOf(b.name) === keyOf(name)) : undefined;
    const match = byNumber ?? byName;
    if (name !== undefined && byNumber && byName && byName.id !== byNumber.id) {
      c.refuse('name', (column) => codedText('csvImport.nameTaken', { column, value: name }));
    }
    if (r.problems.length > 0 || name === undefined || pupilCount == null) {
      rows.push({ row: r.row, label, outcome: 'refused', problems: r.problems });
      continue;
    }
    const write: BoardWrite = { id: match?.id ?? null, name, boardNumber, pupilCount };
    const same =
      match !== undefined &&
      match.name === name &&
      match.pupilCount === pupilCount &&
      (boardNumber === undefined || match.boardNumber === boardNumber);
    rows.push({
      row: r.row,
      label,
      outcome: !match ? 'created' : same ? 'unchanged' : 'changed',
      problems: [],
    });
    if (!same) writes.push(write);
  }
  return { report: reportOf('boards', rows), writes };
}
