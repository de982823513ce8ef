import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_RULES } from '@jaarcyclus/domain';
import { adoptBudgetUpdate } from './budget-cycle.messages';
import { BudgetHarness, TIME, refusalOf } from '../../testing/budget-harness';

// Voting in one round: the domain's rules per body, as a member and the secretariat notice them.
jest.setTimeout(60_000);

describe('budget cycle: voting (time-skipping)', () => {
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

  it('opens the round for ALV, RvT and OPR, and moves to adoption when all approve in round 1', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    const opened = await h.status(handle);
    expect(opened.phase).toBe('voting');
    expect(opened.round).toBe(1);
    // Roster snapshot: ALV weight = the board's pupil count; one vote each in RvT and OPR.
    expect(h.body(opened, 'alv').notVoted.map((m) => [m.personId, m.weight])).toEqual([
      ['p-alv-a', 5000],
      ['p-alv-b', 1000],
      ['p-alv-c', 1000],
      ['p-alv-d', 1000],
    ]);
    expect(h.body(opened, 'rvt').notVoted.every((m) => m.weight === 1)).toBe(true);
    // Every member got a ballot mail and a vote task.
    const wf = handle.workflowId;
    expect(
      h.fake
        .mailsOf('ballot', wf)
        .map((m) => m.to)
        .sort(),
    ).toEqual(world.bodies.flatMap((b) => b.members.map((m) => m.personId)).sort());
    expect(
      h.fake.tasks.filter((t) => t.workflowId === wf && t.kind === 'vote' && t.status === 'open'),
    ).toHaveLength(11);

    const voters = await h.approveAll(handle, world);
    // Decided as soon as the rest could not change the outcome: ALV after board A, RvT after 2 of 3, OPR after 3 of 4.
    expect(voters).toEqual([
      'p-alv-b',
      'p-alv-c',
      'p-alv-d',
      'p-alv-a',
      'p-rvt-1',
      'p-rvt-2',
      'p-opr-1',
      'p-opr-2',
      'p-opr-3',
    ]);
    const approved = await h.waitFor(
      handle,
      (s) => s.phase === 'awaiting_adoption',
      'adoption phase',
    );
    expect(approved.bodies.map((b) => [b.bodyKey, b.status, b.decidedBy])).toEqual([
      ['alv', 'approved', 'votes'],
      ['rvt', 'approved', 'votes'],
      ['opr', 'approved', 'votes'],
    ]);
    // Voters' tasks are done; the tasks of members who no longer need to vote are withdrawn.
    const voteTasks = h.fake.tasks.filter((t) => t.workflowId === wf && t.kind === 'vote');
    expect(
      voteTasks
        .filter((t) => t.status === 'done')
        .map((t) => t.personId)
        .sort(),
    ).toEqual([...voters].sort());
    expect(
      voteTasks
        .filter((t) => t.status === 'cancelled')
        .map((t) => t.personId)
        .sort(),
    ).toEqual(['p-opr-4', 'p-rvt-3']);
    expect(h.fake.mailsOf('adoption', wf).map((m) => m.to)).toEqual(['p-dir']);
    expect(h.fake.tasks.filter((t) => t.workflowId === wf && t.kind === 'adopt')).toEqual([
      expect.objectContaining({ personId: 'p-dir', status: 'open', refKey: 'round:1:adopt' }),
    ]);
    // Every vote and every decision is in the audit log, with weight and value.
    const audit = h.fake.audit.filter((a) => a.workflowId === wf);
    expect(audit.filter((a) => a.action === 'vote_cast')).toHaveLength(9);
    expect(
      audit.find((a) => a.action === 'vote_cast' && a.actorPersonId === 'p-alv-a'),
    ).toMatchObject({ weight: 5000, value: 'for', round: 1, bodyKey: 'alv' });
    expect(
      audit.filter((a) => a.action === 'body_decided').map((a) => [a.bodyKey, a.value]),
    ).toEqual(
      expect.arrayContaining([
        ['alv', 'approved'],
        ['rvt', 'approved'],
        ['opr', 'approved'],
      ]),
    );
    expect(h.fake.duplicateMailKeys).toEqual([]);
  });

  it('decides the ALV by pupil weight: most boards against but most pupils for is approved', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    await h.votes(handle, 'alv', {
      'p-alv-b': 'against',
      'p-alv-c': 'against',
      'p-alv-d': 'against',
    });
    const mid = await h.status(handle);
    expect(h.body(mid, 'alv').status).toBe('open');
    await h.vote(handle, 'p-alv-a', 'alv', 'for');
    const s = await h.waitFor(handle, (x) => h.body(x, 'alv').status !== 'open', 'ALV decision');
    const alv = h.body(s, 'alv');
    expect(alv.status).toBe('approved');
    expect(alv.tally).toMatchObject({
      forWeight: 5000,
      againstWeight: 3000,
      votedMembers: 4,
      totalMembers: 4,
    });
  });

  it('decides the ALV by pupil weight: most boards for but most pupils against is rejected', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    await h.votes(handle, 'alv', {
      'p-alv-b': 'for',
      'p-alv-c': 'for',
      'p-alv-d': 'for',
      'p-alv-a': 'against',
    });
    const s = await h.waitFor(handle, (x) => x.phase === 'rejected_awaiting_revision', 'rejection');
    expect(h.body(s, 'alv')).toMatchObject({
      status: 'rejected',
      tally: expect.objectContaining({ forWeight: 3000, againstWeight: 5000 }),
    });
    // The round ends: the other bodies are cancelled and their open vote tasks withdrawn.
    expect(h.body(s, 'rvt').status).toBe('cancelled');
    expect(h.body(s, 'opr').status).toBe('cancelled');
    expect(
      h.fake.tasks
        .filter((t) => t.workflowId === handle.workflowId && t.refKey === 'round:1:body:rvt')
        .every((t) => t.status === 'cancelled'),
    ).toBe(true);
  });

  it('treats a tie as no majority: OPR 2 for, 2 against withholds consent', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    await h.votes(handle, 'opr', {
      'p-opr-1': 'for',
      'p-opr-2': 'for',
      'p-opr-3': 'against',
      'p-opr-4': 'against',
    });
    const s = await h.waitFor(
      handle,
      (x) => x.phase === 'rejected_awaiting_revision',
      'OPR decision',
    );
    expect(h.body(s, 'opr').status).toBe('rejected');
    expect(s.consentWithheldRounds).toEqual([1]);
  });

  it('counts abstentions as the body rule says: the same votes pass when abstentions are excluded and fail when they count against', async () => {
    const excluded = h.world();
    const countAgainst = h.world((w) => {
      w.bodies[1]!.votingRule = { ...DEFAULT_RULES.rvt, abstentions: 'count_against' };
    });
    const results: Record<string, string> = {};
    for (const [label, world] of [
      ['excluded', excluded],
      ['count_against', countAgainst],
    ] as const) {
      const handle = await h.startCycle(world);
      // 1 for, 1 abstain, 1 not voting: quorum (2 of 3) reached, the outcome hangs on the abstention.
      await h.votes(handle, 'rvt', { 'p-rvt-1': 'for', 'p-rvt-2': 'abstain' });
      const status = await h.status(handle);
      expect(h.body(status, 'rvt').status).toBe('open');
      await h.advanceTo(Date.parse(h.body(status, 'rvt').deadline) + TIME.HOUR);
      const s = await h.waitFor(
        handle,
        (x) => h.body(x, 'rvt').status !== 'open',
        'RvT decision at the deadline',
      );
      expect(h.body(s, 'rvt').decidedBy).toBe('deadline');
      results[label] = h.body(s, 'rvt').status;
      await h.terminateAll();
    }
    expect(results).toEqual({ excluded: 'approved', count_against: 'rejected' });
  });

  it('lets a member change the vote until the body closes, and refuses a vote after that with the reason', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    const first = await h.vote(handle, 'p-rvt-1', 'rvt', 'against', 'Eerst de onderbouwing zien');
    expect(first).toMatchObject({
      changed: false,
      value: 'against',
      tally: expect.objectContaining({ againstWeight: 1, forWeight: 0 }),
    });
    const second = await h.vote(handle, 'p-rvt-1', 'rvt', 'for');
    expect(second).toMatchObject({
      changed: true,
      value: 'for',
      tally: expect.objectContaining({ againstWeight: 0, forWeight: 1, votedMembers: 1 }),
    });
    await h.settled();
    const audit = h.fake.audit.filter(
      (a) => a.workflowId === handle.workflowId && a.actorPersonId === 'p-rvt-1',
    );
    expect(audit.map((a) => [a.action, a.value, a.comment])).toEqual([
      ['vote_cast', 'against', 'Eerst de onderbouwing zien'],
      ['vote_changed', 'for', null],
    ]);

    // Two of three for: no remaining vote can change the outcome, so the RvT is decided early.
    await h.vote(handle, 'p-rvt-2', 'rvt', 'for');
    await h.waitFor(handle, (x) => h.body(x, 'rvt').status === 'approved', 'early RvT approval');
    await expect(refusalOf(h.vote(handle, 'p-rvt-3', 'rvt', 'against'))).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'ROUND_CLOSED',
    });
    await expect(refusalOf(h.vote(handle, 'p-rvt-1', 'rvt', 'against'))).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'ROUND_CLOSED',
    });
  });

  it('refuses votes from non-members, from members of another body and with an invalid value', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    await expect(refusalOf(h.vote(handle, 'p-stranger', 'alv', 'for'))).resolves.toMatchObject({
      code: 'RULE_VIOLATION',
      reason: 'NOT_A_MEMBER',
    });
    await expect(refusalOf(h.vote(handle, 'p-opr-1', 'alv', 'for'))).resolves.toMatchObject({
      code: 'RULE_VIOLATION',
      reason: 'MEMBER_OF_OTHER_BODY',
      message: expect.stringContaining('Ondersteuningsplanraad'),
    });
    await expect(
      refusalOf(h.vote(handle, 'p-alv-a', 'alv', 'maybe' as never)),
    ).resolves.toMatchObject({ code: 'VALIDATION', reason: 'INVALID_VOTE_VALUE' });
    await expect(refusalOf(h.vote(handle, 'p-alv-a', 'ab', 'for'))).resolves.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_BODY',
    });
    // Refused commands leave no trace: nothing counted, nothing audited.
    const s = await h.status(handle);
    expect(s.bodies.every((b) => b.voted.length === 0)).toBe(true);
    expect(
      h.fake.audit.filter((a) => a.workflowId === handle.workflowId && a.action.startsWith('vote')),
    ).toEqual([]);
    // Adoption before the approvals is refused too.
    await expect(
      refusalOf(handle.executeUpdate(adoptBudgetUpdate, { args: [{ actorPersonId: 'p-dir' }] })),
    ).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_AWAITING_ADOPTION',
    });
  });
});
