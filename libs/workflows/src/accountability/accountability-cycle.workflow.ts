/**
 * accountabilityCycleWorkflow — the 1 February accountability of one SWV for one accounting
 * year (DOMAIN §2; seed 001 §7.4). Workflow id `accountability:<organisationId>:<year>`.
 * It pins the cycle's settings (deadline, reminder policy, format version) and starts one
 * `schoolAccountabilityWorkflow` per school; the per-school state lives in each child and in
 * PostgreSQL (written by the children's `recordStatus`).
 *
 * What it guarantees:
 * - Every listed school gets exactly one school workflow
 *   (`accountability:<organisationId>:<year>:school:<schoolId>`), also when this workflow is
 *   started again after a crash or continues as new mid-fan-out: the child id is a business
 *   key and the reuse policy REJECT_DUPLICATE makes Temporal refuse a second start, whether
 *   the first child still runs or has closed; "already started" counts as success.
 *   (`workflowIdConflictPolicy` is not available for child workflows; a running child always
 *   conflicts.) A closed child's id is remembered for the namespace's retention period only;
 *   the api must not start a cycle again once its Cycle row says 'running' (it is the
 *   guard for restarts after that period).
 * - The format version is pinned once per cycle (the input's, else the tenant's current one,
 *   remembered per workflow id by `pinFormatVersion`) and carried into every child and every
 *   later run, so a format published mid-fan-out or before a restart does not split a cycle
 *   over two versions.
 *
 * Temporal limits, and how the fan-out stays inside them:
 * - Pending children: Temporal refuses more than 2,000 pending (started, not closed) child
 *   executions per workflow execution. The children run for weeks, so every child a run
 *   starts stays pending for that run. A run starts at most batchSize × batchesPerRun children
 *   (default 100 × 5 = 500, validated ≤ 1,000) and then continues as new with the cursor: a
 *   new run has no pending children.
 * - History: 50k events / 50 MB per run. A run records about 2 events per child start plus a
 *   few per batch (≈ 1,100 events for 500 children) and its input carries the school ids
 *   (≤ 20,000 × 36 bytes ≈ 0.8 MB, under the 2 MB payload limit). It also continues as new
 *   when the server suggests it.
 * - Children use ParentClosePolicy ABANDON: they outlive this workflow's completion and its
 *   continue-as-new.
 *
 * Why the parent completes after the fan-out instead of tracking the children: the overview
 * of who is late is a query over the school status rows in PostgreSQL, which the children
 * keep current. Counting child signals here would duplicate that read model, add an event per
 * school status change to this history, and tie the children's lifetime to the parent's.
 */
import {
  ApplicationFailure,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  continueAsNew,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { schoolAccountabilityWorkflowId } from './accountability.ids';
import { isRefusal, resolveAccountabilityCycleInput } from './accountability.logic';
import { getAccountabilityCycleQuery } from './accountability.messages';
import type {
  AccountabilityActivities,
  AccountabilityCycleInput,
  AccountabilityCyclePhase,
  AccountabilityCycleResult,
  AccountabilityCycleStatus,
  SchoolAccountabilityInput,
} from './accountability.types';
import { schoolAccountabilityWorkflow } from './school-accountability.workflow';

const RETRY = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
} as const;

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

  const recordCycle = (phase: AccountabilityCyclePhase): Promise<void> =>
    acts.recordCycle({
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
  if (carry.run === 1) await recordCycle('fanning_out');

  /** true: this run started the child; false: it had been started before. */
  const startSchool = async (schoolId: string): Promise<boolean> => {
    const childInput: SchoolAccountabilityInput = {
      organisationId: cfg.organisationId,
      accountingYear: cfg.accountingYear,
      schoolId,
      cycleWorkflowId: workflowId,
      deadline: cfg.deadline,
      reminderPolicy: cfg.reminderPolicy,
      maxOverdueReminders: cfg.maxOverdueReminders,
      formatVersion,
      lingerAfterFinalDays: cfg.lingerAfterFinalDays,
    };
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

  let batches = 0;
  while (progress.cursor < cfg.schoolIds.length) {
    if (batches >= cfg.batchesPerRun || workflowInfo().continueAsNewSuggested) {
      // Everything resolved on the first run travels along, so code defaults cannot drift.
      return continueAsNew<typeof accountabilityCycleWorkflow>({
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

  progress.phase = 'running';
  await recordCycle('running');
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
