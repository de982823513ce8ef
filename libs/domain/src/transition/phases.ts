import { DomainError } from '../errors';
import { type LocalDate, compareLocalDate, parseLocalDate } from '../calendar/local-date';
import { type TransitionConfig, nextEvaluationOn } from './config';
import type { SchoolRegion } from '../calendar/school-holidays';

/**
 * The schakeltraject vso → regulier vo (docs/domain.md §4, source 001 §3.2): one case per pupil,
 * five phases in order. Who acts in each phase, what each step records and which moves are
 * refused is decided here, purely; the workflow and the web app only ask.
 *
 * 1. orientation — the vso school (or the case's ECT member) talks with the parents (and the
 *    pupil), chooses the school of first preference with them and consults it beforehand;
 *    the parents' consent to share data with that school comes before any data goes there.
 * 2. consultation — a meeting on the skills expected of the pupil and the care and support
 *    the regular school needs; optionally further research with its own deadline.
 * 3. decision — the regular school decides whether it intends to proceed: yes, symbiosis
 *    (part-time in both, an outcome of its own) or no (back to orientation with another
 *    school, or the case ends).
 * 4. handover — start date, support offer (OPP) and aftercare (nazorg) from the vso agreed.
 * 5. execution — in regular vo, with the cyclic OPP evaluation until the case is closed as
 *    succeeded (or symbiosis) or ended with a reason.
 */
export const TRANSITION_PHASES = [
  'orientation',
  'consultation',
  'decision',
  'handover',
  'execution',
] as const;
export type TransitionPhase = (typeof TRANSITION_PHASES)[number];

/** The side of a case a person acts for. */
export type TransitionActor = 'vso' | 'regular' | 'ect' | 'parent' | 'secretariat';

/** What the regular school decides (phase 3). */
export const TRANSITION_DECISIONS = ['proceed', 'symbiosis', 'decline'] as const;
export type TransitionDecision = (typeof TRANSITION_DECISIONS)[number];

/** How a closed case ended: counted in the annual report. */
export const TRANSITION_OUTCOMES = ['succeeded', 'symbiosis', 'back_to_vso', 'ended'] as const;
export type TransitionOutcome = (typeof TRANSITION_OUTCOMES)[number];

/** Why a case ended before it succeeded (a code, never free text about the child). */
export const TRANSITION_END_REASONS = [
  'back_to_vso',
  'no_school',
  'parents_withdrew',
  'other',
] as const;
export type TransitionEndReason = (typeof TRANSITION_END_REASONS)[number];

/** The state of one case: references and dates only, no pupil data. */
export interface TransitionState {
  status: 'open' | 'closed';
  /** The phase while open; the last phase once closed. */
  phase: TransitionPhase;
  vsoSchoolId: string;
  /** The school of first preference, once chosen. */
  regularSchoolId: string | null;
  /** Schools that declined: not chosen again. */
  declinedSchoolIds: string[];
  /** Schools the parents consented to share the case's data with. */
  consentSchoolIds: string[];
  /** Set at the decision: full move or symbiosis. */
  track: 'regular' | 'symbiosis' | null;
  /** The deadline of further research (consultation), while it runs. */
  researchDueOn: LocalDate | null;
  startOn: LocalDate | null;
  evaluations: number;
  nextEvaluationOn: LocalDate | null;
  openedOn: LocalDate;
  phaseStartedOn: LocalDate;
  /** The last step anyone took (stall detection counts from here). */
  lastStepOn: LocalDate;
  closedOn: LocalDate | null;
  outcome: TransitionOutcome | null;
  endReason: TransitionEndReason | null;
}

/** A step on a case. Free text (skills, support, notes) is stored encrypted, beside the state. */
export type TransitionMove =
  | { kind: 'chooseSchool'; schoolId: string; priorConsultationOn: LocalDate }
  | { kind: 'recordConsent'; schoolId: string }
  | { kind: 'completeOrientation'; parentsMetOn: LocalDate }
  | { kind: 'recordConsultation'; meetingOn: LocalDate; researchDueOn: LocalDate | null }
  | { kind: 'completeResearch' }
  | { kind: 'decide'; decision: TransitionDecision }
  | { kind: 'recordHandover'; startOn: LocalDate }
  | { kind: 'recordEvaluation'; heldOn: LocalDate }
  | { kind: 'close'; result: 'succeeded' | 'back_to_vso' }
  | { kind: 'end'; reason: TransitionEndReason };
export type TransitionMoveKind = TransitionMove['kind'];

interface MoveRule {
  /** Phases in which the move is allowed ('any': every phase of an open case). */
  phases: readonly TransitionPhase[] | 'any';
  actors: readonly TransitionActor[];
}

/**
 * Who may make which move, in which phase. The ECT member takes part in every case of their
 * schools (source 001 §3.2: the two ECT members on vso–vo transitions) and may act for the vso
 * side; the regular school owns its decision and the execution; the parents give consent.
 */
export const TRANSITION_MOVE_RULES: Readonly<Record<TransitionMoveKind, MoveRule>> = {
  chooseSchool: { phases: ['orientation'], actors: ['vso', 'ect'] },
  recordConsent: { phases: ['orientation'], actors: ['parent'] },
  completeOrientation: { phases: ['orientation'], actors: ['vso', 'ect'] },
  recordConsultation: { phases: ['consultation'], actors: ['vso', 'ect', 'regular'] },
  completeResearch: { phases: ['consultation'], actors: ['vso', 'ect', 'regular'] },
  decide: { phases: ['decision'], actors: ['regular'] },
  recordHandover: { phases: ['handover'], actors: ['vso', 'ect', 'regular'] },
  recordEvaluation: { phases: ['execution'], actors: ['regular', 'ect'] },
  close: { phases: ['execution'], actors: ['regular', 'ect'] },
  end: { phases: 'any', actors: ['vso', 'ect', 'regular'] },
};

/** The regular school may end a case only once the pupil is with it (execution). */
function actorAllowed(
  kind: TransitionMoveKind,
  actor: TransitionActor,
  phase: TransitionPhase,
): boolean {
  if (!TRANSITION_MOVE_RULES[kind].actors.includes(actor)) return false;
  return !(kind === 'end' && actor === 'regular' && phase !== 'execution');
}

/** Who owns a phase: reminded when it stalls (then the ECT member, then the secretariat). */
export const TRANSITION_PHASE_OWNER: Readonly<Record<TransitionPhase, 'vso' | 'regular'>> = {
  orientation: 'vso',
  consultation: 'vso',
  decision: 'regular',
  handover: 'vso',
  execution: 'regular',
};

/** A new case, opened in orientation on `today`. */
export function openTransition(vsoSchoolId: string, today: LocalDate): TransitionState {
  parseLocalDate(today, 'today');
  return {
    status: 'open',
    phase: 'orientation',
    vsoSchoolId,
    regularSchoolId: null,
    declinedSchoolIds: [],
    consentSchoolIds: [],
    track: null,
    researchDueOn: null,
    startOn: null,
    evaluations: 0,
    nextEvaluationOn: null,
    openedOn: today,
    phaseStartedOn: today,
    lastStepOn: today,
    closedOn: null,
    outcome: null,
    endReason: null,
  };
}

/** Whether `actor` may make a move of `kind` now (the phase and role check only). */
export function mayMove(
  state: TransitionState,
  kind: TransitionMoveKind,
  actor: TransitionActor,
): boolean {
  if (state.status !== 'open') return false;
  const rule = TRANSITION_MOVE_RULES[kind];
  return (
    (rule.phases === 'any' || rule.phases.includes(state.phase)) &&
    actorAllowed(kind, actor, state.phase)
  );
}

/** The moves `actor` may make now, in a fixed order (for the forms of a case page). */
export function movesFor(state: TransitionState, actor: TransitionActor): TransitionMoveKind[] {
  return (Object.keys(TRANSITION_MOVE_RULES) as TransitionMoveKind[]).filter((k) =>
    mayMove(state, k, actor),
  );
}

function notPast(date: LocalDate, today: LocalDate, field: string): void {
  parseLocalDate(date, field);
  if (compareLocalDate(date, today) > 0) {
    throw DomainError.of('VALIDATION', field, 'transition.dateInFuture', { field });
  }
}

function after(date: LocalDate, today: LocalDate, field: string): void {
  parseLocalDate(date, field);
  if (compareLocalDate(date, today) <= 0) {
    throw DomainError.of('VALIDATION', field, 'transition.dateNotAfterToday', { field });
  }
}

/**
 * The state after `move` by `actor` on `today`, or a DomainError: CONFLICT for a closed case,
 * RULE_VIOLATION for a move outside its phase or by the wrong side, VALIDATION for bad dates.
 * Pure: the workflow replays it.
 */
export function applyTransitionMove(
  state: TransitionState,
  move: TransitionMove,
  actor: TransitionActor,
  today: LocalDate,
  config: TransitionConfig,
  region?: SchoolRegion,
): TransitionState {
  parseLocalDate(today, 'today');
  if (state.status !== 'open') {
    throw DomainError.of('CONFLICT', undefined, 'transition.caseClosed');
  }
  const rule = TRANSITION_MOVE_RULES[move.kind];
  if (rule.phases !== 'any' && !rule.phases.includes(state.phase)) {
    throw DomainError.of('RULE_VIOLATION', undefined, 'transition.wrongPhase', {
      phase: state.phase,
    });
  }
  if (!actorAllowed(move.kind, actor, state.phase)) {
    throw DomainError.of('RULE_VIOLATION', undefined, 'transition.notYourStep');
  }
  const stepped: TransitionState = { ...state, lastStepOn: today };
  const enter = (phase: TransitionPhase): TransitionState => ({
    ...stepped,
    phase,
    phaseStartedOn: today,
  });

  switch (move.kind) {
    case 'chooseSchool': {
      if (move.schoolId === state.vsoSchoolId) {
        throw DomainError.of('RULE_VIOLATION', 'schoolId', 'transition.schoolIsVso', {
          field: 'schoolId',
        });
      }
      if (state.declinedSchoolIds.includes(move.schoolId)) {
        throw DomainError.of('RULE_VIOLATION', 'schoolId', 'transition.schoolAlreadyTried', {
          field: 'schoolId',
        });
      }
      notPast(move.priorConsultationOn, today, 'priorConsultationOn');
      return { ...stepped, regularSchoolId: move.schoolId };
    }
    case 'recordConsent': {
      if (state.regularSchoolId === null || move.schoolId !== state.regularSchoolId) {
        throw DomainError.of('RULE_VIOLATION', undefined, 'transition.noSchoolChosen');
      }
      if (state.consentSchoolIds.includes(move.schoolId)) return stepped;
      return { ...stepped, consentSchoolIds: [...state.consentSchoolIds, move.schoolId] };
    }
    case 'completeOrientation': {
      if (state.regularSchoolId === null) {
        throw DomainError.of('RULE_VIOLATION', undefined, 'transition.noSchoolChosen');
      }
      // AVG: nothing about the child goes to the regular school without the parents' consent.
      if (!state.consentSchoolIds.includes(state.regularSchoolId)) {
        throw DomainError.of('RULE_VIOLATION', undefined, 'transition.noConsent');
      }
      notPast(move.parentsMetOn, today, 'parentsMetOn');
      return enter('consultation');
    }
    case 'recordConsultation': {
      if (state.researchDueOn !== null) {
        throw DomainError.of('RULE_VIOLATION', undefined, 'transition.researchPending');
      }
      notPast(move.meetingOn, today, 'meetingOn');
      if (move.researchDueOn !== null) {
        after(move.researchDueOn, today, 'researchDueOn');
        return { ...stepped, researchDueOn: move.researchDueOn };
      }
      return enter('decision');
    }
    case 'completeResearch': {
      if (state.researchDueOn === null) {
        throw DomainError.of('RULE_VIOLATION', undefined, 'transition.noResearch');
      }
      return { ...enter('decision'), researchDueOn: null };
    }
    case 'decide': {
      if (move.decision === 'decline') {
        // Back to orientation: another school of preference, or the case ends there.
        return {
          ...enter('orientation'),
          declinedSchoolIds: [...state.declinedSchoolIds, state.regularSchoolId!],
          regularSchoolId: null,
        };
      }
      return {
        ...enter('handover'),
        track: move.decision === 'symbiosis' ? 'symbiosis' : 'regular',
      };
    }
    case 'recordHandover': {
      parseLocalDate(move.startOn, 'startOn');
      return {
        ...enter('execution'),
        startOn: move.startOn,
        nextEvaluationOn: nextEvaluationOn(
          compareLocalDate(move.startOn, today) > 0 ? move.startOn : today,
          config,
          region,
        ),
      };
    }
    case 'recordEvaluation': {
      notPast(move.heldOn, today, 'heldOn');
      return {
        ...stepped,
        evaluations: state.evaluations + 1,
        nextEvaluationOn: nextEvaluationOn(move.heldOn, config, region),
      };
    }
    case 'close': {
      const outcome: TransitionOutcome =
        move.result === 'back_to_vso'
          ? 'back_to_vso'
          : state.track === 'symbiosis'
            ? 'symbiosis'
            : 'succeeded';
      return {
        ...stepped,
        status: 'closed',
        outcome,
        endReason: move.result === 'back_to_vso' ? 'back_to_vso' : null,
        closedOn: today,
        nextEvaluationOn: null,
      };
    }
    case 'end':
      return {
        ...stepped,
        status: 'closed',
        outcome: move.reason === 'back_to_vso' ? 'back_to_vso' : 'ended',
        endReason: move.reason,
        closedOn: today,
        nextEvaluationOn: null,
        researchDueOn: null,
      };
  }
}
