/**
 * The worker process: runs the cycles' workflows and activities on TASK_QUEUES.cycles.
 *
 * Start-up fails fast with one line naming the problem (bad configuration, PostgreSQL or
 * Temporal unreachable after a short retry), so a supervisor or `npm start` shows why. SIGINT
 * and SIGTERM shut the worker down gracefully: no new tasks are polled, running activities get
 * `shutdownGraceTime` to finish, then the connections are closed.
 */
import 'reflect-metadata';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { logLine } from '@jaarcyclus/config';
import { createDataSource } from '@jaarcyclus/persistence';
import { type MailTransport, OutboxService, createSmtpTransport } from '@jaarcyclus/mail';
import {
  bundleWorkflows,
  dataConverter,
  tracingFromEnv,
  tracingWorkerOptions,
} from '@jaarcyclus/temporal';
import { TASK_QUEUES } from '@jaarcyclus/workflows';
import { createActivities } from './activities';
import { ConfigError, WorkerConfig } from './config';
import { ensureHousekeepingSchedule } from './housekeeping-schedule';
import { startMetricsServer, type MetricsServer } from './metrics-server';
import { WORKER_DATABASE_POOL, WORKER_TUNING } from './worker-tuning';

const ATTEMPTS = 5;
const RETRY_DELAY_MS = 2_000;

const log = (line: string): void => console.log(`[worker] ${line}`);

class StartupError extends Error {}

/** Tries `connect` a few times (services starting side by side), then gives up with one line. */
async function withRetry<T>(what: string, connect: () => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await connect();
    } catch (err) {
      lastError = err;
      if (attempt < ATTEMPTS) await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    }
  }
  const reason = lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError);
  throw new StartupError(`${what} is not reachable after ${ATTEMPTS} attempts: ${reason}`);
}

/**
 * The worker's and its activities' log: JSON lines at WARN and above, e-mail addresses, tokens
 * and the values of personal keys removed (@jaarcyclus/config redactValue): no personal data.
 */
function workerLogger(): DefaultLogger {
  return new DefaultLogger('WARN', (entry) => {
    const level = entry.level === 'WARN' ? 'warn' : entry.level === 'ERROR' ? 'error' : 'info';
    process.stdout.write(`${logLine('worker', level, entry.message, undefined, entry.meta)}\n`);
  });
}

async function main(): Promise<void> {
  const config = WorkerConfig.fromEnv();
  Runtime.install({
    logger: workerLogger(),
    shutdownSignals: ['SIGINT', 'SIGTERM'],
    // The SDK's own worker metrics (schedule-to-start latency, task slots …) on a loopback
    // address, passed on by this worker's /metrics behind METRICS_TOKEN (metrics-server.ts).
    ...(config.metrics
      ? {
          telemetryOptions: {
            metrics: {
              prometheus: { bindAddress: config.metrics.sdkAddress, useSecondsForDurations: true },
            },
          },
        }
      : {}),
  });
  let metricsServer: MetricsServer | null = null;
  if (config.metrics) {
    const { port, host, token, sdkAddress } = config.metrics;
    metricsServer = await startMetricsServer({ port, host, token, sdkMetricsAddress: sdkAddress });
    log(`metrics on ${host}:${metricsServer.port}/metrics (Temporal SDK's from ${sdkAddress})`);
  }

  // Traces only with OTEL_EXPORTER_OTLP_ENDPOINT (libs/temporal tracing.ts).
  const tracing = tracingFromEnv('jaarcyclus-worker', process.env);

  const dataSource = await withRetry('PostgreSQL (DATABASE_URL)', () =>
    createDataSource(config.databaseUrl, WORKER_DATABASE_POOL).initialize(),
  );
  let connection: NativeConnection | undefined;
  let transport: MailTransport | undefined;
  try {
    connection = await withRetry(`Temporal at ${config.temporalAddress} (TEMPORAL_ADDRESS)`, () =>
      NativeConnection.connect({ address: config.temporalAddress }),
    );
    // With traces on, the workflows are bundled with the tracing interceptors at start-up (the
    // prebuilt bundle has none).
    const workflowBundle =
      config.workflowBundlePath && !tracing
        ? { codePath: config.workflowBundlePath }
        : await bundleWorkflows({ tracing: tracing !== null });
    transport = createSmtpTransport(config.smtpUrl, {
      pool: true,
      maxConnections: config.smtpPoolConnections,
    });
    const outbox = new OutboxService(dataSource, transport, config.mailFrom);
    // Workflow data is encrypted with the configured keys, here and in every other Client.
    const converter = dataConverter(config.payloadKeyRing);
    const worker = await Worker.create({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: TASK_QUEUES.cycles,
      workflowBundle,
      dataConverter: converter,
      activities: createActivities({
        dataSource,
        outbox,
        publicUrl: config.publicUrl,
        outboxSentBodyHours: config.outboxSentBodyHours,
      }),
      shutdownGraceTime: '20 seconds',
      ...WORKER_TUNING,
      ...(config.maxCachedWorkflows !== null
        ? { maxCachedWorkflows: config.maxCachedWorkflows }
        : {}),
      ...(tracing ? tracingWorkerOptions(tracing) : {}),
    });
    // The nightly housekeeping (see housekeeping-schedule.ts for why the worker ensures it).
    // Not ensured is logged, not fatal: the cycles matter more, and the next start tries again.
    const schedule = await ensureHousekeepingSchedule(
      new Client({ connection, namespace: config.temporalNamespace, dataConverter: converter }),
    ).catch((err: unknown) => `not ensured: ${err instanceof Error ? err.message : String(err)}`);
    log(`housekeeping schedule ${schedule}`);
    log(
      `polling ${TASK_QUEUES.cycles} on ${config.temporalAddress} (namespace ${config.temporalNamespace}); workflows from ${config.workflowBundlePath && !tracing ? config.workflowBundlePath : 'a fresh bundle'}; traces ${tracing ? 'on' : 'off'}; payloads encrypted with key ${config.payloadKeyRing.currentKeyId}`,
    );
    // Resolves after a shutdown signal, once in-flight tasks are done.
    await worker.run();
    log('stopped');
  } finally {
    await metricsServer?.close();
    await tracing?.shutdown().catch(() => undefined);
    transport?.close();
    await connection?.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError) {
    console.error(`[worker] ${err.message}`);
  } else {
    console.error('[worker] failed:', err);
  }
  process.exit(1);
});
