// One SWV's governance year, 1 September 2027 to 31 August 2028, on Temporal's time-skipping
// server: every cycle that exists runs for the same SWV (one organisation id), in calendar
// order, and the test asserts the mails and states a secretariat, a board member, a school and
// an operator would notice on the way.
//
//   September–December  budget 2028: round 1 rejected (the ALV lacks quorum, is escalated, its
//                       deadline extended, then closed), a revision, round 2 approved,
//                       adoption, the allocation letters (representativeBudgetRun).
//   January–March       accountability 2027: every school invited, reminded, one school late
//                       (escalated to its bestuurder and ECT member, weekly overdue reminders),
//                       all submitted and accepted.
//   every month         housekeeping, as the nightly Schedule runs it at 03:30.
//
// Adding a cycle: give it a worker (its own task queue and in-memory activities, as below),
// then add one step to `YEAR` with the month it starts in and what it asserts; the steps run in
// order and each moves the clock forward only (`advanceTo`). The whole year takes well under a
// minute (README "Measured").
import { Client, type WorkflowHandle } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  amsterdamInstant,
  amsterdamParts,
  defaultAccountabilityDates,
  isBusinessDay,
} from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import { BudgetHarness } from '../testing/budget-harness';
import { representativeBudgetRun } from '../testing/representative-budget-run';
import { accountabilityCycleWorkflow } from './accountability/accountability-cycle.workflow';
import {
  getSchoolAccountabilityQuery,
  reviewSubmissionUpdate,
  submitAccountabilityUpdate,
} from './accountability/accountability.messages';
import type { SchoolAccountabilityView } from './accountability/accountability.types';
import { schoolAccountabilityWorkflow } from './accountability/school-accountability.workflow';
import {
  createInMemoryAccountability,
  sampleTenant,
  type InMemoryAccountability,
  type SentMail,
} from './accountability/testing/in-memory-accountability-activities';
import type { HousekeepingActivities } from './housekeeping/housekeeping.activities';
import { housekeepingWorkflow } from './housekeeping/housekeeping.workflow';
import { accountabilityWorkflowId, schoolAccountabilityWorkflowId } from './ids';

jest.setTimeout(120_000);

const ORG = 'org-jaar';
const ACCOUNTABILITY_QUEUE = 'year-accountability';
const HOUSEKEEPING_QUEUE = 'year-housekeeping';
const SCHOOLS = ['s1', 's2', 's3', 's4'];
const LATE = 's4';

const ams = (date: string, hour: number, minute = 0): string =>
  amsterdamInstant(date, hour, minute).toISOString();

let env: TestWorkflowEnvironment;
/** A client that never unlocks time skipping (env.client does while awaiting a result). */
let client: Client;
let budget: BudgetHarness;
let accountability: InMemoryAccountability;
const workers: { worker: Worker; running: Promise<void> }[] = [];
const housekeepingRuns: { at: string }[] = [];

const housekeepingActivities: HousekeepingActivities = {
  removeUnusedDocuments: async ({ at }) => {
    housekeepingRuns.push({ at });
    return 0;
  },
  removeExpiredSignIns: async () => ({ loginTokens: 0, sessions: 0 }),
  blankSentMailBodies: async () => 0,
};

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const bundle = workflowBundle();
  // The harness's handles use this client too: awaiting a completed cycle's result through
  // env.client would unlock time skipping, and with nothing due the server jumps years ahead.
  const budgetEnv = Object.assign(Object.create(env) as TestWorkflowEnvironment, { client });
  budget = await new BudgetHarness(budgetEnv, bundle).start();
  accountability = createInMemoryAccountability({
    startSchoolWorkflow: async (workflowId, input, taskQueue) => {
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
  for (const [taskQueue, activities] of [
    [ACCOUNTABILITY_QUEUE, accountability.activities],
    [HOUSEKEEPING_QUEUE, housekeepingActivities],
  ] as const) {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities,
    });
    workers.push({ worker, running: worker.run() });
  }
}, 120_000);

afterAll(async () => {
  await budget?.stop();
  for (const w of workers) w.worker.shutdown();
  await Promise.all(workers.map((w) => w.running));
  await env?.teardown();
});

async function advanceTo(iso: string): Promise<void> {
  const target = Date.parse(iso);
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
}

/** Polls (real time, bounded) until `predicate` holds for the workflow's result of `read`. */
async function until<T>(
  read: () => Promise<T>,
  predicate: (v: T) => boolean,
  what: string,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await read().catch(() => null);
    if (v !== null && predicate(v)) return v;
    if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

type SchoolHandle = WorkflowHandle<typeof schoolAccountabilityWorkflow>;
const school = (year: number, id: string): SchoolHandle =>
  client.workflow.getHandle(schoolAccountabilityWorkflowId(ORG, year, id));
const view = (h: SchoolHandle): Promise<SchoolAccountabilityView> =>
  h.query(getSchoolAccountabilityQuery);
const codes = (v: SchoolAccountabilityView) => v.history.map((e) => e.code);

/** Housekeeping as the nightly Schedule runs it: 03:30 Amsterdam on `date`. */
async function housekeepingNight(date: string): Promise<void> {
  await advanceTo(ams(date, 3, 30));
  await client.workflow.execute(housekeepingWorkflow, {
    taskQueue: HOUSEKEEPING_QUEUE,
    workflowId: `housekeeping-${date}`,
  });
}

/** Timed mails (not answers to someone's action) only on business days, 08:00–18:00 Amsterdam. */
function expectOfficeHours(mails: SentMail[]): void {
  const timed = mails.filter((m) =>
    ['invitation', 'reminder', 'overdue', 'escalation'].includes(m.kind),
  );
  expect(timed.length).toBeGreaterThan(0);
  const outside = timed.filter((m) => {
    const p = amsterdamParts(new Date(m.at));
    return !isBusinessDay(p.date) || p.hour < 8 || p.hour >= 18;
  });
  expect(outside.map((m) => `${m.kind} ${m.at}`)).toEqual([]);
}

/** The year, in calendar order. A new cycle adds its step here (see the header). */
const YEAR: { month: string; what: string; run: () => Promise<void> }[] = [
  {
    month: '2027-09',
    what: 'housekeeping on the first night of the school year',
    run: () => housekeepingNight('2027-09-01'),
  },
  {
    month: '2027-11',
    what: 'budget 2028: round 1 rejected, revision, round 2 approved, adopted, letters',
    run: async () => {
      await budget.advanceTo(Date.parse(ams('2027-11-01', 8)));
      const handle = await representativeBudgetRun(budget, (w) => {
        w.organisationId = ORG;
      });
      // Through the client that never unlocks time skipping: the cycle has completed already.
      const result = await client.workflow
        .getHandle<typeof handle extends WorkflowHandle<infer W> ? W : never>(handle.workflowId)
        .result();
      // Two rounds, adopted by the directeur-bestuurder, a letter to each of the four boards.
      expect(result).toMatchObject({
        budgetYear: 2028,
        rounds: 2,
        adoptedByPersonId: 'p-dir',
        letters: { boards: 4, lettersSent: 4, boardsWithoutRecipient: [] },
      });
      // In the autumn: the letters before the Christmas holidays.
      expect(result.lettersSentAt! < ams('2027-12-24', 0)).toBe(true);
      const mails = (kind: Parameters<typeof budget.fake.mailsOf>[0]) =>
        budget.fake.mailsOf(kind, handle.workflowId);
      // Ballots in both rounds, the ALV's escalation after round 1's deadline, one letter per board.
      expect(new Set(mails('ballot').map((m) => m.round))).toEqual(new Set([1, 2]));
      expect(mails('escalation').length).toBeGreaterThan(0);
      expect(mails('escalation').every((m) => m.round === 1 && m.bodyKey === 'alv')).toBe(true);
      expect(mails('letter')).toHaveLength(4);
      expect(mails('adoption').length).toBeGreaterThan(0);
      // Never the same mail twice.
      const keys = budget.fake.mails.map((m) => m.key);
      expect(keys.length).toBe(new Set(keys).size);
    },
  },
  {
    month: '2027-12',
    what: 'housekeeping in December',
    run: () => housekeepingNight('2027-12-28'),
  },
  {
    month: '2028-01',
    what: 'accountability 2027: all schools, one late, all accepted',
    run: async () => {
      const year = 2027;
      accountability.addTenant(sampleTenant(ORG, SCHOOLS));
      await advanceTo(defaultAccountabilityDates(year).openAt.toISOString()); // Thu 6 Jan 2028, 09:00
      const cycle = await client.workflow.start(accountabilityCycleWorkflow, {
        taskQueue: ACCOUNTABILITY_QUEUE,
        workflowId: accountabilityWorkflowId(ORG, year),
        args: [
          {
            organisationId: ORG,
            accountingYear: year,
            schoolIds: SCHOOLS,
            startedByPersonId: 'p-secr-1',
          },
        ],
      });
      await until(
        () => cycle.describe(),
        (d) => d.status.name === 'COMPLETED',
        'the fan-out',
      );
      expect(await cycle.result()).toMatchObject({ schools: 4, started: 4, alreadyStarted: 0 });
      for (const id of SCHOOLS)
        await until(
          () => view(school(year, id)),
          (v) => codes(v).includes('invited'),
          `${id} invited`,
        );
      // Every contact of every school invited once, at 09:00 on the opening day.
      const invitations = SCHOOLS.flatMap((id) =>
        accountability.mailsOf(school(year, id).workflowId, 'invitation'),
      );
      expect(invitations).toHaveLength(8);
      expect(new Set(invitations.map((m) => m.at.slice(0, 13)))).toEqual(
        new Set([ams('2028-01-06', 9).slice(0, 13)]),
      );

      // Three schools submit in January (Thursday 13, Monday 17, Friday 21); the fourth misses the deadline (Tuesday 1 February).
      for (const [i, id] of ['s1', 's2', 's3'].entries()) {
        await advanceTo(ams(`2028-01-${String(13 + i * 4)}`, 10));
        accountability.tenants.get(ORG)!.submissions.set(`sub-${id}`, {
          schoolId: id,
          expensesCents: [4_000_000],
        });
        const r = await school(year, id).executeUpdate(submitAccountabilityUpdate, {
          args: [{ actorPersonId: `p-contact-${id}-1`, submissionId: `sub-${id}` }],
        });
        expect(r).toMatchObject({ status: 'submitted', daysLate: 0 });
      }
      await advanceTo(ams('2028-02-02', 12));
      const late = school(year, LATE);
      await until(
        () => view(late),
        (v) => codes(v).includes('escalated'),
        'the escalation',
      );
      expect(
        accountability.mailsOf(late.workflowId, 'escalation').map((m) => [m.to, m.at]),
      ).toEqual([
        ['p-bestuurder-b', ams('2028-02-02', 9)],
        [`p-ect-${LATE}`, ams('2028-02-02', 9)],
      ]);
      // Weekly overdue reminders until it submits on 23 February, 22 days late.
      await advanceTo(ams('2028-02-23', 10));
      await until(
        () => view(late),
        (v) => codes(v).filter((c) => c === 'overdue_reminder_sent').length === 3,
        'three overdue reminders',
      );
      accountability.tenants.get(ORG)!.submissions.set('sub-late', {
        schoolId: LATE,
        expensesCents: [4_000_000],
      });
      const r = await late.executeUpdate(submitAccountabilityUpdate, {
        args: [{ actorPersonId: `p-contact-${LATE}-1`, submissionId: 'sub-late' }],
      });
      expect(r).toMatchObject({ status: 'submitted', daysLate: 22 });

      // The secretariat accepts all four in March.
      await advanceTo(ams('2028-03-06', 10));
      for (const id of SCHOOLS) {
        await school(year, id).executeUpdate(reviewSubmissionUpdate, {
          args: [{ actorPersonId: 'p-secr-1', decision: 'accept' }],
        });
      }
      for (const id of SCHOOLS) {
        const v = await until(
          () => view(school(year, id)),
          (x) => x.status === 'accepted',
          `${id} accepted`,
        );
        expect(v.daysLate).toBe(id === LATE ? 22 : 0);
        if (id !== LATE)
          expect(accountability.mailsOf(school(year, id).workflowId, 'escalation')).toEqual([]);
      }
      expectOfficeHours(accountability.mails);
      expect(accountability.duplicateKeys).toEqual([]);
    },
  },
  ...['2028-03-29', '2028-04-26', '2028-05-31', '2028-06-28', '2028-07-26'].map((date) => ({
    month: date.slice(0, 7),
    what: `housekeeping on ${date}`,
    run: () => housekeepingNight(date),
  })),
  {
    month: '2028-08',
    what: 'the year ends: nothing left running, nothing sent twice',
    run: async () => {
      await housekeepingNight('2028-08-31');
      await advanceTo(ams('2028-08-31', 23));
      // The accepted schools' workflows ended (30 days after their last step).
      for (const id of SCHOOLS) {
        expect((await school(2027, id).describe()).status.name).toBe('COMPLETED');
      }
      expect(housekeepingRuns.map((r) => r.at.slice(0, 10))).toEqual(
        [
          '2027-09-01',
          '2027-12-28',
          '2028-03-29',
          '2028-04-26',
          '2028-05-31',
          '2028-06-28',
          '2028-07-26',
          '2028-08-31',
        ].map((d) => ams(d, 3, 30).slice(0, 10)),
      );
    },
  },
];

describe('a governance year (time-skipping)', () => {
  it('runs one SWV from 1 September 2027 to 31 August 2028', async () => {
    await advanceTo(ams('2027-09-01', 0));
    for (const step of YEAR) {
      // Steps are in calendar order: the clock has not passed the month a step starts in.
      const today = amsterdamParts(new Date(await env.currentTimeMs())).date;
      expect({
        step: step.what,
        today: today.slice(0, 7) <= step.month ? 'in time' : today,
      }).toEqual({
        step: step.what,
        today: 'in time',
      });
      await step.run();
    }
    expect(amsterdamParts(new Date(await env.currentTimeMs())).date).toBe('2028-08-31');
  });
});
