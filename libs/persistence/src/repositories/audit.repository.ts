import { AuditEvent } from '../entities/audit-event.entity';
import type { Db } from './db';

/** One row of the audit trail; see AuditRepository.append. */
export interface AuditEntry {
  /** Unique per workflow: a second row with the same key is never written. */
  idempotencyKey: string;
  organisationId: string;
  workflowId: string;
  round?: number | null;
  actorPersonId: string | null;
  /** e.g. 'vote_cast', 'started', 'waived'. */
  action: string;
  bodyKey?: string | null;
  weight?: number | null;
  value?: string | null;
  comment?: string | null;
  /** ISO; null: now (the transaction's time). */
  occurredAt: string | null;
  payload: Record<string, unknown>;
}

/**
 * The audit trail (audit_event), append-only. The idempotency key lives in the payload and is
 * unique per workflow (index audit_event_idempotency_key), so a retried write adds nothing.
 */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends the rows in one statement, in the given order; rows whose key exists are skipped. */
  async append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((e, ord) => ({
      ord,
      organisation_id: e.organisationId,
      workflow_id: e.workflowId,
      round: e.round ?? null,
      actor_person_id: e.actorPersonId,
      action: e.action,
      body_key: e.bodyKey ?? null,
      weight: e.weight ?? null,
      value: e.value ?? null,
      comment: e.comment ?? null,
      occurred_at: e.occurredAt,
      payload: { ...e.payload, idempotencyKey: e.idempotencyKey },
    }));
    await this.db.query(
      `INSERT INTO audit_event (organisation_id, workflow_id, round, actor_person_id, action, body_key, weight, value, comment, occurred_at, payload)
       SELECT r.organisation_id, r.workflow_id, r.round, r.actor_person_id, r.action, r.body_key, r.weight, r.value, r.comment,
              COALESCE(r.occurred_at, now()), r.payload
         FROM jsonb_to_recordset($1::jsonb) AS r(ord integer, organisation_id uuid, workflow_id text, round integer, actor_person_id uuid,
              action text, body_key text, weight bigint, value text, comment text, occurred_at timestamptz, payload jsonb)
        ORDER BY r.ord
       ON CONFLICT (organisation_id, workflow_id, (payload->>'idempotencyKey')) WHERE payload ? 'idempotencyKey' DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  /** The text of `field` in the payload of the workflow's latest event `action`, or null. */
  async latestPayloadText(
    organisationId: string,
    workflowId: string,
    action: string,
    field: string,
  ): Promise<string | null> {
    const rows = (await this.db.query(
      `SELECT payload->>$4 AS value FROM audit_event
        WHERE organisation_id = $1 AND workflow_id = $2 AND action = $3
        ORDER BY id DESC LIMIT 1`,
      [organisationId, workflowId, action, field],
    )) as { value: string | null }[];
    return rows[0]?.value ?? null;
  }

  /** The workflow's trail of the tenant, oldest first. */
  trail(organisationId: string, workflowId: string): Promise<AuditEvent[]> {
    return this.db.getRepository(AuditEvent).find({
      where: { organisationId, workflowId },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }
}
