import fs from 'node:fs';
import path from 'node:path';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { amsterdamInstant, amsterdamParts, isBusinessDay } from '@jaarcyclus/domain';
import { ectEvaluationWorkflowId } from '../ids';
import { TASK_QUEUES } from '../task-queues';
import { BudgetHarness, TIME, refusalOf } from '../../testing/budget-harness';
import {
  type HistoryFixture,
  fromHistoryFixture,
  toHistoryFixture,
  replayFailures,
} from '../../testing/history-fixture';
import { type EctFake, createInMemoryEctActivities } from '../../testing/in-memory-ect-activities';
import { defaultEctDeadline } from './ect-evaluation.config';
import {
  closeEctEvaluationUpdate,
  getEctEvaluationStatusQuery,
  submitEctEvaluationUpdate,
} from './ect-evaluation.messages';
import type { EctEvaluationStatus } from './ect-evaluation.types';
import { ectEvaluationWorkflow } from './ect-evaluation.workflow';

jest.setTimeout(120_000);

type Handle = WorkflowHandle<typeof ectEvaluationWorkflow>;

const SCHOOLS = [
  { schoolId: 'school-a1', ectPersonId: 'p-ect-1' },
  { schoolId: 'school-a2', ectPersonId: 'p-ect-1' },
  { schoolId: 'school-b1', ectPersonId: 'p-ect-2' },
];

/** The autumn ECT evaluation (docs/domain.md, source 001 §7.4) on the time-skipping server. */
describe('ECT evaluation (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let h: BudgetHarness;
  let ect: EctFake;
  let seq = 0;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    h = await new BudgetHarness(env, workflowBundle(), {
      extraActivities: () => (ect = createInMemoryEctActivities(() => h.now())).activities,
    }).start();
  });
  afterEach(() => h.terminateAll());
  afterAll(async () => {
    await h?.stop();
    await env?.teardown();
  });

  /** Moves the clock to a Sunday night early in October, so the invitation must wait for Monday 08:00. */
  async function toOctober(): Promise<number> {
    const now = new Date(await h.now());
    const parts = amsterdamParts(now);
    const year =
      parts.date >= `${now.getUTCFullYear()}-10-01`
        ? now.getUTCFullYear() + 1
        : now.getUTCFullYear();
    let day = 1;
    while (amsterdamParts(amsterdamInstant(`${year}-10-0${day}`, 12)).weekday !== 7) day += 1;
    await h.advanceTo(amsterdamInstant(`${year}-10-0${day}`, 23).getTime());
    return year;
  }

  async function start(year: number): Promise<Handle> {
    seq += 1;
    const organisationId = `org-ect-${seq}-${Math.random().toString(36).slice(2, 8)}`;
    const handle = await env.client.workflow.start(ectEvaluationWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId: ectEvaluationWorkflowId(organisationId, year),
      args: [
        {
          organisationId,
          year,
          startedByPersonId: 'p-secr',
          deadline: defaultEctDeadline(year).toISOString(),
          schools: SCHOOLS,
        },
      ],
    });
    h.track(handle);
    await h.settled();
    return handle;
  }

  const status = (handle: Handle): Promise<EctEvaluationStatus> =>
    handle.query(getEctEvaluationStatusQuery);
  const submit = (handle: Handle, personId: string, schoolId: string, findings = 'Goed jaar') =>
    handle.executeUpdate(submitEctEvaluationUpdate, {
      args: [{ personId, schoolId, findings, agreements: 'Twee extra consultaties per periode' }],
    });
  const decent = (atMs: number): boolean => {
    const p = amsterdamParts(new Date(atMs));
    return isBusinessDay(p.date) && p.hour >= 8 && p.hour < 18;
  };

  it('invites at office hours, reminds only who has not submitted, marks late and escalates to the secretariat', async () => {
    const year = await toOctober();
    const handle = await representativeRun(await start(year), year);
    const done = await handle.result();
    expect(done.phase).toBe('completed');
    expect(done.schools.map((s) => [s.schoolId, s.status])).toEqual([
      ['school-a1', 'submitted'],
      ['school-a2', 'submitted'],
      ['school-b1', 'submitted'],
    ]);
    expect(ect.stored.filter((s) => s.workflowId === handle.workflowId)).toHaveLength(3);
  });

  async function representativeRun(handle: Handle, year: number): Promise<Handle> {
    const wf = handle.workflowId;
    // Started on a Sunday night: nothing is sent until Monday 08:00.
    expect(ect.mails.filter((m) => m.key.startsWith(wf))).toEqual([]);
    expect((await status(handle)).phase).toBe('inviting');
    await h.advanceBy(12 * TIME.HOUR);
    await h.settled();
    const invitations = ect.mails.filter((m) => m.key.startsWith(wf) && m.kind === 'invitation');
    expect(invitations.map((m) => m.to).sort()).toEqual(['p-ect-1', 'p-ect-1', 'p-ect-2']);
    expect(invitations.every((m) => decent(m.atMs))).toBe(true);
    expect(ect.tasks.filter((t) => t.workflowId === wf && t.status === 'open')).toHaveLength(3);

    // Only the school's own ECT member submits; both texts are required.
    await expect(refusalOf(submit(handle, 'p-ect-2', 'school-a1'))).resolves.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_YOUR_SCHOOL',
    });
    await expect(refusalOf(submit(handle, 'p-ect-1', 'school-a1', '  '))).resolves.toMatchObject({
      code: 'VALIDATION',
    });
    await submit(handle, 'p-ect-1', 'school-a1');
    await expect(refusalOf(submit(handle, 'p-ect-1', 'school-a1'))).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'EVALUATION_CLOSED',
    });
    expect(
      ect.tasks.find((t) => t.workflowId === wf && t.refKey.endsWith('school-a1'))?.status,
    ).toBe('done');

    // The reminders before the deadline go to the two schools still open, at decent hours.
    const deadline = defaultEctDeadline(year).getTime();
    await h.advanceTo(deadline - TIME.HOUR);
    const reminders = ect.mails.filter((m) => m.key.startsWith(wf) && m.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(new Set(reminders.flatMap((m) => m.schoolIds))).toEqual(
      new Set(['school-a2', 'school-b1']),
    );
    expect(reminders.every((m) => decent(m.atMs))).toBe(true);
    await submit(handle, 'p-ect-1', 'school-a2');

    // Past the deadline: late; the next business day 09:00 the secretariat hears which school.
    await h.advanceTo(deadline + TIME.HOUR);
    const late = await status(handle);
    expect(late.phase).toBe('overdue');
    expect(late.schools.find((s) => s.schoolId === 'school-b1')?.status).toBe('late');
    expect(ect.mails.filter((m) => m.key.startsWith(wf) && m.kind === 'overdue')).toEqual([]);
    await h.advanceBy(4 * TIME.DAY);
    const overdue = ect.mails.filter((m) => m.key.startsWith(wf) && m.kind === 'overdue');
    expect(overdue).toMatchObject([{ to: 'p-secr', schoolIds: ['school-b1'] }]);
    expect(amsterdamParts(new Date(overdue[0]!.atMs)).hour).toBe(9);
    expect(decent(overdue[0]!.atMs)).toBe(true);
    // A late evaluation is still taken; with it the cycle is complete.
    await submit(handle, 'p-ect-2', 'school-b1');
    return handle;
  }

  it('the secretariat closes the cycle: schools that did not submit are closed, their tasks withdrawn', async () => {
    const year = await toOctober();
    const handle = await start(year);
    await h.advanceBy(12 * TIME.HOUR);
    await submit(handle, 'p-ect-2', 'school-b1');
    const closed = await handle.executeUpdate(closeEctEvaluationUpdate, {
      args: [{ actorPersonId: 'p-secr' }],
    });
    expect(closed.schools.map((s) => s.status)).toEqual(['closed', 'closed', 'submitted']);
    const result = await handle.result();
    expect(result.closedByPersonId).toBe('p-secr');
    expect(
      ect.tasks
        .filter((t) => t.workflowId === handle.workflowId)
        .map((t) => t.status)
        .sort(),
    ).toEqual(['cancelled', 'cancelled', 'done']);
  });

  /**
   * Replay guard: every committed history replays against the current code. Record with
   *   RECORD_ECT_HISTORY=<name> npx jest --selectProjects workflow --testPathPattern ect-evaluation
   */
  it('replays the committed histories and a fresh representative run', async () => {
    const dir = path.join(__dirname, '__histories__');
    const committed = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as HistoryFixture);
    if (!process.env.RECORD_ECT_HISTORY) expect(committed.length).toBeGreaterThan(0);
    const failures = await replayFailures(committed, {
      workflowBundle: workflowBundle(),
      replayName: 'ect-replay',
    });
    expect(failures).toEqual([]);

    const year = await toOctober();
    const handle = await representativeRun(await start(year), year);
    await handle.result();
    const fixture = toHistoryFixture(handle.workflowId, await handle.fetchHistory());
    await Worker.runReplayHistory(
      { workflowBundle: workflowBundle(), replayName: 'ect-fresh' },
      fromHistoryFixture(fixture),
      handle.workflowId,
    );
    const name = process.env.RECORD_ECT_HISTORY;
    if (name) {
      const file = path.join(dir, `ect-evaluation.${name}.json`);
      if (fs.existsSync(file)) throw new Error(`${file} exists: choose a new name`);
      fs.writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
    }
  });
});
