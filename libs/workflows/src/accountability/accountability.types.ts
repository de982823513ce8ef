import type {
  DomainErrorCode,
  ReminderPolicy,
  SchoolAccountabilityStatus,
  SchoolRegion,
} from '@jaarcyclus/domain';
import type { CodedText } from '@jaarcyclus/i18n/core';

/*
 * Types of the 1 February accountability (verantwoording, docs/domain.md §2; docs/domain.md, source 001 §7.4): the
 * parent cycle per SWV and accounting year, the workflow per school, their messages and the
 * activities the worker implements. The workflows carry ids only (no figures, no e-mail
 * addresses, no names of persons): the figures live in PostgreSQL, and personal data stays
 * out of Temporal's history (AVG, docs/domain.md, source 001 §1.4).
 */

// ---------------------------------------------------------------------------------------------
// Parent: accountabilityCycleWorkflow
// ---------------------------------------------------------------------------------------------

export interface AccountabilityFanOutOptions {
  /**
   * School workflows started at once: start calls in flight per fan-out activity (before the
   * fan-out patch: children started per batch). Default 100, at most 200.
   */
  batchSize?: number;
  /**
   * batchSize × batchesPerRun schools go to one fan-out activity (before the patch: children
   * one run starts before it continues as new). Default 5; the product at most 1,000.
   */
  batchesPerRun?: number;
}

/** Carried from one run to the next by continue-as-new; never set by the api. */
export interface AccountabilityFanOutCarry {
  /** Index into schoolIds of the first school not yet started. */
  cursor: number;
  started: number;
  alreadyStarted: number;
  /** Run number, 1 for the first. */
  run: number;
  formatVersion: number;
}

export interface AccountabilityCycleInput {
  organisationId: string;
  /** Calendar year accounted for; the deadline is in the next year. */
  accountingYear: number;
  /** Ids of the schools that must account (the api passes the tenant's schools). */
  schoolIds: string[];
  /** ISO 8601 with offset; default: defaultAccountabilityDates(accountingYear).deadline. */
  deadline?: string;
  /** Default DEFAULT_ACCOUNTABILITY_REMINDER_POLICY ([14, 7, 1] business days, 09:00). */
  reminderPolicy?: ReminderPolicy;
  /** Default DEFAULT_MAX_OVERDUE_REMINDERS (12 weekly reminders). */
  maxOverdueReminders?: number;
  /**
   * The tenant's accountability format version the cycle uses. When omitted, the cycle pins
   * the current version once (pinFormatVersion); every school and every later run keeps it.
   */
  formatVersion?: number;
  startedByPersonId: string | null;
  /** e.g. 'Verantwoording 2026'. */
  title?: string;
  fanOut?: AccountabilityFanOutOptions;
  /** How long a school workflow stays queryable after acceptance or waiver (default 30 days). */
  lingerAfterFinalDays?: number;
  carry?: AccountabilityFanOutCarry;
  /** The SWV's school-holiday region, handed to every school (SchoolAccountabilityInput.region). */
  region?: SchoolRegion;
}

export interface AccountabilityCycleConfig {
  organisationId: string;
  accountingYear: number;
  schoolIds: string[];
  deadline: string;
  reminderPolicy: ReminderPolicy;
  maxOverdueReminders: number;
  formatVersion: number | null;
  startedByPersonId: string | null;
  title: string;
  batchSize: number;
  batchesPerRun: number;
  lingerAfterFinalDays: number;
  region?: SchoolRegion;
}

export interface AccountabilityCycleResult {
  workflowId: string;
  schools: number;
  /** Children this cycle started. */
  started: number;
  /** Children that were already running or had run (a restarted fan-out): counted as success. */
  alreadyStarted: number;
  runs: number;
  formatVersion: number;
  deadline: string;
}

export type AccountabilityCyclePhase = 'fanning_out' | 'running';

export interface AccountabilityCycleStatus {
  workflowId: string;
  organisationId: string;
  accountingYear: number;
  phase: AccountabilityCyclePhase;
  formatVersion: number | null;
  deadline: string;
  schools: number;
  cursor: number;
  started: number;
  alreadyStarted: number;
  run: number;
  /**
   * The reminders this cycle sends for its schools (since `accountability-reminders-by-cycle`),
   * ascending, each with whether its moment has been handled; absent before the patch.
   */
  reminders?: { at: string; step: string; done: boolean }[];
}

// ---------------------------------------------------------------------------------------------
// Child: schoolAccountabilityWorkflow
// ---------------------------------------------------------------------------------------------

export interface SchoolAccountabilityInput {
  organisationId: string;
  accountingYear: number;
  schoolId: string;
  /** Id of the parent cycle (kept after the parent completed or continued as new). */
  cycleWorkflowId: string;
  /** ISO 8601 with offset. */
  deadline: string;
  reminderPolicy: ReminderPolicy;
  maxOverdueReminders: number;
  /** Pinned when the cycle started: submissions are validated against this version. */
  formatVersion: number;
  lingerAfterFinalDays: number;
  /**
   * Set by the cycle's fan-out (since `accountability-fanout-by-activity`): the school's
   * status row and its 'started' audit event (key `${workflowId}:status-1:${schoolId}`) were
   * written in bulk before this workflow was started, so its first workflow task only plans
   * the invitation. Absent: the workflow records them itself.
   */
  startedStatusRecorded?: boolean;
  /**
   * Set by the cycle's fan-out when it invited the school itself (in business hours, through
   * the outbox under this workflow's own key `${workflowId}:invitation:${personId}`, with the
   * submit task of version 1): the workflow records the invitation and goes on with reminders.
   * Absent: the workflow invites at the first business moment.
   */
  invitation?: { at: string; recipientPersonIds: string[] };
  /**
   * Set by the cycle (since patch `accountability-reminders-by-cycle`): the cycle sends this
   * school's reminders before its original deadline (one `remindSchools` activity per reminder
   * moment for all its schools that still owe a submission, under this workflow's own keys
   * `${workflowId}:reminder-d1-<date>:${personId}`), so this workflow skips them and sleeps until
   * its deadline. Everything else stays here: the invitation, the deadline, the escalation,
   * overdue reminders, "Herinner nu", and the reminders of an extended deadline (generation 2
   * and later). Absent (every run before the patch): the workflow sends all its reminders.
   */
  remindersByCycle?: boolean;
  /**
   * The SWV's school-holiday region: the school's calendar. Its invitation, reminders and
   * overdue reminders skip that region's school holidays (schools are closed then); the
   * escalation to the board and the ECT member skips weekends and public holidays only.
   * Absent (runs from before, patch 'accountability-school-calendar'): weekends and public
   * holidays only.
   */
  region?: SchoolRegion;
}

export type SchoolAccountabilityEventCode =
  | 'started'
  | 'invited'
  | 'reminder_sent'
  | 'deadline_passed'
  | 'escalated'
  | 'overdue_reminder_sent'
  | 'no_recipients'
  | 'draft_saved'
  | 'submitted'
  | 'returned'
  | 'accepted'
  | 'underspending_computed'
  | 'deduction_recorded'
  | 'deadline_extended'
  | 'waived'
  | 'reminded_now'
  | 'closed';

export interface SchoolAccountabilityEvent {
  /** Workflow time, ISO. */
  at: string;
  code: SchoolAccountabilityEventCode;
  actorPersonId?: string;
  /** Submission version the event is about, when it is about one. */
  version?: number;
  data?: Record<string, unknown>;
}

export interface SchoolAccountabilityView {
  workflowId: string;
  cycleWorkflowId: string;
  organisationId: string;
  accountingYear: number;
  schoolId: string;
  formatVersion: number;
  status: SchoolAccountabilityStatus;
  /** Number of submissions so far (0: none); the current submission's version. */
  version: number;
  submissionId: string | null;
  /** ISO; the current (possibly extended) deadline. */
  deadline: string;
  /** 1 for the original deadline, +1 per extension. */
  deadlineGeneration: number;
  /**
   * Calendar days late (Amsterdam) as of `asOf`: running while late, frozen at the school's
   * first submission or at a waiver. A query answers with workflow time, i.e. the time of the
   * workflow's last step; for a live figure compute `daysLate(deadline, now)` (domain) while
   * the status is 'late'.
   */
  daysLate: number;
  /** Workflow time the answer refers to (ISO). */
  asOf: string;
  submittedAt: string | null;
  lateSince: string | null;
  acceptedAt: string | null;
  waiver: { reason: string; actorPersonId: string; at: string } | null;
  underspending: UnderspendingFigures | null;
  deduction: (RecordDeductionResult & { amountCents: number; allocationYear: number }) | null;
  /** The next timer the workflow waits for, if any. */
  next: { kind: TimedActionKind; at: string } | null;
  history: SchoolAccountabilityEvent[];
}

export type TimedActionKind = 'invitation' | 'reminder' | 'deadline' | 'escalation' | 'overdue';

// ---- Update and signal payloads ----

export interface SubmitAccountabilityInput {
  /** The school contact who submits (the api checked the role and the school). */
  actorPersonId: string;
  /** Row the api stored (figures validated against the cycle's format version) before calling. */
  submissionId: string;
}

export interface SubmitAccountabilityResult {
  status: SchoolAccountabilityStatus;
  version: number;
  submittedAt: string;
  /** The school's days late, frozen at its first submission (0 when that was on time). */
  daysLate: number;
}

export interface ReviewSubmissionInput {
  /** A secretariat member (the api checked the role). */
  actorPersonId: string;
  decision: 'accept' | 'return';
  /** Required when returning: what the school must correct. */
  comments?: string;
  /** Optional guard: the version the reviewer looked at; refused when a newer one arrived. */
  version?: number;
}

export interface ReviewSubmissionResult {
  status: SchoolAccountabilityStatus;
  version: number;
  reviewedAt: string;
}

export interface ExtendSchoolDeadlineInput {
  actorPersonId: string;
  /** ISO 8601 with offset; later than now and than the current deadline. */
  deadline: string;
}

export interface ExtendSchoolDeadlineResult {
  deadline: string;
  deadlineGeneration: number;
  status: SchoolAccountabilityStatus;
  /** The reminders now planned before the new deadline (ISO). */
  reminders: string[];
}

export interface WaiveSchoolInput {
  actorPersonId: string;
  reason: string;
}

export interface WaiveSchoolResult {
  status: SchoolAccountabilityStatus;
  waivedAt: string;
}

/** The secretariat's "Herinner nu" for one school; `requestId` makes a double click one reminder. */
export interface RemindSchoolNowInput {
  actorPersonId: string;
  requestId: string;
}

export interface RemindSchoolNowResult {
  /** False: a reminder was already waiting (or this request was seen): no second one. */
  queued: boolean;
  /** ISO: when the reminder goes out (the school's next business moment). */
  at: string;
}

export interface SaveDraftInput {
  actorPersonId: string;
  submissionId?: string;
}

/** The school's status once the draft was recorded (unchanged when it was past 'not started'). */
export interface RecordDraftResult {
  status: SchoolAccountabilityStatus;
}

/** Why an Update was refused; carried as ApplicationFailure type (code) and details[0]. */
export type AccountabilityRefusalReason =
  | 'INVALID_INPUT'
  | 'ALREADY_ACCEPTED'
  | 'WAIVED'
  | 'ALREADY_SUBMITTED'
  | 'SUBMISSION_SUPERSEDED'
  | 'TOO_MANY_VERSIONS'
  | 'NOT_SUBMITTED'
  | 'STALE_VERSION'
  | 'COMMENTS_REQUIRED'
  | 'INVALID_DEADLINE'
  | 'DEADLINE_IN_PAST'
  | 'DEADLINE_NOT_LATER'
  | 'DEADLINE_TOO_FAR';

export interface AccountabilityRefusal {
  code: DomainErrorCode;
  reason: AccountabilityRefusalReason;
  message: string;
  field?: string;
  /** `message` by code (libs/i18n), for the edge to write in its reader's language. */
  text?: CodedText;
}

// ---------------------------------------------------------------------------------------------
// Activities (implemented by apps/worker; workflow code imports these types only)
// ---------------------------------------------------------------------------------------------

/**
 * Side effects of the accountability workflows. Every input that mails, creates a task or
 * writes a row carries `idempotencyKeyPrefix` = `${workflowId}:${step}` (or a full
 * `idempotencyKey`); implementations append `:${recipient}` per mail/task/row, so retries and
 * replays never repeat a side effect. Business refusals are non-retryable ApplicationFailures
 * whose `type` is a domain error code.
 */
export interface AccountabilityActivities {
  /**
   * The format version pinned for this cycle: on the first call per workflow id, the tenant's
   * current (latest published) version, stored; every later call returns the stored one.
   */
  pinFormatVersion(input: {
    organisationId: string;
    workflowId: string;
    accountingYear: number;
  }): Promise<number>;
  /** Upserts the Cycle read model (kind 'accountability') and the cycle's pinned settings. */
  recordCycle(input: RecordAccountabilityCycleInput): Promise<void>;
  /** Who to address for one school, as it is now (persons by id only). */
  loadSchoolContacts(input: { organisationId: string; schoolId: string }): Promise<SchoolContacts>;
  /** One mail per recipient (and, with `task`, an open 'submit' task per recipient). */
  notifySchool(input: NotifySchoolInput): Promise<void>;
  /**
   * A reminder or overdue reminder in one step: the school's active contacts, then
   * `notifySchool` to them. Run as a local activity (one workflow task per reminder instead of
   * three, bench:reminders); returns whom it mailed (none: nobody to remind).
   */
  remindSchool(input: RemindSchoolInput): Promise<RemindSchoolResult>;
  /** Deadline missed: one mail per recipient (the board's bestuurder and the school's ECT member). */
  escalateLate(input: EscalateLateInput): Promise<void>;
  /** A 'review' task (and a mail) for each secretariat member. */
  requestReview(input: RequestReviewInput): Promise<void>;
  /** Completes, cancels or re-dates open tasks of this workflow. */
  updateAccountabilityTasks(input: AccountabilityTaskUpdate): Promise<void>;
  /**
   * Upserts the school's status row (read model for the overview and the CSV export), updates
   * the submission row when `submission` is given, and appends the audit event (idempotent on
   * `audit.idempotencyKey`), in one transaction.
   */
  recordStatus(input: RecordSchoolStatusInput): Promise<void>;
  /**
   * Received funds from the school's allocation for the accounting year and the expenses of
   * the accepted submission → domain `computeUnderspending`.
   */
  computeUnderspending(input: ComputeUnderspendingInput): Promise<UnderspendingFigures>;
  /** Records the deduction for the school's next allocation; idempotent on `idempotencyKey`. */
  recordDeduction(input: RecordDeductionInput): Promise<RecordDeductionResult>;
  /**
   * One reminder moment of a cycle (since `accountability-reminders-by-cycle`): every school of
   * the cycle that still owes a submission for the cycle's deadline (read model status
   * not_started, draft or returned, deadline equal to `deadline`: an extended school reminds
   * itself) gets the reminder its own workflow would have sent, to its active contacts, under
   * that workflow's keys (`${school workflow id}:${step}:${personId}`), stored and sent in
   * outbox batches, and one `reminder_sent` audit event per school (key
   * `${school workflow id}:${step}:${schoolId}`). Heartbeats the schools done; a retry resumes
   * after them and sends nothing twice.
   */
  remindSchools(input: RemindSchoolsInput): Promise<RemindSchoolsResult>;
  /**
   * The fan-out of one chunk of a cycle's schools (since `accountability-fanout-by-activity`):
   * writes the cycle's rows when absent and every school's status row and 'started' audit
   * event in one transaction (idempotent
   * on the audit key; an existing status row is left as it is), then starts one
   * `schoolAccountabilityWorkflow` per school with the Temporal client, id
   * `schoolAccountabilityWorkflowId(...)`, reuse policy REJECT_DUPLICATE. A school whose id is
   * taken (running or closed) counts as already started. Heartbeats its progress; a retry
   * resumes after the last heartbeat.
   */
  startSchoolWorkflows(input: StartSchoolWorkflowsInput): Promise<StartSchoolWorkflowsResult>;
}

export interface StartSchoolWorkflowsInput {
  /** Task queue of the school workflows (the cycle's own). */
  taskQueue: string;
  /**
   * The cycle's rows, written first when absent (as recordCycle would, never changing rows
   * that exist): the school status rows refer to them.
   */
  cycle: RecordAccountabilityCycleInput;
  /** Every school workflow's input except `schoolId`; `startedStatusRecorded` is set. */
  school: Omit<SchoolAccountabilityInput, 'schoolId'>;
  schoolIds: string[];
  /** Start calls in flight at once. */
  concurrency: number;
}

export interface StartSchoolWorkflowsResult {
  /** Workflows this call started. */
  started: number;
  /** Ids that were taken: started before (an earlier attempt, run or cycle start). */
  alreadyStarted: number;
}

export interface RecordAccountabilityCycleInput {
  organisationId: string;
  workflowId: string;
  accountingYear: number;
  title: string;
  status: AccountabilityCyclePhase;
  createdByPersonId: string | null;
  formatVersion: number;
  deadline: string;
  schools: number;
  started: number;
  alreadyStarted: number;
}

export interface SchoolContacts {
  schoolId: string;
  schoolName: string;
  boardId: string;
  boardName: string;
  /** Active persons with role school_contact for this school. */
  contactPersonIds: string[];
  /** SchoolBoard.bestuurderPersonId. */
  bestuurderPersonId: string | null;
  /** School.ectMemberPersonId. */
  ectMemberPersonId: string | null;
  /** Active persons with role secretariat in the tenant. */
  secretariatPersonIds: string[];
}

interface SchoolStepContext {
  organisationId: string;
  workflowId: string;
  accountingYear: number;
  schoolId: string;
  formatVersion: number;
  /** `${workflowId}:${step}`; append `:${personId}`. */
  idempotencyKeyPrefix: string;
  /** Workflow time at which the step was due (ISO). */
  at: string;
}

export type SchoolNotificationKind =
  'invitation' | 'reminder' | 'overdue' | 'deadline_extended' | 'returned' | 'accepted' | 'waived';

export interface NotifySchoolInput extends SchoolStepContext {
  kind: SchoolNotificationKind;
  recipientPersonIds: string[];
  /** ISO; the current deadline. */
  deadline: string;
  daysLate: number;
  /** Submission version the mail is about (returned, accepted). */
  version?: number;
  /** Review comments (returned). */
  comments?: string;
  /** Accepted: the underspending and the deduction, for the mail. */
  underspending?: UnderspendingFigures;
  /** When set: upsert an open 'submit' task per recipient with this refKey and due date. */
  task?: { refKey: string; dueAt: string };
}

export interface RemindSchoolInput extends Omit<
  NotifySchoolInput,
  'kind' | 'recipientPersonIds' | 'task'
> {
  kind: 'reminder' | 'overdue';
}

export interface RemindSchoolsInput {
  organisationId: string;
  /** The cycle's workflow id: its schools are those whose status rows carry it. */
  cycleWorkflowId: string;
  accountingYear: number;
  /** The cycle's pinned format version (in the mail). */
  formatVersion: number;
  /** The cycle's deadline (ISO): only schools still on it are reminded. */
  deadline: string;
  /** `reminder-d1-<Amsterdam date>`, as the school workflow names the step. */
  step: string;
  /** Workflow time the reminder was due (ISO). */
  at: string;
}

export interface RemindSchoolsResult {
  /** Schools that owed a submission and had at least one active contact. */
  reminded: number;
  /** Schools that owed a submission but had no active contact. */
  withoutContacts: number;
  /** Mails stored (and sent) by this call, over all its attempts. */
  mails: number;
}

export interface RemindSchoolResult {
  /** The school's active contacts, each mailed; empty when it has none. */
  recipientPersonIds: string[];
}

export interface EscalateLateInput extends SchoolStepContext {
  recipients: { personId: string; role: 'bestuurder' | 'ect_member' }[];
  deadline: string;
  daysLate: number;
}

export interface RequestReviewInput extends SchoolStepContext {
  reviewerPersonIds: string[];
  submissionId: string;
  version: number;
  taskRefKey: string;
  /** Submitted after the deadline: days late, else 0. */
  daysLate: number;
}

export interface AccountabilityTaskUpdate {
  workflowId: string;
  kind: 'submit' | 'review';
  /** Omitted: every task of this workflow and kind. */
  refKey?: string;
  /** Only open tasks change. */
  status?: 'done' | 'cancelled';
  /** ISO; sets dueAt. */
  dueAt?: string;
  /** ISO, workflow time: completedAt for done/cancelled. */
  at: string;
}

export interface RecordSchoolStatusInput {
  organisationId: string;
  workflowId: string;
  cycleWorkflowId: string;
  accountingYear: number;
  schoolId: string;
  formatVersion: number;
  status: SchoolAccountabilityStatus;
  version: number;
  submissionId: string | null;
  deadline: string;
  daysLate: number;
  submittedAt: string | null;
  lateSince: string | null;
  /** The submission row to update, when the event is about one. */
  submission?: {
    submissionId: string;
    version: number;
    status: 'submitted' | 'returned' | 'accepted';
    reviewComments?: string;
    reviewedByPersonId?: string;
  };
  audit: {
    idempotencyKey: string;
    action: SchoolAccountabilityEventCode;
    actorPersonId: string | null;
    occurredAt: string;
    payload: Record<string, unknown>;
  };
}

export interface ComputeUnderspendingInput {
  organisationId: string;
  accountingYear: number;
  schoolId: string;
  submissionId: string;
  formatVersion: number;
}

export interface UnderspendingFigures {
  receivedCents: number;
  spentCents: number;
  underspendingCents: number;
}

export interface RecordDeductionInput {
  /** `${workflowId}:deduction:${schoolId}`: one deduction per school and accounting year. */
  idempotencyKey: string;
  organisationId: string;
  schoolId: string;
  accountingYear: number;
  /** The allocation year it is deducted from (accountingYear + 2, see deductionAllocationYear). */
  allocationYear: number;
  amountCents: number;
  /** Dutch, printed on the allocation letter. */
  reason: string;
  submissionId: string;
  /** ISO, workflow time. */
  at: string;
}

export interface RecordDeductionResult {
  deductionId: string;
  /** False when the deduction already existed (a retry or a replay). */
  created: boolean;
}
