import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { amsterdamInstant, amsterdamParts, schoolHolidayOn } from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import { TASK_QUEUES } from '../task-queues';
import { accountabilityWorkflowId, schoolAccountabilityWorkflowId } from '../ids';
import { accountabilityCycleWorkflow } from './accountability-cycle.workflow';
import {
  getAccountabilityCycleQuery,
  getSchoolAccountabilityQuery,
} from './accountability.messages';
import type { SchoolAccountabilityInput } from './accountability.types';
import { schoolAccountabilityWorkflow } from './school-accountability.workflow';
import {
  type InMemoryAccountability,
  type SentMail,
  createInMemoryAccountability,
  sampleTenant,
} from './testing/in-memory-accountability-activities';

/**
 * Issue #15: a date that addresses a school skips its region's school holidays, for the school
 * is closed. Over the Christmas holiday of 2026–2027 (19 December – 3 January, every region),
 * on Temporal's time-skipping server: the reminders of a school in the north never fall in it,
 * and a school started in the holiday is invited on the first school day after it.
 */
jest.setTimeout(90_000);

const ams = (date: string, hour: number, minute = 0): string =>
  amsterdamInstant(date, hour, minute).toISOString();

let env: TestWorkflowEnvironment;
let client: Client;
let worker: Worker;
let running: Promise<void>;
let fake: InMemoryAccountability;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  // The cycle's fan-out starts its school workflows through this test's client.
  fake = createInMemoryAccountability({
    startSchoolWorkflow: async (workflowId, input, taskQueue) => {
      await client.workflow.start(schoolAccountabilityWorkflow, {
        taskQueue,
        workflowId,
        args: [input],
      });
      return 'started';
    },
  });
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUES.cycles,
    workflowBundle: workflowBundle(),
    activities: fake.activities,
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

async function advanceTo(iso: string): Promise<void> {
  const now = await env.currentTimeMs();
  const target = Date.parse(iso);
  if (target > now) await env.sleep(target - now);
}

async function waitForHistory(workflowId: string, code: string, n: number): Promise<void> {
  const handle = client.workflow.getHandle<typeof schoolAccountabilityWorkflow>(workflowId);
  const start = Date.now();
  for (;;) {
    const v = await handle.query(getSchoolAccountabilityQuery).catch(() => null);
    if (v && v.history.filter((e) => e.code === code).length >= n) return;
    if (Date.now() - start > 15_000) throw new Error(`timed out waiting for ${n} × ${code}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** The mails' moments, each with the school holiday it falls in (none, for a school). */
const moments = (mails: SentMail[]) =>
  [...new Set(mails.map((m) => m.at))].sort().map((at) => ({
    at,
    holiday: schoolHolidayOn(amsterdamParts(new Date(at)).date, 'noord')?.name ?? null,
  }));

describe('school-aware calendars (time-skipping, Christmas holiday 2026–2027)', () => {
  it('never reminds or invites a school in its region’s school holiday', async () => {
    const t = fake.addTenant(sampleTenant('org-calendar', ['s1', 's2']));
    const start = async (schoolId: string): Promise<string> => {
      const input: SchoolAccountabilityInput = {
        organisationId: t.organisationId,
        accountingYear: 2026,
        schoolId,
        cycleWorkflowId: accountabilityWorkflowId(t.organisationId, 2026),
        // Monday 11 January 2027, 17:00: reminders 10, 5 and 1 school days before, at 09:00.
        deadline: ams('2027-01-11', 17),
        reminderPolicy: { offsetsBusinessDays: [10, 5, 1], sendHour: 9 },
        maxOverdueReminders: 0,
        formatVersion: t.formatVersion,
        lingerAfterFinalDays: 0,
        region: 'noord',
      };
      const workflowId = schoolAccountabilityWorkflowId(t.organisationId, 2026, schoolId);
      await client.workflow.start(schoolAccountabilityWorkflow, {
        taskQueue: TASK_QUEUES.cycles,
        workflowId,
        args: [input],
      });
      return workflowId;
    };

    // s1 starts on Monday 14 December at 08:30. On the office's calendar its tenth business day
    // before the deadline would be Thursday 24 December, in the holiday; on the school's it is
    // Monday 14 December.
    await advanceTo(ams('2026-12-14', 8, 30));
    const s1 = await start('s1');
    await waitForHistory(s1, 'invited', 1);
    // s2 starts during the holiday, on Monday 21 December at 10:00; so does the cycle of
    // another SWV in the north, which reminds its school c1 itself.
    await advanceTo(ams('2026-12-21', 10));
    const s2 = await start('s2');
    const other = fake.addTenant(sampleTenant('org-calendar-cycle', ['c1']));
    const cycle = await client.workflow.start(accountabilityCycleWorkflow, {
      taskQueue: TASK_QUEUES.cycles,
      workflowId: accountabilityWorkflowId(other.organisationId, 2026),
      args: [
        {
          organisationId: other.organisationId,
          accountingYear: 2026,
          schoolIds: ['c1'],
          deadline: ams('2027-01-11', 17),
          reminderPolicy: { offsetsBusinessDays: [10, 5, 1], sendHour: 9 },
          maxOverdueReminders: 0,
          lingerAfterFinalDays: 0,
          startedByPersonId: null,
          region: 'noord',
        },
      ],
    });
    const c1 = schoolAccountabilityWorkflowId(other.organisationId, 2026, 'c1');
    await waitForHistory(c1, 'started', 1);
    await advanceTo(ams('2027-01-11', 12));
    await waitForHistory(s1, 'reminder_sent', 3);
    await waitForHistory(s2, 'reminder_sent', 1);
    await waitForHistory(c1, 'invited', 1);

    expect(moments(fake.mailsOf(s1, 'reminder'))).toEqual([
      { at: ams('2026-12-14', 9), holiday: null },
      { at: ams('2027-01-04', 9), holiday: null },
      { at: ams('2027-01-08', 9), holiday: null },
    ]);
    // Invited on the first school day after the holiday, at 08:00; then the last reminders.
    expect(moments(fake.mailsOf(s2, 'invitation'))).toEqual([
      { at: ams('2027-01-04', 8), holiday: null },
    ]);
    expect(moments(fake.mailsOf(s2, 'reminder'))).toEqual([
      { at: ams('2027-01-04', 9), holiday: null },
      { at: ams('2027-01-08', 9), holiday: null },
    ]);
    // The cycle's reminders for c1 fall on the same school days as s2's own.
    expect((await cycle.query(getAccountabilityCycleQuery)).reminders).toEqual([
      { at: ams('2027-01-04', 9), step: 'reminder-d1-2027-01-04', done: true },
      { at: ams('2027-01-08', 9), step: 'reminder-d1-2027-01-08', done: true },
    ]);
    expect(moments(fake.mailsOf(c1, 'invitation'))).toEqual([
      { at: ams('2027-01-04', 8), holiday: null },
    ]);
    expect(moments(fake.mailsOf(c1, 'reminder'))).toEqual([
      { at: ams('2027-01-04', 9), holiday: null },
      { at: ams('2027-01-08', 9), holiday: null },
    ]);
    expect(fake.duplicateKeys).toEqual([]);
  });
});
