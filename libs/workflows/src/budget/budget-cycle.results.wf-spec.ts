import { amsterdamParts, nextBusinessMoment } from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { BudgetHarness } from '../../testing/budget-harness';
import { replayFreshBudgetHistory } from '../../testing/history-fixture';
import { cancellingBudgetRun } from '../../testing/representative-budget-run';

jest.setTimeout(90_000);

/**
 * Issue #16, results: the members of a body hear its outcome by mail once it decided, with
 * how they voted (or that they did not), at a decent hour: a body decided by a vote at 22:00
 * mails its members at the next business moment (08:00 on a business day, Amsterdam), once.
 */
describe('budget cycle: the outcome mailed to the members (time-skipping)', () => {
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

  it('mails every RvT member the outcome the next business morning after a vote at 22:00', async () => {
    const world = h.world();
    const morning = await h.officeMorning(1);
    await h.advanceTo(morning);
    const handle = await h.startCycle(world);
    const results = () => h.fake.mailsOf('result', handle.workflowId);

    // 22:00 the same evening: the second RvT vote makes the tally final (2 of 3 for).
    const evening = h.amsterdam(morning, 0, 22);
    await h.advanceTo(evening);
    await h.vote(handle, 'p-rvt-1', 'rvt', 'for');
    await h.vote(handle, 'p-rvt-2', 'rvt', 'against');
    const decided = await h.vote(handle, 'p-rvt-3', 'rvt', 'for');
    expect(decided.status).toBe('approved');
    await h.waitFor(handle, (s) => h.body(s, 'rvt').status === 'approved', 'RvT decided');
    // Not at night: nobody has been mailed yet.
    expect(results()).toEqual([]);

    const due = nextBusinessMoment(new Date(await h.now())).getTime();
    const at = amsterdamParts(new Date(due));
    expect(at.hour).toBe(8);
    expect(at.weekday).toBeLessThanOrEqual(5);
    await h.advanceTo(due - 60_000);
    await h.settled();
    expect(results()).toEqual([]);

    await h.advanceTo(due + 60_000);
    await h.settled();
    const mails = results();
    expect(
      mails.map((m) => [m.to, m.bodyKey, m.round, m.data?.['result'], m.data?.['vote']]).sort(),
    ).toEqual([
      ['p-rvt-1', 'rvt', 1, 'approved', 'for'],
      ['p-rvt-2', 'rvt', 1, 'approved', 'against'],
      ['p-rvt-3', 'rvt', 1, 'approved', 'for'],
    ]);
    expect(new Set(mails.map((m) => m.at))).toEqual(new Set([new Date(due).toISOString()]));
    expect(mails.every((m) => m.data?.['decidedBy'] === 'votes')).toBe(true);
    // The other bodies are still voting: none of their members heard anything.
    expect(mails.some((m) => m.bodyKey !== 'rvt')).toBe(false);
    const status = await h.status(handle);
    expect(status.timeline.filter((e) => e.code === 'result_sent').map((e) => e.bodyKey)).toEqual([
      'rvt',
    ]);

    // The OPR, one vote of four in, is decided at its deadline (17:00, within business hours):
    // its members hear it at once, also the ones who did not vote; the ALV, cancelled by the
    // rejection, decided nothing: its members hear that their vote ended, and by whom.
    await h.vote(handle, 'p-opr-1', 'opr', 'for');
    await h.advanceTo(Date.parse(status.voteDeadline) + 60_000);
    const after = await h.waitFor(
      handle,
      (s) => h.body(s, 'opr').status === 'rejected',
      'OPR decided at the deadline',
    );
    await h.settled();
    const opr = h.fake.mailsOf('result', handle.workflowId).filter((m) => m.bodyKey === 'opr');
    expect(opr.map((m) => [m.to, m.data?.['vote'] ?? null]).sort()).toEqual([
      ['p-opr-1', 'for'],
      ['p-opr-2', null],
      ['p-opr-3', null],
      ['p-opr-4', null],
    ]);
    expect(opr.every((m) => m.data?.['decidedBy'] === 'deadline')).toBe(true);
    // Right at the deadline (the timer fires a moment after it), within business hours.
    for (const m of opr) {
      const lag = Date.parse(m.at!) - Date.parse(status.voteDeadline);
      expect(lag >= 0 && lag < 60_000).toBe(true);
      expect(amsterdamParts(new Date(m.at!)).hour).toBe(17);
    }
    expect(h.body(after, 'alv').status).toBe('cancelled');
    const alv = h.fake.mailsOf('result', handle.workflowId).filter((m) => m.bodyKey === 'alv');
    expect(alv.length).toBeGreaterThan(0);
    expect(alv.map((m) => m.to).sort()).toEqual(
      h
        .body(after, 'alv')
        .notVoted.map((p) => p.personId)
        .sort(),
    );
    for (const m of alv) {
      expect(m.data).toMatchObject({ result: 'cancelled', endedBy: 'opr', vote: null });
      expect(amsterdamParts(new Date(m.at!)).hour).toBe(17);
    }
    const timeline = (await h.status(handle)).timeline;
    expect(
      timeline
        .filter((e) => e.code === 'result_sent')
        .map((e) => e.bodyKey)
        .sort(),
    ).toEqual(['opr', 'rvt']);
    expect(timeline.filter((e) => e.code === 'cancellation_sent').map((e) => e.bodyKey)).toEqual([
      'alv',
    ]);
    expect(h.fake.duplicateMailKeys).toEqual([]);
    await h.terminateAll();
  });

  /**
   * Also records the history of this path (patch 'decision-round-cancelled-body-mails'):
   *   RECORD_BUDGET_HISTORY=<name> npx jest --selectProjects workflow -- budget-cycle.results
   * writes __histories__/budget-cycle.<name>.json, which the replay test then guards.
   */
  it('tells the members of the bodies a rejection cancelled, once, and the whole cycle replays', async () => {
    const handle = await cancellingBudgetRun(h);
    const mails = h.fake
      .mailsOf('result', handle.workflowId)
      .filter((m) => m.data?.['result'] === 'cancelled');
    const status = await h.status(handle);
    const round1 = status.rounds.find((r) => r.round === 1)!;
    const cancelled = round1.bodies.filter((b) => b.status === 'cancelled');
    expect(cancelled.map((b) => b.bodyKey).sort()).toEqual(['alv', 'opr']);
    // Every member of both bodies, with their own vote; round 2's bodies decided and told as usual.
    expect(mails.map((m) => `${m.bodyKey}:${m.to}`).sort()).toEqual(
      cancelled
        .flatMap((b) => [...b.voted, ...b.notVoted].map((p) => `${b.bodyKey}:${p.personId}`))
        .sort(),
    );
    expect(mails.every((m) => m.round === 1 && m.data?.['endedBy'] === 'rvt')).toBe(true);
    expect(mails.find((m) => m.to === 'p-alv-b')?.data?.['vote']).toBe('for');
    expect(h.fake.duplicateMailKeys).toEqual([]);

    await replayFreshBudgetHistory(handle, workflowBundle(), 'budget-cycle-cancelling');
  });
});
