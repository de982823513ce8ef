import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type FieldError as DomainFieldError } from '@jaarcyclus/domain';
import type { Response } from 'express';
import type { ErrorResponseDto } from '../common/api-errors';

/**
 * Input with several mistakes at once (a format or a school's figures): a form shows every
 * error next to its field, so the answer lists them all. A DomainError, so that without the
 * filter below it would still be a 422 naming the first field.
 */
export class FieldValidationError extends DomainError {
  constructor(
    message: string,
    readonly errors: DomainFieldError[],
  ) {
    super('VALIDATION', message, errors[0]?.field);
    this.name = 'FieldValidationError';
  }
}

/** 422 with `errors: [{ field, rule, message }]` for every field error. */
@Catch(FieldValidationError)
export class FieldValidationFilter implements ExceptionFilter {
  catch(error: FieldValidationError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body: ErrorResponseDto = {
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
      error: 'Unprocessable Entity',
      message: error.message,
      code: error.code,
      ...(error.field ? { field: error.field } : {}),
      errors: error.errors.map((e) => ({ field: e.field, rule: e.rule, message: e.message })),
    };
    res.status(body.statusCode).json(body);
  }
}
