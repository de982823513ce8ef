// `npm run bench:<name>`: runs test/bench/<name>.bench.ts against real services (the same
// PostgreSQL, Temporal dev server and SMTP server as the e2e tier). Results go to stdout;
// record them in BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureDependencies, root } = require('./lib/deps.cjs');
const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/bench.mjs <vote|fanout|schedule|inbox|outbox|reminders>');
  process.exit(2);
}
ensureDependencies();
require('./lib/tools.cjs').ensureTools();
const r = spawnSync(
  process.execPath,
  ['-r', '@swc-node/register', path.join('test', 'bench', `${name}.bench.ts`)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.json') },
  },
);
process.exit(r.status ?? 1);
