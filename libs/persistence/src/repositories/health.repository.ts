import type { Db } from './db';

/** The outbox as an operator watches it (see README "Operating Jaarcyclus"). */
export interface OutboxBacklog {
  /** Stored, not yet accepted by SMTP, still to be tried ('pending'). */
  pending: number;
  /** Refused permanently by the SMTP server (5xx) or with a secret gone ('failed'). */
  failed: number;
  /** Seconds since the oldest unsent message (pending or failed) was stored; 0 without one. */
  oldestUnsentAgeSeconds: number;
}

/** How many cycles of a kind are in a state (the read model's `cycle.status`). */
export interface CycleStateCount {
  kind: string;
  status: string;
  count: number;
}

/** Whether the database answers, and what an operator's probes and metrics read from it. */
export class HealthRepository {
  constructor(private readonly db: Db) {}

  /** A trivial statement; rejects when the database does not answer it. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /** One statement over the partial index of unsent messages (outbox_message_unsent_idx). */
  async outboxBacklog(): Promise<OutboxBacklog> {
    const [row] = (await this.db.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
         FROM outbox_message WHERE status <> 'sent'`,
    )) as { pending: number; failed: number; age: number }[];
    return {
      pending: row?.pending ?? 0,
      failed: row?.failed ?? 0,
      oldestUnsentAgeSeconds: Math.max(0, Math.round(row?.age ?? 0)),
    };
  }

  /** Cycles by kind and state, over every SWV (counts only: no tenant, no names). */
  async cyclesByState(): Promise<CycleStateCount[]> {
    const rows = (await this.db.query(
      `SELECT kind, status, count(*)::int AS count FROM cycle GROUP BY kind, status ORDER BY kind, status`,
    )) as CycleStateCount[];
    return rows;
  }
}
