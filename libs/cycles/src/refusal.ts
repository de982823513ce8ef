import { ApplicationFailure } from '@temporalio/activity';
import { isDomainError, type DomainErrorCode } from '@jaarcyclus/domain';

/** A business refusal: non-retryable, typed by the domain error code (the api maps it to HTTP). */
export function refuse(code: DomainErrorCode, message: string): never {
  throw ApplicationFailure.nonRetryable(message, code);
}

/** Domain errors from pure code are business refusals: not worth a retry. */
export function asRefusal<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isDomainError(err)) refuse(err.code, err.message);
    throw err;
  }
}
