/**
 * accountabilityCycleWorkflow — the 1 February accountability of one SWV for one accounting
 * year (docs/domain.md §2; docs/domain.md, source 001 §7.4). Workflow id `accountability:<organisationId>:<year>`.
 * It pins the cycle's settings (deadline, reminder policy, format version) and starts one
 * `schoolAccountabilityWorkflow` per school; the per-school state lives in each school
 * workflow and in PostgreSQL (the status rows the school workflows keep current).
 *
 * Topology (since patch FAN_OUT_BY_ACTIVITY, `accountability-fanout-by-activity`): the school
 * workflows are not children of this workflow. It hands the schools in chunks of
 * batchSize × batchesPerRun (default 100 × 5 = 500, at most 1,000) to the activity
 * `startSchoolWorkflows`, FAN_OUT_PARALLEL chunks at a time. Per chunk, that activity
 *   1. writes, in one PostgreSQL transaction, the cycle's rows when missing and every
 *      school's status row and 'started' audit event (one multi-row insert each), and
 *   2. in business hours, invites each school's contacts itself (the school workflow's own
 *      invitation step: submit task and mail through the outbox under the workflow's key),
 *      and
 *   3. starts the school workflows with the Temporal client, batchSize calls in flight (and
 *      at most MAX_STARTS_IN_FLIGHT per worker). A school whose first own step lies ahead
 *      (the invitation at the next business moment, or its first reminder once invited) is
 *      started with a start delay until shortly before it: it exists, is listed and takes
 *      Updates at once (an Update starts it early), but runs no workflow task until then.
 *      Otherwise eager start. Input `startedStatusRecorded` (the status is already written)
 *      and, when invited, `invitation`.
 * Runs started before the patch keep starting children (100 per batch, one batch at a time,
 * 5 batches per run, continue-as-new) until they continue as new; the replay tests hold
 * histories of both. Why the change (BENCHMARKS.md, bench:fanout): per school the children
 * cost the parent two history events and a share of its workflow tasks, the child a first
 * workflow task, an activity round trip (its own recordStatus) and a second workflow task;
 * now a school costs one start call (and, in business hours, its invitation), and nothing ties
 * the cycle to 2,000 pending children. The parent never tracked its children anyway (see below).
 *
 * What it guarantees:
 * - Every listed school gets exactly one school workflow
 *   (`accountability:<organisationId>:<year>:school:<schoolId>`), also when a fan-out
 *   activity is retried after a worker crash, when this workflow continues as new, or when it
 *   is started again: the id is a business key and the reuse policy REJECT_DUPLICATE makes
 *   Temporal refuse a second start, whether the first still runs or has closed; "already
 *   started" counts as success. A retried activity resumes after the schools its heartbeat
 *   reported settled. A closed school workflow's id is remembered for the namespace's
 *   retention period only; the api must not start a cycle again once its Cycle row exists
 *   (it is the guard for restarts after that period).
 * - Every school's 'started' status and audit event are written once: the fan-out writes them
 *   before it starts the school, under the same idempotency key
 *   (`<school workflow id>:status-1:<schoolId>`) the school workflow uses when it writes them
 *   itself, and never changes a status row that exists. The invitation (the first e-mail)
 *   goes out once: the fan-out and the school workflow send it under the same outbox key.
 * - The format version is pinned once per cycle (the input's, else the tenant's current one,
 *   remembered per workflow id by `pinFormatVersion`) and carried into every school and every
 *   later run, so a format published mid-fan-out or before a restart does not split a cycle
 *   over two versions.
 *
 * Temporal limits, and how the fan-out stays inside them:
 * - Pending children: none since the patch (before it: at most batchSize × batchesPerRun
 *   children per run, validated ≤ 1,000, under Temporal's limit of 2,000).
 * - History: 50k events / 50 MB per run. A run records about 6 events per fan-out activity
 *   and continues as new after FAN_OUT_ACTIVITIES_PER_RUN (200) of them or when the server
 *   suggests it. The input carries the school ids (≤ 20,000 × 36 bytes ≈ 0.8 MB, under the
 *   2 MB payload limit) and each chunk's activity input its share of them.
 * - Activities: a chunk of ≤ 1,000 starts takes seconds to a few minutes; the activity has 30
 *   minutes and heartbeats (timeout 30 s) after every settled start.
 *
 * Reminders (since patch REMINDERS_BY_CYCLE, `accountability-reminders-by-cycle`): after the
 * fan-out the cycle sends the reminders before the deadline for all its schools, one timer and
 * one `remindSchools` activity per reminder moment (the moments a school started now would plan
 * itself: same policy, school calendar and step names, so every mail keeps the school
 * workflow's own outbox key). The activity reminds the schools whose status row says they still
 * owe a submission for the cycle's deadline; the schools, started with `remindersByCycle`, skip
 * those reminders and sleep until their deadline. An extended school reminds itself (another
 * deadline, generation 2). Why: a timer and a workflow task per school and reminder made 7,000
 * reminders due at once take minutes on the dev server's single history shard (bench:reminders,
 * BENCHMARKS.md; docs/design/reminder-sweep.md). The cycle completes after its last reminder
 * moment (a few dozen events); cancelling it cancels the reminders still to come.
 *
 * Why the cycle does not track the schools: the overview of who is late is a query over the
 * school status rows in PostgreSQL, which the school workflows keep current. Counting school
 * signals here would duplicate that read model, add an event per school status change to this
 * history, and tie the schools' lifetime to the cycle's.
 */
import {
  ApplicationFailure,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { schoolAccountabilityWorkflowId } from '../ids';
import {
  cycleReminders,
  isoOf,
  isRefusal,
  resolveAccountabilityCycleInput,
} from './accountability.logic';
import { getAccountabilityCycleQuery } from './accountability.messages';
import type {
  AccountabilityActivities,
  AccountabilityCycleInput,
  AccountabilityCyclePhase,
  AccountabilityCycleResult,
  AccountabilityCycleStatus,
  RecordAccountabilityCycleInput,
  SchoolAccountabilityInput,
} from './accountability.types';
import { schoolAccountabilityWorkflow } from './school-accountability.workflow';

const RETRY = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
} as const;

/**
 * Patch: the fan-out starts the school workflows from an activity with the Temporal client
 * (`startSchoolWorkflows`, one call per chunk of schools, their 'started' status written in
 * bulk) instead of as children of this workflow. Decided once per run, at its start: a run
 * that began before the patch keeps starting children until it continues as new.
 */
export const FAN_OUT_BY_ACTIVITY = 'accountability-fanout-by-activity';
/**
 * Patch: the cycle sends its schools' reminders before the deadline (one `remindSchools`
 * activity per reminder moment) and its schools skip them (input `remindersByCycle`). Decided
 * once per run, at its start, like FAN_OUT_BY_ACTIVITY.
 */
export const REMINDERS_BY_CYCLE = 'accountability-reminders-by-cycle';
/** A run continues as new after this many fan-out activities (≈ 6 history events each). */
export const FAN_OUT_ACTIVITIES_PER_RUN = 200;
/** Fan-out activities of one cycle running at once. */
export const FAN_OUT_PARALLEL = 2;

/**
 * startChild rejects with the SDK's WorkflowExecutionAlreadyStartedError when the id is taken.
 * @temporalio/workflow does not re-export that class (it lives in @temporalio/common, outside
 * what workflow code here imports), so it is recognised by the name the SDK gives it.
 */
function isAlreadyStarted(err: unknown): boolean {
  return err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError';
}

export async function accountabilityCycleWorkflow(
  input: AccountabilityCycleInput,
): Promise<AccountabilityCycleResult> {
  const workflowId = workflowInfo().workflowId;
  // Before any other command of this run: false only while replaying a run from before the patch.
  const byActivity = patched(FAN_OUT_BY_ACTIVITY);
  // Only runs that fan out by activity remind by cycle (children could not carry the flag
  // without changing their recorded inputs).
  const remindersByCycle = byActivity && patched(REMINDERS_BY_CYCLE);
  const resolved = resolveAccountabilityCycleInput(input, Date.now());
  if (isRefusal(resolved)) {
    // Invalid input fails the run at once (the api validates first with validateAccountabilityCycleInput).
    throw ApplicationFailure.create({
      type: resolved.code,
      message: resolved.message,
      nonRetryable: true,
      details: [{ reason: resolved.reason, ...(resolved.field ? { field: resolved.field } : {}) }],
    });
  }
  const cfg = resolved;
  const acts = proxyActivities<AccountabilityActivities>({
    startToCloseTimeout: '1 minute',
    retry: RETRY,
  });

  const carry = input.carry ?? {
    cursor: 0,
    started: 0,
    alreadyStarted: 0,
    run: 1,
    formatVersion: 0,
  };
  const progress = {
    phase: 'fanning_out' as AccountabilityCyclePhase,
    cursor: carry.cursor,
    started: carry.started,
    alreadyStarted: carry.alreadyStarted,
    formatVersion: cfg.formatVersion,
    reminders: undefined as AccountabilityCycleStatus['reminders'],
  };

  setHandler(getAccountabilityCycleQuery, (): AccountabilityCycleStatus => ({
    workflowId,
    organisationId: cfg.organisationId,
    accountingYear: cfg.accountingYear,
    phase: progress.phase,
    formatVersion: progress.formatVersion,
    deadline: cfg.deadline,
    schools: cfg.schoolIds.length,
    cursor: progress.cursor,
    started: progress.started,
    alreadyStarted: progress.alreadyStarted,
    run: carry.run,
    ...(progress.reminders ? { reminders: progress.reminders.map((r) => ({ ...r })) } : {}),
  }));

  // Pinned once per cycle: by the input, else by the first pinFormatVersion call for this
  // workflow id (a restarted cycle gets the same answer); later runs receive it as input.
  const formatVersion =
    progress.formatVersion ??
    (await acts.pinFormatVersion({
      organisationId: cfg.organisationId,
      workflowId,
      accountingYear: cfg.accountingYear,
    }));
  progress.formatVersion = formatVersion;

  const cycleRecord = (phase: AccountabilityCyclePhase): RecordAccountabilityCycleInput => ({
    organisationId: cfg.organisationId,
    workflowId,
    accountingYear: cfg.accountingYear,
    title: cfg.title,
    status: phase,
    createdByPersonId: cfg.startedByPersonId,
    formatVersion,
    deadline: cfg.deadline,
    schools: cfg.schoolIds.length,
    started: progress.started,
    alreadyStarted: progress.alreadyStarted,
  });
  // Since the patch: the 'fanning_out' rows are written (when absent) by the fan-out activity
  // in the transaction of its first writes, and 'running' by a local activity, inside the
  // workflow task: no extra round trip through the server on the way to the schools.
  const recordCycle = (phase: AccountabilityCyclePhase): Promise<void> =>
    byActivity
      ? proxyLocalActivities<Pick<AccountabilityActivities, 'recordCycle'>>({
          startToCloseTimeout: '1 minute',
          retry: RETRY,
        }).recordCycle(cycleRecord(phase))
      : acts.recordCycle(cycleRecord(phase));
  if (carry.run === 1 && !byActivity) await recordCycle('fanning_out');

  // The SWV's region travels to every school, whose dates then skip its school holidays.
  const region =
    cfg.region !== undefined && patched('accountability-school-calendar')
      ? { region: cfg.region }
      : {};
  const schoolInput = (schoolId: string): SchoolAccountabilityInput => ({
    organisationId: cfg.organisationId,
    accountingYear: cfg.accountingYear,
    schoolId,
    cycleWorkflowId: workflowId,
    deadline: cfg.deadline,
    reminderPolicy: cfg.reminderPolicy,
    maxOverdueReminders: cfg.maxOverdueReminders,
    formatVersion,
    lingerAfterFinalDays: cfg.lingerAfterFinalDays,
    ...region,
  });

  /** Before the patch. true: this run started the child; false: it had been started before. */
  const startSchool = async (schoolId: string): Promise<boolean> => {
    const childInput = schoolInput(schoolId);
    try {
      await startChild(schoolAccountabilityWorkflow, {
        workflowId: schoolAccountabilityWorkflowId(
          cfg.organisationId,
          cfg.accountingYear,
          schoolId,
        ),
        args: [childInput],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      return true;
    } catch (err) {
      if (isAlreadyStarted(err)) return false;
      throw err;
    }
  };

  const continueAsNewNow = () =>
    // Everything resolved on the first run travels along, so code defaults cannot drift.
    continueAsNew<typeof accountabilityCycleWorkflow>({
      ...input,
      deadline: cfg.deadline,
      reminderPolicy: cfg.reminderPolicy,
      maxOverdueReminders: cfg.maxOverdueReminders,
      lingerAfterFinalDays: cfg.lingerAfterFinalDays,
      title: cfg.title,
      fanOut: { batchSize: cfg.batchSize, batchesPerRun: cfg.batchesPerRun },
      formatVersion,
      carry: {
        cursor: progress.cursor,
        started: progress.started,
        alreadyStarted: progress.alreadyStarted,
        run: carry.run + 1,
        formatVersion,
      },
    });

  if (byActivity) {
    // One activity per chunk of batchSize × batchesPerRun schools, FAN_OUT_PARALLEL chunks at
    // a time, batchSize start calls in flight inside each. No children: nothing is pending in
    // this workflow, so there is no limit on pending children; a run continues as new only to
    // bound its history (FAN_OUT_ACTIVITIES_PER_RUN chunks).
    const fanOut = proxyActivities<Pick<AccountabilityActivities, 'startSchoolWorkflows'>>({
      startToCloseTimeout: '30 minutes',
      heartbeatTimeout: '30 seconds',
      retry: RETRY,
    });
    const school = {
      organisationId: cfg.organisationId,
      accountingYear: cfg.accountingYear,
      cycleWorkflowId: workflowId,
      deadline: cfg.deadline,
      reminderPolicy: cfg.reminderPolicy,
      maxOverdueReminders: cfg.maxOverdueReminders,
      formatVersion,
      lingerAfterFinalDays: cfg.lingerAfterFinalDays,
      startedStatusRecorded: true,
      ...region,
      ...(remindersByCycle ? { remindersByCycle: true } : {}),
    };
    const chunkSize = cfg.batchSize * cfg.batchesPerRun;
    let launched = progress.cursor;
    let calls = 0;
    const more = (): boolean =>
      launched < cfg.schoolIds.length &&
      calls < FAN_OUT_ACTIVITIES_PER_RUN &&
      !workflowInfo().continueAsNewSuggested;
    const lane = async (): Promise<void> => {
      while (more()) {
        const chunk = cfg.schoolIds.slice(launched, launched + chunkSize);
        launched += chunk.length;
        calls += 1;
        const outcome = await fanOut.startSchoolWorkflows({
          taskQueue: workflowInfo().taskQueue,
          cycle: cycleRecord('fanning_out'),
          school,
          schoolIds: chunk,
          concurrency: cfg.batchSize,
        });
        progress.started += outcome.started;
        progress.alreadyStarted += outcome.alreadyStarted;
      }
    };
    await Promise.all(Array.from({ length: FAN_OUT_PARALLEL }, lane));
    // Every chunk launched in this run has been started.
    progress.cursor = launched;
    if (progress.cursor < cfg.schoolIds.length) return continueAsNewNow();
  } else {
    // Before the patch: children, batchSize at a time, batchesPerRun batches per run.
    let batches = 0;
    while (progress.cursor < cfg.schoolIds.length) {
      if (batches >= cfg.batchesPerRun || workflowInfo().continueAsNewSuggested) {
        return continueAsNewNow();
      }
      const batch = cfg.schoolIds.slice(progress.cursor, progress.cursor + cfg.batchSize);
      const outcomes = await Promise.all(batch.map(startSchool));
      for (const startedNow of outcomes) {
        if (startedNow) progress.started += 1;
        else progress.alreadyStarted += 1;
      }
      progress.cursor += batch.length;
      batches += 1;
    }
  }

  progress.phase = 'running';
  await recordCycle('running');

  if (remindersByCycle) {
    // The reminders before the deadline, for every school at once: a timer and an activity per
    // reminder moment instead of a timer and a workflow task per school (bench:reminders,
    // BENCHMARKS.md; docs/design/reminder-sweep.md). The moments are those a school started now
    // would plan for itself (same policy, calendar and steps), so each mail keeps the school
    // workflow's own key. Cancelling the cycle cancels the wait.
    const moments = cycleReminders(
      {
        deadline: cfg.deadline,
        reminderPolicy: cfg.reminderPolicy,
        maxOverdueReminders: cfg.maxOverdueReminders,
        ...region,
      },
      Date.now(),
    );
    const reminders = moments.map((m) => ({ at: isoOf(m.atMs), step: m.step, done: false }));
    progress.reminders = reminders;
    const sweep = proxyActivities<Pick<AccountabilityActivities, 'remindSchools'>>({
      startToCloseTimeout: '30 minutes',
      heartbeatTimeout: '1 minute',
      retry: RETRY,
    });
    for (const [i, moment] of moments.entries()) {
      const waitMs = moment.atMs - Date.now();
      if (waitMs > 0) await sleep(waitMs);
      await sweep.remindSchools({
        organisationId: cfg.organisationId,
        cycleWorkflowId: workflowId,
        accountingYear: cfg.accountingYear,
        formatVersion,
        deadline: cfg.deadline,
        step: moment.step,
        at: reminders[i]!.at,
      });
      reminders[i]!.done = true;
    }
  }
  return {
    workflowId,
    schools: cfg.schoolIds.length,
    started: progress.started,
    alreadyStarted: progress.alreadyStarted,
    runs: carry.run,
    formatVersion,
    deadline: cfg.deadline,
  };
}
