import fs from 'node:fs';
import path from 'node:path';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { BudgetHarness } from '../../testing/budget-harness';
import {
  type HistoryFixture,
  fromHistoryFixture,
  replayFreshBudgetHistory,
} from '../../testing/history-fixture';
import { representativeBudgetRun } from '../../testing/representative-budget-run';

jest.setTimeout(90_000);

/**
 * Replay guard: every history committed in __histories__ must replay against the current
 * workflow code. A change that would break running cycles fails here; put it behind
 * `patched()` and record a new history next to the old one.
 *
 * To record the representative run of the current code, once per released change:
 *   RECORD_BUDGET_HISTORY=<name> npx jest --selectProjects workflow -- budget-cycle.replay
 * which writes __histories__/budget-cycle.<name>.json (commit it; never edit or delete it).
 * Recorded: `representative` (before the state read model), `read-model` (patch
 * 'budget-cycle-state-read-model'), `invitations-business-hours` (patch
 * 'budget-invitations-business-hours', a cycle started at 06:50: recorded by
 * budget-cycle.invitations.wf-spec.ts), `round-result-mails` (patch 'budget-round-result-mails':
 * each decided body's members get its outcome by mail), `invitations-open-at-activity` (patch
 * 'budget-invitations-open-at-activity': the round's opening moment asked of an activity, by
 * the worker's clock where one is set; recorded by budget-cycle.invitations.wf-spec.ts),
 * `cancelled-body-mails` (patch 'decision-round-cancelled-body-mails': the members of a body
 * cancelled by another body's rejection are told; recorded by budget-cycle.results.wf-spec.ts).
 */
const HISTORIES = path.join(__dirname, '__histories__');

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

describe('budget cycle: replay of recorded histories', () => {
  let env: TestWorkflowEnvironment;
  let h: BudgetHarness;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    h = await new BudgetHarness(env, workflowBundle()).start();
  });
  afterAll(async () => {
    await h?.stop();
    await env?.teardown();
  });

  it('replays every committed history with the current workflow code', async () => {
    const histories = committedHistories();
    expect(histories.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: workflowBundle(), replayName: 'budget-cycle-replay' },
      histories.map((f) => ({ workflowId: f.workflowId, history: fromHistoryFixture(f) })),
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    for (const f of histories) {
      // Sanity: the fixture holds a whole run (a cut-off file would replay trivially).
      const events = fromHistoryFixture(f).events;
      expect({
        file: f.file,
        closed: Boolean(events.at(-1)?.workflowExecutionCompletedEventAttributes),
      }).toEqual({ file: f.file, closed: true });
    }
    expect(failures).toEqual([]);
  });

  it('runs the representative cycle to the letters and replays its fresh history', async () => {
    const handle = await representativeBudgetRun(h);
    const status = await h.status(handle);
    expect(status.phase).toBe('letters_sent');
    expect(status.rounds.map((r) => r.status)).toEqual(['rejected', 'approved']);
    // Through the fixture form, as a committed file would be read.
    await replayFreshBudgetHistory(handle, workflowBundle(), 'budget-cycle-fresh');
  });
});
