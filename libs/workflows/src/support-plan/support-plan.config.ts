/**
 * Defaults, validation and the planned dates of the support-plan decision. Pure: the api calls
 * it before starting (and for the preview), the workflow applies the same checks.
 */
import {
  DEFAULT_REMINDER_POLICY,
  addDays,
  type ReminderPolicy,
  amsterdamInstant,
  amsterdamParts,
  businessDayOnOrBefore,
  escalationTime,
  isDomainError,
  reminderTimes,
  validateReminderPolicy,
} from '@jaarcyclus/domain';
import {
  checkSchedulable,
  isNonEmptyString,
  parseInstant,
  validateProposal,
} from '../decision-round/decision-round.logic';
import { refusalOf, type Refusal } from '../refusal';
import {
  SUPPORT_PLAN_YEARS,
  type SupportPlanCycleConfig,
  type SupportPlanCycleInput,
} from './support-plan.types';

/** Amsterdam hour of the default vote deadline: end of the office day. */
const DEADLINE_HOUR = 17;

/**
 * The default vote deadline: the last business day before 1 March of the plan's first year,
 * 17:00. The plan takes effect on 1 August; a refusal by the OPR then still leaves months
 * for the Commissie voor Geschillen Medezeggenschap (docs/domain.md, source 001 §1.5) before it.
 */
export function defaultSupportPlanDeadline(firstYear: number): Date {
  return amsterdamInstant(businessDayOnOrBefore(addDays(`${firstYear}-03-01`, -1)), DEADLINE_HOUR);
}

/** The plan takes effect with the school year: 1 August of its first year. */
export function supportPlanStart(firstYear: number): Date {
  return amsterdamInstant(`${firstYear}-08-01`, 0);
}

export function isPlanYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= 2015 && year <= 2200;
}

function invalid(message: string, field: string): Refusal {
  return { code: 'VALIDATION', reason: 'INVALID_INPUT', message, field };
}

export function resolveSupportPlanConfig(
  input: SupportPlanCycleInput,
  nowMs: number,
): SupportPlanCycleConfig | Refusal {
  if (input === null || typeof input !== 'object') return invalid('Input is required', 'input');
  for (const field of ['organisationId', 'startedByPersonId', 'directorPersonId'] as const) {
    if (!isNonEmptyString(input[field])) return invalid(`${field} is required`, field);
  }
  if (!isPlanYear(input.firstYear)) {
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'firstYear', 'validation.yearOutOfRange', {
      field: 'firstYear',
      min: 2015,
      max: 2200,
    });
  }
  const proposalRefusal = validateProposal(input.proposal);
  if (proposalRefusal) return proposalRefusal;
  const bodyKeys = input.bodyKeys;
  if (!Array.isArray(bodyKeys) || bodyKeys.length === 0 || !bodyKeys.every(isNonEmptyString)) {
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'bodyKeys', 'cycles.noDecidingBodies', {
      field: 'bodyKeys',
    });
  }
  if (new Set(bodyKeys).size !== bodyKeys.length)
    return invalid('bodyKeys must not repeat a body', 'bodyKeys');
  const reminderPolicy: ReminderPolicy = {
    offsetsBusinessDays: [
      ...(input.reminderOffsetsBusinessDays ?? DEFAULT_REMINDER_POLICY.offsetsBusinessDays),
    ],
    sendHour: DEFAULT_REMINDER_POLICY.sendHour,
  };
  try {
    validateReminderPolicy(reminderPolicy);
  } catch (err) {
    if (isDomainError(err)) return invalid(err.message, 'reminderOffsetsBusinessDays');
    throw err;
  }
  const deadlineMs = parseInstant(input.voteDeadline);
  if (deadlineMs === null) {
    return refusalOf('VALIDATION', 'INVALID_DEADLINE', 'voteDeadline', 'validation.notInstant', {
      field: 'voteDeadline',
    });
  }
  if (deadlineMs <= nowMs) {
    return refusalOf(
      'VALIDATION',
      'DEADLINE_NOT_LATER',
      'voteDeadline',
      'refusal.voteDeadlinePast',
    );
  }
  const schedulable = checkSchedulable(deadlineMs, reminderPolicy, nowMs, 'voteDeadline');
  if (schedulable) return schedulable;
  const lastYear = input.firstYear + SUPPORT_PLAN_YEARS;
  return {
    organisationId: input.organisationId,
    firstYear: input.firstYear,
    lastYear,
    title: isNonEmptyString(input.title)
      ? input.title
      : `Ondersteuningsplan ${input.firstYear}–${lastYear}`,
    startedByPersonId: input.startedByPersonId,
    directorPersonId: input.directorPersonId,
    proposal: { ...input.proposal },
    bodyKeys: [...bodyKeys],
    voteDeadline: new Date(deadlineMs).toISOString(),
    reminderPolicy,
  };
}

export type SupportPlanScheduleKind =
  'reminder' | 'deadline' | 'escalation' | 'takes_effect' | 'next_plan';

/**
 * What the preview lists, in time order: reminders to members who have not voted, the vote
 * deadline, the escalation moment if a body misses its quorum, the day the plan takes effect,
 * and when the next plan's cycle is due (four years on). Office calendar: the bodies' members
 * are addressed, not schools (weekends and public holidays skipped, 08:00–18:00).
 */
export function supportPlanSchedule(
  config: Pick<
    SupportPlanCycleConfig,
    'firstYear' | 'lastYear' | 'voteDeadline' | 'reminderPolicy'
  >,
  now: Date,
): { at: Date; kind: SupportPlanScheduleKind }[] {
  const deadline = new Date(config.voteDeadline);
  const entries = [
    ...reminderTimes(deadline, config.reminderPolicy, now).map((at) => ({
      at,
      kind: 'reminder' as const,
    })),
    { at: deadline, kind: 'deadline' as const },
    { at: escalationTime(deadline), kind: 'escalation' as const },
    { at: supportPlanStart(config.firstYear), kind: 'takes_effect' as const },
    { at: defaultSupportPlanDeadline(config.lastYear), kind: 'next_plan' as const },
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A calendar date YYYY-MM-DD that exists. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date YYYY-MM-DD that exists and is not after today (Amsterdam). */
export function pastOrTodayDate(value: unknown, nowMs: number): boolean {
  return isCalendarDate(value) && value <= amsterdamParts(new Date(nowMs)).date;
}
