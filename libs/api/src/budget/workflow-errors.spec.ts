import { DomainError } from '@jaarcyclus/domain';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { toDomainError } from './workflow-errors';

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
