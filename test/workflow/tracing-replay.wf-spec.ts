import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflows } from '@jaarcyclus/temporal';
import { quietRuntime } from '@jaarcyclus/testing';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';

jest.setTimeout(120_000);

// Turning traces on (OTEL_EXPORTER_OTLP_ENDPOINT) gives the worker a bundle with the
// OpenTelemetry workflow interceptors (libs/temporal tracing.ts). Histories recorded without
// them do not all replay with them: the interceptors' Update handling adds steps the recorded
// history does not have (a nondeterminism error on WorkflowExecutionUpdateCompleted), so a
// running cycle that has taken an Update breaks when a worker with traces on picks it up.
// README ("Operating Jaarcyclus", Traces) therefore says: traces on only for a namespace
// without running cycles. This test pins that down: histories without Updates replay, those
// with Updates do not. When an SDK upgrade makes them all replay, it fails: then the README's
// warning can go and this test should expect no failures.
/** The committed fixtures' form (libs/workflows/testing/history-fixture.ts). */
interface HistoryFixture {
  workflowId: string;
  history: Record<string, unknown>;
}
const fromHistoryFixture = (f: HistoryFixture) =>
  temporal.api.history.v1.History.fromObject(f.history);

const ROOT = path.join(__dirname, '..', '..', 'libs', 'workflows', 'src');

function committedHistories(): (HistoryFixture & { file: string })[] {
  return fs
    .readdirSync(ROOT)
    .map((d) => path.join(ROOT, d, '__histories__'))
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((file) => ({
          ...(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as HistoryFixture),
          file: path.relative(ROOT, path.join(dir, file)),
        })),
    );
}

describe('replay with the tracing interceptors', () => {
  it('replays histories without Updates, and refuses those with Updates (the README warning)', async () => {
    const histories = committedHistories();
    expect(histories.length).toBeGreaterThanOrEqual(10);
    quietRuntime();
    const bundle = await bundleWorkflows({ tracing: true });
    const failures: string[] = [];
    const withUpdates = new Set(
      histories
        .filter((f) =>
          JSON.stringify(f.history).includes('workflowExecutionUpdateCompletedEventAttributes'),
        )
        .map((f) => f.workflowId),
    );
    let replayed = 0;
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { code: bundle.code }, replayName: 'tracing-replay' },
      histories.map((f) => ({ workflowId: f.workflowId, history: fromHistoryFixture(f) })),
    )) {
      replayed += 1;
      if (result.error) {
        expect(result.error.message).toMatch(
          /Nondeterminism error.*WorkflowExecutionUpdateCompleted/,
        );
        failures.push(result.workflowId);
      }
    }
    expect(replayed).toBe(histories.length);
    // Every history that failed took an Update; at least one did fail (the warning stands).
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.filter((id) => !withUpdates.has(id))).toEqual([]);
    // The histories without Updates (housekeeping, the accountability cycles) replay.
    expect(histories.filter((f) => !withUpdates.has(f.workflowId)).length).toBeGreaterThan(0);
  });
});
