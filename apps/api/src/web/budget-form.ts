import { amsterdamParts, defaultBudgetDates, DomainError, eurosToCents } from '@jaarcyclus/domain';
import { StartBudgetCycleDto } from '../budget/dto/budget.dto';
import type { FieldError } from '../common/api-errors';
import {
  amsterdamDateTime,
  dateTimeInputValue,
  formFields,
  text,
  validateForm,
  wholeNumber,
  wholeNumberList,
  type Validated,
} from './forms';
import type { Messages } from './i18n';

/**
 * The "new budget cycle" form: what the secretariat types (euros with a decimal comma, dates on
 * Amsterdam clocks) turned into the api's StartBudgetCycleDto, so the form and POST
 * /api/budget-cycles refuse the same input with the same messages.
 */
export const BUDGET_FORM_FIELDS = [
  'budgetYear',
  'title',
  'proposalUrl',
  'versionLabel',
  'amountPerPupil',
  'equity',
  'turnover',
  'voteDeadline',
  'lettersDate',
  'reminderOffsets',
] as const;
export type BudgetFormField = (typeof BUDGET_FORM_FIELDS)[number];

export type BudgetFormValues = Record<BudgetFormField, string>;

export interface BudgetFormState {
  values: BudgetFormValues;
  /** `field` is a form field name (or '' for a refusal of the whole form). */
  errors: FieldError[];
}

/** Amount fields and where their cents go in the DTO. */
const AMOUNTS = {
  amountPerPupil: 'amountPerPupilCents',
  equity: 'equityCents',
  turnover: 'turnoverCents',
} as const;

/**
 * Where the api's and the workflow's field names land in the form. Unlisted fields (such as
 * directorPersonId) are shown in the error summary only.
 */
export function formFieldOf(apiField: string): BudgetFormField | '' {
  if (apiField === 'budgetYear' || apiField === 'title') return apiField;
  if (apiField === 'voteDeadline' || apiField === 'lettersDate') return apiField;
  if (apiField === 'proposal.versionLabel') return 'versionLabel';
  if (apiField === 'proposal' || apiField.startsWith('proposal.')) return 'proposalUrl';
  if (apiField === 'allocation') return 'amountPerPupil';
  for (const [field, cents] of Object.entries(AMOUNTS)) {
    if (apiField === `allocation.${cents}`) return field as BudgetFormField;
  }
  if (/^(reminderOffsetsBusinessDays|offsetsBusinessDays|sendHour)\b/.test(apiField)) {
    return 'reminderOffsets';
  }
  return '';
}

/** Budget year: next year on Amsterdam clocks (the budget is voted on in December before it starts). */
export function defaultBudgetForm(now: Date): BudgetFormState {
  const budgetYear = Number(amsterdamParts(now).date.slice(0, 4)) + 1;
  const dates = defaultBudgetDates(budgetYear);
  return {
    values: {
      budgetYear: String(budgetYear),
      title: '',
      proposalUrl: '',
      versionLabel: 'Concept v1',
      amountPerPupil: '',
      equity: '',
      turnover: '',
      voteDeadline: dateTimeInputValue(dates.voteDeadline),
      lettersDate: dateTimeInputValue(dates.lettersDate),
      reminderOffsets: '',
    },
    errors: [],
  };
}

export function postedBudgetForm(body: unknown): BudgetFormState {
  const fields = formFields(body);
  const values = Object.fromEntries(
    BUDGET_FORM_FIELDS.map((name) => [name, text(fields, name)]),
  ) as BudgetFormValues;
  return { values, errors: [] };
}

/**
 * The form as the DTO, validated by it. Amounts are converted with the domain's eurosToCents;
 * an amount it cannot read is reported on its field (its own message) instead of the DTO's
 * message about cents.
 */
export async function validateBudgetForm(
  values: BudgetFormValues,
  t: Messages,
): Promise<Validated<StartBudgetCycleDto>> {
  const amountErrors: FieldError[] = [];
  const allocation: Record<string, number | undefined> = {};
  for (const [field, cents] of Object.entries(AMOUNTS)) {
    const typed = values[field as BudgetFormField].trim();
    if (typed === '') {
      amountErrors.push({ field, message: t.amountRequired });
      continue;
    }
    try {
      allocation[cents] = eurosToCents(typed, field);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      amountErrors.push({ field, message: err.message });
    }
  }
  const input: Record<string, unknown> = {
    budgetYear: wholeNumber(values.budgetYear),
    proposal: {
      ...(values.proposalUrl.trim() ? { url: values.proposalUrl.trim() } : {}),
      versionLabel: values.versionLabel.trim(),
    },
    allocation,
  };
  if (values.title.trim()) input.title = values.title.trim();
  const voteDeadline = amsterdamDateTime(values.voteDeadline);
  if (voteDeadline !== undefined) input.voteDeadline = voteDeadline;
  const lettersDate = amsterdamDateTime(values.lettersDate);
  if (lettersDate !== undefined) input.lettersDate = lettersDate;
  const offsets = wholeNumberList(values.reminderOffsets);
  if (offsets !== undefined) input.reminderOffsetsBusinessDays = offsets;

  const checked = await validateForm(StartBudgetCycleDto, input);
  const dtoErrors = checked.ok
    ? []
    : checked.errors
        .map((e) => ({ field: formFieldOf(e.field), message: e.message }))
        .filter((e) => !amountErrors.some((a) => a.field === e.field));
  const errors = [...amountErrors, ...dtoErrors];
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  return checked;
}
