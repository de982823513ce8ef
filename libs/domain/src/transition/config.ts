import { DomainError, isDomainError } from '../errors';
import { amsterdamInstant } from '../calendar/amsterdam';
import {
  addBusinessDays,
  businessDayOnOrAfter,
  businessDaysBetween,
} from '../calendar/business-days';
import { type LocalDate, addDays, compareLocalDate, addMonths } from '../calendar/local-date';
import type { SchoolRegion } from '../calendar/school-holidays';
import type { TransitionPhase, TransitionState } from './phases';

/**
 * What an SWV configures about its schakeltrajecten. The defaults are ours (source 001 §3.2
 * names the phases, not their length) and are meant to be changed per SWV:
 *
 * - orientation 30 business days: talks with the parents and the pupil, a school of first
 *   preference and the vso's prior consultation with it, about six school weeks;
 * - consultation 20: plan and hold one meeting (further research has its own deadline);
 * - decision 10: two weeks for the regular school to decide after the meeting;
 * - handover 20: start date, OPP and aftercare agreed in four weeks;
 * - OPP evaluation every 10 weeks in execution: about once per school period, so a pupil
 *   who started in September is evaluated before Christmas and again before spring;
 * - a case stalls after 10 business days without a step; each escalation 5 later;
 * - retention 24 months after closing: source 001 §1.4 asks for retention periods
 *   (bewaartermijnen) without fixing one; two years after the pupil leaves is the usual term
 *   for pupil files in Dutch schools' privacy regulations (Kennisnet model).
 */
export interface TransitionConfig {
  phaseDueBusinessDays: Readonly<Record<Exclude<TransitionPhase, 'execution'>, number>>;
  evaluationWeeks: number;
  stallBusinessDays: number;
  escalationBusinessDays: number;
  retentionMonths: number;
  /** Amsterdam hour at which reminders and escalations go out (within 08:00–18:00). */
  sendHour: number;
}

export const DEFAULT_TRANSITION_CONFIG: TransitionConfig = Object.freeze({
  phaseDueBusinessDays: Object.freeze({
    orientation: 30,
    consultation: 20,
    decision: 10,
    handover: 20,
  }),
  evaluationWeeks: 10,
  stallBusinessDays: 10,
  escalationBusinessDays: 5,
  retentionMonths: 24,
  sendHour: 9,
});

function range(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw DomainError.of('VALIDATION', field, 'transition.outOfRange', { field, min, max });
  }
}

/** Refuses a configuration no SWV should run (a field named with its range). */
export function validateTransitionConfig(config: TransitionConfig): TransitionConfig {
  for (const [phase, days] of Object.entries(config.phaseDueBusinessDays)) {
    range(`phaseDueBusinessDays.${phase}`, days, 1, 200);
  }
  range('evaluationWeeks', config.evaluationWeeks, 1, 52);
  range('stallBusinessDays', config.stallBusinessDays, 1, 100);
  range('escalationBusinessDays', config.escalationBusinessDays, 1, 60);
  range('retentionMonths', config.retentionMonths, 1, 120);
  range('sendHour', config.sendHour, 8, 17);
  return config;
}

/**
 * What an SWV sets on its settings page (flat, one field per number); the send hour keeps the
 * default. Stored under `organisation.settings.transition` as a whole TransitionConfig.
 */
export interface TransitionSettings {
  orientationDays: number;
  consultationDays: number;
  decisionDays: number;
  handoverDays: number;
  evaluationWeeks: number;
  stallBusinessDays: number;
  escalationBusinessDays: number;
  retentionMonths: number;
}

/** The allowed range of each setting (the api's DTO and the domain check say the same). */
export const TRANSITION_SETTING_RANGES: Readonly<
  Record<keyof TransitionSettings, { min: number; max: number }>
> = Object.freeze({
  orientationDays: { min: 1, max: 200 },
  consultationDays: { min: 1, max: 200 },
  decisionDays: { min: 1, max: 200 },
  handoverDays: { min: 1, max: 200 },
  evaluationWeeks: { min: 1, max: 52 },
  stallBusinessDays: { min: 1, max: 100 },
  escalationBusinessDays: { min: 1, max: 60 },
  retentionMonths: { min: 1, max: 120 },
});

export function transitionSettingsOf(config: TransitionConfig): TransitionSettings {
  return {
    orientationDays: config.phaseDueBusinessDays.orientation,
    consultationDays: config.phaseDueBusinessDays.consultation,
    decisionDays: config.phaseDueBusinessDays.decision,
    handoverDays: config.phaseDueBusinessDays.handover,
    evaluationWeeks: config.evaluationWeeks,
    stallBusinessDays: config.stallBusinessDays,
    escalationBusinessDays: config.escalationBusinessDays,
    retentionMonths: config.retentionMonths,
  };
}

/** The configuration the settings give (checked: a field out of range is refused by name). */
export function transitionConfigFrom(
  s: TransitionSettings,
  base: TransitionConfig = DEFAULT_TRANSITION_CONFIG,
): TransitionConfig {
  for (const [field, { min, max }] of Object.entries(TRANSITION_SETTING_RANGES)) {
    range(field, s[field as keyof TransitionSettings], min, max);
  }
  return validateTransitionConfig({
    phaseDueBusinessDays: {
      orientation: s.orientationDays,
      consultation: s.consultationDays,
      decision: s.decisionDays,
      handover: s.handoverDays,
    },
    evaluationWeeks: s.evaluationWeeks,
    stallBusinessDays: s.stallBusinessDays,
    escalationBusinessDays: s.escalationBusinessDays,
    retentionMonths: s.retentionMonths,
    sendHour: base.sendHour,
  });
}

/**
 * The SWV's configuration from what its settings store (`settings.transition`): the defaults
 * when nothing is stored, and for a stored value no SWV should run (never written by the api).
 */
export function transitionConfigOf(stored: unknown): TransitionConfig {
  if (stored === null || typeof stored !== 'object') return DEFAULT_TRANSITION_CONFIG;
  const c = stored as Partial<TransitionConfig>;
  const candidate: TransitionConfig = {
    ...DEFAULT_TRANSITION_CONFIG,
    ...c,
    phaseDueBusinessDays: {
      ...DEFAULT_TRANSITION_CONFIG.phaseDueBusinessDays,
      ...(c.phaseDueBusinessDays ?? {}),
    },
  };
  try {
    return validateTransitionConfig(candidate);
  } catch (err) {
    if (isDomainError(err)) return DEFAULT_TRANSITION_CONFIG;
    throw err;
  }
}

/** The first OPP evaluation after `from`: N weeks later, moved to a business day. */
export function nextEvaluationOn(
  from: LocalDate,
  config: TransitionConfig,
  region?: SchoolRegion,
): LocalDate {
  return schoolDays(region, (o) =>
    businessDayOnOrAfter(addDays(from, 7 * config.evaluationWeeks), o),
  );
}

/**
 * Counts school business days of the region where the school holidays are published, and
 * weekdays without public holidays beyond them (the calendar refuses unknown school years): a
 * case that runs past the last published year keeps its timers instead of failing.
 */
function schoolDays<T>(
  region: SchoolRegion | undefined,
  count: (o: { region?: SchoolRegion }) => T,
): T {
  if (region === undefined) return count({});
  try {
    return count({ region });
  } catch (err) {
    if (isDomainError(err)) return count({});
    throw err;
  }
}

/**
 * When the case's current step is due: the phase's business days after it started (schools'
 * business days: no weekends, public holidays or the region's school holidays); further
 * research its own deadline; execution the next OPP evaluation. Null once closed.
 */
export function transitionDueOn(
  state: TransitionState,
  config: TransitionConfig,
  region?: SchoolRegion,
): LocalDate | null {
  if (state.status !== 'open') return null;
  if (state.phase === 'execution') return state.nextEvaluationOn;
  if (state.phase === 'consultation' && state.researchDueOn !== null) return state.researchDueOn;
  const days = config.phaseDueBusinessDays[state.phase];
  return schoolDays(region, (o) => addBusinessDays(state.phaseStartedOn, days, o));
}

/** Whether the case's current step is past its due date on `today`. */
export function isTransitionOverdue(
  state: TransitionState,
  today: LocalDate,
  config: TransitionConfig,
  region?: SchoolRegion,
): boolean {
  const due = transitionDueOn(state, config, region);
  return due !== null && compareLocalDate(today, due) > 0;
}

/**
 * Stall levels: 1 the phase's owner is reminded, 2 the case's ECT member, 3 the secretariat.
 * A case stalls when no step was taken for `stallBusinessDays`; in execution the clock starts
 * at the evaluation's due date (weeks without a step are normal there).
 */
export type StallLevel = 0 | 1 | 2 | 3;

function stallReference(state: TransitionState): LocalDate {
  if (state.phase === 'execution' && state.nextEvaluationOn !== null) {
    return compareLocalDate(state.nextEvaluationOn, state.lastStepOn) > 0
      ? state.nextEvaluationOn
      : state.lastStepOn;
  }
  return state.lastStepOn;
}

/** The stall level of an open case on `today` (0 for a closed one). */
export function stallLevel(
  state: TransitionState,
  today: LocalDate,
  config: TransitionConfig,
  region?: SchoolRegion,
): StallLevel {
  if (state.status !== 'open') return 0;
  const idle = schoolDays(region, (o) => businessDaysBetween(stallReference(state), today, o));
  const { stallBusinessDays: s, escalationBusinessDays: e } = config;
  if (idle >= s + 2 * e) return 3;
  if (idle >= s + e) return 2;
  if (idle >= s) return 1;
  return 0;
}

/**
 * The dates (business days) on which each stall level begins, counted from the last step:
 * the workflow sleeps until the next one and is woken earlier by any step.
 */
export function stallDates(
  state: TransitionState,
  config: TransitionConfig,
  region?: SchoolRegion,
): Record<1 | 2 | 3, LocalDate> {
  const from = stallReference(state);
  const { stallBusinessDays: s, escalationBusinessDays: e } = config;
  return schoolDays(region, (o) => ({
    1: addBusinessDays(from, s, o),
    2: addBusinessDays(from, s + e, o),
    3: addBusinessDays(from, s + 2 * e, o),
  }));
}

/**
 * The next stall action after `lastSentLevel` for the state: which level and the instant
 * (the date at `sendHour`, Amsterdam). Null when all three have gone out or the case is closed.
 */
export function nextStallAction(
  state: TransitionState,
  lastSentLevel: StallLevel,
  config: TransitionConfig,
  region?: SchoolRegion,
): { level: 1 | 2 | 3; at: Date } | null {
  if (state.status !== 'open' || lastSentLevel >= 3) return null;
  const level = (lastSentLevel + 1) as 1 | 2 | 3;
  return { level, at: amsterdamInstant(stallDates(state, config, region)[level], config.sendHour) };
}

/** The day a closed case's personal data is erased: the retention period after closing. */
export function erasureOn(closedOn: LocalDate, config: TransitionConfig): LocalDate {
  return addMonths(closedOn, config.retentionMonths);
}
