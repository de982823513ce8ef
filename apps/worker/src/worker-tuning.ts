import type { WorkerOptions } from '@temporalio/worker';

/**
 * Worker options beyond the SDK defaults, measured with `npm run bench:fanout` (BENCHMARKS.md):
 * the accountability fan-out starts its school workflows with eager start, so the first
 * workflow task of each school comes back with the start call instead of through the task
 * queue — but only while the worker has a free workflow-task slot. With the default 40 slots
 * most starts fell back to the queue (136 of 1,000 eager); with 500 practically all are eager
 * (1,000 of 1,000), which cut the time until 1,000 schools waited for their invitation from
 * about 20 to about 11 seconds. The slots cost no memory by themselves; the workflow cache
 * keeps its heap-based default. Measured and left at the default: a second workflow thread
 * (no difference beyond noise on 2 cores). The fan-out activity's own limit of 200 start
 * calls in flight per worker (MAX_STARTS_IN_FLIGHT) did better than 100 or 400.
 *
 * The e2e and benchmark stack (test/support/stack.ts) uses the same options, so the tests and
 * benchmarks run what production runs.
 */
export const WORKER_TUNING = {
  maxConcurrentWorkflowTaskExecutions: 500,
  maxConcurrentWorkflowTaskPolls: 20,
  /** 10 pollers for new and evicted workflows, 10 for the sticky queue. */
  nonStickyToStickyPollRatio: 0.5,
} as const satisfies Partial<WorkerOptions>;

/**
 * PostgreSQL connections of the worker (node-postgres' default is 10). In business hours the
 * accountability fan-out keeps INVITATION_BATCHES_IN_FLIGHT outbox transactions open while
 * their mails go out over the SMTP pool (SMTP_POOL_CONNECTIONS, default 10), next to the
 * status and task writes of other chunks and the school workflows' own activities. 20 took a
 * 1,000-school fan-out from 0.56 to 0.63 of the raw start rate when every mail had its own
 * transaction (BENCHMARKS.md).
 */
export const WORKER_DATABASE_POOL = { extra: { max: 20 } } as const;
