import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { PayloadKeyRing } from '@jaarcyclus/config';
import { AesGcmPayloadCodec, dataConverter, isEncryptedPayload } from '@jaarcyclus/temporal';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import { BudgetHarness } from '../../testing/budget-harness';
import { type HistoryFixture, fromHistoryFixture } from '../../testing/history-fixture';
import { representativeBudgetRun } from '../../testing/representative-budget-run';
import { budgetWorkflowId } from '../ids';
import { TASK_QUEUES } from '../task-queues';
import { budgetCycleWorkflow } from './budget-cycle.workflow';

jest.setTimeout(120_000);

/**
 * The budget cycle with the data converter of the api and the worker (AesGcmPayloadCodec and
 * the failure converter that encodes messages), on the time-skipping server: the history as
 * Temporal stores it, fetched raw without the data converter, holds no name, comment or
 * failure message in clear text, while the cycle runs exactly as without encryption.
 */
const { History } = temporal.api.history.v1;
type RawHistory = temporal.api.history.v1.IHistory;

/** Unique strings in the data the cycle handles: found in the history only if it leaks. */
const canary = (what: string): string => `${what}-${randomBytes(6).toString('hex')}`;
const MEMBER = canary('Otto Kanarie');
const CHAIR = canary('Olga Kanarie');
const ROSTER_FAILURE = canary('Ledenlijst van Kanarie onleesbaar');

describe('budget cycle under encryption', () => {
  const keys = PayloadKeyRing.generate('wf-2026-01');
  const converter = dataConverter(keys);
  let env: TestWorkflowEnvironment;
  let h: BudgetHarness;
  let failingOrganisation = '';

  beforeAll(async () => {
    env = await createTimeSkippingEnv({ dataConverter: converter });
    h = new BudgetHarness(env, workflowBundle(), { dataConverter: converter });
    // One tenant's roster cannot be read: an activity failure naming someone.
    const snapshotRoster = h.fake.activities.snapshotRoster;
    h.fake.activities.snapshotRoster = async (input) => {
      if (input.organisationId === failingOrganisation) {
        throw ApplicationFailure.nonRetryable(ROSTER_FAILURE, 'ROSTER_UNREADABLE');
      }
      return snapshotRoster(input);
    };
    await h.start();
  });
  afterAll(async () => {
    await h?.stop();
    await env?.teardown();
  });

  /** The history as the server stores it: no data converter, no codec. */
  async function rawHistory(workflowId: string): Promise<RawHistory> {
    const events: temporal.api.history.v1.IHistoryEvent[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await env.client.workflowService.getWorkflowExecutionHistory({
        namespace: env.namespace ?? 'default',
        execution: { workflowId },
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      events.push(...(page.history?.events ?? []));
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return { events };
  }

  /** Every Payload (with where it is) and every Failure anywhere in the history's events. */
  function walk(history: RawHistory): {
    payloads: (Payload & { at: string })[];
    failures: temporal.api.failure.v1.IFailure[];
  } {
    const payloads: (Payload & { at: string })[] = [];
    const failures: temporal.api.failure.v1.IFailure[] = [];
    const visit = (value: unknown, at: string): void => {
      if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return;
      if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${at}[${i}]`));
      const record = value as Record<string, unknown>;
      if (/\.(failure|cause)$/.test(at) && 'message' in record) {
        failures.push(record as temporal.api.failure.v1.IFailure);
      }
      const metadata = record.metadata as Record<string, unknown> | undefined;
      if (metadata && typeof metadata === 'object' && metadata.encoding instanceof Uint8Array) {
        payloads.push({ ...(record as Payload), at });
        return;
      }
      for (const [k, v] of Object.entries(record)) visit(v, `${at}.${k}`);
    };
    (history.events ?? []).forEach((e, i) => visit(e, `events[${i}]`));
    return { payloads, failures };
  }

  /**
   * Payloads the SDK writes itself, past the data converter: the patch marker (a patch id), the
   * bookkeeping of a local activity (sequence, attempt, activity type, times) and the
   * TemporalChangeVersion search attribute (patch ids). No data of the cycle's: checked by key.
   */
  const SDK_OWN: [RegExp, string[]][] = [
    [/markerRecordedEventAttributes\.details\.patch-data\.payloads\[0\]$/, ['deprecated', 'id']],
    [
      /markerRecordedEventAttributes\.details\.data\.payloads\[0\]$/,
      [
        'activity_id',
        'activity_type',
        'attempt',
        'backoff',
        'complete_time',
        'original_schedule_time',
        'seq',
      ],
    ],
    [/searchAttributes\.indexedFields\.TemporalChangeVersion$/, []],
  ];
  function isSdkOwn(payload: Payload & { at: string }): boolean {
    const rule = SDK_OWN.find(([re]) => re.test(payload.at));
    if (!rule) return false;
    const value = JSON.parse(Buffer.from(payload.data ?? []).toString()) as unknown;
    if (Array.isArray(value))
      return value.every((v) => typeof v === 'string' && /^[a-z0-9-]+$/.test(v));
    return Object.keys(value as object).every((k) => rule[1].includes(k));
  }

  const bytesOf = (history: RawHistory): Buffer =>
    Buffer.from(History.encode(History.fromObject(history)).finish());

  it('runs the representative cycle; its raw history holds no name or comment in clear text', async () => {
    const handle = await representativeBudgetRun(h, (w) => {
      w.persons['p-opr-2'] = MEMBER;
      w.persons['p-opr-1'] = CHAIR;
    });
    expect((await h.status(handle)).phase).toBe('letters_sent');

    const history = await rawHistory(handle.workflowId);
    const bytes = bytesOf(history);
    // Names (the roster), a vote's comment and a revision's document (Update arguments).
    const personal = [MEMBER, CHAIR, 'Eerst de onderbouwing zien', 'begroting-v2.pdf'];
    for (const clear of personal) {
      expect({ clear, at: bytes.indexOf(clear) }).toEqual({ clear, at: -1 });
    }
    // Every payload of the cycle's is encrypted under the current key; only the SDK's own
    // bookkeeping (no data of the cycle) passes the data converter by.
    const all = walk(history).payloads;
    const sdkOwn = all.filter(isSdkOwn);
    const payloads = all.filter((p) => !isSdkOwn(p));
    expect(sdkOwn.length).toBeGreaterThan(0);
    expect(payloads.length).toBeGreaterThan(50);
    expect(payloads.filter((p) => !isEncryptedPayload(p)).map((p) => p.at)).toEqual([]);
    expect(
      new Set(payloads.map((p) => Buffer.from(p.metadata!['encryption-key-id']!).toString())),
    ).toEqual(new Set(['wf-2026-01']));
    // With the keys it all reads back: the names were there to find.
    const decoded = await new AesGcmPayloadCodec(keys).decode(payloads);
    const clearText = Buffer.concat(decoded.map((p) => Buffer.from(p.data ?? []))).toString();
    for (const clear of personal) expect(clearText).toContain(clear);

    // The encrypted history replays, with the keys (the worker's decode).
    await Worker.runReplayHistory(
      {
        workflowBundle: workflowBundle(),
        dataConverter: converter,
        replayName: 'budget-encrypted',
      },
      History.fromObject(history),
      handle.workflowId,
    );
  });

  it('encrypts failure messages: an activity failure and the failed run say nothing in clear text', async () => {
    const world = h.world();
    failingOrganisation = world.organisationId;
    const now = await h.now();
    const budgetYear = new Date(now).getUTCFullYear() + 1;
    const workflowId = budgetWorkflowId(world.organisationId, budgetYear);
    const handle = await env.client.workflow.start(budgetCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId,
      args: [
        {
          organisationId: world.organisationId,
          budgetYear,
          startedByPersonId: 'p-secr',
          directorPersonId: 'p-dir',
          proposal: { documentId: 'doc-1', versionLabel: 'v1' },
          allocation: {
            amountPerPupilCents: 100_00,
            equityCents: 400_000_00,
            turnoverCents: 10_000_000_00,
          },
          voteDeadline: new Date(h.amsterdam(now, 21, 17)).toISOString(),
          lettersDate: new Date(h.amsterdam(now, 28, 9)).toISOString(),
        },
      ],
    });
    // Through the client's data converter the failure reads as it was thrown.
    const error = await handle.result().then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const activityFailure = (error as WorkflowFailedError).cause;
    expect(activityFailure).toBeInstanceOf(ActivityFailure);
    expect(activityFailure?.cause).toBeInstanceOf(ApplicationFailure);
    expect((activityFailure?.cause as ApplicationFailure).message).toBe(ROSTER_FAILURE);

    const history = await rawHistory(workflowId);
    expect(bytesOf(history).indexOf(ROSTER_FAILURE)).toBe(-1);
    const { failures } = walk(history);
    const failed = history.events!.filter(
      (e) => e.activityTaskFailedEventAttributes ?? e.workflowExecutionFailedEventAttributes,
    );
    expect(failed.length).toBe(2);
    expect(failures.length).toBeGreaterThanOrEqual(3);
    for (const failure of failures) {
      // The SDK's placeholder instead of the message; message and stack in the encrypted payload.
      expect(failure.message).toBe('Encoded failure');
      expect(failure.stackTrace ?? '').toBe('');
      expect(isEncryptedPayload(failure.encodedAttributes!)).toBe(true);
    }
  });

  it('replays the committed histories, recorded before encryption, with the codec too', async () => {
    const dir = path.join(__dirname, '__histories__');
    const fixtures = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as HistoryFixture);
    expect(fixtures.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      {
        workflowBundle: workflowBundle(),
        dataConverter: converter,
        replayName: 'budget-plain-with-codec',
      },
      fixtures.map((f) => ({ workflowId: f.workflowId, history: fromHistoryFixture(f) })),
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
