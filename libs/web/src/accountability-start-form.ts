import { amsterdamParts, nextBusinessMoment } from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/i18n';
import { StartAccountabilityCycleDto } from '@jaarcyclus/api/accountability/dto/accountability.dto';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import {
  amsterdamDateTime,
  formFields,
  oneErrorPerField,
  text,
  validateForm,
  wholeNumber,
  wholeNumberList,
  type Validated,
} from './forms';
import { formatDateTime, type Messages } from './i18n';

/**
 * The "start the accountability" form of the secretariat: what it types (a year, a date on
 * Amsterdam clocks, working days separated by commas, ticked schools) turned into the api's
 * StartAccountabilityCycleDto, so the form and POST /api/accountability-cycles refuse the same
 * input with the same messages.
 */
export const ACCOUNTABILITY_START_FIELDS = [
  'accountingYear',
  'title',
  'deadline',
  'reminderOffsets',
] as const;
export type AccountabilityStartField = (typeof ACCOUNTABILITY_START_FIELDS)[number];

/** The school checkboxes: one value per ticked school. */
export const SCHOOLS_FIELD = 'schoolIds';

export interface AccountabilityStartValues extends Record<AccountabilityStartField, string> {
  schoolIds: string[];
}

export interface AccountabilityStartState {
  values: AccountabilityStartValues;
  /** `field` is a form field, SCHOOLS_FIELD, or '' for a refusal of the whole form. */
  errors: FieldError[];
}

/**
 * The year accounted for: the calendar year that has just ended or is ending. From July on
 * that is this year (the secretariat prepares December's start), before July the last one (a
 * start in January, before the 1 February deadline).
 */
export function defaultAccountingYear(now: Date): number {
  const [year, month] = amsterdamParts(now).date.split('-').map(Number) as [number, number];
  return month >= 7 ? year : year - 1;
}

/**
 * Every regular school ticked; the deadline empty, which means the default of whichever year is
 * typed (the end of 1 February of the next year).
 */
export function defaultAccountabilityStartForm(
  now: Date,
  regularSchoolIds: string[],
): AccountabilityStartState {
  const accountingYear = defaultAccountingYear(now);
  return {
    values: {
      accountingYear: String(accountingYear),
      title: '',
      deadline: '',
      reminderOffsets: '',
      schoolIds: [...regularSchoolIds],
    },
    errors: [],
  };
}

export function postedAccountabilityStartForm(body: unknown): AccountabilityStartState {
  const fields = formFields(body);
  const ticked = fields[SCHOOLS_FIELD];
  return {
    values: {
      accountingYear: text(fields, 'accountingYear'),
      title: text(fields, 'title'),
      deadline: text(fields, 'deadline'),
      reminderOffsets: text(fields, 'reminderOffsets'),
      schoolIds: Array.isArray(ticked) ? ticked : ticked ? [ticked] : [],
    },
    errors: [],
  };
}

/** Where the api's and the workflow's field names land in the form. */
export function startFormFieldOf(
  apiField: string,
): AccountabilityStartField | typeof SCHOOLS_FIELD | '' {
  if (apiField === 'accountingYear' || apiField === 'title' || apiField === 'deadline')
    return apiField;
  if (/^(reminderOffsetsBusinessDays|reminderPolicy)\b/.test(apiField)) return 'reminderOffsets';
  if (/^schoolIds\b/.test(apiField)) return SCHOOLS_FIELD;
  return '';
}

/** The form as the DTO, checked by it; an empty deadline leaves the year's default. */
export async function validateAccountabilityStartForm(
  values: AccountabilityStartValues,
  t: Messages,
): Promise<Validated<StartAccountabilityCycleDto>> {
  const year = wholeNumber(values.accountingYear);
  const offsets = wholeNumberList(values.reminderOffsets);
  const deadline = amsterdamDateTime(values.deadline);
  const input: Record<string, unknown> = {
    accountingYear: year ?? Number.NaN,
    ...(values.title.trim() ? { title: values.title.trim() } : {}),
    ...(deadline !== undefined ? { deadline } : {}),
    ...(offsets !== undefined ? { reminderOffsetsBusinessDays: offsets } : {}),
    ...(values.schoolIds.length > 0 ? { schoolIds: values.schoolIds } : {}),
  };
  const checked = await validateForm(StartAccountabilityCycleDto, input);
  const errors = checked.ok ? [] : oneErrorPerField(checked.errors, startFormFieldOf);
  // Without a ticked school the api would take them all: the form asks for a choice instead.
  if (values.schoolIds.length === 0)
    errors.push({ field: SCHOOLS_FIELD, message: t.acc.schoolsRequired });
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  return checked;
}

/**
 * When a cycle started at `now` invites its schools: null for now (within office hours, the
 * fan-out sends at once), else the next business moment as the school workflows compute it
 * (libs/workflows initialSchoolTiming), written for the reader.
 */
export function invitationMoment(locale: Locale, now: Date): string | null {
  const at = nextBusinessMoment(now);
  return at.getTime() <= now.getTime() ? null : formatDateTime(locale, at);
}
