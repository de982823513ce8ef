import { createDataSource } from '@jaarcyclus/persistence';
import { OPERATOR_USAGE, operatorCommand } from './operator-command';

/**
 * `npm run operator -- grant <email>`   the person may use the Temporal Web UI's codec endpoint
 * `npm run operator -- revoke <email>`
 * `npm run operator -- list`
 * (or `node -r ./scripts/lib/register-dist.cjs dist/apps/api/src/cli/operator.js …` in the image)
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus');
  if (process.argv.length < 3) throw new Error(OPERATOR_USAGE);
  const ds = await createDataSource(url).initialize();
  try {
    console.log(`[operator] ${await operatorCommand(ds, process.argv.slice(2))}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(`[operator] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
