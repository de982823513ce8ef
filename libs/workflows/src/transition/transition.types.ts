import type {
  LocalDate,
  SchoolRegion,
  StallLevel,
  TransitionActor,
  TransitionConfig,
  TransitionMove,
  TransitionPhase,
  TransitionState,
} from '@jaarcyclus/domain';

/**
 * Input of one case's workflow: references only. The pupil's name and date of birth stay in
 * PostgreSQL (encrypted); the workflow never sees them.
 */
export interface TransitionCaseInput {
  organisationId: string;
  /** Random, opaque: the workflow id is `transition:<organisationId>:<caseId>`. */
  caseId: string;
  vsoSchoolId: string;
  /** The SWV's school holiday region: due dates and stall days skip its holidays. */
  region: SchoolRegion | null;
  config: TransitionConfig;
  /** Who opened the case (vso school contact or ECT member). */
  openedByPersonId: string;
}

/** A step on the case (Update): the move, the side the person acts for, and a note's id. */
export interface TransitionMoveInput {
  move: TransitionMove;
  actor: TransitionActor;
  actorPersonId: string;
  /** A free text the api stored encrypted beforehand (transition_note), or null. */
  noteId: string | null;
}

export interface TransitionMoveResult {
  seq: number;
  state: TransitionState;
}

export interface TransitionCaseView {
  workflowId: string;
  seq: number;
  state: TransitionState;
  stallLevel: StallLevel;
  /** Once closed: the day the personal data will be erased. */
  erasureOn: LocalDate | null;
  erased: boolean;
}

/** Why the workflow mails: the mail says what, to whom the activity decides by the kind. */
export type TransitionNotificationKind =
  /** The case was opened: the parents (sign in to see it and consent) and the ECT members. */
  | 'opened'
  /** A phase began: its owner side, the ECT members and the parents. */
  | 'phaseEntered'
  /** A regular school was chosen: the parents are asked for their consent and their view. */
  | 'parentsAsked'
  /** An OPP evaluation is due: the regular school and the ECT members. */
  | 'evaluationDue'
  /** No step for N business days: 1 the owner, 2 the ECT members, 3 the secretariat. */
  | 'stalled'
  /** The case closed: everyone on it. */
  | 'closed';

export interface TransitionNotification {
  organisationId: string;
  caseId: string;
  workflowId: string;
  /** `${workflowId}:${step}`: the outbox key per recipient is appended by the activity. */
  idempotencyKeyPrefix: string;
  kind: TransitionNotificationKind;
  phase: TransitionPhase;
  /** stalled: the level; else 0. */
  level: StallLevel;
  /** The step's due date or the evaluation date, shown in the mail. */
  dueOn: LocalDate | null;
}

export interface RecordTransitionStepInput {
  organisationId: string;
  caseId: string;
  workflowId: string;
  seq: number;
  kind: string;
  phaseBefore: TransitionPhase;
  actorPersonId: string | null;
  occurredOn: LocalDate;
  /** The move's codes, dates and ids (no free text: that is the note). */
  facts: Record<string, unknown>;
  noteId: string | null;
  state: TransitionState;
}

export interface EraseTransitionCaseInput {
  organisationId: string;
  caseId: string;
  workflowId: string;
  /** Audit trail key of the tombstone. */
  idempotencyKey: string;
  /** ISO: when the retention period ended. */
  at: string;
}

/** Activities of the schakeltraject (types only; implemented in apps/worker). */
export interface TransitionActivities {
  /** Stores the step and the state after it (idempotent per seq) and its audit row. */
  recordTransitionStep(input: RecordTransitionStepInput): Promise<void>;
  /** Mails the people the notification is for, through the outbox; returns how many. */
  notifyTransition(input: TransitionNotification): Promise<number>;
  /**
   * Erases the closed case's personal data and writes the tombstone in the audit trail;
   * true when erased now, false when it was erased already.
   */
  eraseTransitionCase(input: EraseTransitionCaseInput): Promise<boolean>;
}
