// `npm test`: every tier, cheapest first, against real services. Installs what it needs itself
// (npm dependencies, the Temporal binaries); PostgreSQL is found or embedded by the test setup.
//   static    lint (zero warnings, module boundaries), formatting (prettier --check), typecheck, workflow bundle
//   unit      libs/domain and other pure code
//   workflow  Temporal time-skipping server, replay of recorded histories
//   integration  NestJS/TypeORM on real PostgreSQL with real migrations
//   e2e       api + worker on the Temporal dev server, PostgreSQL and an SMTP server
// Exit code is non-zero when anything fails. Pass tier names to run only those: npm test -- unit
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureDependencies, root } = require('./lib/deps.cjs');

const log = (line) => console.log(`[test] ${line}`);
ensureDependencies(log);
require('./lib/tools.cjs').ensureTools(log);

// The executable a package declares in its package.json "bin" (the default one, or `name`).
const bin = (pkg, name = pkg) => {
  const manifest = require.resolve(`${pkg}/package.json`);
  const declared = require(manifest).bin;
  const rel = typeof declared === 'string' ? declared : declared[name];
  return path.join(path.dirname(manifest), rel);
};
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  FORCE_COLOR: process.env.CI ? '0' : '1',
};
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaarcyclus-test-'));

const steps = [
  // The project graph first: the module-boundaries lint rule reads it (and is skipped without it).
  { tier: 'static', name: 'graph', cmd: ['node', bin('nx'), 'show', 'projects'], quiet: true },
  { tier: 'static', name: 'lint', cmd: ['node', bin('eslint'), '.', '--max-warnings', '0'] },
  // Formatting is checked, not hoped for: `npm run format` writes it.
  {
    tier: 'static',
    name: 'format',
    cmd: ['node', bin('prettier'), '--check', '.', '--log-level', 'warn'],
  },
  {
    tier: 'static',
    name: 'typecheck',
    cmd: ['node', bin('typescript', 'tsc'), '-p', 'tsconfig.json', '--noEmit'],
  },
  {
    tier: 'static',
    name: 'bundle',
    cmd: ['node', 'scripts/bundle-workflows.cjs', path.join(reportDir, 'workflow-bundle.js')],
  },
  ...['unit', 'workflow', 'integration', 'e2e'].map((tier) => ({
    tier,
    name: tier,
    jest: true,
    cmd: [
      'node',
      bin('jest'),
      '--selectProjects',
      tier,
      '--ci',
      '--maxWorkers=2',
      '--json',
      '--outputFile',
      path.join(reportDir, `${tier}.json`),
    ],
  })),
];

const wanted = process.argv.slice(2);
const results = [];
let passed = 0;
let failed = 0;
const t0 = Date.now();
for (const step of steps) {
  if (
    wanted.length &&
    !wanted.includes(step.tier) &&
    !wanted.includes(step.name) &&
    !(step.name === 'graph' && wanted.includes('lint'))
  )
    continue;
  const started = Date.now();
  log(`${step.name} …`);
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), {
    cwd: root,
    env,
    stdio: step.quiet ? 'ignore' : 'inherit',
  });
  const ok = r.status === 0;
  let detail = '';
  if (step.jest) {
    const file = path.join(reportDir, `${step.tier}.json`);
    if (fs.existsSync(file)) {
      const report = JSON.parse(fs.readFileSync(file, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
      detail = `${report.numPassedTests} passed, ${report.numFailedTests} failed in ${report.numTotalTestSuites} files`;
    } else if (!ok) failed += 1;
  } else if (!ok) failed += 1;
  results.push({ name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000), detail });
  if (!ok && step.quiet) log(`${step.name} failed: run \`npx nx show projects\` to see why`);
}

console.log('\n[test] summary');
for (const r of results)
  console.log(
    `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(12)} ${String(r.seconds).padStart(4)} s  ${r.detail}`,
  );
console.log(`  total ${Math.round((Date.now() - t0) / 1000)} s\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
