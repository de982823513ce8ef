/**
 * Histories as committed replay fixtures. Temporal's own `historyToJSON`/`historyFromJSON`
 * (@temporalio/common) cannot be used in this install: they pair protobufjs 8's protojson with
 * the protobufjs 7 types of @temporalio/proto and throw "type must be a Type". So fixtures are
 * the proto types' own plain-object form (int64 as strings, enums by name, bytes as base64),
 * read back into a `History` message that `Worker.runReplayHistory` accepts as is.
 */
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
