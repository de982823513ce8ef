/**
 * Pure decisions of the accountability workflows: input resolution, which timer comes next,
 * and when a command is refused. Functions of their arguments (time included), so they are
 * deterministic inside the workflow and testable without Temporal.
 */
import {
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_MAX_OVERDUE_REMINDERS,
  type BusinessDayOptions,
  type ReminderPolicy,
  type SchoolAccountabilityStatus,
  amsterdamDate,
  assertAccountingYear,
  defaultAccountabilityDates,
  escalationTime,
  isDomainError,
  isFinalAccountabilityStatus,
  nextBusinessMoment,
  reminderTimes,
  SCHOOL_REGIONS,
  schoolCalendar,
  validateReminderPolicy,
  weeklyOverdueReminders,
} from '@jaarcyclus/domain';
import {
  codedText,
  renderText,
  type CodedText,
  type TextArgs,
  type TextCode,
} from '@jaarcyclus/i18n/core';
import { ApplicationFailure } from '@temporalio/workflow';
import { INVITATION_STEP } from '../ids';
import type {
  AccountabilityCycleConfig,
  AccountabilityCycleInput,
  AccountabilityRefusal,
  AccountabilityRefusalReason,
  ExtendSchoolDeadlineInput,
  RemindSchoolNowInput,
  ReviewSubmissionInput,
  SchoolAccountabilityInput,
  SubmitAccountabilityInput,
  TimedActionKind,
  WaiveSchoolInput,
} from './accountability.types';

const DAY_MS = 86_400_000;

/**
 * Fan-out sizes (see the header of accountability-cycle.workflow.ts). Since the fan-out patch a
 * fan-out activity gets batchSize × batchesPerRun ≤ MAX_CHILDREN_PER_RUN schools and keeps
 * batchSize start calls in flight. Before it, they bounded the children of one run: Temporal
 * refuses more than 2,000 pending (started, not yet closed) children per workflow execution,
 * and the children of one run stayed pending for weeks.
 */
export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 200;
export const DEFAULT_BATCHES_PER_RUN = 5;
export const MAX_CHILDREN_PER_RUN = 1_000;
/** A cycle passes every school id as input (36-character uuids: 20,000 ≈ 0.8 MB < 2 MB). */
export const MAX_SCHOOLS = 20_000;
export const DEFAULT_LINGER_AFTER_FINAL_DAYS = 30;
/** Bounds the history of a school: a return/resubmit loop cannot grow it without end. */
export const MAX_SUBMISSION_VERSIONS = 20;
const MAX_ID_LENGTH = 200;
const MAX_TEXT_LENGTH = 4_000;
/** An extension further than this is a typo, not a plan. */
const MAX_EXTENSION_DAYS = 400;

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds of an ISO 8601 instant with an explicit offset, or null. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_ID_LENGTH;
}

function isText(value: unknown, max = MAX_TEXT_LENGTH): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max;
}

function invalid(message: string, field: string, text?: CodedText): AccountabilityRefusal {
  return { code: 'VALIDATION', reason: 'INVALID_INPUT', message, field, ...(text ? { text } : {}) };
}

/** A refusal a person reads: named by its text code; `message` is its English text. */
function refusal<C extends TextCode>(
  code: AccountabilityRefusal['code'],
  reason: AccountabilityRefusalReason,
  field: string | undefined,
  text: C,
  ...params: TextArgs<C>
): AccountabilityRefusal {
  const coded = codedText(text, ...params);
  return {
    code,
    reason,
    message: renderText('en', coded),
    ...(field ? { field } : {}),
    text: coded,
  };
}

/** Throws the refusal as a non-retryable ApplicationFailure (an Update validator's rejection). */
export function throwAccountabilityRefusal(refusal: AccountabilityRefusal): never {
  throw ApplicationFailure.create({
    type: refusal.code,
    message: refusal.message,
    nonRetryable: true,
    details: [
      {
        reason: refusal.reason,
        ...(refusal.field ? { field: refusal.field } : {}),
        ...(refusal.text ? { text: refusal.text } : {}),
      },
    ],
  });
}

export function refuseIf(refusal: AccountabilityRefusal | null): void {
  if (refusal) throwAccountabilityRefusal(refusal);
}

function isRefusal(value: unknown): value is AccountabilityRefusal {
  return typeof value === 'object' && value !== null && 'reason' in value && 'code' in value;
}

function checkPolicy(policy: ReminderPolicy): AccountabilityRefusal | null {
  try {
    validateReminderPolicy(policy);
    return null;
  } catch (e) {
    if (isDomainError(e)) return invalid(e.message, `reminderPolicy.${e.field ?? ''}`, e.text);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Parent input
// ---------------------------------------------------------------------------------------------

/**
 * Resolves defaults and validates a cycle's input; the api calls it before starting the
 * workflow (400 on a refusal), the workflow again on its first run. The deadline must lie
 * ahead only on the first run: a later run (continue-as-new) carries on the same fan-out.
 */
export function resolveAccountabilityCycleInput(
  input: AccountabilityCycleInput,
  nowMs: number,
): AccountabilityCycleConfig | AccountabilityRefusal {
  if (typeof input !== 'object' || input === null) return invalid('input is required', 'input');
  if (!isId(input.organisationId)) return invalid('organisationId is required', 'organisationId');
  try {
    assertAccountingYear(input.accountingYear);
  } catch (e) {
    if (isDomainError(e)) return invalid(e.message, 'accountingYear', e.text);
    throw e;
  }
  if (!Array.isArray(input.schoolIds)) return invalid('schoolIds must be a list', 'schoolIds');
  if (input.schoolIds.length > MAX_SCHOOLS) {
    return invalid(`at most ${MAX_SCHOOLS} schools per cycle`, 'schoolIds');
  }
  const seen = new Set<string>();
  for (const [i, id] of input.schoolIds.entries()) {
    if (!isId(id)) return invalid('every school id must be a non-empty string', `schoolIds[${i}]`);
    if (seen.has(id)) return invalid(`school '${id}' is listed twice`, `schoolIds[${i}]`);
    seen.add(id);
  }
  const defaults = defaultAccountabilityDates(input.accountingYear);
  let deadlineMs = defaults.deadline.getTime();
  if (input.deadline !== undefined) {
    const parsed = parseInstant(input.deadline);
    if (parsed === null) {
      return refusal('VALIDATION', 'INVALID_DEADLINE', 'deadline', 'validation.notInstant', {
        field: 'deadline',
      });
    }
    deadlineMs = parsed;
  }
  if (input.carry === undefined && deadlineMs <= nowMs) {
    return refusal(
      'VALIDATION',
      'DEADLINE_IN_PAST',
      'deadline',
      'refusal.accountabilityDeadlinePassed',
    );
  }
  const reminderPolicy: ReminderPolicy = input.reminderPolicy
    ? {
        offsetsBusinessDays: [...input.reminderPolicy.offsetsBusinessDays],
        sendHour: input.reminderPolicy.sendHour,
        // Only bench:reminders sets a minute (the api never does): absent in every history.
        ...(input.reminderPolicy.sendMinute !== undefined
          ? { sendMinute: input.reminderPolicy.sendMinute }
          : {}),
      }
    : {
        offsetsBusinessDays: [...DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.offsetsBusinessDays],
        sendHour: DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.sendHour,
      };
  const policyRefusal = checkPolicy(reminderPolicy);
  if (policyRefusal) return policyRefusal;
  const maxOverdueReminders = input.maxOverdueReminders ?? DEFAULT_MAX_OVERDUE_REMINDERS;
  if (
    !Number.isInteger(maxOverdueReminders) ||
    maxOverdueReminders < 0 ||
    maxOverdueReminders > 52
  ) {
    return invalid('maxOverdueReminders must be an integer 0–52', 'maxOverdueReminders');
  }
  const formatVersion = input.formatVersion ?? input.carry?.formatVersion ?? null;
  if (formatVersion !== null && (!Number.isSafeInteger(formatVersion) || formatVersion < 1)) {
    return invalid('formatVersion must be a positive integer', 'formatVersion');
  }
  const batchSize = input.fanOut?.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    return invalid(`batchSize must be an integer 1–${MAX_BATCH_SIZE}`, 'fanOut.batchSize');
  }
  const batchesPerRun =
    input.fanOut?.batchesPerRun ??
    Math.max(1, Math.min(DEFAULT_BATCHES_PER_RUN, Math.floor(MAX_CHILDREN_PER_RUN / batchSize)));
  if (
    !Number.isInteger(batchesPerRun) ||
    batchesPerRun < 1 ||
    batchSize * batchesPerRun > MAX_CHILDREN_PER_RUN
  ) {
    return invalid(
      `batchesPerRun must be a positive integer with batchSize × batchesPerRun ≤ ${MAX_CHILDREN_PER_RUN}`,
      'fanOut.batchesPerRun',
    );
  }
  const linger = input.lingerAfterFinalDays ?? DEFAULT_LINGER_AFTER_FINAL_DAYS;
  if (!Number.isInteger(linger) || linger < 0 || linger > 366) {
    return invalid('lingerAfterFinalDays must be an integer 0–366', 'lingerAfterFinalDays');
  }
  if (input.startedByPersonId !== null && !isId(input.startedByPersonId)) {
    return invalid('startedByPersonId must be a person id or null', 'startedByPersonId');
  }
  if (input.region !== undefined && !SCHOOL_REGIONS.includes(input.region)) {
    return invalid(`region must be one of ${SCHOOL_REGIONS.join(', ')}`, 'region');
  }
  if (input.title !== undefined && !isText(input.title, 200)) {
    return invalid('title must be a non-empty text of at most 200 characters', 'title');
  }
  return {
    organisationId: input.organisationId,
    accountingYear: input.accountingYear,
    schoolIds: [...input.schoolIds],
    deadline: isoOf(deadlineMs),
    reminderPolicy,
    maxOverdueReminders,
    formatVersion,
    startedByPersonId: input.startedByPersonId,
    title: input.title ?? `Verantwoording ${input.accountingYear}`,
    batchSize,
    batchesPerRun,
    lingerAfterFinalDays: linger,
    ...(input.region ? { region: input.region } : {}),
  };
}

/** For the api: the refusal (→ 400) or null. */
export function validateAccountabilityCycleInput(
  input: AccountabilityCycleInput,
  nowMs: number,
): AccountabilityRefusal | null {
  const resolved = resolveAccountabilityCycleInput(input, nowMs);
  return isRefusal(resolved) ? resolved : null;
}

export function checkSchoolInput(input: SchoolAccountabilityInput): AccountabilityRefusal | null {
  if (typeof input !== 'object' || input === null) return invalid('input is required', 'input');
  for (const field of ['organisationId', 'schoolId', 'cycleWorkflowId'] as const) {
    if (!isId(input[field])) return invalid(`${field} is required`, field);
  }
  if (parseInstant(input.deadline) === null) {
    return refusal('VALIDATION', 'INVALID_DEADLINE', 'deadline', 'validation.notInstant', {
      field: 'deadline',
    });
  }
  if (!Number.isSafeInteger(input.formatVersion) || input.formatVersion < 1) {
    return invalid('formatVersion must be a positive integer', 'formatVersion');
  }
  if (!Number.isInteger(input.maxOverdueReminders) || input.maxOverdueReminders < 0) {
    return invalid('maxOverdueReminders must be a non-negative integer', 'maxOverdueReminders');
  }
  if (!Number.isInteger(input.lingerAfterFinalDays) || input.lingerAfterFinalDays < 0) {
    return invalid('lingerAfterFinalDays must be a non-negative integer', 'lingerAfterFinalDays');
  }
  return checkPolicy(input.reminderPolicy);
}

export { isRefusal };

// ---------------------------------------------------------------------------------------------
// Timers of a school
// ---------------------------------------------------------------------------------------------

/** What the school workflow needs to know to choose its next timer. */
export interface SchoolTimingState {
  status: SchoolAccountabilityStatus;
  invited: boolean;
  invitationAtMs: number;
  deadlineMs: number;
  /** 1 for the original deadline, +1 per extension. */
  generation: number;
  /** The generation whose escalation went out (0: none). */
  escalatedGeneration: number;
  /** Last reminder before the deadline of this generation. */
  lastReminderAtMs: number | null;
  /** Weekly overdue reminders sent in this generation. */
  overdueSent: number;
  lastOverdueAtMs: number | null;
  policy: ReminderPolicy;
  maxOverdueReminders: number;
  /** Which days count for dates that address the school (schoolCalendar); absent: the default. */
  calendar?: BusinessDayOptions;
  /**
   * The cycle sends the reminders before the original deadline (generation 1): see
   * SchoolAccountabilityInput.remindersByCycle.
   */
  remindersByCycle?: boolean;
}

export interface TimedAction {
  kind: TimedActionKind;
  atMs: number;
  /** Step of the idempotency key `${workflowId}:${step}:${recipient}`; unique per occurrence. */
  step: string;
}

/**
 * The next timed step of a school, or null when it waits only for people (submitted, waiting
 * for review; final; or out of overdue reminders). Times come from the domain's schedule:
 * reminders on business days at the policy's hour, the escalation on the next business day
 * after the deadline's date at 09:00, weekly overdue reminders on business days at 09:00.
 * - Before the deadline, a school that owes a submission (not started, draft, or returned for
 *   correction) is reminded at the policy's times; then the deadline itself is the timer.
 * - Past the deadline, a school that never submitted becomes late at once; a late school is
 *   escalated once per deadline; a school that still owes a submission (late, or returned)
 *   gets weekly overdue reminders, at most maxOverdueReminders per deadline.
 */
export function nextTimedAction(s: SchoolTimingState, nowMs: number): TimedAction | null {
  const gen = s.generation;
  if (!s.invited) return { kind: 'invitation', atMs: s.invitationAtMs, step: INVITATION_STEP };
  if (isFinalAccountabilityStatus(s.status) || s.status === 'submitted') return null;
  const deadline = new Date(s.deadlineMs);
  if (nowMs <= s.deadlineMs) {
    const from = Math.max(nowMs, s.lastReminderAtMs ?? nowMs);
    const [reminder] =
      s.remindersByCycle && gen === 1
        ? []
        : reminderTimes(deadline, s.policy, new Date(from), s.calendar);
    if (reminder)
      return { kind: 'reminder', atMs: reminder.getTime(), step: reminderStep(gen, reminder) };
    return { kind: 'deadline', atMs: s.deadlineMs + 1, step: `deadline-d${gen}` };
  }
  if (s.status === 'not_started' || s.status === 'draft') {
    return { kind: 'deadline', atMs: nowMs, step: `deadline-d${gen}` };
  }
  const candidates: TimedAction[] = [];
  if (s.status === 'late' && s.escalatedGeneration !== gen) {
    candidates.push({
      kind: 'escalation',
      atMs: escalationTime(deadline).getTime(),
      step: `escalation-d${gen}`,
    });
  }
  if (s.overdueSent < s.maxOverdueReminders) {
    const after = new Date(Math.max(s.deadlineMs, s.lastOverdueAtMs ?? s.deadlineMs));
    const [overdue] = weeklyOverdueReminders(deadline, after, 1, s.calendar);
    if (overdue) {
      candidates.push({
        kind: 'overdue',
        atMs: overdue.getTime(),
        step: `overdue-d${gen}-${amsterdamDate(overdue)}`,
      });
    }
  }
  // Earliest first; on a tie the escalation (listed first) goes before the reminder.
  return candidates.reduce<TimedAction | null>(
    (a, b) => (a === null || b.atMs < a.atMs ? b : a),
    null,
  );
}

/** Step of a reminder before the deadline of generation `gen`: `reminder-d<gen>-<Amsterdam date>`. */
export function reminderStep(gen: number, at: Date): string {
  return `reminder-d${gen}-${amsterdamDate(at)}`;
}

/**
 * The reminders a cycle sends for its schools (SchoolAccountabilityInput.remindersByCycle), when
 * its fan-out has ended at `nowMs`: the reminders of the original deadline that a school started
 * now would send itself. Its invitation goes out at the first business moment of the school
 * calendar; each reminder comes at the policy's times after it, on the schools' business days.
 */
export function cycleReminders(
  input: Pick<
    SchoolAccountabilityInput,
    'deadline' | 'reminderPolicy' | 'maxOverdueReminders' | 'region'
  >,
  nowMs: number,
): TimedAction[] {
  const timing = initialSchoolTiming(input, nowMs);
  return reminderTimes(
    new Date(timing.deadlineMs),
    timing.policy,
    new Date(timing.invitationAtMs),
    timing.calendar,
  ).map((at) => ({ kind: 'reminder', atMs: at.getTime(), step: reminderStep(1, at) }));
}

/**
 * How early a school workflow started with a delay wakes before its first timed action: it then
 * plans that action itself, from its own clock (a reminder due at the very moment it wakes would
 * otherwise lie in its past).
 */
export const WAKE_BEFORE_FIRST_ACTION_MS = 5 * 60_000;

/**
 * The first timed action of a school workflow started at `nowMs` with this input, computed the
 * way the workflow computes it: the invitation at the first business moment, or, for a school the
 * fan-out already invited, its first reminder (or the deadline). The fan-out starts the school
 * with a start delay until shortly before it, so the workflow runs no code until it has
 * something to do (or an Update wakes it).
 */
export function firstTimedAction(
  input: Pick<
    SchoolAccountabilityInput,
    | 'deadline'
    | 'reminderPolicy'
    | 'maxOverdueReminders'
    | 'invitation'
    | 'region'
    | 'remindersByCycle'
  >,
  nowMs: number,
): TimedAction | null {
  return nextTimedAction(
    { ...initialSchoolTiming(input, nowMs), invited: input.invitation !== undefined },
    nowMs,
  );
}

/** A school's timing when its workflow starts at `nowMs`: not invited yet, nothing sent. */
export function initialSchoolTiming(
  input: Pick<
    SchoolAccountabilityInput,
    'deadline' | 'reminderPolicy' | 'maxOverdueReminders' | 'region' | 'remindersByCycle'
  >,
  nowMs: number,
): SchoolTimingState {
  // The school's calendar: its region's school holidays are no business days (issue #15).
  const calendar = input.region ? schoolCalendar(input.region) : undefined;
  return {
    status: 'not_started',
    invited: false,
    invitationAtMs: nextBusinessMoment(new Date(nowMs), DEFAULT_BUSINESS_HOURS, calendar).getTime(),
    deadlineMs: Date.parse(input.deadline),
    generation: 1,
    escalatedGeneration: 0,
    lastReminderAtMs: null,
    overdueSent: 0,
    lastOverdueAtMs: null,
    policy: input.reminderPolicy,
    maxOverdueReminders: input.maxOverdueReminders,
    ...(calendar ? { calendar } : {}),
    ...(input.remindersByCycle === true ? { remindersByCycle: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Refusals of commands
// ---------------------------------------------------------------------------------------------

export interface SchoolCommandState {
  status: SchoolAccountabilityStatus;
  version: number;
  submissionId: string | null;
  submissionIds: readonly string[];
  deadlineMs: number;
}

function finalRefusal(status: SchoolAccountabilityStatus): AccountabilityRefusal | null {
  if (status === 'accepted') {
    return refusal('CONFLICT', 'ALREADY_ACCEPTED', undefined, 'refusal.accountabilityAccepted');
  }
  if (status === 'waived') {
    return refusal('CONFLICT', 'WAIVED', undefined, 'refusal.accountabilityWaived');
  }
  return null;
}

/** null: accept. `'duplicate'`: the same submission again (a retry): answer as before. */
export function submitRefusal(
  s: SchoolCommandState,
  cmd: SubmitAccountabilityInput,
): AccountabilityRefusal | 'duplicate' | null {
  if (typeof cmd !== 'object' || cmd === null) return invalid('input is required', 'input');
  if (!isId(cmd.actorPersonId)) return invalid('actorPersonId is required', 'actorPersonId');
  if (!isId(cmd.submissionId)) return invalid('submissionId is required', 'submissionId');
  const final = finalRefusal(s.status);
  if (final) return final;
  if (cmd.submissionId === s.submissionId && s.status === 'submitted') return 'duplicate';
  if (s.submissionIds.includes(cmd.submissionId)) {
    return refusal(
      'CONFLICT',
      'SUBMISSION_SUPERSEDED',
      'submissionId',
      'refusal.submissionHandled',
    );
  }
  if (s.status === 'submitted') {
    return refusal('CONFLICT', 'ALREADY_SUBMITTED', undefined, 'refusal.waitingForReview', {
      version: s.version,
    });
  }
  if (s.version >= MAX_SUBMISSION_VERSIONS) {
    return refusal('RULE_VIOLATION', 'TOO_MANY_VERSIONS', undefined, 'refusal.tooManyVersions', {
      max: MAX_SUBMISSION_VERSIONS,
    });
  }
  return null;
}

export function reviewRefusal(
  s: SchoolCommandState,
  cmd: ReviewSubmissionInput,
): AccountabilityRefusal | null {
  if (typeof cmd !== 'object' || cmd === null) return invalid('input is required', 'input');
  if (!isId(cmd.actorPersonId)) return invalid('actorPersonId is required', 'actorPersonId');
  if (cmd.decision !== 'accept' && cmd.decision !== 'return') {
    return invalid("decision must be 'accept' or 'return'", 'decision');
  }
  if (
    cmd.comments !== undefined &&
    (typeof cmd.comments !== 'string' || cmd.comments.length > MAX_TEXT_LENGTH)
  ) {
    return invalid(`comments must be a text of at most ${MAX_TEXT_LENGTH} characters`, 'comments');
  }
  if (cmd.decision === 'return' && !isText(cmd.comments)) {
    return refusal('VALIDATION', 'COMMENTS_REQUIRED', 'comments', 'refusal.returnNeedsComments');
  }
  if (cmd.version !== undefined && (!Number.isInteger(cmd.version) || cmd.version < 1)) {
    return invalid('version must be a positive integer', 'version');
  }
  const final = finalRefusal(s.status);
  if (final) return final;
  if (s.status !== 'submitted') {
    return refusal('CONFLICT', 'NOT_SUBMITTED', undefined, 'refusal.nothingToReview', {
      status: s.status,
    });
  }
  if (cmd.version !== undefined && cmd.version !== s.version) {
    return refusal('CONFLICT', 'STALE_VERSION', 'version', 'refusal.otherVersionCurrent', {
      reviewed: cmd.version,
      current: s.version,
    });
  }
  return null;
}

export function extendRefusal(
  s: SchoolCommandState,
  cmd: ExtendSchoolDeadlineInput,
  nowMs: number,
): AccountabilityRefusal | { deadlineMs: number } {
  if (typeof cmd !== 'object' || cmd === null) return invalid('input is required', 'input');
  if (!isId(cmd.actorPersonId)) return invalid('actorPersonId is required', 'actorPersonId');
  const final = finalRefusal(s.status);
  if (final) return final;
  const deadlineMs = parseInstant(cmd.deadline);
  if (deadlineMs === null) {
    return refusal('VALIDATION', 'INVALID_DEADLINE', 'deadline', 'validation.notInstant', {
      field: 'deadline',
    });
  }
  if (deadlineMs <= nowMs) {
    return refusal('VALIDATION', 'DEADLINE_IN_PAST', 'deadline', 'refusal.extensionPast');
  }
  if (deadlineMs <= s.deadlineMs) {
    return refusal('VALIDATION', 'DEADLINE_NOT_LATER', 'deadline', 'refusal.extensionNotLater', {
      current: isoOf(s.deadlineMs),
    });
  }
  if (deadlineMs > nowMs + MAX_EXTENSION_DAYS * DAY_MS) {
    return refusal('VALIDATION', 'DEADLINE_TOO_FAR', 'deadline', 'refusal.extensionTooFar', {
      days: MAX_EXTENSION_DAYS,
    });
  }
  return { deadlineMs };
}

/** A reminder goes only to a school that still owes a submission (not started, draft, late, returned). */
export function remindNowRefusal(
  s: SchoolCommandState,
  cmd: RemindSchoolNowInput,
): AccountabilityRefusal | null {
  if (typeof cmd !== 'object' || cmd === null) return invalid('input is required', 'input');
  if (!isId(cmd.actorPersonId)) return invalid('actorPersonId is required', 'actorPersonId');
  if (!isId(cmd.requestId)) return invalid('requestId is required', 'requestId');
  const final = finalRefusal(s.status);
  if (final) return final;
  if (s.status === 'submitted') {
    return refusal('CONFLICT', 'ALREADY_SUBMITTED', undefined, 'refusal.waitingForReview', {
      version: s.version,
    });
  }
  return null;
}

export function waiveRefusal(
  s: SchoolCommandState,
  cmd: WaiveSchoolInput,
): AccountabilityRefusal | null {
  if (typeof cmd !== 'object' || cmd === null) return invalid('input is required', 'input');
  if (!isId(cmd.actorPersonId)) return invalid('actorPersonId is required', 'actorPersonId');
  if (!isText(cmd.reason)) {
    return refusal('VALIDATION', 'INVALID_INPUT', 'reason', 'refusal.waiverReason');
  }
  return finalRefusal(s.status);
}

// ---------------------------------------------------------------------------------------------
// Preview of a school's dates
// ---------------------------------------------------------------------------------------------

/** Every date a school that never submits would see, as its workflow plans them. */
export interface SchoolSchedulePreview {
  invitationAt: string;
  /** Reminders before the deadline, ascending. */
  reminders: string[];
  deadline: string;
  /** The escalation to the board's bestuurder and the ECT member (null: none planned). */
  escalationAt: string | null;
  /** The first weekly overdue reminders (at most `overdueShown`). */
  overdueReminders: string[];
  /** How many overdue reminders the workflow sends at most. */
  maxOverdueReminders: number;
}

/**
 * The dates of a school started at `nowMs` that does not submit: the invitation, the
 * reminders, the deadline, the escalation and the first weekly overdue reminders. Computed by
 * stepping `nextTimedAction` as the school workflow does (same calendar, same business hours),
 * so the start page's preview and the workflow cannot disagree.
 */
export function schoolSchedulePreview(
  input: Pick<
    SchoolAccountabilityInput,
    'deadline' | 'reminderPolicy' | 'maxOverdueReminders' | 'region'
  >,
  nowMs: number,
  overdueShown = 3,
): SchoolSchedulePreview {
  const timing = initialSchoolTiming(input, nowMs);
  const preview: SchoolSchedulePreview = {
    invitationAt: isoOf(timing.invitationAtMs),
    reminders: [],
    deadline: isoOf(timing.deadlineMs),
    escalationAt: null,
    overdueReminders: [],
    maxOverdueReminders: input.maxOverdueReminders,
  };
  let at = nowMs;
  // Bounded: invitation, the reminders, deadline, escalation and the overdue reminders shown.
  for (let i = 0; i < 200; i++) {
    const action = nextTimedAction(timing, at);
    if (action === null) break;
    at = Math.max(at, action.atMs);
    if (action.kind === 'invitation') {
      timing.invited = true;
      preview.invitationAt = isoOf(action.atMs);
    } else if (action.kind === 'reminder') {
      timing.lastReminderAtMs = action.atMs;
      preview.reminders.push(isoOf(action.atMs));
    } else if (action.kind === 'deadline') {
      timing.status = 'late';
    } else if (action.kind === 'escalation') {
      timing.escalatedGeneration = timing.generation;
      preview.escalationAt = isoOf(action.atMs);
    } else {
      if (preview.overdueReminders.length >= overdueShown) break;
      timing.overdueSent += 1;
      timing.lastOverdueAtMs = action.atMs;
      preview.overdueReminders.push(isoOf(action.atMs));
    }
  }
  return preview;
}
