import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { PayloadKeyRing } from '@jaarcyclus/config';
import { createSmtpTransport, OutboxService } from '@jaarcyclus/mail';
import { UNUSED_DOCUMENT_DAYS, createDataSource, seedDemoData } from '@jaarcyclus/persistence';
import {
  createDevServerEnv,
  createTestDatabase,
  workflowBundle,
  type TestDatabase,
} from '@jaarcyclus/testing';
import { dataConverter } from '@jaarcyclus/temporal';
import { TASK_QUEUES, type HousekeepingResult } from '@jaarcyclus/workflows';
import { createActivities } from '@jaarcyclus/worker/activities';
import {
  HOUSEKEEPING_SCHEDULE_ID,
  ensureHousekeepingSchedule,
} from '@jaarcyclus/worker/housekeeping-schedule';

// The nightly housekeeping as a Temporal Schedule on the real dev server: one schedule however
// many workers ensure it, with the nightly spec, and a triggered run that the worker's
// workflow and activities carry out on PostgreSQL.
jest.setTimeout(60_000);

/** Amsterdam wall-clock time of an instant, read with Intl. */
const amsterdamTime = (d: Date): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('housekeeping schedule (e2e, Temporal dev server)', () => {
  // As the worker does: the schedule's arguments and the runs' data are encrypted.
  const converter = dataConverter(PayloadKeyRing.generate('e2e'));
  let env: TestWorkflowEnvironment;
  let client: Client;

  beforeAll(async () => {
    env = await createDevServerEnv({ dataConverter: converter });
    client = env.client;
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });

  const handle = () => client.schedule.getHandle(HOUSEKEEPING_SCHEDULE_ID);

  it('is created once, with the nightly spec, when two workers start at once and one restarts', async () => {
    const starts = await Promise.all([
      ensureHousekeepingSchedule(client),
      ensureHousekeepingSchedule(client),
    ]);
    expect(starts.sort()).toEqual(['created', 'updated']);
    await expect(ensureHousekeepingSchedule(client)).resolves.toBe('updated');

    const listed = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const s of client.schedule.list()) ids.push(s.scheduleId);
        return ids;
      },
      (ids) => ids.length > 0,
    );
    expect(listed).toEqual([HOUSEKEEPING_SCHEDULE_ID]);

    const described = await handle().describe();
    expect(described.spec.timezone).toBe('Europe/Amsterdam');
    expect(described.spec.calendars).toHaveLength(1);
    expect(described.spec.calendars![0]).toMatchObject({
      hour: [{ start: 3, end: 3, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
      second: [{ start: 0, end: 0, step: 1 }],
      dayOfMonth: [{ start: 1, end: 31, step: 1 }],
    });
    expect(described.policies).toEqual({
      overlap: 'SKIP',
      catchupWindow: 12 * 60 * 60 * 1000,
      pauseOnFailure: false,
    });
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'housekeepingWorkflow',
      taskQueue: TASK_QUEUES.cycles,
      workflowId: HOUSEKEEPING_SCHEDULE_ID,
      workflowExecutionTimeout: 12 * 60 * 60 * 1000,
    });
    expect(described.state.paused).toBe(false);
    // Once a day, at 03:30 Amsterdam time, summer and winter alike.
    const next = described.info.nextActionTimes;
    expect(next.length).toBeGreaterThan(1);
    for (const t of next) expect(amsterdamTime(t)).toBe('03:30');
    const gapHours = (next[1]!.getTime() - next[0]!.getTime()) / 3_600_000;
    expect([23, 24, 25]).toContain(gapHours);
    expect(described.info.numActionsTaken).toBe(0);
  });

  it('brings an older definition up to date on the next start, keeping an operator’s pause', async () => {
    await handle().update((current) => ({
      ...current,
      spec: { calendars: [{ hour: 5 }], timezone: 'UTC' },
      policies: { ...current.policies, overlap: 'ALLOW_ALL' },
    }));
    await handle().pause('paused while we look into something');

    await expect(ensureHousekeepingSchedule(client)).resolves.toBe('updated');
    const described = await handle().describe();
    expect(described.spec.timezone).toBe('Europe/Amsterdam');
    expect(described.spec.calendars![0]).toMatchObject({
      hour: [{ start: 3, end: 3, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
    });
    expect(described.policies.overlap).toBe('SKIP');
    expect(described.state).toMatchObject({
      paused: true,
      note: 'paused while we look into something',
    });
    await handle().unpause('test done');
  });

  describe('a run', () => {
    let db: TestDatabase;
    let ds: DataSource;
    let worker: Worker;
    let running: Promise<void>;

    beforeAll(async () => {
      db = await createTestDatabase();
      ds = await createDataSource(db.url).initialize();
      await seedDemoData(ds);
      // Housekeeping sends no mail; the outbox is there because the worker registers every activity.
      const outbox = new OutboxService(
        ds,
        createSmtpTransport('smtp://127.0.0.1:1'),
        'Jaarcyclus <noreply@jaarcyclus.example>',
      );
      worker = await Worker.create({
        connection: env.nativeConnection,
        namespace: env.namespace ?? 'default',
        taskQueue: TASK_QUEUES.cycles,
        workflowBundle: workflowBundle(),
        dataConverter: converter,
        activities: createActivities({
          dataSource: ds,
          outbox,
          publicUrl: 'http://jaarcyclus.test',
        }),
      });
      running = worker.run();
    }, 60_000);
    afterAll(async () => {
      worker?.shutdown();
      await running;
      await ds?.destroy();
      await db?.drop();
    });

    it('started by the schedule, runs on the worker and removes what is due; listed under the schedule', async () => {
      const [org] = (await ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as {
        id: string;
      }[];
      const content = Buffer.from('%PDF-1.4\n%%EOF\n');
      const [doc] = (await ds.query(
        `INSERT INTO document (organisation_id, filename, content_type, size_bytes, sha256, content, created_at)
         VALUES ($1, 'verlaten.pdf', 'application/pdf', $2, $3, $4, now() - make_interval(days => $5))
         RETURNING id`,
        [
          org!.id,
          content.length,
          createHash('sha256').update(content).digest('hex'),
          content,
          UNUSED_DOCUMENT_DAYS + 1,
        ],
      )) as { id: string }[];

      await handle().trigger();
      const described = await eventually(
        () => handle().describe(),
        (d) => d.info.recentActions.length > 0,
      );
      expect(described.info.recentActions).toHaveLength(1);
      const { workflowId } = described.info.recentActions[0]!.action.workflow;
      expect(workflowId.startsWith(`${HOUSEKEEPING_SCHEDULE_ID}-`)).toBe(true);

      const result = (await client.workflow.getHandle(workflowId).result()) as HousekeepingResult;
      expect(result).toMatchObject({ documents: 1, loginTokens: 0, failed: [] });
      expect(typeof result.sessions).toBe('number');
      const left = (await ds.query(`SELECT count(*)::int AS n FROM document WHERE id = $1`, [
        doc!.id,
      ])) as { n: number }[];
      expect(left[0]!.n).toBe(0);
    });
  });
});
