import { randomBytes } from 'node:crypto';

import { postgresScripts as pg } from './scripts';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.JAARCYCLUS_TEST_PG_SERVER;
  const template = process.env.JAARCYCLUS_TEST_TEMPLATE;
  if (!server || !template)
    throw new Error(
      'JAARCYCLUS_TEST_PG_SERVER not set: run through the integration or e2e jest project',
    );
  const name = `jaarcyclus_t_${randomBytes(5).toString('hex')}`;
  const url = await pg.ensureDatabase(server, name, { template });
  return { url, drop: () => pg.dropDatabase(server, name) };
}
