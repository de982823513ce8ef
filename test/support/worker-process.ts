/**
 * The worker as an OS process of its own, for the fault-injection suite (test/chaos-*.e2e-spec.ts):
 * what apps/worker/src/main.ts runs (its configuration from the environment, the real
 * activities, a pooled SMTP transport, the prebuilt workflow bundle, WORKER_TUNING), without the
 * metrics, tracing and housekeeping schedule, and with one test hook: CHAOS_FAN_OUT_CLOCK_OFFSET_MS
 * shifts the worker's clock (ActivityDeps.now: the accountability fan-out, a budget round's
 * opening) so that invitations go out at once whatever the hour the suite runs at. Prints `worker ready` once it polls.
 *
 * The suite kills it with SIGKILL: no graceful shutdown, in-flight activities are lost mid-way.
 */
import 'reflect-metadata';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createDataSource } from '@jaarcyclus/persistence';
import { OutboxService, createSmtpTransport } from '@jaarcyclus/mail';
import { dataConverter } from '@jaarcyclus/temporal';
import { TASK_QUEUES } from '@jaarcyclus/workflows';
import { createActivities } from '@jaarcyclus/worker/activities';
import { WorkerConfig } from '@jaarcyclus/worker/config';
import { WORKER_DATABASE_POOL, WORKER_TUNING } from '@jaarcyclus/worker/worker-tuning';

async function main(): Promise<void> {
  const config = WorkerConfig.fromEnv();
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: ['SIGINT', 'SIGTERM'] });
  const offset = Number(process.env.CHAOS_FAN_OUT_CLOCK_OFFSET_MS ?? 0);
  const dataSource = await createDataSource(config.databaseUrl, WORKER_DATABASE_POOL).initialize();
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const transport = createSmtpTransport(config.smtpUrl, {
    pool: true,
    maxConnections: config.smtpPoolConnections,
  });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: TASK_QUEUES.cycles,
    workflowBundle: { codePath: config.workflowBundlePath! },
    dataConverter: dataConverter(config.payloadKeyRing),
    activities: createActivities({
      dataSource,
      outbox: new OutboxService(dataSource, transport, config.mailFrom),
      publicUrl: config.publicUrl,
      ...(offset ? { now: () => Date.now() + offset } : {}),
    }),
    shutdownGraceTime: '2 seconds',
    ...WORKER_TUNING,
  });
  console.log('worker ready');
  try {
    await worker.run();
  } finally {
    transport.close();
    await connection.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  console.error('[chaos worker] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
