/**
 * The pure half of a visit's flow: which steps are open, who still owes what, and the next
 * timed action (invitation, reminder, escalation, the visit day, a follow-up's reminder). The
 * workflow keeps the state and sleeps on `nextVisitAction`; every instant comes from the
 * playbook arithmetic of libs/domain (business days, business hours, school holidays).
 *
 * Every action has a key that is unique per occurrence and includes the generation (one per
 * reschedule): the workflow remembers the keys it performed, so an action happens once, and a
 * reschedule re-arms every timer simply by starting a new generation.
 */
import {
  type LocalDate,
  type Playbook,
  type SchoolRegion,
  type TeamSeat,
  type VisitStepKey,
  addBusinessDays,
  amsterdamInstant,
  amsterdamParts,
  compareLocalDate,
  isBusinessDay,
  stepDueAt,
  stepDueDate,
  stepEscalationTime,
  stepReminderTimes,
  VISIT_DUE_HOUR,
  VISIT_SEND_HOUR,
  visitSendTime,
} from '@jaarcyclus/domain';
import { type Refusal, refusalOf } from '../refusal';
import type {
  AddFollowUpActionInput,
  Answer,
  FollowUpAction,
  RescheduleVisitInput,
  SubmitVisitReportInput,
  VisitStatus,
  VisitStepState,
} from './visitation.types';

/** A step that opens late (its predecessor came late) gets at least this many business days. */
export const MIN_BUSINESS_DAYS_FOR_A_STEP = 5;

export interface VisitFlowState {
  playbook: Playbook;
  region?: SchoolRegion;
  visitDate: LocalDate;
  generation: number;
  /** When the current generation was planned (start or reschedule). */
  plannedFromMs: number;
  invited: boolean;
  held: boolean;
  cancelled: boolean;
  team: TeamSeat[];
  hostPersonIds: string[];
  answers: Record<string, Answer>;
  hostConfirmed: boolean;
  steps: VisitStepState[];
  followUps: (FollowUpAction & { createdAtMs: number })[];
  fired: Set<string>;
}

export type VisitAction =
  | { kind: 'invite'; key: string; atMs: number }
  | { kind: 'remind'; key: string; atMs: number; step: VisitStepKey }
  | { kind: 'escalate'; key: string; atMs: number; step: VisitStepKey }
  | { kind: 'held'; key: string; atMs: number }
  | { kind: 'follow_up_remind'; key: string; atMs: number; actionKey: string }
  | { kind: 'follow_up_escalate'; key: string; atMs: number; actionKey: string };

const iso = (ms: number): string => new Date(ms).toISOString();

/** The steps a person owes are those of a playbook, in the playbook's order. */
export function initialSteps(playbook: Playbook, visitDate: LocalDate, region?: SchoolRegion) {
  const cal = region ? { visitDate, region } : { visitDate };
  return playbook.steps.map((s): VisitStepState => ({
    key: s.key,
    done: false,
    doneAt: null,
    dueAt: iso(dueOf(playbook, s.key, cal).getTime()),
    openedAt: null,
    documentIds: [],
    escalatedAt: null,
  }));
}

function dueOf(
  playbook: Playbook,
  key: VisitStepKey,
  cal: { visitDate: LocalDate; region?: SchoolRegion },
): Date {
  if (key === 'invitation')
    return amsterdamInstant(stepDueDate(playbook, key, cal), VISIT_SEND_HOUR);
  return stepDueAt(playbook, key, cal);
}

export function stepOf(state: VisitFlowState, key: VisitStepKey): VisitStepState | undefined {
  return state.steps.find((s) => s.key === key);
}

/** The chair of the team (there is exactly one). */
export function chairOf(state: VisitFlowState): string | undefined {
  return state.team.find((s) => s.role === 'chair')?.visitorId;
}

/** Whose step it is, whether open or not: person ids, or the secretariat. */
export function ownersOf(state: VisitFlowState, key: VisitStepKey): string[] | 'secretariat' {
  switch (key) {
    case 'date_confirmation':
      return [...state.hostPersonIds, ...state.team.map((s) => s.visitorId)];
    case 'self_evaluation':
    case 'host_reaction':
      return state.hostPersonIds;
    case 'draft_report':
    case 'final_report': {
      const chair = chairOf(state);
      return chair ? [chair] : [];
    }
    case 'follow_up_check':
      return 'secretariat';
    default:
      return [];
  }
}

/** Who still owes an open step now: reminders go to them only. */
export function owedBy(state: VisitFlowState, key: VisitStepKey): string[] | 'secretariat' {
  const step = stepOf(state, key);
  if (!step || step.done || step.openedAt === null) return [];
  if (key === 'date_confirmation') {
    return [
      ...(state.hostConfirmed ? [] : state.hostPersonIds),
      ...state.team.filter((s) => state.answers[s.visitorId] === 'pending').map((s) => s.visitorId),
    ];
  }
  return ownersOf(state, key);
}

/** The step that opens when `key` is done (the report chain after the visit). */
export function stepAfter(state: VisitFlowState, key: VisitStepKey): VisitStepKey | undefined {
  const chain: VisitStepKey[] = [
    'draft_report',
    'host_reaction',
    'final_report',
    'follow_up_check',
  ];
  const present = chain.filter((k) => stepOf(state, k));
  const i = present.indexOf(key);
  return i >= 0 ? present[i + 1] : undefined;
}

/**
 * Opens a step: it is someone's turn from now on. A step that opens after (or just before)
 * its playbook date gets MIN_BUSINESS_DAYS_FOR_A_STEP business days from today, so nobody is
 * escalated about something they could not have done.
 */
export function openStep(state: VisitFlowState, key: VisitStepKey, nowMs: number): void {
  const step = stepOf(state, key);
  if (!step || step.openedAt !== null) return;
  step.openedAt = iso(nowMs);
  const today = amsterdamParts(new Date(nowMs)).date;
  const opts = state.region && key !== 'follow_up_check' ? { region: state.region } : {};
  const earliest = amsterdamInstant(
    addBusinessDays(today, MIN_BUSINESS_DAYS_FOR_A_STEP, opts),
    VISIT_DUE_HOUR,
  ).getTime();
  if (Date.parse(step.dueAt) < earliest) step.dueAt = iso(earliest);
}

export function statusOf(state: VisitFlowState): VisitStatus {
  if (state.cancelled) return 'cancelled';
  if (isComplete(state)) return 'closed';
  if (stepOf(state, 'final_report')?.done) return 'following_up';
  if (stepOf(state, 'draft_report')?.done) return 'reported';
  if (state.held) return 'held';
  const allConfirmed =
    state.hostConfirmed && state.team.every((s) => state.answers[s.visitorId] === 'confirmed');
  return allConfirmed ? 'confirmed' : 'scheduled';
}

/** Done: the last report and the follow-up check are in, and every follow-up action is done. */
export function isComplete(state: VisitFlowState): boolean {
  if (!state.held) return false;
  const last: VisitStepKey[] = ['final_report', 'follow_up_check', 'draft_report'];
  const required = last.filter((k) => stepOf(state, k));
  return (
    required.every((k) => stepOf(state, k)!.done) &&
    state.followUps.every((f) => f.status === 'done')
  );
}

/** Steps past their due date and not done (the overview's overdue column). */
export function overdueSteps(state: VisitFlowState, nowMs: number): VisitStepKey[] {
  if (state.cancelled) return [];
  return state.steps
    .filter((s) => s.openedAt !== null && !s.done && Date.parse(s.dueAt) < nowMs)
    .filter((s) => s.key !== 'visit' && s.key !== 'invitation')
    .map((s) => s.key);
}

/** Every timed action still to come, not yet performed. */
export function plannedVisitActions(state: VisitFlowState): VisitAction[] {
  if (state.cancelled || isComplete(state)) return [];
  const g = `g${state.generation}`;
  const actions: VisitAction[] = [];
  if (!state.invited) {
    const step = stepOf(state, 'invitation')!;
    const at = Math.max(Date.parse(step.dueAt), state.plannedFromMs);
    actions.push({
      kind: 'invite',
      key: 'invite',
      atMs: visitSendTime(new Date(at), state.region).getTime(),
    });
  }
  if (!state.held) {
    actions.push({
      kind: 'held',
      key: `${g}:held`,
      atMs: amsterdamInstant(state.visitDate, VISIT_DUE_HOUR).getTime(),
    });
  }
  for (const step of state.steps) {
    const owes = owedBy(state, step.key);
    if (owes.length === 0) continue;
    const dueAt = new Date(step.dueAt);
    const from = new Date(Math.max(state.plannedFromMs, Date.parse(step.openedAt!)));
    const hostStep = step.key === 'self_evaluation' || step.key === 'host_reaction';
    for (const t of stepReminderTimes(
      state.playbook,
      dueAt,
      from,
      hostStep ? state.region : undefined,
    )) {
      actions.push({
        kind: 'remind',
        key: `${g}:${step.key}:remind:${t.toISOString()}`,
        atMs: t.getTime(),
        step: step.key,
      });
    }
    if (step.escalatedAt === null) {
      actions.push({
        kind: 'escalate',
        key: `${g}:${step.key}:escalate`,
        atMs: stepEscalationTime(dueAt).getTime(),
        step: step.key,
      });
    }
  }
  for (const f of state.followUps) {
    if (f.status === 'done') continue;
    const dueAt = amsterdamInstant(f.dueDate, VISIT_DUE_HOUR);
    for (const t of stepReminderTimes(state.playbook, dueAt, new Date(f.createdAtMs))) {
      actions.push({
        kind: 'follow_up_remind',
        key: `fu:${f.key}:remind:${t.toISOString()}`,
        atMs: t.getTime(),
        actionKey: f.key,
      });
    }
    if (f.escalatedAt === null) {
      actions.push({
        kind: 'follow_up_escalate',
        key: `fu:${f.key}:escalate`,
        atMs: stepEscalationTime(dueAt).getTime(),
        actionKey: f.key,
      });
    }
  }
  return actions.filter((a) => !state.fired.has(a.key));
}

/** The earliest planned action, or null when nothing is planned. */
export function nextVisitAction(state: VisitFlowState): VisitAction | null {
  let next: VisitAction | null = null;
  for (const a of plannedVisitActions(state)) {
    if (next === null || a.atMs < next.atMs) next = a;
  }
  return next;
}

// ---- refusals of commands (the workflow's validators) ----

function closedRefusal(state: VisitFlowState): Refusal | null {
  if (state.cancelled) return refusalOf('CONFLICT', 'INVALID_INPUT', undefined, 'visit.cancelled');
  if (isComplete(state)) return refusalOf('CONFLICT', 'INVALID_INPUT', undefined, 'visit.closed');
  return null;
}

export function answerRefusal(state: VisitFlowState, actorPersonId: string): Refusal | null {
  const closed = closedRefusal(state);
  if (closed) return closed;
  const isHost = state.hostPersonIds.includes(actorPersonId);
  const inTeam = state.team.some((s) => s.visitorId === actorPersonId);
  if (!isHost && !inTeam)
    return refusalOf('NOT_FOUND', 'INVALID_INPUT', undefined, 'visit.notParticipant');
  if (
    state.held ||
    (inTeam && state.answers[actorPersonId] !== 'pending') ||
    (!inTeam && state.hostConfirmed)
  )
    return refusalOf('CONFLICT', 'INVALID_INPUT', 'answer', 'visit.alreadyAnswered');
  return null;
}

export function reportRefusal(state: VisitFlowState, cmd: SubmitVisitReportInput): Refusal | null {
  const closed = closedRefusal(state);
  if (closed) return closed;
  const step = stepOf(state, cmd.step);
  const reportSteps: VisitStepKey[] = [
    'self_evaluation',
    'draft_report',
    'host_reaction',
    'final_report',
  ];
  if (!step || !reportSteps.includes(cmd.step))
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'step', 'visit.unknownStep');
  const owners = ownersOf(state, cmd.step);
  if (owners === 'secretariat' || !owners.includes(cmd.actorPersonId))
    return refusalOf('NOT_FOUND', 'INVALID_INPUT', 'step', 'visit.notYourStep', { step: cmd.step });
  if (step.openedAt === null)
    return refusalOf('CONFLICT', 'INVALID_INPUT', 'step', 'visit.stepNotOpen', { step: cmd.step });
  if (step.done && cmd.step !== 'final_report' && cmd.step !== 'self_evaluation')
    return refusalOf('CONFLICT', 'INVALID_INPUT', 'step', 'visit.stepDone', { step: cmd.step });
  if (typeof cmd.documentId !== 'string' || cmd.documentId === '')
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'documentId', 'visit.unknownStep');
  return null;
}

export function rescheduleRefusal(
  state: VisitFlowState,
  cmd: RescheduleVisitInput,
  nowMs: number,
): Refusal | null {
  const closed = closedRefusal(state);
  if (closed) return closed;
  if (state.held)
    return refusalOf('CONFLICT', 'INVALID_INPUT', 'visitDate', 'visit.stepDone', { step: 'visit' });
  const today = amsterdamParts(new Date(nowMs)).date;
  if (typeof cmd.visitDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cmd.visitDate))
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'visitDate', 'visit.dateInPast');
  if (compareLocalDate(cmd.visitDate, today) <= 0)
    return refusalOf('RULE_VIOLATION', 'INVALID_INPUT', 'visitDate', 'visit.dateInPast');
  if (cmd.visitDate === state.visitDate)
    return refusalOf('RULE_VIOLATION', 'INVALID_INPUT', 'visitDate', 'visit.sameDate');
  const opts = state.region ? { region: state.region } : {};
  if (!isBusinessDay(cmd.visitDate, opts))
    return refusalOf('RULE_VIOLATION', 'INVALID_INPUT', 'visitDate', 'visit.dateNotBusinessDay', {
      date: cmd.visitDate,
    });
  return null;
}

export function cancelRefusal(state: VisitFlowState, reason: string): Refusal | null {
  const closed = closedRefusal(state);
  if (closed) return closed;
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 1000)
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'reason', 'visit.cancelReason');
  return null;
}

export function addFollowUpRefusal(
  state: VisitFlowState,
  cmd: AddFollowUpActionInput,
  nowMs: number,
): Refusal | null {
  const closed = closedRefusal(state);
  if (closed) return closed;
  if (!state.held) return refusalOf('CONFLICT', 'INVALID_INPUT', undefined, 'visit.visitNotHeld');
  const d = typeof cmd.description === 'string' ? cmd.description.trim() : '';
  if (d === '' || d.length > 1000)
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'description', 'visit.description');
  if (typeof cmd.dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cmd.dueDate))
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'dueDate', 'visit.dueDatePast');
  if (compareLocalDate(cmd.dueDate, amsterdamParts(new Date(nowMs)).date) <= 0)
    return refusalOf('RULE_VIOLATION', 'INVALID_INPUT', 'dueDate', 'visit.dueDatePast');
  if (typeof cmd.ownerPersonId !== 'string' || cmd.ownerPersonId === '')
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'ownerPersonId', 'visit.ownerUnknown');
  return null;
}

export function completeFollowUpRefusal(state: VisitFlowState, key: string): Refusal | null {
  const closed = closedRefusal(state);
  if (closed) return closed;
  const f = state.followUps.find((x) => x.key === key);
  if (!f) return refusalOf('NOT_FOUND', 'INVALID_INPUT', 'key', 'visit.unknownAction');
  if (f.status === 'done') return refusalOf('CONFLICT', 'INVALID_INPUT', 'key', 'visit.actionDone');
  return null;
}

/** "Herinner nu": only for an open step that a person (not the secretariat) still owes. */
export function remindNowRefusal(state: VisitFlowState, key: VisitStepKey): Refusal | null {
  const closed = closedRefusal(state);
  if (closed) return closed;
  const step = stepOf(state, key);
  if (!step) return refusalOf('VALIDATION', 'INVALID_INPUT', 'step', 'visit.unknownStep');
  if (step.done)
    return refusalOf('CONFLICT', 'INVALID_INPUT', 'step', 'visit.stepDone', { step: key });
  if (step.openedAt === null)
    return refusalOf('CONFLICT', 'INVALID_INPUT', 'step', 'visit.stepNotOpen', { step: key });
  const owes = owedBy(state, key);
  if (owes === 'secretariat' || owes.length === 0)
    return refusalOf('CONFLICT', 'INVALID_INPUT', 'step', 'visit.nobodyOwes', { step: key });
  return null;
}

export function checkRefusal(state: VisitFlowState): Refusal | null {
  const closed = closedRefusal(state);
  if (closed) return closed;
  const step = stepOf(state, 'follow_up_check');
  if (!step || step.openedAt === null || step.done)
    return refusalOf('CONFLICT', 'INVALID_INPUT', undefined, 'visit.checkNotDue');
  return null;
}
