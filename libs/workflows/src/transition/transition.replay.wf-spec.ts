import fs from 'node:fs';
import path from 'node:path';
import { type TestWorkflowEnvironment, TimeSkippingWorkflowClient } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  DEFAULT_TRANSITION_CONFIG,
  type TransitionActor,
  type TransitionMove,
  amsterdamDate,
} from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import {
  type HistoryFixture,
  fromHistoryFixture,
  toHistoryFixture,
  replayFailures,
} from '../../testing/history-fixture';
import { transitionWorkflowId } from '../ids';
import { TASK_QUEUES } from '../task-queues';
import { takeTransitionStepUpdate } from './transition.messages';
import type { TransitionActivities } from './transition.types';
import { transitionCaseWorkflow } from './transition.workflow';

jest.setTimeout(90_000);

/**
 * Replay guard: every history committed in __histories__ must replay against the current
 * workflow code. A change that would break a running case fails here; put it behind
 * `patched()` and record a new history next to the old one.
 *
 * To record the representative case of the current code, once per released change:
 *   RECORD_TRANSITION_HISTORY=<name> npx jest --selectProjects workflow -- transition.replay
 * which writes __histories__/transition.<name>.json (commit it; never edit or delete it).
 * Recorded: `representative` (a stall reminder, all five phases with further research, one
 * OPP evaluation, closed as succeeded, erased after the retention period), and
 * `parents-asked` (the same case after patch `transition-parents-asked-on-school-choice`: the
 * parents are mailed when a school is chosen).
 */
const HISTORIES = path.join(__dirname, '__histories__');
const IDENTITY = 'transition-replay';
const DAY = 86_400_000;

function committedHistories(): (HistoryFixture & { file: string })[] {
  if (!fs.existsSync(HISTORIES)) return [];
  return fs
    .readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      ...(JSON.parse(fs.readFileSync(path.join(HISTORIES, file), 'utf8')) as HistoryFixture),
      file,
    }));
}

describe('schakeltraject: replay of recorded histories', () => {
  let env: TestWorkflowEnvironment;
  let client: TimeSkippingWorkflowClient;
  let worker: Worker;
  let running: Promise<void>;
  const calls: string[] = [];
  const activities: TransitionActivities = {
    recordTransitionStep: async (input) => void calls.push(`step ${input.seq} ${input.kind}`),
    notifyTransition: async (input) => {
      calls.push(`mail ${input.kind} ${input.level}`);
      return 1;
    },
    eraseTransitionCase: async () => {
      calls.push('erase');
      return true;
    },
  };

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    client = new TimeSkippingWorkflowClient({
      connection: env.connection,
      namespace: env.namespace ?? 'default',
      identity: IDENTITY,
    });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUES.cycles,
      workflowBundle: workflowBundle(),
      activities,
      identity: IDENTITY,
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('replays every committed history with the current workflow code', async () => {
    const histories = committedHistories();
    expect(histories.length).toBeGreaterThan(0);
    const failures = await replayFailures(histories, {
      workflowBundle: workflowBundle(),
      replayName: 'transition-replay',
    });
    for (const f of histories) {
      const events = fromHistoryFixture(f).events;
      expect({
        file: f.file,
        workflowType: events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name,
        closed: Boolean(events.at(-1)?.workflowExecutionCompletedEventAttributes),
      }).toEqual({ file: f.file, workflowType: 'transitionCaseWorkflow', closed: true });
    }
    expect(failures).toEqual([]);
  });

  it('runs the representative case and replays its fresh history', async () => {
    const workflowId = transitionWorkflowId('org-replay', 'case-replay');
    const handle = await client.start(transitionCaseWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId,
      args: [
        {
          organisationId: 'org-replay',
          caseId: 'case-replay',
          vsoSchoolId: 'school-vso',
          region: null,
          config: {
            ...DEFAULT_TRANSITION_CONFIG,
            evaluationWeeks: 1,
            stallBusinessDays: 2,
            retentionMonths: 1,
          },
          openedByPersonId: 'p-vso',
        },
      ],
    });
    const step = async (move: TransitionMove, actor: TransitionActor) =>
      handle.executeUpdate(takeTransitionStepUpdate, {
        args: [{ move, actor, actorPersonId: `p-${actor}`, noteId: null }],
      });
    const today = async () => amsterdamDate(new Date(await env.currentTimeMs()));
    // A week without a step: the owner is reminded.
    await env.sleep(7 * DAY);
    await step(
      { kind: 'chooseSchool', schoolId: 'school-a', priorConsultationOn: await today() },
      'vso',
    );
    await step({ kind: 'recordConsent', schoolId: 'school-a' }, 'parent');
    await step({ kind: 'completeOrientation', parentsMetOn: await today() }, 'ect');
    const due = amsterdamDate(new Date((await env.currentTimeMs()) + 3 * DAY));
    await step({ kind: 'recordConsultation', meetingOn: await today(), researchDueOn: due }, 'vso');
    await step({ kind: 'completeResearch' }, 'regular');
    await step({ kind: 'decide', decision: 'proceed' }, 'regular');
    await step({ kind: 'recordHandover', startOn: await today() }, 'vso');
    await env.sleep(8 * DAY);
    await step({ kind: 'recordEvaluation', heldOn: await today() }, 'regular');
    await step({ kind: 'close', result: 'succeeded' }, 'regular');
    await handle.result();
    expect(calls).toContain('mail stalled 1');
    expect(calls).toContain('mail evaluationDue 0');
    // Since patch transition-parents-asked-on-school-choice: the parents are asked.
    expect(calls).toContain('mail parentsAsked 0');
    expect(calls.at(-1)).toBe('erase');

    const fixture = toHistoryFixture(workflowId, await handle.fetchHistory());
    await Worker.runReplayHistory(
      { workflowBundle: workflowBundle(), replayName: 'transition-fresh' },
      fromHistoryFixture(fixture),
      workflowId,
    );
    const name = process.env.RECORD_TRANSITION_HISTORY;
    if (name) {
      if (!/^[a-z0-9-]+$/.test(name))
        throw new Error('RECORD_TRANSITION_HISTORY: a name like representative');
      const file = path.join(HISTORIES, `transition.${name}.json`);
      if (fs.existsSync(file))
        throw new Error(
          `${file} exists: recorded histories are never overwritten; choose a new name`,
        );
      fs.mkdirSync(HISTORIES, { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
    }
  });
});
