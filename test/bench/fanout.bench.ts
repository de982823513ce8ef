// npm run bench:fanout — how fast the accountability cycle reaches every school: the seconds
// from POST /api/accountability-cycles (as the tenant's secretariat) until every school's
// workflow runs and has reached its invitation step, against the raw engine: the same number of
// client.workflow.start calls of a no-op workflow, in the same run, on the same Temporal dev
// server. Sizes: BENCH_SIZES (default 34,1000,7000); 34 and 1,000 schools in one synthetic
// tenant, larger sizes spread over BENCH_TENANTS (default 150) synthetic tenants.
//
// The invitation is only mailed in business hours (08:00–18:00 Europe/Amsterdam, working days).
// Inside them a school counts when its invitation is in the SMTP sink; outside them the
// invitation waits for a timer, and a school counts when its workflow has run its first step
// (the 'started' audit row written by recordStatus) and is waiting for the invitation timer.
// The output says which of the two was measured.
import { randomBytes, createHash } from 'node:crypto';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { nextBusinessMoment } from '@jaarcyclus/domain';
import { getSchoolAccountabilityQuery, schoolAccountabilityWorkflowId } from '@jaarcyclus/workflows';
import { startStack, type Stack } from '../support/stack';
import { machine, pool, prepareServices } from './support';

const SIZES = (process.env.BENCH_SIZES ?? '34,1000,7000').split(',').map((s) => Number(s.trim()));
const TENANTS = Number(process.env.BENCH_TENANTS ?? 150);
/** Parallel raw starts: the parent starts a batch of 100 children at once. */
const RAW_CONCURRENCY = Number(process.env.BENCH_RAW_CONCURRENCY ?? 100);
/** Parallel POSTs when a size spans several tenants. */
const API_CONCURRENCY = Number(process.env.BENCH_API_CONCURRENCY ?? 10);
const YEAR = 2026;
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
async function seedTenants(stack: Stack, size: number, tenants: number): Promise<Tenant[]> {
  const out: Tenant[] = [];
  await stack.ds.transaction(async (tx) => {
    for (let t = 0; t < tenants; t++) {
      const schools = Math.floor(size / tenants) + (t < size % tenants ? 1 : 0);
      const slug = `fanout-${size}-${t}`;
      const [org] = await tx.query(
        `INSERT INTO organisation (slug, name, region, sector) VALUES ($1, $2, 'midden', 'po') RETURNING id`,
        [slug, `Benchmark-SWV ${size}/${t}`],
      );
      const [sec] = await tx.query(
        `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, $2, 'Secretariaat', ARRAY['secretariat']) RETURNING id`,
        [org.id, `secretariaat@${slug}.bench.example`],
      );
      const token = randomBytes(32).toString('base64url');
      await tx.query(`INSERT INTO session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '4 hours')`, [
        sec.id,
        createHash('sha256').update(token).digest('hex'),
      ]);
      const [board] = await tx.query(
        `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'Benchmarkbestuur', 1000) RETURNING id`,
        [org.id],
      );
      const rows = (await tx.query(
        `INSERT INTO school (organisation_id, board_id, name, kind)
         SELECT $1, $2, 'School ' || lpad(i::text, 5, '0'), 'regular' FROM generate_series(1, $3::int) AS i
         RETURNING id`,
        [org.id, board.id, schools],
      )) as { id: string }[];
      await tx.query(
        `INSERT INTO person (organisation_id, email, name, roles, school_id)
         SELECT s.organisation_id, 'contact-' || s.id || '@${slug}.bench.example', 'Contact ' || s.name, ARRAY['school_contact'], s.id
           FROM school s WHERE s.organisation_id = $1`,
        [org.id],
      );
      out.push({ organisationId: org.id, token, schoolIds: rows.map((r) => r.id) });
    }
  });
  return out;
}

async function benchRaw(client: Client, n: number, tag: string): Promise<{ startedS: number; completedS: number }> {
  const ids = Array.from({ length: n }, (_, i) => `bench-fanout-raw-${tag}-${i}`);
  const t0 = performance.now();
  await pool(ids, RAW_CONCURRENCY, async (workflowId) => {
    await client.workflow.start('rawNoopWorkflow', { taskQueue: RAW_QUEUE, workflowId });
  });
  const startedS = (performance.now() - t0) / 1000;
  await pool(ids, RAW_CONCURRENCY, async (workflowId) => {
    await client.workflow.getHandle(workflowId).result();
  });
  return { startedS, completedS: (performance.now() - t0) / 1000 };
}

async function benchCycle(
  stack: Stack,
  client: Client,
  tenants: Tenant[],
  timeoutS: number,
): Promise<{ seconds: number; reached: number; mailed: boolean; timedOut: boolean; check: string }> {
  const n = tenants.reduce((a, t) => a + t.schoolIds.length, 0);
  const orgIds = tenants.map((t) => t.organisationId);
  const mailedAtStart = inBusinessHours(new Date());
  const t0 = performance.now();
  await pool([...tenants], API_CONCURRENCY, async (t) => {
    const r = await stack.call('POST', '/api/accountability-cycles', { token: t.token, body: { accountingYear: YEAR } });
    if (r.status !== 201) throw new Error(`start answered ${r.status}: ${JSON.stringify(r.body)}`);
  });
  let reached = 0;
  let timedOut = false;
  for (;;) {
    const [row] = await stack.ds.query(
      `SELECT count(DISTINCT workflow_id)::int AS n FROM audit_event
        WHERE organisation_id = ANY($1::uuid[]) AND action = 'started' AND workflow_id LIKE '%:school:%'`,
      [orgIds],
    );
    reached = row.n;
    if (mailedAtStart && reached >= n) {
      // Inside business hours the invitation goes out at once: also wait for every school's mail.
      const mailed = stack.smtp.messages.filter((m) => m.to.some((a) => a.startsWith('contact-') && a.includes(`@fanout-${n}-`))).length;
      reached = Math.min(reached, mailed);
    }
    if (reached >= n) break;
    if ((performance.now() - t0) / 1000 > timeoutS) {
      timedOut = true;
      break;
    }
    await sleep(100);
  }
  const seconds = (performance.now() - t0) / 1000;
  // Spot check through the workflow itself: a few schools, each running and at its invitation step.
  const sample = [tenants[0]!, tenants.at(-1)!].flatMap((t) => [
    { t, s: t.schoolIds[0]! },
    { t, s: t.schoolIds.at(-1)! },
  ]);
  const seen: string[] = [];
  for (const { t, s } of sample) {
    const view = await client.workflow.getHandle(schoolAccountabilityWorkflowId(t.organisationId, YEAR, s)).query(getSchoolAccountabilityQuery);
    const invited = view.history.some((e) => e.code === 'invited');
    seen.push(`${view.status}/${invited ? 'invited' : `next ${view.next?.kind ?? '-'} at ${view.next?.at ?? '-'}`}`);
  }
  return { seconds, reached, mailed: mailedAtStart && inBusinessHours(new Date()), timedOut, check: [...new Set(seen)].join('; ') };
}

async function main(): Promise<void> {
  await prepareServices();
  const stack = await startStack();
  const client = new Client({ connection: stack.env.connection, namespace: stack.env.namespace ?? 'default' });
  const bundle = await bundleWorkflowCode({ workflowsPath: path.join(__dirname, 'raw-noop.workflow.ts'), logger: quiet });
  const rawWorker = await Worker.create({
    connection: stack.env.nativeConnection,
    namespace: stack.env.namespace ?? 'default',
    taskQueue: RAW_QUEUE,
    workflowBundle: bundle,
  });
  const rawRunning = rawWorker.run();
  const lines: string[] = [];
  const notes: string[] = [];
  try {
    for (const size of SIZES) {
      const tenantCount = size > 1000 ? Math.min(TENANTS, size) : 1;
      const timeoutS = Number(process.env.BENCH_TIMEOUT_S ?? 120 + size * 0.25);
      const tenants = await seedTenants(stack, size, tenantCount);
      const raw = await benchRaw(client, size, String(size));
      const cyc = await benchCycle(stack, client, tenants, timeoutS);
      const rawRate = size / raw.startedS;
      const rawDoneRate = size / raw.completedS;
      const cycRate = cyc.reached / cyc.seconds;
      const ratio = cycRate / rawRate;
      const what = cyc.mailed ? 'running + invitation mail in SMTP sink' : 'running + invitation step reached (outside business hours: no mail)';
      lines.push(
        `| ${size} | ${tenantCount} | ${round(raw.startedS, 2)} | ${round(rawRate)} | ${round(rawDoneRate)} | ${round(cyc.seconds, 2)}${cyc.timedOut ? ` (timed out, ${cyc.reached} reached)` : ''} | ${round(cycRate)} | ${round(ratio, 2)} | ${round(cycRate / rawDoneRate, 2)} | ${ratio >= 0.5 ? 'met' : 'NOT met'} | ${what} |`,
      );
      notes.push(`N=${size}: sampled school workflows: ${cyc.check}`);
      console.log(lines.at(-1));
    }
  } finally {
    rawWorker.shutdown();
    await rawRunning;
    console.log(`\nbench:fanout — ${machine()}, ${new Date().toISOString()}, raw concurrency ${RAW_CONCURRENCY}, api concurrency ${API_CONCURRENCY}`);
    console.log('| schools | tenants | raw start s | raw starts/s | raw completed/s | cycle s | cycle schools/s | ratio cycle/raw starts | ratio cycle/raw completed | target ≥ 0.5 | measured until |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const l of lines) console.log(l);
    for (const n of notes) console.log(n);
    await stack.close();
    const { default: teardown } = await import('@jaarcyclus/testing/global-teardown-db');
    await teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
