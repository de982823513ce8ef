// npm run bench:fanout — how fast the accountability cycle reaches every school: the seconds
// from the first POST /api/accountability-cycles (as the tenants' secretariats) until every
// school's workflow runs and has reached its first step, against the raw engine: the same
// number of client.workflow.start calls of a no-op workflow, in the same run, on the same
// Temporal dev server. Sizes: BENCH_SIZES (default 34,1000,7000); 34 and 1,000 schools in one
// synthetic tenant, larger sizes spread over BENCH_TENANTS (default 150) synthetic tenants.
// Each size runs BENCH_ROUNDS rounds (default 7 up to 100 schools, where a round takes a second
// and one slow round of either side moves the ratio most, 3 up to 1,000, else 2) of raw and cycle
// back to back, raw first in odd rounds and cycle first in even ones (whichever runs second
// runs on a server holding the first one's workflows), and reports every round and the median
// ratio (of two rounds: their mean): the machine is shared, and one round can catch a burst
// of someone else's work.
//
// When a school reached its step is read from its history after the run, so nothing polls
// Temporal while the cycle fans out (the bench only reads PostgreSQL until every cycle recorded
// itself as 'running'): a school started asleep (a start delay until its first step) reached it
// when it was started; one started awake when it set its first timer. In business hours
// (08:00-18:00 Europe/Amsterdam, working days) the fan-out mails every invitation, and the bench
// also waits until each is in the SMTP sink (the time the server accepted the last one). The
// sink is an SMTP server in a child process that accepts and times messages as a relay would,
// without parsing them (test/bench/smtp-sink.ts).
// BENCH_BUSINESS_HOURS=1 sets the fan-out's clock to a Monday 10:00 (see below), so that path
// can be measured at any hour. The output says which path was measured, and the CPU seconds
// the dev server and the bench process (api, worker, bench) used in each phase. Raw starts run
// as many calls in flight as the fan-out does (MAX_STARTS_IN_FLIGHT, BENCH_RAW_CONCURRENCY).
// In business hours each round also sends the same number of invitation mails straight through
// an SMTP transport like the worker's (pooled, DEFAULT_SMTP_POOL_CONNECTIONS) to the same sink,
// with nothing else: how long the mails alone take, a floor under the cycle's time.
import { fork } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { nextBusinessMoment } from '@jaarcyclus/domain';
import { createSmtpTransport, type MailTransport } from '@jaarcyclus/mail';
import { renderSchoolMail } from '@jaarcyclus/worker/mail/accountability-templates';
import {
  accountabilityWorkflowId,
  getSchoolAccountabilityQuery,
  schoolAccountabilityWorkflowId,
} from '@jaarcyclus/workflows';
import { MAX_STARTS_IN_FLIGHT } from '@jaarcyclus/worker/activities/accountability.activities';
import { startStack, type Stack } from '../support/stack';
import { insertSchoolsWithContacts, machine, percentile, pool, prepareServices } from './support';
import type { SinkMessage } from './smtp-sink';
import teardown from '@jaarcyclus/testing/global-teardown-db';

const SIZES = (process.env.BENCH_SIZES ?? '34,1000,7000').split(',').map((s) => Number(s.trim()));
const TENANTS = Number(process.env.BENCH_TENANTS ?? 150);
/** Parallel raw starts: as many as the fan-out keeps in flight per worker. */
const RAW_CONCURRENCY = Number(process.env.BENCH_RAW_CONCURRENCY ?? MAX_STARTS_IN_FLIGHT);
/** Parallel POSTs when a size spans several tenants. */
const API_CONCURRENCY = Number(process.env.BENCH_API_CONCURRENCY ?? 10);
/**
 * BENCH_BUSINESS_HOURS=1: the fan-out's clock runs as on Monday 7 December 2026 from 10:00
 * Amsterdam (shifted, still ticking), so the round measures the business-hours path (the
 * fan-out mails every invitation) on any day and hour. Everything else keeps the real clock.
 */
const BUSINESS_HOURS_OFFSET_MS =
  process.env.BENCH_BUSINESS_HOURS === '1'
    ? Date.parse('2026-12-07T09:00:00.000Z') - Date.now()
    : 0;
const fanOutNow = (): number => Date.now() + BUSINESS_HOURS_OFFSET_MS;
/** Parallel history reads after the fan-out (not timed). */
const HISTORY_CONCURRENCY = 16;
const YEAR = 2026;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;
const RAW_QUEUE = 'bench-fanout-raw';
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

interface Tenant {
  organisationId: string;
  token: string;
  schoolIds: string[];
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function inBusinessHours(at: Date): boolean {
  return nextBusinessMoment(at).getTime() <= at.getTime();
}

/** Synthetic SWVs straight into the tables: one board, n regular schools with a contact each, a secretariat with a session. */
async function seedTenants(
  stack: Stack,
  size: number,
  tenants: number,
  tag: string,
): Promise<Tenant[]> {
  const out: Tenant[] = [];
  await stack.ds.transaction(async (tx) => {
    for (let t = 0; t < tenants; t++) {
      const schools = Math.floor(size / tenants) + (t < size % tenants ? 1 : 0);
      const slug = `fanout-${tag}-${t}`;
      const [org] = await tx.query(
        `INSERT INTO organisation (slug, name, region, sector) VALUES ($1, $2, 'midden', 'po') RETURNING id`,
        [slug, `Benchmark-SWV ${tag}/${t}`],
      );
      const [sec] = await tx.query(
        `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, $2, 'Secretariaat', ARRAY['secretariat']) RETURNING id`,
        [org.id, `secretariaat@${slug}.bench.example`],
      );
      const token = randomBytes(32).toString('base64url');
      await tx.query(
        `INSERT INTO session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '4 hours')`,
        [sec.id, createHash('sha256').update(token).digest('hex')],
      );
      const schoolIds = await insertSchoolsWithContacts(tx, org.id, slug, schools);
      out.push({ organisationId: org.id, token, schoolIds });
    }
  });
  return out;
}

async function benchRaw(
  client: Client,
  n: number,
  tag: string,
): Promise<{ startedS: number; completedS: number; cpu: [number, number, number] }> {
  const ids = Array.from({ length: n }, (_, i) => `bench-fanout-raw-${tag}-${i}`);
  const cpu0 = cpuTicks();
  const t0 = performance.now();
  await pool(ids, RAW_CONCURRENCY, async (workflowId) => {
    await client.workflow.start('rawNoopWorkflow', { taskQueue: RAW_QUEUE, workflowId });
  });
  const startedS = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(cpu0);
  await pool(ids, RAW_CONCURRENCY, async (workflowId) => {
    await client.workflow.getHandle(workflowId).result();
  });
  return { startedS, completedS: (performance.now() - t0) / 1000, cpu };
}

/**
 * The mail floor: `n` invitation mails, rendered as the fan-out renders them, sent all at once
 * through `transport` (pooled like the worker's, and as warm: it lives for the whole bench)
 * until the sink accepted the last one. Nothing else runs: no database, no Temporal.
 */
async function benchMail(transport: MailTransport, n: number, tag: string): Promise<number> {
  const mails = Array.from({ length: n }, (_, i) => {
    const m = renderSchoolMail('nl', 'invitation', {
      organisationName: `Benchmark-SWV ${tag}`,
      recipientName: `Contact School ${String(i + 1).padStart(5, '0')}`,
      schoolName: `School ${String(i + 1).padStart(5, '0')}`,
      accountingYear: YEAR,
      deadline: '2027-01-31T23:00:00.000Z',
      daysLate: 0,
      formatVersion: 1,
      taskUrl: `http://localhost:3000/app/tasks/${createHash('sha256').update(`${tag}:${i}`).digest('hex').slice(0, 32)}`,
    });
    return {
      from: 'Jaarcyclus <noreply@jaarcyclus.example>',
      to: `mailfloor-${i}@bench-${tag}.example`,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: `<mailfloor.${tag}.${i}@jaarcyclus.example>`,
    };
  });
  const t0 = performance.now();
  await Promise.all(mails.map((m) => transport.send(m)));
  return (performance.now() - t0) / 1000;
}

/** The SMTP sink's process id, once it runs (its CPU time is counted apart). */
let sinkPid: number | undefined;

/** CPU time (in clock ticks) of the Temporal dev server, of this process (api, worker, bench) and of the SMTP sink. */
function cpuTicks(): { server: number; node: number; sink: number } {
  const ticks = (pid: string): number => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(f[11]) + Number(f[12]);
    } catch {
      return 0;
    }
  };
  let server = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start-dev'))
        server += ticks(pid);
    } catch {
      // gone meanwhile
    }
  }
  return { server, node: ticks(String(process.pid)), sink: sinkPid ? ticks(String(sinkPid)) : 0 };
}

/** CPU seconds since `from`: [Temporal dev server, this process, SMTP sink]. */
function cpuSeconds(from: ReturnType<typeof cpuTicks>): [number, number, number] {
  const to = cpuTicks();
  return [
    (to.server - from.server) / TICKS,
    (to.node - from.node) / TICKS,
    (to.sink - from.sink) / TICKS,
  ];
}

/** Epoch ms of an event. */
function eventMs(e: { eventTime?: { seconds?: unknown; nanos?: number | null } | null }): number {
  return Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
}

interface CycleResult {
  seconds: number;
  reached: number;
  mailed: boolean;
  timedOut: boolean;
  cpu: [number, number, number];
  check: string;
}

async function benchCycle(
  stack: Stack,
  sink: SinkMessage[],
  client: Client,
  tenants: Tenant[],
  tag: string,
  timeoutS: number,
): Promise<CycleResult> {
  const n = tenants.reduce((a, t) => a + t.schoolIds.length, 0);
  const orgIds = tenants.map((t) => t.organisationId);
  const workflowIds = tenants.flatMap((t) =>
    t.schoolIds.map((s) => schoolAccountabilityWorkflowId(t.organisationId, YEAR, s)),
  );
  const mailedAtStart = inBusinessHours(new Date(fanOutNow()));
  const cpu0 = cpuTicks();
  const t0 = Date.now();
  const elapsedS = () => (Date.now() - t0) / 1000;
  let timedOut = false;

  let postAnsweredMs = 0;
  await pool([...tenants], API_CONCURRENCY, async (t) => {
    const r = await stack.call('POST', '/api/accountability-cycles', {
      token: t.token,
      body: { accountingYear: YEAR },
    });
    if (r.status !== 201) throw new Error(`start answered ${r.status}: ${JSON.stringify(r.body)}`);
    postAnsweredMs = Math.max(postAnsweredMs, Date.now());
  });
  // Nothing polls Temporal while the cycle fans out: the bench waits (reading PostgreSQL) until
  // every cycle has recorded itself as 'running', i.e. every school's start call returned.
  // When each school reached its step is read from its history afterwards (below).
  for (;;) {
    const [row] = await stack.ds.query(
      `SELECT count(*)::int AS n FROM cycle WHERE organisation_id = ANY($1::uuid[]) AND kind = 'accountability' AND status = 'running'`,
      [orgIds],
    );
    if (row.n >= tenants.length) break;
    if (elapsedS() > timeoutS) {
      timedOut = true;
      break;
    }
    await sleep(100);
  }
  let mailedAtMs = 0;
  let mailedCount = n;
  if (mailedAtStart && !timedOut) {
    // Inside business hours the invitation goes out at once: also wait for every school's mail.
    const mails = () =>
      sink.filter((m) =>
        m.to.some((a) => a.startsWith('contact-') && a.includes(`@fanout-${tag}-`)),
      );
    while ((mailedCount = mails().length) < n) {
      if (elapsedS() > timeoutS) {
        timedOut = true;
        break;
      }
      await sleep(20);
    }
    // When the SMTP server accepted the last one, not when this loop noticed.
    mailedAtMs = Math.max(...mails().map((m) => m.receivedAtMs));
  }
  const cpu = cpuSeconds(cpu0);

  // Not timed: when did each school reach its step? Its history says: the first TimerStarted
  // event (outside business hours the invitation timer, set by the workflow task that ends the
  // school's start; inside them the first reminder timer, set after the invitation was sent).
  let lastReachedMs = 0;
  let reached = 0;
  let asleepCount = 0;
  await pool([...workflowIds], HISTORY_CONCURRENCY, async (id) => {
    for (;;) {
      const events = await client.workflow
        .getHandle(id)
        .fetchHistory()
        .then((h) => h.events ?? [])
        .catch((err: Error) => {
          if (err.name === 'WorkflowNotFoundError') return [];
          throw err;
        });
      // Started with a start delay (asleep until its first step): reached when it was started.
      const backoff = events[0]?.workflowExecutionStartedEventAttributes?.firstWorkflowTaskBackoff;
      const asleep = Number(backoff?.seconds ?? 0) > 0 || (backoff?.nanos ?? 0) > 0;
      const timer = asleep ? events[0] : events.find((e) => e.timerStartedEventAttributes);
      if (timer) {
        reached += 1;
        if (asleep) asleepCount += 1;
        lastReachedMs = Math.max(lastReachedMs, eventMs(timer));
        return;
      }
      if (elapsedS() > timeoutS) {
        timedOut = true;
        return;
      }
      await sleep(200);
    }
  });
  if (mailedAtStart) reached = Math.min(reached, mailedCount);
  const seconds = (Math.max(lastReachedMs, mailedAtMs) - t0) / 1000;

  // Exactly one 'started' audit event per school workflow.
  const [audit] = await stack.ds.query(
    `SELECT count(*)::int AS events, count(DISTINCT workflow_id)::int AS workflows FROM audit_event
      WHERE organisation_id = ANY($1::uuid[]) AND action = 'started' AND workflow_id LIKE '%:school:%'`,
    [orgIds],
  );
  // Spot check through the workflow itself: a few schools, each running and at its invitation step.
  const sample = [tenants[0]!, tenants.at(-1)!].flatMap((t) => [
    { t, s: t.schoolIds[0]! },
    { t, s: t.schoolIds.at(-1)! },
  ]);
  const states: string[] = [];
  for (const { t, s } of sample) {
    const handle = client.workflow.getHandle(
      schoolAccountabilityWorkflowId(t.organisationId, YEAR, s),
    );
    const d = await handle.describe();
    if (d.executionTime && d.executionTime.getTime() > Date.now()) {
      // Asleep: a Query would wait for its first workflow task; the execution says when it wakes.
      states.push(`${d.status.name} asleep until ${d.executionTime.toISOString()}`);
      continue;
    }
    const view = await handle.query(getSchoolAccountabilityQuery);
    const invited = view.history.some((e) => e.code === 'invited');
    states.push(
      `${view.status}/${invited ? 'invited' : `next ${view.next?.kind ?? '-'} at ${view.next?.at ?? '-'}`}`,
    );
  }
  if (process.env.BENCH_TRACE === '1' && tenants.length === 1) {
    // Where a single tenant's time goes, in ms after the POST was sent.
    const cycleEvents =
      (
        await client.workflow
          .getHandle(accountabilityWorkflowId(tenants[0]!.organisationId, YEAR))
          .fetchHistory()
      ).events ?? [];
    const at = (e: (typeof cycleEvents)[number]) => eventMs(e) - t0;
    const timeline = cycleEvents.map(
      (e) =>
        `${Object.keys(e)
          .find((k) => k.endsWith('EventAttributes'))
          ?.replace('EventAttributes', '')}@${at(e)}`,
    );
    const mailTimes = sink
      .filter((m) => m.to.some((a) => a.includes(`@fanout-${tag}-`)))
      .map((m) => m.receivedAtMs - t0);
    console.log(
      `trace N=${n}: POST answered @${postAnsweredMs - t0}; cycle ${timeline.join(' ')}; mails ${mailTimes.length ? `${Math.min(...mailTimes)}..${Math.max(...mailTimes)}` : '-'}; last school reached @${lastReachedMs - t0}`,
    );
  }
  const check =
    `sampled ${[...new Set(states)].join('; ')}; ${asleepCount} of ${reached} started asleep; ` +
    `'started' audit events ${audit.events} for ${audit.workflows} school workflows`;
  return {
    seconds,
    reached,
    mailed: mailedAtStart && inBusinessHours(new Date(fanOutNow())),
    timedOut,
    cpu,
    check,
  };
}

async function main(): Promise<void> {
  await prepareServices();
  // The SMTP sink runs in a process of its own, as a real SMTP server would: the mails it
  // parses cost the api and worker in this process nothing. It reports each accepted mail.
  const sink: SinkMessage[] = [];
  const sinkProcess = fork(path.join(__dirname, 'smtp-sink.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
  });
  sinkPid = sinkProcess.pid;
  const sinkPort = await new Promise<number>((resolve, reject) => {
    sinkProcess.on('message', (m: { kind: string; port?: number } & SinkMessage) => {
      if (m.kind === 'ready') resolve(m.port!);
      else sink.push({ to: m.to, receivedAtMs: m.receivedAtMs });
    });
    sinkProcess.once('exit', (code) => reject(new Error(`smtp-sink exited with ${code}`)));
  });
  const stack = await startStack({
    smtpUrl: `smtp://127.0.0.1:${sinkPort}`,
    // The real clock unless BENCH_BUSINESS_HOURS: the hour of the run decides the path.
    ...(BUSINESS_HOURS_OFFSET_MS === 0 ? { workerClock: Date.now } : { fanOutClock: fanOutNow }),
  });
  const client = new Client({
    connection: stack.env.connection,
    namespace: stack.env.namespace ?? 'default',
  });
  const bundle = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'raw-noop.workflow.ts'),
    logger: quiet,
  });
  const rawWorker = await Worker.create({
    connection: stack.env.nativeConnection,
    namespace: stack.env.namespace ?? 'default',
    taskQueue: RAW_QUEUE,
    workflowBundle: bundle,
  });
  const rawRunning = rawWorker.run();
  const mailTransport = createSmtpTransport(`smtp://127.0.0.1:${sinkPort}`, { pool: true });
  const lines: string[] = [];
  const notes: string[] = [];
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((x, y) => x - y);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  try {
    for (const size of SIZES) {
      const tenantCount = size > 1000 ? Math.min(TENANTS, size) : 1;
      const timeoutS = Number(process.env.BENCH_TIMEOUT_S ?? 120 + size * 0.25);
      // Up to 100 schools the start is also a latency budget (p95 < 0.5 s): 20 rounds by default.
      const rounds = Number(process.env.BENCH_ROUNDS ?? (size > 1000 ? 2 : size > 100 ? 3 : 20));
      const results: {
        ratio: number;
        rawRate: number;
        cycRate: number;
        what: string;
        mailS: number | null;
        seconds: number;
      }[] = [];
      for (let r = 1; r <= rounds; r++) {
        const tag = `${size}-r${r}`;
        const tenants = await seedTenants(stack, size, tenantCount, tag);
        // Raw and cycle back to back, on the same server; the order alternates per round, so
        // neither always runs on the server the other one has just filled.
        const rawFirst = r % 2 === 1;
        const raw = rawFirst ? await benchRaw(client, size, tag) : null;
        // The cycles' payloads are encrypted: read them through the stack's client, which has the keys.
        const cyc = await benchCycle(stack, sink, stack.env.client, tenants, tag, timeoutS);
        const rawResult = raw ?? (await benchRaw(client, size, tag));
        // Only where the cycle mails: the mails alone, after both (on a quiet sink).
        const mailS = cyc.mailed ? await benchMail(mailTransport, size, tag) : null;
        const rawRate = size / rawResult.startedS;
        const rawDoneRate = size / rawResult.completedS;
        const cycRate = cyc.reached / cyc.seconds;
        const ratio = cycRate / rawRate;
        const what = cyc.mailed
          ? `running + invitation mail in SMTP sink${BUSINESS_HOURS_OFFSET_MS === 0 ? '' : ' (fan-out clock: Monday 10:00)'}`
          : 'running, first step planned (outside business hours: no mail)';
        results.push({ ratio, rawRate, cycRate, what, mailS, seconds: cyc.seconds });
        lines.push(
          row([
            size,
            tenantCount,
            rounds > 1 ? `${r} (${rawFirst ? 'raw first' : 'cycle first'})` : '',
            round(rawResult.startedS, 2),
            round(rawRate),
            round(rawDoneRate),
            mailS === null ? '' : round(mailS, 2),
            `${round(cyc.seconds, 2)}${cyc.timedOut ? ` (timed out, ${cyc.reached} reached)` : ''}`,
            round(cycRate),
            round(ratio, 2),
            round(cycRate / rawDoneRate, 2),
            ratio >= 0.5 ? 'met' : 'NOT met',
            what,
          ]),
        );
        notes.push(
          `N=${size}${rounds > 1 ? ` round ${r}` : ''}: CPU s (dev server, bench process, SMTP sink): raw starts ${rawResult.cpu.map((x) => round(x, 1)).join(', ')}; cycle ${cyc.cpu.map((x) => round(x, 1)).join(', ')}. ${cyc.check}`,
        );
        console.log(lines.at(-1));
      }
      if (rounds > 1) {
        const m = median(results.map((x) => x.ratio));
        lines.push(
          row([
            `**${size}**`,
            tenantCount,
            'median',
            '',
            round(median(results.map((x) => x.rawRate))),
            '',
            results[0]!.mailS === null ? '' : round(median(results.map((x) => x.mailS!)), 2),
            '',
            round(median(results.map((x) => x.cycRate))),
            `**${round(m, 2)}**`,
            '',
            m >= 0.5 ? '**met**' : '**NOT met**',
            results[0]!.what,
          ]),
        );
        console.log(lines.at(-1));
      }
      if (size <= 100) {
        // The latency budget of a small SWV's start: the POST until every school reached its
        // step (in business hours: until the SMTP server accepted every invitation).
        const sorted = results.map((x) => x.seconds).sort((a, b) => a - b);
        const p95 = percentile(sorted, 95);
        notes.push(
          `**Latency budget, ${size} schools** (${results[0]!.what}), ${sorted.length} rounds: ` +
            `p50 ${round(percentile(sorted, 50), 3)} s, p95 ${round(p95, 3)} s, max ${round(sorted.at(-1)!, 3)} s ` +
            `(target p95 < 0.5 s: ${p95 < 0.5 ? 'met' : 'NOT met'})`,
        );
        console.log(notes.at(-1));
      }
    }
  } finally {
    mailTransport.close();
    rawWorker.shutdown();
    await rawRunning;
    console.log(
      `\nbench:fanout — ${machine()}, ${new Date().toISOString()}, load average ${os
        .loadavg()
        .map((x) => round(x, 1))
        .join(' ')}, raw concurrency ${RAW_CONCURRENCY}, api concurrency ${API_CONCURRENCY}`,
    );
    console.log(
      '| schools | tenants | round | raw start s | raw starts/s | raw completed/s | mails alone s | cycle s | cycle schools/s | ratio cycle/raw starts | ratio cycle/raw completed | target ≥ 0.5 | measured until |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const l of lines) console.log(l);
    for (const n of notes) console.log(n);
    await stack.close();
    sinkProcess.disconnect();
    await teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
