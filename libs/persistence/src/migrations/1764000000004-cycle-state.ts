import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole state of a cycle as a read model next to its list row: the workflow publishes it
 * (with a sequence number that only grows) on every change, and the api answers "how far is
 * the cycle" from here instead of asking the workflow, which is slow while many act at once
 * and impossible while the worker is down.
 *
 * And a unique index on the idempotency key that audit rows carry in their payload, so the
 * writes published with the state can append many rows in one statement (ON CONFLICT DO
 * NOTHING) instead of a lock and a lookup per row. The writers so far guaranteed this
 * uniqueness under an advisory lock, so existing rows satisfy it.
 */
export class CycleState1764000000004 implements MigrationInterface {
  name = 'CycleState1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cycle
        ADD COLUMN state jsonb,
        ADD COLUMN state_seq integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT cycle_state_check CHECK (state IS NULL OR jsonb_typeof(state) = 'object'),
        ADD CONSTRAINT cycle_state_seq_check CHECK (state_seq >= 0)`);
    await q.query(`
      CREATE UNIQUE INDEX audit_event_idempotency_key
        ON audit_event (organisation_id, workflow_id, (payload->>'idempotencyKey'))
        WHERE payload ? 'idempotencyKey'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_idempotency_key`);
    await q.query(
      `ALTER TABLE cycle DROP CONSTRAINT cycle_state_seq_check, DROP CONSTRAINT cycle_state_check, DROP COLUMN state_seq, DROP COLUMN state`,
    );
  }
}
