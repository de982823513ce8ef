// One SWV's governance year, 1 September 2027 to 31 August 2028, on Temporal's time-skipping
// server: every cycle that exists runs for the same SWV (one organisation id), in calendar
// order, and the test asserts the mails and states a secretariat, a board member, a school and
// an operator would notice on the way.
//
//   September–October   a schakeltraject vso → regular vo: a "no" from school A, a "yes" from
//                       school B, handover, execution; a collegial visitation programme
//                       published, its visit confirmed, held and reported, a follow-up action
//                       agreed; the ECT evaluation of 2027 opens and three schools submit.
//   November–December   budget 2028: round 1 rejected (the ALV lacks quorum, is escalated, its
//                       deadline extended, then closed), a revision, round 2 approved,
//                       adoption, the allocation letters (representativeBudgetRun); meanwhile
//                       the ECT's fourth school is reminded, late and escalated, then submits;
//                       the schakeltraject's first OPP evaluation is recorded.
//   January–March       accountability 2027: every school invited, reminded, one school late
//                       (escalated to its bestuurder and ECT member, weekly overdue reminders),
//                       all submitted and accepted; the visit's follow-up action is done.
//   April–June          the visit's follow-up check closes it; the support plan 2028–2032 is
//                       put to the OPR and the ALV, approved and adopted; the schakeltraject
//                       closes (succeeded), its erasure planned two years on.
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
import { Context } from '@temporalio/activity';
import {
  DEFAULT_PLAYBOOKS,
  DEFAULT_TRANSITION_CONFIG,
  type TransitionActor,
  type TransitionMove,
  amsterdamDate,
  amsterdamInstant,
  amsterdamParts,
  defaultAccountabilityDates,
  isBusinessDay,
} from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import { BudgetHarness } from '../testing/budget-harness';
import { type EctFake, createInMemoryEctActivities } from '../testing/in-memory-ect-activities';
import { createInMemorySupportPlanActivities } from '../testing/in-memory-support-plan-activities';
import { createInMemoryVisitActivities } from '../testing/in-memory-visit-activities';
import { representativeBudgetRun } from '../testing/representative-budget-run';
import { castVoteUpdate } from './budget/budget-cycle.messages';
import { defaultEctDeadline } from './ect-evaluation/ect-evaluation.config';
import {
  getEctEvaluationStatusQuery,
  submitEctEvaluationUpdate,
} from './ect-evaluation/ect-evaluation.messages';
import { ectEvaluationWorkflow } from './ect-evaluation/ect-evaluation.workflow';
import {
  adoptSupportPlanUpdate,
  getSupportPlanStatusQuery,
} from './support-plan/support-plan.messages';
import { supportPlanCycleWorkflow } from './support-plan/support-plan.workflow';
import { getTransitionCaseQuery, takeTransitionStepUpdate } from './transition/transition.messages';
import type {
  RecordTransitionStepInput,
  TransitionActivities,
  TransitionNotification,
} from './transition/transition.types';
import { transitionCaseWorkflow } from './transition/transition.workflow';
import { visitationProgrammeWorkflow } from './visitation/programme.workflow';
import {
  addFollowUpActionUpdate,
  answerVisitDateUpdate,
  completeFollowUpActionUpdate,
  completeFollowUpCheckUpdate,
  getVisitQuery,
  submitVisitReportUpdate,
} from './visitation/visitation.messages';
import type { VisitView, VisitWorkflowInput } from './visitation/visitation.types';
import { visitWorkflow } from './visitation/visit.workflow';
import { accountabilityCycleWorkflow } from './accountability/accountability-cycle.workflow';
import {
  getAccountabilityCycleQuery,
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
import {
  accountabilityWorkflowId,
  ectEvaluationWorkflowId,
  schoolAccountabilityWorkflowId,
  supportPlanWorkflowId,
  transitionWorkflowId,
  visitWorkflowId,
  visitationProgrammeWorkflowId,
} from './ids';
import { TASK_QUEUES } from './task-queues';

jest.setTimeout(120_000);

const ORG = 'org-jaar';
const ACCOUNTABILITY_QUEUE = 'year-accountability';
const HOUSEKEEPING_QUEUE = 'year-housekeeping';
const VISITATION_QUEUE = 'year-visitation';
const TRANSITION_QUEUE = 'year-transition';
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

// The ECT evaluation and the support plan run on the budget harness's worker (the support plan
// reuses the budget's decision round and its in-memory activities).
let ect: EctFake;
let supportPlan: ReturnType<typeof createInMemorySupportPlanActivities>;

// The visitation programme: one visit (host school s1, region noord), started by the publish.
const PROGRAMME = 'prog-2027';
const VISIT_DATE = '2027-10-13';
const TEAM = [
  { visitorId: 'p-visitor-chair', role: 'chair' as const },
  { visitorId: 'p-visitor-2', role: 'member' as const },
];
const HOST = 'p-contact-s1-1';
const visitInput: VisitWorkflowInput = {
  organisationId: ORG,
  programmeId: PROGRAMME,
  visitId: 'visit-s1',
  hostId: 's1',
  visitDate: VISIT_DATE,
  region: 'noord',
  playbook: DEFAULT_PLAYBOOKS['collegiale-visitatie'],
  hostPersonIds: [HOST],
  team: TEAM,
};
const visitation = createInMemoryVisitActivities({
  startVisit: async (input) => {
    const batch = input.afterVisitId === null ? [visitInput] : [];
    for (const v of batch) {
      await client.workflow
        .start(visitWorkflow, {
          taskQueue: VISITATION_QUEUE,
          workflowId: visitWorkflowId(v.organisationId, v.programmeId, v.visitId),
          args: [v],
        })
        .catch((err: unknown) => {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        });
    }
    return { started: batch.length, lastVisitId: batch.at(-1)?.visitId ?? null };
  },
});

// The schakeltraject: activities that record what they were asked, at the server's time.
const CASE = 'case-2027-1';
const transitionSteps: RecordTransitionStepInput[] = [];
const transitionMails: (TransitionNotification & { at: number })[] = [];
const transitionErasures: { atMs: number }[] = [];
const transitionActivities: TransitionActivities = {
  recordTransitionStep: async (input) => {
    if (!transitionSteps.some((x) => x.seq === input.seq)) transitionSteps.push(input);
  },
  notifyTransition: async (input) => {
    transitionMails.push({
      ...input,
      at: Context.current().info.currentAttemptScheduledTimestampMs,
    });
    return 1;
  },
  eraseTransitionCase: async () => {
    transitionErasures.push({ atMs: Context.current().info.currentAttemptScheduledTimestampMs });
    return transitionErasures.length === 1;
  },
};

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
  ect = createInMemoryEctActivities(() => env.currentTimeMs());
  budget = await new BudgetHarness(budgetEnv, bundle, {
    extraActivities: (fake) => ({
      ...(supportPlan = createInMemorySupportPlanActivities(fake)).activities,
      ...ect.activities,
    }),
  }).start();
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
    [VISITATION_QUEUE, visitation.activities],
    [TRANSITION_QUEUE, transitionActivities],
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

/** Moves the clock as the budget harness does: the tracked cycles settled, never onto a timer. */
const to = (date: string, hour: number, minute = 0): Promise<void> =>
  budget.advanceTo(Date.parse(ams(date, hour, minute)));
const today = async (): Promise<string> => amsterdamDate(new Date(await env.currentTimeMs()));
const timeOf = (ms: number): { date: string; hour: number } => {
  const p = amsterdamParts(new Date(ms));
  return { date: p.date, hour: p.hour };
};
/** 08:00–18:00 on a business day of the calendar given (schools: their region's holidays too). */
const decent = (ms: number, region?: 'noord'): boolean => {
  const p = amsterdamParts(new Date(ms));
  return isBusinessDay(p.date, region ? { region } : undefined) && p.hour >= 8 && p.hour < 18;
};

type CaseHandle = WorkflowHandle<typeof transitionCaseWorkflow>;
const transitionCase = (): CaseHandle => client.workflow.getHandle(transitionWorkflowId(ORG, CASE));
const take = (move: TransitionMove, actor: TransitionActor) =>
  transitionCase().executeUpdate(takeTransitionStepUpdate, {
    args: [{ move, actor, actorPersonId: `p-${actor}`, noteId: null }],
  });
const caseMails = (kind: TransitionNotification['kind']) =>
  transitionMails.filter((m) => m.kind === kind);

type VisitHandle = WorkflowHandle<typeof visitWorkflow>;
const visit = (): VisitHandle =>
  client.workflow.getHandle(visitWorkflowId(ORG, PROGRAMME, visitInput.visitId));
const visitView = (): Promise<VisitView> => visit().query(getVisitQuery);
const visitHas =
  (code: string) =>
  (v: VisitView): boolean =>
    v.history.some((e) => e.code === code);
const visitMails = (kind?: string) =>
  [...visitation.mails.values()].filter((m) => kind === undefined || m.kind === kind);
const report = (actorPersonId: string, step: string) =>
  visit().executeUpdate(submitVisitReportUpdate, {
    args: [{ actorPersonId, step: step as never, documentId: `doc-${step}` }],
  });

const ECT_YEAR = 2027;
const ectHandle = (): WorkflowHandle<typeof ectEvaluationWorkflow> =>
  client.workflow.getHandle(ectEvaluationWorkflowId(ORG, ECT_YEAR));
const ectMails = (kind: EctFake['mails'][number]['kind']) =>
  ect.mails.filter((m) => m.key.startsWith(`${ectHandle().workflowId}:`) && m.kind === kind);
const ectSubmit = (schoolId: string) =>
  ectHandle().executeUpdate(submitEctEvaluationUpdate, {
    args: [
      {
        personId: `p-ect-${schoolId}`,
        schoolId,
        findings: 'De ondersteuning is op orde; de OPP-evaluaties zijn op tijd.',
        agreements: 'Twee extra consultaties per periode',
      },
    ],
  });

const SUPPORT_PLAN_WF = supportPlanWorkflowId(ORG, 2028, 2032);

const night = (date: string) => ({
  month: date.slice(0, 7),
  what: `housekeeping on ${date}`,
  run: () => housekeepingNight(date),
});

/** The year, in calendar order. A new cycle adds its step here (see the header). */
const YEAR: { month: string; what: string; run: () => Promise<void> }[] = [
  {
    month: '2027-09',
    what: 'housekeeping on the first night of the school year',
    run: () => housekeepingNight('2027-09-01'),
  },
  {
    month: '2027-09',
    what: 'autumn: a schakeltraject to its execution, a visitation held and reported, the ECT evaluation opens',
    run: async () => {
      // Monday 6 September: the vso school opens a case for a pupil and proposes school A; the
      // parents consent. The same day the secretariat publishes the visitation programme.
      await to('2027-09-06', 10);
      budget.track(
        await client.workflow.start(transitionCaseWorkflow, {
          taskQueue: TRANSITION_QUEUE,
          workflowId: transitionWorkflowId(ORG, CASE),
          args: [
            {
              organisationId: ORG,
              caseId: CASE,
              vsoSchoolId: 'school-vso',
              region: 'noord',
              config: DEFAULT_TRANSITION_CONFIG,
              openedByPersonId: 'p-vso',
            },
          ],
        }),
      );
      await until(
        async () => transitionSteps.length,
        (n) => n === 1,
        'the case opened',
      );
      const orientation = async (school: string): Promise<void> => {
        const on = await today();
        await take({ kind: 'chooseSchool', schoolId: school, priorConsultationOn: on }, 'vso');
        await take({ kind: 'recordConsent', schoolId: school }, 'parent');
      };
      await orientation('school-a');

      const programme = await client.workflow.execute(visitationProgrammeWorkflow, {
        taskQueue: VISITATION_QUEUE,
        workflowId: visitationProgrammeWorkflowId(ORG, PROGRAMME),
        args: [{ organisationId: ORG, programmeId: PROGRAMME }],
      });
      expect(programme).toEqual({ started: 1 });
      budget.track(visit());
      // The invitation was due 30 business days before the visit (1 September): it goes out now.
      const first = await visitView();
      if (first.next?.kind === 'invite') await budget.advanceTo(Date.parse(first.next.at));
      await until(visitView, visitHas('invited'), 'the visit invitation');
      expect(
        visitMails('invitation')
          .map((m) => m.to)
          .sort(),
      ).toEqual([HOST, 'p-visitor-2', 'p-visitor-chair']);
      expect(visitMails('invitation').every((m) => decent(m.at, 'noord'))).toBe(true);
      await to('2027-09-07', 11);
      for (const p of [HOST, 'p-visitor-chair', 'p-visitor-2'])
        await visit().executeUpdate(answerVisitDateUpdate, {
          args: [{ actorPersonId: p, answer: 'confirm' }],
        });
      expect((await until(visitView, (v) => v.status === 'confirmed', 'confirmed')).status).toBe(
        'confirmed',
      );

      // School A says no after the consultation: back to orientation; school B says yes.
      await to('2027-09-08', 10);
      await take({ kind: 'completeOrientation', parentsMetOn: await today() }, 'vso');
      await to('2027-09-10', 10);
      await take(
        { kind: 'recordConsultation', meetingOn: await today(), researchDueOn: null },
        'ect',
      );
      await to('2027-09-14', 10);
      const no = await take({ kind: 'decide', decision: 'decline' }, 'regular');
      expect(no.state).toMatchObject({ phase: 'orientation', declinedSchoolIds: ['school-a'] });
      await to('2027-09-15', 10);
      await orientation('school-b');
      await to('2027-09-17', 10);
      await take({ kind: 'completeOrientation', parentsMetOn: await today() }, 'vso');
      await to('2027-09-20', 10);
      await take(
        { kind: 'recordConsultation', meetingOn: await today(), researchDueOn: null },
        'ect',
      );
      await to('2027-09-22', 10);
      const yes = await take({ kind: 'decide', decision: 'proceed' }, 'regular');
      expect(yes.state).toMatchObject({ phase: 'handover', regularSchoolId: 'school-b' });
      await to('2027-09-24', 10);
      const handed = await take({ kind: 'recordHandover', startOn: await today() }, 'vso');
      expect(handed.state.phase).toBe('execution');

      // The host hands in its self-evaluation (due 29 September).
      await to('2027-09-27', 10);
      await report(HOST, 'self_evaluation');

      // Monday 4 October: the ECT evaluation of 2027 opens for the four schools.
      await to('2027-10-04', 10);
      budget.track(
        await client.workflow.start(ectEvaluationWorkflow, {
          taskQueue: TASK_QUEUES.cycles,
          workflowId: ectEvaluationWorkflowId(ORG, ECT_YEAR),
          args: [
            {
              organisationId: ORG,
              year: ECT_YEAR,
              startedByPersonId: 'p-secr-1',
              deadline: defaultEctDeadline(ECT_YEAR).toISOString(), // Tuesday 30 November 17:00
              schools: SCHOOLS.map((id) => ({ schoolId: id, ectPersonId: `p-ect-${id}` })),
            },
          ],
        }),
      );
      await until(
        async () => ectMails('invitation').length,
        (n) => n === 4,
        'ECT invitations',
      );
      expect(ectMails('invitation').map((m) => m.to)).toEqual(SCHOOLS.map((id) => `p-ect-${id}`));
      expect(ectMails('invitation').every((m) => decent(m.atMs))).toBe(true);
      for (const [id, day] of [
        ['s1', '2027-10-05'],
        ['s2', '2027-10-06'],
        ['s3', '2027-10-11'],
      ] as const) {
        await to(day, 14);
        await ectSubmit(id);
      }

      // Wednesday 13 October: the visit is held; the chair drafts, the host reacts, the chair
      // finalises, and they agree one follow-up action, due 15 March.
      await to(VISIT_DATE, 17, 1);
      await until(visitView, visitHas('held'), 'the visit');
      // All before the region's autumn holiday (noord: from Saturday 16 October).
      for (const [day, hour, actor, step] of [
        ['2027-10-14', 11, 'p-visitor-chair', 'draft_report'],
        ['2027-10-14', 15, HOST, 'host_reaction'],
        ['2027-10-15', 11, 'p-visitor-chair', 'final_report'],
      ] as const) {
        await to(day, hour);
        await report(actor, step);
      }
      const agreed = await visit().executeUpdate(addFollowUpActionUpdate, {
        args: [
          {
            actorPersonId: 'p-visitor-chair',
            description: 'Zorgplan herzien',
            ownerPersonId: HOST,
            dueDate: '2028-03-15',
          },
        ],
      });
      expect(agreed.status).toBe('following_up');
      // Everything in time: no step overdue, nothing escalated to the secretariat.
      expect([...visitation.escalations.values()]).toEqual([]);
    },
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
    what: 'ECT: the fourth school reminded, late, escalated, then submits; the first OPP evaluation',
    run: async () => {
      // While the budget ran: reminders before the deadline only to the school still open, the
      // secretariat told on Wednesday 1 December at 09:00 which school is late.
      expect(ectMails('reminder').length).toBeGreaterThan(0);
      expect(new Set(ectMails('reminder').flatMap((m) => m.schoolIds))).toEqual(new Set(['s4']));
      const overdue = ectMails('overdue');
      expect(overdue).toMatchObject([{ to: 'p-secr', schoolIds: ['s4'] }]);
      expect(timeOf(overdue[0]!.atMs)).toEqual({ date: '2027-12-01', hour: 9 });
      const late = await ectHandle().query(getEctEvaluationStatusQuery);
      expect(late.phase).toBe('overdue');
      expect(late.schools.find((x) => x.schoolId === 's4')?.status).toBe('late');
      await ectSubmit('s4');
      const ectDone = await ectHandle().result();
      expect(ectDone.phase).toBe('completed');
      expect(ectDone.schools.map((x) => x.status)).toEqual([
        'submitted',
        'submitted',
        'submitted',
        'submitted',
      ]);
      expect(ect.stored.filter((x) => x.workflowId === ectHandle().workflowId)).toHaveLength(4);
      expect(ect.mails.every((m) => decent(m.atMs))).toBe(true);

      // The schakeltraject's first OPP evaluation was asked for ten weeks after the start.
      await until(
        async () => caseMails('evaluationDue').length,
        (n) => n === 1,
        'the first evaluation due',
      );
      const due = caseMails('evaluationDue')[0]!;
      expect(timeOf(due.at).date >= '2027-12-01').toBe(true);
      const evaluated = await take({ kind: 'recordEvaluation', heldOn: await today() }, 'regular');
      expect(evaluated.state.evaluations).toBe(1);
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
      // The fan-out done, the cycle waits for its schools' reminder moments.
      expect(
        await until(
          () => cycle.query(getAccountabilityCycleQuery),
          (c) => c.phase === 'running',
          'the fan-out',
        ),
      ).toMatchObject({ schools: 4, started: 4, alreadyStarted: 0 });
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
      // Before the deadline the cycle reminded each school that had not submitted yet, at 09:00
      // on 12, 21 and 31 January (14, 7 and 1 business days ahead), then completed.
      const reminded = (id: string) => [
        ...new Set(
          accountability.mailsOf(school(year, id).workflowId, 'reminder').map((m) => m.at),
        ),
      ];
      expect(reminded(LATE)).toEqual([
        ams('2028-01-12', 9),
        ams('2028-01-21', 9),
        ams('2028-01-31', 9),
      ]);
      expect(reminded('s1')).toEqual([ams('2028-01-12', 9)]);
      expect((await cycle.describe()).status.name).toBe('COMPLETED');

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
  {
    month: '2028-03',
    what: 'the visit’s follow-up action reminded and done; the second OPP evaluation',
    run: async () => {
      await to('2028-03-15', 10);
      await until(
        visitView,
        (v) => v.history.some((e) => e.code === 'reminder_sent' && e.data?.actionKey === 'a1'),
        'the follow-up reminder',
      );
      const reminders = visitMails('follow_up_reminder');
      expect(reminders.map((m) => m.to)).toContain(HOST);
      expect(reminders.every((m) => timeOf(m.at).hour === 9 && decent(m.at, 'noord'))).toBe(true);
      await visit().executeUpdate(completeFollowUpActionUpdate, {
        args: [{ actorPersonId: HOST, key: 'a1' }],
      });
      await until(
        async () => caseMails('evaluationDue').length,
        (n) => n === 2,
        'the second evaluation due',
      );
      const evaluated = await take({ kind: 'recordEvaluation', heldOn: await today() }, 'ect');
      expect(evaluated.state.evaluations).toBe(2);
    },
  },
  night('2028-03-29'),
  {
    month: '2028-04',
    what: 'the visit’s follow-up check, six months on, closes it',
    run: async () => {
      const v = await visitView();
      const check = v.steps.find((x) => x.key === 'follow_up_check')!;
      expect(amsterdamDate(new Date(check.dueAt)) >= '2028-04-13').toBe(true);
      expect(visitMails('step_open').some((m) => m.to === 'p-secretariat')).toBe(true);
      await budget.advanceTo(Date.parse(check.dueAt) - 3_600_000);
      const closed = await visit().executeUpdate(completeFollowUpCheckUpdate, {
        args: [{ actorPersonId: 'p-secretariat' }],
      });
      expect(closed.status).toBe('closed');
      const final = await visit().result();
      expect(final.status).toBe('closed');
      expect(visitation.states.get(visitInput.visitId)?.view.status).toBe('closed');
      // Nothing overdue all year: no escalation; every timed mail at a decent hour.
      expect([...visitation.escalations.values()]).toEqual([]);
      expect(
        visitMails()
          .filter((m) => !decent(m.at, 'noord'))
          .map((m) => [m.kind, new Date(m.at).toISOString()]),
      ).toEqual([]);
    },
  },
  night('2028-04-26'),
  {
    month: '2028-05',
    what: 'the support plan 2028–2032: the OPR consents, the ALV approves, the director adopts',
    run: async () => {
      await to('2028-05-08', 10);
      const handle = await client.workflow.start(supportPlanCycleWorkflow, {
        taskQueue: TASK_QUEUES.cycles,
        workflowId: SUPPORT_PLAN_WF,
        args: [
          {
            organisationId: ORG,
            firstYear: 2028,
            startedByPersonId: 'p-secr',
            directorPersonId: 'p-dir',
            proposal: { documentId: 'doc-op-2028', versionLabel: 'Ondersteuningsplan 2028–2032' },
            bodyKeys: ['opr', 'alv'],
            voteDeadline: ams('2028-05-29', 17),
          },
        ],
      });
      budget.track(handle);
      const status = () => handle.query(getSupportPlanStatusQuery);
      const opened = await until(
        status,
        (x) => x.bodies.length === 2 && x.bodies.every((b) => b.status === 'open'),
        'the support plan vote',
      );
      expect(opened.bodies.map((b) => [b.bodyKey, b.decisionKind])).toEqual([
        ['opr', 'instemming'],
        ['alv', 'goedkeuring'],
      ]);
      // Every member of both bodies has a ballot, once, at a decent hour.
      const world = budget.fake.worlds.get(ORG)!;
      const members = (key: string) =>
        world.bodies.find((b) => b.key === key)!.members.map((m) => m.personId);
      await until(
        async () => budget.fake.mailsOf('ballot', SUPPORT_PLAN_WF).length,
        (n) => n === members('opr').length + members('alv').length,
        'the ballots',
      );
      const ballots = budget.fake.mailsOf('ballot', SUPPORT_PLAN_WF);
      expect(new Set(ballots.map((m) => m.to)).size).toBe(ballots.length);
      for (const key of ['opr', 'alv']) {
        await to(key === 'opr' ? '2028-05-10' : '2028-05-17', 15);
        for (const personId of members(key)) {
          const r = await handle.executeUpdate(castVoteUpdate, {
            args: [{ personId, bodyKey: key, value: 'for' }],
          });
          if (r.tally.final) break;
        }
      }
      const ready = await until(
        status,
        (x) => x.phase === 'awaiting_adoption',
        'awaiting adoption',
      );
      expect(ready.bodies.map((b) => [b.bodyKey, b.status])).toEqual([
        ['opr', 'approved'],
        ['alv', 'approved'],
      ]);
      await to('2028-05-22', 10);
      await handle.executeUpdate(adoptSupportPlanUpdate, { args: [{ actorPersonId: 'p-dir' }] });
      const adopted = await handle.result();
      expect(adopted).toMatchObject({ rounds: 1, adoptedByPersonId: 'p-dir', disputes: [] });
      expect(supportPlan.states.get(SUPPORT_PLAN_WF)?.state.phase).toBe('adopted');
      expect(budget.fake.duplicateMailKeys).toEqual([]);
    },
  },
  night('2028-05-31'),
  {
    month: '2028-06',
    what: 'the schakeltraject’s third OPP evaluation, then it closes: succeeded; erasure planned two years on',
    run: async () => {
      await to('2028-06-12', 10);
      // The third OPP evaluation, ten weeks after the second was held (15 March).
      await until(
        async () => caseMails('evaluationDue').length,
        (n) => n === 3,
        'the third evaluation due',
      );
      const evaluated = await take({ kind: 'recordEvaluation', heldOn: await today() }, 'regular');
      expect(evaluated.state.evaluations).toBe(3);
      const closed = await take({ kind: 'close', result: 'succeeded' }, 'regular');
      expect(closed.state).toMatchObject({
        status: 'closed',
        outcome: 'succeeded',
        regularSchoolId: 'school-b',
      });
      await until(
        async () => caseMails('closed').length,
        (n) => n > 0,
        'the closing mail',
      );
      expect(transitionSteps.map((x) => x.kind)).toEqual([
        'open',
        'chooseSchool',
        'recordConsent',
        'completeOrientation',
        'recordConsultation',
        'decide',
        'chooseSchool',
        'recordConsent',
        'completeOrientation',
        'recordConsultation',
        'decide',
        'recordHandover',
        'recordEvaluation',
        'recordEvaluation',
        'recordEvaluation',
        'close',
      ]);
      // Every mail of the case on a school day of its region, 08:00–18:00; the evaluations
      // asked for every ten weeks.
      expect(transitionMails.filter((m) => !decent(m.at, 'noord'))).toEqual([]);
      const dues = caseMails('evaluationDue').map((m) => m.at);
      expect(dues).toHaveLength(3);
      const view = await transitionCase().query(getTransitionCaseQuery);
      expect(view.erasureOn).toBe('2030-06-12');
      expect(transitionErasures).toEqual([]);
    },
  },
  night('2028-06-28'),
  night('2028-07-26'),
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
      // Every other cycle of the year has ended too; only the closed schakeltraject waits for
      // its erasure date (two years after closing).
      for (const handle of [visit(), ectHandle(), client.workflow.getHandle(SUPPORT_PLAN_WF)])
        expect((await handle.describe()).status.name).toBe('COMPLETED');
      expect((await transitionCase().describe()).status.name).toBe('RUNNING');
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
