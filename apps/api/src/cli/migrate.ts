import { createDataSource } from '@jaarcyclus/persistence';

/**
 * `node dist/apps/api/src/cli/migrate.js`        applies pending migrations
 * `node dist/apps/api/src/cli/migrate.js revert` reverts the last one
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus');
  const command = process.argv[2] ?? 'up';
  if (command !== 'up' && command !== 'revert')
    throw new Error(`unknown command '${command}': use no argument (apply) or 'revert'`);
  const ds = await createDataSource(url).initialize();
  try {
    if (command === 'revert') {
      const before = (await ds
        .query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`)
        .catch(() => [])) as { name: string }[];
      await ds.undoLastMigration({ transaction: 'each' });
      console.log(before[0] ? `reverted ${before[0].name}` : 'nothing to revert');
    } else {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(
        applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'schema up to date',
      );
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(`[migrate] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
