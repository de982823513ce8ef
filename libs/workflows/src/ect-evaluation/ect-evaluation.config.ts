/**
 * Defaults, validation and planned dates of the autumn ECT evaluation. Pure: the api checks and
 * previews with it, the workflow applies the same.
 *
 * Calendar: the mails go to the ECT member (an SWV expert), not to the school, so the office
 * calendar applies (business days, 08:00–18:00, no public holidays); the school's holidays do
 * not stop the SWV's own staff.
 */
import {
  DEFAULT_REMINDER_POLICY,
  type ReminderPolicy,
  amsterdamInstant,
  amsterdamParts,
  businessDayOnOrBefore,
  escalationTime,
  isDomainError,
  nextBusinessMoment,
  reminderTimes,
  validateReminderPolicy,
} from '@jaarcyclus/domain';
import {
  checkSchedulable,
  isNonEmptyString,
  parseInstant,
} from '../decision-round/decision-round.logic';
import { refusalOf, type Refusal } from '../refusal';
import type { EctEvaluationConfig, EctEvaluationInput } from './ect-evaluation.types';

/** Default deadline: the last business day on or before 30 November of the year, 17:00 ("oktober/november", source 001 §7.4). */
export function defaultEctDeadline(year: number): Date {
  return amsterdamInstant(businessDayOnOrBefore(`${year}-11-30`), 17);
}

function invalid(message: string, field: string): Refusal {
  return { code: 'VALIDATION', reason: 'INVALID_INPUT', message, field };
}

export function resolveEctEvaluationConfig(
  input: EctEvaluationInput,
  nowMs: number,
): EctEvaluationConfig | Refusal {
  if (input === null || typeof input !== 'object') return invalid('Input is required', 'input');
  for (const field of ['organisationId', 'startedByPersonId'] as const) {
    if (!isNonEmptyString(input[field])) return invalid(`${field} is required`, field);
  }
  if (!Number.isInteger(input.year) || input.year < 2015 || input.year > 2200) {
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'year', 'validation.yearOutOfRange', {
      field: 'year',
      min: 2015,
      max: 2200,
    });
  }
  const schools = input.schools;
  if (
    !Array.isArray(schools) ||
    schools.length === 0 ||
    !schools.every((s) => isNonEmptyString(s?.schoolId) && isNonEmptyString(s?.ectPersonId))
  ) {
    return refusalOf('VALIDATION', 'INVALID_INPUT', 'schools', 'cycles.noSchoolsWithEct', {
      field: 'schools',
    });
  }
  if (new Set(schools.map((s) => s.schoolId)).size !== schools.length)
    return invalid('schools must not repeat a school', 'schools');
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
  const deadlineMs = parseInstant(input.deadline);
  if (deadlineMs === null) {
    return refusalOf('VALIDATION', 'INVALID_DEADLINE', 'deadline', 'validation.notInstant', {
      field: 'deadline',
    });
  }
  if (deadlineMs <= nowMs)
    return refusalOf('VALIDATION', 'DEADLINE_NOT_LATER', 'deadline', 'refusal.deadlinePast');
  // The evaluation looks back on the year and ahead to the next: due in its autumn (Oct–Dec).
  const local = amsterdamParts(new Date(deadlineMs)).date;
  if (local < `${input.year}-10-01` || local > `${input.year}-12-31`) {
    return refusalOf(
      'VALIDATION',
      'INVALID_DEADLINE',
      'deadline',
      'cycles.evaluationDeadlineOutsideAutumn',
      {
        field: 'deadline',
      },
    );
  }
  const schedulable = checkSchedulable(deadlineMs, reminderPolicy, nowMs, 'deadline');
  if (schedulable) return schedulable;
  return {
    organisationId: input.organisationId,
    year: input.year,
    title: `Evaluatie ECT ${input.year}`,
    startedByPersonId: input.startedByPersonId,
    deadline: new Date(deadlineMs).toISOString(),
    schools: schools.map((s) => ({ schoolId: s.schoolId, ectPersonId: s.ectPersonId })),
    reminderPolicy,
  };
}

export type EctScheduleKind = 'invitation' | 'reminder' | 'deadline' | 'escalation';

/** The planned moments of the cycle, in time order (what the start page previews). */
export function ectEvaluationSchedule(
  config: Pick<EctEvaluationConfig, 'deadline' | 'reminderPolicy'>,
  now: Date,
): { at: Date; kind: EctScheduleKind }[] {
  const deadline = new Date(config.deadline);
  return [
    { at: nextBusinessMoment(now), kind: 'invitation' as const },
    ...reminderTimes(deadline, config.reminderPolicy, now).map((at) => ({
      at,
      kind: 'reminder' as const,
    })),
    { at: deadline, kind: 'deadline' as const },
    { at: escalationTime(deadline), kind: 'escalation' as const },
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}
