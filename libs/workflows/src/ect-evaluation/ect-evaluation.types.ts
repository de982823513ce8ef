/**
 * The autumn ECT evaluation (docs/domain.md §2 "Evaluation", docs/domain.md, source 001 §7.4):
 * in October or November each school's ECT member reviews the calendar year with the school's
 * internal support team and looks ahead to the next.
 */

/** Longest findings or agreements text the form takes. */
export const ECT_TEXT_MAX = 4000;

export interface EctEvaluationInput {
  organisationId: string;
  /** The calendar year evaluated. */
  year: number;
  startedByPersonId: string;
  /** ISO instant with offset. */
  deadline: string;
  /** Every school evaluated, with its ECT member as the api found them (ids only). */
  schools: { schoolId: string; ectPersonId: string }[];
  reminderOffsetsBusinessDays?: number[];
}

export interface EctEvaluationConfig {
  organisationId: string;
  year: number;
  title: string;
  startedByPersonId: string;
  deadline: string;
  schools: { schoolId: string; ectPersonId: string }[];
  reminderPolicy: { offsetsBusinessDays: number[]; sendHour: number };
}

/** open: not submitted, deadline ahead; late: not submitted after the deadline; closed: the secretariat closed the cycle first. */
export type EctSchoolStatus = 'open' | 'submitted' | 'late' | 'closed';

export interface EctSchoolView {
  schoolId: string;
  ectPersonId: string;
  status: EctSchoolStatus;
  submittedAt: string | null;
  remindersSent: number;
}

/** inviting: waiting for office hours to send the invitations; open; overdue: the deadline passed with schools outstanding; completed. */
export type EctEvaluationPhase = 'inviting' | 'open' | 'overdue' | 'completed';

export interface EctEvaluationStatus {
  workflowId: string;
  organisationId: string;
  year: number;
  title: string;
  phase: EctEvaluationPhase;
  deadline: string;
  invitedAt: string | null;
  nextReminderAt: string | null;
  escalatedAt: string | null;
  closedByPersonId: string | null;
  schools: EctSchoolView[];
}

export interface SubmitEctEvaluationInput {
  personId: string;
  schoolId: string;
  findings: string;
  agreements: string;
}

export interface SubmitEctEvaluationResult {
  schoolId: string;
  submittedAt: string;
}

export interface CloseEctEvaluationInput {
  actorPersonId: string;
}

interface Context {
  organisationId: string;
  workflowId: string;
  year: number;
  /** `${workflowId}:${step}`; append `:${recipient}`. */
  idempotencyKeyPrefix: string;
}

/** Activities of the ECT evaluation (types only; apps/worker `createEctEvaluationActivities`). */
export interface EctEvaluationActivities {
  /** A task ('evaluate') and an invitation mail per school for its ECT member. */
  openEctEvaluations(
    input: Context & { deadline: string; schools: { schoolId: string; ectPersonId: string }[] },
  ): Promise<void>;
  /** A reminder to the ECT member of each school given (those that have not submitted). */
  sendEctReminders(
    input: Context & { deadline: string; schools: { schoolId: string; ectPersonId: string }[] },
  ): Promise<void>;
  /** Stores the form (one row per school and year) and completes the school's task. */
  storeEctEvaluation(
    input: Omit<Context, 'idempotencyKeyPrefix'> &
      SubmitEctEvaluationInput & { at: string; taskRefKey: string },
  ): Promise<void>;
  /** After the deadline: one mail to the secretariat listing the schools not submitted. */
  escalateEctOverdue(input: Context & { deadline: string; schoolIds: string[] }): Promise<void>;
  /** Cancels the open tasks of schools that did not submit (the secretariat closed the cycle). */
  cancelEctTasks(input: {
    workflowId: string;
    year: number;
    schoolIds: string[];
    at: string;
  }): Promise<void>;
  publishEctEvaluationState(input: {
    organisationId: string;
    workflowId: string;
    year: number;
    title: string;
    status: string;
    createdByPersonId: string | null;
    seq: number;
    state: EctEvaluationStatus;
    writes: never[];
  }): Promise<void>;
}

/** Task reference of a school's evaluation task. */
export function ectTaskRef(year: number, schoolId: string): string {
  return `ect:${year}:school:${schoolId}`;
}
