import { amsterdamParts } from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { budgetCycleWorkflow } from './budget-cycle.workflow';
import { adoptBudgetUpdate, getCycleStatusQuery } from './budget-cycle.messages';
import { budgetWorkflowId } from '../ids';
import { TASK_QUEUES } from '../task-queues';
import { BudgetHarness, TIME } from '../../testing/budget-harness';
import { replayFreshBudgetHistory } from '../../testing/history-fixture';

jest.setTimeout(90_000);

/**
 * Issue #16.10: a budget cycle started at 06:50 mailed every member at 05:50 UTC. Invitations,
 * like reminders, go out within business hours (08:00–18:00 on a business day, Amsterdam).
 *
 * The run also records the history of this path (patch 'budget-invitations-business-hours'):
 *   RECORD_BUDGET_HISTORY=<name> npx jest budget-cycle.invitations --selectProjects workflow
 * writes __histories__/budget-cycle.<name>.json, which the replay test then guards.
 */
describe('budget cycle: invitations at a decent hour (time-skipping)', () => {
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

  it('a cycle started at 06:50 invites its members at 08:00 and runs to the letters', async () => {
    const world = h.world();
    // 06:50 on a business day (officeMorning is 10:00 on one).
    const early = (await h.officeMorning(1)) - 3 * TIME.HOUR - 10 * 60_000;
    await h.advanceTo(early);
    const budgetYear = new Date(early).getUTCFullYear() + 1;
    const handle = await env.client.workflow.start(budgetCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId: budgetWorkflowId(world.organisationId, budgetYear),
      args: [
        {
          organisationId: world.organisationId,
          budgetYear,
          startedByPersonId: 'p-secr',
          directorPersonId: 'p-dir',
          proposal: { url: 'https://swv.example/begroting.pdf', versionLabel: 'v1' },
          allocation: {
            amountPerPupilCents: 100_00,
            equityCents: 400_000_00,
            turnoverCents: 10_000_000_00,
          },
          voteDeadline: new Date(h.amsterdam(early, 21, 17)).toISOString(),
          lettersDate: new Date(h.amsterdam(early, 28, 9)).toISOString(),
        },
      ],
    });
    const waiting = await h.waitFor(handle, (s) => Boolean(s.invitationsAt), 'invitations planned');
    const at = amsterdamParts(new Date(waiting.invitationsAt!));
    expect({ date: at.date, hour: at.hour, minute: at.minute }).toEqual({
      date: amsterdamParts(new Date(early)).date,
      hour: 8,
      minute: 0,
    });
    expect(waiting.bodies.every((b) => b.status === 'opening')).toBe(true);

    // 07:59: nobody has been mailed, no task exists yet.
    await h.advanceTo(Date.parse(waiting.invitationsAt!) - 60_000);
    const ours = (kind: 'ballot') => h.fake.mailsOf(kind, handle.workflowId);
    expect(ours('ballot')).toEqual([]);
    expect(h.fake.tasks.filter((t) => t.workflowId === handle.workflowId)).toEqual([]);

    // 08:00: every member is invited.
    await h.advanceTo(Date.parse(waiting.invitationsAt!) + 60_000);
    const open = await h.waitFor(
      handle,
      (s) => s.bodies.every((b) => b.status === 'open'),
      'voting open',
    );
    expect(open.invitationsAt).toBeNull();
    const members = world.bodies.flatMap((b) => b.members.map((m) => m.personId)).sort();
    expect(
      ours('ballot')
        .map((m) => m.to)
        .sort(),
    ).toEqual(members);

    await h.approveAll(handle, world);
    await h.waitFor(handle, (s) => s.phase === 'awaiting_adoption', 'awaiting adoption');
    await handle.executeUpdate(adoptBudgetUpdate, { args: [{ actorPersonId: 'p-dir' }] });
    await h.advanceTo(h.amsterdam(early, 28, 10));
    await handle.result();
    expect((await handle.query(getCycleStatusQuery)).phase).toBe('letters_sent');

    await replayFreshBudgetHistory(handle, workflowBundle(), 'budget-invitations-fresh');
  });
});
