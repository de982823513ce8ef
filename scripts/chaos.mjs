// `npm run chaos`: the fault-injection suite with more rounds than `npm test` runs (RELIABILITY.md).
// Real services, started by the tests themselves: the Temporal dev server, PostgreSQL and an
// SMTP server. CHAOS_ROUNDS (default 5): how often the worker is stopped and started again
// while the relay refuses mail. Prints each scenario's figures; non-zero exit on a failure.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureDependencies } = require('./lib/deps.cjs');
const log = (line) => console.log(`[chaos] ${line}`);
ensureDependencies(log);
require('./lib/tools.cjs').ensureTools(log);

const rounds = process.env.CHAOS_ROUNDS ?? '5';
log(
  `${rounds} worker restarts while the relay refuses mail; then the DTO fuzzer and the authorization matrix`,
);
const started = Date.now();
const run = (project, files) =>
  spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--selectProjects', project, '--runTestsByPath', ...files],
    { stdio: 'inherit', env: { ...process.env, CHAOS_ROUNDS: rounds, NX_DAEMON: 'false' } },
  ).status;
const results = [
  run('e2e', ['test/chaos.e2e-spec.ts']),
  run('integration', [
    'apps/api/src/dto-fuzz.int-spec.ts',
    'apps/api/src/authorization-matrix.int-spec.ts',
  ]),
];
log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(results.every((s) => s === 0) ? 0 : 1);
