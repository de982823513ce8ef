import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_RESERVE_RULE, computeAllocation } from '@jaarcyclus/domain';
import { adoptBudgetUpdate, submitRevisionUpdate } from './budget-cycle.messages';
import { BudgetHarness, TIME, refusalOf } from '../../testing/budget-harness';
import type { World } from '../../testing/in-memory-budget-activities';

jest.setTimeout(60_000);

describe('budget cycle: revisions, dispute, adoption and letters (time-skipping)', () => {
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

  const revise = (
    handle: Awaited<ReturnType<BudgetHarness['startCycle']>>,
    versionLabel: string,
    actorPersonId = 'p-secr',
  ) =>
    handle.executeUpdate(submitRevisionUpdate, {
      args: [{ actorPersonId, proposal: { documentId: `doc-${versionLabel}`, versionLabel } }],
    });
  const adopt = (handle: Awaited<ReturnType<BudgetHarness['startCycle']>>, actorPersonId: string) =>
    handle.executeUpdate(adoptBudgetUpdate, { args: [{ actorPersonId }] });

  it('after a rejection, a revision opens round 2 for all bodies; round-1 votes are kept but not counted', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    await expect(refusalOf(revise(handle, 'v2'))).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_AWAITING_REVISION',
    });

    await h.vote(handle, 'p-rvt-1', 'rvt', 'for');
    await h.votes(handle, 'alv', {
      'p-alv-b': 'for',
      'p-alv-c': 'for',
      'p-alv-d': 'for',
      'p-alv-a': 'against',
    });
    await h.waitFor(handle, (s) => s.phase === 'rejected_awaiting_revision', 'rejection');
    await expect(refusalOf(h.vote(handle, 'p-rvt-2', 'rvt', 'for'))).resolves.toMatchObject({
      reason: 'ROUND_CLOSED',
    });

    const revised = await revise(handle, 'v2');
    expect(revised.round).toBe(2);
    const s = await h.waitFor(
      handle,
      (x) => x.round === 2 && x.phase === 'voting' && x.bodies.every((b) => b.status === 'open'),
      'round 2',
    );
    expect(s.proposal).toEqual({ documentId: 'doc-v2', versionLabel: 'v2' });
    // Nothing counts from round 1 ...
    expect(s.bodies.map((b) => [b.bodyKey, b.tally?.votedMembers, b.voted.length])).toEqual([
      ['alv', 0, 0],
      ['rvt', 0, 0],
      ['opr', 0, 0],
    ]);
    // ... but round 1 stays visible with its votes and outcome.
    expect(s.rounds.map((r) => [r.round, r.status, r.proposal.versionLabel])).toEqual([
      [1, 'rejected', 'Concept v1'],
      [2, 'voting', 'v2'],
    ]);
    expect(
      s.rounds[0]!.bodies.find((b) => b.bodyKey === 'alv')!.voted.map((v) => [v.personId, v.value]),
    ).toEqual([
      ['p-alv-b', 'for'],
      ['p-alv-c', 'for'],
      ['p-alv-d', 'for'],
      ['p-alv-a', 'against'],
    ]);
    expect(
      s.rounds[0]!.bodies.find((b) => b.bodyKey === 'rvt')!.voted.map((v) => v.personId),
    ).toEqual(['p-rvt-1']);
    // Every member is invited again for round 2 (new tasks, new mails).
    await h.settled();
    const wf = handle.workflowId;
    expect(h.fake.mailsOf('ballot', wf).filter((m) => m.round === 2)).toHaveLength(11);
    expect(
      h.fake.tasks.filter(
        (t) => t.workflowId === wf && t.refKey.startsWith('round:2:') && t.status === 'open',
      ),
    ).toHaveLength(11);

    // The RvT member who voted in round 1 must vote again: one earlier "for" does not carry over.
    const rvt = await h.vote(handle, 'p-rvt-2', 'rvt', 'for');
    expect(rvt.tally).toMatchObject({ forWeight: 1, votedMembers: 1 });
    await h.approveAll(handle, world);
    const done = await h.waitFor(
      handle,
      (x) => x.phase === 'awaiting_adoption',
      'approval in round 2',
    );
    expect(done.round).toBe(2);
    expect(
      h.fake.audit.find((a) => a.workflowId === wf && a.action === 'revision_submitted'),
    ).toMatchObject({ round: 2, actorPersonId: 'p-secr', value: 'v2' });
    expect(
      h.fake.audit
        .filter((a) => a.workflowId === wf && a.action.startsWith('body_'))
        .map((a) => [a.round, a.bodyKey, a.value]),
    ).toEqual(
      expect.arrayContaining([
        [1, 'alv', 'rejected'],
        [1, 'rvt', 'cancelled'],
        [2, 'alv', 'approved'],
        [2, 'rvt', 'approved'],
        [2, 'opr', 'approved'],
      ]),
    );
  });

  it('records a dispute when the OPR withholds consent in two rounds, tells the director, and still allows a revision', async () => {
    const world = h.world();
    const handle = await h.startCycle(world);
    // Consent needs a majority of all four members: two against already make it impossible.
    const oprAgainst = { 'p-opr-1': 'against', 'p-opr-2': 'against' } as const;
    await h.votes(handle, 'opr', oprAgainst);
    const first = await h.waitFor(
      handle,
      (s) => s.phase === 'rejected_awaiting_revision',
      'first withheld consent',
    );
    expect(first.consentWithheldRounds).toEqual([1]);
    expect(first.dispute).toBeNull();

    await revise(handle, 'v2');
    await h.waitFor(
      handle,
      (s) => s.round === 2 && s.bodies.every((b) => b.status === 'open'),
      'round 2',
    );
    await h.votes(handle, 'opr', oprAgainst);
    const second = await h.waitFor(handle, (s) => s.phase === 'dispute', 'dispute');
    await h.settled();
    expect(second.consentWithheldRounds).toEqual([1, 2]);
    expect(second.dispute).toMatchObject({ round: 2, bodyKey: 'opr', rounds: [1, 2] });
    expect(h.fake.mailsOf('dispute', handle.workflowId).map((m) => [m.to, m.data?.rounds])).toEqual(
      [['p-dir', [1, 2]]],
    );
    expect(
      h.fake.audit.find(
        (a) => a.workflowId === handle.workflowId && a.action === 'dispute_recorded',
      ),
    ).toMatchObject({ round: 2, value: 'dispute' });
    expect(
      h.fake.cycleStatuses.filter((c) => c.workflowId === handle.workflowId).map((c) => c.status),
    ).toContain('dispute');

    // A revision may still follow, and consent then ends the dispute phase.
    await revise(handle, 'v3');
    await h.waitFor(
      handle,
      (s) => s.round === 3 && s.phase === 'voting' && s.bodies.every((b) => b.status === 'open'),
      'round 3',
    );
    await h.approveAll(handle, world);
    const s = await h.waitFor(
      handle,
      (x) => x.phase === 'awaiting_adoption',
      'adoption after the dispute',
    );
    expect(s.dispute).toMatchObject({ rounds: [1, 2] });
  });

  it('only the directeur-bestuurder adopts; before the letters date the letters wait for it, then every board gets its allocation', async () => {
    const world = h.world();
    const morning = await h.officeMorning(1);
    await h.advanceTo(morning);
    const lettersAt = h.amsterdam(morning, 28, 9);
    const handle = await h.startCycle(world, { lettersDate: new Date(lettersAt).toISOString() });
    await h.approveAll(handle, world);
    await h.waitFor(handle, (s) => s.phase === 'awaiting_adoption', 'adoption phase');

    await expect(refusalOf(adopt(handle, 'p-secr'))).resolves.toMatchObject({
      code: 'RULE_VIOLATION',
      reason: 'NOT_DIRECTOR',
    });
    await expect(refusalOf(adopt(handle, 'p-alv-a'))).resolves.toMatchObject({
      code: 'RULE_VIOLATION',
      reason: 'NOT_DIRECTOR',
    });
    const adopted = await adopt(handle, 'p-dir');
    expect(adopted.lettersAt).toBe(new Date(lettersAt).toISOString());
    await expect(refusalOf(adopt(handle, 'p-dir'))).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_AWAITING_ADOPTION',
    });
    const waiting = await h.waitFor(
      handle,
      (s) => s.phase === 'awaiting_letters',
      'waiting for the letters date',
    );
    expect(waiting.adoption.adoptedByPersonId).toBe('p-dir');
    await h.settled();
    expect(
      h.fake.tasks.find((t) => t.workflowId === handle.workflowId && t.kind === 'adopt')?.status,
    ).toBe('done');
    expect(h.fake.mailsOf('letter', handle.workflowId)).toEqual([]);

    await h.advanceTo(lettersAt + TIME.HOUR);
    const result = await handle.result();
    const letters = h.fake.mailsOf('letter', handle.workflowId);
    expect(letters.map((m) => [m.to, m.at])).toEqual(
      world.boards.map((b) => [b.bestuurderPersonId, new Date(lettersAt).toISOString()]),
    );
    // The amounts are the domain's allocation over pupils, fixed amounts of regular schools and the reserve rule.
    const expected = expectedAllocation(world);
    expect(letters.map((m) => m.data?.totalCents)).toEqual(
      expected.boards.map((b) => b.totalCents),
    );
    expect(result).toMatchObject({
      rounds: 1,
      adoptedByPersonId: 'p-dir',
      letters: {
        boards: 4,
        lettersSent: 4,
        totalCents: expected.totalCents,
        reserveStatus: expected.reserve.status,
      },
      dispute: null,
    });
    expect(Date.parse(result.lettersSentAt) - lettersAt).toBeGreaterThanOrEqual(0);
    expect(Date.parse(result.lettersSentAt) - lettersAt).toBeLessThan(60_000);
    const final = await h.status(handle);
    expect(final.phase).toBe('letters_sent');
    expect(
      h.fake.cycleStatuses.filter((c) => c.workflowId === handle.workflowId).map((c) => c.status),
    ).toEqual(['voting', 'awaiting_adoption', 'awaiting_letters', 'letters_sent']);
    expect(
      h.fake.audit
        .filter(
          (a) =>
            a.workflowId === handle.workflowId &&
            ['budget_adopted', 'letters_sent'].includes(a.action),
        )
        .map((a) => [a.action, a.actorPersonId]),
    ).toEqual([
      ['budget_adopted', 'p-dir'],
      ['letters_sent', null],
    ]);
  });

  it('sends the letters right away when the budget is adopted after the letters date', async () => {
    const world = h.world();
    const morning = await h.officeMorning(1);
    await h.advanceTo(morning);
    const lettersAt = h.amsterdam(morning, 2, 9);
    const handle = await h.startCycle(world, { lettersDate: new Date(lettersAt).toISOString() });
    await h.approveAll(handle, world);
    await h.waitFor(handle, (s) => s.phase === 'awaiting_adoption', 'adoption phase');
    await h.advanceTo(lettersAt + 2 * TIME.DAY + 3 * TIME.HOUR);
    const adoptedAt = await h.now();
    const adopted = await adopt(handle, 'p-dir');
    expect(Date.parse(adopted.lettersAt)).toBeGreaterThan(lettersAt);
    const result = await handle.result();
    expect(result.letters.lettersSent).toBe(4);
    const letters = h.fake.mailsOf('letter', handle.workflowId);
    expect(letters).toHaveLength(4);
    // Sent at adoption, not at the (past) letters date; the cycle never waited for letters.
    expect(
      letters.every(
        (m) => Date.parse(m.at!) >= adoptedAt && Date.parse(m.at!) < adoptedAt + TIME.HOUR,
      ),
    ).toBe(true);
    expect(
      h.fake.cycleStatuses.filter((c) => c.workflowId === handle.workflowId).map((c) => c.status),
    ).toEqual(['voting', 'awaiting_adoption', 'letters_sent']);
  });
});

function expectedAllocation(world: World) {
  return computeAllocation({
    boards: world.boards.map((b) => ({ boardId: b.id, name: b.name, pupilCount: b.pupilCount })),
    schools: world.schools
      .filter((s) => s.kind === 'regular')
      .map((s) => ({
        schoolId: s.id,
        boardId: s.boardId,
        name: s.name,
        fixedAmountCents: s.fixedAmountCents,
      })),
    amountPerPupilCents: 100_00,
    equityCents: 400_000_00,
    turnoverCents: 10_000_000_00,
    reserve: DEFAULT_RESERVE_RULE,
  });
}
