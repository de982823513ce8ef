import type { DecisionKind, Tally, VoteValue } from '@jaarcyclus/domain';
import type { PersonRef, ProposalRef, RosterSnapshot } from './decision-round.types';

/**
 * The side effects a decision round needs, as types only: workflow code imports this file with
 * `import type`, the worker implements it (apps/worker/src/activities). Every input carries the
 * idempotency key prefix `${workflowId}:r${round}:${step}`; implementations append
 * `:${recipient}` per mail/row, so retries and replays never mail or insert twice.
 * Business refusals (e.g. an unknown body key) are non-retryable ApplicationFailures whose
 * `type` is a domain error code.
 */
export interface DecisionRoundActivities {
  /** Bodies (rule, chair, members with weights) and the secretariat, as they are now. */
  snapshotRoster(input: SnapshotRosterInput): Promise<RosterSnapshot>;
  /** A vote task and an invitation mail for every member of one body. */
  openBallots(input: OpenBallotsInput): Promise<void>;
  /** A reminder mail to each given member (the workflow passes only those who have not voted). */
  sendVoteReminders(input: SendVoteRemindersInput): Promise<void>;
  /** Deadline passed without quorum: a mail to the given recipients (chair and secretariat). */
  sendEscalation(input: SendEscalationInput): Promise<void>;
  /**
   * A body decided: a mail with the outcome to each of its members (how they voted, or that
   * they did not). Optional: only cycles that opt in (DecisionRoundSpec.resultMails) need it.
   */
  sendRoundResult?(input: SendRoundResultInput): Promise<void>;
  /** Completes, cancels or re-dates tasks of one step. */
  updateTasks(input: UpdateTasksInput): Promise<void>;
  /** Appends one row to the audit log (idempotent on `idempotencyKey`). */
  recordAuditEvent(input: AuditEventInput): Promise<void>;
}

export interface SnapshotRosterInput {
  organisationId: string;
  bodyKeys: string[];
}

export interface BodyRef {
  key: string;
  name: string;
  decisionKind: DecisionKind;
}

interface RoundContext {
  organisationId: string;
  workflowId: string;
  round: number;
  /** e.g. 'Begroting 2027'. */
  subject: string;
  /** `${workflowId}:r${round}:${step}`; append `:${recipient}`. */
  idempotencyKeyPrefix: string;
}

export interface OpenBallotsInput extends RoundContext {
  body: BodyRef;
  proposal: ProposalRef;
  /** ISO. */
  deadline: string;
  /** Task.refKey, e.g. 'round:2:body:alv'. */
  taskRefKey: string;
  members: PersonRef[];
}

export interface SendVoteRemindersInput extends RoundContext {
  body: BodyRef;
  proposal: ProposalRef;
  deadline: string;
  taskRefKey: string;
  recipients: PersonRef[];
  /** Workflow time at which the reminder was due (ISO). */
  at: string;
  /** True when the secretariat asked for it (remindNowSignal). */
  requested: boolean;
}

export interface SendEscalationInput extends RoundContext {
  body: BodyRef;
  deadline: string;
  tally: Tally;
  notVoted: PersonRef[];
  recipients: (PersonRef & { role: 'chair' | 'secretariat' })[];
  at: string;
}

export interface SendRoundResultInput extends RoundContext {
  body: BodyRef;
  proposal: ProposalRef;
  /** Task.refKey of the members' vote tasks, e.g. 'round:2:body:alv' (the mail links to them). */
  taskRefKey: string;
  /** 'cancelled': another body ended the round (`endedBy`) before this one decided. */
  result: 'approved' | 'rejected' | 'no_quorum' | 'cancelled';
  /**
   * How the body was decided: by the votes, at the deadline, or closed by the secretariat;
   * for 'cancelled', how the body that ended the round was.
   */
  decidedBy: 'votes' | 'deadline' | 'secretariat';
  /** The body's votes so far, for 'cancelled'. */
  tally: Tally;
  /** For 'cancelled': the body whose rejection (or closing without quorum) ended the round. */
  endedBy?: BodyRef & { result: 'rejected' | 'no_quorum' };
  /** Every member of the body, with their own vote (null: did not vote). */
  recipients: (PersonRef & { vote: VoteValue | null })[];
  /** Workflow time at which the mail went out (ISO): a business moment. */
  at: string;
}

export interface UpdateTasksInput {
  workflowId: string;
  kind: 'vote' | 'adopt' | 'submit' | 'review';
  refKey: string;
  /** Omitted: every task of this workflow, kind and refKey. */
  personIds?: string[];
  /** Only tasks that are still open are changed. */
  status?: 'done' | 'cancelled';
  /** ISO; sets dueAt. */
  dueAt?: string;
  /** ISO, workflow time: completedAt for done/cancelled. */
  at: string;
}

export interface AuditEventInput {
  idempotencyKey: string;
  organisationId: string;
  workflowId: string;
  round: number | null;
  actorPersonId: string | null;
  /** e.g. 'vote_cast', 'body_decided', 'budget_adopted'. */
  action: string;
  bodyKey: string | null;
  weight: number | null;
  value: string | null;
  comment: string | null;
  /** ISO, workflow time. */
  occurredAt: string;
  payload: Record<string, unknown>;
}
