import type {
  AuditEventInput,
  BodyRef,
  DecisionRoundActivities,
  SendRoundResultInput,
  UpdateTasksInput,
} from '../decision-round/decision-round.activities';
import type { ProposalRef } from '../decision-round/decision-round.types';
import type {
  AllocationFigures,
  AllocationLettersResult,
  BudgetCycleStatus,
} from './budget-cycle.types';

/**
 * Activities of the budget cycle (types only; implemented by apps/worker
 * `createBudgetActivities`). Idempotency: see DecisionRoundActivities.
 */
export interface BudgetActivities extends DecisionRoundActivities {
  /** The budget's rounds mail each body's outcome to its members (issue #16, results). */
  sendRoundResult(input: SendRoundResultInput): Promise<void>;
  /** Upserts the Cycle read model (kind 'budget') by workflow id with the current phase. */
  recordCycleStatus(input: RecordCycleStatusInput): Promise<void>;
  /**
   * When a round's invitations may go out: the first business moment (08:00–18:00 on a
   * business day, Amsterdam) at or after `at` (the workflow's time, ISO), by the worker's
   * clock where one is set (end-to-end tests run at any hour with a clock in business hours).
   * Returns ISO.
   */
  invitationsOpenAt(input: { at: string }): Promise<string>;
  /**
   * In one transaction: the queued writes in order (audit rows and task updates, each
   * idempotent as in recordAuditEvent/updateTasks), and the cycle's whole state (what the status
   * Query answers) in the Cycle read model with its sequence number; a state with a lower
   * sequence than the stored one does not replace it.
   */
  publishCycleState(input: PublishCycleStateInput): Promise<void>;
  /** Adoption task (Task kind 'adopt') and mail to the directeur-bestuurder. */
  requestAdoption(input: RequestAdoptionInput): Promise<void>;
  /** Mail to the directeur-bestuurder: consent withheld in N rounds, dispute to the Commissie voor Geschillen (docs/domain.md, source 001 §1.5). */
  notifyDispute(input: NotifyDisputeInput): Promise<void>;
  /**
   * computeAllocation over the boards and the regular schools, and one letter per board to its
   * bestuurder (else one contact person of the board); idempotency key `${prefix}:${boardId}`.
   */
  sendAllocationLetters(input: SendAllocationLettersInput): Promise<AllocationLettersResult>;
}

export interface RecordCycleStatusInput {
  organisationId: string;
  workflowId: string;
  year: number;
  title: string;
  status: string;
  createdByPersonId: string | null;
}

export interface PublishCycleStateInput extends RecordCycleStatusInput {
  /** Increases with every change within a run (StatePublisher). */
  seq: number;
  state: BudgetCycleStatus;
  writes: CycleWrite[];
}

/** A bookkeeping write that travels with a state publish. */
export type CycleWrite = { audit: AuditEventInput } | { tasks: UpdateTasksInput };

interface CycleStepContext {
  organisationId: string;
  workflowId: string;
  round: number;
  subject: string;
  /** `${workflowId}:r${round}:${step}`; append `:${recipient}`. */
  idempotencyKeyPrefix: string;
}

export interface RequestAdoptionInput extends CycleStepContext {
  directorPersonId: string;
  proposal: ProposalRef;
  taskRefKey: string;
  approvals: (BodyRef & { result: string })[];
}

export interface NotifyDisputeInput extends CycleStepContext {
  directorPersonId: string;
  body: BodyRef;
  rounds: number[];
}

export interface SendAllocationLettersInput extends CycleStepContext {
  budgetYear: number;
  figures: AllocationFigures;
  /** ISO: the date of the letters (the letters date, or the adoption when that came later). */
  at: string;
}
