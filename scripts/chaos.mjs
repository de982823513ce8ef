// `npm run chaos`: the fault-injection suite with more rounds than `npm test` runs (RELIABILITY.md).
// Real services, started by the tests themselves: the Temporal dev server (and its time-skipping
// test server), PostgreSQL and an SMTP server; the worker as an OS process of its own.
// Sizes (environment, defaults are the issue's):
//   CHAOS_ROUNDS   5     worker restarts while the relay refuses mail (test/chaos.e2e-spec.ts)
//   CHAOS_KILLS    20    SIGKILLs of the worker during the fan-out, and again during the votes
//   CHAOS_SCHOOLS  1000  schools of the fan-out
//   CHAOS_VOTES    100   votes of the burst
//   CHAOS_RESTARTS 5     restarts of the Temporal dev server and of PostgreSQL, each
//   CHAOS_SMTP_OUTAGE_MINUTES / CHAOS_SMTP_FLAPPING_MINUTES  30 / 30 (workflow time)
// Prints each scenario's figures and a summary; non-zero exit on a failure.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureDependencies } = require('./lib/deps.cjs');
const log = (line) => console.log(`[chaos] ${line}`);
ensureDependencies(log);
require('./lib/tools.cjs').ensureTools(log);

const sizes = {
  CHAOS_ROUNDS: process.env.CHAOS_ROUNDS ?? '5',
  CHAOS_KILLS: process.env.CHAOS_KILLS ?? '20',
  CHAOS_SCHOOLS: process.env.CHAOS_SCHOOLS ?? '1000',
  CHAOS_VOTES: process.env.CHAOS_VOTES ?? '100',
  CHAOS_RESTARTS: process.env.CHAOS_RESTARTS ?? '5',
  CHAOS_SMTP_OUTAGE_MINUTES: process.env.CHAOS_SMTP_OUTAGE_MINUTES ?? '30',
  CHAOS_SMTP_FLAPPING_MINUTES: process.env.CHAOS_SMTP_FLAPPING_MINUTES ?? '30',
};
log(
  Object.entries(sizes)
    .map(([k, v]) => `${k}=${v}`)
    .join(' '),
);

const scenarios = [
  ['relay refusing + worker restarts', 'e2e', ['test/chaos.e2e-spec.ts']],
  ['worker SIGKILLed (fan-out, vote burst)', 'e2e', ['test/chaos-worker-kill.e2e-spec.ts']],
  ['Temporal and PostgreSQL restarted', 'e2e', ['test/chaos-restarts.e2e-spec.ts']],
  ['SMTP 421, then flapping (workflow time)', 'e2e', ['test/chaos-smtp-outage.e2e-spec.ts']],
  [
    'DTO fuzzer and authorization matrix',
    'integration',
    ['apps/api/src/dto-fuzz.int-spec.ts', 'apps/api/src/authorization-matrix.int-spec.ts'],
  ],
];
// e.g. CHAOS_ONLY=restarts,smtp: only the scenarios whose file names contain one of these.
const only = process.env.CHAOS_ONLY?.split(',').filter(Boolean);
const report = [];
const started = Date.now();
for (const [name, project, files] of scenarios) {
  if (only && !files.some((f) => only.some((o) => f.includes(o)))) continue;
  const t0 = Date.now();
  // Streamed as it comes (a long scenario shows its progress), and kept for the report.
  const child = spawn(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--forceExit',
      '--selectProjects',
      project,
      '--runTestsByPath',
      ...files,
    ],
    { env: { ...process.env, ...sizes, NX_DAEMON: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk) => {
    const text = chunk.toString();
    output += text;
    process.stdout.write(text);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const status = await new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  // The tests print their figures as `chaos…: …` lines (console.info).
  const figures = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^chaos( \(|: injected)/.test(l));
  const summary = output.match(/^Tests:.*$/m)?.[0] ?? 'Tests: (no summary)';
  const ok = status === 0;
  report.push({ name, ok, seconds: Math.round((Date.now() - t0) / 1000), summary, figures });
  log(`${ok ? 'PASS' : 'FAIL'} ${name} (${Math.round((Date.now() - t0) / 1000)} s) ${summary}`);
}

console.log('\n=== fault-injection report ===');
for (const r of report) {
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  ${r.seconds} s  ${r.summary}`);
  for (const f of r.figures) console.log(`      ${f}`);
}
log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(report.every((r) => r.ok) ? 0 : 1);
