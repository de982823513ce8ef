import fs from 'node:fs';
import path from 'node:path';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { amsterdamInstant, defaultAccountabilityDates } from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import {
  type HistoryFixture,
  fromHistoryFixture,
  toHistoryFixture,
} from '../../testing/history-fixture';
import { TASK_QUEUES } from '../task-queues';
import { accountabilityCycleWorkflow } from './accountability-cycle.workflow';
import { accountabilityWorkflowId, schoolAccountabilityWorkflowId } from '../ids';
import {
  extendSchoolDeadlineUpdate,
  getSchoolAccountabilityQuery,
  remindSchoolNowUpdate,
  reviewSubmissionUpdate,
  saveDraftSignal,
  submitAccountabilityUpdate,
  waiveSchoolUpdate,
} from './accountability.messages';
import type { SchoolAccountabilityInput, SchoolAccountabilityView } from './accountability.types';
import { schoolAccountabilityWorkflow } from './school-accountability.workflow';
import {
  type InMemoryAccountability,
  createInMemoryAccountability,
  sampleTenant,
} from './testing/in-memory-accountability-activities';

jest.setTimeout(120_000);

/**
 * Replay guard for the released accountability workflows: every history committed in
 * __histories__ (the cycle's runs and school workflows) must replay against the
 * current workflow code. A change that would break running cycles or schools fails here; put
 * it behind `patched()` and record the new behaviour next to the old files under a new label.
 *
 * To record the representative run under a label (once per released version; never
 * overwrite or edit a committed file):
 *   RECORD_ACCOUNTABILITY_HISTORY=v2 npx jest --selectProjects workflow -- accountability.replay
 * which writes __histories__/<label>-cycle-run<n>.json and <label>-school-<r1|r2>.json.
 * Recorded: v1, v2, v3 (the schools' region: patch 'accountability-school-calendar') and v4
 * (the secretariat's reminder of a late school: patch 'accountability-remind-now') and v5
 * (a timed reminder as one local activity: patch 'accountability-reminder-local-activity').
 */
const HISTORIES = path.join(__dirname, '__histories__');

function committedHistories(): (HistoryFixture & { file: string })[] {
  return fs
    .readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      ...(JSON.parse(fs.readFileSync(path.join(HISTORIES, file), 'utf8')) as HistoryFixture),
      file,
    }));
}

/** How a recorded history ends. */
function endOf(events: HistoryEvents): string {
  const last = events.at(-1);
  if (!last) return 'empty';
  if (last.workflowExecutionCompletedEventAttributes) return 'completed';
  if (last.workflowExecutionContinuedAsNewEventAttributes) return 'continued as new';
  // Resting: the last workflow task completed and the workflow waits (e.g. for its linger timer).
  if (last.timerStartedEventAttributes || last.workflowTaskCompletedEventAttributes)
    return 'waiting';
  return 'cut off';
}

describe('accountability: replay of recorded histories', () => {
  let env: TestWorkflowEnvironment;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  // The fan-out activity starts school workflows through this test's client.
  const fake = createInMemoryAccountability({
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
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('replays every committed history with the current workflow code', async () => {
    const histories = committedHistories();
    // At least the cycle's two runs and the two schools of the first release.
    expect(histories.length).toBeGreaterThanOrEqual(4);
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: workflowBundle(), replayName: 'accountability-replay' },
      histories.map((f) => ({ workflowId: f.workflowId, history: fromHistoryFixture(f) })),
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    for (const f of histories) {
      // Sanity: each fixture holds a whole run, or one resting after a completed workflow
      // task (a cut-off file would replay trivially).
      expect({ file: f.file, end: endOf(fromHistoryFixture(f).events) }).toEqual({
        file: f.file,
        end: expect.stringMatching(/^(completed|continued as new|waiting)$/),
      });
    }
    expect(failures).toEqual([]);
  });

  it('runs the representative cycle and replays its fresh histories', async () => {
    const run = await representativeAccountabilityRun(env, client, fake);
    const fixtures: { name: string; fixture: HistoryFixture }[] = [
      ...run.cycle.runs.map((events, i) => ({
        name: `cycle-run${i + 1}`,
        fixture: toHistoryFixture(run.cycle.workflowId, { events }),
      })),
      ...run.schools.map((s) => ({
        name: `school-${s.workflowId.split(':').at(-1)}`,
        fixture: toHistoryFixture(s.workflowId, { events: s.events }),
      })),
    ];
    expect(run.cycle.runs.length).toBeGreaterThanOrEqual(1);
    for (const { name, fixture } of fixtures) {
      expect({ name, end: endOf(fromHistoryFixture(fixture).events) }).toEqual({
        name,
        end:
          name.startsWith('cycle-run') || name === 'school-r2'
            ? expect.stringMatching(/^(completed|continued as new)$/)
            : 'waiting',
      });
      // Through the fixture form, as a committed file would be read.
      await Worker.runReplayHistory(
        { workflowBundle: workflowBundle(), replayName: `accountability-fresh-${name}` },
        fromHistoryFixture(fixture),
        fixture.workflowId,
      );
    }
    expect(fake.duplicateKeys).toEqual([]);
    const label = process.env.RECORD_ACCOUNTABILITY_HISTORY;
    if (label) {
      if (!/^[a-z0-9-]+$/.test(label))
        throw new Error('RECORD_ACCOUNTABILITY_HISTORY: a label like v2');
      fs.mkdirSync(HISTORIES, { recursive: true });
      for (const { name, fixture } of fixtures) {
        const file = path.join(HISTORIES, `${label}-${name}.json`);
        if (fs.existsSync(file))
          throw new Error(`${file} exists: committed histories are never overwritten`);
        fs.writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
      }
    }
  });
});

/**
 * An accountability cycle that walks most of the workflows' paths, for the replay fixtures
 * below: a fan-out over five schools in batches of two with a
 * continue-as-new and one school (r2) that had already been started; school r1 is invited,
 * reminded (since v6 by the cycle, which then completes), late, escalated, reminded when overdue and by the secretariat, submits, is
 * returned, resubmits and is accepted with an underspending deduction (its history ends in the linger period); school r2
 * saves a draft, gets an extension, is waived and closes after its linger period. Test code:
 * runs on the time-skipping server with the in-memory activities.
 *
 * r2 is the school that closes because it has no parent: the time-skipping test server stops
 * skipping time after a child of a closed parent completes (seen with temporal-test-server
 * 1.x), so a cycle's child is recorded while it lingers instead.
 */
type SchoolHandle = WorkflowHandle<typeof schoolAccountabilityWorkflow>;
type HistoryEvents = NonNullable<Awaited<ReturnType<SchoolHandle['fetchHistory']>>['events']>;

interface RepresentativeAccountabilityRun {
  /** The workflow id of the cycle and the history of each of its runs, in order. */
  cycle: { workflowId: string; runs: HistoryEvents[] };
  /** r1 (accepted with a deduction, lingering) and r2 (waived, closed). */
  schools: { workflowId: string; events: HistoryEvents }[];
}

const SCHOOLS = ['r1', 'r2', 'r3', 'r4', 'r5'];

const ams = (date: string, hour: number, minute = 0): string =>
  amsterdamInstant(date, hour, minute).toISOString();

/**
 * `client` must be one that does not unlock time skipping while it waits (not env.client);
 * the clock moves only through `env.sleep`.
 */
async function representativeAccountabilityRun(
  env: TestWorkflowEnvironment,
  client: Client,
  fake: InMemoryAccountability,
  organisationId = 'org-replay',
): Promise<RepresentativeAccountabilityRun> {
  const year = 2026;
  const t = fake.addTenant(sampleTenant(organisationId, SCHOOLS));
  t.formatVersion = 2;
  const schoolId = (s: string): string => schoolAccountabilityWorkflowId(organisationId, year, s);
  const handle = (s: string): SchoolHandle => client.workflow.getHandle(schoolId(s));
  const advanceTo = async (iso: string): Promise<void> => {
    const wait = Date.parse(iso) - (await env.currentTimeMs());
    if (wait > 0) await env.sleep(wait);
  };
  const waitFor = async (
    s: string,
    predicate: (v: SchoolAccountabilityView) => boolean,
    what: string,
  ): Promise<SchoolAccountabilityView> => {
    const start = Date.now();
    for (;;) {
      const v = await handle(s)
        .query(getSchoolAccountabilityQuery)
        .catch(() => null);
      if (v && predicate(v)) return v;
      if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what} of ${s}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  };
  const has =
    (code: string, n = 1) =>
    (v: SchoolAccountabilityView): boolean =>
      v.history.filter((e) => e.code === code).length >= n;
  /** Running, nothing pending, its last event not a workflow task in progress, history unchanged. */
  const quiescent = async (workflowId: string): Promise<void> => {
    const h = client.workflow.getHandle(workflowId);
    const start = Date.now();
    let previous = -1;
    let stable = 0;
    while (Date.now() - start < 20_000) {
      const d = await h.describe();
      if (d.status.name !== 'RUNNING') return;
      const events = (await h.fetchHistory()).events ?? [];
      const last = events.at(-1);
      const busy =
        (d.raw.pendingActivities ?? []).length > 0 ||
        !last ||
        Boolean(
          last.workflowTaskScheduledEventAttributes || last.workflowTaskStartedEventAttributes,
        );
      stable = !busy && events.length === previous ? stable + 1 : 0;
      if (stable >= 2) return;
      previous = events.length;
      await new Promise((r) => setTimeout(r, 30));
    }
    throw new Error(`${workflowId} did not settle`);
  };
  const closed = async (workflowId: string): Promise<void> => {
    const start = Date.now();
    for (;;) {
      const d = await client.workflow.getHandle(workflowId).describe();
      if (d.status.name !== 'RUNNING') return;
      if (Date.now() - start > 20_000) throw new Error(`${workflowId} still running`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const dates = defaultAccountabilityDates(year);
  await advanceTo(dates.openAt.toISOString()); // Wednesday 6 January 2027, 09:00

  // A crashed earlier attempt had already started r2.
  const r2Input: SchoolAccountabilityInput = {
    organisationId,
    accountingYear: year,
    schoolId: 'r2',
    cycleWorkflowId: accountabilityWorkflowId(organisationId, year),
    deadline: dates.deadline.toISOString(),
    reminderPolicy: dates.reminderPolicy,
    maxOverdueReminders: 2,
    formatVersion: 2,
    lingerAfterFinalDays: 30,
    // As the cycle starts its schools since patch 'accountability-reminders-by-cycle' (v6).
    remindersByCycle: true,
  };
  await client.workflow.start(schoolAccountabilityWorkflow, {
    taskQueue: TASK_QUEUES.cycles,
    workflowId: schoolId('r2'),
    args: [r2Input],
  });

  const cycleId = accountabilityWorkflowId(organisationId, year);
  const cycle = await client.workflow.start(accountabilityCycleWorkflow, {
    taskQueue: TASK_QUEUES.cycles,
    workflowId: cycleId,
    args: [
      {
        organisationId,
        accountingYear: year,
        schoolIds: SCHOOLS,
        startedByPersonId: 'p-secr-1',
        maxOverdueReminders: 2,
        fanOut: { batchSize: 2, batchesPerRun: 2 },
        // The schools' calendar (patch 'accountability-school-calendar', recorded as v3).
        region: 'noord',
      },
    ],
  });
  for (const s of SCHOOLS) await waitFor(s, has('invited'), 'invitation');

  // r2: a draft, an extension before the deadline, then a waiver.
  await handle('r2').signal(saveDraftSignal, { actorPersonId: 'p-contact-r2-1' });
  await waitFor('r2', (v) => v.status === 'draft', 'draft');
  await advanceTo(ams('2027-01-13', 10)); // after the first reminder (12 January)
  await handle('r2').executeUpdate(extendSchoolDeadlineUpdate, {
    args: [{ actorPersonId: 'p-secr-1', deadline: ams('2027-03-01', 17) }],
  });
  await waitFor('r2', has('deadline_extended'), 'extension');
  await advanceTo(ams('2027-01-20', 10));
  await handle('r2').executeUpdate(waiveSchoolUpdate, {
    args: [{ actorPersonId: 'p-secr-1', reason: 'School gesloten' }],
  });
  await waitFor('r2', (v) => fake.mailsOf(v.workflowId, 'waived').length === 2, 'waiver mail');

  // r1: late (deadline Monday 1 February), escalated 2 February, overdue reminder 8 February.
  await advanceTo(ams('2027-02-10', 10));
  await waitFor('r1', has('overdue_reminder_sent'), 'overdue reminder');
  // The cycle sent the reminders of 12, 21 and 29 January (v6) and completed.
  await closed(cycleId);
  expect(fake.mailsOf(schoolId('r1'), 'reminder')).toHaveLength(6);
  // The secretariat reminds the late school at once (patch 'accountability-remind-now', v4);
  // the same request again changes nothing.
  for (let i = 0; i < 2; i++) {
    await handle('r1').executeUpdate(remindSchoolNowUpdate, {
      args: [{ actorPersonId: 'p-secr-1', requestId: 'remind-late-1' }],
    });
  }
  await waitFor('r1', has('reminded_now'), 'the secretariat’s reminder');
  t.submissions.set('sub-r1-v1', { schoolId: 'r1', expensesCents: [4_000_000] });
  await handle('r1').executeUpdate(submitAccountabilityUpdate, {
    args: [{ actorPersonId: 'p-contact-r1-1', submissionId: 'sub-r1-v1' }],
  });
  await waitFor('r1', () => fake.mailsOf(schoolId('r1'), 'review').length === 2, 'review request');
  await handle('r1').executeUpdate(reviewSubmissionUpdate, {
    args: [{ actorPersonId: 'p-secr-1', decision: 'return', comments: 'Toelichting ontbreekt' }],
  });
  await waitFor('r1', () => fake.mailsOf(schoolId('r1'), 'returned').length === 2, 'return mail');
  t.submissions.set('sub-r1-v2', { schoolId: 'r1', expensesCents: [4_000_000, 500_050] });
  await handle('r1').executeUpdate(submitAccountabilityUpdate, {
    args: [{ actorPersonId: 'p-contact-r1-2', submissionId: 'sub-r1-v2' }],
  });
  await waitFor('r1', () => fake.mailsOf(schoolId('r1'), 'review').length === 4, 'second review');
  await handle('r1').executeUpdate(reviewSubmissionUpdate, {
    args: [{ actorPersonId: 'p-secr-1', decision: 'accept', version: 2 }],
  });
  await waitFor('r1', has('deduction_recorded'), 'deduction');
  await waitFor('r1', () => fake.mailsOf(schoolId('r1'), 'accepted').length === 2, 'acceptance');
  await quiescent(schoolId('r1'));

  // 30 days after the waiver r2 closes; r1 lingers until 12 March.
  await advanceTo(ams('2027-02-22', 12));
  await closed(schoolId('r2'));

  const runs: HistoryEvents[] = [];
  let runId: string | undefined = cycle.firstExecutionRunId;
  while (runId) {
    const events: HistoryEvents =
      (await client.workflow.getHandle(cycleId, runId).fetchHistory()).events ?? [];
    runs.push(events);
    runId =
      events.find((e) => e.workflowExecutionContinuedAsNewEventAttributes)
        ?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  const schools = [];
  for (const s of ['r1', 'r2']) {
    schools.push({
      workflowId: schoolId(s),
      events: (await handle(s).fetchHistory()).events ?? [],
    });
  }
  return {
    cycle: { workflowId: cycleId, runs },
    schools,
  };
}
