import { OutboxService } from '@jaarcyclus/mail';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { startStack, type Stack } from './support/stack';

/**
 * Fault injection, end to end (issue #14; RELIABILITY.md): a budget cycle opens while the mail
 * relay refuses every message (554, a policy refusal, as an expired relay login or a
 * misconfigured relay answers), and the worker is stopped and started again while the mail is
 * being retried. Once the relay recovers, every ballot arrives exactly once: counted at the SMTP
 * server by Message-ID (derived from the outbox's idempotency key), none failed, none twice, and
 * /health raised the alert meanwhile and cleared it after.
 *
 * `npm test` runs one round; `npm run chaos` runs CHAOS_ROUNDS worker restarts (default 5).
 */
const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 1);
const YEAR = 2029;

describe('chaos: relay refusing and the worker restarted while a cycle opens', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);
  afterAll(async () => {
    stack.smtp.relayRefusal = null;
    await stack?.close();
  }, 60_000);

  const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 90_000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('delivers every ballot once after the outage, across worker restarts, with an alert meanwhile', async () => {
    const secretariat = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);
    stack.smtp.relayRefusal = { at: 'data', code: 554, message: '5.7.0 Message refused by policy' };

    const start = await stack.call('POST', '/api/budget-cycles', {
      token: secretariat,
      body: {
        budgetYear: YEAR,
        proposal: { url: 'https://docs.example/begroting-2029.pdf', versionLabel: 'Concept v1' },
        allocation: {
          amountPerPupilCents: 18_550,
          equityCents: 25_000_000,
          turnoverCents: 1_000_000_000,
        },
      },
    });
    expect(start.status).toBe(201);
    const workflowId = start.body.workflowId as string;

    await until('the relay to refuse a ballot', () => stack.smtp.refusedByRelay > 0);
    const alert = await stack.call('GET', '/health');
    expect(alert.body).toMatchObject({ status: 'degraded', mail: 'retrying' });

    const injected: string[] = [`relay 554 from ${new Date().toISOString()}`];
    for (let round = 0; round < ROUNDS; round += 1) {
      await stack.stopWorker();
      await new Promise((r) => setTimeout(r, 300));
      await stack.startWorker();
      injected.push(`worker restart ${round + 1}`);
    }
    // Nothing was given up on during the outage.
    const failedMeanwhile = (await stack.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE idempotency_key LIKE $1 AND status = 'failed'`,
      [`${workflowId}:%`],
    )) as [{ n: number }];
    expect(failedMeanwhile[0].n).toBe(0);
    const refusedDuringOutage = stack.smtp.refusedByRelay;
    stack.smtp.relayRefusal = null;

    // Every member of ALV, RvT and OPR has a ballot (a vote task) once the round is open.
    const expected = (await stack.ds.query(
      `SELECT count(*)::int AS n FROM body_member m JOIN body b ON b.id = m.body_id
         JOIN person p ON p.id = m.person_id JOIN organisation o ON o.id = b.organisation_id
        WHERE o.slug = 'stadsring' AND b.key IN ('alv', 'rvt', 'opr') AND p.active`,
    )) as [{ n: number }];
    const ballots = async () =>
      (await stack.ds.query(
        `SELECT idempotency_key, status FROM outbox_message WHERE idempotency_key LIKE $1 AND idempotency_key LIKE '%ballot%'`,
        [`${workflowId}:%`],
      )) as { idempotency_key: string; status: string }[];
    await until('every ballot to be sent', async () => {
      const rows = await ballots();
      return rows.length === expected[0].n && rows.every((r) => r.status === 'sent');
    });

    // Counted at the SMTP server by Message-ID: each ballot once, none twice.
    const ids = new OutboxService(
      stack.ds,
      { send: async () => undefined, close: () => undefined },
      'Jaarcyclus <noreply@jaarcyclus.example>',
    );
    const wanted = new Set((await ballots()).map((r) => ids.messageIdFor(r.idempotency_key)));
    const received = stack.smtp.messages
      .map((m) => String(m.headers.get('message-id') ?? ''))
      .filter((id) => wanted.has(id));
    expect(received).toHaveLength(wanted.size);
    expect(new Set(received).size).toBe(wanted.size);

    await until(
      'the alert to clear',
      async () => (await stack.call('GET', '/health')).body.mail === 'ok',
      10_000,
    );
    console.info(
      `chaos: injected ${injected.join(', ')}; relay refused ${refusedDuringOutage} attempts; ${wanted.size} ballots delivered, ${received.length} received, 0 duplicates, 0 failed`,
    );
  }, 180_000);
});
