import { EntityManager, type DataSource } from 'typeorm';

/** Where a repository runs its statements: the pool, or one transaction's EntityManager. */
export type Db = DataSource | EntityManager;

/**
 * Runs `fn` in a transaction: in the caller's, when `db` is the EntityManager of one already
 * under way (so repositories compose into one transaction without savepoints), else in a new one.
 */
export function inTransaction<T>(db: Db, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  if (db instanceof EntityManager) {
    return db.queryRunner?.isTransactionActive ? fn(db) : db.transaction(fn);
  }
  return db.transaction(fn);
}
