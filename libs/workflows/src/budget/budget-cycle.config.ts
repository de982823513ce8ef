/**
 * Defaults and validation of the budget cycle's input. Pure, so the api calls
 * `validateBudgetCycleInput` before starting (and answers 400 with the same reason the workflow
 * would fail with), and the workflow applies the same defaults deterministically.
 */
import {
  DEFAULT_REMINDER_POLICY,
  type ReminderPolicy,
  defaultBudgetDates,
  isDomainError,
  validateReminderPolicy,
} from '@jaarcyclus/domain';
import { DEFAULT_ESCALATION_POLICY } from '../decision-round/decision-round.types';
import {
  checkSchedulable,
  isNonEmptyString,
  parseInstant,
  validateProposal,
} from '../decision-round/decision-round.logic';
import type { CodedText } from '@jaarcyclus/i18n/core';
import { refusalOf, type Refusal } from '../refusal';
import type { BudgetCycleConfig, BudgetCycleInput } from './budget-cycle.types';

/** docs/domain.md, source 001 §7: the budget needs goedkeuring of ALV and RvT and instemming of the OPR. */
export const DEFAULT_BUDGET_BODY_KEYS: readonly string[] = ['alv', 'rvt', 'opr'];
/** Consent withheld in this many rounds → dispute (geschil), unless configured otherwise. */
export const DEFAULT_OPR_DISPUTE_AFTER_ROUNDS = 2;

function invalid(message: string, field?: string, text?: CodedText): Refusal {
  return {
    code: 'VALIDATION',
    reason: 'INVALID_INPUT',
    message,
    ...(field ? { field } : {}),
    ...(text ? { text } : {}),
  };
}

function isCents(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

export function resolveBudgetCycleConfig(
  input: BudgetCycleInput,
  nowMs: number,
): BudgetCycleConfig | Refusal {
  if (input === null || typeof input !== 'object') return invalid('Input is required');
  for (const field of ['organisationId', 'startedByPersonId', 'directorPersonId'] as const) {
    if (!isNonEmptyString(input[field])) return invalid(`${field} is required`, field);
  }
  let defaults: { voteDeadline: Date; lettersDate: Date };
  try {
    defaults = defaultBudgetDates(input.budgetYear);
  } catch (err) {
    if (isDomainError(err)) return invalid(err.message, 'budgetYear', err.text);
    throw err;
  }
  const proposalRefusal = validateProposal(input.proposal);
  if (proposalRefusal) return proposalRefusal;

  const a = input.allocation;
  if (a === null || typeof a !== 'object')
    return invalid('allocation figures are required', 'allocation');
  if (!isCents(a.amountPerPupilCents) || a.amountPerPupilCents < 0) {
    return invalid(
      'amountPerPupilCents must be a non-negative integer',
      'allocation.amountPerPupilCents',
    );
  }
  if (!isCents(a.equityCents))
    return invalid('equityCents must be an integer', 'allocation.equityCents');
  if (!isCents(a.turnoverCents) || a.turnoverCents <= 0) {
    return invalid('turnoverCents must be a positive integer', 'allocation.turnoverCents');
  }

  const bodyKeys = input.bodyKeys ?? [...DEFAULT_BUDGET_BODY_KEYS];
  if (!Array.isArray(bodyKeys) || bodyKeys.length === 0 || !bodyKeys.every(isNonEmptyString)) {
    return invalid('bodyKeys must list at least one body key', 'bodyKeys');
  }
  if (new Set(bodyKeys).size !== bodyKeys.length)
    return invalid('bodyKeys must not repeat a body', 'bodyKeys');

  const reminderPolicy: ReminderPolicy = {
    offsetsBusinessDays: [
      ...(input.reminderOffsetsBusinessDays ?? DEFAULT_REMINDER_POLICY.offsetsBusinessDays),
    ],
    sendHour: input.reminderSendHour ?? DEFAULT_REMINDER_POLICY.sendHour,
  };
  try {
    validateReminderPolicy(reminderPolicy);
  } catch (err) {
    if (isDomainError(err))
      return invalid(err.message, err.field ?? 'reminderOffsetsBusinessDays', err.text);
    throw err;
  }

  const voteDeadlineMs =
    input.voteDeadline === undefined
      ? defaults.voteDeadline.getTime()
      : parseInstant(input.voteDeadline);
  if (voteDeadlineMs === null) {
    return refusalOf('VALIDATION', 'INVALID_DEADLINE', 'voteDeadline', 'validation.notInstant', {
      field: 'voteDeadline',
    });
  }
  if (voteDeadlineMs <= nowMs) {
    return refusalOf(
      'VALIDATION',
      'DEADLINE_NOT_LATER',
      'voteDeadline',
      'refusal.voteDeadlinePast',
    );
  }
  const schedulable = checkSchedulable(voteDeadlineMs, reminderPolicy, nowMs, 'voteDeadline');
  if (schedulable) return schedulable;
  const lettersMs =
    input.lettersDate === undefined
      ? defaults.lettersDate.getTime()
      : parseInstant(input.lettersDate);
  if (lettersMs === null)
    return invalid('lettersDate must be an ISO 8601 instant with offset', 'lettersDate');

  const disputeAfter = input.oprDisputeAfterRounds ?? DEFAULT_OPR_DISPUTE_AFTER_ROUNDS;
  if (!Number.isInteger(disputeAfter) || disputeAfter < 1) {
    return invalid('oprDisputeAfterRounds must be a positive integer', 'oprDisputeAfterRounds');
  }
  const escalation = input.escalation ?? DEFAULT_ESCALATION_POLICY;
  if (
    typeof escalation.notifyChair !== 'boolean' ||
    typeof escalation.notifySecretariat !== 'boolean'
  ) {
    return invalid('escalation needs notifyChair and notifySecretariat booleans', 'escalation');
  }

  return {
    organisationId: input.organisationId,
    budgetYear: input.budgetYear,
    title: isNonEmptyString(input.title) ? input.title : `Begroting ${input.budgetYear}`,
    startedByPersonId: input.startedByPersonId,
    directorPersonId: input.directorPersonId,
    proposal: { ...input.proposal },
    allocation: { ...a },
    bodyKeys: [...bodyKeys],
    voteDeadline: new Date(voteDeadlineMs).toISOString(),
    lettersDate: new Date(lettersMs).toISOString(),
    reminderPolicy,
    oprDisputeAfterRounds: disputeAfter,
    escalation: {
      notifyChair: escalation.notifyChair,
      notifySecretariat: escalation.notifySecretariat,
    },
  };
}

/** For the api: the refusal the workflow would fail with, or null when the input is fine. */
export function validateBudgetCycleInput(input: BudgetCycleInput, now: Date): Refusal | null {
  const resolved = resolveBudgetCycleConfig(input, now.getTime());
  return 'reason' in resolved ? resolved : null;
}
