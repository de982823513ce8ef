/**
 * Histories as committed replay fixtures. Temporal's own `historyToJSON`/`historyFromJSON`
 * (@temporalio/common) cannot be used in this install: they pair protobufjs 8's protojson with
 * the protobufjs 7 types of @temporalio/proto and throw "type must be a Type". So fixtures are
 * the proto types' own plain-object form (int64 as strings, enums by name, bytes as base64),
 * read back into a `History` message that `Worker.runReplayHistory` accepts as is.
 */
import { temporal } from '@temporalio/proto';

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
