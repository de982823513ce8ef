import { applyDecorators, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
  type ValidationError,
} from 'class-validator';
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
      const message =
        constraint === 'whitelistValidation'
          ? `${field} is not allowed`
          : raw.startsWith(error.property) && field !== error.property
            ? field + raw.slice(error.property.length)
            : raw;
      if (!seen.has(message)) {
        seen.add(message);
        out.push({ field, message });
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
    IsInt({ message: '$property must be a non-negative integer' }),
    Min(0, { message: '$property must be a non-negative integer' }),
  );

export const IsPositiveInt = (): PropertyDecorator =>
  applyDecorators(
    IsInt({ message: '$property must be a positive integer' }),
    Min(1, { message: '$property must be a positive integer' }),
  );

/** A trimmed, non-empty name of at most `max` characters. */
export const IsName = (max = 200): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    IsString({ message: '$property must be a string' }),
    IsNotEmpty({ message: '$property must not be empty' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  );
