import { DomainError } from '../errors';
import { sumSafe } from '../money/arithmetic';
import { type Cents } from '../money/money';

/**
 * Underspending (onderbesteding), docs/domain.md, source 001 §7.4: "Is er sprake van onderbesteding, dan wordt
 * dat bedrag gekort op de totale ontvangsten" and funds not spent are paid back. The received
 * amount is what the school got from that year's allocation (the SWV's own figure, not what
 * the school reports as income); the spent amount is the sum of the expenses it reported.
 * Spending more than it received is the school's own choice: the underspending is then zero,
 * never a negative deduction (a payment by the SWV).
 */
/**
 * The income line on which a school reports the SWV's variable amount. The variable amount per
 * pupil is paid to the board, not to the school (docs/domain.md, source 001 §7.2), so the SWV does not know a
 * school's share of it: the school's own figure on this line (of the default format, see
 * DEFAULT_ACCOUNTABILITY_FORMAT) is taken as received, next to the school's fixed amount. A
 * tenant format without this line counts only the fixed amount as received.
 */
export const SWV_VARIABLE_INCOME_LINE_KEY = 'swv_variabel_bedrag';

/** Whether a format asks schools for the variable amount the underspending counts as received. */
export function asksVariableAmount(format: { incomeLines: readonly { key: string }[] }): boolean {
  return format.incomeLines.some((l) => l.key === SWV_VARIABLE_INCOME_LINE_KEY);
}

export interface UnderspendingInput {
  receivedCents: Cents;
  expenses: readonly { amountCents: Cents }[];
}

export interface UnderspendingResult {
  spentCents: Cents;
  underspendingCents: Cents;
}

function assertNonNegativeCents(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError(
      'VALIDATION',
      `${field} must be a non-negative integer number of cents, got ${String(value)}`,
      field,
    );
  }
}

export function computeUnderspending(input: UnderspendingInput): UnderspendingResult {
  assertNonNegativeCents(input.receivedCents, 'receivedCents');
  input.expenses.forEach((e, i) =>
    assertNonNegativeCents(e.amountCents, `expenses[${i}].amountCents`),
  );
  const spentCents = sumSafe(
    input.expenses.map((e) => e.amountCents),
    'spentCents',
  );
  return { spentCents, underspendingCents: Math.max(0, input.receivedCents - spentCents) };
}

/**
 * The underspending of a school's figures as the deduction would be computed on acceptance:
 * received = the school's fixed amount (the SWV's own figure, source 001 §7.2) + the variable
 * amount as the school reports it on SWV_VARIABLE_INCOME_LINE_KEY; spent = its expenses. One
 * rule for the worker that records the deduction and the pages that show it beforehand.
 */
export function underspendingOfFigures(
  fixedAmountCents: Cents,
  figures: {
    income: readonly { lineKey: string; amountCents: Cents }[];
    expenses: readonly { amountCents: Cents }[];
  },
): UnderspendingResult & { receivedCents: Cents } {
  const variableCents =
    figures.income.find((l) => l.lineKey === SWV_VARIABLE_INCOME_LINE_KEY)?.amountCents ?? 0;
  const receivedCents = fixedAmountCents + variableCents;
  return { receivedCents, ...computeUnderspending({ receivedCents, expenses: figures.expenses }) };
}

/**
 * The allocation year from which the underspending of `accountingYear` is deducted. The
 * allocation for the year after the accounting year was already sent "medio december"
 * (docs/domain.md, source 001 §7.4), before the 1 February accountability, so the first allocation still to be
 * computed is the one for accountingYear + 2.
 */
export function deductionAllocationYear(accountingYear: number): number {
  return accountingYear + 2;
}

/** Dutch reason shown on the allocation letter (see computeAllocation's deductions). */
export function underspendingDeductionReason(accountingYear: number): string {
  return `Onderbesteding verantwoording ${accountingYear}`;
}
