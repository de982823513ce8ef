import fs from 'node:fs';
import path from 'node:path';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { amsterdamParts } from '@jaarcyclus/domain';
import { castVoteUpdate, submitRevisionUpdate } from '../budget/budget-cycle.messages';
import { supportPlanWorkflowId } from '../ids';
import { TASK_QUEUES } from '../task-queues';
import { BudgetHarness, refusalOf } from '../../testing/budget-harness';
import {
  type HistoryFixture,
  fromHistoryFixture,
  toHistoryFixture,
  replayFailures,
} from '../../testing/history-fixture';
import type { World } from '../../testing/in-memory-budget-activities';
import { createInMemorySupportPlanActivities } from '../../testing/in-memory-support-plan-activities';
import {
  adoptSupportPlanUpdate,
  getSupportPlanStatusQuery,
  referDisputeUpdate,
  resolveDisputeUpdate,
} from './support-plan.messages';
import type { SupportPlanStatus } from './support-plan.types';
import { supportPlanCycleWorkflow } from './support-plan.workflow';

jest.setTimeout(90_000);

type Handle = WorkflowHandle<typeof supportPlanCycleWorkflow>;

/**
 * The support-plan decision on the time-skipping server, with an SWV governed by an Algemeen
 * Bestuur (key 'ab', approval) and an OPR (consent): bodies are the SWV's data, not `alv`.
 */
describe('support plan decision (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let h: BudgetHarness;
  const sp = { fake: null as unknown as ReturnType<typeof createInMemorySupportPlanActivities> };

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    h = await new BudgetHarness(env, workflowBundle(), {
      // The support plan's fake records into the harness's budget fake (tasks, mails, audit).
      extraActivities: (fake) => (sp.fake = createInMemorySupportPlanActivities(fake)).activities,
    }).start();
  });
  afterEach(() => h.terminateAll());
  afterAll(async () => {
    await h?.stop();
    await env?.teardown();
  });

  const governedByAlgemeenBestuur = (w: World): void => {
    const alv = w.bodies.find((b) => b.key === 'alv')!;
    alv.key = 'ab';
    alv.name = 'Algemeen Bestuur';
    w.bodies = w.bodies.filter((b) => b.key !== 'rvt');
  };

  async function start(world: World): Promise<Handle> {
    const now = await h.now();
    const firstYear = new Date(now).getUTCFullYear() + 1;
    const handle = await env.client.workflow.start(supportPlanCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId: supportPlanWorkflowId(world.organisationId, firstYear, firstYear + 4),
      args: [
        {
          organisationId: world.organisationId,
          firstYear,
          startedByPersonId: 'p-secr',
          directorPersonId: 'p-dir',
          proposal: { documentId: 'doc-op-v1', versionLabel: 'Concept OP v1' },
          bodyKeys: ['opr', 'ab'],
          voteDeadline: new Date(h.amsterdam(now, 21, 17)).toISOString(),
        },
      ],
    });
    h.track(handle);
    await waitFor(handle, (s) => s.bodies.every((b) => b.status === 'open'), 'voting');
    return handle;
  }

  async function waitFor(
    handle: Handle,
    predicate: (s: SupportPlanStatus) => boolean,
    what: string,
  ): Promise<SupportPlanStatus> {
    const started = Date.now();
    for (;;) {
      const s = await handle.query(getSupportPlanStatusQuery);
      if (predicate(s)) {
        await h.settled();
        return handle.query(getSupportPlanStatusQuery);
      }
      if (Date.now() - started > 15_000)
        throw new Error(`timed out waiting for ${what}; phase=${s.phase} round=${s.round}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const vote = (handle: Handle, personId: string, bodyKey: string, value: 'for' | 'against') =>
    handle.executeUpdate(castVoteUpdate, { args: [{ personId, bodyKey, value }] });
  /** Members vote in order until the body's tally is final (the rest could not change it). */
  const decide = async (
    handle: Handle,
    bodyKey: string,
    personIds: string[],
    value: 'for' | 'against',
  ): Promise<void> => {
    for (const p of personIds) if ((await vote(handle, p, bodyKey, value)).tally.final) return;
  };
  const adopt = (handle: Handle, actorPersonId: string) =>
    handle.executeUpdate(adoptSupportPlanUpdate, { args: [{ actorPersonId }] });
  const today = async (): Promise<string> => amsterdamParts(new Date(await h.now())).date;

  it('puts the plan to the SWV’s own bodies; after consent and approval the director adopts', async () => {
    const world = h.world(governedByAlgemeenBestuur);
    const handle = await start(world);
    const opened = await handle.query(getSupportPlanStatusQuery);
    expect(opened.title).toMatch(/^Ondersteuningsplan \d{4}–\d{4}$/);
    expect(opened.bodies.map((b) => [b.bodyKey, b.name, b.decisionKind])).toEqual([
      ['opr', 'Ondersteuningsplanraad', 'instemming'],
      ['ab', 'Algemeen Bestuur', 'goedkeuring'],
    ]);
    // Every member of both bodies has a vote task and a ballot.
    const wf = handle.workflowId;
    expect(h.fake.mailsOf('ballot', wf)).toHaveLength(8);
    // Adoption before the bodies decided is refused.
    await expect(refusalOf(adopt(handle, 'p-dir'))).resolves.toMatchObject({
      reason: 'NOT_AWAITING_ADOPTION',
    });

    await decide(handle, 'opr', ['p-opr-1', 'p-opr-2', 'p-opr-3'], 'for');
    await decide(handle, 'ab', ['p-alv-a', 'p-alv-b'], 'for');
    const ready = await waitFor(handle, (s) => s.phase === 'awaiting_adoption', 'adoption');
    expect(ready.bodies.map((b) => [b.bodyKey, b.status])).toEqual([
      ['opr', 'approved'],
      ['ab', 'approved'],
    ]);
    // Every member of both bodies hears the outcome (issue #16, results), at a business moment.
    await h.advanceTo((await h.now()) + 3 * 24 * 60 * 60_000);
    await h.settled();
    const results = h.fake.mailsOf('result', wf);
    expect(results.map((m) => [m.bodyKey, m.to]).sort()).toEqual(
      h.fake
        .mailsOf('ballot', wf)
        .map((m) => [m.bodyKey, m.to])
        .sort(),
    );
    expect(results.every((m) => m.data?.['result'] === 'approved')).toBe(true);
    expect(h.fake.tasks.filter((t) => t.workflowId === wf && t.kind === 'adopt')).toMatchObject([
      { personId: 'p-dir', status: 'open' },
    ]);
    await expect(refusalOf(adopt(handle, 'p-secr'))).resolves.toMatchObject({
      code: 'RULE_VIOLATION',
      reason: 'NOT_DIRECTOR',
    });
    await adopt(handle, 'p-dir');
    const result = await handle.result();
    expect(result).toMatchObject({ rounds: 1, adoptedByPersonId: 'p-dir', disputes: [] });
    expect(sp.fake.states.get(wf)?.state.phase).toBe('adopted');
    expect(h.fake.tasks.find((t) => t.workflowId === wf && t.kind === 'adopt')?.status).toBe(
      'done',
    );
    expect(h.fake.audit.filter((a) => a.workflowId === wf).map((a) => a.action)).toEqual(
      expect.arrayContaining(['cycle_started', 'round_approved', 'support_plan_adopted']),
    );
  });

  it('consent withheld → referral to the Commissie (adoption blocked) → permission → approval → adoption', async () => {
    const handle = await disputeRun(await start(h.world(governedByAlgemeenBestuur)));
    const result = await handle.result();
    expect(result.rounds).toBe(1);
    expect(result.disputes).toHaveLength(1);
    expect(result.disputes[0]).toMatchObject({ outcome: 'permission_granted', bodyKey: 'opr' });
    expect(h.fake.duplicateMailKeys).toEqual([]);
  });

  it('a ruling that upholds the withheld consent leaves only a revision, which opens a round for all bodies', async () => {
    const handle = await start(h.world(governedByAlgemeenBestuur));
    await decide(handle, 'opr', ['p-opr-1', 'p-opr-2', 'p-opr-3'], 'against');
    await waitFor(handle, (s) => s.phase === 'consent_withheld', 'consent withheld');
    const day = await today();
    await handle.executeUpdate(referDisputeUpdate, {
      args: [{ actorPersonId: 'p-secr', referredOn: day }],
    });
    await handle.executeUpdate(resolveDisputeUpdate, {
      args: [{ actorPersonId: 'p-secr', outcome: 'consent_upheld', decidedOn: day }],
    });
    await waitFor(handle, (s) => s.phase === 'rejected_awaiting_revision', 'awaiting revision');
    await expect(refusalOf(adopt(handle, 'p-dir'))).resolves.toMatchObject({
      reason: 'NOT_AWAITING_ADOPTION',
    });
    await handle.executeUpdate(submitRevisionUpdate, {
      args: [
        {
          actorPersonId: 'p-secr',
          proposal: { url: 'https://x.example/op-v2', versionLabel: 'v2' },
        },
      ],
    });
    const s = await waitFor(
      handle,
      (x) => x.round === 2 && x.bodies.every((b) => b.status === 'open'),
      'round 2',
    );
    expect(s.bodies.map((b) => b.bodyKey)).toEqual(['opr', 'ab']);
    expect(s.disputes[0]).toMatchObject({ outcome: 'consent_upheld', referredOn: day });
  });

  /** The dispute path, to adoption; used by the test above and the replay recorder. */
  async function disputeRun(handle: Handle): Promise<Handle> {
    const wf = handle.workflowId;
    await vote(handle, 'p-alv-a', 'ab', 'for');
    await decide(handle, 'opr', ['p-opr-1', 'p-opr-2', 'p-opr-3'], 'against');
    const withheld = await waitFor(handle, (s) => s.phase === 'consent_withheld', 'withheld');
    expect(withheld.bodies.map((b) => [b.bodyKey, b.status])).toEqual([
      ['opr', 'rejected'],
      ['ab', 'approved'],
    ]);
    // The secretariat and the director hear of it.
    expect(sp.fake.withheldNotices.filter((n) => n.workflowId === wf)).toHaveLength(1);
    // Referral: a date in the future or no date is refused; adoption is blocked until the ruling.
    await expect(
      refusalOf(
        handle.executeUpdate(referDisputeUpdate, {
          args: [{ actorPersonId: 'p-secr', referredOn: '2999-01-01' }],
        }),
      ),
    ).resolves.toMatchObject({ code: 'VALIDATION' });
    const day = await today();
    const referred = await handle.executeUpdate(referDisputeUpdate, {
      args: [{ actorPersonId: 'p-secr', referredOn: day, caseReference: '108765' }],
    });
    expect(referred).toMatchObject({ referredOn: day, caseReference: '108765', outcome: null });
    await expect(refusalOf(adopt(handle, 'p-dir'))).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'DISPUTE_UNRESOLVED',
    });
    // Weeks pass while the Commissie deliberates: nothing happens on its own.
    await h.advanceBy(30 * 24 * 3_600_000);
    expect((await handle.query(getSupportPlanStatusQuery)).phase).toBe('dispute');
    const ruled = await today();
    await handle.executeUpdate(resolveDisputeUpdate, {
      args: [{ actorPersonId: 'p-secr', outcome: 'permission_granted', decidedOn: ruled }],
    });
    // The Algemeen Bestuur had approved already: straight to adoption (no second round needed).
    const ready = await waitFor(handle, (s) => s.phase === 'awaiting_adoption', 'adoption');
    expect(ready.disputes).toEqual([
      expect.objectContaining({ referredOn: day, decidedOn: ruled, outcome: 'permission_granted' }),
    ]);
    await adopt(handle, 'p-dir');
    return handle;
  }

  it('after permission, bodies that had not decided yet still vote in a new round', async () => {
    const handle = await start(h.world(governedByAlgemeenBestuur));
    await decide(handle, 'opr', ['p-opr-1', 'p-opr-2', 'p-opr-3'], 'against');
    const withheld = await waitFor(handle, (s) => s.phase === 'consent_withheld', 'withheld');
    expect(withheld.bodies.find((b) => b.bodyKey === 'ab')?.status).toBe('cancelled');
    const day = await today();
    await handle.executeUpdate(referDisputeUpdate, {
      args: [{ actorPersonId: 'p-secr', referredOn: day }],
    });
    await handle.executeUpdate(resolveDisputeUpdate, {
      args: [{ actorPersonId: 'p-secr', outcome: 'permission_granted', decidedOn: day }],
    });
    const round2 = await waitFor(
      handle,
      (s) => s.round === 2 && s.bodies.every((b) => b.status === 'open'),
      'round 2 for the Algemeen Bestuur',
    );
    expect(round2.bodies.map((b) => b.bodyKey)).toEqual(['ab']);
    await decide(handle, 'ab', ['p-alv-a', 'p-alv-b'], 'for');
    await waitFor(handle, (s) => s.phase === 'awaiting_adoption', 'adoption');
    await adopt(handle, 'p-dir');
    await expect(handle.result()).resolves.toMatchObject({ rounds: 2 });
  });

  /**
   * Replay guard, as for the budget: every history in __histories__ replays against the current
   * code. Record the representative (dispute) run once per released change with
   *   RECORD_SUPPORT_PLAN_HISTORY=<name> npx jest --selectProjects workflow -- support-plan
   */
  it('replays the committed histories and a fresh dispute run', async () => {
    const dir = path.join(__dirname, '__histories__');
    const committed = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as HistoryFixture);
    if (!process.env.RECORD_SUPPORT_PLAN_HISTORY) expect(committed.length).toBeGreaterThan(0);
    const failures = await replayFailures(committed, {
      workflowBundle: workflowBundle(),
      replayName: 'support-plan-replay',
    });
    expect(failures).toEqual([]);

    const handle = await disputeRun(await start(h.world(governedByAlgemeenBestuur)));
    await handle.result();
    const fixture = toHistoryFixture(handle.workflowId, await handle.fetchHistory());
    await Worker.runReplayHistory(
      { workflowBundle: workflowBundle(), replayName: 'support-plan-fresh' },
      fromHistoryFixture(fixture),
      handle.workflowId,
    );
    const name = process.env.RECORD_SUPPORT_PLAN_HISTORY;
    if (name) {
      const file = path.join(dir, `support-plan.${name}.json`);
      if (fs.existsSync(file)) throw new Error(`${file} exists: choose a new name`);
      fs.writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
    }
  });
});
