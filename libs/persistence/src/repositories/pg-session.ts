import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Db } from './db';

/**
 * One connection of a DataSource's pool, driven by node-postgres directly: the same pool and
 * the same connections as TypeORM, without its query runner, and with every statement
 * prepared once per connection (named by a digest of its text) instead of parsed and planned
 * on each call. For the few paths that run the same handful of statements thousands of
 * times a minute (the outbox: bench:outbox, BENCHMARKS.md). Results are the rows, as
 * `DataSource.query` gives them for a SELECT or a RETURNING.
 */
export interface PgSession {
  query(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
}

/** A node-postgres pool or client: both run a named (prepared) statement. */
interface PgQueryable {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{
    rows: unknown[];
  }>;
}

interface PgClient extends PgQueryable {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{
    rows: unknown[];
  }>;
  query(text: string): Promise<unknown>;
  release(err?: Error | boolean): void;
}

interface PgPool extends PgQueryable {
  connect(): Promise<PgClient>;
}

function poolOf(dataSource: DataSource): PgPool {
  return (dataSource.driver as unknown as { master: PgPool }).master;
}

const statementNames = new Map<string, string>();

/** A name per statement text, the same in every process (prepared per connection). */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `jc_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * Runs `sql` prepared on `target` (named by statementName); a failure is logged as TypeORM
 * logs one (its SQL and error, never its parameters) and thrown.
 */
async function runPrepared(
  target: PgQueryable,
  dataSource: DataSource,
  sql: string,
  params: readonly unknown[],
): Promise<unknown[]> {
  try {
    return (await target.query({ name: statementName(sql), text: sql, values: params })).rows;
  } catch (err) {
    dataSource.logger.logQueryError(err as Error, sql);
    throw err;
  }
}

/**
 * Runs `fn` in a transaction on a connection of `dataSource`'s pool (see PgSession): BEGIN,
 * `fn`, COMMIT, or ROLLBACK when `fn` throws (statements as runPrepared). A connection that
 * failed is not returned to the pool.
 */
export async function inPgTransaction<T>(
  dataSource: DataSource,
  fn: (session: PgSession) => Promise<T>,
): Promise<T> {
  const client = await poolOf(dataSource).connect();
  const session: PgSession = {
    query: (sql, params = []) => runPrepared(client, dataSource, sql, params),
  };
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(session);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackErr) {
      broken = rollbackErr as Error;
    }
    throw err;
  } finally {
    client.release(broken ?? false);
  }
}

/**
 * One statement that runs on every request of a busy page (the session of a signed-in person,
 * the task inbox): on `db`'s pool, prepared once per connection, without TypeORM's query
 * runner (bench:inbox, BENCHMARKS.md); inside a transaction (an EntityManager), on its
 * connection as any other statement. The statement's text must be fixed (values only in
 * parameters): each distinct text is prepared on every connection and stays so.
 */
export async function queryPrepared(
  db: Db,
  sql: string,
  params: readonly unknown[],
): Promise<unknown[]> {
  if (!(db instanceof DataSource)) return (await db.query(sql, params as unknown[])) as unknown[];
  return runPrepared(poolOf(db), db, sql, params);
}
