import { DomainError } from '@jaarcyclus/domain';
import { Metadata } from '@grpc/grpc-js';
import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { retryBusy, toDomainError } from './workflow-errors';

describe('toDomainError', () => {
  it('answers an Update the server dropped unprocessed (its worker was killed) with 503, not 500', () => {
    // As the server rejects it (found by test/chaos-worker-kill.e2e-spec.ts; before: a 500).
    const dropped = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({
        type: 'UnprocessedUpdate',
        message: "Workflow Update is rejected because it wasn't processed by worker.",
        nonRetryable: true,
      }),
    );
    const mapped = toDomainError(dropped, 'Cycle not found');
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('keeps a typed refusal a refusal, and leaves an untyped failure alone', () => {
    const refused = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({ type: 'CONFLICT', message: 'Round closed', nonRetryable: true }),
    );
    expect(toDomainError(refused, 'x')).toMatchObject({ code: 'CONFLICT' });
    const other = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({ type: 'TypeError', message: 'boom', nonRetryable: true }),
    );
    expect(toDomainError(other, 'x')).toBe(other);
  });
});

/** A gRPC error as the client receives it, wrapped as the Update call rethrows it. */
function grpcError(code: number, details: string): ServiceError {
  const cause = Object.assign(new Error(`${code} ${details}`), {
    code,
    details,
    metadata: new Metadata(),
  });
  return new ServiceError('Workflow Update failed', { cause });
}

describe('Temporal busy with a burst of Updates', () => {
  it('answers 503, not 500, when the server does not admit an Update (in-flight limit, aborted)', () => {
    for (const code of [8, 10]) {
      const mapped = toDomainError(grpcError(code, 'limit on in-flight updates reached'), 'x');
      expect(mapped).toMatchObject({ code: 'UNAVAILABLE' });
    }
    const other = grpcError(3, 'invalid argument');
    expect(toDomainError(other, 'x')).toBe(other);
  });

  it('answers 503, not 500, when the server turns an Update away because its workflow task failed (a killed worker)', () => {
    const turnedAway = grpcError(
      9,
      'Unable to perform workflow execution update due to unexpected workflow task failure.',
    );
    expect(toDomainError(turnedAway, 'x')).toMatchObject({ code: 'UNAVAILABLE' });
    // Another failed precondition stays what it is (a 500 for the filter to log).
    const other = grpcError(9, 'Namespace is not active');
    expect(toDomainError(other, 'x')).toBe(other);
  });

  it('tries a refused Update again within the deadline, so a vote in a burst still counts', async () => {
    let calls = 0;
    const vote = () =>
      ++calls < 3
        ? Promise.reject(grpcError(8, 'limit on in-flight updates reached'))
        : Promise.resolve('counted');
    await expect(retryBusy(vote, Date.now() + 5_000)).resolves.toBe('counted');
    expect(calls).toBe(3);
  });

  it('gives up at the deadline, and never repeats a call that failed for another reason', async () => {
    let calls = 0;
    const busy = () => {
      calls++;
      return Promise.reject(grpcError(8, 'limit on in-flight updates reached'));
    };
    await expect(retryBusy(busy, Date.now() + 300)).rejects.toBeInstanceOf(ServiceError);
    expect(calls).toBeGreaterThan(1);
    calls = 0;
    const refused = () => {
      calls++;
      return Promise.reject(new Error('round closed'));
    };
    await expect(retryBusy(refused, Date.now() + 5_000)).rejects.toThrow('round closed');
    expect(calls).toBe(1);
  });
});
