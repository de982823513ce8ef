import { amsterdamInstant, amsterdamParts, DomainError, parseLocalDate } from '@jaarcyclus/domain';
import { isCodedText, renderText, type Locale } from '@jaarcyclus/i18n';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { translateDatabaseError } from '@jaarcyclus/api/common/database-errors';
import { flattenValidationErrors } from '@jaarcyclus/api/common/validation';
import { CSRF_FIELD } from './csrf';

/**
 * Form posts are checked with the api's own DTO classes and validation options, so a form and
 * the JSON api refuse the same input for the same reasons; the web app writes each reason (its
 * code) in the reader's language.
 */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export async function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  input: Record<string, unknown>,
): Promise<Validated<T>> {
  const instance = plainToInstance(dto, input);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return errors.length === 0
    ? { ok: true, value: instance }
    : { ok: false, errors: flattenValidationErrors(errors) };
}

/**
 * The DTO's errors as form fields (`fieldOf` maps an api field to the form's), one message per
 * field: class-validator lists a property's failed checks from its last decorator up, so the
 * last one is the most basic (for 'drie': not a whole number, rather than also "at least 1"
 * and "at most 60").
 */
export function oneErrorPerField(
  errors: FieldError[],
  fieldOf: (apiField: string) => string,
): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    const field = fieldOf(e.field);
    byField.set(field, { ...e, field });
  }
  return [...byField.values()];
}

/** A refusal of a service (DomainError, or the database's constraint) as field errors; else rethrows. */
export function refusalAsFieldErrors(error: unknown): FieldError[] {
  const domain = error instanceof DomainError ? error : translateDatabaseError(error);
  if (!domain || domain.code === 'NOT_FOUND') throw error;
  return [fieldErrorOf(domain)];
}

/** The posted fields, without the form token. Repeated fields (checkboxes) arrive as arrays. */
export function formFields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === CSRF_FIELD) continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value))
      out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

export function text(fields: Record<string, string | string[]>, name: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A whole number typed into a text field: '' is "not given"; Dutch thousands separators
 * ('16.500') are accepted; anything else stays NaN so the DTO refuses it with its own message.
 */
export function wholeNumber(input: string): number | undefined {
  const trimmed = input.trim().replace(/\s/g, '');
  if (trimmed === '') return undefined;
  const plain = /^\d{1,3}(\.\d{3})+$/.test(trimmed) ? trimmed.replace(/\./g, '') : trimmed;
  return /^-?\d+$/.test(plain) ? Number(plain) : Number.NaN;
}

/**
 * A list of whole numbers typed as '7, 2' (commas, semicolons or spaces between them): '' is
 * "not given"; an entry that is not a whole number stays NaN so the DTO refuses it.
 */
export function wholeNumberList(input: string): number[] | undefined {
  const parts = input.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.map((p) => wholeNumber(p) ?? Number.NaN);
}

/** What a date-time field hands the DTO when the text is no date and time: its ISO check refuses it with the api's message. */
const NOT_A_DATE_TIME = 'not-a-date-time';

/**
 * A date and time on Amsterdam clocks (docs/domain.md: deadlines are dates in Europe/Amsterdam) as an
 * ISO instant. Accepts what a datetime-local input posts ('2026-12-11T17:00') and what a person
 * types where the browser has no date picker ('11-12-2026 17:00', '11-12-2026 om 17.00').
 * '' is "not given".
 */
export function amsterdamDateTime(input: string): string | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::00)?$/.exec(s);
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4}),?\s+(?:om\s+)?(\d{1,2})[:.](\d{2})$/.exec(s);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5]]
    : nl
      ? [nl[3], nl[2], nl[1], nl[4], nl[5]]
      : null;
  if (!parts) return NOT_A_DATE_TIME;
  const [year, month, day, hour, minute] = parts.map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  try {
    return amsterdamInstant(
      parseLocalDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`),
      hour,
      minute,
    ).toISOString();
  } catch (err) {
    if (err instanceof DomainError) return NOT_A_DATE_TIME;
    throw err;
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The value of a datetime-local input showing `instant` on Amsterdam clocks: '2026-12-11T17:00'. */
export function dateTimeInputValue(instant: Date): string {
  const { date, hour, minute } = amsterdamParts(instant);
  return `${date}T${pad(hour)}:${pad(minute)}`;
}

/** '' from a select means "none". */
export function optionalId(input: string): string | null {
  return input.trim() === '' ? null : input.trim();
}

/**
 * A field error in its reader's language. English readers read the api's own words (which the
 * catalogue wrote from the same code); others the text of its code (libs/i18n), which every
 * refusal and validation failure of the api's DTOs, services, the domain and the workflows
 * carries.
 */
export function fieldErrorText(
  locale: Locale,
  error: Pick<FieldError, 'message' | 'text'>,
): string {
  if (locale !== 'en' && error.text && isCodedText(error.text)) {
    return renderText(locale, error.text);
  }
  return error.message;
}

/** A refusal (DomainError) as one field error, its code kept: `field` maps the api's field to the form's. */
export function fieldErrorOf(error: DomainError, field = error.field ?? ''): FieldError {
  return { field, message: error.message, ...(error.text ? { text: error.text } : {}) };
}
