import { Context } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  DEFAULT_TRANSITION_CONFIG,
  type TransitionActor,
  type TransitionConfig,
  type TransitionMove,
  amsterdamDate,
  amsterdamParts,
  isBusinessDay,
} from '@jaarcyclus/domain';
import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import { transitionWorkflowId } from '../ids';
import { TASK_QUEUES } from '../task-queues';
import { getTransitionCaseQuery, takeTransitionStepUpdate } from './transition.messages';
import type {
  EraseTransitionCaseInput,
  RecordTransitionStepInput,
  TransitionActivities,
  TransitionNotification,
} from './transition.types';
import { transitionCaseWorkflow } from './transition.workflow';

// Schakeltraject cases on Temporal's time-skipping server, with activities that record what
// they were asked (the real ones: apps/worker transition.activities.int-spec).
jest.setTimeout(30_000);

const DAY = 86_400_000;
const ORG = 'org-1';
const VSO = 'school-vso';
const A = 'school-a';
const B = 'school-b';

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const steps = new Map<string, RecordTransitionStepInput[]>();
const mails = new Map<string, (TransitionNotification & { at: number })[]>();
const erasures = new Map<string, (EraseTransitionCaseInput & { atMs: number })[]>();

/** The (skipped) server time the activity was scheduled at: the activity's own clock is real time. */
const serverNow = (): number => Context.current().info.currentAttemptScheduledTimestampMs;

const activities: TransitionActivities = {
  recordTransitionStep: async (input) => {
    const list = steps.get(input.caseId) ?? [];
    if (!list.some((s) => s.seq === input.seq)) list.push(input);
    steps.set(input.caseId, list);
  },
  notifyTransition: async (input) => {
    const list = mails.get(input.caseId) ?? [];
    list.push({ ...input, at: serverNow() });
    mails.set(input.caseId, list);
    return 1;
  },
  eraseTransitionCase: async (input) => {
    const list = erasures.get(input.caseId) ?? [];
    list.push({ ...input, atMs: serverNow() });
    erasures.set(input.caseId, list);
    return list.length === 1;
  },
};

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUES.cycles,
    workflowBundle: workflowBundle(),
    activities,
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

let serial = 0;
async function open(
  config: TransitionConfig = DEFAULT_TRANSITION_CONFIG,
): Promise<{ caseId: string; handle: WorkflowHandle<typeof transitionCaseWorkflow> }> {
  serial += 1;
  const caseId = `case-${serial}-${Math.random().toString(36).slice(2, 8)}`;
  const handle = await env.client.workflow.start(transitionCaseWorkflow, {
    taskQueue: TASK_QUEUES.cycles,
    workflowId: transitionWorkflowId(ORG, caseId),
    args: [
      {
        organisationId: ORG,
        caseId,
        vsoSchoolId: VSO,
        region: 'noord',
        config,
        openedByPersonId: 'p-vso',
      },
    ],
  });
  await waitFor(() => (steps.get(caseId) ?? []).length === 1);
  return { caseId, handle };
}

/** Lets the (skipped) clock run until `done`, a little at a time. */
async function waitFor(
  done: () => boolean,
  step = 1_000,
  max = 200,
  what = 'the condition',
): Promise<void> {
  for (let i = 0; i < max && !done(); i++) await env.sleep(step);
  expect({ what, done: done() }).toEqual({ what, done: true });
}

async function today(): Promise<string> {
  return amsterdamDate(new Date(await env.currentTimeMs()));
}

function take(
  handle: WorkflowHandle<typeof transitionCaseWorkflow>,
  move: TransitionMove,
  actor: TransitionActor,
  noteId: string | null = null,
) {
  return handle.executeUpdate(takeTransitionStepUpdate, {
    args: [{ move, actor, actorPersonId: `p-${actor}`, noteId }],
  });
}

/** Orientation to decision with school `school`: choose, consent, orientation, consultation. */
async function toDecision(
  handle: WorkflowHandle<typeof transitionCaseWorkflow>,
  school: string,
): Promise<void> {
  const on = await today();
  await take(handle, { kind: 'chooseSchool', schoolId: school, priorConsultationOn: on }, 'vso');
  await take(handle, { kind: 'recordConsent', schoolId: school }, 'parent');
  await take(handle, { kind: 'completeOrientation', parentsMetOn: on }, 'vso');
  await take(handle, { kind: 'recordConsultation', meetingOn: on, researchDueOn: null }, 'ect');
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof ApplicationFailure) {
      const details = cause.details?.[0] as { text?: { code?: string } } | undefined;
      return `${cause.type}:${details?.text?.code ?? ''}`;
    }
    throw err;
  }
  return 'accepted';
}

/** Every mail at a decent hour: a school business day of region noord, 08:00–18:00 Amsterdam. */
function expectDecentHours(list: { at: number; kind: string }[]): void {
  for (const m of list) {
    const p = amsterdamParts(new Date(m.at));
    expect({
      mail: m.kind,
      businessDay: isBusinessDay(p.date, { region: 'noord' }),
      hour: p.hour >= 8 && p.hour < 18,
    }).toEqual({ mail: m.kind, businessDay: true, hour: true });
  }
}

describe('schakeltraject workflow', () => {
  it('a "no" at decision goes back to orientation; another school proceeds', async () => {
    const { caseId, handle } = await open();
    await toDecision(handle, A);
    const no = await take(handle, { kind: 'decide', decision: 'decline' }, 'regular');
    expect(no.state).toMatchObject({
      phase: 'orientation',
      regularSchoolId: null,
      declinedSchoolIds: [A],
    });
    expect(
      await refusal(
        take(
          handle,
          { kind: 'chooseSchool', schoolId: A, priorConsultationOn: await today() },
          'vso',
        ),
      ),
    ).toBe('RULE_VIOLATION:transition.schoolAlreadyTried');
    await toDecision(handle, B);
    const yes = await take(handle, { kind: 'decide', decision: 'proceed' }, 'regular');
    expect(yes.state).toMatchObject({ phase: 'handover', regularSchoolId: B });
    // The refused step left nothing behind: steps are numbered without gaps.
    expect(steps.get(caseId)!.map((s) => s.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The parents were asked for their consent and view after each school was chosen (seq 1
    // and 6), and hear of every new phase, the way back to orientation included.
    const kinds = () => mails.get(caseId)!.map((m) => m.kind);
    await waitFor(() => kinds().filter((k) => k === 'phaseEntered').length === 6, 1_000, 50);
    expect(
      mails
        .get(caseId)!
        .filter((m) => m.kind === 'parentsAsked')
        .map((m) => m.idempotencyKeyPrefix.split(':').pop()),
    ).toEqual(['s1-parents-asked', 's6-parents-asked']);
    expect(
      mails
        .get(caseId)!
        .filter((m) => m.kind === 'phaseEntered')
        .map((m) => m.phase),
    ).toEqual(['consultation', 'decision', 'orientation', 'consultation', 'decision', 'handover']);
    await take(handle, { kind: 'end', reason: 'parents_withdrew' }, 'vso');
  });

  it('symbiosis runs to its own outcome', async () => {
    const { handle } = await open();
    await toDecision(handle, A);
    await take(handle, { kind: 'decide', decision: 'symbiosis' }, 'regular');
    await take(handle, { kind: 'recordHandover', startOn: await today() }, 'vso');
    const closed = await take(handle, { kind: 'close', result: 'succeeded' }, 'regular');
    expect(closed.state).toMatchObject({
      status: 'closed',
      outcome: 'symbiosis',
      track: 'symbiosis',
    });
  });

  it('refuses a step by the wrong side, and one that skips the consent', async () => {
    const { handle } = await open();
    const on = await today();
    expect(
      await refusal(
        take(handle, { kind: 'chooseSchool', schoolId: A, priorConsultationOn: on }, 'regular'),
      ),
    ).toBe('RULE_VIOLATION:transition.notYourStep');
    await take(handle, { kind: 'chooseSchool', schoolId: A, priorConsultationOn: on }, 'vso');
    expect(
      await refusal(take(handle, { kind: 'completeOrientation', parentsMetOn: on }, 'vso')),
    ).toBe('RULE_VIOLATION:transition.noConsent');
    await take(handle, { kind: 'end', reason: 'other' }, 'vso');
  });

  it('a stalled case reminds the owner, then escalates to the ECT member, then to the secretariat', async () => {
    const { caseId, handle } = await open({
      ...DEFAULT_TRANSITION_CONFIG,
      stallBusinessDays: 3,
      escalationBusinessDays: 2,
    });
    const stalled = () => mails.get(caseId)!.filter((m) => m.kind === 'stalled');
    await waitFor(() => stalled().length === 3, DAY / 4, 200);
    expect(stalled().map((m) => m.level)).toEqual([1, 2, 3]);
    expect(stalled().map((m) => m.phase)).toEqual(['orientation', 'orientation', 'orientation']);
    expectDecentHours(stalled());
    expect(amsterdamParts(new Date(stalled()[0]!.at)).hour).toBe(9);
    // Nothing more after the secretariat: a week later still three.
    await env.sleep(7 * DAY);
    expect(stalled()).toHaveLength(3);
    // A step starts the count again: the owner is reminded anew after the stall days.
    await take(
      handle,
      { kind: 'chooseSchool', schoolId: A, priorConsultationOn: await today() },
      'ect',
    );
    await waitFor(() => stalled().length === 4, DAY / 4, 200);
    expect(stalled()[3]!.level).toBe(1);
    await take(handle, { kind: 'end', reason: 'other' }, 'vso');
  });
  it('runs a case through all five phases with two OPP evaluations, then erases it after the retention period', async () => {
    const { caseId, handle } = await open({ ...DEFAULT_TRANSITION_CONFIG, evaluationWeeks: 2 });
    expect(steps.get(caseId)![0]).toMatchObject({ seq: 0, kind: 'open', actorPersonId: 'p-vso' });
    await toDecision(handle, A);
    const decided = await take(handle, { kind: 'decide', decision: 'proceed' }, 'regular');
    expect(decided.state).toMatchObject({ phase: 'handover', track: 'regular' });
    const handed = await take(
      handle,
      { kind: 'recordHandover', startOn: await today() },
      'vso',
      'note-1',
    );
    expect(handed.state.phase).toBe('execution');
    const firstDue = handed.state.nextEvaluationOn!;

    // Two evaluations: each asked for on its date, each recorded by the regular school.
    await waitFor(
      () => mails.get(caseId)!.some((m) => m.kind === 'evaluationDue'),
      DAY,
      40,
      'first evaluation',
    );
    expect(await today()).toBe(firstDue);
    await take(handle, { kind: 'recordEvaluation', heldOn: await today() }, 'regular');
    await waitFor(
      () => mails.get(caseId)!.filter((m) => m.kind === 'evaluationDue').length === 2,
      DAY,
      40,
      'second evaluation',
    );
    const second = await take(handle, { kind: 'recordEvaluation', heldOn: await today() }, 'ect');
    expect(second.state.evaluations).toBe(2);
    const closed = await take(handle, { kind: 'close', result: 'succeeded' }, 'regular');
    expect(closed.state).toMatchObject({ status: 'closed', outcome: 'succeeded' });

    const recorded = steps.get(caseId)!;
    expect(recorded.map((s) => s.kind)).toEqual([
      'open',
      'chooseSchool',
      'recordConsent',
      'completeOrientation',
      'recordConsultation',
      'decide',
      'recordHandover',
      'recordEvaluation',
      'recordEvaluation',
      'close',
    ]);
    expect(recorded.map((s) => s.state.phase)).toEqual([
      'orientation',
      'orientation',
      'orientation',
      'consultation',
      'decision',
      'handover',
      'execution',
      'execution',
      'execution',
      'execution',
    ]);
    expect(recorded[6]).toMatchObject({ noteId: 'note-1', facts: { startOn: expect.any(String) } });
    // The phases' owners were told, in order; the case's close too.
    await waitFor(() => mails.get(caseId)!.some((m) => m.kind === 'closed'), 1_000, 200, 'closed');
    expect(
      mails
        .get(caseId)!
        .filter((m) => m.kind === 'phaseEntered')
        .map((m) => m.phase),
    ).toEqual(['consultation', 'decision', 'handover', 'execution']);
    expectDecentHours(mails.get(caseId)!.filter((m) => m.kind === 'evaluationDue'));

    // A closed case refuses every step.
    expect(await refusal(take(handle, { kind: 'end', reason: 'other' }, 'vso'))).toBe(
      'CONFLICT:transition.caseClosed',
    );
    const view = await handle.query(getTransitionCaseQuery);
    const closedAt = await env.currentTimeMs();
    expect(view.erasureOn).toBe(
      `${Number(closed.state.closedOn!.slice(0, 4)) + 2}${closed.state.closedOn!.slice(4)}`,
    );
    // Nothing is erased a month before the end of the retention period.
    await env.sleep(23 * 30 * DAY);
    expect(erasures.get(caseId)).toBeUndefined();
    await env.sleep(40 * DAY);
    await waitFor(() => erasures.has(caseId), DAY, 20, 'erasure');
    await handle.result();
    const erased = erasures.get(caseId)!;
    expect(erased).toHaveLength(1);
    expect(amsterdamDate(new Date(erased[0]!.atMs))).toBe(view.erasureOn);
    expect(erased[0]!.atMs - closedAt).toBeGreaterThan(700 * DAY);
  });
});
