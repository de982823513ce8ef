import { DomainError, type DomainErrorCode } from '@jaarcyclus/domain';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isCodedText } from '@jaarcyclus/i18n';

const CODES: DomainErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION'];

/**
 * Workflows refuse commands with an ApplicationFailure typed by a domain error code (see
 * libs/workflows refusal.ts). Here that refusal becomes a DomainError, so the one exception
 * filter turns it into 404/409/422 with the workflow's reason and field. Anything else is
 * rethrown unchanged (a 500 for the filter to log).
 */
export function toDomainError(error: unknown, notFoundMessage: string): unknown {
  if (error instanceof WorkflowNotFoundError) return new DomainError('NOT_FOUND', notFoundMessage);
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return DomainError.of('CONFLICT', undefined, 'refusal.cycleExists');
  }
  const failure =
    error instanceof WorkflowUpdateFailedError
      ? error.cause
      : error instanceof ApplicationFailure
        ? error
        : null;
  if (
    failure instanceof ApplicationFailure &&
    failure.type &&
    (CODES as string[]).includes(failure.type)
  ) {
    const details = (failure.details?.[0] ?? {}) as {
      field?: string;
      reason?: string;
      text?: unknown;
    };
    const err = new DomainError(
      failure.type as DomainErrorCode,
      failure.message,
      details.field,
      isCodedText(details.text) ? details.text : undefined,
    );
    return Object.assign(err, { reason: details.reason });
  }
  // A query or update against a workflow that has completed and no longer accepts updates.
  if (error instanceof Error && /workflow execution already completed/i.test(error.message)) {
    return DomainError.of('CONFLICT', undefined, 'refusal.cycleFinished');
  }
  return error;
}

export async function mapWorkflowErrors<T>(
  notFoundMessage: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toDomainError(error, notFoundMessage);
  }
}
