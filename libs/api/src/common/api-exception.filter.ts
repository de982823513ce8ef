import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { DomainError, type DomainErrorCode } from '@jaarcyclus/domain';
import type { Response } from 'express';
import type { ErrorResponseDto } from './api-errors';
import { translateDatabaseError } from './database-errors';
import { TemporalUnavailableError } from '../temporal/temporal-client.holder';

const DOMAIN_STATUS: Record<DomainErrorCode, HttpStatus> = {
  VALIDATION: HttpStatus.UNPROCESSABLE_ENTITY,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  RULE_VIOLATION: HttpStatus.UNPROCESSABLE_ENTITY,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Seconds a client should wait before trying again after a 503 (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 30;

const REASON: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The one place where errors become HTTP responses: services throw DomainError (or let the
 * database refuse), and only this filter knows about status codes. Unknown errors are logged
 * with their stack here and answered with a bare 500, so internals never reach a client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503) {
      // Temporal or the database is down: expected while it restarts, so no stack trace.
      if (!(exception instanceof TemporalUnavailableError)) {
        this.logger.warn(
          `503: ${exception instanceof Error ? exception.message : String(exception)}`,
        );
      }
    } else if (body.statusCode >= 500) {
      this.logger.error(
        exception instanceof Error
          ? `${exception.stack ?? exception.message}${causesOf(exception)}`
          : String(exception),
      );
    }
    if (res.headersSent) return;
    if (body.statusCode === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorResponseDto {
    const domain = exception instanceof DomainError ? exception : translateDatabaseError(exception);
    if (domain) {
      const statusCode = DOMAIN_STATUS[domain.code];
      return {
        statusCode,
        error: REASON[statusCode] ?? 'Error',
        message: domain.message,
        code: domain.code,
        ...(domain.field
          ? { field: domain.field, errors: [{ field: domain.field, message: domain.message }] }
          : {}),
      };
    }
    if (exception instanceof TemporalUnavailableError) {
      return { statusCode: 503, error: REASON[503]!, message: exception.message };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'message' in response) {
        const r = response as Record<string, unknown>;
        return {
          ...r,
          statusCode,
          error: typeof r.error === 'string' ? r.error : (REASON[statusCode] ?? 'Error'),
          message: Array.isArray(r.message) ? r.message.join('; ') : String(r.message),
        } as ErrorResponseDto;
      }
      return {
        statusCode,
        error: REASON[statusCode] ?? 'Error',
        message: typeof response === 'string' ? response : exception.message,
      };
    }
    // Express body-parser errors other than malformed JSON (which Nest maps to a 400), e.g. 413.
    const status = (exception as { status?: unknown; expose?: unknown } | null)?.status;
    if (
      typeof status === 'number' &&
      status >= 400 &&
      status < 500 &&
      (exception as { expose?: unknown }).expose === true
    ) {
      return {
        statusCode: status,
        error: REASON[status] ?? 'Bad Request',
        message: (exception as Error).message,
      };
    }
    return { statusCode: 500, error: REASON[500]!, message: 'Internal error' };
  }
}

/**
 * The messages of an error's causes, for the log of a 500: the Temporal client wraps the
 * server's answer (gRPC code and message) in a ServiceError whose own message says only
 * "Workflow Update failed".
 */
function causesOf(error: Error): string {
  let text = '';
  let cause: unknown = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 3; depth++) {
    text += `\ncaused by: ${cause.message}`;
    cause = cause.cause;
  }
  return text;
}
