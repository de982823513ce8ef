/**
 * schoolAccountabilityWorkflow — one school's 1 February accountability (verantwoording,
 * docs/domain.md §2; docs/domain.md, source 001 §7.4) for one accounting year. Workflow id
 * `accountability:<organisationId>:<year>:school:<schoolId>`, started by the cycle's fan-out.
 *
 * What it guarantees:
 * - The school's contacts get an invitation and a 'submit' task with the deadline, at the
 *   first business moment (never at night or on a holiday), then reminders at the domain's
 *   reminder times while they have not submitted (with input `remindersByCycle`, the cycle
 *   sends those of the original deadline for all its schools at once, under this workflow's
 *   keys; this workflow then sleeps until its deadline). When the fan-out invited them already (in
 *   business hours; input `invitation`), the workflow records that and only reminds. The
 *   fan-out starts it asleep (a start delay) until shortly before its first step; it then
 *   plans that step from its own clock, and an Update wakes it earlier.
 * - A deadline missed without a submission makes the school late; the escalation goes to
 *   exactly the board's bestuurder and the school's ECT member, once per deadline, on the
 *   next business day at 09:00; weekly overdue reminders follow until the school submits, the
 *   secretariat waives or extends, or the configured number of reminders is reached.
 * - Submissions are ids of rows the api stored and validated against the cycle's format
 *   version, which is pinned at start. Each submission gets the next version; a returned
 *   submission is corrected as a new one. Nothing is accepted after acceptance or waiver.
 * - On acceptance the underspending (received minus spent, never negative) is computed from
 *   the year's allocation and recorded once as a deduction for the next allocation.
 * - Every side effect carries the idempotency key `${workflowId}:${step}:${recipient}` with a
 *   step that is unique per occurrence (e.g. `reminder-d1-2027-01-12`), so retries and
 *   replays never repeat it. The status read model and the audit log are written by
 *   `recordStatus` on every change.
 *
 * Structure: Update handlers only check and change state and queue an effect; the main loop
 * performs queued effects (activities) in order and otherwise waits for the next timer from
 * `nextTimedAction`, re-planned whenever a command changes the state. After acceptance or
 * waiver the workflow stays queryable (and refuses commands with CONFLICT) for
 * `lingerAfterFinalDays`, then completes.
 *
 * History size: per school a handful of events per reminder, submission or review, with at
 * most MAX_SUBMISSION_VERSIONS versions and maxOverdueReminders overdue reminders per
 * deadline: a few hundred events, far below Temporal's limits, so no continue-as-new.
 */
import {
  DEFAULT_BUSINESS_HOURS,
  type SchoolAccountabilityStatus,
  daysLate,
  nextBusinessMoment,
  deductionAllocationYear,
  isFinalAccountabilityStatus,
  reminderTimes,
  underspendingDeductionReason,
} from '@jaarcyclus/domain';
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { sideEffectKey, stepKey, submitTaskRef as submitTaskRefOf } from '../ids';
import {
  type SchoolCommandState,
  type SchoolTimingState,
  type TimedAction,
  checkSchoolInput,
  extendRefusal,
  initialSchoolTiming,
  isRefusal,
  isoOf,
  nextTimedAction,
  refuseIf,
  remindNowRefusal,
  reviewRefusal,
  submitRefusal,
  throwAccountabilityRefusal,
  waiveRefusal,
} from './accountability.logic';
import {
  extendSchoolDeadlineUpdate,
  getSchoolAccountabilityQuery,
  recordDraftUpdate,
  remindSchoolNowUpdate,
  reviewSubmissionUpdate,
  saveDraftSignal,
  submitAccountabilityUpdate,
  waiveSchoolUpdate,
} from './accountability.messages';
import type {
  AccountabilityActivities,
  RecordSchoolStatusInput,
  SaveDraftInput,
  SchoolAccountabilityEvent,
  SchoolAccountabilityEventCode,
  SchoolAccountabilityInput,
  SchoolAccountabilityView,
  SchoolContacts,
  SubmitAccountabilityResult,
  UnderspendingFigures,
} from './accountability.types';

const RETRY = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
} as const;
const DAY_MS = 86_400_000;

/** Work the main loop performs for a command (handlers never call activities themselves). */
type Effect =
  | {
      kind: 'submitted';
      actorPersonId: string;
      submissionId: string;
      version: number;
      daysLate: number;
    }
  | { kind: 'draft'; actorPersonId: string }
  | {
      kind: 'returned';
      actorPersonId: string;
      submissionId: string;
      version: number;
      comments: string;
    }
  | { kind: 'accepted'; actorPersonId: string; submissionId: string; version: number }
  | { kind: 'extended'; actorPersonId: string; previousDeadline: string; generation: number }
  | { kind: 'waived'; actorPersonId: string; reason: string }
  /** Nothing to do but plan again: a reminder of the secretariat is now waiting. */
  | { kind: 'replan' };

export interface SchoolAccountabilityResult {
  workflowId: string;
  status: SchoolAccountabilityStatus;
  version: number;
  deductionCents: number;
}

export async function schoolAccountabilityWorkflow(
  input: SchoolAccountabilityInput,
): Promise<SchoolAccountabilityResult> {
  const inputRefusal = checkSchoolInput(input);
  if (inputRefusal) {
    throw ApplicationFailure.create({
      type: inputRefusal.code,
      message: inputRefusal.message,
      nonRetryable: true,
      details: [{ reason: inputRefusal.reason, field: inputRefusal.field }],
    });
  }
  const workflowId = workflowInfo().workflowId;
  const acts = proxyActivities<AccountabilityActivities>({
    startToCloseTimeout: '1 minute',
    retry: RETRY,
  });
  // A reminder's lookup and mail in one local activity: it runs inside the workflow task
  // that the reminder's timer wakes, so a reminder costs one workflow task instead of three
  // (timer, lookup, mail) and no activity task (bench:reminders, BENCHMARKS.md). Its mails go
  // through the outbox under the same keys, so a retried workflow task sends nothing twice.
  const local = proxyLocalActivities<AccountabilityActivities>({
    startToCloseTimeout: '1 minute',
    retry: RETRY,
  });
  const startedAtMs = Date.now();

  // Runs from before the school calendar keep the default calendar on replay.
  const usesSchoolCalendar =
    input.region !== undefined && patched('accountability-school-calendar');
  const { region: _region, ...withoutRegion } = input;
  const timing: SchoolTimingState = initialSchoolTiming(
    usesSchoolCalendar ? input : withoutRegion,
    startedAtMs,
  );
  const state = {
    hasDraft: false,
    version: 0,
    submissionId: null as string | null,
    submissionIds: [] as string[],
    submittedAtMs: null as number | null,
    lateSinceMs: null as number | null,
    /** Days late frozen when lateness ended by a submission or a waiver (0: on time). */
    frozenDaysLate: 0,
    acceptedAtMs: null as number | null,
    waiver: null as SchoolAccountabilityView['waiver'],
    underspending: null as UnderspendingFigures | null,
    deduction: null as SchoolAccountabilityView['deduction'],
    statusWrites: 0,
  };
  const history: SchoolAccountabilityEvent[] = [];
  const effects: Effect[] = [];

  const now = (): number => Date.now();
  const addEvent = (
    code: SchoolAccountabilityEventCode,
    fields: Omit<SchoolAccountabilityEvent, 'at' | 'code'> = {},
  ): SchoolAccountabilityEvent => {
    const event: SchoolAccountabilityEvent = { at: isoOf(now()), code, ...fields };
    history.push(event);
    return event;
  };
  const currentDaysLate = (): number =>
    timing.status === 'late'
      ? daysLate(new Date(timing.deadlineMs), new Date(now()))
      : state.frozenDaysLate;
  const commandState = (): SchoolCommandState => ({
    status: timing.status,
    version: state.version,
    submissionId: state.submissionId,
    submissionIds: state.submissionIds,
    deadlineMs: timing.deadlineMs,
  });
  const key = (step: string): string => stepKey(workflowId, step);
  const context = (step: string, atMs = now()) => ({
    organisationId: input.organisationId,
    workflowId,
    accountingYear: input.accountingYear,
    schoolId: input.schoolId,
    formatVersion: input.formatVersion,
    idempotencyKeyPrefix: key(step),
    at: isoOf(atMs),
  });
  const submitTaskRef = (version: number): string => submitTaskRefOf(input.accountingYear, version);
  const reviewTaskRef = (version: number): string =>
    `accountability:${input.accountingYear}:review:v${version}`;

  /** Writes the read model and appends the audit event for the latest history event. */
  const recordStatus = (
    event: SchoolAccountabilityEvent,
    submission?: RecordSchoolStatusInput['submission'],
  ): Promise<void> => {
    state.statusWrites += 1;
    return acts.recordStatus({
      organisationId: input.organisationId,
      workflowId,
      cycleWorkflowId: input.cycleWorkflowId,
      accountingYear: input.accountingYear,
      schoolId: input.schoolId,
      formatVersion: input.formatVersion,
      status: timing.status,
      version: state.version,
      submissionId: state.submissionId,
      deadline: isoOf(timing.deadlineMs),
      daysLate: currentDaysLate(),
      submittedAt: state.submittedAtMs === null ? null : isoOf(state.submittedAtMs),
      lateSince: state.lateSinceMs === null ? null : isoOf(state.lateSinceMs),
      ...(submission ? { submission } : {}),
      audit: {
        idempotencyKey: sideEffectKey(key(`status-${state.statusWrites}`), input.schoolId),
        action: event.code,
        actorPersonId: event.actorPersonId ?? null,
        occurredAt: event.at,
        payload: { ...(event.data ?? {}), ...(event.version ? { version: event.version } : {}) },
      },
    });
  };
  const contacts = (): Promise<SchoolContacts> =>
    acts.loadSchoolContacts({ organisationId: input.organisationId, schoolId: input.schoolId });

  // ---- message handlers: registered before the first await, so no early message is lost ----

  setHandler(
    submitAccountabilityUpdate,
    (cmd): Promise<SubmitAccountabilityResult> => {
      const refusal = submitRefusal(commandState(), cmd);
      if (refusal !== null && refusal !== 'duplicate') throwAccountabilityRefusal(refusal);
      if (refusal === null) {
        const at = now();
        const lateDays = daysLate(new Date(timing.deadlineMs), new Date(at));
        // Punctuality counts once: a correction after a return does not make a school late.
        if (state.version === 0) state.frozenDaysLate = lateDays;
        state.version += 1;
        state.submissionId = cmd.submissionId;
        state.submissionIds.push(cmd.submissionId);
        state.submittedAtMs = at;
        timing.status = 'submitted';
        addEvent('submitted', {
          actorPersonId: cmd.actorPersonId,
          version: state.version,
          data: { submissionId: cmd.submissionId, daysLate: lateDays },
        });
        effects.push({
          kind: 'submitted',
          actorPersonId: cmd.actorPersonId,
          submissionId: cmd.submissionId,
          version: state.version,
          daysLate: lateDays,
        });
      }
      return Promise.resolve({
        status: timing.status,
        version: state.version,
        submittedAt: isoOf(state.submittedAtMs ?? now()),
        daysLate: state.frozenDaysLate,
      });
    },
    {
      validator: (cmd) => {
        const refusal = submitRefusal(commandState(), cmd);
        if (refusal !== null && refusal !== 'duplicate') throwAccountabilityRefusal(refusal);
      },
    },
  );

  setHandler(
    reviewSubmissionUpdate,
    (cmd) => {
      refuseIf(reviewRefusal(commandState(), cmd));
      const submissionId = state.submissionId!;
      if (cmd.decision === 'accept') {
        timing.status = 'accepted';
        state.acceptedAtMs = now();
        addEvent('accepted', {
          actorPersonId: cmd.actorPersonId,
          version: state.version,
          data: { submissionId },
        });
        effects.push({
          kind: 'accepted',
          actorPersonId: cmd.actorPersonId,
          submissionId,
          version: state.version,
        });
      } else {
        const comments = (cmd.comments ?? '').trim();
        timing.status = 'returned';
        addEvent('returned', {
          actorPersonId: cmd.actorPersonId,
          version: state.version,
          data: { submissionId, comments },
        });
        effects.push({
          kind: 'returned',
          actorPersonId: cmd.actorPersonId,
          submissionId,
          version: state.version,
          comments,
        });
      }
      return Promise.resolve({
        status: timing.status,
        version: state.version,
        reviewedAt: isoOf(now()),
      });
    },
    { validator: (cmd) => refuseIf(reviewRefusal(commandState(), cmd)) },
  );

  setHandler(
    extendSchoolDeadlineUpdate,
    (cmd) => {
      const checked = extendRefusal(commandState(), cmd, now());
      if (isRefusal(checked)) throwAccountabilityRefusal(checked);
      const previousDeadline = isoOf(timing.deadlineMs);
      if (timing.status === 'late') {
        // Late against the old deadline, not against the new one.
        timing.status = state.hasDraft ? 'draft' : 'not_started';
        state.lateSinceMs = null;
        state.frozenDaysLate = 0;
      }
      timing.deadlineMs = checked.deadlineMs;
      timing.generation += 1;
      timing.lastReminderAtMs = null;
      timing.overdueSent = 0;
      timing.lastOverdueAtMs = null;
      addEvent('deadline_extended', {
        actorPersonId: cmd.actorPersonId,
        data: {
          previousDeadline,
          deadline: isoOf(checked.deadlineMs),
          generation: timing.generation,
        },
      });
      effects.push({
        kind: 'extended',
        actorPersonId: cmd.actorPersonId,
        previousDeadline,
        generation: timing.generation,
      });
      const reminders = reminderTimes(
        new Date(checked.deadlineMs),
        timing.policy,
        new Date(now()),
        timing.calendar,
      ).map((d) => d.toISOString());
      return Promise.resolve({
        deadline: isoOf(checked.deadlineMs),
        deadlineGeneration: timing.generation,
        status: timing.status,
        reminders,
      });
    },
    {
      validator: (cmd) => {
        const checked = extendRefusal(commandState(), cmd, now());
        if (isRefusal(checked)) throwAccountabilityRefusal(checked);
      },
    },
  );

  setHandler(
    waiveSchoolUpdate,
    (cmd) => {
      refuseIf(waiveRefusal(commandState(), cmd));
      const at = now();
      state.frozenDaysLate = currentDaysLate();
      timing.status = 'waived';
      state.waiver = { reason: cmd.reason.trim(), actorPersonId: cmd.actorPersonId, at: isoOf(at) };
      addEvent('waived', { actorPersonId: cmd.actorPersonId, data: { reason: cmd.reason.trim() } });
      effects.push({ kind: 'waived', actorPersonId: cmd.actorPersonId, reason: cmd.reason.trim() });
      return Promise.resolve({ status: timing.status, waivedAt: isoOf(at) });
    },
    { validator: (cmd) => refuseIf(waiveRefusal(commandState(), cmd)) },
  );

  // The secretariat's "Herinner nu" (patch accountability-remind-now): one reminder waits at a
  // time, at the school's next business moment; a request seen before (a double click) or one
  // while a reminder waits changes nothing. Without the patch (runs recorded before it) there is
  // no handler, and `remindNow.atMs` stays null, so the main loop plans exactly as before.
  const remindNow = {
    atMs: null as number | null,
    actorPersonId: '',
    lastRequestId: null as string | null,
    sent: 0,
  };
  if (patched('accountability-remind-now')) {
    setHandler(
      remindSchoolNowUpdate,
      (cmd) => {
        refuseIf(remindNowRefusal(commandState(), cmd));
        if (remindNow.atMs !== null || cmd.requestId === remindNow.lastRequestId) {
          return Promise.resolve({ queued: false, at: isoOf(remindNow.atMs ?? now()) });
        }
        remindNow.lastRequestId = cmd.requestId;
        remindNow.actorPersonId = cmd.actorPersonId;
        remindNow.atMs = nextBusinessMoment(
          new Date(now()),
          DEFAULT_BUSINESS_HOURS,
          timing.calendar,
        ).getTime();
        effects.push({ kind: 'replan' });
        return Promise.resolve({ queued: true, at: isoOf(remindNow.atMs) });
      },
      { validator: (cmd) => refuseIf(remindNowRefusal(commandState(), cmd)) },
    );
  }

  /** Never refused: anything but a first draft of a school that has not started is ignored. */
  const recordDraft = (cmd: SaveDraftInput | undefined): void => {
    if (typeof cmd?.actorPersonId !== 'string' || cmd.actorPersonId === '') return;
    if (isFinalAccountabilityStatus(timing.status)) return;
    // Remembered for a late school: after an extension it is back to 'draft', not 'not_started'.
    state.hasDraft = true;
    if (timing.status !== 'not_started') return;
    timing.status = 'draft';
    addEvent('draft_saved', { actorPersonId: cmd.actorPersonId });
    effects.push({ kind: 'draft', actorPersonId: cmd.actorPersonId });
  };
  setHandler(saveDraftSignal, recordDraft);
  setHandler(recordDraftUpdate, (cmd) => {
    recordDraft(cmd);
    return Promise.resolve({ status: timing.status });
  });

  setHandler(getSchoolAccountabilityQuery, (): SchoolAccountabilityView => {
    // A reminder the cycle sends for this school (remindersByCycle) is still its next step.
    const next = nextTimedAction({ ...timing, remindersByCycle: false }, now());
    return {
      workflowId,
      cycleWorkflowId: input.cycleWorkflowId,
      organisationId: input.organisationId,
      accountingYear: input.accountingYear,
      schoolId: input.schoolId,
      formatVersion: input.formatVersion,
      status: timing.status,
      version: state.version,
      submissionId: state.submissionId,
      deadline: isoOf(timing.deadlineMs),
      deadlineGeneration: timing.generation,
      daysLate: currentDaysLate(),
      asOf: isoOf(now()),
      submittedAt: state.submittedAtMs === null ? null : isoOf(state.submittedAtMs),
      lateSince: state.lateSinceMs === null ? null : isoOf(state.lateSinceMs),
      acceptedAt: state.acceptedAtMs === null ? null : isoOf(state.acceptedAtMs),
      waiver: state.waiver ? { ...state.waiver } : null,
      underspending: state.underspending ? { ...state.underspending } : null,
      deduction: state.deduction ? { ...state.deduction } : null,
      next: next ? { kind: next.kind, at: isoOf(next.atMs) } : null,
      history: history.map((e) => ({ ...e })),
    };
  });

  // ---- timed steps ----

  const performTimed = async (action: TimedAction): Promise<void> => {
    switch (action.kind) {
      case 'invitation': {
        timing.invited = true;
        // A school that submitted before the first business moment needs no invitation.
        if (timing.status !== 'not_started' && timing.status !== 'draft') return;
        const c = await contacts();
        if (c.contactPersonIds.length === 0) {
          await recordStatus(
            addEvent('no_recipients', { data: { step: action.step, role: 'school_contact' } }),
          );
          return;
        }
        await acts.notifySchool({
          ...context(action.step, action.atMs),
          kind: 'invitation',
          recipientPersonIds: c.contactPersonIds,
          deadline: isoOf(timing.deadlineMs),
          daysLate: 0,
          task: { refKey: submitTaskRef(1), dueAt: isoOf(timing.deadlineMs) },
        });
        addEvent('invited', {
          data: { recipients: c.contactPersonIds, deadline: isoOf(timing.deadlineMs) },
        });
        return;
      }
      case 'reminder':
      case 'overdue': {
        if (action.kind === 'reminder') timing.lastReminderAtMs = action.atMs;
        else {
          timing.overdueSent += 1;
          timing.lastOverdueAtMs = action.atMs;
        }
        const kind = action.kind;
        const code = kind === 'reminder' ? 'reminder_sent' : 'overdue_reminder_sent';
        const reminder = (daysLateNow: number) => ({
          ...context(action.step, action.atMs),
          kind,
          deadline: isoOf(timing.deadlineMs),
          daysLate: daysLateNow,
          ...(timing.status === 'returned' ? { version: state.version } : {}),
        });
        let recipients: string[];
        let lateDays: number;
        if (patched('accountability-reminder-local-activity')) {
          lateDays = currentDaysLate();
          recipients = (await local.remindSchool(reminder(lateDays))).recipientPersonIds;
        } else {
          // Before the patch: the lookup and the mail as two activities, in this order.
          recipients = (await contacts()).contactPersonIds;
          lateDays = currentDaysLate();
          if (recipients.length > 0) {
            await acts.notifySchool({ ...reminder(lateDays), recipientPersonIds: recipients });
          }
        }
        if (recipients.length === 0) {
          await recordStatus(
            addEvent('no_recipients', { data: { step: action.step, role: 'school_contact' } }),
          );
          return;
        }
        addEvent(code, {
          data: { recipients, scheduledAt: isoOf(action.atMs), daysLate: lateDays },
        });
        return;
      }
      case 'deadline': {
        if (timing.status !== 'not_started' && timing.status !== 'draft') return;
        timing.status = 'late';
        state.lateSinceMs = timing.deadlineMs;
        await recordStatus(
          addEvent('deadline_passed', { data: { deadline: isoOf(timing.deadlineMs) } }),
        );
        return;
      }
      case 'escalation': {
        timing.escalatedGeneration = timing.generation;
        const c = await contacts();
        // Exactly the board's bestuurder and the school's ECT member (docs/domain.md §2), each once.
        const recipients: { personId: string; role: 'bestuurder' | 'ect_member' }[] = [];
        if (c.bestuurderPersonId)
          recipients.push({ personId: c.bestuurderPersonId, role: 'bestuurder' });
        if (c.ectMemberPersonId && c.ectMemberPersonId !== c.bestuurderPersonId) {
          recipients.push({ personId: c.ectMemberPersonId, role: 'ect_member' });
        }
        if (recipients.length === 0) {
          await recordStatus(
            addEvent('no_recipients', {
              data: { step: action.step, role: 'bestuurder/ect_member' },
            }),
          );
          return;
        }
        const lateDays = currentDaysLate();
        await acts.escalateLate({
          ...context(action.step, action.atMs),
          recipients,
          deadline: isoOf(timing.deadlineMs),
          daysLate: lateDays,
        });
        await recordStatus(addEvent('escalated', { data: { recipients, daysLate: lateDays } }));
        return;
      }
    }
  };

  /** The secretariat's reminder, if the school still owes a submission when it is due. */
  const performRemindNow = async (dueAtMs: number): Promise<void> => {
    remindNow.atMs = null;
    remindNow.sent += 1;
    const step = `remind-now-${remindNow.sent}`;
    const owes =
      timing.status === 'not_started' ||
      timing.status === 'draft' ||
      timing.status === 'late' ||
      timing.status === 'returned';
    if (!owes) return;
    const c = await contacts();
    if (c.contactPersonIds.length === 0) {
      await recordStatus(addEvent('no_recipients', { data: { step, role: 'school_contact' } }));
      return;
    }
    const lateDays = currentDaysLate();
    await acts.notifySchool({
      ...context(step, dueAtMs),
      kind: now() > timing.deadlineMs ? 'overdue' : 'reminder',
      recipientPersonIds: c.contactPersonIds,
      deadline: isoOf(timing.deadlineMs),
      daysLate: lateDays,
      ...(timing.status === 'returned' ? { version: state.version } : {}),
    });
    await recordStatus(
      addEvent('reminded_now', {
        actorPersonId: remindNow.actorPersonId,
        data: { recipients: c.contactPersonIds, daysLate: lateDays, step },
      }),
    );
  };

  // ---- effects of commands ----

  const performEffect = async (effect: Effect): Promise<void> => {
    const latest = history[history.length - 1]!;
    switch (effect.kind) {
      case 'replan':
        return;
      case 'draft':
        await recordStatus(latest);
        return;
      case 'submitted': {
        const step = `submitted-v${effect.version}`;
        await recordStatus(
          history.find((e) => e.code === 'submitted' && e.version === effect.version) ?? latest,
          { submissionId: effect.submissionId, version: effect.version, status: 'submitted' },
        );
        await acts.updateAccountabilityTasks({
          workflowId,
          kind: 'submit',
          status: 'done',
          at: isoOf(now()),
        });
        const c = await contacts();
        await acts.requestReview({
          ...context(step),
          reviewerPersonIds: c.secretariatPersonIds,
          submissionId: effect.submissionId,
          version: effect.version,
          taskRefKey: reviewTaskRef(effect.version),
          daysLate: effect.daysLate,
        });
        return;
      }
      case 'returned': {
        const step = `returned-v${effect.version}`;
        await recordStatus(
          history.find((e) => e.code === 'returned' && e.version === effect.version) ?? latest,
          {
            submissionId: effect.submissionId,
            version: effect.version,
            status: 'returned',
            reviewComments: effect.comments,
            reviewedByPersonId: effect.actorPersonId,
          },
        );
        await acts.updateAccountabilityTasks({
          workflowId,
          kind: 'review',
          refKey: reviewTaskRef(effect.version),
          status: 'done',
          at: isoOf(now()),
        });
        const c = await contacts();
        if (c.contactPersonIds.length > 0) {
          await acts.notifySchool({
            ...context(step),
            kind: 'returned',
            recipientPersonIds: c.contactPersonIds,
            deadline: isoOf(timing.deadlineMs),
            daysLate: currentDaysLate(),
            version: effect.version,
            comments: effect.comments,
            task: { refKey: submitTaskRef(effect.version + 1), dueAt: isoOf(timing.deadlineMs) },
          });
        }
        return;
      }
      case 'accepted': {
        const step = `accepted-v${effect.version}`;
        const acceptedEvent = history.find((e) => e.code === 'accepted') ?? latest;
        await acts.updateAccountabilityTasks({
          workflowId,
          kind: 'review',
          refKey: reviewTaskRef(effect.version),
          status: 'done',
          at: isoOf(now()),
        });
        const figures = await acts.computeUnderspending({
          organisationId: input.organisationId,
          accountingYear: input.accountingYear,
          schoolId: input.schoolId,
          submissionId: effect.submissionId,
          formatVersion: input.formatVersion,
        });
        state.underspending = figures;
        addEvent('underspending_computed', { version: effect.version, data: { ...figures } });
        if (figures.underspendingCents > 0) {
          // "Is er sprake van onderbesteding, dan wordt dat bedrag gekort op de totale ontvangsten" (docs/domain.md, source 001 §7.4).
          const allocationYear = deductionAllocationYear(input.accountingYear);
          const recorded = await acts.recordDeduction({
            idempotencyKey: sideEffectKey(key('deduction'), input.schoolId),
            organisationId: input.organisationId,
            schoolId: input.schoolId,
            accountingYear: input.accountingYear,
            allocationYear,
            amountCents: figures.underspendingCents,
            reason: underspendingDeductionReason(input.accountingYear),
            submissionId: effect.submissionId,
            at: isoOf(now()),
          });
          state.deduction = {
            ...recorded,
            amountCents: figures.underspendingCents,
            allocationYear,
          };
          addEvent('deduction_recorded', {
            version: effect.version,
            data: {
              amountCents: figures.underspendingCents,
              allocationYear,
              deductionId: recorded.deductionId,
            },
          });
        }
        await recordStatus(
          {
            ...acceptedEvent,
            data: {
              ...(acceptedEvent.data ?? {}),
              underspending: figures,
              deduction: state.deduction,
            },
          },
          {
            submissionId: effect.submissionId,
            version: effect.version,
            status: 'accepted',
            reviewedByPersonId: effect.actorPersonId,
          },
        );
        const c = await contacts();
        if (c.contactPersonIds.length > 0) {
          await acts.notifySchool({
            ...context(step),
            kind: 'accepted',
            recipientPersonIds: c.contactPersonIds,
            deadline: isoOf(timing.deadlineMs),
            daysLate: currentDaysLate(),
            version: effect.version,
            underspending: figures,
          });
        }
        return;
      }
      case 'extended': {
        const event =
          history.find(
            (e) => e.code === 'deadline_extended' && e.data?.generation === effect.generation,
          ) ?? latest;
        await recordStatus(event);
        await acts.updateAccountabilityTasks({
          workflowId,
          kind: 'submit',
          dueAt: isoOf(timing.deadlineMs),
          at: isoOf(now()),
        });
        if (
          timing.status === 'not_started' ||
          timing.status === 'draft' ||
          timing.status === 'returned'
        ) {
          const c = await contacts();
          if (c.contactPersonIds.length > 0) {
            await acts.notifySchool({
              ...context(`extended-d${effect.generation}`),
              kind: 'deadline_extended',
              recipientPersonIds: c.contactPersonIds,
              deadline: isoOf(timing.deadlineMs),
              daysLate: 0,
            });
          }
        }
        return;
      }
      case 'waived': {
        const event = history.find((e) => e.code === 'waived') ?? latest;
        await recordStatus(event);
        await acts.updateAccountabilityTasks({
          workflowId,
          kind: 'submit',
          status: 'cancelled',
          at: isoOf(now()),
        });
        await acts.updateAccountabilityTasks({
          workflowId,
          kind: 'review',
          status: 'cancelled',
          at: isoOf(now()),
        });
        const c = await contacts();
        if (c.contactPersonIds.length > 0) {
          await acts.notifySchool({
            ...context('waived'),
            kind: 'waived',
            recipientPersonIds: c.contactPersonIds,
            deadline: isoOf(timing.deadlineMs),
            daysLate: state.frozenDaysLate,
          });
        }
        return;
      }
    }
  };

  // ---- the school's accountability ----

  const startedEvent = addEvent('started', {
    data: {
      deadline: input.deadline,
      formatVersion: input.formatVersion,
      cycleWorkflowId: input.cycleWorkflowId,
    },
  });
  if (input.startedStatusRecorded === true) {
    // Started by the fan-out activity (cycle patch `accountability-fanout-by-activity`), which
    // wrote this status row and audit event (key status-1) before starting us: the first
    // workflow task only plans the invitation. No patched() here: the branch follows the
    // input, which is part of the history, so every recorded history (none has the field)
    // replays the old branch; a patch marker would only add a marker and a search-attribute
    // update (a visibility write) to every school's start.
    state.statusWrites += 1;
  } else {
    await recordStatus(startedEvent);
  }

  if (input.invitation) {
    // Invited by the fan-out before this workflow started (see SchoolAccountabilityInput):
    // recorded as it happened, so reminders follow and no second invitation goes out.
    timing.invited = true;
    history.push({
      at: input.invitation.at,
      code: 'invited',
      data: { recipients: input.invitation.recipientPersonIds, deadline: isoOf(timing.deadlineMs) },
    });
  }

  for (;;) {
    const effect = effects.shift();
    if (effect) {
      await performEffect(effect);
      continue;
    }
    if (isFinalAccountabilityStatus(timing.status)) break;
    const action = nextTimedAction(timing, now());
    if (remindNow.atMs !== null && (action === null || remindNow.atMs <= action.atMs)) {
      const untilReminder = remindNow.atMs - now();
      if (untilReminder > 0 && (await condition(() => effects.length > 0, untilReminder))) continue;
      await performRemindNow(remindNow.atMs);
      continue;
    }
    if (action === null) {
      await condition(() => effects.length > 0);
      continue;
    }
    const waitMs = action.atMs - now();
    // A command (queued effect) re-plans: it may end, move or add timers.
    if (waitMs > 0 && (await condition(() => effects.length > 0, waitMs))) continue;
    await performTimed(action);
  }

  // Final: stay queryable and refuse commands with CONFLICT for a while, then close.
  if (input.lingerAfterFinalDays > 0) await sleep(input.lingerAfterFinalDays * DAY_MS);
  await condition(allHandlersFinished);
  addEvent('closed');
  return {
    workflowId,
    status: timing.status,
    version: state.version,
    deductionCents: state.deduction?.amountCents ?? 0,
  };
}
