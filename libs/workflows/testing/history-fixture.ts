/**
 * Histories as committed replay fixtures. Temporal's own `historyToJSON`/`historyFromJSON`
 * (@temporalio/common) cannot be used in this install: they pair protobufjs 8's protojson with
 * the protobufjs 7 types of @temporalio/proto and throw "type must be a Type". So fixtures are
 * the proto types' own plain-object form (int64 as strings, enums by name, bytes as base64),
 * read back into a `History` message that `Worker.runReplayHistory` accepts as is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';

const { History } = temporal.api.history.v1;

export interface HistoryFixture {
  workflowId: string;
  /** `History.toObject` with longs, enums and bytes as strings. */
  history: Record<string, unknown>;
}

export function toHistoryFixture(
  workflowId: string,
  history: temporal.api.history.v1.IHistory,
): HistoryFixture {
  return {
    workflowId,
    history: History.toObject(History.fromObject(history), {
      longs: String,
      enums: String,
      bytes: String,
    }),
  };
}

export function fromHistoryFixture(fixture: HistoryFixture): temporal.api.history.v1.History {
  return History.fromObject(fixture.history);
}

/**
 * Replays committed fixtures with the current workflow code (Worker.runReplayHistories) and
 * returns one line per failure: `file (workflowId): message`, so a test can expect none.
 */
export async function replayFailures(
  fixtures: readonly (HistoryFixture & { file?: string })[],
  options: ReplayWorkerOptions,
): Promise<string[]> {
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    options,
    fixtures.map((f) => ({ workflowId: f.workflowId, history: fromHistoryFixture(f) })),
  )) {
    if (!result.error) continue;
    const file = fixtures.find((f) => f.workflowId === result.workflowId)?.file;
    failures.push(`${file ?? '?'} (${result.workflowId}): ${result.error.message}`);
  }
  return failures;
}

/**
 * Writes `fixture` as `<dir>/<prefix>.<name>.json` when the environment variable `variable`
 * names it (a run recording the history of a released change); never over an existing file:
 * recorded histories are never rewritten.
 */
export function recordIfAsked(
  fixture: HistoryFixture,
  o: { dir: string; prefix: string; variable: string },
): void {
  const name = process.env[o.variable];
  if (!name) return;
  const file = path.join(o.dir, `${o.prefix}.${name}.json`);
  if (fs.existsSync(file)) {
    throw new Error(`${file} exists: recorded histories are never overwritten; choose a new name`);
  }
  fs.writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
}

/**
 * The fresh history of a completed budget cycle replayed through the fixture form (as a
 * committed file is read), and recorded in the budget's __histories__ when
 * RECORD_BUDGET_HISTORY names it.
 */
export async function replayFreshBudgetHistory(
  handle: { workflowId: string; fetchHistory(): Promise<temporal.api.history.v1.IHistory> },
  workflowBundle: NonNullable<ReplayWorkerOptions['workflowBundle']>,
  replayName: string,
): Promise<void> {
  const fixture = toHistoryFixture(handle.workflowId, await handle.fetchHistory());
  await Worker.runReplayHistory(
    { workflowBundle, replayName },
    fromHistoryFixture(fixture),
    handle.workflowId,
  );
  recordIfAsked(fixture, {
    dir: path.join(__dirname, '..', 'src', 'budget', '__histories__'),
    prefix: 'budget-cycle',
    variable: 'RECORD_BUDGET_HISTORY',
  });
}
