import { AccountabilityRepository } from './accountability.repository';
import { AllocationLetterRepository } from './allocation-letter.repository';
import { AuditRepository } from './audit.repository';
import { AuthRepository } from './auth.repository';
import { BoardRepository } from './board.repository';
import { BodyRepository } from './body.repository';
import { BudgetRepository } from './budget.repository';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CycleRepository } from './cycle.repository';
import { type Db, inTransaction } from './db';
import { DeductionRepository } from './deduction.repository';
import { DocumentRepository } from './document.repository';
import { OnboardingRepository } from './onboarding.repository';
import { EctEvaluationRepository } from './ect-evaluation.repository';
import { OrganisationRepository } from './organisation.repository';
import { OutboxRepository } from './outbox.repository';
import { PersonRepository } from './person.repository';
import { SchoolRepository } from './school.repository';
import { TaskRepository } from './task.repository';
import { TenantImportRepository } from './tenant-import.repository';
import { VisitationRepository } from './visitation.repository';
import { TransitionRepository } from './transition.repository';
import type { FieldCipher } from '../crypto/field-cipher';

/**
 * Every repository on one Db. `transaction` hands out the same set bound to one transaction,
 * so writes to several tables commit together:
 *
 *   await repos.transaction(async (tx) => { await tx.audit.append(rows); await tx.tasks.update(u); });
 */
export class Repositories {
  readonly organisations: OrganisationRepository;
  readonly persons: PersonRepository;
  readonly boards: BoardRepository;
  readonly bodies: BodyRepository;
  readonly schools: SchoolRepository;
  readonly tasks: TaskRepository;
  readonly audit: AuditRepository;
  readonly cycles: CycleRepository;
  readonly budget: BudgetRepository;
  readonly accountability: AccountabilityRepository;
  readonly deductions: DeductionRepository;
  /** The allocation letters as sent, read back as PDF in the web app. */
  readonly allocationLetters: AllocationLetterRepository;
  readonly outbox: OutboxRepository;
  readonly documents: DocumentRepository;
  readonly calendarFeeds: CalendarFeedRepository;
  readonly auth: AuthRepository;
  readonly onboarding: OnboardingRepository;
  readonly imports: TenantImportRepository;
  readonly ectEvaluations: EctEvaluationRepository;
  readonly visitation: VisitationRepository;
  /** Schakeltrajecten without the personal data key: steps, mail recipients, erasure. */
  readonly transitions: TransitionRepository;

  constructor(private readonly db: Db) {
    this.organisations = new OrganisationRepository(db);
    this.persons = new PersonRepository(db);
    this.boards = new BoardRepository(db);
    this.bodies = new BodyRepository(db);
    this.schools = new SchoolRepository(db);
    this.tasks = new TaskRepository(db);
    this.audit = new AuditRepository(db);
    this.cycles = new CycleRepository(db);
    this.budget = new BudgetRepository(db);
    this.accountability = new AccountabilityRepository(db);
    this.deductions = new DeductionRepository(db);
    this.allocationLetters = new AllocationLetterRepository(db);
    this.outbox = new OutboxRepository(db);
    this.documents = new DocumentRepository(db);
    this.calendarFeeds = new CalendarFeedRepository(db);
    this.auth = new AuthRepository(db);
    this.onboarding = new OnboardingRepository(db);
    this.imports = new TenantImportRepository(db);
    this.ectEvaluations = new EctEvaluationRepository(db);
    this.visitation = new VisitationRepository(db);
    this.transitions = new TransitionRepository(db);
  }

  /** Schakeltrajecten with the personal data key (the api: the people on a case read the pupil). */
  transitionsWithKey(cipher: FieldCipher): TransitionRepository {
    return new TransitionRepository(this.db, cipher);
  }

  /** Runs `fn` with repositories bound to one transaction (the caller's, when already in one). */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (em) => fn(new Repositories(em)));
  }
}
