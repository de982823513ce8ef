// npm run bench:inbox — the task inbox under load: GET /api/me/tasks at BENCH_RATE requests per
// second (default 200) for BENCH_DURATION seconds (default 60), each request as one of
// BENCH_PEOPLE (default 500) signed-in people of one SWV holding BENCH_TASKS tasks (default
// 20,000) over five years of cycles; in the same run, at the same rate against the same
// process, the framework's floor: GET /health/live of the same NestJS app, which answers a
// constant (no session, no database). The api runs in a process of its own
// (test/bench/inbox-api.ts) with the production configuration; an open-loop generator in this
// process (test/bench/open-loop.ts) sends one request every 1/BENCH_RATE s over at most
// BENCH_CONNECTIONS keep-alive connections and counts each latency from the request's due time
// (no coordinated omission). BENCH_GENERATOR=autocannon uses autocannon's `overallRate`
// instead, which sends each connection's quota in a burst at every second boundary (the
// earlier measurements; BENCHMARKS.md). Rounds (BENCH_ROUNDS, default 2)
// alternate which side goes first. Also prints the inbox query's EXPLAIN (ANALYZE) plan.
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { createDataSource } from '@jaarcyclus/persistence';
import { createTestDatabase } from '@jaarcyclus/testing';
import globalSetupDb from '@jaarcyclus/testing/global-setup-db';
import teardown from '@jaarcyclus/testing/global-teardown-db';
import type { DataSource } from 'typeorm';
import { machine } from './support';
import { openLoop } from './open-loop';

// autocannon ships no types; the little of its result this bench reads.
interface CannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
/** What both generators report. */
interface LoadResult {
  requests: number;
  non2xx: number;
  errors: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  achievedRate: number | null;
}
const GENERATOR = process.env.BENCH_GENERATOR ?? 'open-loop';
type Cannon = (opts: Record<string, unknown>) => Promise<CannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Cannon;

const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION = Number(process.env.BENCH_DURATION ?? 60);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 500);
const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const YEARS = [2022, 2023, 2024, 2025, 2026];

/** One SWV: PEOPLE people with a session each, TASKS tasks spread over them and five years. */
async function seed(ds: DataSource): Promise<{ tokens: string[]; org: string; person: string }> {
  const tokens = Array.from({ length: PEOPLE }, () => randomBytes(32).toString('base64url'));
  let org = '';
  let person = '';
  await ds.transaction(async (tx) => {
    const [o] = await tx.query(
      `INSERT INTO organisation (slug, name, region, sector) VALUES ('inbox-bench', 'Benchmark-SWV inbox', 'midden', 'po') RETURNING id`,
    );
    org = o.id;
    const people = (await tx.query(
      `INSERT INTO person (organisation_id, email, name, roles)
       SELECT $1, 'lid-' || i || '@inbox.bench.example', 'Lid ' || i, ARRAY['body_member']
         FROM generate_series(1, $2::int) AS i ORDER BY i RETURNING id`,
      [org, PEOPLE],
    )) as { id: string }[];
    person = people[0]!.id;
    await tx.query(
      `INSERT INTO session (person_id, token_hash, expires_at)
       SELECT p, h, now() + interval '4 hours' FROM unnest($1::uuid[], $2::text[]) AS x(p, h)`,
      [people.map((p) => p.id), tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
    );
    // Task i goes to person i mod PEOPLE, in year YEARS[i mod 5]: the current year's open (a
    // deadline in the coming weeks), the earlier years' done, a few cancelled.
    await tx.query(
      `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, status, due_at, payload, created_at, completed_at)
       SELECT $1, p.ids[1 + (i % $3)], 'budget:' || $1 || ':' || y, 'vote', 'round:' || i || ':body:alv',
              'Stemming begroting ' || (y + 1),
              CASE WHEN y = 2026 THEN 'open' WHEN i % 17 = 0 THEN 'cancelled' ELSE 'done' END,
              make_timestamptz(y, 12, 1 + (i % 20), 16, 0, 0, 'Europe/Amsterdam'),
              '{}'::jsonb,
              make_timestamptz(y, 11, 1 + (i % 20), 9, 0, 0, 'Europe/Amsterdam'),
              CASE WHEN y = 2026 THEN NULL ELSE make_timestamptz(y, 12, 2 + (i % 20), 10, 0, 0, 'Europe/Amsterdam') END
         FROM generate_series(0, $2::int - 1) AS i,
              LATERAL (SELECT (ARRAY[${YEARS.join(',')}])[1 + (i % ${YEARS.length})] AS y) AS yy,
              (SELECT array_agg(id ORDER BY email) AS ids FROM person WHERE organisation_id = $1) AS p`,
      [org, TASKS, PEOPLE],
    );
  });
  await ds.query('ANALYZE task');
  return { tokens, org, person };
}

interface Row {
  round: number;
  path: string;
  r: LoadResult;
}

async function main(): Promise<void> {
  await globalSetupDb();
  const db = await createTestDatabase();
  const ds = await createDataSource(db.url).initialize();
  const { tokens, org, person } = await seed(ds);

  // The query GET /api/me/tasks runs (TaskRepository.listForPerson, one page of 100 + 1).
  const plan = (await ds.query(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
     SELECT t.* FROM task t WHERE t.organisation_id = $1 AND t.person_id = $2
      ORDER BY CASE WHEN t.status = 'open' THEN 0 ELSE 1 END ASC, t.due_at ASC NULLS LAST,
               t.created_at DESC, t.id ASC
      LIMIT 101`,
    [org, person],
  )) as { 'QUERY PLAN': string }[];

  const api = fork(path.join(__dirname, 'inbox-api.ts'), [], {
    // BENCH_API_NODE_ARGS: extra node flags for the api process (e.g. --cpu-prof, --trace-gc).
    execArgv: [
      '-r',
      '@swc-node/register',
      ...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    env: { ...process.env, BENCH_DATABASE_URL: db.url },
  });
  const port = await new Promise<number>((resolve, reject) => {
    api.once('message', (m: { port: number }) => resolve(m.port));
    api.once('exit', (code) => reject(new Error(`api exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;

  let next = 0;
  const run = async (p: string, seconds: number): Promise<LoadResult> => {
    if (GENERATOR !== 'autocannon') {
      return openLoop({
        base,
        path: p,
        rate: RATE,
        seconds,
        connections: CONNECTIONS,
        headers: () => ({ authorization: `Bearer ${tokens[next++ % tokens.length]}` }),
      });
    }
    const r = await autocannon({
      url: base,
      connections: CONNECTIONS,
      overallRate: RATE,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          path: p,
          setupRequest: (req: { headers?: Record<string, string> }) => ({
            ...req,
            headers: {
              ...req.headers,
              authorization: `Bearer ${tokens[next++ % tokens.length]}`,
            },
          }),
        },
      ],
    });
    return {
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      latency: r.latency,
      achievedRate: null,
    };
  };

  // Warm-up: JIT, the pool's connections, PostgreSQL's caches.
  await run('/api/me/tasks', 5);
  await run('/health/live', 2);

  const rows: Row[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const order =
      round % 2 === 1 ? ['/health/live', '/api/me/tasks'] : ['/api/me/tasks', '/health/live'];
    for (const p of order) rows.push({ round, path: p, r: await run(p, DURATION) });
  }
  api.disconnect();

  const [sample] = (await ds.query(
    `SELECT count(*)::int AS tasks, count(DISTINCT person_id)::int AS people FROM task WHERE organisation_id = $1`,
    [org],
  )) as { tasks: number; people: number }[];
  await ds.destroy();
  await db.drop();
  await teardown();

  console.log(`\nbench:inbox — ${new Date().toISOString()} — ${machine()}`);
  console.log(
    `${sample!.tasks} tasks of ${sample!.people} people in one SWV; ${RATE} req/s for ${DURATION} s per run, ${CONNECTIONS} connections, ${ROUNDS} rounds\n`,
  );
  console.log(`generator: ${GENERATOR}`);
  console.log(
    '| round | path | requests | achieved req/s | non-2xx | errors | p50 ms | p90 ms | p99 ms | max ms |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { round, path: p, r } of rows) {
    console.log(
      `| ${round} | GET ${p} | ${r.requests} | ${r.achievedRate ?? '–'} | ${r.non2xx} | ${r.errors} | ${r.latency.p50} | ${r.latency.p90} | ${r.latency.p99} | ${r.latency.max} |`,
    );
  }
  const p99 = (p: string) =>
    Math.max(...rows.filter((r) => r.path === p).map((r) => r.r.latency.p99));
  const inbox = p99('/api/me/tasks');
  const floor = p99('/health/live');
  console.log(
    `\nworst p99: inbox ${inbox} ms, floor ${floor} ms, ratio ${(inbox / Math.max(floor, 1)).toFixed(2)} ` +
      `(targets: p99 < 50 ms ${inbox < 50 ? 'met' : 'NOT met'}; ≤ 2× the floor ${inbox <= 2 * Math.max(floor, 1) ? 'met' : 'NOT met'})`,
  );
  console.log('\nEXPLAIN ANALYZE of the inbox query (one person, one page):');
  for (const line of plan) console.log(`    ${line['QUERY PLAN']}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
