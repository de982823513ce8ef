import type { OutboxStatus } from '../entities/enums';
import type { Db } from './db';
import type { PgSession } from './pg-session';

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
  /**
   * The relay accepted it in an attempt whose transaction never committed (a hand-off record,
   * see OutboxHandoffLog): sent, though the row still says otherwise.
   */
  acceptedEarlier: boolean;
}

/** Stores mails in one statement; the first version of each key wins (storeParameters). */
const STORE_MAILS = `INSERT INTO outbox_message (idempotency_key, organisation_id, to_address, subject, text_body, html_body)
  SELECT k, o, t, s, x, h FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
    AS m(k, o, t, s, x, h)
  ON CONFLICT (idempotency_key) DO NOTHING`;

function storeParameters(mails: readonly OutboxMessageToStore[]): unknown[] {
  return [
    mails.map((m) => m.idempotencyKey),
    mails.map((m) => m.organisationId),
    mails.map((m) => m.to),
    mails.map((m) => m.subject),
    mails.map((m) => m.text),
    mails.map((m) => m.html),
  ];
}

/** The mail outbox (outbox_message): every mail the service sends, once per idempotency key. */
export class OutboxRepository {
  constructor(private readonly db: Db | PgSession) {}

  /** Stores the messages in one statement; a key that is stored already keeps its first version. */
  async store(mails: readonly OutboxMessageToStore[]): Promise<void> {
    if (mails.length === 0) return;
    await this.db.query(STORE_MAILS, storeParameters(mails));
  }

  /**
   * Stores the messages that are not stored yet and returns those (the others keep their first
   * version): each new row is this transaction's until it commits, so it needs no lock of its
   * own, and a second caller with the same key waits at its insert. `acceptedEarlier` as in
   * lockByKeys: an attempt whose transaction never committed got the message to the relay.
   */
  async storeNew(
    mails: readonly OutboxMessageToStore[],
  ): Promise<{ id: string; idempotencyKey: string; acceptedEarlier: boolean }[]> {
    if (mails.length === 0) return [];
    const rows = (await this.db.query(
      `${STORE_MAILS}
       RETURNING id, idempotency_key, EXISTS (
         SELECT 1 FROM outbox_handoff h WHERE h.idempotency_key = outbox_message.idempotency_key
       ) AS accepted_earlier`,
      storeParameters(mails),
    )) as { id: string; idempotency_key: string; accepted_earlier: boolean }[];
    return rows.map((r) => ({
      id: r.id,
      idempotencyKey: r.idempotency_key,
      acceptedEarlier: r.accepted_earlier,
    }));
  }

  /**
   * The stored messages with these keys, locked until the transaction ends (in key order, so
   * two overlapping calls cannot deadlock). A blocking lock, not SKIP LOCKED: a second caller
   * must learn whether the first one's send succeeded. Call it inside a transaction.
   */
  async lockByKeys(keys: readonly string[]): Promise<LockedOutboxMessage[]> {
    const rows = (await this.db.query(
      `SELECT m.id, m.idempotency_key, m.status, m.to_address, m.subject, m.text_body, m.html_body,
              m.status <> 'sent' AND EXISTS (
                SELECT 1 FROM outbox_handoff h WHERE h.idempotency_key = m.idempotency_key
              ) AS accepted_earlier
         FROM outbox_message m WHERE m.idempotency_key = ANY($1::text[])
        ORDER BY m.idempotency_key FOR UPDATE OF m`,
      [keys],
    )) as {
      id: string;
      idempotency_key: string;
      status: OutboxStatus;
      to_address: string;
      subject: string;
      text_body: string;
      html_body: string;
      accepted_earlier: boolean;
    }[];
    return rows.map((r) => ({
      id: r.id,
      idempotencyKey: r.idempotency_key,
      status: r.status,
      to: r.to_address,
      subject: r.subject,
      text: r.text_body,
      html: r.html_body,
      acceptedEarlier: r.accepted_earlier,
    }));
  }

  /**
   * Marks the messages sent (one more attempt each) and forgets their hand-off records, in one
   * statement: only a message the relay accepted has a record, and each such one is sent now.
   */
  async markSent(sent: readonly { id: string; idempotencyKey: string }[]): Promise<void> {
    if (sent.length === 0) return;
    await this.db.query(
      `WITH cleared AS (
         DELETE FROM outbox_handoff WHERE idempotency_key = ANY($2::text[])
       )
       UPDATE outbox_message SET attempts = attempts + 1, last_error = NULL, status = 'sent', sent_at = now(), last_attempt_at = now()
        WHERE id = ANY($1::uuid[])`,
      [sent.map((m) => m.id), sent.map((m) => m.idempotencyKey)],
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
      `UPDATE outbox_message AS m SET attempts = m.attempts + 1, last_error = f.reason, status = f.status, last_attempt_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS f(id, reason, status)
        WHERE m.id = f.id`,
      [
        failed.map((f) => f.id),
        failed.map((f) => f.reason),
        failed.map((f) => (f.permanent ? 'failed' : 'pending')),
      ],
    );
  }

  /**
   * Keys of the messages still pending whose key starts with `prefix` and that were stored
   * before `before`, oldest first: mail stored for a send that never happened (the process
   * ended first, or the relay was down), for a sender to pick up again.
   */
  async pendingKeys(prefix: string, before: Date, limit = 500): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT idempotency_key FROM outbox_message
        WHERE status = 'pending' AND created_at < $2 AND starts_with(idempotency_key, $1)
        ORDER BY created_at LIMIT $3`,
      [prefix, before, limit],
    )) as { idempotency_key: string }[];
    return rows.map((r) => r.idempotency_key);
  }

  /**
   * Mail the relay keeps refusing: messages still pending whose last attempt, within the last
   * `withinMinutes`, failed (the activities retry them with backoff). Zero when mail flows.
   * `organisationId`: that SWV's messages only; null: every SWV's (the health probe).
   */
  async retrying(
    organisationId: string | null,
    withinMinutes: number,
  ): Promise<{ count: number; lastError: string | null; since: Date | null }> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS count, min(created_at) AS since,
              (array_agg(last_error ORDER BY last_attempt_at DESC))[1] AS last_error
         FROM outbox_message
        WHERE status = 'pending' AND last_error IS NOT NULL
          AND last_attempt_at > now() - make_interval(mins => $2::int)
          AND ($1::uuid IS NULL OR organisation_id = $1::uuid)`,
      [organisationId, withinMinutes],
    )) as { count: number; since: Date | null; last_error: string | null }[];
    return {
      count: row?.count ?? 0,
      lastError: row?.last_error ?? null,
      since: row?.since ?? null,
    };
  }

  /**
   * The SWV's mails refused for good for their recipient (an unknown mailbox), newest first: to
   * whom, what, why and when, and the idempotency key naming the cycle and step it belongs to.
   */
  async refusedRecipients(
    organisationId: string,
    page: { limit: number; offset: number },
  ): Promise<RefusedMail[]> {
    const rows = (await this.db.query(
      `SELECT idempotency_key, to_address, subject, last_error, last_attempt_at
         FROM outbox_message
        WHERE organisation_id = $1 AND status = 'failed'
        ORDER BY last_attempt_at DESC NULLS LAST, idempotency_key
        LIMIT $2 OFFSET $3`,
      [organisationId, page.limit, page.offset],
    )) as {
      idempotency_key: string;
      to_address: string;
      subject: string;
      last_error: string | null;
      last_attempt_at: Date | null;
    }[];
    return rows.map((r) => ({
      idempotencyKey: r.idempotency_key,
      to: r.to_address,
      subject: r.subject,
      reason: r.last_error ?? '',
      at: r.last_attempt_at,
    }));
  }
}

/** A mail refused for good for its recipient (OutboxRepository.refusedRecipients). */
export interface RefusedMail {
  idempotencyKey: string;
  to: string;
  subject: string;
  reason: string;
  at: Date | null;
}
