/**
 * The Temporal Schedule `housekeeping`: starts housekeepingWorkflow once a night, so there is
 * one run per night however many api and worker processes there are (a Schedule id is unique
 * in its namespace), and each run shows in the Temporal UI under Schedules with what it removed.
 *
 * Ensured by the worker at start-up, not by the api:
 * - The worker is the process that runs what the Schedule starts (the workflow from its bundle,
 *   the activities with their database pool); a deploy that changes the workflow or the
 *   definition below brings both with the same code, and a worker that could not load its
 *   workflows never gets to (re)define the Schedule.
 * - The worker cannot start without Temporal (it fails fast when unreachable), while the api
 *   connects in the background and serves without it: the api would need a retry loop to
 *   create the Schedule once Temporal came up.
 * - The api has no part in housekeeping any more; it only serves requests.
 * Every worker does it at every start: the first creates the Schedule, the others (and every
 * restart) get "already exists" and update it to this definition, keeping its state (paused
 * by an operator stays paused, with their note). Two workers starting at once: one create
 * wins, the other updates, to the same definition.
 */
import { type Client, ScheduleAlreadyRunning, type ScheduleOptions } from '@temporalio/client';
import { TASK_QUEUES } from '@jaarcyclus/workflows';

export const HOUSEKEEPING_SCHEDULE_ID = 'housekeeping';

/** Name under which the worker registers the workflow (the exported function's name). */
export const HOUSEKEEPING_WORKFLOW_TYPE = 'housekeepingWorkflow';

/** What the worker writes into the Schedule's definition, on create and on every update. */
export type HousekeepingScheduleDefinition = Pick<ScheduleOptions, 'spec' | 'action' | 'policies'>;

export function housekeepingScheduleDefinition(): HousekeepingScheduleDefinition {
  return {
    spec: {
      // 03:30 Amsterdam time: nobody works then, and it is outside 02:00–03:00, the hour that
      // does not exist in March and comes twice in October (the Schedule matches wall-clock
      // times in its time zone literally).
      calendars: [{ hour: 3, minute: 30, comment: 'every night at 03:30 Europe/Amsterdam' }],
      timezone: 'Europe/Amsterdam',
    },
    action: {
      type: 'startWorkflow',
      workflowType: HOUSEKEEPING_WORKFLOW_TYPE,
      args: [],
      taskQueue: TASK_QUEUES.cycles,
      // Temporal appends the scheduled time: housekeeping-2027-01-05T02:30:00Z.
      workflowId: HOUSEKEEPING_SCHEDULE_ID,
      // A run stuck (e.g. no worker all day) ends before the next night, so SKIP below never
      // skips a night because of it. A run normally takes seconds.
      workflowExecutionTimeout: '12 hours',
    },
    policies: {
      // Never two runs at once: a night's run still going skips a manual trigger, not the reverse.
      overlap: 'SKIP',
      // Temporal down at 03:30: the run is made up when it is back within the same half day;
      // after longer, the next night's run removes everything due anyway.
      catchupWindow: '12 hours',
      // A failed run (rare: failing steps end in the result, not in a failure) must not stop
      // the following nights.
      pauseOnFailure: false,
    },
  };
}

/**
 * Creates the Schedule, or brings an existing one up to this definition; idempotent. Returns
 * which of the two it did.
 */
export async function ensureHousekeepingSchedule(client: Client): Promise<'created' | 'updated'> {
  const definition = housekeepingScheduleDefinition();
  try {
    await client.schedule.create({
      scheduleId: HOUSEKEEPING_SCHEDULE_ID,
      ...definition,
      state: {
        note: 'Created by the worker at start-up (apps/worker/src/housekeeping-schedule.ts)',
      },
    });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  await client.schedule
    .getHandle(HOUSEKEEPING_SCHEDULE_ID)
    .update((current) => ({ ...definition, state: current.state }));
  return 'updated';
}
