import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import { TASK_QUEUES } from '../task-queues';
import type {
  HousekeepingActivities,
  HousekeepingStepInput,
  SignInsRemoved,
} from './housekeeping.activities';
import { HOUSEKEEPING_RETRY, housekeepingWorkflow } from './housekeeping.workflow';

// One housekeeping run on Temporal's time-skipping server, with activities that remove nothing
// but record how they were called (the real ones: apps/worker housekeeping.activities.int-spec).
jest.setTimeout(60_000);

interface Call {
  step: keyof HousekeepingActivities;
  at: string;
  attempt: number;
}

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let calls: Call[] = [];
/** What each activity does in the current test. */
let behaviour: {
  documents: (attempt: number) => number;
  signIns: (attempt: number) => SignInsRemoved;
  mailBodies: (attempt: number) => number;
};

const recorded =
  <T>(step: Call['step'], answer: (attempt: number) => T) =>
  async ({ at }: HousekeepingStepInput): Promise<T> => {
    const { attempt } = Context.current().info;
    calls.push({ step, at, attempt });
    return answer(attempt);
  };

const activities: HousekeepingActivities = {
  removeUnusedDocuments: recorded('removeUnusedDocuments', (attempt) =>
    behaviour.documents(attempt),
  ),
  removeExpiredSignIns: recorded('removeExpiredSignIns', (attempt) => behaviour.signIns(attempt)),
  blankSentMailBodies: recorded('blankSentMailBodies', (attempt) => behaviour.mailBodies(attempt)),
};

const run = () =>
  env.client.workflow.execute(housekeepingWorkflow, {
    taskQueue: TASK_QUEUES.cycles,
    workflowId: `housekeeping-test-${Math.random().toString(36).slice(2, 10)}`,
  });

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUES.cycles,
    workflowBundle: workflowBundle(),
    activities,
  });
  running = worker.run();
}, 120_000);

beforeEach(() => {
  calls = [];
  behaviour = {
    documents: () => 3,
    signIns: () => ({ loginTokens: 5, sessions: 2 }),
    mailBodies: () => 7,
  };
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

describe('housekeeping workflow (time-skipping)', () => {
  it('runs every step once, counting back from the run’s start, and returns what each removed', async () => {
    const before = await env.currentTimeMs();
    const result = await run();
    expect(result).toEqual({
      at: expect.any(String),
      documents: 3,
      loginTokens: 5,
      sessions: 2,
      sentMailBodies: 7,
      failed: [],
    });
    expect(Date.parse(result.at)).toBeGreaterThanOrEqual(before);
    expect(calls).toEqual([
      { step: 'removeUnusedDocuments', at: result.at, attempt: 1 },
      { step: 'removeExpiredSignIns', at: result.at, attempt: 1 },
      { step: 'blankSentMailBodies', at: result.at, attempt: 1 },
    ]);
  });

  it('retries a failing step with the same start time; a passing retry counts as usual', async () => {
    behaviour.documents = (attempt) => {
      if (attempt < 3) throw new Error('connection terminated unexpectedly');
      return 4;
    };
    const result = await run();
    expect(result).toMatchObject({ documents: 4, loginTokens: 5, sessions: 2, failed: [] });
    const documentCalls = calls.filter((c) => c.step === 'removeUnusedDocuments');
    expect(documentCalls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(new Set(documentCalls.map((c) => c.at))).toEqual(new Set([result.at]));
  });

  it('survives a step that keeps failing: the other step still runs, the result names the failed one', async () => {
    behaviour.documents = () => {
      throw new Error('relation "document" is locked');
    };
    const result = await run();
    expect(result).toEqual({
      at: expect.any(String),
      documents: null,
      loginTokens: 5,
      sessions: 2,
      sentMailBodies: 7,
      failed: ['unusedDocuments'],
    });
    expect(calls.filter((c) => c.step === 'removeUnusedDocuments')).toHaveLength(
      HOUSEKEEPING_RETRY.maximumAttempts,
    );
    expect(calls.filter((c) => c.step === 'removeExpiredSignIns')).toHaveLength(1);
  });

  it('keeps what the other steps removed when one fails for good (not retried)', async () => {
    behaviour.signIns = () => {
      throw ApplicationFailure.nonRetryable('permission denied for table session');
    };
    const result = await run();
    expect(result).toMatchObject({
      documents: 3,
      loginTokens: null,
      sessions: null,
      sentMailBodies: 7,
      failed: ['expiredSignIns'],
    });
    expect(calls.map((c) => c.step)).toEqual([
      'removeUnusedDocuments',
      'removeExpiredSignIns',
      'blankSentMailBodies',
    ]);
  });

  it('keeps what the first steps removed when blanking sent mail bodies fails for good', async () => {
    behaviour.mailBodies = () => {
      throw ApplicationFailure.nonRetryable('permission denied for table outbox_message');
    };
    const result = await run();
    expect(result).toMatchObject({
      documents: 3,
      loginTokens: 5,
      sessions: 2,
      sentMailBodies: null,
      failed: ['sentMailBodies'],
    });
  });
});
