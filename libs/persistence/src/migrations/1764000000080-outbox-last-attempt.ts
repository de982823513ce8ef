import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a message was last tried (`last_attempt_at`), so that a relay that has been refusing
 * mail for a while shows as an alert in /health and on the secretariat's list of mail problems,
 * and an old failure of a sign-in link (never retried: its token is gone) stops counting.
 * Existing rows get their sent time, or nothing when never tried.
 */
export class OutboxLastAttempt1764000000080 implements MigrationInterface {
  name = 'OutboxLastAttempt1764000000080';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_message ADD COLUMN last_attempt_at timestamptz`);
    await q.query(
      `UPDATE outbox_message SET last_attempt_at = coalesce(sent_at, created_at) WHERE attempts > 0`,
    );
    await q.query(
      `CREATE INDEX outbox_message_trouble_idx ON outbox_message (last_attempt_at)
        WHERE status = 'pending' AND last_error IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_message DROP COLUMN last_attempt_at`);
  }
}
