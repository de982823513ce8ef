import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A record that the SMTP relay accepted a message (`outbox_handoff`), written on a connection
 * of its own the moment the relay answers 250, while the sending transaction still holds the
 * message's row. If the process dies before that transaction commits, the retry finds the
 * record and marks the message sent instead of handing it to the relay a second time
 * (RELIABILITY.md, the worker SIGKILL scenario). No foreign key on purpose: a key-share lock
 * on the outbox row would wait for the sending transaction that holds it. Rows are deleted
 * when the message is marked sent; what is left (a crash before the retry) is cleared then.
 */
export class OutboxHandoff1764000000170 implements MigrationInterface {
  name = 'OutboxHandoff1764000000170';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE outbox_handoff (
         idempotency_key text PRIMARY KEY,
         accepted_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_handoff`);
  }
}
