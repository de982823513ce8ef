import { Client, type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  amsterdamInstant,
  amsterdamParts,
  defaultAccountabilityDates,
  isBusinessDay,
  reminderTimes,
} from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import { TASK_QUEUES } from '../task-queues';
import { accountabilityCycleWorkflow } from './accountability-cycle.workflow';
import { accountabilityWorkflowId, schoolAccountabilityWorkflowId } from '../ids';
import { WAKE_BEFORE_FIRST_ACTION_MS, firstTimedAction } from './accountability.logic';
import {
  extendSchoolDeadlineUpdate,
  getAccountabilityCycleQuery,
  getSchoolAccountabilityQuery,
  recordDraftUpdate,
  remindSchoolNowUpdate,
  reviewSubmissionUpdate,
  saveDraftSignal,
  submitAccountabilityUpdate,
  waiveSchoolUpdate,
} from './accountability.messages';
import type {
  AccountabilityCycleInput,
  SchoolAccountabilityInput,
  SchoolAccountabilityView,
} from './accountability.types';
import { schoolAccountabilityWorkflow } from './school-accountability.workflow';
import {
  type FakeTenant,
  type InMemoryAccountability,
  type SentMail,
  createInMemoryAccountability,
  sampleTenant,
} from './testing/in-memory-accountability-activities';

// The 1 February accountability on Temporal's time-skipping server, as schools, boards and the
// secretariat notice it. Each test runs in its own accounting year (2026, 2027, …): the server
// clock only moves forward, and real years give exact, checkable Amsterdam dates.
jest.setTimeout(60_000);

type SchoolHandle = WorkflowHandle<typeof schoolAccountabilityWorkflow>;
type CycleHandle = WorkflowHandle<typeof accountabilityCycleWorkflow>;

const ams = (date: string, hour: number, minute = 0): string =>
  amsterdamInstant(date, hour, minute).toISOString();

let env: TestWorkflowEnvironment;
/** A client that never unlocks time skipping (env.client does while awaiting a result). */
let client: Client;
let worker: Worker;
let running: Promise<void>;
let fake: InMemoryAccountability;
let bundle: { code: string };
const started: string[] = [];
let orgSeq = 0;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  bundle = workflowBundle();
  // The fan-out activity starts school workflows through this test's client, as the worker's
  // does through its own.
  fake = createInMemoryAccountability({
    startSchoolWorkflow: async (workflowId, input, taskQueue) => {
      started.push(workflowId);
      try {
        await client.workflow.start(schoolAccountabilityWorkflow, {
          taskQueue,
          workflowId,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
        return 'started';
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return 'already';
        throw err;
      }
    },
  });
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUES.cycles,
    workflowBundle: bundle,
    activities: fake.activities,
  });
  running = worker.run();
}, 120_000);

afterEach(async () => {
  // End every workflow a test started (children of a cycle included), so that their timers do
  // not fire while later tests move the clock. First let running steps finish: the
  // time-skipping server stays locked (time passes in real time only) when a workflow is
  // terminated while one of its activities is in flight.
  const ids = [...new Set([...started.splice(0), ...fake.statuses.keys()])];
  await Promise.all(ids.map((id) => quiescent(id)));
  await Promise.all(
    ids.map((id) =>
      client.workflow
        .getHandle(id)
        .terminate('test finished')
        .catch(() => undefined),
    ),
  );
  fake.statuses.clear();
});

/**
 * Waits (real time, bounded) until a workflow is idle: running, no activity pending, its last
 * event not a workflow task in progress, and its history unchanged over consecutive polls.
 */
async function quiescent(workflowId: string): Promise<void> {
  const handle = client.workflow.getHandle(workflowId);
  const start = Date.now();
  let previousLength = -1;
  let stablePolls = 0;
  while (Date.now() - start < 10_000) {
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

function tenant(schoolIds?: string[], change?: (t: FakeTenant) => void): FakeTenant {
  orgSeq += 1;
  const t = sampleTenant(`org-${orgSeq}`, schoolIds);
  change?.(t);
  return fake.addTenant(t);
}

async function nowMs(): Promise<number> {
  return env.currentTimeMs();
}

async function advanceTo(iso: string): Promise<void> {
  const target = Date.parse(iso);
  const now = await nowMs();
  if (target < now) throw new Error(`cannot move the clock back to ${iso}`);
  if (target > now) await env.sleep(target - now);
}

async function startSchool(
  t: FakeTenant,
  schoolId: string,
  accountingYear: number,
  change: Partial<SchoolAccountabilityInput> = {},
): Promise<SchoolHandle> {
  const dates = defaultAccountabilityDates(accountingYear);
  const input: SchoolAccountabilityInput = {
    organisationId: t.organisationId,
    accountingYear,
    schoolId,
    cycleWorkflowId: accountabilityWorkflowId(t.organisationId, accountingYear),
    deadline: dates.deadline.toISOString(),
    reminderPolicy: dates.reminderPolicy,
    maxOverdueReminders: 12,
    formatVersion: t.formatVersion,
    lingerAfterFinalDays: 30,
    ...change,
  };
  const workflowId = schoolAccountabilityWorkflowId(t.organisationId, accountingYear, schoolId);
  started.push(workflowId);
  return client.workflow.start(schoolAccountabilityWorkflow, {
    taskQueue: TASK_QUEUES.cycles,
    workflowId,
    args: [input],
  });
}

/** Starts the tenant's cycle of `accountingYear`, as the secretariat's 'p-secr-1' by default. */
async function startCycle(
  t: FakeTenant,
  accountingYear: number,
  schoolIds: string[],
  change: Partial<AccountabilityCycleInput> = {},
): Promise<CycleHandle> {
  const cycle = await client.workflow.start(accountabilityCycleWorkflow, {
    taskQueue: TASK_QUEUES.cycles,
    workflowId: accountabilityWorkflowId(t.organisationId, accountingYear),
    args: [
      {
        organisationId: t.organisationId,
        accountingYear,
        schoolIds,
        startedByPersonId: 'p-secr-1',
        ...change,
      },
    ],
  });
  started.push(cycle.workflowId);
  return cycle;
}

function schoolHandle(t: FakeTenant, year: number, schoolId: string): SchoolHandle {
  return client.workflow.getHandle(
    schoolAccountabilityWorkflowId(t.organisationId, year, schoolId),
  );
}

function view(handle: SchoolHandle): Promise<SchoolAccountabilityView> {
  return handle.query(getSchoolAccountabilityQuery);
}

/** Polls the query (real time, bounded) until `predicate` holds. */
async function waitFor(
  handle: SchoolHandle,
  predicate: (v: SchoolAccountabilityView) => boolean,
  what: string,
): Promise<SchoolAccountabilityView> {
  const start = Date.now();
  for (;;) {
    const v = await view(handle).catch(() => null);
    if (v && predicate(v)) return v;
    if (Date.now() - start > 15_000) {
      throw new Error(
        `timed out waiting for ${what}: ${JSON.stringify(v && { status: v.status, history: v.history.map((e) => e.code) })}`,
      );
    }
    await new Promise((r) => setTimeout(r, 40));
  }
}

const has =
  (code: string, n = 1) =>
  (v: SchoolAccountabilityView) =>
    v.history.filter((e) => e.code === code).length >= n;

/** The api stores the (validated) figures, then calls the Update with the row's id. */
function submit(
  handle: SchoolHandle,
  t: FakeTenant,
  schoolId: string,
  submissionId: string,
  expensesCents: number[] = [4_000_000],
  actorPersonId = `p-contact-${schoolId}-1`,
) {
  t.submissions.set(submissionId, { schoolId, expensesCents });
  return handle.executeUpdate(submitAccountabilityUpdate, {
    args: [{ actorPersonId, submissionId }],
  });
}

function review(
  handle: SchoolHandle,
  decision: 'accept' | 'return',
  extra: { comments?: string; version?: number } = {},
) {
  return handle.executeUpdate(reviewSubmissionUpdate, {
    args: [{ actorPersonId: 'p-secr-1', decision, ...extra }],
  });
}

/** The refusal carried by a failed Update: domain code and reason. */
async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; reason: string }> {
  try {
    await promise;
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (
      (err as Error).name === 'WorkflowUpdateFailedError' &&
      cause instanceof ApplicationFailure
    ) {
      const details = cause.details?.[0] as { reason?: string } | undefined;
      return { code: cause.type ?? '', reason: details?.reason ?? '' };
    }
    throw err;
  }
  throw new Error('expected the update to be refused, but it was accepted');
}

/** Mails are sent on business days within office hours, Amsterdam (never at night, never on a holiday). */
function expectOfficeHours(mails: SentMail[]): void {
  for (const m of mails) {
    const p = amsterdamParts(new Date(m.at));
    expect({
      mail: `${m.kind} ${m.at}`,
      businessDay: isBusinessDay(p.date),
      officeHour: p.hour >= 8 && p.hour < 18,
    }).toEqual({
      mail: `${m.kind} ${m.at}`,
      businessDay: true,
      officeHour: true,
    });
  }
}

const times = (mails: SentMail[]): string[] => [...new Set(mails.map((m) => m.at))];
const toMinute = (iso: string): string => iso.slice(0, 16);

type HistoryEvent = NonNullable<Awaited<ReturnType<CycleHandle['fetchHistory']>>['events']>[number];

// ---- tests ----

describe('accountability (time-skipping)', () => {
  it('2026: the cycle invites every school once; schools that submit on time are never late or escalated', async () => {
    const year = 2026;
    const dates = defaultAccountabilityDates(year);
    // An administrator publishes format v4 right after this cycle pinned v3.
    const t = tenant(['s1', 's2', 's3'], (x) => {
      x.formatVersion = 3;
      x.publishNewFormatAfterPin = true;
    });
    await advanceTo(dates.openAt.toISOString()); // Wednesday 6 January 2027, 09:00
    const cycle = await startCycle(t, year, ['s1', 's2', 's3']);
    const handles = ['s1', 's2', 's3'].map((s) => schoolHandle(t, year, s));
    // The fan-out done, the cycle waits for the reminder moments of its schools.
    const reminderMoments = [ams('2027-01-12', 9), ams('2027-01-21', 9), ams('2027-01-29', 9)];
    expect(await waitForFanOut(cycle)).toMatchObject({
      phase: 'running',
      cursor: 3,
      started: 3,
      alreadyStarted: 0,
      run: 1,
      formatVersion: 3,
      reminders: reminderMoments.map((at) => ({
        at,
        step: `reminder-d1-${amsterdamParts(new Date(at)).date}`,
        done: false,
      })),
    });
    // The school workflows are not its children: they run on their own.
    for (const h of handles) expect((await h.describe()).status.name).toBe('RUNNING');
    for (const h of handles) await waitFor(h, has('invited'), 'invitation');
    expect(fake.cycles.get(cycle.workflowId)).toMatchObject({
      status: 'running',
      formatVersion: 3,
      deadline: '2027-02-01T22:59:59.999Z',
      schools: 3,
    });

    // Invitation and a 'submit' task with the deadline for both contacts of every school.
    for (const [i, h] of handles.entries()) {
      const s = `s${i + 1}`;
      // Sent when the school workflow started, moments after 09:00.
      expect(
        fake.mailsOf(h.workflowId, 'invitation').map((m) => [m.to, toMinute(m.at), m.deadline]),
      ).toEqual([
        [`p-contact-${s}-1`, toMinute(ams('2027-01-06', 9)), '2027-02-01T22:59:59.999Z'],
        [`p-contact-${s}-2`, toMinute(ams('2027-01-06', 9)), '2027-02-01T22:59:59.999Z'],
      ]);
      expect(
        fake.tasks
          .filter((x) => x.workflowId === h.workflowId)
          .map((x) => [x.personId, x.kind, x.status, x.dueAt]),
      ).toEqual([
        [`p-contact-${s}-1`, 'submit', 'open', '2027-02-01T22:59:59.999Z'],
        [`p-contact-${s}-2`, 'submit', 'open', '2027-02-01T22:59:59.999Z'],
      ]);
    }
    // The format version was pinned at the start: v3 everywhere, although v4 exists now.
    expect(t.formatVersion).toBe(4);
    for (const h of handles) expect((await view(h)).formatVersion).toBe(3);

    // s1 submits before the first reminder; s2 after it; s3 on the deadline day itself, 23:30.
    await submit(handles[0]!, t, 's1', 'sub-1');
    await advanceTo(ams('2027-01-13', 10));
    await submit(handles[1]!, t, 's2', 'sub-2');
    await advanceTo(ams('2027-02-01', 23, 30));
    const last = await submit(handles[2]!, t, 's3', 'sub-3');
    expect(last).toMatchObject({ status: 'submitted', version: 1, daysLate: 0 });
    for (const h of handles) await review(h, 'accept');
    // Three weeks past the deadline: nobody was late, escalated or chased.
    await advanceTo(ams('2027-02-23', 12));
    for (const h of handles) {
      const v = await waitFor(
        h,
        (x) => x.status === 'accepted' && has('underspending_computed')(x),
        'acceptance',
      );
      expect(v.daysLate).toBe(0);
      expect(v.history.map((e) => e.code)).not.toContain('deadline_passed');
      expect(fake.mailsOf(h.workflowId, 'escalation')).toEqual([]);
      expect(fake.mailsOf(h.workflowId, 'overdue')).toEqual([]);
    }
    // The cycle completed after its last reminder moment.
    expect(await waitForCompletion(cycle)).toMatchObject({
      schools: 3,
      started: 3,
      alreadyStarted: 0,
      runs: 1,
      formatVersion: 3,
    });
    expect(fake.remindSchoolsCalls.filter((c) => c.cycleWorkflowId === cycle.workflowId)).toEqual(
      reminderMoments.map((at) =>
        expect.objectContaining({ at, step: `reminder-d1-${amsterdamParts(new Date(at)).date}` }),
      ),
    );
    // Reminders only while a school had not submitted: none for s1, one (12 Jan) for s2, three for s3.
    expect(times(fake.mailsOf(handles[0]!.workflowId, 'reminder'))).toEqual([]);
    expect(times(fake.mailsOf(handles[1]!.workflowId, 'reminder'))).toEqual([ams('2027-01-12', 9)]);
    expect(times(fake.mailsOf(handles[2]!.workflowId, 'reminder'))).toEqual([
      ams('2027-01-12', 9),
      ams('2027-01-21', 9),
      ams('2027-01-29', 9),
    ]);
    // Every status write and every underspending computation used the pinned version.
    expect(
      new Set(
        fake.statusWrites
          .filter((w) => w.cycleWorkflowId === cycle.workflowId)
          .map((w) => w.formatVersion),
      ),
    ).toEqual(new Set([3]));
    expect(
      fake.underspendingCalls
        .filter((c) => ['sub-1', 'sub-2', 'sub-3'].includes(c.submissionId))
        .map((c) => c.formatVersion),
    ).toEqual([3, 3, 3]);
    expect(fake.duplicateKeys).toEqual([]);
  });

  it('2027: a late school is escalated to exactly its bestuurder and ECT member, then reminded weekly until it submits', async () => {
    const year = 2027;
    const t = tenant(['late', 'ontime']);
    await advanceTo(defaultAccountabilityDates(year).openAt.toISOString()); // Thursday 6 January 2028
    const late = await startSchool(t, 'late', year);
    const onTime = await startSchool(t, 'ontime', year);
    await waitFor(late, has('invited'), 'invitation');
    await waitFor(onTime, has('invited'), 'invitation');
    await advanceTo(ams('2028-01-20', 12));
    await submit(onTime, t, 'ontime', 'sub-ontime');

    // Deadline Tuesday 1 February 2028, end of day. The next business day at 09:00: escalation.
    await advanceTo(ams('2028-02-02', 12));
    let v = await waitFor(late, has('escalated'), 'escalation');
    expect(v).toMatchObject({ status: 'late', daysLate: 1, lateSince: '2028-02-01T22:59:59.999Z' });
    const escalations = fake.mailsOf(late.workflowId, 'escalation');
    // Exactly the board's bestuurder and the school's ECT member: not the other school's ECT
    // member, not the secretariat, not the school contacts.
    expect(escalations.map((m) => [m.to, m.role, m.at, m.daysLate])).toEqual([
      ['p-bestuurder-a', 'bestuurder', ams('2028-02-02', 9), 1],
      ['p-ect-late', 'ect_member', ams('2028-02-02', 9), 1],
    ]);
    expect(escalations.map((m) => m.key)).toEqual([
      `${late.workflowId}:escalation-d1:p-bestuurder-a`,
      `${late.workflowId}:escalation-d1:p-ect-late`,
    ]);
    expect(fake.mailsOf(onTime.workflowId, 'escalation')).toEqual([]);
    expect(fake.statuses.get(late.workflowId)).toMatchObject({ status: 'late', daysLate: 1 });

    // Weekly overdue reminders to the school's contacts: Tuesdays 8, 15 and 22 February, 09:00.
    await advanceTo(ams('2028-02-23', 10));
    v = await waitFor(late, has('overdue_reminder_sent', 3), 'three overdue reminders');
    const overdue = fake.mailsOf(late.workflowId, 'overdue');
    expect(times(overdue)).toEqual([
      ams('2028-02-08', 9),
      ams('2028-02-15', 9),
      ams('2028-02-22', 9),
    ]);
    expect(overdue.map((m) => m.daysLate)).toEqual([7, 7, 14, 14, 21, 21]);
    expect(new Set(overdue.map((m) => m.to))).toEqual(
      new Set(['p-contact-late-1', 'p-contact-late-2']),
    );

    // The school submits on 23 February: 22 days late; the reminders stop.
    const result = await submit(late, t, 'late', 'sub-late');
    expect(result).toMatchObject({ status: 'submitted', version: 1, daysLate: 22 });
    await advanceTo(ams('2028-03-31', 12));
    v = await view(late);
    expect(v).toMatchObject({ status: 'submitted', daysLate: 22, next: null });
    expect(fake.mailsOf(late.workflowId, 'overdue')).toHaveLength(6);
    expect(fake.mailsOf(late.workflowId, 'escalation')).toHaveLength(2);
    // The secretariat got a review task and a mail, with the lateness.
    expect(fake.mailsOf(late.workflowId, 'review').map((m) => [m.to, m.daysLate])).toEqual([
      ['p-secr-1', 22],
      ['p-secr-2', 22],
    ]);
    expect(
      fake.tasks.filter((x) => x.workflowId === late.workflowId).map((x) => [x.kind, x.status]),
    ).toEqual([
      ['submit', 'done'],
      ['submit', 'done'],
      ['review', 'open'],
      ['review', 'open'],
    ]);

    // Before the deadline: reminders 14, 7 and 1 business days ahead at 09:00 (12, 21 and 31 January).
    expect(times(fake.mailsOf(late.workflowId, 'reminder'))).toEqual([
      ams('2028-01-12', 9),
      ams('2028-01-21', 9),
      ams('2028-01-31', 9),
    ]);
    expect(times(fake.mailsOf(onTime.workflowId, 'reminder'))).toEqual([ams('2028-01-12', 9)]);
    expectOfficeHours(
      fake.mails.filter(
        (m) => m.workflowId === late.workflowId || m.workflowId === onTime.workflowId,
      ),
    );
    expect(v.history.map((e) => e.code)).toEqual([
      'started',
      'invited',
      'reminder_sent',
      'reminder_sent',
      'reminder_sent',
      'deadline_passed',
      'escalated',
      'overdue_reminder_sent',
      'overdue_reminder_sent',
      'overdue_reminder_sent',
      'submitted',
    ]);
    expect(fake.duplicateKeys).toEqual([]);
  });

  it('2028: a cycle started on Saturday night invites on Monday morning; a waived school is left alone and refuses commands', async () => {
    const year = 2028;
    const t = tenant(['w1']);
    // Saturday 6 January 2029, 23:00 Amsterdam.
    await advanceTo(ams('2029-01-06', 23));
    const h = await startSchool(t, 'w1', year);
    await advanceTo(ams('2029-01-08', 12));
    await waitFor(h, has('invited'), 'invitation');
    expect(times(fake.mailsOf(h.workflowId, 'invitation'))).toEqual([ams('2029-01-08', 8)]);

    // The school saves a draft (an Update: the answer says it was recorded), then misses the
    // deadline (Thursday 1 February 2029).
    const draft = await h.executeUpdate(recordDraftUpdate, {
      args: [{ actorPersonId: 'p-contact-w1-1', submissionId: 'draft-1' }],
    });
    expect(draft).toEqual({ status: 'draft' });
    await waitFor(h, (v) => v.status === 'draft', 'draft');
    // An Update the workflow has no handler for is refused with the SDK's own message; the api
    // recognises it by that message and falls back to the draft Signal for workflows that
    // started before recordDraftUpdate existed (school-accountability.service isUnknownUpdate).
    const unknown = await h
      .executeUpdate(defineUpdate<unknown, [unknown]>('noSuchUpdate'), { args: [{}] })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(unknown).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((unknown as WorkflowUpdateFailedError).cause?.message).toMatch(
      /^No registered handler for update: noSuchUpdate$/,
    );
    await advanceTo(ams('2029-02-02', 12));
    await waitFor(h, has('escalated'), 'escalation');

    const waived = await h.executeUpdate(waiveSchoolUpdate, {
      args: [{ actorPersonId: 'p-secr-1', reason: 'School gefuseerd per 1 januari' }],
    });
    expect(waived.status).toBe('waived');
    await waitFor(h, (v) => fake.mailsOf(v.workflowId, 'waived').length === 2, 'waiver mail');
    const mailsAtWaiver = fake.mailsOf(h.workflowId).length;
    // Past the dates of three weekly overdue reminders (8, 15 and 22 February), within the 30
    // days the waived workflow stays open.
    await advanceTo(ams('2029-02-28', 12));
    // No overdue reminders after the waiver; open tasks are withdrawn; lateness is kept for the record.
    expect(fake.mailsOf(h.workflowId)).toHaveLength(mailsAtWaiver);
    expect(fake.mailsOf(h.workflowId, 'overdue')).toEqual([]);
    expect(fake.tasks.filter((x) => x.workflowId === h.workflowId).map((x) => x.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    const v = await view(h);
    expect(v).toMatchObject({
      status: 'waived',
      daysLate: 1,
      waiver: { reason: 'School gefuseerd per 1 januari', actorPersonId: 'p-secr-1' },
      next: null,
    });
    expect(fake.statuses.get(h.workflowId)).toMatchObject({ status: 'waived' });

    expect(await refusalOf(submit(h, t, 'w1', 'sub-after-waiver'))).toEqual({
      code: 'CONFLICT',
      reason: 'WAIVED',
    });
    expect(
      await refusalOf(
        h.executeUpdate(extendSchoolDeadlineUpdate, {
          args: [{ actorPersonId: 'p-secr-1', deadline: ams('2029-06-01', 17) }],
        }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'WAIVED',
    });
    expect(
      await refusalOf(
        h.executeUpdate(waiveSchoolUpdate, {
          args: [{ actorPersonId: 'p-secr-1', reason: 'nogmaals' }],
        }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'WAIVED',
    });
    // 30 days after the waiver the workflow completes.
    await advanceTo(ams('2029-03-05', 12));
    expect(await h.result()).toMatchObject({ status: 'waived', version: 0, deductionCents: 0 });
    expect(fake.duplicateKeys).toEqual([]);
  });

  it('2029: extending a late school’s deadline ends its lateness and re-arms reminders and escalation', async () => {
    const year = 2029;
    const t = tenant(['x1']);
    await advanceTo(defaultAccountabilityDates(year).openAt.toISOString()); // Monday 7 January 2030
    const h = await startSchool(t, 'x1', year);
    await waitFor(h, has('invited'), 'invitation');
    await h.signal(saveDraftSignal, { actorPersonId: 'p-contact-x1-1' });
    // Deadline Friday 1 February 2030; escalation Monday 4 February 09:00.
    await advanceTo(ams('2030-02-05', 12));
    await waitFor(h, has('escalated'), 'escalation');

    const extend = (deadline: string) =>
      h.executeUpdate(extendSchoolDeadlineUpdate, {
        args: [{ actorPersonId: 'p-secr-1', deadline }],
      });
    expect(await refusalOf(extend(ams('2030-02-01', 12)))).toEqual({
      code: 'VALIDATION',
      reason: 'DEADLINE_IN_PAST',
    });
    expect(await refusalOf(extend('1 maart 2030'))).toEqual({
      code: 'VALIDATION',
      reason: 'INVALID_DEADLINE',
    });

    // New deadline: Friday 1 March 2030, 17:00.
    const newDeadline = ams('2030-03-01', 17);
    const extended = await extend(newDeadline);
    expect(extended).toEqual({
      deadline: newDeadline,
      deadlineGeneration: 2,
      status: 'draft',
      reminders: [ams('2030-02-11', 9), ams('2030-02-20', 9), ams('2030-02-28', 9)],
    });
    expect(await refusalOf(extend(ams('2030-02-27', 17)))).toEqual({
      code: 'VALIDATION',
      reason: 'DEADLINE_NOT_LATER',
    });
    let v = await waitFor(
      h,
      (x) => fake.mailsOf(x.workflowId, 'deadline_extended').length === 2,
      'extension mail',
    );
    expect(v).toMatchObject({
      status: 'draft',
      daysLate: 0,
      lateSince: null,
      deadline: newDeadline,
      deadlineGeneration: 2,
    });
    expect(
      fake.tasks.filter((x) => x.workflowId === h.workflowId).map((x) => [x.status, x.dueAt]),
    ).toEqual([
      ['open', newDeadline],
      ['open', newDeadline],
    ]);

    // Reminders before the new deadline, none of the old overdue ones; the new deadline is
    // missed too: a new escalation (Monday 4 March) with its own idempotency key.
    await advanceTo(ams('2030-03-05', 12));
    v = await waitFor(h, has('escalated', 2), 'second escalation');
    // The query answers as of the workflow's last step: the escalation on Monday 4 March.
    expect(v).toMatchObject({
      status: 'late',
      daysLate: 3,
      asOf: expect.stringMatching(new RegExp(`^${toMinute(ams('2030-03-04', 9))}`)),
      lateSince: newDeadline,
    });
    expect(fake.mailsOf(h.workflowId, 'escalation').at(-1)).toMatchObject({ daysLate: 3 });
    expect(times(fake.mailsOf(h.workflowId, 'reminder'))).toEqual([
      ams('2030-01-14', 9),
      ams('2030-01-23', 9),
      ams('2030-01-31', 9),
      ams('2030-02-11', 9),
      ams('2030-02-20', 9),
      ams('2030-02-28', 9),
    ]);
    expect(
      fake
        .mailsOf(h.workflowId, 'reminder')
        .filter((m) => m.key.includes(':reminder-d2-'))
        .map((m) => m.key),
    ).toContain(`${h.workflowId}:reminder-d2-2030-02-11:p-contact-x1-1`);
    expect(fake.mailsOf(h.workflowId, 'overdue')).toEqual([]);
    expect(
      fake
        .mailsOf(h.workflowId, 'escalation')
        .map((m) => [m.key.split(':').slice(-2).join(':'), m.at]),
    ).toEqual([
      ['escalation-d1:p-bestuurder-a', ams('2030-02-04', 9)],
      ['escalation-d1:p-ect-x1', ams('2030-02-04', 9)],
      ['escalation-d2:p-bestuurder-a', ams('2030-03-04', 9)],
      ['escalation-d2:p-ect-x1', ams('2030-03-04', 9)],
    ]);
    expectOfficeHours(fake.mailsOf(h.workflowId));
    expect(fake.duplicateKeys).toEqual([]);
  });

  it('2030: return and resubmit as version 2; acceptance records the underspending as a deduction once', async () => {
    const year = 2030;
    const t = tenant(['r1', 'r2'], (x) => {
      x.receivedCents.set('r1', 5_123_456); // € 51.234,56 received from the 2030 allocation
      x.receivedCents.set('r2', 1_000_000);
    });
    await advanceTo(defaultAccountabilityDates(year).openAt.toISOString()); // Monday 6 January 2031
    const h = await startSchool(t, 'r1', year);
    const over = await startSchool(t, 'r2', year);
    await waitFor(h, has('invited'), 'invitation');
    await waitFor(over, has('invited'), 'invitation');

    expect(await refusalOf(review(h, 'accept'))).toEqual({
      code: 'CONFLICT',
      reason: 'NOT_SUBMITTED',
    });
    await submit(h, t, 'r1', 'sub-r1-v1', [4_000_000, 500_050]);
    expect(await refusalOf(submit(h, t, 'r1', 'sub-r1-other'))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_SUBMITTED',
    });
    // A retry of the same submission is answered as before, not counted twice.
    expect(await submit(h, t, 'r1', 'sub-r1-v1', [4_000_000, 500_050])).toMatchObject({
      status: 'submitted',
      version: 1,
    });

    expect(await refusalOf(review(h, 'return'))).toEqual({
      code: 'VALIDATION',
      reason: 'COMMENTS_REQUIRED',
    });
    expect(
      await review(h, 'return', { comments: 'Bijlage mist de fte voor de rebound.', version: 1 }),
    ).toMatchObject({ status: 'returned', version: 1 });
    await waitFor(h, (v) => fake.mailsOf(v.workflowId, 'returned').length === 2, 'return mail');
    expect(
      fake.mailsOf(h.workflowId, 'returned').map((m) => [m.to, m.comments, m.version]),
    ).toEqual([
      ['p-contact-r1-1', 'Bijlage mist de fte voor de rebound.', 1],
      ['p-contact-r1-2', 'Bijlage mist de fte voor de rebound.', 1],
    ]);
    expect(
      fake.tasks
        .filter((x) => x.workflowId === h.workflowId && x.status === 'open')
        .map((x) => [x.kind, x.refKey]),
    ).toEqual([
      ['submit', 'accountability:2030:submit:v2'],
      ['submit', 'accountability:2030:submit:v2'],
    ]);
    // The returned figures cannot come back unchanged under the same id.
    expect(await refusalOf(submit(h, t, 'r1', 'sub-r1-v1'))).toEqual({
      code: 'CONFLICT',
      reason: 'SUBMISSION_SUPERSEDED',
    });

    const resubmitted = await submit(h, t, 'r1', 'sub-r1-v2', [4_000_000, 500_050, 123_400]);
    expect(resubmitted).toMatchObject({ status: 'submitted', version: 2, daysLate: 0 });
    expect(await refusalOf(review(h, 'accept', { version: 1 }))).toEqual({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    expect(await review(h, 'accept', { version: 2 })).toMatchObject({
      status: 'accepted',
      version: 2,
    });

    // 5.123.456 − (4.000.000 + 500.050 + 123.400) = 500.006 cents: € 5.000,06 deducted from the 2032 allocation.
    let v = await waitFor(
      h,
      (x) => x.deduction !== null && fake.mailsOf(x.workflowId, 'accepted').length === 2,
      'deduction',
    );
    expect(v).toMatchObject({
      status: 'accepted',
      version: 2,
      submissionId: 'sub-r1-v2',
      underspending: {
        receivedCents: 5_123_456,
        spentCents: 4_623_450,
        underspendingCents: 500_006,
      },
      deduction: { amountCents: 500_006, allocationYear: 2032, created: true },
    });
    const deductions = [...fake.deductions.values()].filter(
      (d) => d.schoolId === 'r1' && d.organisationId === t.organisationId,
    );
    expect(deductions).toEqual([
      expect.objectContaining({
        idempotencyKey: `${h.workflowId}:deduction:r1`,
        amountCents: 500_006,
        accountingYear: 2030,
        allocationYear: 2032,
        reason: 'Onderbesteding verantwoording 2030',
        submissionId: 'sub-r1-v2',
      }),
    ]);
    expect(fake.deductionCalls.filter((d) => d.organisationId === t.organisationId)).toHaveLength(
      1,
    );
    expect(fake.statuses.get(h.workflowId)).toMatchObject({
      status: 'accepted',
      version: 2,
      submission: {
        submissionId: 'sub-r1-v2',
        version: 2,
        status: 'accepted',
        reviewedByPersonId: 'p-secr-1',
      },
    });

    // After acceptance nothing changes any more.
    expect(await refusalOf(submit(h, t, 'r1', 'sub-r1-v3'))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_ACCEPTED',
    });
    expect(await refusalOf(review(h, 'accept'))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_ACCEPTED',
    });
    expect(
      await refusalOf(
        h.executeUpdate(waiveSchoolUpdate, { args: [{ actorPersonId: 'p-secr-1', reason: 'x' }] }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_ACCEPTED',
    });
    // Reminders stopped with the submission: the deadline passes without mail.
    await advanceTo(ams('2031-02-20', 12));
    v = await view(h);
    expect(v.history.map((e) => [e.code, e.version ?? null])).toEqual([
      ['started', null],
      ['invited', null],
      ['submitted', 1],
      ['returned', 1],
      ['submitted', 2],
      ['accepted', 2],
      ['underspending_computed', 2],
      ['deduction_recorded', 2],
      // 30 days after the acceptance the workflow completed.
      ['closed', null],
    ]);
    expect(await h.result()).toEqual({
      workflowId: h.workflowId,
      status: 'accepted',
      version: 2,
      deductionCents: 500_006,
    });
    expect(fake.mailsOf(h.workflowId, 'reminder')).toEqual([]);
    // The recorded history (updates, refusals, timers, linger) replays on the current code.
    await Worker.runReplayHistory({ workflowBundle: bundle }, await h.fetchHistory(), h.workflowId);

    // A school that spent more than it received: underspending 0, no deduction.
    await submit(over, t, 'r2', 'sub-r2', [1_000_000, 1]);
    await review(over, 'accept');
    v = await waitFor(
      over,
      (x) => fake.mailsOf(x.workflowId, 'accepted').length === 2,
      'acceptance mail',
    );
    expect(v.underspending).toEqual({
      receivedCents: 1_000_000,
      spentCents: 1_000_001,
      underspendingCents: 0,
    });
    expect(v.deduction).toBeNull();
    expect(fake.deductionCalls.filter((d) => d.schoolId === 'r2')).toEqual([]);
    expect(fake.duplicateKeys).toEqual([]);
  });

  it('2031: the fan-out starts every school exactly once, in chunks, also when the cycle is started again', async () => {
    const year = 2031;
    const schoolIds = Array.from({ length: 9 }, (_, i) => `f${i + 1}`);
    const t = tenant(schoolIds, (x) => (x.formatVersion = 2));
    await advanceTo(defaultAccountabilityDates(year).openAt.toISOString());
    // A crashed earlier attempt had already started three schools (they recorded their own
    // start), as this cycle starts them: leaving their reminders to the cycle.
    for (const s of ['f2', 'f5', 'f9']) {
      const h = await startSchool(t, s, year, { formatVersion: 2, remindersByCycle: true });
      await waitFor(h, has('invited'), `invitation of ${s}`);
    }

    const input: AccountabilityCycleInput = {
      organisationId: t.organisationId,
      accountingYear: year,
      schoolIds,
      startedByPersonId: 'p-secr-1',
      fanOut: { batchSize: 2, batchesPerRun: 2 },
    };
    const workflowId = accountabilityWorkflowId(t.organisationId, year);
    started.push(workflowId);
    const first = await client.workflow.start(accountabilityCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId,
      args: [input],
    });
    expect(await waitForFanOut(first)).toMatchObject({
      schools: 9,
      started: 6,
      alreadyStarted: 3,
      run: 1,
      formatVersion: 2,
    });
    // Past its reminder moments, the cycle completes.
    const lastReminder = (await first.query(getAccountabilityCycleQuery)).reminders!.at(-1)!.at;
    await advanceTo(new Date(Date.parse(lastReminder) + 3_600_000).toISOString());
    expect(await waitForCompletion(first)).toMatchObject({
      schools: 9,
      started: 6,
      alreadyStarted: 3,
      runs: 1,
      formatVersion: 2,
    });
    // Chunks of batchSize × batchesPerRun = 4 schools, batchSize = 2 start calls in flight each.
    const calls = fake.fanOutCalls.filter((c) => c.schoolIds.every((s) => s.startsWith('f')));
    expect(calls.map((c) => c.schoolIds).sort()).toEqual([
      ['f1', 'f2', 'f3', 'f4'],
      ['f5', 'f6', 'f7', 'f8'],
      ['f9'],
    ]);
    expect(calls.every((c) => c.concurrency === 2)).toBe(true);
    const [events] = await runHistories(first.workflowId, first.firstExecutionRunId);
    expect(events!.filter((e) => e.startChildWorkflowExecutionInitiatedEventAttributes)).toEqual(
      [],
    );
    expect(
      events!
        .filter((e) => e.activityTaskScheduledEventAttributes)
        .map((e) => e.activityTaskScheduledEventAttributes!.activityType!.name),
    ).toEqual([
      'pinFormatVersion',
      'startSchoolWorkflows',
      'startSchoolWorkflows',
      'startSchoolWorkflows',
      'remindSchools',
      'remindSchools',
      'remindSchools',
    ]);
    expect(fake.cycles.get(workflowId)).toMatchObject({ status: 'running', started: 6 });

    // The same cycle started again (e.g. by a retried api call after a crash): nothing new starts.
    const again: CycleHandle = await client.workflow.start(accountabilityCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId,
      args: [input],
    });
    expect(await waitForCompletion(again)).toMatchObject({
      started: 0,
      alreadyStarted: 9,
      formatVersion: 2,
    });
    await Worker.runReplayHistory({ workflowBundle: bundle }, { events }, `${workflowId}#fresh`);
    await expectEverySchoolOnce(t, year, schoolIds);
  });

  it('2032: a fan-out interrupted mid-chunk (a worker crash) is retried and still starts, records and invites every school once', async () => {
    const year = 2032;
    const schoolIds = Array.from({ length: 7 }, (_, i) => `c${i + 1}`);
    const t = tenant(schoolIds);
    await advanceTo(defaultAccountabilityDates(year).openAt.toISOString());
    // The first attempt of the first chunk dies after three of its five starts.
    fake.failNextFanOutAfter = 3;
    const workflowId = accountabilityWorkflowId(t.organisationId, year);
    started.push(workflowId);
    const cycle: CycleHandle = await client.workflow.start(accountabilityCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId,
      args: [
        {
          organisationId: t.organisationId,
          accountingYear: year,
          schoolIds,
          startedByPersonId: 'p-secr-1',
          fanOut: { batchSize: 1, batchesPerRun: 5 },
        },
      ],
    });
    // The retry comes after the activity's backoff (5 s): let the clock pass it.
    await waitUntil(() => fake.failNextFanOutAfter === null, 'the simulated crash');
    await advanceTo(new Date((await nowMs()) + 60_000).toISOString());
    const result = await waitForFanOut(cycle);
    // The retry found the first three started: they count as already started.
    expect(result).toMatchObject({ schools: 7, run: 1 });
    expect(result.started + result.alreadyStarted).toBe(7);
    expect(result.alreadyStarted).toBe(3);
    await expectEverySchoolOnce(t, year, schoolIds);
    for (const s of schoolIds) {
      const v = await view(schoolHandle(t, year, s));
      expect(v.history.map((e) => e.code).slice(0, 2)).toEqual(['started', 'invited']);
    }
  });

  /** One school workflow per school: one 'started' audit event and one invitation per contact. */
  async function expectEverySchoolOnce(
    t: FakeTenant,
    year: number,
    schoolIds: string[],
  ): Promise<void> {
    for (const s of schoolIds) {
      await waitFor(schoolHandle(t, year, s), has('invited'), `invitation of ${s}`);
      const wf = schoolAccountabilityWorkflowId(t.organisationId, year, s);
      expect(
        fake.audit.filter((a) => a.idempotencyKey.startsWith(`${wf}:`) && a.action === 'started'),
      ).toHaveLength(1);
      expect(fake.mailsOf(wf, 'invitation')).toHaveLength(2);
    }
    expect(fake.duplicateKeys).toEqual([]);
  }

  it('2033: a school the fan-out invited sleeps until its first reminder, records the invitation and never sends it again', async () => {
    const year = 2033;
    const t = tenant(['y1', 'y2']);
    const dates = defaultAccountabilityDates(year);
    const openAt = dates.openAt.toISOString();
    await advanceTo(openAt);
    const base: SchoolAccountabilityInput = {
      organisationId: t.organisationId,
      accountingYear: year,
      schoolId: 'y1',
      cycleWorkflowId: accountabilityWorkflowId(t.organisationId, year),
      deadline: dates.deadline.toISOString(),
      reminderPolicy: dates.reminderPolicy,
      maxOverdueReminders: 12,
      formatVersion: t.formatVersion,
      lingerAfterFinalDays: 30,
      startedStatusRecorded: true,
      invitation: { at: openAt, recipientPersonIds: ['p-contact-y1-1'] },
    };
    // As the fan-out starts it: delayed until shortly before the first reminder.
    const first = firstTimedAction(base, Date.parse(openAt))!;
    expect(first.kind).toBe('reminder');
    const start = (input: SchoolAccountabilityInput) => {
      const workflowId = schoolAccountabilityWorkflowId(t.organisationId, year, input.schoolId);
      started.push(workflowId);
      return client.workflow.start(schoolAccountabilityWorkflow, {
        taskQueue: TASK_QUEUES.cycles,
        workflowId,
        args: [input],
        startDelay: first.atMs - WAKE_BEFORE_FIRST_ACTION_MS - Date.parse(openAt),
      });
    };
    const h = await start(base);
    const early = await start({
      ...base,
      schoolId: 'y2',
      invitation: { at: openAt, recipientPersonIds: ['p-contact-y2-1'] },
    });
    // An Update wakes a delayed school at once: y2 saves a draft on the first day.
    expect(
      await early.executeUpdate(recordDraftUpdate, { args: [{ actorPersonId: 'p-contact-y2-1' }] }),
    ).toEqual({ status: 'draft' });

    // Past every reminder, before the deadline.
    const reminders = reminderTimes(dates.deadline, dates.reminderPolicy, dates.openAt).map((d) =>
      d.toISOString(),
    );
    await advanceTo(new Date(Date.parse(reminders.at(-1)!) + 3_600_000).toISOString());
    for (const school of [h, early]) {
      const v = await waitFor(school, has('reminder_sent', reminders.length), 'every reminder');
      expect(v.history.filter((e) => e.code === 'invited')).toEqual([
        expect.objectContaining({ at: openAt }),
      ]);
      expect(fake.mailsOf(school.workflowId, 'invitation')).toEqual([]);
      expect(times(fake.mailsOf(school.workflowId, 'reminder'))).toEqual(reminders);
    }
    expect(reminders[0]).toBe(new Date(first.atMs).toISOString());
    expect((await view(early)).status).toBe('draft');
    expect(fake.duplicateKeys).toEqual([]);
  });

  it('refuses an invalid cycle: more than 1,000 schools per fan-out activity', async () => {
    const t = tenant(['a']);
    const workflowId = `${accountabilityWorkflowId(t.organisationId, 2033)}:invalid`;
    started.push(workflowId);
    const h: CycleHandle = await client.workflow.start(accountabilityCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId,
      args: [
        {
          organisationId: t.organisationId,
          accountingYear: 2033,
          schoolIds: ['a'],
          startedByPersonId: null,
          fanOut: { batchSize: 200, batchesPerRun: 6 },
        },
      ],
    });
    const failure = await waitForCompletion(h).then(
      () => null,
      (err: { cause?: unknown }) => err.cause,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'VALIDATION',
      message: expect.stringMatching(/batchSize × batchesPerRun ≤ 1000/),
    });
  });

  // After the test above: it moves the clock to 2035, past the default deadline that one starts with.
  it('2034: the secretariat reminds a late school now: at the school’s next business moment, once per double click, never one that submitted', async () => {
    const year = 2034;
    const t = tenant(['rn', 'done']);
    await advanceTo(defaultAccountabilityDates(year).openAt.toISOString());
    const late = await startSchool(t, 'rn', year);
    const done = await startSchool(t, 'done', year);
    await waitFor(late, has('invited'), 'invitation');
    await waitFor(done, has('invited'), 'invitation');
    await submit(done, t, 'done', 'sub-done');
    const remind = (h: SchoolHandle, requestId: string) =>
      h.executeUpdate(remindSchoolNowUpdate, {
        args: [{ actorPersonId: 'p-secr-1', requestId }],
      });
    // A school that submitted is not reminded.
    expect(await refusalOf(remind(done, 'req-0'))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_SUBMITTED',
    });

    // Saturday 3 February 2035: late since Thursday night. The reminder waits for Monday 08:00.
    await advanceTo(ams('2035-02-03', 12));
    await waitFor(late, (v) => v.status === 'late', 'late');
    expect(await remind(late, 'req-1')).toEqual({ queued: true, at: ams('2035-02-05', 8) });
    // A double click (the same request) and another request while one waits: no second reminder.
    expect(await remind(late, 'req-1')).toEqual({ queued: false, at: ams('2035-02-05', 8) });
    expect(await remind(late, 'req-2')).toEqual({ queued: false, at: ams('2035-02-05', 8) });

    await advanceTo(ams('2035-02-05', 12));
    await waitFor(late, has('reminded_now'), 'the secretariat’s reminder');
    const manual = () =>
      fake.mailsOf(late.workflowId).filter((m) => m.key.includes(':remind-now-'));
    expect(manual().map((m) => [m.kind, m.to, m.at, m.daysLate])).toEqual([
      ['overdue', 'p-contact-rn-1', ams('2035-02-05', 8), 4],
      ['overdue', 'p-contact-rn-2', ams('2035-02-05', 8), 4],
    ]);
    // In office hours a new request goes out at once.
    const before = await nowMs();
    const again = await remind(late, 'req-3');
    expect(again.queued).toBe(true);
    // At once: within the same minute of workflow time.
    expect(Date.parse(again.at) - before).toBeLessThan(60_000);
    await waitFor(late, has('reminded_now', 2), 'a second reminder');
    expect(manual()).toHaveLength(4);
    const v = await view(late);
    expect(v.history.filter((e) => e.code === 'reminded_now').map((e) => e.actorPersonId)).toEqual([
      'p-secr-1',
      'p-secr-1',
    ]);
    expectOfficeHours(fake.mailsOf(late.workflowId));
    expect(fake.mailsOf(done.workflowId).filter((m) => m.key.includes(':remind-now-'))).toEqual([]);
    expect(fake.duplicateKeys).toEqual([]);
  });

  it('2035: at each reminder moment the cycle reminds exactly the schools that still owe a submission; an extended school reminds itself; the schools sleep until their deadline', async () => {
    const year = 2035;
    const ids = ['r1', 'r2', 'r3', 'r4', 'r5'];
    // r5 has nobody to remind.
    const t = tenant(ids, (x) => (x.schools.get('r5')!.contactPersonIds = []));
    const dates = defaultAccountabilityDates(year);
    await advanceTo(dates.openAt.toISOString());
    const cycle = await startCycle(t, year, ids);
    const moments = reminderTimes(dates.deadline, dates.reminderPolicy, dates.openAt).map((d) =>
      d.toISOString(),
    );
    const stepOf = (at: string) => `reminder-d1-${amsterdamParts(new Date(at)).date}`;
    expect((await waitForFanOut(cycle)).reminders).toEqual(
      moments.map((at) => ({ at, step: stepOf(at), done: false })),
    );
    const [r1, r2, r3, r4, r5] = ids.map((s) => schoolHandle(t, year, s));
    for (const h of [r1!, r2!, r3!, r4!]) await waitFor(h, has('invited'), 'invitation');
    // The school still shows its next reminder, which the cycle sends.
    expect((await view(r2!)).next).toEqual({ kind: 'reminder', at: moments[0] });

    // Before the first reminder: r1 submits; r2 saves a draft; r3 submits and is sent back;
    // r4 gets two weeks more; r5 does nothing.
    await submit(r1!, t, 'r1', 'sub-r1');
    await r2!.executeUpdate(recordDraftUpdate, { args: [{ actorPersonId: 'p-contact-r2-1' }] });
    await submit(r3!, t, 'r3', 'sub-r3');
    await review(r3!, 'return', { comments: 'Bijlage ontbreekt' });
    const newDeadline = amsterdamInstant(
      amsterdamParts(new Date(Date.parse(dates.deadline.toISOString()) + 14 * 86_400_000)).date,
      17,
    ).toISOString();
    const extended = await r4!.executeUpdate(extendSchoolDeadlineUpdate, {
      args: [{ actorPersonId: 'p-secr-1', deadline: newDeadline }],
    });
    await waitFor(r3!, (v) => v.status === 'returned', 'the return');
    await waitFor(r4!, has('deadline_extended'), 'the extension');

    // Past the original deadline's last reminder: the cycle has sent them and completed.
    await advanceTo(new Date(Date.parse(moments.at(-1)!) + 3_600_000).toISOString());
    expect(await waitForCompletion(cycle)).toMatchObject({ schools: 5, started: 5 });
    expect((await cycle.query(getAccountabilityCycleQuery)).reminders).toEqual(
      moments.map((at) => ({ at, step: stepOf(at), done: true })),
    );
    const reminded = (h: SchoolHandle) =>
      fake.mailsOf(h.workflowId, 'reminder').map((m) => [m.key, m.at, m.version ?? null]);
    expect(reminded(r1!)).toEqual([]);
    expect(reminded(r5!)).toEqual([]);
    // r2 (a draft) and r3 (returned: the mail names version 1) at every moment, both contacts.
    for (const [h, s, version] of [
      [r2!, 'r2', null],
      [r3!, 'r3', 1],
    ] as const) {
      expect(reminded(h)).toEqual(
        moments.flatMap((at) =>
          [1, 2].map((n) => [`${h.workflowId}:${stepOf(at)}:p-contact-${s}-${n}`, at, version]),
        ),
      );
    }
    // r4 is reminded by itself, for its new deadline (steps of generation 2), not by the cycle.
    expect(extended.reminders.length).toBeGreaterThan(0);
    await advanceTo(new Date(Date.parse(extended.reminders.at(-1)!) + 3_600_000).toISOString());
    await waitFor(r4!, has('reminder_sent', extended.reminders.length), 'its own reminders');
    expect(times(fake.mailsOf(r4!.workflowId, 'reminder'))).toEqual(extended.reminders);
    expect(
      fake.mailsOf(r4!.workflowId, 'reminder').every((m) => m.key.includes(':reminder-d2-')),
    ).toBe(true);
    // One audit event per reminded school and moment.
    expect(
      fake.audit
        .filter(
          (a) =>
            a.action === 'reminder_sent' && a.idempotencyKey.startsWith(`${cycle.workflowId}:`),
        )
        .map((a) => a.idempotencyKey)
        .sort(),
    ).toEqual(
      moments
        .flatMap((at) => [
          `${r2!.workflowId}:${stepOf(at)}:r2`,
          `${r3!.workflowId}:${stepOf(at)}:r3`,
        ])
        .sort(),
    );
    // The schools that left the reminders to the cycle slept until their deadline: no timer of
    // theirs fired before it.
    for (const h of [r2!, r3!, r5!]) {
      const { events } = await h.fetchHistory();
      const fired = (events ?? []).filter(
        (e) => e.timerFiredEventAttributes && eventMs(e) < Date.parse(dates.deadline.toISOString()),
      );
      expect(fired).toEqual([]);
    }
    expectOfficeHours(fake.mails.filter((m) => m.workflowId.startsWith(`${cycle.workflowId}:`)));
    expect(fake.duplicateKeys).toEqual([]);
  });

  it('2036: a cancelled cycle sends no more reminders; its schools go on', async () => {
    const year = 2036;
    const t = tenant(['k1']);
    const dates = defaultAccountabilityDates(year);
    await advanceTo(dates.openAt.toISOString());
    const cycle = await startCycle(t, year, ['k1'], { startedByPersonId: null });
    await waitForFanOut(cycle);
    const k1 = schoolHandle(t, year, 'k1');
    await waitFor(k1, has('invited'), 'invitation');
    await cycle.cancel();
    await advanceTo(new Date(Date.parse(dates.deadline.toISOString()) + 3_600_000).toISOString());
    expect((await cycle.describe()).status.name).toBe('CANCELLED');
    expect(fake.remindSchoolsCalls.filter((c) => c.cycleWorkflowId === cycle.workflowId)).toEqual(
      [],
    );
    expect(fake.mailsOf(k1.workflowId, 'reminder')).toEqual([]);
    // The school itself still goes late at its deadline.
    await waitFor(k1, has('deadline_passed'), 'the deadline');
  });
});

/** Polls (real time, bounded) until `predicate` holds. */
async function waitUntil(predicate: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Epoch ms of a history event. */
function eventMs(e: HistoryEvent): number {
  return Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
}

/** Polls the cycle's query (never unlocking time skipping) until its fan-out is done; returns its status. */
async function waitForFanOut(handle: CycleHandle) {
  const start = Date.now();
  for (;;) {
    const latest = client.workflow.getHandle<typeof accountabilityCycleWorkflow>(handle.workflowId);
    const status = await latest.query(getAccountabilityCycleQuery).catch(() => null);
    if (status?.phase === 'running') return status;
    if (Date.now() - start > 15_000) throw new Error(`cycle still ${status?.phase ?? 'starting'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls describe() (never unlocking time skipping) until the workflow chain completes; returns its result. */
async function waitForCompletion(handle: CycleHandle) {
  const start = Date.now();
  for (;;) {
    const latest = client.workflow.getHandle<typeof accountabilityCycleWorkflow>(handle.workflowId);
    const d = await latest.describe();
    if (d.status.name === 'COMPLETED' || d.status.name === 'FAILED') return latest.result();
    if (Date.now() - start > 15_000) throw new Error(`cycle still ${d.status.name}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The history of every run of a workflow chain, following continue-as-new. */
async function runHistories(workflowId: string, firstRunId: string): Promise<HistoryEvent[][]> {
  const runs: HistoryEvent[][] = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: HistoryEvent[] = history.events ?? [];
    runs.push(events);
    runId =
      events.find((e) => e.workflowExecutionContinuedAsNewEventAttributes)
        ?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}
