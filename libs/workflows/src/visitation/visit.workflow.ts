/**
 * visitWorkflow — one visit of a collegial visitation or audit (docs/domain.md §3, source 001
 * §6.2), from the invitation to the check on its follow-up, following the programme's
 * playbook (steps as data, due dates as offsets from the visit date). Workflow id
 * `visitation:<organisationId>:<programmeId>:visit:<visitId>`, started when the programme is
 * published.
 *
 * What it guarantees:
 * - The host's contacts and the team are invited at the playbook's moment (never at night, on
 *   a holiday, or, for a school, in its school holidays) and get a task to confirm the date.
 * - Reminders go only to whoever still owes the step (a host contact until the host confirmed,
 *   each visitor until they answered, the chair for the reports), at 09:00 on business days;
 *   the secretariat gets one escalation per step and generation when a step is overdue.
 * - A visitor who declines is replaced in that one seat (`resolveVisitSeat`, HiGHS over the
 *   candidates); nothing else of the schedule moves. When nobody fits, the secretariat is told.
 * - A reschedule starts a new generation: every due date is computed again from the new date,
 *   every answer is asked again, and the old generation's timers are never performed.
 *   A cancellation cancels every task and ends the flow.
 * - After the visit: the chair's draft, the host's reaction, the final report (documents,
 *   versions kept), follow-up actions with owner and due date, each reminded and escalated
 *   until done, and the secretariat's check M months later. Then the flow closes.
 * - Every change is published to the read model (visitation_visit) with its audit row before
 *   an Update answers; mails and tasks carry keys `${workflowId}:${step}:${recipient}`.
 *
 * History: a handful of events per step, reminder and follow-up action: a few hundred at most.
 */
import {
  type TeamSeat,
  type VisitStepKey,
  amsterdamInstant,
  VISIT_DUE_HOUR,
} from '@jaarcyclus/domain';
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { sideEffectKey, stepKey } from '../ids';
import { throwRefusal, type Refusal } from '../refusal';
import { StatePublisher } from '../state-publisher';
import {
  type VisitAction,
  type VisitFlowState,
  addFollowUpRefusal,
  answerRefusal,
  cancelRefusal,
  chairOf,
  checkRefusal,
  completeFollowUpRefusal,
  initialSteps,
  isComplete,
  nextVisitAction,
  openStep,
  overdueSteps,
  owedBy,
  remindNowRefusal,
  reportRefusal,
  rescheduleRefusal,
  statusOf,
  stepAfter,
  stepOf,
} from './visitation.logic';
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
import type {
  NotifyVisitInput,
  VisitActivities,
  VisitEvent,
  VisitEventCode,
  VisitTaskKind,
  VisitView,
  VisitWorkflowInput,
  VisitWrite,
} from './visitation.types';

const RETRY = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
} as const;
const DAY_MS = 86_400_000;

type Effect =
  | { kind: 'answered'; personId: string; answer: 'confirmed' | 'declined' }
  | { kind: 'report'; step: VisitStepKey; version: number; personId: string }
  | { kind: 'rescheduled'; generation: number; previousTeam: TeamSeat[] }
  | { kind: 'cancelled' }
  | { kind: 'follow_up_added'; key: string }
  | { kind: 'follow_up_done'; key: string; personId: string }
  | { kind: 'checked'; personId: string }
  | { kind: 'remind_now'; step: VisitStepKey; n: number; to: string[] };

function refuse(refusal: Refusal | null): void {
  if (refusal) throwRefusal(refusal);
}

export async function visitWorkflow(input: VisitWorkflowInput): Promise<VisitView> {
  if (
    input.team.filter((s) => s.role === 'chair').length !== 1 ||
    input.hostPersonIds.length === 0
  ) {
    throw ApplicationFailure.create({
      type: 'VALIDATION',
      message: 'a visit needs one chair and at least one host contact',
      nonRetryable: true,
    });
  }
  const workflowId = workflowInfo().workflowId;
  const acts = proxyActivities<VisitActivities>({ startToCloseTimeout: '1 minute', retry: RETRY });
  const now = (): number => Date.now();
  const iso = (ms: number): string => new Date(ms).toISOString();

  const state: VisitFlowState = {
    playbook: input.playbook,
    ...(input.region ? { region: input.region } : {}),
    visitDate: input.visitDate,
    generation: 0,
    // Planned when the programme was published (the worker's clock); older flows: at start.
    plannedFromMs:
      input.plannedFrom !== undefined && patched('visit-planned-from-publication')
        ? Math.min(Date.parse(input.plannedFrom), now())
        : now(),
    invited: false,
    held: false,
    cancelled: false,
    team: input.team.map((s) => ({ ...s })),
    hostPersonIds: [...input.hostPersonIds],
    answers: Object.fromEntries(input.team.map((s) => [s.visitorId, 'pending' as const])),
    hostConfirmed: false,
    steps: initialSteps(input.playbook, input.visitDate, input.region),
    followUps: [],
    fired: new Set<string>(),
  };
  const history: VisitEvent[] = [];
  const effects: Effect[] = [];
  let seatChanges = 0;
  let remindersNow = 0;

  const view = (): VisitView => {
    const next = nextVisitAction(state);
    return {
      workflowId,
      organisationId: input.organisationId,
      programmeId: input.programmeId,
      visitId: input.visitId,
      hostId: input.hostId,
      status: statusOf(state),
      visitDate: state.visitDate,
      generation: state.generation,
      team: state.team.map((s) => ({ ...s })),
      hostPersonIds: [...state.hostPersonIds],
      answers: { ...state.answers },
      hostConfirmed: state.hostConfirmed,
      steps: state.steps.map((s) => ({ ...s, documentIds: [...s.documentIds] })),
      followUps: state.followUps.map(({ createdAtMs: _, ...f }) => ({ ...f })),
      overdue: overdueSteps(state, now()),
      next: next ? { kind: next.kind, at: iso(next.atMs) } : null,
      history: history.map((e) => ({ ...e })),
    };
  };
  const publisher = new StatePublisher<VisitView, VisitWrite>(
    view,
    (seq, v, writes) =>
      acts.publishVisitState({
        organisationId: input.organisationId,
        visitId: input.visitId,
        workflowId,
        seq,
        view: v,
        writes,
      }),
    true,
  );
  /** Records an event: in the history, and as an audit row with the next publish. */
  const record = (
    code: VisitEventCode,
    fields: Omit<VisitEvent, 'at' | 'code'> = {},
  ): Promise<void> => {
    const event: VisitEvent = { at: iso(now()), code, ...fields };
    history.push(event);
    return publisher.write({
      idempotencyKey: sideEffectKey(key(`event-${history.length}`), input.visitId),
      action: code,
      actorPersonId: event.actorPersonId ?? null,
      occurredAt: event.at,
      payload: event.data ?? {},
    });
  };
  const key = (step: string): string => stepKey(workflowId, step);
  const context = (step: string) => ({
    organisationId: input.organisationId,
    programmeId: input.programmeId,
    visitId: input.visitId,
    workflowId,
    idempotencyKeyPrefix: key(step),
  });
  const notify = (
    step: string,
    fields: Omit<NotifyVisitInput, keyof ReturnType<typeof context> | 'visitDate'>,
  ): Promise<number> =>
    fields.to !== 'secretariat' && fields.to.length === 0
      ? Promise.resolve(0)
      : acts.notifyVisit({ ...context(step), visitDate: state.visitDate, ...fields });
  const tasks = (
    kind: VisitTaskKind,
    fields: {
      refKey?: string;
      personIds?: string[];
      status?: 'done' | 'cancelled';
      dueAt?: string;
    },
  ) => acts.updateVisitTasks({ workflowId, kind, ...fields, at: iso(now()) });
  const g = (): string => `g${state.generation}`;
  const confirmRef = (): string => `visit:${g()}:confirm`;

  // ---- commands: check, change the state, queue the side effects, answer once published ----

  setHandler(
    answerVisitDateUpdate,
    async (cmd) => {
      refuse(answerRefusal(state, cmd.actorPersonId));
      const answer = cmd.answer === 'decline' ? 'declined' : 'confirmed';
      if (
        state.hostPersonIds.includes(cmd.actorPersonId) &&
        !state.team.some((s) => s.visitorId === cmd.actorPersonId)
      ) {
        // A host cannot decline its own visit here: the secretariat moves or cancels it.
        state.hostConfirmed = true;
        effects.push({ kind: 'answered', personId: cmd.actorPersonId, answer: 'confirmed' });
        await record('date_confirmed', { actorPersonId: cmd.actorPersonId, data: { as: 'host' } });
      } else {
        state.answers[cmd.actorPersonId] = answer;
        effects.push({ kind: 'answered', personId: cmd.actorPersonId, answer });
        await record(answer === 'confirmed' ? 'date_confirmed' : 'date_declined', {
          actorPersonId: cmd.actorPersonId,
          data: { as: 'visitor' },
        });
      }
      maybeCompleteConfirmation();
      await publisher.flushed();
      return { status: statusOf(state), answer: state.answers[cmd.actorPersonId] ?? 'confirmed' };
    },
    { validator: (cmd) => refuse(answerRefusal(state, cmd.actorPersonId)) },
  );

  const maybeCompleteConfirmation = (): void => {
    const step = stepOf(state, 'date_confirmation');
    if (!step || step.done) return;
    if (
      state.hostConfirmed &&
      state.team.every((s) => state.answers[s.visitorId] === 'confirmed')
    ) {
      step.done = true;
      step.doneAt = iso(now());
    }
  };

  setHandler(
    submitVisitReportUpdate,
    async (cmd) => {
      refuse(reportRefusal(state, cmd));
      const step = stepOf(state, cmd.step)!;
      step.documentIds.push(cmd.documentId);
      const first = !step.done;
      step.done = true;
      step.doneAt = iso(now());
      if (first) {
        const after = stepAfter(state, cmd.step);
        if (after) openStep(state, after, now());
      }
      effects.push({
        kind: 'report',
        step: cmd.step,
        version: step.documentIds.length,
        personId: cmd.actorPersonId,
      });
      await record('report_submitted', {
        actorPersonId: cmd.actorPersonId,
        data: { step: cmd.step, version: step.documentIds.length, documentId: cmd.documentId },
      });
      await publisher.flushed();
      return { step: cmd.step, version: step.documentIds.length, status: statusOf(state) };
    },
    { validator: (cmd) => refuse(reportRefusal(state, cmd)) },
  );

  setHandler(
    rescheduleVisitUpdate,
    async (cmd) => {
      refuse(rescheduleRefusal(state, cmd, now()));
      const previous = state.visitDate;
      state.visitDate = cmd.visitDate;
      state.generation += 1;
      state.plannedFromMs = now();
      // The date changed: everyone answers again; every step is due relative to the new date.
      state.hostConfirmed = false;
      for (const s of state.team) state.answers[s.visitorId] = 'pending';
      const fresh = initialSteps(state.playbook, state.visitDate, state.region);
      for (const step of state.steps) {
        const due = fresh.find((f) => f.key === step.key)!;
        if (step.key === 'date_confirmation') {
          step.done = false;
          step.doneAt = null;
        }
        step.dueAt = due.dueAt;
        step.escalatedAt = null;
        if (step.openedAt !== null) {
          step.openedAt = null;
          openStep(state, step.key, now());
        }
      }
      effects.push({
        kind: 'rescheduled',
        generation: state.generation,
        previousTeam: state.team.map((s) => ({ ...s })),
      });
      await record('rescheduled', {
        actorPersonId: cmd.actorPersonId,
        data: { from: previous, to: cmd.visitDate, generation: state.generation },
      });
      await publisher.flushed();
      return { visitDate: state.visitDate, generation: state.generation };
    },
    { validator: (cmd) => refuse(rescheduleRefusal(state, cmd, now())) },
  );

  setHandler(
    cancelVisitUpdate,
    async (cmd) => {
      refuse(cancelRefusal(state, cmd.reason));
      state.cancelled = true;
      effects.push({ kind: 'cancelled' });
      await record('cancelled', {
        actorPersonId: cmd.actorPersonId,
        data: { reason: cmd.reason.trim() },
      });
      await publisher.flushed();
      return view();
    },
    { validator: (cmd) => refuse(cancelRefusal(state, cmd.reason)) },
  );

  setHandler(
    addFollowUpActionUpdate,
    async (cmd) => {
      refuse(addFollowUpRefusal(state, cmd, now()));
      const actionKey = `a${state.followUps.length + 1}`;
      state.followUps.push({
        key: actionKey,
        description: cmd.description.trim(),
        ownerPersonId: cmd.ownerPersonId,
        dueDate: cmd.dueDate,
        status: 'open',
        doneAt: null,
        escalatedAt: null,
        createdAtMs: now(),
      });
      effects.push({ kind: 'follow_up_added', key: actionKey });
      await record('follow_up_added', {
        actorPersonId: cmd.actorPersonId,
        data: { key: actionKey, ownerPersonId: cmd.ownerPersonId, dueDate: cmd.dueDate },
      });
      await publisher.flushed();
      return view();
    },
    { validator: (cmd) => refuse(addFollowUpRefusal(state, cmd, now())) },
  );

  setHandler(
    completeFollowUpActionUpdate,
    async (cmd) => {
      refuse(completeFollowUpRefusal(state, cmd.key));
      const f = state.followUps.find((x) => x.key === cmd.key)!;
      f.status = 'done';
      f.doneAt = iso(now());
      effects.push({ kind: 'follow_up_done', key: cmd.key, personId: cmd.actorPersonId });
      await record('follow_up_done', { actorPersonId: cmd.actorPersonId, data: { key: cmd.key } });
      await publisher.flushed();
      return view();
    },
    { validator: (cmd) => refuse(completeFollowUpRefusal(state, cmd.key)) },
  );

  setHandler(
    completeFollowUpCheckUpdate,
    async (cmd) => {
      refuse(checkRefusal(state));
      const step = stepOf(state, 'follow_up_check')!;
      step.done = true;
      step.doneAt = iso(now());
      effects.push({ kind: 'checked', personId: cmd.actorPersonId });
      await record('follow_up_checked', {
        actorPersonId: cmd.actorPersonId,
        data: { open: state.followUps.filter((f) => f.status === 'open').length },
      });
      await publisher.flushed();
      return view();
    },
    { validator: (_cmd) => refuse(checkRefusal(state)) },
  );

  setHandler(
    remindVisitStepNowUpdate,
    async (cmd) => {
      refuse(remindNowRefusal(state, cmd.step));
      patched('visit-remind-now');
      const owes = owedBy(state, cmd.step) as string[];
      remindersNow += 1;
      effects.push({ kind: 'remind_now', step: cmd.step, n: remindersNow, to: [...owes] });
      await record('reminder_sent', {
        actorPersonId: cmd.actorPersonId,
        data: { step: cmd.step, recipients: owes.length, now: true },
      });
      await publisher.flushed();
      return { step: cmd.step, recipients: owes.length };
    },
    { validator: (cmd) => refuse(remindNowRefusal(state, cmd.step)) },
  );

  setHandler(getVisitQuery, view);

  // ---- timed actions ----

  const performTimed = async (action: VisitAction): Promise<void> => {
    state.fired.add(action.key);
    switch (action.kind) {
      case 'invite': {
        state.invited = true;
        openStep(state, 'date_confirmation', now());
        openStep(state, 'self_evaluation', now());
        const confirm = stepOf(state, 'date_confirmation')!;
        const everyone = [...state.hostPersonIds, ...state.team.map((s) => s.visitorId)];
        await notify('invitation', {
          kind: 'invitation',
          to: everyone,
          dueAt: confirm.dueAt,
          task: { kind: 'visit_confirm', refKey: confirmRef(), dueAt: confirm.dueAt },
        });
        const selfEvaluation = stepOf(state, 'self_evaluation');
        if (selfEvaluation) {
          await tasksOpen(
            state.hostPersonIds,
            'self_evaluation',
            selfEvaluation.dueAt,
            'invitation',
          );
        }
        await record('invited', { data: { recipients: everyone.length } });
        return;
      }
      case 'held': {
        state.held = true;
        openStep(state, 'draft_report', now());
        const visitStep = stepOf(state, 'visit');
        if (visitStep) {
          visitStep.done = true;
          visitStep.doneAt = iso(now());
        }
        // Whoever did not answer by the visit day is no longer asked to.
        await tasks('visit_confirm', { status: 'cancelled' });
        const draft = stepOf(state, 'draft_report');
        const chair = chairOf(state);
        if (draft && chair) await tasksOpen([chair], 'draft_report', draft.dueAt, 'held');
        await record('held');
        return;
      }
      case 'remind': {
        const owes = owedBy(state, action.step);
        if (owes.length === 0) return;
        const step = stepOf(state, action.step)!;
        await notify(action.key, {
          kind: 'reminder',
          to: owes,
          step: action.step,
          dueAt: step.dueAt,
        });
        await record('reminder_sent', {
          data: {
            step: action.step,
            recipients: owes === 'secretariat' ? 'secretariat' : owes.length,
          },
        });
        return;
      }
      case 'escalate': {
        const step = stepOf(state, action.step)!;
        const owes = owedBy(state, action.step);
        step.escalatedAt = iso(now());
        if (owes.length === 0) return;
        await acts.escalateVisit({
          ...context(action.key),
          reason: 'step_overdue',
          visitDate: state.visitDate,
          step: action.step,
          dueAt: step.dueAt,
          owedByPersonIds: owes === 'secretariat' ? [] : owes,
        });
        await record('escalated', { data: { step: action.step, dueAt: step.dueAt } });
        return;
      }
      case 'follow_up_remind': {
        const f = state.followUps.find((x) => x.key === action.actionKey)!;
        await notify(action.key, {
          kind: 'follow_up_reminder',
          to: [f.ownerPersonId],
          actionKey: f.key,
          dueAt: amsterdamInstant(f.dueDate, VISIT_DUE_HOUR).toISOString(),
        });
        await record('reminder_sent', { data: { actionKey: f.key } });
        return;
      }
      case 'follow_up_escalate': {
        const f = state.followUps.find((x) => x.key === action.actionKey)!;
        f.escalatedAt = iso(now());
        await acts.escalateVisit({
          ...context(action.key),
          reason: 'follow_up_overdue',
          visitDate: state.visitDate,
          owedByPersonIds: [f.ownerPersonId],
          actionKey: f.key,
          dueAt: amsterdamInstant(f.dueDate, VISIT_DUE_HOUR).toISOString(),
        });
        await record('escalated', { data: { actionKey: f.key } });
        return;
      }
    }
  };

  /** Opens the report task of `step` for `persons` (a step's task: kind visit_report). */
  const tasksOpen = (persons: string[], step: VisitStepKey, dueAt: string, cause: string) =>
    notify(`task-${step}-${cause}-${g()}`, {
      kind: 'step_open',
      to: persons,
      step,
      dueAt,
      task: {
        kind: step === 'follow_up_check' ? 'visit_check' : 'visit_report',
        refKey: `visit:${step}`,
        dueAt,
      },
    });

  // ---- effects of commands ----

  const performEffect = async (effect: Effect): Promise<void> => {
    switch (effect.kind) {
      case 'answered': {
        await tasks('visit_confirm', { personIds: [effect.personId], status: 'done' });
        if (effect.answer === 'confirmed') return;
        // One seat is solved again; the rest of the schedule stays as it is.
        seatChanges += 1;
        const resolved = await acts.resolveVisitSeat({
          organisationId: input.organisationId,
          programmeId: input.programmeId,
          visitId: input.visitId,
          visitorId: effect.personId,
        });
        const leaving = state.team.find((s) => s.visitorId === effect.personId);
        if (resolved.status === 'infeasible' || !leaving) {
          await acts.escalateVisit({
            ...context(`seat-${seatChanges}`),
            reason: 'seat_unfilled',
            visitDate: state.visitDate,
            owedByPersonIds: [effect.personId],
          });
          await record('seat_unfilled', { data: { visitorId: effect.personId } });
          return;
        }
        const { replacement, newChair } = resolved;
        state.team = state.team
          .filter((s) => s.visitorId !== effect.personId)
          .map((s) => ({ ...s, role: s.visitorId === newChair ? ('chair' as const) : s.role }));
        state.team.push({ visitorId: replacement.visitorId, role: replacement.role });
        state.team.sort((a, b) => (a.role === b.role ? 0 : a.role === 'chair' ? -1 : 1));
        delete state.answers[effect.personId];
        state.answers[replacement.visitorId] = 'pending';
        const confirm = stepOf(state, 'date_confirmation')!;
        if (confirm.done) {
          confirm.done = false;
          confirm.doneAt = null;
        }
        await notify(`seat-${seatChanges}`, {
          kind: 'seat_invitation',
          to: [replacement.visitorId],
          dueAt: confirm.dueAt,
          task: { kind: 'visit_confirm', refKey: confirmRef(), dueAt: confirm.dueAt },
        });
        await record('seat_replaced', {
          data: {
            visitorId: effect.personId,
            replacement: replacement.visitorId,
            role: replacement.role,
            ...(newChair ? { newChair } : {}),
          },
        });
        return;
      }
      case 'report': {
        await tasks(effect.step === 'follow_up_check' ? 'visit_check' : 'visit_report', {
          refKey: `visit:${effect.step}`,
          status: 'done',
        });
        if (effect.version > 1) return;
        const after = stepAfter(state, effect.step);
        const next = after ? stepOf(state, after) : undefined;
        if (after && next) {
          const owners = owedBy(state, after);
          await tasksOpen(owners === 'secretariat' ? [] : owners, after, next.dueAt, effect.step);
          if (owners === 'secretariat') {
            await notify(`task-${after}`, {
              kind: 'step_open',
              to: 'secretariat',
              step: after,
              dueAt: next.dueAt,
              task: { kind: 'visit_check', refKey: 'visit:follow_up_check', dueAt: next.dueAt },
            });
          }
        }
        return;
      }
      case 'rescheduled': {
        const confirm = stepOf(state, 'date_confirmation')!;
        if (!state.invited) return;
        // Open confirmation tasks of the old date are done with; everyone confirms the new one.
        await tasks('visit_confirm', { status: 'cancelled' });
        await notify(`rescheduled-${g()}`, {
          kind: 'rescheduled',
          to: [...state.hostPersonIds, ...state.team.map((s) => s.visitorId)],
          dueAt: confirm.dueAt,
          task: { kind: 'visit_confirm', refKey: confirmRef(), dueAt: confirm.dueAt },
        });
        return;
      }
      case 'cancelled': {
        for (const kind of [
          'visit_confirm',
          'visit_report',
          'visit_follow_up',
          'visit_check',
        ] as const)
          await tasks(kind, { status: 'cancelled' });
        if (state.invited) {
          await notify('cancelled', {
            kind: 'cancelled',
            to: [...state.hostPersonIds, ...state.team.map((s) => s.visitorId)],
          });
        }
        return;
      }
      case 'follow_up_added': {
        const f = state.followUps.find((x) => x.key === effect.key)!;
        const dueAt = amsterdamInstant(f.dueDate, VISIT_DUE_HOUR).toISOString();
        await notify(`follow-up-${f.key}`, {
          kind: 'follow_up_assigned',
          to: [f.ownerPersonId],
          actionKey: f.key,
          dueAt,
          task: { kind: 'visit_follow_up', refKey: `visit:follow-up:${f.key}`, dueAt },
        });
        return;
      }
      case 'follow_up_done':
        await tasks('visit_follow_up', { refKey: `visit:follow-up:${effect.key}`, status: 'done' });
        return;
      case 'checked':
        await tasks('visit_check', { status: 'done' });
        return;
      case 'remind_now': {
        const step = stepOf(state, effect.step)!;
        // The timer's reminder, to those who owed the step when the secretariat asked.
        await notify(`${g()}:${effect.step}:remind-now:${effect.n}`, {
          kind: 'reminder',
          to: effect.to,
          step: effect.step,
          dueAt: step.dueAt,
        });
        return;
      }
    }
  };

  // ---- the flow ----

  await record('started', {
    data: { visitDate: input.visitDate, team: input.team.length, playbook: input.playbook.key },
  });
  for (;;) {
    const effect = effects.shift();
    if (effect) {
      await performEffect(effect);
      publisher.changed();
      continue;
    }
    if (state.cancelled || isComplete(state)) break;
    const action = nextVisitAction(state);
    if (action === null) {
      await condition(() => effects.length > 0);
      continue;
    }
    const waitMs = action.atMs - now();
    if (waitMs > 0 && (await condition(() => effects.length > 0, waitMs))) continue;
    await performTimed(action);
    publisher.changed();
  }

  if (!state.cancelled) await record('closed');
  await publisher.flushed();
  if ((input.lingerAfterCloseDays ?? 0) > 0) await sleep(input.lingerAfterCloseDays! * DAY_MS);
  await condition(allHandlersFinished);
  return view();
}
