import { DomainError, type DomainErrorCode } from '@jaarcyclus/domain';
import {
  type Client,
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isCodedText } from '@jaarcyclus/i18n';

const CODES: DomainErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'RULE_VIOLATION'];

/** The server's rejection of an Update no worker processed (`UnprocessedUpdate`). */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';

/**
 * Workflows refuse commands with an ApplicationFailure typed by a domain error code (see
 * libs/workflows refusal.ts). Here that refusal becomes a DomainError, so the one exception
 * filter turns it into 404/409/422 with the workflow's reason and field. Anything else is
 * rethrown unchanged (a 500 for the filter to log).
 */
export function toDomainError(error: unknown, notFoundMessage: string): unknown {
  if (isTemporalUnavailable(error)) {
    return DomainError.of('UNAVAILABLE', undefined, 'refusal.unavailable');
  }
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
  // The server drops an Update that a workflow task completed without processing (the
  // worker was killed or replaced under it: RELIABILITY.md, the SIGKILL scenario). Nothing was
  // applied; the caller may try again: 503, not 500.
  if (failure instanceof ApplicationFailure && failure.type === UNPROCESSED_UPDATE) {
    return DomainError.of('UNAVAILABLE', undefined, 'refusal.unavailable');
  }
  // The same, earlier: the workflow task that was to take the Update failed (its worker was
  // killed), and the server turns the Update away (WorkflowNotReady, FAILED_PRECONDITION).
  if (grpcCodeOf(error) === 9 && TASK_FAILED_UNDER_UPDATE.test(grpcDetailsOf(error))) {
    return DomainError.of('UNAVAILABLE', undefined, 'refusal.unavailable');
  }
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

/**
 * gRPC UNAVAILABLE (Temporal down or unreachable), DEADLINE_EXCEEDED (our deadline hit), and
 * the two ways the server says "not now" to an Update it did not admit: RESOURCE_EXHAUSTED
 * (e.g. the limit of Updates in flight per workflow, reached when a whole ALV votes in the same
 * second) and ABORTED. Nothing was applied in any of them.
 */
const UNAVAILABLE_GRPC_CODES = new Set([14, 4, 8, 10]);
/** Of those, the ones worth trying again at once, within the call's deadline (see retryBusy). */
const BUSY_GRPC_CODES = new Set([8, 10]);

/** The server's message when it turns an Update away because the workflow task failed. */
const TASK_FAILED_UNDER_UPDATE = /update due to unexpected workflow task failure/i;

function grpcOf(error: unknown) {
  const grpc =
    error instanceof ServiceError && isGrpcServiceError(error.cause) ? error.cause : error;
  return isGrpcServiceError(grpc) ? grpc : undefined;
}

function grpcCodeOf(error: unknown): number | undefined {
  return grpcOf(error)?.code;
}

function grpcDetailsOf(error: unknown): string {
  return grpcOf(error)?.details ?? '';
}

/**
 * Runs `fn` again, after a short random pause, while Temporal answers that it is busy (a burst of
 * Updates to one workflow beyond what it admits at once) and `until` (epoch ms) leaves room:
 * a hundred members voting at the same moment all get their vote in, none a 503.
 */
export async function retryBusy<T>(fn: () => Promise<T>, until: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = grpcCodeOf(error);
      const pause = Math.min(1_000, 50 * 2 ** attempt) * (0.5 + Math.random());
      if (code === undefined || !BUSY_GRPC_CODES.has(code) || Date.now() + pause >= until) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * Whether Temporal did not answer: the server is down, unreachable, or did not answer within
 * the call's deadline (TEMPORAL_CALL_DEADLINE_MS). The client wraps the gRPC error in a
 * ServiceError or, for an Update, a WorkflowUpdateRPCTimeoutOrCancelledError.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const code = grpcCodeOf(error);
  return code !== undefined && UNAVAILABLE_GRPC_CODES.has(code);
}

/**
 * How long one Update or Query may take, retries included. A vote is answered within a second
 * or two when everything runs; past this Temporal is taken to be down and the api answers 503.
 */
export const TEMPORAL_CALL_DEADLINE_MS = 10_000;

/**
 * Runs the Temporal calls of `fn` under one deadline and maps their errors like
 * mapWorkflowErrors: a refusal to 404/409/422, Temporal not answering to 503 (UNAVAILABLE).
 */
export function withTemporalDeadline<T>(
  client: Client,
  notFoundMessage: string,
  fn: () => Promise<T>,
  deadlineMs = TEMPORAL_CALL_DEADLINE_MS,
): Promise<T> {
  return mapWorkflowErrors(notFoundMessage, () => {
    // The gRPC deadline ends the calls; the timer also covers the client's own waiting (e.g. for
    // a connection) and cancels what still runs, so the answer never comes later than this.
    const abort = new AbortController();
    const until = Date.now() + deadlineMs;
    const call = client.connection.withAbortSignal(abort.signal, () =>
      client.connection.withDeadline(until, () => retryBusy(fn, until)),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(DomainError.of('UNAVAILABLE', undefined, 'refusal.unavailable'));
      }, deadlineMs);
    });
    call.catch(() => undefined); // a call that loses the race settles later, unobserved
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  });
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
