// npm run bench:vote — how long until a vote cast through the api shows in the cycle's state,
// against the raw engine: an Update plus a Query on a minimal workflow, in the same run, on the
// same Temporal dev server. 100 members, 10 concurrent clients. Prints p50/p95/p99 and ratios.
import { randomBytes, createHash } from 'node:crypto';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { startStack, type Stack } from '../support/stack';
import { recordUpdate, recordedQuery } from './raw-echo.workflow';
import { machine, pool, prepareServices, summary } from './support';
import teardown from '@jaarcyclus/testing/global-teardown-db';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100);
// Rounds alternate which path goes first, so a machine getting busier or quieter during the run
// does not favour one side; samples are pooled over the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// BENCH_DIRECT=1 reads the state through the workflow's Query instead of the api's GET (the
// path before the read model), for comparison.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
// Clients poll the state with a short pause, as a browser would; both paths poll alike.
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 20);
const TRACE = process.env.BENCH_TRACE === '1';
const traces: { total: number; line: string }[] = [];
const pause = () => new Promise((r) => setTimeout(r, POLL_MS));

async function createBenchBody(stack: Stack): Promise<{ personId: string; token: string }[]> {
  const [org] = await stack.ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`);
  const members: { personId: string; token: string }[] = [];
  await stack.ds.transaction(async (tx) => {
    const [body] = await tx.query(
      `INSERT INTO body (organisation_id, key, name, decision_kind, voting_rule)
       VALUES ($1, 'bench', 'Benchmarkraad', 'goedkeuring', $2::jsonb) RETURNING id`,
      [
        org.id,
        JSON.stringify({
          weighting: 'one_member_one_vote',
          quorum: null,
          majority: { basis: 'all_members', numerator: 1, denominator: 1, strict: false },
          abstentions: 'excluded',
        }),
      ],
    );
    for (let i = 0; i < MEMBERS; i++) {
      const [person] = await tx.query(
        `INSERT INTO person (organisation_id, email, name, locale, roles) VALUES ($1, $2, $3, 'nl', ARRAY['body_member']) RETURNING id`,
        [org.id, `lid${i}@bench.stadsring.example`, `Benchlid ${i}`],
      );
      await tx.query(`INSERT INTO body_member (body_id, person_id) VALUES ($1, $2)`, [
        body.id,
        person.id,
      ]);
      // Sessions straight into the table: signing in 100 people by mail is not what is measured.
      const token = randomBytes(32).toString('base64url');
      await tx.query(
        `INSERT INTO session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '2 hours')`,
        [person.id, createHash('sha256').update(token).digest('hex')],
      );
      members.push({ personId: person.id, token });
    }
  });
  return members;
}

/** Time until the vote's POST answered (the Update alone), per vote. */
const postSamples: number[] = [];

async function benchApi(
  stack: Stack,
  members: { personId: string; token: string }[],
  secretariat: string,
  year: number,
): Promise<number[]> {
  const started = await stack.call('POST', '/api/budget-cycles', {
    token: secretariat,
    body: {
      budgetYear: year,
      bodyKeys: ['bench'],
      proposal: { url: 'https://docs.example/bench.pdf', versionLabel: 'bench' },
      allocation: {
        amountPerPupilCents: 10000,
        equityCents: 25_000_000,
        turnoverCents: 1_000_000_000,
      },
    },
  });
  if (started.status !== 201)
    throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
  for (;;) {
    const s = await stack.call('GET', `/api/budget-cycles/${year}`, { token: secretariat });
    if (s.body.bodies?.[0]?.status === 'open') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const samples: number[] = [];
  const wfId = started.body.workflowId as string;
  await pool(members, CONCURRENCY, async (m) => {
    const t0 = performance.now();
    const vote = await stack.call('POST', `/api/budget-cycles/${year}/votes`, {
      token: m.token,
      body: { bodyKey: 'bench', value: 'for' },
    });
    if (vote.status !== 200)
      throw new Error(`vote answered ${vote.status}: ${JSON.stringify(vote.body)}`);
    const posted = performance.now() - t0;
    postSamples.push(posted);
    const polls: string[] = [];
    for (;;) {
      const g0 = performance.now();
      const s =
        process.env.BENCH_DIRECT === '1'
          ? {
              body: await stack.env.client.workflow
                .getHandle(wfId)
                .query<{ rounds: { bodies: { voted: { personId: string }[] }[] }[] }>(
                  'getCycleStatus',
                ),
            }
          : await stack.call('GET', `/api/budget-cycles/${year}`, { token: m.token });
      const round = s.body.rounds?.at(-1);
      const shown = round?.bodies?.[0]?.voted?.some(
        (v: { personId: string }) => v.personId === m.personId,
      );
      polls.push(
        `${Math.round(g0 - t0)}+${Math.round(performance.now() - g0)}${shown ? '✓' : `(${round?.bodies?.[0]?.voted?.length ?? '-'})`}`,
      );
      if (shown) break;
      await pause();
    }
    samples.push(performance.now() - t0);
    if (TRACE)
      traces.push({
        total: performance.now() - t0,
        line: `post ${Math.round(posted)} ms; GETs ${polls.join(' ')}`,
      });
  });
  if (TRACE) {
    const history = await stack.env.client.workflow.getHandle(wfId).fetchHistory();
    const counts = new Map<string, number>();
    for (const e of history.events ?? [])
      counts.set(String(e.eventType), (counts.get(String(e.eventType)) ?? 0) + 1);
    console.log('history event types:', JSON.stringify(Object.fromEntries(counts)));
  }
  return samples;
}

async function benchRaw(client: Client): Promise<number[]> {
  const handle = await client.workflow.start('rawEchoWorkflow', {
    taskQueue: 'bench-raw',
    workflowId: `bench-raw-${Date.now()}`,
  });
  const ids = Array.from({ length: MEMBERS }, (_, i) => `m${i}`);
  const samples: number[] = [];
  await pool(ids, CONCURRENCY, async (id) => {
    const t0 = performance.now();
    await handle.executeUpdate(recordUpdate, { args: [id] });
    while (!(await handle.query(recordedQuery)).includes(id)) await pause();
    samples.push(performance.now() - t0);
  });
  await handle.terminate('benchmark done');
  return samples;
}

async function main(): Promise<void> {
  await prepareServices();
  const stack = await startStack();
  try {
    const bundle = await bundleWorkflowCode({
      workflowsPath: path.join(__dirname, 'raw-echo.workflow.ts'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    });
    const worker = await Worker.create({
      connection: stack.env.nativeConnection,
      namespace: stack.env.namespace ?? 'default',
      taskQueue: 'bench-raw',
      workflowBundle: bundle,
    });
    const running = worker.run();
    const client = new Client({
      connection: stack.env.connection,
      namespace: stack.env.namespace ?? 'default',
    });
    const members = await createBenchBody(stack);
    const secretariat = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);
    const rawSamples: number[] = [];
    const apiSamples: number[] = [];
    const perRound: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const runRaw = async () => {
        const samples = await benchRaw(client);
        rawSamples.push(...samples);
        return summary(samples);
      };
      const runApi = async () => {
        const samples = await benchApi(stack, members, secretariat, 2031 + round);
        apiSamples.push(...samples);
        return summary(samples);
      };
      let r: ReturnType<typeof summary>;
      let a: ReturnType<typeof summary>;
      if (round % 2 === 0) {
        r = await runRaw();
        a = await runApi();
      } else {
        a = await runApi();
        r = await runRaw();
      }
      perRound.push(
        `round ${round + 1}: raw p50/p95 ${r.p50}/${r.p95} ms, api p50/p95 ${a.p50}/${a.p95} ms, p95 ratio ${Math.round((a.p95 / r.p95) * 100) / 100}`,
      );
    }
    worker.shutdown();
    await running;
    const raw = summary(rawSamples);
    const api = summary(apiSamples);
    const ratio = (k: 'p50' | 'p95' | 'p99') => Math.round((api[k] / raw[k]) * 100) / 100;
    console.log(
      `\nbench:vote — ${MEMBERS} members × ${ROUNDS} rounds, ${CONCURRENCY} concurrent clients, poll pause ${POLL_MS} ms${process.env.BENCH_DIRECT === '1' ? ', state via Query (BENCH_DIRECT)' : ''}, ${machine()}`,
    );
    for (const line of perRound) console.log(line);
    console.log('| path | n | p50 ms | p95 ms | p99 ms |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(
      `| raw Update + Query (minimal workflow) | ${raw.n} | ${raw.p50} | ${raw.p95} | ${raw.p99} |`,
    );
    console.log(
      `| vote via api until GET shows it | ${api.n} | ${api.p50} | ${api.p95} | ${api.p99} |`,
    );
    console.log(`| ratio api / raw | | ${ratio('p50')} | ${ratio('p95')} | ${ratio('p99')} |`);
    const post = summary(postSamples);
    console.log(
      `| (of which: the vote POST alone) | ${post.n} | ${post.p50} | ${post.p95} | ${post.p99} |`,
    );
    if (TRACE)
      for (const t of traces.sort((a, b) => b.total - a.total).slice(0, 8))
        console.log(`trace ${Math.round(t.total)} ms: ${t.line}`);
    console.log(`\ntarget p95 within 1.5x of raw: ${ratio('p95') <= 1.5 ? 'met' : 'NOT met'}`);
  } finally {
    await stack.close();
    await teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
