import fs from 'node:fs';
import path from 'node:path';
import { Context } from '@temporalio/activity';
import { type TestWorkflowEnvironment, TimeSkippingWorkflowClient } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { amsterdamDate, amsterdamInstant } from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import {
  type HistoryFixture,
  fromHistoryFixture,
  toHistoryFixture,
  replayFailures,
} from '../../testing/history-fixture';
import { TASK_QUEUES } from '../task-queues';
import type { HousekeepingActivities } from './housekeeping.activities';
import { HOUSEKEEPING_RETRY, housekeepingWorkflow } from './housekeeping.workflow';

jest.setTimeout(90_000);

/**
 * Replay guard: every history committed in __histories__ must replay against the current
 * workflow code. A change that would break a running housekeeping round fails here; put it
 * behind `patched()` and record a new history next to the old one.
 *
 * To record the representative run of the current code, once per released change:
 *   RECORD_HOUSEKEEPING_HISTORY=<name> npx jest --selectProjects workflow -- housekeeping.replay
 * which writes __histories__/housekeeping.<name>.json (commit it; never edit or delete it).
 * Recorded: `representative` (removing unused documents fails after its retries, removing
 * expired sign-ins succeeds; before the patch `housekeeping-sent-bodies`), `sent-bodies` (the
 * same night with the patched step blanking sent mail bodies, which succeeds).
 */
const HISTORIES = path.join(__dirname, '__histories__');

/** Names in the recorded histories instead of this machine's `pid@hostname`. */
const IDENTITY = 'housekeeping-replay';

function committedHistories(): (HistoryFixture & { file: string })[] {
  return fs
    .readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      ...(JSON.parse(fs.readFileSync(path.join(HISTORIES, file), 'utf8')) as HistoryFixture),
      file,
    }));
}

/** An activity error without a stack trace, so no local paths end up in a recorded history. */
function failure(message: string): Error {
  const err = new Error(message);
  err.stack = '';
  return err;
}

describe('housekeeping: replay of recorded histories', () => {
  let env: TestWorkflowEnvironment;
  let client: TimeSkippingWorkflowClient;
  let worker: Worker;
  let running: Promise<void>;
  const attempts = { removeUnusedDocuments: 0, removeExpiredSignIns: 0, blankSentMailBodies: 0 };
  // The representative night: the documents step keeps failing, the sign-ins step succeeds.
  const activities: HousekeepingActivities = {
    removeUnusedDocuments: async () => {
      attempts.removeUnusedDocuments = Context.current().info.attempt;
      throw failure('canceling statement due to lock timeout');
    },
    removeExpiredSignIns: async () => {
      attempts.removeExpiredSignIns = Context.current().info.attempt;
      return { loginTokens: 5, sessions: 2 };
    },
    blankSentMailBodies: async () => {
      attempts.blankSentMailBodies = Context.current().info.attempt;
      return 7;
    },
  };

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    // Waiting on a result through this client lets the server skip the retries' backoff.
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
      replayName: 'housekeeping-replay',
    });
    for (const f of histories) {
      // Sanity: the fixture holds a whole run (a cut-off file would replay trivially).
      const events = fromHistoryFixture(f).events;
      expect({
        file: f.file,
        workflowType: events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name,
        closed: Boolean(events.at(-1)?.workflowExecutionCompletedEventAttributes),
      }).toEqual({ file: f.file, workflowType: 'housekeepingWorkflow', closed: true });
    }
    expect(failures).toEqual([]);
  });

  it('runs the representative night (one step failing after its retries) and replays its fresh history', async () => {
    // As the Schedule starts it: tomorrow at 03:30 Amsterdam time, its id with the scheduled
    // time appended, a 12-hour timeout.
    const now = await env.currentTimeMs();
    const scheduledAt = amsterdamInstant(amsterdamDate(new Date(now + 24 * 3600_000)), 3, 30);
    await env.sleep(scheduledAt.getTime() - now);
    const workflowId = `housekeeping-${scheduledAt.toISOString().replace('.000Z', 'Z')}`;
    const handle = await client.start(housekeepingWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId,
      workflowExecutionTimeout: '12 hours',
    });
    const result = await handle.result();
    expect(result).toEqual({
      at: expect.any(String),
      documents: null,
      loginTokens: 5,
      sessions: 2,
      sentMailBodies: 7,
      failed: ['unusedDocuments'],
    });
    expect(attempts).toEqual({
      removeUnusedDocuments: HOUSEKEEPING_RETRY.maximumAttempts,
      removeExpiredSignIns: 1,
      blankSentMailBodies: 1,
    });
    const history = await handle.fetchHistory();
    // Through the fixture form, as a committed file would be read.
    const fixture = toHistoryFixture(workflowId, history);
    await Worker.runReplayHistory(
      { workflowBundle: workflowBundle(), replayName: 'housekeeping-fresh' },
      fromHistoryFixture(fixture),
      workflowId,
    );
    const name = process.env.RECORD_HOUSEKEEPING_HISTORY;
    if (name) {
      if (!/^[a-z0-9-]+$/.test(name))
        throw new Error('RECORD_HOUSEKEEPING_HISTORY: a name like representative');
      const file = path.join(HISTORIES, `housekeeping.${name}.json`);
      if (fs.existsSync(file))
        throw new Error(
          `${file} exists: recorded histories are never overwritten; choose a new name`,
        );
      fs.mkdirSync(HISTORIES, { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
    }
  });
});
