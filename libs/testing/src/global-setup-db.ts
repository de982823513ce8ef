// Jest runs global set-up outside its module registry, so moduleNameMapper does not apply here.
import 'tsconfig-paths/register';
import os from 'node:os';
import path from 'node:path';
import { runMigrations } from '@jaarcyclus/persistence';

import { postgresScripts as pg } from './scripts';

/**
 * Integration and e2e tiers: a real PostgreSQL (see scripts/lib/postgres.cjs), a template
 * database built by running every migration, from which each test file clones its own database.
 */
export default async function globalSetup(): Promise<void> {
  const server = await pg.resolvePostgres({
    embeddedDir: path.join(os.tmpdir(), 'jaarcyclus-embedded-pg', 'data'),
    log: () => undefined,
  });
  (globalThis as { __jaarcyclusPg?: { stop: () => Promise<void> } }).__jaarcyclusPg = server;
  // One template per test run, so that two runs on one server (a developer's and CI's, or two
  // tiers) never rebuild each other's template mid-run.
  const template = `jaarcyclus_tpl_${process.pid}`;
  const templateUrl = await pg.ensureDatabase(server.url, template, { fresh: true });
  await runMigrations(templateUrl);
  process.env.JAARCYCLUS_TEST_PG_SERVER = server.url;
  process.env.JAARCYCLUS_TEST_TEMPLATE = template;
}
