import fs from 'node:fs';
import path from 'node:path';
import {
  Client,
  type WorkflowHandle,
  WorkflowExecutionAlreadyStartedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  DEFAULT_PLAYBOOKS,
  type LocalDate,
  addBusinessDays,
  addDays,
  amsterdamDate,
  amsterdamInstant,
  amsterdamParts,
  isBusinessDay,
  weekdayOf,
} from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import { toHistoryFixture } from '../../testing/history-fixture';
import { visitWorkflowId, visitationProgrammeWorkflowId } from '../ids';
import { TASK_QUEUES } from '../task-queues';
import { visitationProgrammeWorkflow } from './programme.workflow';
import { createInMemoryVisitActivities } from '../../testing/in-memory-visit-activities';
import { visitWorkflow } from './visit.workflow';
import {
  addFollowUpActionUpdate,
  answerVisitDateUpdate,
  cancelVisitUpdate,
  completeFollowUpActionUpdate,
  completeFollowUpCheckUpdate,
  getVisitQuery,
  remindVisitStepNowUpdate,
  rescheduleVisitUpdate,
  submitVisitReportUpdate,
} from './visitation.messages';
import type { VisitView, VisitWorkflowInput } from './visitation.types';

// One visit's flow on Temporal's time-skipping server, as hosts, visitors and the secretariat
// notice it. The server's clock only moves forward, so each test plans its visit some business
// days after the clock's current date.
jest.setTimeout(180_000);

type VisitHandle = WorkflowHandle<typeof visitWorkflow>;

let env: TestWorkflowEnvironment;
let client: Client;
let worker: Worker;
let running: Promise<void>;
let seq = 0;
const started: string[] = [];
const fake = createInMemoryVisitActivities({
  startVisit: async (input) => {
    // Two visits per programme, one per batch: a, then b, then none left.
    const ids = ['a', 'b'];
    const rest = ids.filter((id) => input.afterVisitId === null || id > input.afterVisitId);
    const batch = rest.slice(0, input.limit);
    for (const visitId of batch) {
      const workflowId = visitWorkflowId(input.organisationId, input.programmeId, visitId);
      started.push(workflowId);
      await client.workflow
        .start(visitWorkflow, {
          taskQueue: TASK_QUEUES.cycles,
          workflowId,
          args: [programmeVisits.get(`${input.programmeId}:${visitId}`)!],
        })
        .catch((err: unknown) => {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        });
    }
    return { started: batch.length, lastVisitId: batch.at(-1) ?? null };
  },
});
const programmeVisits = new Map<string, VisitWorkflowInput>();

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUES.cycles,
    workflowBundle: workflowBundle(),
    activities: fake.activities,
  });
  running = worker.run();
}, 120_000);

afterEach(async () => {
  // End every workflow a test started, so that their timers do not fire while later tests move
  // the clock. First let running steps finish: the time-skipping server stays locked when a
  // workflow is terminated while one of its activities is in flight.
  const ids = started.splice(0);
  await Promise.all(ids.map((id) => quiescent(id)));
  await Promise.all(
    ids.map((id) =>
      client.workflow
        .getHandle(id)
        .terminate('test finished')
        .catch(() => undefined),
    ),
  );
});

/** Waits (real time, bounded) until a workflow is idle: no activity pending, no task running. */
async function quiescent(workflowId: string): Promise<void> {
  const handle = client.workflow.getHandle(workflowId);
  const begin = Date.now();
  let previousLength = -1;
  let stablePolls = 0;
  while (Date.now() - begin < 15_000) {
    const d = await handle.describe().catch(() => null);
    if (!d || d.status.name !== 'RUNNING') return;
    const events = (await handle.fetchHistory()).events ?? [];
    const last = events[events.length - 1];
    const busy =
      (d.raw.pendingActivities ?? []).length > 0 ||
      !last ||
      Boolean(last.workflowTaskScheduledEventAttributes || last.workflowTaskStartedEventAttributes);
    stablePolls = !busy && events.length === previousLength ? stablePolls + 1 : 0;
    if (stablePolls >= 2) return;
    previousLength = events.length;
    await new Promise((r) => setTimeout(r, 30));
  }
}

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

// ---- helpers ----

const TEAM = [
  { visitorId: 'v1', role: 'chair' as const },
  { visitorId: 'v2', role: 'member' as const },
  { visitorId: 'v3', role: 'member' as const },
];

async function today(): Promise<LocalDate> {
  return amsterdamDate(new Date(await env.currentTimeMs()));
}

async function visitInput(
  businessDaysAhead: number,
  visitId?: string,
): Promise<VisitWorkflowInput> {
  seq += 1;
  return {
    organisationId: `org-${seq}`,
    programmeId: `prog-${seq}`,
    visitId: visitId ?? `visit-${seq}`,
    hostId: `host-${seq}`,
    visitDate: addBusinessDays(await today(), businessDaysAhead, { region: 'noord' }),
    region: 'noord',
    playbook: DEFAULT_PLAYBOOKS['collegiale-visitatie'],
    hostPersonIds: ['h1'],
    team: TEAM,
  };
}

async function start(input: VisitWorkflowInput): Promise<VisitHandle> {
  const workflowId = visitWorkflowId(input.organisationId, input.programmeId, input.visitId);
  started.push(workflowId);
  return client.workflow.start(visitWorkflow, {
    taskQueue: TASK_QUEUES.cycles,
    workflowId,
    args: [input],
  });
}

async function advanceTo(ms: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (ms > now) await env.sleep(ms - now);
}

async function waitFor(
  handle: VisitHandle,
  predicate: (v: VisitView) => boolean,
  what: string,
): Promise<VisitView> {
  const begin = Date.now();
  for (;;) {
    const v = await handle.query(getVisitQuery).catch(() => null);
    if (v && predicate(v)) return v;
    if (Date.now() - begin > 60_000)
      throw new Error(
        `timed out waiting for ${what}: ${JSON.stringify(v?.history.map((e) => e.code))}`,
      );
    await new Promise((r) => setTimeout(r, 40));
  }
}

const has =
  (code: string, n = 1) =>
  (v: VisitView) =>
    v.history.filter((e) => e.code === code).length >= n;

/** Moves the clock to the invitation and waits until it went out. */
async function invite(handle: VisitHandle): Promise<VisitView> {
  const v = await handle.query(getVisitQuery);
  expect(v.next?.kind).toBe('invite');
  await advanceTo(Date.parse(v.next!.at));
  return waitFor(handle, has('invited'), 'the invitation');
}

function answer(handle: VisitHandle, actorPersonId: string, a: 'confirm' | 'decline' = 'confirm') {
  return handle.executeUpdate(answerVisitDateUpdate, { args: [{ actorPersonId, answer: a }] });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof ApplicationFailure) return `${cause.type}: ${cause.message}`;
    throw err;
  }
  throw new Error('not refused');
}

const mailsOf = (workflowId: string, kind?: string) =>
  [...fake.mails.values()].filter(
    (m) => m.key.startsWith(`${workflowId}:`) && (kind === undefined || m.kind === kind),
  );

// ---- the flow ----

describe('a visit of a collegial visitation', () => {
  it('invites the host and the team at a business moment and asks each to confirm the date', async () => {
    const input = await visitInput(40);
    const handle = await start(input);
    const v = await invite(handle);
    const invitation = mailsOf(handle.workflowId, 'invitation');
    expect(invitation.map((m) => m.to).sort()).toEqual(['h1', 'v1', 'v2', 'v3']);
    const at = amsterdamParts(new Date(invitation[0]!.at));
    expect(isBusinessDay(at.date, { region: 'noord' })).toBe(true);
    expect(at.hour).toBeGreaterThanOrEqual(8);
    expect(at.hour).toBeLessThan(18);
    expect([...fake.tasks.values()].filter((t) => t.kind === 'visit_confirm')).toHaveLength(4);
    expect(v.status).toBe('scheduled');
    // Someone outside the visit is answered as if the visit did not exist.
    expect(await refusal(answer(handle, 'stranger'))).toMatch(/^NOT_FOUND/);
  });

  it('replaces one seat when a visitor declines, leaving the rest of the team as it was', async () => {
    const input = await visitInput(40);
    const handle = await start(input);
    await invite(handle);
    fake.replacements.set('v2', { visitorId: 'v9', role: 'member' });
    await answer(handle, 'v1');
    await answer(handle, 'v2', 'decline');
    const v = await waitFor(handle, has('seat_replaced'), 'the replacement');
    expect(fake.seatCalls.filter((c) => c.visitId === input.visitId)).toEqual([
      expect.objectContaining({ visitorId: 'v2', programmeId: input.programmeId }),
    ]);
    expect(v.team).toEqual([
      { visitorId: 'v1', role: 'chair' },
      { visitorId: 'v3', role: 'member' },
      { visitorId: 'v9', role: 'member' },
    ]);
    expect(v.answers).toEqual({ v1: 'confirmed', v3: 'pending', v9: 'pending' });
    expect(mailsOf(handle.workflowId, 'seat_invitation').map((m) => m.to)).toEqual(['v9']);
    // The one who declined is out of the visit now.
    expect(await refusal(answer(handle, 'v2'))).toMatch(/^NOT_FOUND/);
  });

  it('escalates an overdue date confirmation to the secretariat, having reminded only those who owe it', async () => {
    const input = await visitInput(40);
    const handle = await start(input);
    await invite(handle);
    await answer(handle, 'h1');
    await answer(handle, 'v1');
    const v = await handle.query(getVisitQuery);
    const due = v.steps.find((s) => s.key === 'date_confirmation')!.dueAt;
    // The next business day after the due date, 09:00.
    const escalationAt = amsterdamInstant(addBusinessDays(amsterdamDate(new Date(due)), 1), 9);
    await advanceTo(escalationAt.getTime());
    const after = await waitFor(handle, has('escalated'), 'the escalation');
    const reminders = mailsOf(handle.workflowId, 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(new Set(reminders.map((m) => m.to))).toEqual(new Set(['v2', 'v3']));
    for (const r of reminders) expect(amsterdamParts(new Date(r.at)).hour).toBe(9);
    const escalations = [...fake.escalations.values()].filter(
      (e) => e.workflowId === handle.workflowId,
    );
    expect(escalations).toEqual([
      expect.objectContaining({
        reason: 'step_overdue',
        step: 'date_confirmation',
        owedByPersonIds: ['v2', 'v3'],
      }),
    ]);
    expect(after.overdue).toEqual(['date_confirmation']);
  });

  it('reminds now, at the secretariat’s request, only those who still owe the step, with the timer’s mail', async () => {
    const input = await visitInput(40);
    const handle = await start(input);
    const remindNow = (step: 'date_confirmation' | 'draft_report') =>
      handle.executeUpdate(remindVisitStepNowUpdate, { args: [{ actorPersonId: 's1', step }] });
    // Before the invitation nobody owes anything yet.
    expect(await refusal(remindNow('date_confirmation'))).toMatch(/^CONFLICT/);
    await invite(handle);
    await answer(handle, 'h1');
    await answer(handle, 'v1');
    const before = await env.currentTimeMs();
    await expect(remindNow('date_confirmation')).resolves.toEqual({
      step: 'date_confirmation',
      recipients: 2,
    });
    const v = await waitFor(handle, has('reminder_sent'), 'the reminder');
    const reminders = mailsOf(handle.workflowId, 'reminder');
    expect(reminders.map((m) => m.to).sort()).toEqual(['v2', 'v3']);
    // Sent at once (no timer moved the clock), and recorded with who asked.
    for (const r of reminders) expect(r.at - before).toBeLessThan(60_000);
    expect(v.history.find((e) => e.code === 'reminder_sent')).toMatchObject({
      actorPersonId: 's1',
      data: { step: 'date_confirmation', recipients: 2, now: true },
    });
    // A second request is a second reminder, not swallowed by the first one's key.
    await remindNow('date_confirmation');
    await waitFor(handle, has('reminder_sent', 2), 'the second reminder');
    expect(mailsOf(handle.workflowId, 'reminder')).toHaveLength(4);
    // A step not open yet, or one nobody owes any more: refused, nothing sent.
    expect(await refusal(remindNow('draft_report'))).toMatch(/^CONFLICT/);
    await answer(handle, 'v2');
    await answer(handle, 'v3');
    expect(await refusal(remindNow('date_confirmation'))).toMatch(/^CONFLICT/);
    expect(mailsOf(handle.workflowId, 'reminder')).toHaveLength(4);
  });

  it('invites from the moment the programme was published, by the worker’s clock', async () => {
    // It is 22:00 on a business day; the programme was published at 10:00 that day (the
    // worker's clock). The invitation, due already, goes out now: not at 08:00 tomorrow, as it
    // would from the flow's own start.
    const day = addBusinessDays(await today(), 1, { region: 'noord' });
    const night = amsterdamInstant(day, 22).getTime();
    await advanceTo(night);
    const input = await visitInput(15);
    const handle = await start({
      ...input,
      plannedFrom: amsterdamInstant(day, 10).toISOString(),
    });
    const v = await waitFor(handle, has('invited'), 'the invitation');
    const sentAt = mailsOf(handle.workflowId, 'invitation')[0]!.at;
    expect(sentAt - night).toBeLessThan(60 * 60_000);
    expect(v.status).toBe('scheduled');
    // Without it, or with a moment in the future (never believed), the flow plans from its
    // own start: the invitation waits for the next business morning.
    for (const plannedFrom of [undefined, new Date(night + 400 * 86_400_000).toISOString()]) {
      const later = await start({
        ...(await visitInput(15)),
        ...(plannedFrom ? { plannedFrom } : {}),
      });
      const w = await later.query(getVisitQuery);
      expect(w.next?.kind).toBe('invite');
      const at = amsterdamParts(new Date(w.next!.at));
      expect(at.date > day).toBe(true);
      expect([8, 9]).toContain(at.hour);
    }
  });

  it('cancels a visit: every task cancelled, host and team told, no timer fires after it, the flow ends', async () => {
    const input = await visitInput(40);
    const handle = await start(input);
    await invite(handle);
    await answer(handle, 'h1');
    const cancel = (reason: string) =>
      handle.executeUpdate(cancelVisitUpdate, {
        args: [{ actorPersonId: 'p-secretariat', reason }],
      });
    // A cancellation needs its reason.
    expect(await refusal(cancel('  '))).toMatch(/^VALIDATION/);
    const v = await cancel('School gesloten wegens verbouwing');
    expect(v.status).toBe('cancelled');
    expect(v.history.at(-1)).toMatchObject({
      code: 'cancelled',
      actorPersonId: 'p-secretariat',
      data: { reason: 'School gesloten wegens verbouwing' },
    });
    expect(await handle.result()).toMatchObject({ status: 'cancelled' });
    expect(
      mailsOf(handle.workflowId, 'cancelled')
        .map((m) => m.to)
        .sort(),
    ).toEqual(['h1', 'v1', 'v2', 'v3']);
    const open = [...fake.tasks.entries()].filter(
      ([k, t]) => k.startsWith(`${handle.workflowId}:`) && t.status === 'open',
    );
    expect(open).toEqual([]);
    // Past every due date of the old plan: no reminder, no escalation, no visit day.
    const remindersBefore = mailsOf(handle.workflowId, 'reminder').length;
    await advanceTo(amsterdamInstant(addBusinessDays(input.visitDate, 25), 12).getTime());
    expect(mailsOf(handle.workflowId, 'reminder')).toHaveLength(remindersBefore);
    expect(
      [...fake.escalations.values()].filter((e) => e.workflowId === handle.workflowId),
    ).toEqual([]);
    expect((await handle.query(getVisitQuery)).history.some((e) => e.code === 'held')).toBe(false);
  });

  it('tells the secretariat when nobody can take a declined seat; the rest of the team stays', async () => {
    const input = await visitInput(40);
    const handle = await start(input);
    await invite(handle);
    fake.replacements.delete('v3');
    await answer(handle, 'v3', 'decline');
    const v = await waitFor(handle, has('seat_unfilled'), 'the unfilled seat');
    expect(
      [...fake.escalations.values()].filter((e) => e.workflowId === handle.workflowId),
    ).toEqual([expect.objectContaining({ reason: 'seat_unfilled', owedByPersonIds: ['v3'] })]);
    expect(v.team).toEqual(TEAM);
    expect(mailsOf(handle.workflowId, 'seat_invitation')).toEqual([]);
  });

  it('escalates an overdue follow-up action to the secretariat after reminding only its owner', async () => {
    const input = await visitInput(40);
    const handle = await start(input);
    await invite(handle);
    for (const p of ['h1', 'v1', 'v2', 'v3']) await answer(handle, p);
    await advanceTo(amsterdamInstant(input.visitDate, 17, 1).getTime());
    await waitFor(handle, has('held'), 'the visit');
    const dueDate = addBusinessDays(input.visitDate, 15);
    await handle.executeUpdate(addFollowUpActionUpdate, {
      args: [
        { actorPersonId: 'p-secretariat', description: 'Zorgroute', ownerPersonId: 'v2', dueDate },
      ],
    });
    expect(mailsOf(handle.workflowId, 'follow_up_assigned').map((m) => m.to)).toEqual(['v2']);
    // The next business day after the due date, 09:00: escalated, once.
    await advanceTo(amsterdamInstant(addBusinessDays(dueDate, 1), 9, 5).getTime());
    const v = await waitFor(
      handle,
      (x) => x.history.some((e) => e.code === 'escalated' && e.data?.actionKey === 'a1'),
      'the escalation of the action',
    );
    const reminders = mailsOf(handle.workflowId, 'follow_up_reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(new Set(reminders.map((m) => m.to))).toEqual(new Set(['v2']));
    const escalations = [...fake.escalations.values()].filter(
      (e) => e.workflowId === handle.workflowId && e.reason === 'follow_up_overdue',
    );
    expect(escalations).toEqual([
      expect.objectContaining({ actionKey: 'a1', owedByPersonIds: ['v2'] }),
    ]);
    expect(v.followUps[0]).toMatchObject({ key: 'a1', status: 'open' });
    expect(v.followUps[0]!.escalatedAt).not.toBeNull();
  });

  it('re-arms every timer when the visit is moved: new due dates, everyone confirms again', async () => {
    const input = await visitInput(40);
    const handle = await start(input);
    await invite(handle);
    for (const p of ['h1', 'v1', 'v2', 'v3']) await answer(handle, p);
    expect((await handle.query(getVisitQuery)).status).toBe('confirmed');
    const newDate = addBusinessDays(input.visitDate, 15, { region: 'noord' });
    const moved = await handle.executeUpdate(rescheduleVisitUpdate, {
      args: [{ actorPersonId: 'p-secretariat', visitDate: newDate }],
    });
    expect(moved).toEqual({ visitDate: newDate, generation: 1 });
    const v = await waitFor(
      handle,
      (x) => mailsOf(handle.workflowId, 'rescheduled').length === 4 && x.status === 'scheduled',
      'the notice',
    );
    expect(v.answers).toEqual({ v1: 'pending', v2: 'pending', v3: 'pending' });
    expect(v.hostConfirmed).toBe(false);
    // A moved date may not fall on a weekend.
    let saturday = addDays(newDate, 1);
    while (weekdayOf(saturday) !== 6) saturday = addDays(saturday, 1);
    expect(
      await refusal(
        handle.executeUpdate(rescheduleVisitUpdate, {
          args: [{ actorPersonId: 'p-secretariat', visitDate: saturday }],
        }),
      ),
    ).toMatch(/^RULE_VIOLATION/);
    // The old visit day passes without the visit being held.
    await advanceTo(amsterdamInstant(input.visitDate, 20).getTime());
    for (const p of ['h1', 'v1', 'v2', 'v3']) await answer(handle, p);
    expect((await handle.query(getVisitQuery)).history.some((e) => e.code === 'held')).toBe(false);
    await advanceTo(amsterdamInstant(newDate, 17, 1).getTime());
    const held = await waitFor(handle, has('held'), 'the visit');
    expect(held.visitDate).toBe(newDate);
    // No timer of the old date fired after the move: every reminder since is of generation 1.
    const movedAt = Date.parse(v.history.find((e) => e.code === 'rescheduled')!.at);
    const since = mailsOf(handle.workflowId, 'reminder').filter((m) => m.at > movedAt);
    expect(since.length).toBeGreaterThan(0);
    for (const m of since) expect(m.key).toContain(':g1:');
  });
});

describe('a programme from publish to the last follow-up check', () => {
  it('starts every visit in batches and runs one visit to its close', async () => {
    // Planned at publication, by the worker's clock (here: the server's, now).
    const base = {
      ...(await visitInput(40, 'a')),
      plannedFrom: new Date(await env.currentTimeMs()).toISOString(),
    };
    const programmeId = base.programmeId;
    programmeVisits.set(`${programmeId}:a`, base);
    programmeVisits.set(`${programmeId}:b`, { ...base, visitId: 'b', hostId: 'host-b' });
    const programmeWorkflowId = visitationProgrammeWorkflowId(base.organisationId, programmeId);
    const result = await client.workflow.execute(visitationProgrammeWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId: programmeWorkflowId,
      args: [{ organisationId: base.organisationId, programmeId, batchSize: 1 }],
    });
    expect(result).toEqual({ started: 2 });
    const handle: VisitHandle = client.workflow.getHandle(
      visitWorkflowId(base.organisationId, programmeId, 'a'),
    );
    await invite(handle);
    // The secretariat reminds now: everyone still owes the date.
    await expect(
      handle.executeUpdate(remindVisitStepNowUpdate, {
        args: [{ actorPersonId: 'p-secretariat', step: 'date_confirmation' }],
      }),
    ).resolves.toEqual({ step: 'date_confirmation', recipients: 4 });
    for (const p of ['h1', 'v1', 'v2', 'v3']) await answer(handle, p);
    await handle.executeUpdate(submitVisitReportUpdate, {
      args: [{ actorPersonId: 'h1', step: 'self_evaluation', documentId: 'doc-self' }],
    });
    // Only the chair writes the report; not before the visit.
    expect(
      await refusal(
        handle.executeUpdate(submitVisitReportUpdate, {
          args: [{ actorPersonId: 'v2', step: 'draft_report', documentId: 'd' }],
        }),
      ),
    ).toMatch(/^NOT_FOUND/);
    await advanceTo(amsterdamInstant(base.visitDate, 17, 1).getTime());
    await waitFor(handle, has('held'), 'the visit');
    expect(
      [...fake.tasks.values()].some(
        (t) => t.personId === 'v1' && t.refKey === 'visit:draft_report',
      ),
    ).toBe(true);
    for (const [actor, step] of [
      ['v1', 'draft_report'],
      ['h1', 'host_reaction'],
      ['v1', 'final_report'],
    ] as const) {
      await handle.executeUpdate(submitVisitReportUpdate, {
        args: [{ actorPersonId: actor, step, documentId: `doc-${step}` }],
      });
    }
    const dueDate = addBusinessDays(base.visitDate, 60);
    const withAction = await handle.executeUpdate(addFollowUpActionUpdate, {
      args: [
        { actorPersonId: 'v1', description: 'Zorgplan herzien', ownerPersonId: 'h1', dueDate },
      ],
    });
    expect(withAction.status).toBe('following_up');
    expect(withAction.followUps).toEqual([
      expect.objectContaining({ key: 'a1', status: 'open', dueDate }),
    ]);
    // The owner is reminded before the due date (at 09:00), then the action is done.
    await advanceTo(amsterdamInstant(dueDate, 10).getTime());
    await waitFor(
      handle,
      (v) => v.history.some((e) => e.code === 'reminder_sent' && e.data?.actionKey === 'a1'),
      'a reminder',
    );
    expect(mailsOf(handle.workflowId, 'follow_up_reminder').map((m) => m.to)).toContain('h1');
    await handle.executeUpdate(completeFollowUpActionUpdate, {
      args: [{ actorPersonId: 'h1', key: 'a1' }],
    });
    // The check after six months: the secretariat gets its task, then records the check.
    const v = await handle.query(getVisitQuery);
    const check = v.steps.find((s) => s.key === 'follow_up_check')!;
    expect(amsterdamDate(new Date(check.dueAt)) >= addBusinessDays(base.visitDate, 100)).toBe(true);
    expect(mailsOf(handle.workflowId, 'step_open').some((m) => m.to === 'p-secretariat')).toBe(
      true,
    );
    await advanceTo(Date.parse(check.dueAt) - 3600_000);
    const closed = await handle.executeUpdate(completeFollowUpCheckUpdate, {
      args: [{ actorPersonId: 'p-secretariat' }],
    });
    expect(closed.status).toBe('closed');
    const final = await handle.result();
    expect(final.status).toBe('closed');
    expect(final.history.at(-1)?.code).toBe('closed');
    // The read model holds the last state; the audit trail every event.
    expect(fake.states.get('a')?.view.status).toBe('closed');

    const name = process.env.RECORD_VISIT_HISTORY;
    if (name) {
      if (!/^[a-z0-9-]+$/.test(name))
        throw new Error('RECORD_VISIT_HISTORY: a name like representative');
      const file = path.join(__dirname, '__histories__', `visit.${name}.json`);
      if (fs.existsSync(file)) throw new Error(`${file} exists: never overwritten`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const fixture = toHistoryFixture(handle.workflowId, await handle.fetchHistory());
      fs.writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
    }
  });
});
