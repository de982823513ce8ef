import { Global, Module, type Provider } from '@nestjs/common';
import {
  AccountabilityRepository,
  AllocationLetterRepository,
  AuditRepository,
  AuthRepository,
  BoardRepository,
  BodyRepository,
  BudgetRepository,
  CalendarFeedRepository,
  CycleRepository,
  type Db,
  DeductionRepository,
  DocumentRepository,
  EctEvaluationRepository,
  HealthRepository,
  OnboardingRepository,
  OrganisationRepository,
  OutboxRepository,
  PersonRepository,
  Repositories,
  SchoolRepository,
  TaskRepository,
  TenantImportRepository,
  VisitationRepository,
} from '@jaarcyclus/persistence';
// The one place of the api that sees TypeORM's DataSource (see the lint rule in eslint.config.mjs).
import { DataSource } from 'typeorm';

/** The repositories of libs/persistence, each a plain class over the database. */
const REPOSITORIES: (new (db: Db) => object)[] = [
  AccountabilityRepository,
  AllocationLetterRepository,
  AuditRepository,
  AuthRepository,
  BoardRepository,
  BodyRepository,
  BudgetRepository,
  CalendarFeedRepository,
  CycleRepository,
  DeductionRepository,
  DocumentRepository,
  EctEvaluationRepository,
  HealthRepository,
  OnboardingRepository,
  OrganisationRepository,
  OutboxRepository,
  PersonRepository,
  SchoolRepository,
  TaskRepository,
  TenantImportRepository,
  VisitationRepository,
];

const providers: Provider[] = [
  ...REPOSITORIES.map((repository) => ({
    provide: repository,
    inject: [DataSource],
    useFactory: (ds: DataSource) => new repository(ds),
  })),
  // The bundle, for a service whose writes must commit together (`repos.transaction(...)`).
  {
    provide: Repositories,
    inject: [DataSource],
    useFactory: (ds: DataSource) => new Repositories(ds),
  },
];

/**
 * The database side effects of the api and the web app, behind the repositories of
 * libs/persistence (as the worker's activities have them): services and controllers inject
 * `TaskRepository`, `BodyRepository`, … by class, or the `Repositories` bundle for a
 * transaction, and never TypeORM itself. Global: every feature module gets them.
 */
@Global()
@Module({ providers, exports: [...REPOSITORIES, Repositories] })
export class PersistenceModule {}
