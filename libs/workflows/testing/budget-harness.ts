/**
 * Test harness for the budget cycle on Temporal's time-skipping server: one worker with the
 * in-memory activities, helpers to start cycles, vote, wait for a state and move time.
 * The environment and bundle are passed in (the spec files get them from @jaarcyclus/testing).
 *
 * Time only moves when a test calls `advanceTo`/`advanceBy` (env.sleep): the time-skipping
 * server does not skip while a test awaits an Update or polls a Query.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type DataConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { amsterdamInstant, amsterdamParts, addDays, type VoteValue } from '@jaarcyclus/domain';
import { budgetCycleWorkflow } from '../src/budget/budget-cycle.workflow';
import { castVoteUpdate, getCycleStatusQuery } from '../src/budget/budget-cycle.messages';
import type {
  BudgetCycleInput,
  BudgetCycleStatus,
  CastVoteResult,
} from '../src/budget/budget-cycle.types';
import type { BodyRoundView } from '../src/decision-round/decision-round.types';
import { budgetWorkflowId } from '../src/ids';
import type { RefusalDetails } from '../src/refusal';
import { TASK_QUEUES } from '../src/task-queues';
import {
  type InMemoryBudgetActivities,
  type World,
  createInMemoryBudgetActivities,
  sampleWorld,
} from './in-memory-budget-activities';

export type BudgetHandle = WorkflowHandle<typeof budgetCycleWorkflow>;

const HOUR = 3_600_000;
/** A timer due this soon after a skip lands is skipped past as well (see advanceTo). */
const TIMER_GUARD_MS = 10_000;
const DAY = 24 * HOUR;

export class BudgetHarness {
  private readonly handles: BudgetHandle[] = [];
  private running?: Promise<void>;
  private worker?: Worker;
  private seq = 0;
  readonly fake: InMemoryBudgetActivities = createInMemoryBudgetActivities();

  constructor(
    readonly env: TestWorkflowEnvironment,
    private readonly bundle: { code: string },
    /** The worker's data converter, e.g. the encrypting one of the api and the worker (pass the same to the env). */
    private readonly options: {
      dataConverter?: DataConverter;
      /** Activities of another cycle that reuses the decision round (the support plan). */
      extraActivities?: (fake: InMemoryBudgetActivities) => object;
    } = {},
  ) {}

  async start(): Promise<this> {
    this.worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: TASK_QUEUES.cycles,
      workflowBundle: this.bundle,
      activities: { ...this.fake.activities, ...this.options.extraActivities?.(this.fake) },
      ...(this.options.dataConverter ? { dataConverter: this.options.dataConverter } : {}),
    });
    this.running = this.worker.run();
    return this;
  }

  async stop(): Promise<void> {
    await this.terminateAll();
    this.worker?.shutdown();
    await this.running;
  }

  /**
   * Ends every cycle a test started, so its timers do not fire while later tests move time.
   * Waits for running activities first: terminating a run while one is in flight leaves the
   * time-skipping server unable to skip time afterwards (it never hears that activity end).
   */
  async terminateAll(): Promise<void> {
    await this.settled();
    await Promise.all(
      this.handles.splice(0).map((h) => h.terminate('test finished').catch(() => undefined)),
    );
  }

  /** Lets the harness settle and terminate a workflow a test started itself (another cycle). */
  track(handle: WorkflowHandle): void {
    this.handles.push(handle as BudgetHandle);
  }

  /** A fresh tenant (own organisation id) based on the sample SWV, optionally changed. */
  world(change?: (w: World) => void): World {
    this.seq += 1;
    const w = sampleWorld(`org-${this.seq}-${Math.random().toString(36).slice(2, 8)}`);
    change?.(w);
    return this.fake.addWorld(w);
  }

  async now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  /**
   * Moves the server clock to `ms`, firing the timers due on the way. The time-skipping server
   * strands a run whose workflow task cancels a timer that fired while the task was with the
   * worker ("invalid history builder state for action", temporalio/sdk-java#3088), and between
   * skips its clock runs at real pace. So every skip starts and ends with the cycles settled (no
   * workflow task or activity outstanding), and goes on past a timer due within TIMER_GUARD_MS
   * of where it lands, so that what the test sends next cannot race a timer.
   */
  async advanceTo(ms: number): Promise<void> {
    const now = await this.now();
    if (ms > now) await this.skip(ms - now);
  }

  async advanceBy(ms: number): Promise<void> {
    await this.skip(ms);
  }

  private async skip(ms: number): Promise<void> {
    await this.settled();
    await this.sleepOrExplain(ms);
    for (let extra = 0; ; extra += 1) {
      await this.settled();
      const dueIn = await this.nextTimerDueIn();
      if (dueIn === undefined || dueIn > TIMER_GUARD_MS) return;
      if (extra >= 10) throw new Error('a cycle keeps re-arming a timer due right after each skip');
      await this.sleepOrExplain(Math.max(dueIn, 0) + 1);
    }
  }

  /** env.sleep, failing with the cycles' last events instead of hanging when the server stalls. */
  private async sleepOrExplain(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<'stalled'>(
      (resolve) => (timer = setTimeout(() => resolve('stalled'), 20_000)),
    );
    const result = await Promise.race([this.env.sleep(ms).then(() => 'ok' as const), stalled]);
    clearTimeout(timer);
    if (result === 'ok') return;
    const dumps: string[] = [];
    for (const h of this.handles) {
      const events = (await h.fetchHistory()).events ?? [];
      dumps.push(
        `${h.workflowId}: ${events
          .slice(-15)
          .map(
            (e) =>
              `${String(e.eventId)}:${String(e.eventType)}@${new Date(Number(e.eventTime?.seconds ?? 0) * 1000).toISOString()}`,
          )
          .join(' ')}`,
      );
    }
    throw new Error(
      `the time-skipping server stalled during a skip of ${ms} ms; last events:\n${dumps.join('\n')}`,
    );
  }

  /** Waits until no started cycle has a workflow task or an activity outstanding. */
  async settled(timeoutMs = 30_000): Promise<void> {
    const start = Date.now();
    for (;;) {
      const busy: string[] = [];
      for (const h of this.handles) {
        const events = (await h.fetchHistory()).events ?? [];
        if (isBusy(events)) busy.push(h.workflowId);
      }
      if (busy.length === 0) return;
      if (Date.now() - start > timeoutMs)
        throw new Error(`cycles did not settle within ${timeoutMs} ms: ${busy.join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async nextTimerDueIn(): Promise<number | undefined> {
    const now = await this.now();
    const due: number[] = [];
    for (const h of this.handles)
      due.push(...pendingTimersDueAt((await h.fetchHistory()).events ?? []));
    return due.length === 0 ? undefined : Math.min(...due) - now;
  }

  /**
   * The next working-day morning (Amsterdam, 10:00) at least `minDays` days ahead, so tests start
   * at a realistic office moment wherever the server clock is.
   */
  async officeMorning(minDays = 1): Promise<number> {
    const now = new Date(await this.now());
    let date = addDays(amsterdamParts(now).date, minDays);
    for (;;) {
      const t = amsterdamInstant(date, 10);
      const weekday = amsterdamParts(t).weekday;
      if (weekday <= 5) return t.getTime();
      date = addDays(date, 1);
    }
  }

  /** Amsterdam wall-clock instant `days` calendar days after `fromMs`' date, at `hour`. */
  amsterdam(fromMs: number, days: number, hour: number): number {
    return amsterdamInstant(addDays(amsterdamParts(new Date(fromMs)).date, days), hour).getTime();
  }

  async startCycle(world: World, overrides: Partial<BudgetCycleInput> = {}): Promise<BudgetHandle> {
    const now = await this.now();
    const input: BudgetCycleInput = {
      organisationId: world.organisationId,
      budgetYear: new Date(now).getUTCFullYear() + 1,
      startedByPersonId: 'p-secr',
      directorPersonId: 'p-dir',
      proposal: { documentId: 'doc-begroting-v1', versionLabel: 'Concept v1' },
      allocation: {
        amountPerPupilCents: 100_00,
        equityCents: 400_000_00,
        turnoverCents: 10_000_000_00,
      },
      voteDeadline: new Date(this.amsterdam(now, 21, 17)).toISOString(),
      lettersDate: new Date(this.amsterdam(now, 28, 9)).toISOString(),
      ...overrides,
    };
    const handle = await this.env.client.workflow.start(budgetCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId: budgetWorkflowId(input.organisationId, input.budgetYear),
      args: [input],
    });
    this.handles.push(handle);
    await this.roundOpened(handle, 1);
    // Ballots (tasks and mails) are sent right after voting opens.
    await this.settled();
    return handle;
  }

  /**
   * Waits until round `round` has opened for every body. A round opened outside business hours
   * waits for the next business moment to invite (status.invitationsAt): the clock goes there.
   */
  async roundOpened(handle: BudgetHandle, round: number): Promise<BudgetCycleStatus> {
    const opened = (s: BudgetCycleStatus): boolean =>
      s.round === round && s.bodies.every((b) => b.status !== 'opening');
    const first = await this.waitFor(
      handle,
      (s) => opened(s) || (s.round === round && Boolean(s.invitationsAt)),
      `round ${round} to open or to wait for business hours`,
    );
    if (opened(first) || !first.invitationsAt) return first;
    await this.advanceTo(Date.parse(first.invitationsAt));
    return this.waitFor(handle, opened, `round ${round} to open`);
  }

  vote(
    handle: BudgetHandle,
    personId: string,
    bodyKey: string,
    value: VoteValue,
    comment?: string,
  ): Promise<CastVoteResult> {
    return handle.executeUpdate(castVoteUpdate, {
      args: [{ personId, bodyKey, value, ...(comment ? { comment } : {}) }],
    });
  }

  async votes(
    handle: BudgetHandle,
    bodyKey: string,
    votes: Record<string, VoteValue>,
  ): Promise<void> {
    for (const [personId, value] of Object.entries(votes))
      await this.vote(handle, personId, bodyKey, value);
  }

  status(handle: BudgetHandle): Promise<BudgetCycleStatus> {
    return handle.query(getCycleStatusQuery);
  }

  body(status: BudgetCycleStatus, bodyKey: string): BodyRoundView {
    const b = status.bodies.find((x) => x.bodyKey === bodyKey);
    if (!b) throw new Error(`no body ${bodyKey} in status`);
    return b;
  }

  /**
   * Polls the status query (real time, bounded) until `predicate` holds, then lets the cycles
   * settle, so that the side effects of that step (mails, tasks, audit rows) are in.
   */
  async waitFor(
    handle: BudgetHandle,
    predicate: (s: BudgetCycleStatus) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<BudgetCycleStatus> {
    const start = Date.now();
    let last: BudgetCycleStatus | undefined;
    for (;;) {
      last = await this.status(handle);
      if (predicate(last)) {
        await this.settled();
        const after = await this.status(handle);
        return predicate(after) ? after : last;
      }
      if (Date.now() - start > timeoutMs) {
        throw new Error(
          `timed out waiting for ${what}; phase=${last.phase} round=${last.round} bodies=${last.bodies.map((b) => `${b.bodyKey}:${b.status}`).join(',')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Every body approves: members vote for, smallest weight first, until the domain calls the
   * body's tally final (later members could not vote any more). Returns who voted.
   */
  async approveAll(handle: BudgetHandle, world: World): Promise<string[]> {
    const voted: string[] = [];
    const weight = (boardId: string | null): number =>
      world.boards.find((b) => b.id === boardId)?.pupilCount ?? 0;
    for (const body of world.bodies) {
      const members = [...body.members].sort((x, y) => weight(x.boardId) - weight(y.boardId));
      for (const m of members) {
        const result = await this.vote(handle, m.personId, body.key, 'for');
        voted.push(m.personId);
        if (result.tally.final) break;
      }
    }
    return voted;
  }
}

/** The refusal carried by a failed Update: domain code, reason and message. */
export async function refusalOf(
  promise: Promise<unknown>,
): Promise<{ code: string; reason: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const details = err.cause.details?.[0] as RefusalDetails | undefined;
      return {
        code: err.cause.type ?? '',
        reason: details?.reason ?? '',
        message: err.cause.message,
      };
    }
    throw err;
  }
  throw new Error('expected the update to be refused, but it was accepted');
}

export const TIME = { HOUR, DAY };

type HistoryEvent = NonNullable<
  Awaited<ReturnType<BudgetHandle['fetchHistory']>>['events']
>[number];

function isClosed(events: readonly HistoryEvent[]): boolean {
  const last = events.at(-1);
  return Boolean(
    last &&
    (last.workflowExecutionCompletedEventAttributes ??
      last.workflowExecutionFailedEventAttributes ??
      last.workflowExecutionTimedOutEventAttributes ??
      last.workflowExecutionCanceledEventAttributes ??
      last.workflowExecutionTerminatedEventAttributes ??
      last.workflowExecutionContinuedAsNewEventAttributes),
  );
}

/** A workflow task or an activity not ended yet, in an open run. */
function isBusy(events: readonly HistoryEvent[]): boolean {
  if (isClosed(events)) return false;
  let workflowTask = false;
  const activities = new Set<string>();
  for (const e of events) {
    if (e.workflowTaskScheduledEventAttributes) workflowTask = true;
    else if (
      e.workflowTaskCompletedEventAttributes ??
      e.workflowTaskFailedEventAttributes ??
      e.workflowTaskTimedOutEventAttributes
    )
      workflowTask = false;
    else if (e.activityTaskScheduledEventAttributes) activities.add(String(e.eventId));
    else {
      const a =
        e.activityTaskCompletedEventAttributes ??
        e.activityTaskFailedEventAttributes ??
        e.activityTaskTimedOutEventAttributes ??
        e.activityTaskCanceledEventAttributes;
      if (a?.scheduledEventId != null) activities.delete(String(a.scheduledEventId));
    }
  }
  return workflowTask || activities.size > 0;
}

/** Due instants (ms) of the timers started and neither fired nor cancelled. */
function pendingTimersDueAt(events: readonly HistoryEvent[]): number[] {
  const ms = (
    v: { seconds?: { toString(): string } | null; nanos?: number | null } | null | undefined,
  ): number => Number(v?.seconds?.toString() ?? 0) * 1000 + Math.floor((v?.nanos ?? 0) / 1e6);
  if (isClosed(events)) return [];
  const pending = new Map<string, number>();
  for (const e of events) {
    const started = e.timerStartedEventAttributes;
    if (started?.timerId)
      pending.set(started.timerId, ms(e.eventTime) + ms(started.startToFireTimeout));
    const ended = e.timerFiredEventAttributes ?? e.timerCanceledEventAttributes;
    if (ended?.timerId) pending.delete(ended.timerId);
  }
  return [...pending.values()];
}
