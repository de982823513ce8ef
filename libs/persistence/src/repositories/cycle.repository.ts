import { Cycle } from '../entities/cycle.entity';
import type { CycleKind } from '../entities/enums';
import type { Db } from './db';

/** The list row of a cycle (table cycle), one per workflow. */
export interface CycleRow {
  organisationId: string;
  kind: CycleKind;
  year: number;
  workflowId: string;
  title: string;
  status: string;
  createdByPersonId: string | null;
}

/** Columns an existing row takes over from a new record; none: an existing row stays as it is. */
export type CycleRecordUpdate = readonly ('status' | 'title')[];

/**
 * The cycles' read model: the list row with its status, and the whole state the workflow
 * publishes (StatePublisher) with a sequence number that only grows.
 */
export class CycleRepository {
  constructor(private readonly db: Db) {}

  /** Inserts the row, or updates the `update` columns of the existing one (by workflow id). */
  async record(row: CycleRow, update: CycleRecordUpdate): Promise<void> {
    const onConflict =
      update.length === 0
        ? 'DO NOTHING'
        : `DO UPDATE SET ${update.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`;
    await this.db.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, created_by_person_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workflow_id) ${onConflict}`,
      [
        row.organisationId,
        row.kind,
        row.year,
        row.workflowId,
        row.title,
        row.status,
        row.createdByPersonId,
      ],
    );
  }

  /**
   * Claims the cycle: inserts its row unless one exists under the workflow id (unique). True
   * when this call inserted it. Inside a transaction a concurrent claim of the same id waits
   * for that transaction and then finds the row, so of two parallel starts exactly one wins.
   */
  async claim(row: CycleRow): Promise<boolean> {
    const rows = (await this.db.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, created_by_person_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workflow_id) DO NOTHING
       RETURNING workflow_id`,
      [
        row.organisationId,
        row.kind,
        row.year,
        row.workflowId,
        row.title,
        row.status,
        row.createdByPersonId,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  /**
   * Stores the cycle's state with its sequence number, creating the row when it is missing. A
   * state replaces the stored one only when its sequence is higher (a retried, older publish
   * changes nothing); the row's status column is left to `record`.
   */
  async publishState(row: CycleRow & { state: unknown; seq: number }): Promise<void> {
    await this.db.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, created_by_person_id, state, state_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (workflow_id) DO UPDATE SET state = EXCLUDED.state, state_seq = EXCLUDED.state_seq, updated_at = now()
       WHERE cycle.state_seq < EXCLUDED.state_seq`,
      [
        row.organisationId,
        row.kind,
        row.year,
        row.workflowId,
        row.title,
        row.status,
        row.createdByPersonId,
        JSON.stringify(row.state),
        row.seq,
      ],
    );
  }

  /** The list status of the tenant's cycle under this workflow id; null when it has no row. */
  async statusOf(organisationId: string, workflowId: string): Promise<string | null> {
    const rows = (await this.db.query(
      `SELECT status FROM cycle WHERE organisation_id = $1 AND workflow_id = $2`,
      [organisationId, workflowId],
    )) as { status: string }[];
    return rows[0]?.status ?? null;
  }

  /**
   * Marks the cycle as failed (its workflow closed without finishing: failed, terminated, timed
   * out) and cancels its open tasks, so nobody is asked to act on a cycle that no longer runs.
   */
  async markFailed(organisationId: string, workflowId: string): Promise<void> {
    await this.db.query(
      `UPDATE cycle SET status = 'failed', updated_at = now()
        WHERE organisation_id = $1 AND workflow_id = $2 AND status <> 'failed'`,
      [organisationId, workflowId],
    );
    await this.db.query(
      `UPDATE task SET status = 'cancelled', completed_at = now()
        WHERE organisation_id = $1 AND workflow_id = $2 AND status = 'open'`,
      [organisationId, workflowId],
    );
  }

  /**
   * Releases a failed cycle's claim on its year: removes its row (and the state it published),
   * so the year can be started again. True when a failed row was removed; a cycle in any other
   * status is never removed.
   */
  async releaseFailed(organisationId: string, workflowId: string): Promise<boolean> {
    // A SELECT around the DELETE, so the driver answers rows (a bare DELETE answers a count pair).
    const rows = (await this.db.query(
      `WITH released AS (
         DELETE FROM cycle WHERE organisation_id = $1 AND workflow_id = $2 AND status = 'failed'
         RETURNING workflow_id)
       SELECT count(*)::int AS n FROM released`,
      [organisationId, workflowId],
    )) as { n: number }[];
    return rows[0]?.n === 1;
  }

  /** Whether a cycle has a row under this workflow id (the id names the tenant). */
  exists(workflowId: string): Promise<boolean> {
    return this.db.getRepository(Cycle).existsBy({ workflowId });
  }

  /** The tenant's cycles of one kind (their list rows), newest year first. */
  list(organisationId: string, kind: CycleKind): Promise<Cycle[]> {
    return this.db.getRepository(Cycle).find({
      where: { organisationId, kind },
      order: { year: 'DESC' },
    });
  }

  /** The state the cycle's workflow published last (see publishState); null while it has none. */
  async publishedState<T>(organisationId: string, workflowId: string): Promise<T | null> {
    const rows = (await this.db.query(
      `SELECT state FROM cycle WHERE organisation_id = $1 AND workflow_id = $2 AND state IS NOT NULL`,
      [organisationId, workflowId],
    )) as { state: T }[];
    return rows[0] ? rows[0].state : null;
  }
}
