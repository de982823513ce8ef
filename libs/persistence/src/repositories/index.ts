/**
 * Repositories: every SQL statement of the side effects of the worker's activities, the api's
 * services and the web app, named by concept (not by caller), so that they read as business
 * logic. Plain classes over a TypeORM DataSource or a transaction's EntityManager.
 */
export { type Db, inTransaction } from './db';
export * from './accountability.repository';
export * from './allocation-letter.repository';
export * from './audit.repository';
export * from './auth.repository';
export * from './board.repository';
export * from './body.repository';
export * from './budget.repository';
export * from './calendar-feed.repository';
export * from './cycle.repository';
export * from './deduction.repository';
export * from './ect-evaluation.repository';
export * from './housekeeping.repository';
export * from './document.repository';
export * from './health.repository';
export * from './organisation.repository';
export * from './office.repository';
export * from './onboarding.repository';
export * from './outbox.repository';
export * from './outbox-handoff';
export { type PgSession, inPgTransaction, queryPrepared } from './pg-session';
export * from './person.repository';
export * from './school.repository';
export * from './task.repository';
export * from './tenant-import.repository';
export * from './transition.repository';
export * from './tenant-records';
export * from './visitation.repository';
export { Repositories } from './repositories';
