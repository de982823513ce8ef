import { DomainError } from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/persistence';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '../common/api-errors';
import { translateDatabaseError } from '../common/database-errors';
import { flattenValidationErrors } from '../common/validation';
import { CSRF_FIELD } from './csrf';

/**
 * Form posts are checked with the api's own DTO classes and validation options, so a form and
 * the JSON api refuse the same input with the same messages; the web app only translates them.
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

/** A refusal of a service (DomainError, or the database's constraint) as field errors; else rethrows. */
export function refusalAsFieldErrors(error: unknown): FieldError[] {
  const domain = error instanceof DomainError ? error : translateDatabaseError(error);
  if (!domain || domain.code === 'NOT_FOUND') throw error;
  return [{ field: domain.field ?? '', message: domain.message }];
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

/** '' from a select means "none". */
export function optionalId(input: string): string | null {
  return input.trim() === '' ? null : input.trim();
}

const NL_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/ must be a non-negative integer$/, () => 'Vul een heel getal in van 0 of meer.'],
  [/ must be a positive integer$/, () => 'Vul een heel getal in van 1 of meer.'],
  [/ must not be empty$/, () => 'Vul dit veld in.'],
  [/ must be a string$/, () => 'Vul dit veld in.'],
  [/ must be at most (\d+) characters$/, (m) => `Gebruik hoogstens ${m[1]} tekens.`],
  [/ must be an email address$/, () => 'Vul een geldig e-mailadres in, zoals naam@school.nl.'],
  [/ must be a UUID$/, () => 'Kies een waarde uit de lijst.'],
  [/ does not refer to /, () => 'Kies een waarde uit de lijst.'],
  [/^name already exists$/, () => 'Deze naam is al in gebruik. Kies een andere naam.'],
  [/ already exists$/, () => 'Deze waarde is al in gebruik.'],
  [/ must be one of: /, () => 'Kies een van de mogelijkheden.'],
  [/ is not allowed$/, () => 'Dit veld hoort niet bij dit formulier.'],
];

/**
 * The api's message in the reader's language. English readers get the api's message as it is;
 * Dutch readers a translation, or the api's message when there is none yet (never nothing).
 */
export function localiseFieldMessage(locale: Locale, message: string): string {
  if (locale === 'en') return message;
  for (const [pattern, translate] of NL_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return translate(match);
  }
  return message;
}
