import { OutboxService } from '@jaarcyclus/mail';
import type { RelayRefusal, SmtpCapture } from '@jaarcyclus/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import {
  MAIL_FROM,
  startTimeSkippingStack,
  type TimeSkippingStack,
} from './support/time-skipping-stack';

/**
 * Fault injection (issue #14; RELIABILITY.md): the mail relay answers 421 (service not
 * available) to every message for 30 minutes of workflow time, then flaps (every other message
 * refused with 421, at RCPT TO or after the data) for another 30, while a budget cycle invites
 * the members of ALV, RvT and OPR. The cycle runs on Temporal's time-skipping test server, so
 * that the outage is workflow time (the activities' retry backoff waits in it), with the real
 * workflows, the real activities and outbox, a real PostgreSQL and a real SMTP server that
 * refuses; the api is real too (the cycle is started and the votes are cast through it).
 *
 * Checked: every ballot sent, none failed, each Message-ID received exactly once; the members
 * vote once their ballot arrives, and no escalation follows (the outage did not cost the round
 * its quorum), also after the deadline has passed.
 */
const OUTAGE_MS = Number(process.env.CHAOS_SMTP_OUTAGE_MINUTES ?? 30) * 60_000;
const FLAPPING_MS = Number(process.env.CHAOS_SMTP_FLAPPING_MINUTES ?? 30) * 60_000;
const YEAR = 2030;
const REFUSED: RelayRefusal = { at: 'rcpt', code: 421, message: '4.3.2 Service not available' };

describe('chaos: the relay refusing for 30 minutes of workflow time, then flapping', () => {
  let stack: TimeSkippingStack;
  let smtp: SmtpCapture;
  let ds: DataSource;
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    stack = await startTimeSkippingStack('chaos-smtp');
    ({ smtp, ds, env } = stack);
  }, 180_000);

  afterAll(async () => {
    if (smtp) smtp.relayPolicy = null;
    await stack?.close();
  }, 60_000);

  const call: TimeSkippingStack['call'] = (...args) => stack.call(...args);
  const sessionFor = (personId: string) => stack.sessionFor(personId);

  it('delivers every ballot once, loses none, and the round ends without an escalation', async () => {
    const started = Date.now();
    const people = (await ds.query(
      `SELECT p.id, p.email, b.key AS body FROM person p
         JOIN body_member m ON m.person_id = p.id JOIN body b ON b.id = m.body_id
         JOIN organisation o ON o.id = b.organisation_id
        WHERE o.slug = 'stadsring' AND b.key IN ('alv', 'rvt', 'opr') AND p.active`,
    )) as { id: string; email: string; body: string }[];
    const [secretariat] = (await ds.query(
      `SELECT p.id FROM person p JOIN organisation o ON o.id = p.organisation_id
        WHERE o.slug = 'stadsring' AND 'secretariat' = ANY(p.roles) LIMIT 1`,
    )) as { id: string }[];
    const secretariatToken = await sessionFor(secretariat!.id);

    // The relay is down from the start: 421 to every message until 30 minutes of workflow
    // time after its first refusal, then every other message refused, then well again.
    let workflowNow = await env.currentTimeMs();
    let outageFrom: number | null = null;
    let refusedInOutage = 0;
    let refusedFlapping = 0;
    let flap = 0;
    // Decided by the test server's clock at the moment of each attempt (time stands still
    // while an activity runs, so that is the activity's own workflow time).
    smtp.relayPolicy = async () => {
      const now = await env.currentTimeMs();
      outageFrom ??= now;
      if (now < outageFrom + OUTAGE_MS) {
        refusedInOutage += 1;
        return REFUSED;
      }
      if (now < outageFrom + OUTAGE_MS + FLAPPING_MS) {
        flap += 1;
        if (flap % 2 === 0) return null;
        refusedFlapping += 1;
        return flap % 4 === 1 ? REFUSED : { ...REFUSED, at: 'data' };
      }
      return null;
    };
    const step = async (ms: number) => {
      await env.sleep(ms);
      workflowNow = await env.currentTimeMs();
    };

    const start = await call('POST', '/api/budget-cycles', secretariatToken, {
      budgetYear: YEAR,
      proposal: { url: 'https://docs.example/begroting-2030.pdf', versionLabel: 'Concept v1' },
      allocation: { amountPerPupilCents: 18_550, equityCents: 25_000_000, turnoverCents: 1e9 },
    });
    expect(start.status).toBe(201);
    const workflowId = start.body.workflowId as string;
    const ballots = async () =>
      (await ds.query(
        `SELECT idempotency_key, status, to_address FROM outbox_message
          WHERE idempotency_key LIKE $1 AND idempotency_key LIKE '%ballot%'`,
        [`${workflowId}:%`],
      )) as { idempotency_key: string; status: string; to_address: string }[];

    // Until the relay's first refusal (the invitations wait for business hours), in hours.
    for (let i = 0; i < 24 * 4 && outageFrom === null; i += 1) await step(60 * 60_000);
    expect(outageFrom).not.toBeNull();
    // Through the outage and the flapping, a minute of workflow time at a time, until every
    // ballot is sent (the retries back off, so that may take a while after the relay is well).
    let failedMeanwhile = 0;
    for (let i = 0; i < 24 * 60; i += 1) {
      await step(60_000);
      const rows = await ballots();
      failedMeanwhile = Math.max(failedMeanwhile, rows.filter((r) => r.status === 'failed').length);
      if (
        workflowNow > outageFrom! + OUTAGE_MS + FLAPPING_MS &&
        rows.length === people.length &&
        rows.every((r) => r.status === 'sent')
      )
        break;
    }
    const rows = await ballots();
    expect(failedMeanwhile).toBe(0);
    expect(rows).toHaveLength(people.length);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(refusedInOutage).toBeGreaterThan(0);
    expect(refusedFlapping).toBeGreaterThan(0);

    // Counted at the SMTP server by Message-ID: each ballot exactly once, to its addressee.
    const ids = new OutboxService(
      ds,
      { send: async () => undefined, close: () => undefined },
      MAIL_FROM,
    );
    const wanted = new Map(rows.map((r) => [ids.messageIdFor(r.idempotency_key), r.to_address]));
    const received = smtp.messages.filter((m) =>
      wanted.has(String(m.headers.get('message-id') ?? '')),
    );
    expect(received).toHaveLength(wanted.size);
    expect(new Set(received.map((m) => String(m.headers.get('message-id')))).size).toBe(
      wanted.size,
    );
    for (const m of received) {
      expect(m.to).toEqual([wanted.get(String(m.headers.get('message-id')))!.toLowerCase()]);
    }

    // Every member votes once their ballot is there, until each body is decided.
    let votes = 0;
    for (const body of ['alv', 'rvt', 'opr']) {
      for (const p of people.filter((x) => x.body === body)) {
        const vote = await call(
          'POST',
          `/api/budget-cycles/${YEAR}/votes`,
          await sessionFor(p.id),
          {
            bodyKey: body,
            value: 'for',
          },
        );
        if (vote.status === 409) break;
        expect(vote.status).toBe(200);
        votes += 1;
        if (vote.body.status === 'approved') break;
      }
    }
    // Past the voting deadline: nothing escalates.
    await step(60 * 24 * 60 * 60_000);
    const escalations = (await ds.query(
      `SELECT idempotency_key FROM outbox_message WHERE idempotency_key LIKE $1 AND idempotency_key LIKE '%escalation%'`,
      [`${workflowId}:%`],
    )) as unknown[];
    expect(escalations).toEqual([]);
    const escalated = (await ds.query(
      `SELECT action FROM audit_event WHERE workflow_id = $1 AND action LIKE '%escalat%'`,
      [workflowId],
    )) as unknown[];
    expect(escalated).toEqual([]);
    const status = await call('GET', `/api/budget-cycles/${YEAR}`, secretariatToken);
    expect(
      (status.body.bodies as { status: string }[])
        .map((b) => b.status)
        .every((s) => s === 'approved'),
    ).toBe(true);
    const failed = (await ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE idempotency_key LIKE $1 AND status <> 'sent'`,
      [`${workflowId}:%`],
    )) as [{ n: number }];
    expect(failed[0].n).toBe(0);
    console.info(
      `chaos (SMTP 421 ${OUTAGE_MS / 60_000} min, flapping ${FLAPPING_MS / 60_000} min of workflow time): ${refusedInOutage} attempts refused in the outage, ${refusedFlapping} while flapping; ${rows.length} ballots, ${received.length} received, 0 duplicates, 0 failed; ${votes} votes, 0 escalations; ${Math.round((Date.now() - started) / 1000)} s`,
    );
  }, 600_000);
});
