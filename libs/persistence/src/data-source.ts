import { DataSource, type DataSourceOptions } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { QueryLogger } from './query-logger';

/** TypeORM options shared by api, worker, CLI and tests. The schema comes from migrations only. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // Ids use the built-in gen_random_uuid() (PostgreSQL 13+): TypeORM must not try to create
    // uuid-ossp at connect time, which needs privileges the service should not have.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error', 'warn', 'migration'],
    // Failed statements without their parameters: those hold personal data.
    logger: new QueryLogger(),
  };
}

/** `overrides` e.g. `{ logging: false }` where refused queries are expected (tests of constraints). */
export function createDataSource(
  url: string,
  overrides: Partial<PostgresConnectionOptions> = {},
): DataSource {
  return new DataSource({ ...(dataSourceOptions(url) as PostgresConnectionOptions), ...overrides });
}

/** Applies every pending migration to the database at `url`. */
export async function runMigrations(url: string): Promise<void> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
