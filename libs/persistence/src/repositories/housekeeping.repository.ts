import type { EntityManager } from 'typeorm';

/**
 * Days an uploaded document may stay unused before it is removed: a file uploaded in a form
 * that was never sent, or through POST /api/documents and never referred to. Long enough to
 * come back to a half-filled form after a holiday week.
 */
export const UNUSED_DOCUMENT_DAYS = 14;

/**
 * Hours a sign-in link or session is kept after it expired or was ended: the login limit and a
 * support question about yesterday still need them, after that they only say who signed in when.
 */
export const EXPIRED_SIGN_IN_HOURS = 24;

/**
 * Default hours the body of a sent mail is kept (OUTBOX_SENT_BODY_HOURS): long enough to answer
 * "what did that mail say" the same day; after that only who was mailed what subject, when.
 */
export const OUTBOX_SENT_BODY_HOURS = 24;

/** What removing expired sign-ins removed. */
export interface ExpiredSignInsRemoved {
  loginTokens: number;
  sessions: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * The deletions of the daily housekeeping (data minimisation), used by the worker's
 * housekeeping activities. Every method is one idempotent DELETE relative to `now`: running it
 * twice, or from two processes at once, removes each row once and nothing more.
 */
export class HousekeepingRepository {
  /** A DataSource or a transaction's EntityManager. */
  constructor(private readonly db: Pick<EntityManager, 'query'>) {}

  /**
   * Removes the documents no cycle used (used_at is null) that were uploaded more than `days`
   * days before `now`, of every SWV; returns how many.
   */
  async deleteUnusedDocuments(now: Date, days = UNUSED_DOCUMENT_DAYS): Promise<number> {
    const before = new Date(now.getTime() - days * 24 * HOUR_MS);
    const rows = (await this.db.query(
      `WITH removed AS (
         DELETE FROM document WHERE used_at IS NULL AND created_at < $1 RETURNING 1
       )
       SELECT count(*)::int AS n FROM removed`,
      [before],
    )) as { n: number }[];
    return rows[0]!.n;
  }

  /**
   * Removes the sign-in links that expired (used or not), and the sessions that expired or were
   * ended, more than EXPIRED_SIGN_IN_HOURS before `now`, of every SWV; returns how many of each.
   */
  async deleteExpiredSignIns(now: Date): Promise<ExpiredSignInsRemoved> {
    const before = new Date(now.getTime() - EXPIRED_SIGN_IN_HOURS * HOUR_MS);
    const rows = (await this.db.query(
      `WITH tokens AS (
         DELETE FROM login_token WHERE expires_at < $1 RETURNING 1
       ), sessions AS (
         DELETE FROM session WHERE expires_at < $1 OR revoked_at < $1 RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM tokens) AS tokens, (SELECT count(*)::int FROM sessions) AS sessions`,
      [before],
    )) as { tokens: number; sessions: number }[];
    return { loginTokens: rows[0]!.tokens, sessions: rows[0]!.sessions };
  }

  /**
   * Blanks the text and HTML bodies of the mails sent more than `hours` before `now` (the row,
   * with its subject, addressee and idempotency key, stays: the key keeps a retry from sending
   * again); unsent mails keep their body for the next attempt. Returns how many were blanked.
   */
  async blankSentMailBodies(now: Date, hours = OUTBOX_SENT_BODY_HOURS): Promise<number> {
    const before = new Date(now.getTime() - hours * HOUR_MS);
    const rows = (await this.db.query(
      `WITH blanked AS (
         UPDATE outbox_message SET text_body = '', html_body = ''
          WHERE status = 'sent' AND sent_at < $1 AND (text_body <> '' OR html_body <> '')
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM blanked`,
      [before],
    )) as { n: number }[];
    return rows[0]!.n;
  }
}
