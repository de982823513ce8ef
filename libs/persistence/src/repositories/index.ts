/**
 * Repositories: every SQL statement of the cycles' side effects, named by concept (not by
 * caller), so the worker's activities (and later the api) read as business logic. Plain
 * classes over a TypeORM DataSource or a transaction's EntityManager.
 */
export { type Db, inTransaction } from './db';
export * from './accountability.repository';
export * from './audit.repository';
export * from './body.repository';
export * from './budget.repository';
export * from './cycle.repository';
export * from './deduction.repository';
export * from './housekeeping.repository';
export * from './organisation.repository';
export * from './outbox.repository';
export * from './person.repository';
export * from './school.repository';
export * from './task.repository';
export { Repositories } from './repositories';
