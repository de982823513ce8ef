import type {
  LocalDate,
  Playbook,
  SchoolRegion,
  TeamRole,
  TeamSeat,
  VisitStepKey,
} from '@jaarcyclus/domain';

/** Input of one visit's flow (visitWorkflow), started when the programme is published. */
export interface VisitWorkflowInput {
  organisationId: string;
  programmeId: string;
  /** The published visit's row id (visitation_visit.id). */
  visitId: string;
  hostId: string;
  visitDate: LocalDate;
  /** The host school's region (school or location); none for a process of the SWV. */
  region?: SchoolRegion;
  playbook: Playbook;
  /** The host's contacts: they confirm the date, hand in the self-evaluation and react. */
  hostPersonIds: string[];
  team: TeamSeat[];
  /** Days the closed flow stays queryable before it completes (default 0). */
  lingerAfterCloseDays?: number;
  /**
   * ISO: the moment the visit was planned (publication), by the worker's clock; the
   * invitation goes out at the first business moment from then. Default: the flow's start.
   */
  plannedFrom?: string;
}

export type VisitStatus =
  'scheduled' | 'confirmed' | 'held' | 'reported' | 'following_up' | 'closed' | 'cancelled';

export type Answer = 'pending' | 'confirmed' | 'declined';

export interface VisitStepState {
  key: VisitStepKey;
  done: boolean;
  /** ISO, when done. */
  doneAt: string | null;
  /** ISO: when it is due now (moved when it opened after its playbook date). */
  dueAt: string;
  /** ISO once it is someone's turn (a report after the previous one). */
  openedAt: string | null;
  /** The documents handed in for it, oldest first (versions). */
  documentIds: string[];
  /** ISO of the escalation to the secretariat, when it was overdue. */
  escalatedAt: string | null;
}

export interface FollowUpAction {
  key: string;
  description: string;
  ownerPersonId: string;
  dueDate: LocalDate;
  status: 'open' | 'done';
  doneAt: string | null;
  escalatedAt: string | null;
}

export type VisitEventCode =
  | 'started'
  | 'invited'
  | 'date_confirmed'
  | 'date_declined'
  | 'seat_replaced'
  | 'seat_unfilled'
  | 'reminder_sent'
  | 'escalated'
  | 'held'
  | 'report_submitted'
  | 'rescheduled'
  | 'cancelled'
  | 'follow_up_added'
  | 'follow_up_done'
  | 'follow_up_checked'
  | 'closed';

export interface VisitEvent {
  at: string;
  code: VisitEventCode;
  actorPersonId?: string;
  data?: Record<string, unknown>;
}

/** The read model of one visit (visitation_visit.state) and the result of getVisitQuery. */
export interface VisitView {
  workflowId: string;
  organisationId: string;
  programmeId: string;
  visitId: string;
  hostId: string;
  status: VisitStatus;
  visitDate: LocalDate;
  /** Increases with every reschedule: every timer of the flow belongs to one generation. */
  generation: number;
  team: TeamSeat[];
  hostPersonIds: string[];
  /** Per person of the host and the team: their answer to the date. */
  answers: Record<string, Answer>;
  /** Whether one of the host's contacts confirmed the date for the host. */
  hostConfirmed: boolean;
  steps: VisitStepState[];
  followUps: FollowUpAction[];
  /** Steps past their due date and not done. */
  overdue: VisitStepKey[];
  /** The next thing the flow will do by itself. */
  next: { kind: string; at: string } | null;
  history: VisitEvent[];
}

// ---- commands ----

export interface AnswerVisitDateInput {
  actorPersonId: string;
  answer: 'confirm' | 'decline';
}
export interface AnswerVisitDateResult {
  status: VisitStatus;
  answer: Answer;
}

export interface SubmitVisitReportInput {
  actorPersonId: string;
  step: VisitStepKey;
  documentId: string;
}
export interface SubmitVisitReportResult {
  step: VisitStepKey;
  version: number;
  status: VisitStatus;
}

export interface RescheduleVisitInput {
  actorPersonId: string;
  visitDate: LocalDate;
}
export interface RescheduleVisitResult {
  visitDate: LocalDate;
  generation: number;
}

export interface CancelVisitInput {
  actorPersonId: string;
  reason: string;
}

export interface AddFollowUpActionInput {
  actorPersonId: string;
  description: string;
  ownerPersonId: string;
  dueDate: LocalDate;
}

export interface CompleteFollowUpActionInput {
  actorPersonId: string;
  key: string;
}

export interface CompleteFollowUpCheckInput {
  actorPersonId: string;
}

/** The secretariat reminds, now, whoever still owes an open step ("herinner nu"). */
export interface RemindVisitStepNowInput {
  actorPersonId: string;
  step: VisitStepKey;
}

export interface RemindVisitStepNowResult {
  step: VisitStepKey;
  /** How many people the reminder went to. */
  recipients: number;
}

// ---- activities ----

export type VisitMailKind =
  | 'invitation'
  | 'reminder'
  | 'rescheduled'
  | 'cancelled'
  | 'seat_invitation'
  | 'follow_up_assigned'
  | 'follow_up_reminder'
  | 'step_open';

export type VisitTaskKind = 'visit_confirm' | 'visit_report' | 'visit_follow_up' | 'visit_check';

export interface VisitContext {
  organisationId: string;
  programmeId: string;
  visitId: string;
  workflowId: string;
  /** `${workflowId}:${step}`: each mail's key is this plus its recipient. */
  idempotencyKeyPrefix: string;
}

export interface NotifyVisitInput extends VisitContext {
  kind: VisitMailKind;
  /** Person ids; 'secretariat' is resolved by the activity to the SWV's secretariat. */
  to: string[] | 'secretariat';
  visitDate: LocalDate;
  step?: VisitStepKey;
  /** ISO: the step's or action's due moment. */
  dueAt?: string;
  /** A follow-up action's description (to its owner only). */
  actionKey?: string;
  /** Tasks to open for each recipient. */
  task?: { kind: VisitTaskKind; refKey: string; dueAt: string | null };
}

export interface EscalateVisitInput extends VisitContext {
  reason: 'step_overdue' | 'seat_unfilled' | 'follow_up_overdue';
  visitDate: LocalDate;
  step?: VisitStepKey;
  dueAt?: string;
  /** Who still owes it (ids; names are read by the activity). */
  owedByPersonIds: string[];
  actionKey?: string;
}

export interface UpdateVisitTasksInput {
  workflowId: string;
  kind: VisitTaskKind;
  refKey?: string;
  personIds?: string[];
  status?: 'done' | 'cancelled';
  dueAt?: string;
  at: string;
}

export interface ResolveVisitSeatInput {
  organisationId: string;
  programmeId: string;
  visitId: string;
  visitorId: string;
}

export type ResolveVisitSeatResult =
  | { status: 'resolved'; replacement: { visitorId: string; role: TeamRole }; newChair?: string }
  | { status: 'infeasible'; reasons: string[] };

export interface PublishVisitStateInput {
  organisationId: string;
  visitId: string;
  workflowId: string;
  seq: number;
  view: VisitView;
  writes: VisitWrite[];
}

/** An audit row that travels with a state publish. */
export interface VisitWrite {
  idempotencyKey: string;
  action: VisitEventCode;
  actorPersonId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface VisitActivities {
  notifyVisit(input: NotifyVisitInput): Promise<number>;
  escalateVisit(input: EscalateVisitInput): Promise<number>;
  updateVisitTasks(input: UpdateVisitTasksInput): Promise<void>;
  resolveVisitSeat(input: ResolveVisitSeatInput): Promise<ResolveVisitSeatResult>;
  publishVisitState(input: PublishVisitStateInput): Promise<void>;
}

// ---- the programme ----

export interface VisitationProgrammeInput {
  organisationId: string;
  programmeId: string;
  /** Visits started per activity call (default 100). */
  batchSize?: number;
}

export interface StartVisitWorkflowsInput {
  organisationId: string;
  programmeId: string;
  /** Visits after this one in id order (null: from the first). */
  afterVisitId: string | null;
  limit: number;
}

export interface StartVisitWorkflowsResult {
  started: number;
  /** The last visit id of this batch; null when there were none left. */
  lastVisitId: string | null;
}

export interface VisitationProgrammeActivities {
  startVisitWorkflows(input: StartVisitWorkflowsInput): Promise<StartVisitWorkflowsResult>;
}

export interface VisitationProgrammeResult {
  started: number;
}
