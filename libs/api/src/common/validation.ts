import { applyDecorators, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  isEmail,
  IsInt,
  IsNotEmpty,
  IsString,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';
import {
  codedText,
  isCodedText,
  renderText,
  type CodedText,
  type TextCode,
  type TextParam,
  type TextParams,
} from '@jaarcyclus/i18n';
import { RequestValidationException, type FieldError } from './api-errors';

/**
 * The one validation pipe of the api: unknown fields are refused (not silently dropped), so a
 * typo in a field name is a 400 rather than a request that quietly does less than intended.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}

/**
 * Constraints (class-validator names) that check what kind of value a field holds. When one of
 * them fails, the field's other constraints (a range, a length) only add noise: "abc" for a
 * year is "must be a whole year", not also "must be 2015 or later" and "2100 or earlier".
 */
const TYPE_CONSTRAINTS = new Set([
  'isInt',
  'isNumber',
  'isString',
  'isBoolean',
  'isArray',
  'isObject',
  'isUuid',
  'isDateString',
  'isIso8601',
  'isDate',
  'isEnum',
  'isIn',
]);

/** The constraints of one field worth reporting: the failed type checks if any, else all. */
function reportedConstraints(constraints: Record<string, string>): [string, string][] {
  const all = Object.entries(constraints);
  const typeErrors = all.filter(([name]) => TYPE_CONSTRAINTS.has(name));
  return typeErrors.length > 0 ? typeErrors : all;
}

/** The parameters a DTO gives a code; `field` is the one the validation fills in. */
type GivenParams<C extends TextCode> =
  TextParams<C> extends undefined ? Record<string, never> : Omit<TextParams<C>, 'field'>;

/**
 * A decorator's options for a message by code (libs/i18n): the JSON api answers with its
 * English text, and the code with its parameters travels on to the edge (a web form), which
 * writes it in the reader's language. `field` is filled in with the input's path.
 */
export function says<C extends TextCode>(
  code: C,
  params?: GivenParams<C>,
  options: ValidationOptions = {},
): ValidationOptions {
  const given = (params ?? {}) as Record<string, TextParam>;
  return {
    ...options,
    message: (args: ValidationArguments) =>
      renderText('en', { code, params: { ...given, field: args.property } }),
    context: { text: { code, params: given } satisfies CodedText },
  };
}

/** The coded text of a failed constraint for the field at `field`, if its decorator gave one. */
function textOf(error: ValidationError, constraint: string, field: string): CodedText | null {
  if (constraint === 'whitelistValidation') return codedText('validation.notAllowed', { field });
  const given = (error.contexts?.[constraint] as { text?: unknown } | undefined)?.text;
  return isCodedText(given) ? { code: given.code, params: { ...given.params, field } } : null;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = !parent
      ? error.property
      : /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
    const seen = new Set<string>();
    for (const [constraint, raw] of reportedConstraints(error.constraints ?? {})) {
      const text = textOf(error, constraint, field);
      // The decorator wrote the English with the property's own name; a nested field is named by
      // its whole path where the text starts with it.
      const message =
        constraint === 'whitelistValidation'
          ? `${field} is not allowed`
          : raw.startsWith(error.property) && field !== error.property
            ? field + raw.slice(error.property.length)
            : raw;
      if (!seen.has(message)) {
        seen.add(message);
        out.push(text ? { field, message, text } : { field, message });
      }
    }
    out.push(...flattenValidationErrors(error.children ?? [], field));
  }
  return out;
}

/** Field may be left out; when present it must not be null (PATCH of a required column). */
export const IsOptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined);

/** Field may be left out or null (e.g. clearing an optional reference). */
export const IsOptionalOrNull = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined && value !== null);

export const IsNonNegativeInt = (): PropertyDecorator =>
  applyDecorators(
    IsInt(says('validation.notNonNegativeInteger')),
    Min(0, says('validation.notNonNegativeInteger')),
  );

export const IsPositiveInt = (): PropertyDecorator =>
  applyDecorators(
    IsInt(says('validation.notPositiveInteger')),
    Min(1, says('validation.notPositiveInteger')),
  );

/** An amount in euro cents of at least `min` (0 or 1): a form asks for it in euros. */
export const IsCents = (min: 0 | 1): PropertyDecorator => {
  const code = min === 0 ? 'validation.amountNegative' : 'validation.amountNotPositive';
  return applyDecorators(IsInt(says(code)), Min(min, says(code)));
};

/** A trimmed, non-empty name of at most `max` characters. */
export const IsName = (max = 200): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    IsString(says('validation.notAString')),
    IsNotEmpty(says('validation.empty')),
    MaxLength(max, says('validation.tooLong', { max })),
  );

/**
 * An e-mail address. class-validator's @IsEmail throws (a URIError, so a 500) on a string that is
 * not well-formed UTF-16, such as a lone surrogate: such a string is simply not an address.
 */
export const IsEmailAddress = (): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'string') return false;
          try {
            return isEmail(value);
          } catch {
            return false;
          }
        },
      },
    },
    says('validation.notEmail'),
  );
