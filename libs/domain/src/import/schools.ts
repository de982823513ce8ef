import { codedText } from '@jaarcyclus/i18n/core';
import { Cells, keyOf } from './cells';
import type { CsvTable } from './csv';
import { BOARD_NUMBER, type ExistingBoard } from './boards';
import { reportOf, type ImportReport, type ImportRowReport } from './report';
import { readSheet, type ColumnSpec } from './sheet';

export type ImportedSchoolKind = 'regular' | 'special';

/** A school the SWV has, as the schools import compares with it. */
export interface ExistingSchool {
  id: string;
  name: string;
  /** BRIN code with location code: '20AB01' (or the bare four characters). */
  brin: string | null;
  boardId: string;
  kind: ImportedSchoolKind;
  pupilCount: number | null;
  locationCount: number;
  fixedAmountCents: number;
}

/** A school to insert (id null) or update; an optional field undefined: no such column in the file. */
export interface SchoolWrite {
  id: string | null;
  name: string;
  brin: string;
  boardId: string;
  kind: ImportedSchoolKind;
  pupilCount: number | null | undefined;
  locationCount: number | undefined;
  fixedAmountCents: number | undefined;
}

type SchoolColumn =
  'brin' | 'location' | 'name' | 'board' | 'kind' | 'pupilCount' | 'locationCount' | 'fixedAmount';

export const SCHOOL_COLUMNS: readonly ColumnSpec<SchoolColumn>[] = [
  { key: 'brin', names: ['brin', 'brinnummer', 'brin-code'], required: true },
  { key: 'location', names: ['vestiging', 'vestigingscode', 'location'], required: false },
  { key: 'name', names: ['naam', 'name', 'school'], required: true },
  { key: 'board', names: ['bestuur', 'board'], required: true },
  { key: 'kind', names: ['soort', 'kind', 'type'], required: true },
  { key: 'pupilCount', names: ['leerlingen', 'pupils', 'pupil_count'], required: false },
  { key: 'locationCount', names: ['vestigingen', 'locations'], required: false },
  { key: 'fixedAmount', names: ['vast bedrag', 'fixed_amount', 'vast_bedrag'], required: false },
];

const BRIN = /^[0-9]{2}[A-Z]{2}$/;
const BRIN_WITH_LOCATION = /^[0-9]{2}[A-Z]{2}[0-9]{2}$/;

/**
 * Regular schools get a fixed amount (docs/domain.md, source 001 §7.2), special ones do not:
 * the words Dutch lists use for each.
 */
const KINDS: Record<string, ImportedSchoolKind> = {
  regulier: 'regular',
  regular: 'regular',
  po: 'regular',
  bao: 'regular',
  vo: 'regular',
  pro: 'regular',
  praktijkonderwijs: 'regular',
  speciaal: 'special',
  special: 'special',
  sbo: 'special',
  so: 'special',
  vso: 'special',
  'so/vso': 'special',
};

/** A board by its bestuursnummer or its name (without case). */
export function findBoard(
  boards: readonly ExistingBoard[],
  value: string,
): ExistingBoard | undefined {
  return BOARD_NUMBER.test(value)
    ? boards.find((b) => b.boardNumber === value)
    : boards.find((b) => keyOf(b.name) === keyOf(value));
}

/**
 * The schools import (issue #15): a school is the same school when its BRIN code with location
 * code matches (the natural key DUO gives each vestiging); its board must exist (import the
 * boards first). Excel drops a location's leading zero ('1' for '01'): it is put back.
 */
export function planSchoolImport(
  table: CsvTable,
  boards: readonly ExistingBoard[],
  existing: readonly ExistingSchool[],
): { report: ImportReport; writes: SchoolWrite[] } {
  const rows: ImportRowReport[] = [];
  const writes: SchoolWrite[] = [];
  const seen = new Map<string, number>();
  for (const r of readSheet(table, SCHOOL_COLUMNS)) {
    const c = new Cells(r);
    const name = c.text('name');
    const brinRaw = c.raw('brin').toUpperCase().replace(/\s/g, '');
    let brin: string | undefined;
    if (brinRaw === '') c.text('brin');
    else if (BRIN.test(brinRaw) || (BRIN_WITH_LOCATION.test(brinRaw) && !c.raw('location')))
      brin = brinRaw;
    else
      c.refuse('brin', (column) => codedText('csvImport.brin', { column, value: c.raw('brin') }));
    const location = c.coded(
      'location',
      (v) => (/^[0-9]{1,2}$/.test(v) ? v.padStart(2, '0') : null),
      (column, value) => codedText('csvImport.location', { column, value }),
    );
    const code =
      brin !== undefined && location !== undefined ? `${brin}${location ?? ''}` : undefined;
    const boardName = c.text('board');
    const board = boardName !== undefined ? findBoard(boards, boardName) : undefined;
    if (boardName !== undefined && !board) {
      c.refuse('board', (column) =>
        codedText('csvImport.unknownBoard', { column, value: boardName }),
      );
    }
    const kind = c.has('kind')
      ? c.coded(
          'kind',
          (v) => KINDS[v.toLowerCase()] ?? null,
          (column, value) => codedText('csvImport.kind', { column, value }),
        )
      : undefined;
    if (kind === null) c.text('kind');
    const pupilCount = c.has('pupilCount') ? c.count('pupilCount', { required: false }) : undefined;
    const locationCount = c.has('locationCount')
      ? c.count('locationCount', { required: false, min: 1 })
      : undefined;
    const fixedAmountCents = c.has('fixedAmount') ? c.amount('fixedAmount') : undefined;
    if (kind === 'special' && fixedAmountCents) {
      c.refuse('fixedAmount', (column) => codedText('csvImport.specialFixedAmount', { column }));
    }
    if (code !== undefined) {
      const first = seen.get(code);
      if (first !== undefined) {
        c.refuse('brin', (column) => codedText('csvImport.duplicate', { column, first }));
      } else seen.set(code, r.row);
    }
    const label = name ?? c.raw('name');
    if (
      r.problems.length > 0 ||
      name === undefined ||
      code === undefined ||
      !board ||
      kind == null ||
      (pupilCount === undefined && c.has('pupilCount')) ||
      (locationCount === undefined && c.has('locationCount'))
    ) {
      rows.push({ row: r.row, label, outcome: 'refused', problems: r.problems });
      continue;
    }
    const match = existing.find((s) => s.brin === code);
    const write: SchoolWrite = {
      id: match?.id ?? null,
      name,
      brin: code,
      boardId: board.id,
      kind,
      pupilCount,
      locationCount: locationCount === null ? 1 : locationCount,
      fixedAmountCents,
    };
    const same =
      match !== undefined &&
      match.name === name &&
      match.boardId === board.id &&
      match.kind === kind &&
      (write.pupilCount === undefined || match.pupilCount === write.pupilCount) &&
      (write.locationCount === undefined || match.locationCount === write.locationCount) &&
      (write.fixedAmountCents === undefined || match.fixedAmountCents === write.fixedAmountCents);
    rows.push({
      row: r.row,
      label,
      outcome: !match ? 'created' : same ? 'unchanged' : 'changed',
      problems: [],
    });
    if (!same) writes.push(write);
  }
  return { report: reportOf('schools', rows), writes };
}
