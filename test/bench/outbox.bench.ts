// npm run bench:outbox — mail throughput of the outbox: BENCH_MESSAGES (default 5,000) distinct
// messages, each stored with its idempotency key, sent and marked sent through OutboxService
// (the worker's class, pooled transport and database pool), against the same messages sent
// with nothing but a raw pooled nodemailer transport, to the same SMTP server (the benches' sink,
// a process of its own) in the same run. Two outbox paths: `deliver` per message (what a
// vote's confirmation or a sign-in mail does; calls that arrive together share a transaction),
// with BENCH_CONCURRENCY (default 20) calls in flight as on the raw side, and `store` +
// `deliverStored` in the worker's batches (INVITATIONS_PER_DELIVERY mails each,
// INVITATION_BATCHES_IN_FLIGHT at a time: what the fan-out and the reminder sweep do). Rounds
// (BENCH_ROUNDS, default 2) alternate the order. Duplicates are counted at the server by
// Message-ID; the outbox's Message-ID derives from the idempotency key.
import { createDataSource } from '@jaarcyclus/persistence';
import { createSmtpTransport, OutboxService, type OutgoingMail } from '@jaarcyclus/mail';
import { createTestDatabase } from '@jaarcyclus/testing';
import globalSetupDb from '@jaarcyclus/testing/global-setup-db';
import teardown from '@jaarcyclus/testing/global-teardown-db';
import { WORKER_DATABASE_POOL } from '@jaarcyclus/worker/worker-tuning';
import { renderSchoolMail } from '@jaarcyclus/worker/mail/accountability-templates';
import {
  INVITATION_BATCHES_IN_FLIGHT,
  INVITATIONS_PER_DELIVERY,
} from '@jaarcyclus/worker/activities/accountability.activities';
import { machine, pool } from './support';
import { startSink } from './sink';

const N = Number(process.env.BENCH_MESSAGES ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const FROM = 'Jaarcyclus <noreply@jaarcyclus.example>';
const BATCH = INVITATIONS_PER_DELIVERY;

function mails(tag: string): OutgoingMail[] {
  return Array.from({ length: N }, (_, i) => {
    const school = `School ${String(i + 1).padStart(5, '0')}`;
    const m = renderSchoolMail('nl', 'reminder', {
      organisationName: 'Benchmark-SWV',
      recipientName: `Contact ${school}`,
      schoolName: school,
      accountingYear: 2026,
      deadline: '2027-01-31T23:00:00.000Z',
      daysLate: 0,
      formatVersion: 1,
      taskUrl: `http://localhost:3000/app/tasks/${tag}-${i}`,
    });
    return {
      idempotencyKey: `bench:${tag}:reminder:${i}`,
      organisationId: null,
      to: `contact-${i}@${tag}.bench.example`,
      ...m,
    };
  });
}

async function main(): Promise<void> {
  await globalSetupDb();
  const sink = await startSink();
  const db = await createTestDatabase();
  const ds = await createDataSource(db.url, WORKER_DATABASE_POOL).initialize();
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  // As in the worker: one pooled transport for the process (SMTP_POOL_CONNECTIONS default 10).
  const outboxTransport = createSmtpTransport(smtpUrl, { pool: true });
  const rawTransport = createSmtpTransport(smtpUrl, { pool: true });
  const outbox = new OutboxService(ds, outboxTransport, FROM);

  const sides = {
    raw: async (tag: string) => {
      await pool(mails(tag), CONCURRENCY, async (m) => {
        await rawTransport.send({
          from: FROM,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: outbox.messageIdFor(m.idempotencyKey),
        });
      });
    },
    'outbox deliver': async (tag: string) => {
      await pool(mails(tag), CONCURRENCY, async (m) => {
        await outbox.deliver(m);
      });
    },
    'outbox store+deliverStored/10': async (tag: string) => {
      const all = mails(tag);
      const batches = Array.from({ length: Math.ceil(all.length / BATCH) }, (_, b) =>
        all.slice(b * BATCH, (b + 1) * BATCH),
      );
      await pool(batches, INVITATION_BATCHES_IN_FLIGHT, async (batch) => {
        await outbox.store(batch);
        await outbox.deliverStored(batch.map((m) => m.idempotencyKey));
      });
    },
  } as const;
  type Side = keyof typeof sides;

  // Warm-up of both transports and the pool.
  await sides.raw('warm-raw');
  await sides['outbox deliver']('warm-outbox');

  const results: { round: number; side: Side; seconds: number; dup: number; missing: number }[] =
    [];
  for (let round = 1; round <= ROUNDS; round++) {
    const order: Side[] =
      round % 2 === 1
        ? ['raw', 'outbox deliver', 'outbox store+deliverStored/10']
        : ['outbox store+deliverStored/10', 'outbox deliver', 'raw'];
    for (const side of order) {
      const tag = `r${round}-${side.replace(/[^a-z]/g, '')}`;
      const t0 = performance.now();
      await sides[side](tag);
      // Until the server accepted the last one (the sends resolve when it did; this confirms it).
      const got = await sink.waitFor(
        (m) => m.to[0]?.endsWith(`@${tag}.bench.example`) ?? false,
        N,
        60_000,
      );
      const seconds = (performance.now() - t0) / 1000;
      const ids = got.map((m) => m.messageId ?? '');
      const dup = ids.length - new Set(ids).size;
      results.push({ round, side, seconds, dup, missing: N - new Set(ids).size });
    }
  }

  // Every outbox message of the measured rounds is marked sent, once.
  const [state] = (await ds.query(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS unsent,
            max(attempts)::int AS max_attempts FROM outbox_message WHERE idempotency_key LIKE 'bench:r%'`,
  )) as { sent: number; unsent: number; max_attempts: number }[];
  outboxTransport.close();
  rawTransport.close();
  sink.stop();
  await ds.destroy();
  await db.drop();
  await teardown();

  console.log(`\nbench:outbox — ${new Date().toISOString()} — ${machine()}`);
  console.log(
    `${N} messages per run, ${CONCURRENCY} in flight (batched: ${INVITATION_BATCHES_IN_FLIGHT} batches of ${BATCH}), ${ROUNDS} rounds\n`,
  );
  console.log('| round | path | seconds | msg/s | duplicates at the server | missing |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.round} | ${r.side} | ${r.seconds.toFixed(2)} | ${Math.round(N / r.seconds)} | ${r.dup} | ${r.missing} |`,
    );
  }
  const rate = (side: Side) => {
    const rs = results.filter((r) => r.side === side);
    return (N * rs.length) / rs.reduce((a, r) => a + r.seconds, 0);
  };
  const raw = rate('raw');
  for (const side of ['outbox deliver', 'outbox store+deliverStored/10'] as const) {
    const ratio = rate(side) / raw;
    console.log(
      `${side}: ${Math.round(rate(side))} msg/s vs raw ${Math.round(raw)} msg/s, ratio ${ratio.toFixed(2)} (target ≥ 0.7: ${ratio >= 0.7 ? 'met' : 'NOT met'})`,
    );
  }
  console.log(
    `outbox rows of the measured rounds: ${state!.sent} sent, ${state!.unsent} unsent, at most ${state!.max_attempts} attempt(s) each; duplicates at the server: ${results.reduce((a, r) => a + r.dup, 0)}`,
  );
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
