import { createDataSource } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { MailDeliveryError } from './errors';
import {
  isRecipientRefusal,
  OutboxService,
  type OutgoingMail,
  secretPlaceholder,
} from './outbox.service';
import { createSmtpTransport } from './transport';

const FROM = 'Jaarcyclus <noreply@jaarcyclus.example>';

function mail(key: string, to = 'lid@stadsring.example'): OutgoingMail {
  return {
    idempotencyKey: key,
    organisationId: null,
    to,
    subject: `Herinnering ${key}`,
    text: 'Uw stem is nodig.',
    html: '<p>Uw stem is nodig.</p>',
  };
}

/** A port on which nothing listens: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const capture = await new SmtpCapture().start();
  const port = capture.port;
  await capture.stop();
  return port;
}

describe('OutboxService (PostgreSQL + SMTP)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let smtp: SmtpCapture;
  let outbox: OutboxService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
    smtp = await new SmtpCapture().start();
    outbox = new OutboxService(ds, createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`), FROM);
  });

  afterAll(async () => {
    await outbox.close();
    await smtp.stop();
    await ds.destroy();
    await db.drop();
  });

  /**
   * Makes the commit of every attempt that marks a message of `keyPrefix` sent fail after the
   * relay accepted it, as a process killed at that moment would leave it. Returns the undo.
   */
  async function failCommitsMarkingSent(keyPrefix: string): Promise<() => Promise<void>> {
    const name = `refuse_sent_${keyPrefix.replace(/[^a-z]/g, '_')}`;
    await ds.query(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'sent' THEN RAISE EXCEPTION 'the process died before its commit'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ${name} BEFORE UPDATE ON outbox_message
        FOR EACH ROW WHEN (NEW.idempotency_key LIKE '${keyPrefix}%') EXECUTE FUNCTION ${name}();`);
    return async () => {
      await ds.query(`DROP TRIGGER ${name} ON outbox_message; DROP FUNCTION ${name}()`);
    };
  }

  it('sends an email once, however often the same key is delivered', async () => {
    await expect(outbox.deliver(mail('reminder:alv:1'))).resolves.toBe('sent');
    await expect(outbox.deliver(mail('reminder:alv:1'))).resolves.toBe('already_sent');

    const received = smtp.messages.filter((m) => m.subject === 'Herinnering reminder:alv:1');
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['lid@stadsring.example']);
    expect(received[0]?.headers.get('message-id')).toBe(outbox.messageIdFor('reminder:alv:1'));
  });

  it('does not hand a message to the relay again when the attempt that sent it died before its commit', async () => {
    // The commit fails after the relay accepted the batch (as a process killed at that moment
    // would leave it): the rows stay unsent, their transaction rolled back.
    const commitWorks = await failCommitsMarkingSent('handoff:');
    const keys = ['handoff:1', 'handoff:2', 'handoff:3'];
    await outbox.store(keys.map((k) => mail(k)));
    await expect(outbox.deliverStored(keys)).rejects.toThrow('the process died before its commit');
    const count = () => smtp.messages.filter((m) => m.subject.startsWith('Herinnering handoff:'));
    expect(count()).toHaveLength(3);
    const pending = (await ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE idempotency_key LIKE 'handoff:%' AND status = 'pending'`,
    )) as { n: number }[];
    expect(pending[0]!.n).toBe(3);

    // The retry (the next worker) marks them sent without sending them a second time.
    await commitWorks();
    const outcomes = await outbox.deliverStored(keys);
    expect([...outcomes.values()]).toEqual(['already_sent', 'already_sent', 'already_sent']);
    expect(count()).toHaveLength(3);
    const rows = (await ds.query(
      `SELECT status, attempts FROM outbox_message WHERE idempotency_key LIKE 'handoff:%'`,
    )) as { status: string; attempts: number }[];
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    // The hand-off records are gone once the rows say sent.
    const left = (await ds.query(`SELECT count(*)::int AS n FROM outbox_handoff`)) as {
      n: number;
    }[];
    expect(left[0]!.n).toBe(0);
  });

  it('does not send a mail again when the attempt that stored and sent it died before its commit', async () => {
    // deliver stores the mail in its sending transaction: the failed commit takes the row
    // with it, and only the hand-off record says that the relay has the mail.
    const commitWorks = await failCommitsMarkingSent('handoff-new:');
    const received = () =>
      smtp.messages.filter((m) => m.subject === 'Herinnering handoff-new:1').length;
    await expect(outbox.deliver(mail('handoff-new:1'))).rejects.toThrow(
      'the process died before its commit',
    );
    expect(received()).toBe(1);
    expect(
      await ds.query(`SELECT 1 FROM outbox_message WHERE idempotency_key = 'handoff-new:1'`),
    ).toEqual([]);

    await commitWorks();
    await expect(outbox.deliver(mail('handoff-new:1'))).resolves.toBe('already_sent');
    expect(received()).toBe(1);
    const [row] = (await ds.query(
      `SELECT status, attempts FROM outbox_message WHERE idempotency_key = 'handoff-new:1'`,
    )) as { status: string; attempts: number }[];
    expect(row).toEqual({ status: 'sent', attempts: 1 });
  });

  it('stores a secret only as its placeholder, fills it in for the send, and never sends a mail whose secret is gone', async () => {
    const withLink = (key: string): OutgoingMail => ({
      ...mail(key),
      text: `Link: https://x.test/auth/verify?token=${secretPlaceholder('login-token')}`,
      html: `<a href="https://x.test/auth/verify?token=${secretPlaceholder('login-token')}">in</a>`,
    });
    await expect(
      outbox.deliver(withLink('login:secret'), { secrets: { 'login-token': 'S3cr3t_value' } }),
    ).resolves.toBe('sent');
    const sent = smtp.messages.find((m) => m.subject === 'Herinnering login:secret')!;
    expect(sent.text).toContain('https://x.test/auth/verify?token=S3cr3t_value');
    const stored = (await ds.query(
      `SELECT text_body || html_body AS body FROM outbox_message WHERE idempotency_key = 'login:secret'`,
    )) as { body: string }[];
    expect(stored[0]!.body).not.toContain('S3cr3t_value');
    expect(stored[0]!.body).toContain(secretPlaceholder('login-token'));

    // The process holding the secret ended before the send: a later attempt sends nothing.
    await outbox.store([withLink('login:gone')]);
    const error = await outbox.deliver(withLink('login:gone'), { stored: true }).catch((e) => e);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as MailDeliveryError).permanent).toBe(true);
    expect(smtp.messages.some((m) => m.subject === 'Herinnering login:gone')).toBe(false);
    const [row] = (await ds.query(
      `SELECT status FROM outbox_message WHERE idempotency_key = 'login:gone'`,
    )) as { status: string }[];
    expect(row!.status).toBe('failed');
  });

  it('sends exactly one email when the same key is delivered concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => outbox.deliver(mail('reminder:opr:7'))),
    );

    expect(results.filter((r) => r === 'sent')).toHaveLength(1);
    expect(results.filter((r) => r === 'already_sent')).toHaveLength(7);
    expect(smtp.messages.filter((m) => m.subject === 'Herinnering reminder:opr:7')).toHaveLength(1);
  });

  it('keeps the first version of a key: a retry with other content does not send a second email', async () => {
    await outbox.deliver(mail('allocation:2026:board-1'));
    await outbox.deliver({ ...mail('allocation:2026:board-1'), subject: 'Gewijzigd onderwerp' });

    expect(smtp.messages.filter((m) => m.subject === 'Gewijzigd onderwerp')).toHaveLength(0);
  });

  it('records the failure when SMTP is down, and delivers the message on a later call', async () => {
    const down = new OutboxService(
      ds,
      createSmtpTransport(`smtp://127.0.0.1:${await closedPort()}`),
      FROM,
    );

    await expect(down.deliver(mail('escalation:rvt:3'))).rejects.toBeInstanceOf(MailDeliveryError);
    await expect(down.deliver(mail('escalation:rvt:3'))).rejects.toMatchObject({
      permanent: false,
    });

    const [pending] = (await ds.query(
      `SELECT status, attempts, last_error, sent_at FROM outbox_message WHERE idempotency_key = 'escalation:rvt:3'`,
    )) as { status: string; attempts: number; last_error: string | null; sent_at: Date | null }[];
    expect(pending).toMatchObject({ status: 'pending', attempts: 2, sent_at: null });
    expect(pending?.last_error).toMatch(/ECONNREFUSED|connect/i);

    await expect(outbox.deliver(mail('escalation:rvt:3'))).resolves.toBe('sent');
    const [sent] = (await ds.query(
      `SELECT status, attempts, last_error FROM outbox_message WHERE idempotency_key = 'escalation:rvt:3'`,
    )) as { status: string; attempts: number; last_error: string | null }[];
    expect(sent).toEqual({ status: 'sent', attempts: 3, last_error: null });
    expect(smtp.messages.filter((m) => m.subject === 'Herinnering escalation:rvt:3')).toHaveLength(
      1,
    );
  });

  describe('deliveries that arrive together (one shared transaction)', () => {
    const sentAt = async (prefix: string) =>
      (
        (await ds.query(
          `SELECT idempotency_key, status, sent_at FROM outbox_message WHERE idempotency_key LIKE $1 ORDER BY idempotency_key`,
          [`${prefix}%`],
        )) as { idempotency_key: string; status: string; sent_at: Date | null }[]
      ).map((r) => ({ key: r.idempotency_key, status: r.status, sentAt: r.sent_at?.getTime() }));

    it('gives each caller its own outcome: a refused address fails only its own delivery', async () => {
      smtp.refused.add('onbekend@stadsring.example');
      try {
        const keys = Array.from({ length: 12 }, (_, i) => `together:${String(i).padStart(2, '0')}`);
        const outcomes = await Promise.all(
          keys.map((k, i) =>
            outbox
              .deliver(
                mail(k, i === 4 ? 'onbekend@stadsring.example' : `lid${i}@stadsring.example`),
              )
              .catch((e: unknown) => e),
          ),
        );

        expect(outcomes.filter((o) => o === 'sent')).toHaveLength(11);
        expect(outcomes[4]).toBeInstanceOf(MailDeliveryError);
        expect((outcomes[4] as MailDeliveryError).permanent).toBe(true);
        for (const [i, k] of keys.entries()) {
          expect(smtp.messages.filter((m) => m.subject === `Herinnering ${k}`)).toHaveLength(
            i === 4 ? 0 : 1,
          );
        }
        const rows = await sentAt('together:');
        expect(rows.filter((r) => r.status === 'sent')).toHaveLength(11);
        expect(rows.find((r) => r.key === 'together:04')?.status).toBe('failed');
        // Twelve calls at once, at most ten per transaction: two commits (sent_at is the
        // transaction's start), where each call alone would have committed on its own.
        expect(new Set(rows.filter((r) => r.sentAt).map((r) => r.sentAt)).size).toBe(2);
      } finally {
        smtp.refused.delete('onbekend@stadsring.example');
      }
    });

    it('lets a mail the database refuses fail only its own caller, and sends the others once', async () => {
      const unknownSwv = '00000000-0000-4000-8000-000000000000';
      const keys = ['refused-db:a', 'refused-db:b', 'refused-db:c'];
      const outcomes = await Promise.all(
        keys.map((k) =>
          outbox
            .deliver({ ...mail(k), organisationId: k.endsWith('b') ? unknownSwv : null })
            .catch((e: unknown) => e),
        ),
      );

      expect(outcomes[0]).toBe('sent');
      expect(outcomes[2]).toBe('sent');
      expect(outcomes[1]).toBeInstanceOf(Error);
      expect((outcomes[1] as { code?: string }).code).toBe('23503');
      expect(smtp.messages.filter((m) => m.subject === 'Herinnering refused-db:a')).toHaveLength(1);
      expect(smtp.messages.filter((m) => m.subject === 'Herinnering refused-db:b')).toHaveLength(0);
      expect(smtp.messages.filter((m) => m.subject === 'Herinnering refused-db:c')).toHaveLength(1);
      expect((await sentAt('refused-db:')).map((r) => [r.key, r.status])).toEqual([
        ['refused-db:a', 'sent'],
        ['refused-db:c', 'sent'],
      ]);
    });
  });

  describe('a relay that refuses every message (not the recipient)', () => {
    afterEach(() => {
      smtp.relayRefusal = null;
    });

    it.each([
      [
        'a policy refusal after DATA',
        { at: 'data', code: 554, message: '5.7.0 Message refused by policy' },
      ],
      ['relaying denied at RCPT TO', { at: 'rcpt', code: 554, message: '5.7.1 Relaying denied' }],
      ['a relay busy at RCPT TO', { at: 'rcpt', code: 421, message: '4.7.0 Try again later' }],
    ] as const)(
      'keeps the mail pending and retryable on %s, and sends it once the relay recovers',
      async (_case, refusal) => {
        const key = `relay:${refusal.at}:${refusal.code}`;
        smtp.relayRefusal = refusal;

        const error = await outbox.deliver(mail(key)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MailDeliveryError);
        expect((error as MailDeliveryError).permanent).toBe(false);
        const [pending] = (await ds.query(
          `SELECT status, last_error, last_attempt_at FROM outbox_message WHERE idempotency_key = $1`,
          [key],
        )) as { status: string; last_error: string; last_attempt_at: Date | null }[];
        expect(pending).toMatchObject({ status: 'pending' });
        expect(pending?.last_error).toContain(String(refusal.code));
        expect(pending?.last_attempt_at).toBeInstanceOf(Date);

        smtp.relayRefusal = null;
        await expect(outbox.deliver(mail(key))).resolves.toBe('sent');
        expect(smtp.messages.filter((m) => m.subject === `Herinnering ${key}`)).toHaveLength(1);
      },
    );

    it('tells a refused recipient (550 5.1.1) from a refusing relay', () => {
      const reply = (command: string, responseCode: number, response: string) => ({
        command,
        responseCode,
        response,
      });
      expect(isRecipientRefusal(reply('RCPT TO', 550, '550 5.1.1 Mailbox unavailable'))).toBe(true);
      expect(isRecipientRefusal(reply('RCPT TO', 550, '550 No such user'))).toBe(true);
      expect(isRecipientRefusal(reply('RCPT TO', 554, '554 5.7.1 Relaying denied'))).toBe(false);
      expect(isRecipientRefusal(reply('AUTH PLAIN', 535, '535 5.7.8 Authentication failed'))).toBe(
        false,
      );
      expect(isRecipientRefusal(reply('DATA', 554, '554 5.7.0 Policy'))).toBe(false);
      expect(isRecipientRefusal(reply('RCPT TO', 450, '450 4.2.1 Try later'))).toBe(false);
      expect(isRecipientRefusal(new Error('connect ECONNREFUSED'))).toBe(false);
    });
  });

  describe('deliverStored (a batch in one transaction)', () => {
    const sentCount = (subject: string) =>
      smtp.messages.filter((m) => m.subject === subject).length;

    it('sends every stored message once and reports the ones sent before as already sent', async () => {
      const batch = ['invite:a', 'invite:b', 'invite:c'].map((k) =>
        mail(k, `${k.slice(-1)}@school.example`),
      );
      await outbox.store(batch);
      await outbox.deliver(batch[1]!, { stored: true });

      const outcomes = await outbox.deliverStored(batch.map((m) => m.idempotencyKey));

      expect(Object.fromEntries(outcomes)).toEqual({
        'invite:a': 'sent',
        'invite:b': 'already_sent',
        'invite:c': 'sent',
      });
      for (const m of batch) expect(sentCount(m.subject)).toBe(1);
      expect(smtp.to('a@school.example')[0]?.headers.get('message-id')).toBe(
        outbox.messageIdFor('invite:a'),
      );
      const rows = (await ds.query(
        `SELECT idempotency_key, status, attempts FROM outbox_message WHERE idempotency_key LIKE 'invite:%' ORDER BY 1`,
      )) as { idempotency_key: string; status: string; attempts: number }[];
      expect(rows).toEqual([
        { idempotency_key: 'invite:a', status: 'sent', attempts: 1 },
        { idempotency_key: 'invite:b', status: 'sent', attempts: 1 },
        { idempotency_key: 'invite:c', status: 'sent', attempts: 1 },
      ]);
    });

    it('sends each message once when overlapping batches run at the same time', async () => {
      const keys = Array.from({ length: 12 }, (_, i) => `overlap:${String(i).padStart(2, '0')}`);
      await outbox.store(keys.map((k) => mail(k)));
      // Same keys in other orders and subsets: the rows are locked in key order, so no deadlock.
      const batches = [
        keys,
        [...keys].reverse(),
        keys.slice(3, 9),
        keys.filter((_, i) => i % 2 === 0),
      ];

      const outcomes = await Promise.all(batches.map((b) => outbox.deliverStored(b)));

      const sent = outcomes.flatMap((o) => [...o].filter(([, r]) => r === 'sent').map(([k]) => k));
      expect(sent.sort()).toEqual(keys);
      for (const k of keys) expect(sentCount(`Herinnering ${k}`)).toBe(1);
    });

    it('records a permanently refused address as failed and still sends the rest of the batch', async () => {
      smtp.refused.add('onbekend@school.example');
      const batch = [
        mail('batch:ok:1', 'een@school.example'),
        mail('batch:refused', 'onbekend@school.example'),
        mail('batch:ok:2', 'twee@school.example'),
      ];
      await outbox.store(batch);

      const outcomes = await outbox.deliverStored(batch.map((m) => m.idempotencyKey));

      expect(outcomes.get('batch:ok:1')).toBe('sent');
      expect(outcomes.get('batch:ok:2')).toBe('sent');
      const refused = outcomes.get('batch:refused');
      expect(refused).toBeInstanceOf(MailDeliveryError);
      expect(refused).toMatchObject({ permanent: true, idempotencyKey: 'batch:refused' });
      expect(smtp.to('een@school.example')).toHaveLength(1);
      expect(smtp.to('twee@school.example')).toHaveLength(1);
      expect(smtp.to('onbekend@school.example')).toHaveLength(0);
      const [row] = (await ds.query(
        `SELECT status, attempts, last_error FROM outbox_message WHERE idempotency_key = 'batch:refused'`,
      )) as { status: string; attempts: number; last_error: string }[];
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row?.last_error).toMatch(/Mailbox unavailable/);
    });

    it('refuses a key that was never stored, sending nothing', async () => {
      await outbox.store([mail('stored:only')]);

      await expect(outbox.deliverStored(['stored:only', 'never:stored'])).rejects.toThrow(
        /outbox message never:stored vanished/,
      );
      expect(sentCount('Herinnering stored:only')).toBe(0);
    });
  });
});
