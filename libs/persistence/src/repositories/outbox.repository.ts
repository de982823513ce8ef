import type { OutboxStatus } from '../entities/enums';
import type { Db } from './db';

/** A mail to store; the first version of each idempotency key wins. */
export interface OutboxMessageToStore {
  idempotencyKey: string;
  organisationId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A stored message, locked for sending. */
export interface LockedOutboxMessage {
  id: string;
  idempotencyKey: string;
  status: OutboxStatus;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The mail outbox (outbox_message): every mail the service sends, once per idempotency key. */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** Stores the messages in one statement; a key that is stored already keeps its first version. */
  async store(mails: readonly OutboxMessageToStore[]): Promise<void> {
    if (mails.length === 0) return;
    await this.db.query(
      `INSERT INTO outbox_message (idempotency_key, organisation_id, to_address, subject, text_body, html_body)
       SELECT k, o, t, s, x, h FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS m(k, o, t, s, x, h)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [
        mails.map((m) => m.idempotencyKey),
        mails.map((m) => m.organisationId),
        mails.map((m) => m.to),
        mails.map((m) => m.subject),
        mails.map((m) => m.text),
        mails.map((m) => m.html),
      ],
    );
  }

  /**
   * The stored messages with these keys, locked until the transaction ends (in key order, so
   * two overlapping calls cannot deadlock). A blocking lock, not SKIP LOCKED: a second caller
   * must learn whether the first one's send succeeded. Call it inside a transaction.
   */
  async lockByKeys(keys: readonly string[]): Promise<LockedOutboxMessage[]> {
    const rows = (await this.db.query(
      `SELECT id, idempotency_key, status, to_address, subject, text_body, html_body
         FROM outbox_message WHERE idempotency_key = ANY($1::text[])
        ORDER BY idempotency_key FOR UPDATE`,
      [keys],
    )) as {
      id: string;
      idempotency_key: string;
      status: OutboxStatus;
      to_address: string;
      subject: string;
      text_body: string;
      html_body: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      idempotencyKey: r.idempotency_key,
      status: r.status,
      to: r.to_address,
      subject: r.subject,
      text: r.text_body,
      html: r.html_body,
    }));
  }

  /** Marks the messages sent (one more attempt each). */
  async markSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE outbox_message SET attempts = attempts + 1, last_error = NULL, status = 'sent', sent_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Records failed attempts with their reason: a permanent rejection is marked 'failed' for
   * the overview, anything else stays 'pending' (a later call still tries again).
   */
  async markFailed(
    failed: readonly { id: string; reason: string; permanent: boolean }[],
  ): Promise<void> {
    if (failed.length === 0) return;
    await this.db.query(
      `UPDATE outbox_message AS m SET attempts = m.attempts + 1, last_error = f.reason, status = f.status
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS f(id, reason, status)
        WHERE m.id = f.id`,
      [
        failed.map((f) => f.id),
        failed.map((f) => f.reason),
        failed.map((f) => (f.permanent ? 'failed' : 'pending')),
      ],
    );
  }
}
