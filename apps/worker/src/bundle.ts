/**
 * Writes the workflow bundle to a file, for a worker started with WORKFLOW_BUNDLE (production
 * images bundle once at build time instead of at every start):
 *   node -r ./scripts/lib/register-dist.cjs dist/apps/worker/src/bundle.js dist/workflow-bundle.js
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflows } from '@jaarcyclus/temporal';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const bundle = await bundleWorkflows();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bundle.code);
  console.log(`[bundle] ${path.relative(process.cwd(), out)} (${Math.round(bundle.code.length / 1024)} KiB)`);
}

main().catch((err: unknown) => {
  console.error(`[bundle] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
