import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inPgTransaction, OutboxHandoffLog, OutboxRepository } from '@jaarcyclus/persistence';
import { MailDeliveryError } from './errors';
import { mailFailureReason, mailMetrics } from './metrics';
import type { MailTransport } from './transport';

/** A mail as a template renders it, in the reader's language: the content, no addressee. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface OutgoingMail extends RenderedMail {
  /** Same key, same email: e.g. `login:<tokenId>` or `<workflowId>:<step>:<personId>`. */
  idempotencyKey: string;
  organisationId: string | null;
  to: string;
}

export type DeliveryResult = 'sent' | 'already_sent';

/**
 * Values that must never be stored, such as the one-time token of a sign-in link: the mail is
 * stored with `secretPlaceholder(name)` where the value belongs, and the value, held only in
 * memory, replaces it in the copy handed to the transport. A value must be safe in text and
 * HTML as it is (e.g. URL-encoded base64url).
 */
export type MailSecrets = Readonly<Record<string, string>>;

const PLACEHOLDER_PREFIX = '[[secret:';

/** Where a secret goes in a stored mail (see MailSecrets); a name of letters, digits and dashes. */
export function secretPlaceholder(name: string): string {
  if (!/^[a-z0-9-]+$/i.test(name)) throw new Error(`secret name ${name}: letters, digits, dashes`);
  return `${PLACEHOLDER_PREFIX}${name}]]`;
}

/**
 * The text with every secret filled in, or null when a placeholder stays unfilled: the secret
 * is gone (the process that held it ended before sending), and a mail with a dead link must not
 * go out. Fails closed: the person asks again.
 */
function fillSecrets(body: string, secrets: MailSecrets | undefined): string | null {
  let filled = body;
  for (const [name, value] of Object.entries(secrets ?? {})) {
    filled = filled.split(secretPlaceholder(name)).join(value);
  }
  return filled.includes(PLACEHOLDER_PREFIX) ? null : filled;
}

/**
 * Delivers each email at most once per idempotency key, whoever calls and however often: a
 * reminder retried by Temporal, or two workers racing, never mails a member twice.
 *
 * In one transaction the message is stored (ON CONFLICT DO NOTHING: the first version of a key
 * wins), its row locked, sent, and marked sent. A concurrent call for the same key waits (at
 * the insert or at the lock) until that transaction ends and then sees 'sent'. When SMTP fails, the attempt and error
 * are recorded, the row stays unsent and the error is thrown so the caller retries.
 *
 * A crash between SMTP accepting the message and the commit: the relay's acceptance is
 * written at once on a connection of its own (OutboxHandoffLog), and the retry marks the
 * message sent instead of sending it again. The one gap no sender can close is the moment
 * between the relay's 250 and that record: the retry then sends again, but with the same
 * Message-ID (derived from the key), so mail clients and servers can recognise the duplicate.
 */
export class OutboxService {
  /** At most this many `deliver` calls share a transaction (as the fan-out's batches). */
  static readonly MAX_COALESCED = 10;
  private readonly messageIdDomain: string;
  private readonly handoffs: OutboxHandoffLog | null;
  /** The `deliver` calls of this turn of the event loop, sent together at its end. */
  private forming: {
    mails: Coalesced[];
    waiters: Map<string, { resolve: (r: DeliveryResult) => void; reject: (e: unknown) => void }>;
  } | null = null;
  /** Per idempotency key, the `deliver` under way in this process. */
  private readonly underWay = new Map<string, Promise<DeliveryResult>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly from: string,
  ) {
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'jaarcyclus.invalid';
    // Tests that only derive Message-IDs pass no data source.
    const options = (dataSource as DataSource | null)?.options as { url?: string } | undefined;
    this.handoffs = options?.url ? new OutboxHandoffLog(options.url) : null;
  }

  /** Closes the connection of the hand-off record (it also closes by itself when idle). */
  async close(): Promise<void> {
    await this.handoffs?.close();
  }

  /**
   * Stores many messages in one statement (the first version of each key wins, as in
   * deliver), for a burst such as a cycle's invitations; send each afterwards with
   * `deliver(mail, { stored: true })` or, a batch at once, `deliverStored(keys)`.
   */
  async store(mails: OutgoingMail[]): Promise<void> {
    await new OutboxRepository(this.dataSource).store(mails);
  }

  /**
   * `stored`: the message was stored by `store` already (saves a statement per message).
   * `secrets`: the values of the mail's placeholders, used for this send only (MailSecrets).
   *
   * Calls that arrive together share one transaction (see Coalesced): up to
   * MAX_COALESCED mails are stored, sent side by side and marked in as many statements as
   * one mail alone (bench:outbox). Each caller still gets its own outcome: a refusal of one
   * mail is thrown to its caller only. A second call with a key whose delivery is under way
   * waits for it, then finds the message sent (or tries again when it failed).
   */
  async deliver(
    mail: OutgoingMail,
    options: { stored?: boolean; secrets?: MailSecrets } = {},
  ): Promise<DeliveryResult> {
    const key = mail.idempotencyKey;
    const underWay = this.underWay.get(key);
    if (underWay) {
      await underWay.catch(() => undefined);
      return this.deliver(mail, options);
    }
    const outcome = new Promise<DeliveryResult>((resolve, reject) => {
      if (!this.forming) {
        this.forming = { mails: [], waiters: new Map() };
        setImmediate(() => this.flushForming());
      }
      this.forming.mails.push({ mail, stored: options.stored === true, secrets: options.secrets });
      this.forming.waiters.set(key, { resolve, reject });
      if (this.forming.mails.length >= OutboxService.MAX_COALESCED) this.flushForming();
    });
    this.underWay.set(key, outcome);
    try {
      return await outcome;
    } finally {
      this.underWay.delete(key);
    }
  }

  private flushForming(): void {
    const batch = this.forming;
    if (!batch) return;
    this.forming = null;
    void this.sendCoalesced(batch.mails).then(
      (outcomes) => {
        for (const [key, { resolve, reject }] of batch.waiters) {
          const outcome = outcomes.get(key)!;
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        }
      },
      (err: unknown) => {
        for (const { reject } of batch.waiters.values()) reject(err);
      },
    );
  }

  /**
   * One transaction for the batch; when it fails as a whole (not one mail's refusal, which is
   * an outcome), each mail again in a transaction of its own, so that one bad mail (say, of
   * an SWV deleted meanwhile) fails only its own caller. Nothing is sent twice: a mail the
   * relay accepted in the failed attempt has its hand-off record.
   */
  private async sendCoalesced(
    batch: readonly Coalesced[],
  ): Promise<Map<string, DeliveryResult | Error>> {
    const sendAll = (part: readonly Coalesced[]) =>
      this.sendInTransaction(
        part.map((c) => c.mail.idempotencyKey),
        new Map(part.flatMap((c) => (c.secrets ? [[c.mail.idempotencyKey, c.secrets]] : []))),
        part.filter((c) => !c.stored).map((c) => c.mail),
      );
    try {
      return await sendAll(batch);
    } catch (err) {
      if (batch.length === 1) throw err;
    }
    const outcomes = new Map<string, DeliveryResult | Error>();
    for (const c of batch) {
      const key = c.mail.idempotencyKey;
      try {
        outcomes.set(key, (await sendAll([c])).get(key)!);
      } catch (err) {
        outcomes.set(key, err instanceof Error ? err : new Error(String(err)));
      }
    }
    return outcomes;
  }

  /**
   * Sends stored messages (see `store`) in one transaction: their rows locked (in key order, so
   * two overlapping calls cannot deadlock), the unsent ones sent side by side over the
   * transport, and all outcomes recorded in one statement (two when some failed). Costs two
   * statements however many messages (plus the grouped hand-off records), as `deliver` does
   * for the calls that share its transaction (store, mark); a crash after SMTP accepted some
   * of them and before the commit is covered by their hand-off records, except for those
   * whose record was not written yet: the retry sends these again (with the same
   * Message-ID). Keep the batches small (the fan-out sends 10 at a time).
   *
   * Never throws for a refused message: its outcome is a MailDeliveryError, recorded as in
   * `deliver` (the other messages of the batch still count as sent). A message whose stored
   * body has a placeholder without its secret in `secrets` is not sent but marked 'failed'
   * (a permanent MailDeliveryError): its secret was only ever in memory and is gone.
   */
  async deliverStored(
    keys: string[],
    secrets: ReadonlyMap<string, MailSecrets> = new Map(),
  ): Promise<Map<string, DeliveryResult | MailDeliveryError>> {
    return this.sendInTransaction(keys, secrets, []);
  }

  /** deliverStored, after storing `toStore` in the same transaction. */
  private async sendInTransaction(
    keys: string[],
    secrets: ReadonlyMap<string, MailSecrets>,
    toStore: readonly OutgoingMail[],
  ): Promise<Map<string, DeliveryResult | MailDeliveryError>> {
    const outcomes = new Map<string, DeliveryResult | MailDeliveryError>();
    if (keys.length === 0) return outcomes;
    // On a connection of the pool without TypeORM's query runner, each statement prepared once
    // per connection: the outbox runs the same four statements for every mail (bench:outbox).
    await inPgTransaction(this.dataSource, async (session) => {
      const outbox = new OutboxRepository(session);
      // A new row is this transaction's until it commits: no lock needed, and a second caller
      // with the same key waits at its insert until this one has committed.
      // Inserted in key order too: two overlapping batches wait for each other, never in a circle.
      const fresh = await outbox.storeNew(
        [...toStore].sort((a, b) => (a.idempotencyKey < b.idempotencyKey ? -1 : 1)),
      );
      const freshKeys = new Set(fresh.map((r) => r.idempotencyKey));
      const toLock = keys.filter((k) => !freshKeys.has(k));
      // Locked in key order; a second caller waits to learn whether the first one's send succeeded.
      const locked = toLock.length > 0 ? await outbox.lockByKeys(toLock) : [];
      const stored = new Map(toStore.map((m) => [m.idempotencyKey, m]));
      const rows = [
        ...fresh.map((r) => ({
          ...stored.get(r.idempotencyKey)!,
          ...r,
          status: 'pending' as const,
        })),
        ...locked,
      ];
      const byKey = new Map(rows.map((r) => [r.idempotencyKey, r]));
      const missing = keys.find((k) => !byKey.has(k));
      if (missing) throw new Error(`outbox message ${missing} vanished`);

      for (const r of rows) if (r.status === 'sent') outcomes.set(r.idempotencyKey, 'already_sent');
      const sent: { id: string; idempotencyKey: string }[] = [];
      // Accepted by the relay in an attempt that died before its commit: sent, not again.
      for (const r of rows) {
        if (!r.acceptedEarlier) continue;
        sent.push({ id: r.id, idempotencyKey: r.idempotencyKey });
        outcomes.set(r.idempotencyKey, 'already_sent');
      }
      const unsent = rows.filter((r) => r.status !== 'sent' && !r.acceptedEarlier);
      const failed: { id: string; reason: string; permanent: boolean }[] = [];
      await Promise.all(
        unsent.map(async (row) => {
          try {
            const text = fillSecrets(row.text, secrets.get(row.idempotencyKey));
            const html = fillSecrets(row.html, secrets.get(row.idempotencyKey));
            if (text === null || html === null) throw new SecretGone();
            await this.transport.send({
              from: this.from,
              to: row.to,
              subject: row.subject,
              text,
              html,
              messageId: this.messageIdFor(row.idempotencyKey),
            });
            await this.handoffs?.recordAccepted(row.idempotencyKey);
            sent.push({ id: row.id, idempotencyKey: row.idempotencyKey });
            outcomes.set(row.idempotencyKey, 'sent');
            mailMetrics.sent.inc();
          } catch (err) {
            const permanent = err instanceof SecretGone || isRecipientRefusal(err);
            const reason = err instanceof Error ? err.message : String(err);
            mailMetrics.failed.inc({ reason: mailFailureReason(err, err instanceof SecretGone) });
            failed.push({ id: row.id, reason: reason.slice(0, 2000), permanent });
            outcomes.set(
              row.idempotencyKey,
              new MailDeliveryError(
                `mail ${row.idempotencyKey} not delivered: ${reason}`,
                row.idempotencyKey,
                permanent,
                { cause: err },
              ),
            );
          }
        }),
      );
      // With their hand-off records: only a message the relay accepted has one.
      await outbox.markSent(sent);
      // A permanent rejection is marked 'failed' for the overview; a later call still tries again.
      await outbox.markFailed(failed);
    });
    return outcomes;
  }

  /**
   * Whether the SMTP server answers (connects and greets; nothing is sent), within `timeoutMs`.
   * Null when the transport cannot tell (a test double).
   */
  async transportReachable(timeoutMs = 2_000): Promise<boolean | null> {
    const verify = this.transport.verify?.bind(this.transport);
    if (!verify) return null;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        verify().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stable per key, so a resend after a crash is recognisable as the same message. */
  messageIdFor(idempotencyKey: string): string {
    const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
    return `<${digest}@${this.messageIdDomain}>`;
  }
}

/** A `deliver` call waiting for its shared transaction. */
interface Coalesced {
  mail: OutgoingMail;
  stored: boolean;
  secrets: MailSecrets | undefined;
}

/** A stored message's secret is no longer in memory; sending it would mail a dead link. */
class SecretGone extends Error {
  constructor() {
    super('its secret was held in memory only and is gone; not sent (ask for a new mail)');
  }
}

/**
 * Whether the SMTP server refused this recipient for good: a 5xx reply to RCPT TO about the
 * address itself (RFC 3463 class 5.1.x "bad destination", or 5.2.1 "mailbox disabled"; a
 * reply without an enhanced code counts when it is 550, 551 or 553). Retrying that message
 * cannot help, so it is recorded as failed and the cycle carries on.
 *
 * Every other failure is the relay's, not the recipient's, and is retried: a 5xx to AUTH (an
 * expired relay password, 535), to the greeting, MAIL FROM or DATA (a policy refusal, 554), a
 * policy reply to RCPT TO (5.7.x, e.g. relaying denied), as well as every 4xx and a connection
 * that fails. Treating those as permanent once dropped a whole cycle's invitations while the
 * relay was misconfigured for a minute (issue #14).
 */
export function isRecipientRefusal(err: unknown): boolean {
  const e = err as { responseCode?: unknown; command?: unknown; response?: unknown } | null;
  const code = e?.responseCode;
  if (typeof code !== 'number' || code < 500 || code >= 600) return false;
  if (typeof e?.command !== 'string' || !/^RCPT/i.test(e.command)) return false;
  const enhanced = /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(
    typeof e.response === 'string' ? e.response : '',
  )?.[1];
  if (enhanced) return enhanced.startsWith('5.1.') || enhanced === '5.2.1';
  return code === 550 || code === 551 || code === 553;
}
