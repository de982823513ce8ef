import {
  amsterdamParts,
  defaultBudgetDates,
  DomainError,
  eurosToCents,
  type BudgetBody,
} from '@jaarcyclus/domain';
import { StartBudgetCycleDto } from '@jaarcyclus/api/budget/dto/budget.dto';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type { DocumentInfo } from '@jaarcyclus/api/documents/documents.service';
import {
  amsterdamDateTime,
  dateTimeInputValue,
  fieldErrorOf,
  formFields,
  text,
  validateForm,
  wholeNumber,
  wholeNumberList,
  type Validated,
} from './forms';
import type { Messages } from './i18n';
import { proposalSourceErrors } from './proposal-source';

/**
 * The "new budget cycle" form: what the secretariat types (euros with a decimal comma, dates on
 * Amsterdam clocks) turned into the api's StartBudgetCycleDto, so the form and POST
 * /api/budget-cycles refuse the same input with the same messages.
 *
 * The proposal is a file or a link. A file is stored as soon as the form is posted with it;
 * from then on the form (and its preview) carries the document's id in `proposalDocumentId`.
 */
export const BUDGET_FORM_FIELDS = [
  'budgetYear',
  'title',
  'proposalDocumentId',
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

/** The file input: not a text value, but errors about the file are shown there. */
export const PROPOSAL_FILE_FIELD = 'proposalFile';
/** The box that drops an uploaded file (to give a link instead). */
export const PROPOSAL_FILE_REMOVE_FIELD = 'proposalFileRemove';

export interface BudgetFormState {
  values: BudgetFormValues;
  /** `field` is a form field name, PROPOSAL_FILE_FIELD, or '' for a refusal of the whole form. */
  errors: FieldError[];
  /** The document `values.proposalDocumentId` refers to, for its name and size. */
  document?: DocumentInfo | null;
  /** The SWV's bodies the budget will be put to, or why it cannot be put to them. */
  decision?: BudgetDecision;
}

/** Who decides on the budget, from the SWV's own bodies, or the refusal to read why none can. */
export type BudgetDecision =
  | {
      bodies: BudgetBody[];
      /** When the invitations would go out if started now: null for at once. */
      invitationsAt: string | null;
    }
  | { refusal: string };

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
export function formFieldOf(apiField: string): BudgetFormField | typeof PROPOSAL_FILE_FIELD | '' {
  if (apiField === 'budgetYear' || apiField === 'title') return apiField;
  if (apiField === 'voteDeadline' || apiField === 'lettersDate') return apiField;
  if (apiField === 'proposal.versionLabel') return 'versionLabel';
  if (apiField === 'proposal' || apiField === 'proposal.documentId') return PROPOSAL_FILE_FIELD;
  if (apiField.startsWith('proposal.')) return 'proposalUrl';
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
      proposalDocumentId: '',
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
      amountErrors.push(fieldErrorOf(err, field));
    }
  }
  const sourceErrors = proposalSourceErrors(
    t,
    { documentId: values.proposalDocumentId, url: values.proposalUrl },
    { file: PROPOSAL_FILE_FIELD, url: 'proposalUrl' },
  );
  const input: Record<string, unknown> = {
    budgetYear: wholeNumber(values.budgetYear),
    proposal: {
      ...(values.proposalDocumentId.trim() ? { documentId: values.proposalDocumentId.trim() } : {}),
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
        .map((e) => ({ ...e, field: formFieldOf(e.field) }))
        .filter((e) => !amountErrors.some((a) => a.field === e.field));
  const errors = [...sourceErrors, ...amountErrors, ...dtoErrors];
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  return checked;
}
