import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { adoptBudgetUpdate, extendDeadlineUpdate } from './budget-cycle.messages';
import type { BudgetCycleStatus } from './budget-cycle.types';
import { BudgetHarness, TIME } from '../../testing/budget-harness';

// The cycle's state as the api serves it: the read model the workflow publishes, not the Query.
jest.setTimeout(60_000);

describe('budget cycle: state read model (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let h: BudgetHarness;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    h = await new BudgetHarness(env, workflowBundle()).start();
  });
  afterEach(() => h.terminateAll());
  afterAll(async () => {
    await h?.stop();
    await env?.teardown();
  });

  const stored = (workflowId: string): BudgetCycleStatus => {
    const row = h.fake.cycleStates.get(workflowId);
    if (!row) throw new Error(`no read model for ${workflowId}`);
    return row.state;
  };
  const votedIn = (s: BudgetCycleStatus, bodyKey: string): string[] =>
    (s.bodies.find((b) => b.bodyKey === bodyKey)?.voted ?? []).map((v) => v.personId).sort();

  it('holds every vote by the time its Update answers, also when members vote at once', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    // Published when voting opened, before anyone acted.
    expect(stored(handle.workflowId).bodies.map((b) => [b.bodyKey, b.status])).toEqual([
      ['alv', 'open'],
      ['rvt', 'open'],
      ['opr', 'open'],
    ]);

    const seenAtAnswer: Record<string, boolean> = {};
    const voters = ['p-opr-1', 'p-opr-2', 'p-rvt-1', 'p-alv-b', 'p-alv-c'];
    const bodyOf: Record<string, string> = {
      'p-opr-1': 'opr',
      'p-opr-2': 'opr',
      'p-rvt-1': 'rvt',
      'p-alv-b': 'alv',
      'p-alv-c': 'alv',
    };
    await Promise.all(
      voters.map(async (p) => {
        await h.vote(handle, p, bodyOf[p]!, 'for');
        seenAtAnswer[p] = votedIn(stored(handle.workflowId), bodyOf[p]!).includes(p);
      }),
    );
    expect(seenAtAnswer).toEqual(Object.fromEntries(voters.map((p) => [p, true])));

    // The secretariat's action is there when its Update answers, too.
    const later = new Date((await h.now()) + 30 * TIME.DAY).toISOString();
    await handle.executeUpdate(extendDeadlineUpdate, {
      args: [{ actorPersonId: 'p-secr', bodyKey: 'alv', deadline: later }],
    });
    expect(stored(handle.workflowId).bodies.find((b) => b.bodyKey === 'alv')?.deadline).toBe(later);

    await h.settled();
    expect(stored(handle.workflowId)).toEqual(await h.status(handle));
  });

  it('follows what the cycle does on its own: a reminder sent by its timer', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    const due = stored(handle.workflowId).bodies.find((b) => b.bodyKey === 'rvt')?.nextReminderAt;
    expect(due).toEqual(expect.any(String));
    await h.advanceTo(Date.parse(due!) + TIME.HOUR);
    await h.settled();
    const state = stored(handle.workflowId);
    expect(state.bodies.find((b) => b.bodyKey === 'rvt')?.remindersSent).toBe(1);
    expect(state.timeline.map((e) => e.code)).toContain('reminder_sent');
    expect(state).toEqual(await h.status(handle));
  });

  it('ends with the completed cycle: letters sent, as the final Query shows', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    await h.approveAll(handle, world);
    await h.waitFor(handle, (s) => s.phase === 'awaiting_adoption', 'awaiting adoption');
    expect(stored(handle.workflowId).phase).toBe('awaiting_adoption');
    await handle.executeUpdate(adoptBudgetUpdate, { args: [{ actorPersonId: 'p-dir' }] });
    expect(stored(handle.workflowId).adoption.adoptedByPersonId).toBe('p-dir');
    await h.advanceTo(Date.parse(stored(handle.workflowId).lettersDate) + TIME.HOUR);
    await handle.result();
    const state = stored(handle.workflowId);
    expect(state.phase).toBe('letters_sent');
    expect(state.timeline.at(-1)?.code).toBe('cycle_completed');
    expect(state).toEqual(await h.status(handle));
  });
});
