/**
 * transitionCaseWorkflow — one schakeltraject vso → regulier vo (docs/domain.md §4, source 001
 * §3.2): one durable case per pupil, through orientation, consultation, decision, handover and
 * execution. Workflow id `transition:<organisationId>:<caseId>`, the case id random and opaque.
 *
 * What it guarantees:
 * - It carries references only: ids, codes and dates. The pupil's name and date of birth, and
 *   every free text, stay encrypted in PostgreSQL (transition_case, transition_note); an Update
 *   names a note by its id. Whatever still travels through Temporal is encrypted by the
 *   payload codec of every client and worker.
 * - Every step is an Update checked by the domain (applyTransitionMove) in its validator: a
 *   refused step leaves no trace. An accepted step is stored (state, step row, audit row)
 *   before the Update answers, so whoever acted sees it on the next read.
 * - Each phase has an owner (TRANSITION_PHASE_OWNER). When no step is taken for the SWV's
 *   stall days, the owner is reminded, then the case's ECT members, then the secretariat, each
 *   once, at `sendHour` on a school business day (no weekends, public or school holidays of
 *   the region); any step starts the count again.
 * - The parents hear of every new phase and of a school chosen (their consent and view are
 *   asked), by a mail without pupil data that links to the case behind the sign-in.
 * - In execution the regular school and the ECT members are asked for the OPP evaluation
 *   every `evaluationWeeks`, until the case is closed.
 * - After closing, a durable timer waits the SWV's retention period (default 24 months) and
 *   then erases the case's personal data; the audit trail gets a tombstone. The workflow ends.
 *
 * History size: a few events per step and per reminder; a case of a year with monthly steps
 * stays in the low hundreds, so no continue-as-new.
 */
import {
  type StallLevel,
  type TransitionMove,
  type TransitionPhase,
  type TransitionState,
  amsterdamDate,
  amsterdamInstant,
  applyTransitionMove,
  erasureOn,
  isDomainError,
  nextStallAction,
  openTransition,
  stallLevel,
  transitionDueOn,
} from '@jaarcyclus/domain';
import {
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { stepKey } from '../ids';
import { throwRefusal } from '../refusal';
import { getTransitionCaseQuery, takeTransitionStepUpdate } from './transition.messages';
import type {
  TransitionActivities,
  TransitionCaseInput,
  TransitionMoveInput,
  TransitionNotificationKind,
} from './transition.types';

const RETRY = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
} as const;

/** Erasure runs at night: nobody reads the case then, and no mail goes out. */
const ERASURE_HOUR = 2;

/** The move's codes, dates and ids, as the step row stores them. */
function factsOf(move: TransitionMove): Record<string, unknown> {
  const { kind: _kind, ...facts } = move;
  return facts;
}

export async function transitionCaseWorkflow(input: TransitionCaseInput): Promise<void> {
  const workflowId = workflowInfo().workflowId;
  const acts = proxyActivities<TransitionActivities>({
    startToCloseTimeout: '1 minute',
    retry: RETRY,
  });
  const region = input.region ?? undefined;
  const today = (): string => amsterdamDate(new Date(Date.now()));

  let state: TransitionState = openTransition(input.vsoSchoolId, today());
  let seq = 0;
  let sentLevel: StallLevel = 0;
  /** The evaluation date the regular school was last asked about. */
  let evaluationAskedFor: string | null = null;
  let erased = false;

  const apply = (cmd: TransitionMoveInput): TransitionState => {
    try {
      return applyTransitionMove(state, cmd.move, cmd.actor, today(), input.config, region);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      return throwRefusal({
        code: err.code,
        reason: 'INVALID_INPUT',
        message: err.message,
        ...(err.field ? { field: err.field } : {}),
        ...(err.text ? { text: err.text } : {}),
      });
    }
  };

  const notify = (
    kind: TransitionNotificationKind,
    step: string,
    level: StallLevel = 0,
    dueOn: string | null = transitionDueOn(state, input.config, region),
  ): Promise<number> =>
    acts.notifyTransition({
      organisationId: input.organisationId,
      caseId: input.caseId,
      workflowId,
      idempotencyKeyPrefix: stepKey(workflowId, step),
      kind,
      phase: state.phase,
      level,
      dueOn,
    });

  /** Mails that follow a step; handled in the main loop, in order. */
  const pending: { kind: TransitionNotificationKind; step: string }[] = [];

  setHandler(
    takeTransitionStepUpdate,
    async (cmd) => {
      const before: TransitionPhase = state.phase;
      const next = apply(cmd);
      state = next;
      seq += 1;
      const mySeq = seq;
      sentLevel = 0;
      await acts.recordTransitionStep({
        organisationId: input.organisationId,
        caseId: input.caseId,
        workflowId,
        seq: mySeq,
        kind: cmd.move.kind,
        phaseBefore: before,
        actorPersonId: cmd.actorPersonId,
        occurredOn: today(),
        facts: factsOf(cmd.move),
        noteId: cmd.noteId,
        state: next,
      });
      // After the step is stored: who is mailed depends on it (consent lets the regular school in).
      if (next.status === 'closed') pending.push({ kind: 'closed', step: `s${mySeq}-closed` });
      else if (next.phase !== before || cmd.move.kind === 'decide') {
        pending.push({ kind: 'phaseEntered', step: `s${mySeq}-${next.phase}` });
      } else if (
        cmd.move.kind === 'chooseSchool' &&
        patched('transition-parents-asked-on-school-choice')
      ) {
        // A school was chosen: the parents are asked for their consent and their view.
        pending.push({ kind: 'parentsAsked', step: `s${mySeq}-parents-asked` });
      }
      return { seq: mySeq, state: next };
    },
    { validator: (cmd) => void apply(cmd) },
  );

  setHandler(getTransitionCaseQuery, () => ({
    workflowId,
    seq,
    state,
    stallLevel: stallLevel(state, today(), input.config, region),
    erasureOn: state.closedOn === null ? null : erasureOn(state.closedOn, input.config),
    erased,
  }));

  // The case row exists (the api wrote it with the pupil data); record the opening state.
  await acts.recordTransitionStep({
    organisationId: input.organisationId,
    caseId: input.caseId,
    workflowId,
    seq: 0,
    kind: 'open',
    phaseBefore: 'orientation',
    actorPersonId: input.openedByPersonId,
    occurredOn: state.openedOn,
    facts: {},
    noteId: null,
    state,
  });
  await notify('opened', 'opened');

  while (state.status === 'open') {
    while (pending.length > 0) {
      const p = pending.shift()!;
      await notify(p.kind, p.step);
    }
    if (state.status !== 'open') break;
    const now = Date.now();
    const stall = nextStallAction(state, sentLevel, input.config, region);
    const evaluation =
      state.phase === 'execution' &&
      state.nextEvaluationOn !== null &&
      evaluationAskedFor !== state.nextEvaluationOn
        ? amsterdamInstant(state.nextEvaluationOn, input.config.sendHour).getTime()
        : null;
    const times = [stall?.at.getTime() ?? Infinity, evaluation ?? Infinity];
    const wakeAt = Math.min(...times);
    const seqBefore = seq;
    const woken = await condition(
      () => seq !== seqBefore || pending.length > 0,
      wakeAt === Infinity ? undefined : Math.max(wakeAt - now, 0),
    );
    if (woken || state.status !== 'open') continue;
    const at = Date.now();
    if (evaluation !== null && evaluation <= at) {
      evaluationAskedFor = state.nextEvaluationOn;
      await notify(
        'evaluationDue',
        `evaluation-${state.nextEvaluationOn}`,
        0,
        state.nextEvaluationOn,
      );
    } else if (stall !== null && stall.at.getTime() <= at) {
      sentLevel = stall.level;
      await notify('stalled', `s${seq}-stall-${stall.level}`, stall.level);
    }
  }
  // The closing step's Update queues its mail once its row is stored.
  await condition(allHandlersFinished);
  while (pending.length > 0) {
    const p = pending.shift()!;
    await notify(p.kind, p.step);
  }

  // Retention: the personal data goes when the SWV's period after closing has passed.
  const eraseAt = amsterdamInstant(erasureOn(state.closedOn!, input.config), ERASURE_HOUR);
  await sleep(Math.max(eraseAt.getTime() - Date.now(), 0));
  await acts.eraseTransitionCase({
    organisationId: input.organisationId,
    caseId: input.caseId,
    workflowId,
    idempotencyKey: stepKey(workflowId, 'erased'),
    at: new Date(Date.now()).toISOString(),
  });
  erased = true;
}
