import type { Db } from './db';

/** One allocation letter as it was sent (allocation_letter). */
export interface StoredAllocationLetter {
  id: string;
  workflowId: string;
  boardId: string;
  budgetYear: number;
  totalCents: number;
  /** ISO: the letter's date. */
  letterDate: string;
  /** The letter's data as libs/mail's AllocationLetterData (the caller knows its shape). */
  data: unknown;
}

export interface AllocationLetterToRecord {
  organisationId: string;
  workflowId: string;
  boardId: string;
  budgetYear: number;
  totalCents: number;
  /** ISO. */
  letterDate: string;
  data: unknown;
}

interface Row {
  id: string;
  workflow_id: string;
  board_id: string;
  budget_year: number;
  total_cents: string;
  letter_date: Date;
  data: unknown;
}

const COLUMNS = `id, workflow_id, board_id, budget_year, total_cents, letter_date, data`;

function letterOf(r: Row): StoredAllocationLetter {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    boardId: r.board_id,
    budgetYear: r.budget_year,
    totalCents: Number(r.total_cents),
    letterDate: new Date(r.letter_date).toISOString(),
    data: r.data,
  };
}

/**
 * The allocation letters of the budget cycles, kept as they were sent so the board and the
 * office read them in the web app (as a PDF). Every query is scoped to one SWV.
 */
export class AllocationLetterRepository {
  constructor(private readonly db: Db) {}

  /**
   * Records the letter of one board in one cycle; a retried activity keeps the first. Returns
   * the letter's id (the first one's, on a retry): the address of its PDF in the web app.
   */
  async record(l: AllocationLetterToRecord): Promise<string> {
    const rows = (await this.db.query(
      `WITH inserted AS (
         INSERT INTO allocation_letter
           (organisation_id, workflow_id, board_id, budget_year, total_cents, data, letter_date)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
         ON CONFLICT (organisation_id, workflow_id, board_id) DO NOTHING
         RETURNING id
       )
       SELECT id FROM inserted
       UNION ALL
       SELECT id FROM allocation_letter
        WHERE organisation_id = $1 AND workflow_id = $2 AND board_id = $3`,
      [
        l.organisationId,
        l.workflowId,
        l.boardId,
        l.budgetYear,
        l.totalCents,
        JSON.stringify(l.data),
        l.letterDate,
      ],
    )) as { id: string }[];
    // Inserted: the first row (the table's SELECT does not see it). A retry: the stored one.
    if (!rows[0]) throw new Error('allocation letter neither inserted nor found');
    return rows[0].id;
  }

  /** The SWV's letters, newest year first; only those of `boardId` when given. */
  async list(organisationId: string, boardId?: string): Promise<StoredAllocationLetter[]> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM allocation_letter
        WHERE organisation_id = $1 AND ($2::uuid IS NULL OR board_id = $2)
        ORDER BY budget_year DESC, letter_date DESC, data->'board'->>'name', id`,
      [organisationId, boardId ?? null],
    )) as Row[];
    return rows.map(letterOf);
  }

  /** One letter of the SWV; null for an unknown id or another SWV's. */
  async get(organisationId: string, id: string): Promise<StoredAllocationLetter | null> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM allocation_letter WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    )) as Row[];
    return rows[0] ? letterOf(rows[0]) : null;
  }
}
