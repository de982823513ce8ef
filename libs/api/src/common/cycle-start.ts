import type { Client } from '@temporalio/client';
import type { CycleRow, Repositories } from '@jaarcyclus/persistence';
import { TASK_QUEUES } from '@jaarcyclus/workflows';

/**
 * Claims a cycle's row and starts its workflow in one transaction: true when this call started
 * it, false when another did (the row was claimed already, or Temporal still runs the workflow
 * whose row was lost: the row is kept). Any other failure rolls the claim back.
 */
export function claimAndStartCycle(
  repos: Repositories,
  client: Client,
  cycle: {
    row: CycleRow;
    workflowType: string;
    args: unknown[];
    /** A failed, terminated or timed-out run is followed under the same id (its row released first). */
    restartFailed?: boolean;
  },
): Promise<boolean> {
  const { row } = cycle;
  return repos.transaction(async (tx) => {
    // The worker keeps this read model current; claiming it here also lets the list show the
    // cycle at once, even before the worker picked up its first task.
    if (cycle.restartFailed) await tx.cycles.releaseFailed(row.organisationId, row.workflowId);
    const claimed = await tx.cycles.claim(row);
    if (!claimed) return false;
    try {
      await client.workflow.start(cycle.workflowType, {
        taskQueue: TASK_QUEUES.cycles,
        workflowId: row.workflowId,
        args: cycle.args,
        // Only a failed, terminated or timed-out run may be followed under the same id.
        workflowIdReusePolicy: cycle.restartFailed
          ? 'ALLOW_DUPLICATE_FAILED_ONLY'
          : 'REJECT_DUPLICATE',
      });
    } catch (error) {
      // Temporal still runs it (its row was lost): keep the row; anything else rolls back.
      if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
      return false;
    }
    return true;
  });
}
