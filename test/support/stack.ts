import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import {
  type SchoolRegion,
  addBusinessDays,
  amsterdamDate,
  amsterdamInstant,
  amsterdamParts,
  isBusinessDay,
} from '@jaarcyclus/domain';
import { createDataSource, seedDemoData } from '@jaarcyclus/persistence';
import { createSmtpTransport, OutboxService } from '@jaarcyclus/mail';
import { PERSONAL_DATA_KEY_VARIABLES, PayloadKeyRing } from '@jaarcyclus/config';
import {
  bundleWorkflows,
  dataConverter,
  tracingClientInterceptors,
  tracingWorkerOptions,
  type Tracing,
} from '@jaarcyclus/temporal';
import { Client } from '@temporalio/client';
import {
  createDevServerEnv,
  createTestDatabase,
  SmtpCapture,
  workflowBundle,
  type TestDatabase,
} from '@jaarcyclus/testing';
import { TASK_QUEUES } from '@jaarcyclus/workflows';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createApiApp } from '@jaarcyclus/api-app/app.factory';
import { ApiConfig } from '@jaarcyclus/api/config';
import { createActivities } from '@jaarcyclus/worker/activities';
import { WORKER_DATABASE_POOL, WORKER_TUNING } from '@jaarcyclus/worker/worker-tuning';

const MAIL_FROM = 'Jaarcyclus <noreply@jaarcyclus.example>';

/**
 * The whole service for end-to-end tests, every part real: the Temporal CLI dev server, a
 * PostgreSQL database built by the migrations and seeded with the demo SWVs, an SMTP server that
 * parses what it receives, the NestJS api listening on a free port, and a worker with the real
 * activities. Nothing at the boundary is mocked.
 */
export interface Stack {
  env: TestWorkflowEnvironment;
  /** The keys the api, the worker and `env.client` encrypt workflow data with (fresh per stack). */
  payloadKeyRing: PayloadKeyRing;
  db: TestDatabase;
  ds: DataSource;
  smtp: SmtpCapture;
  api: INestApplication;
  baseUrl: string;
  /** fetch against the api with an optional session token. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown },
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of many shapes;
  /** Signs in like a person: asks for a link, reads it from the delivered mail, POSTs the token. */
  signIn(email: string): Promise<string>;
  /** Stops the worker (as a crash or a deploy would); the api keeps running. */
  stopWorker(): Promise<void>;
  /** Starts a fresh worker on the same task queue: the cycles resume from their histories. */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  /**
   * The accountability fan-out's clock, for bench:fanout's business-hours round on a day or at
   * an hour without business hours: whether the fan-out invites, and the start delays.
   */
  fanOutClock?: () => number;
  /**
   * The worker's clock (ActivityDeps.now) for what is decided when a flow starts: the moment a
   * published visit counts as planned, when a budget round may send its invitations, whether
   * the accountability fan-out invites. Default: `lastBusinessMomentClock()`, so that every
   * end-to-end test reads its invitations back from SMTP at any hour of the day (a round
   * opened at 19:00 would otherwise wait until 08:00); `Date.now` for the real clock.
   */
  workerClock?: () => number;
  /**
   * The SMTP server the api and the worker send to, instead of the in-process capture
   * (`stack.smtp` then receives nothing): bench:fanout runs its sink in a process of its own,
   * as a real SMTP server would be, so that parsing the mails does not take this process's CPU.
   */
  smtpUrl?: string;
  /**
   * Traces on (libs/temporal tracing.ts), into this tracer provider: the api's Client carries
   * them into Temporal, and the worker runs a bundle with the tracing workflow interceptors.
   */
  tracing?: Tracing;
  /**
   * 'none': no worker in this process (the fault-injection suite runs it as an OS process of
   * its own, test/support/chaos.ts); `stopWorker`/`startWorker` then do nothing.
   */
  worker?: 'in-process' | 'none';
}

/**
 * A worker clock (StackOptions.workerClock) that runs from the last business moment at or before
 * now (Amsterdam, the region's school holidays counted): now in business hours, else 10:00 on
 * the business day before (or today, after 18:00 on a business day). Flows planned by it send
 * their due invitations at once, whatever the hour the test runs.
 */
export function lastBusinessMomentClock(region: SchoolRegion = 'noord'): () => number {
  const now = new Date();
  const today = amsterdamDate(now);
  const { hour } = amsterdamParts(now);
  const open = isBusinessDay(today, { region });
  const last =
    open && hour >= 8 && hour < 18
      ? now.getTime()
      : amsterdamInstant(
          open && hour >= 18 ? today : addBusinessDays(today, -1, { region }),
          10,
        ).getTime();
  const shiftMs = now.getTime() - last;
  return () => Date.now() - shiftMs;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const workerClock = options.workerClock ?? lastBusinessMomentClock();
  const smtp = await new SmtpCapture().start();
  const db = await createTestDatabase();
  // The api and the worker share this pool here: the worker's connections plus ten.
  const ds = await createDataSource(db.url, {
    extra: { max: WORKER_DATABASE_POOL.extra.max + 10 },
  }).initialize();
  await seedDemoData(ds);
  // As in production, every Client and Worker encrypts workflow data, with a fresh key here.
  const payloadKeyRing = PayloadKeyRing.generate('e2e');
  const converter = dataConverter(payloadKeyRing);
  const env = await createDevServerEnv({ dataConverter: converter });

  const smtpUrl = options.smtpUrl ?? `smtp://127.0.0.1:${smtp.port}`;
  // PUBLIC_URL is fixed before the port is known; links in mails are only read, not opened.
  // The e2e tests sign the same demo people in many times within minutes; the default limit on
  // sign-in links (5 per 15 minutes) has its own test in libs/api/src/auth/auth.int-spec.ts.
  const config = ApiConfig.with({
    DATABASE_URL: db.url,
    SMTP_URL: smtpUrl,
    PUBLIC_URL: 'http://jaarcyclus.test',
    LOGIN_LINKS_PER_PERSON: '1000',
    LOGIN_RATE_PER_IP: '100000',
    LOGIN_RATE_PER_ADDRESS: '100000',
    ...payloadKeyRing.toEnv(),
    // The keys of pupil data at rest (schakeltrajecten): the api's only, a ring of their own.
    ...PayloadKeyRing.generate('e2e-pd').toEnvAs(PERSONAL_DATA_KEY_VARIABLES),
  });
  const { tracing } = options;
  const apiClient = tracing
    ? new Client({
        connection: env.connection,
        namespace: env.namespace ?? 'default',
        dataConverter: converter,
        interceptors: tracingClientInterceptors(),
      })
    : env.client;
  const bundle = tracing
    ? { code: (await bundleWorkflows({ tracing: true })).code }
    : workflowBundle();
  const api = await createApiApp(config, { temporalClient: apiClient, logger: ['error'] });
  await api.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;

  // As the worker process sends: a pooled transport.
  const outbox = new OutboxService(ds, createSmtpTransport(smtpUrl, { pool: true }), MAIL_FROM);
  const launchWorker = async (): Promise<{ worker: Worker; running: Promise<void> }> => {
    const w = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue: TASK_QUEUES.cycles,
      workflowBundle: bundle,
      dataConverter: converter,
      activities: createActivities({
        dataSource: ds,
        outbox,
        publicUrl: 'http://jaarcyclus.test',
        now: options.fanOutClock ?? workerClock,
      }),
      ...WORKER_TUNING,
      // As the worker's WORKER_MAX_CACHED_WORKFLOWS: a bench can size the cache as production does.
      ...(process.env.WORKER_MAX_CACHED_WORKFLOWS
        ? { maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS) }
        : {}),
      ...(tracing ? tracingWorkerOptions(tracing) : {}),
    });
    return { worker: w, running: w.run() };
  };
  const inProcess = options.worker !== 'none';
  let current: { worker: Worker; running: Promise<void> } | null = inProcess
    ? await launchWorker()
    : null;
  const stopWorker = async (): Promise<void> => {
    if (!current) return;
    current.worker.shutdown();
    await current.running;
    current = null;
  };

  const call: Stack['call'] = async (method, path, opts = {}) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // HTML pages stay text
    }
    return { status: res.status, body };
  };

  const signIn = async (email: string): Promise<string> => {
    // Only sign-in mails count: the same person may get cycle mails (invitations, reminders) meanwhile.
    const before = smtp.signInLinks(email).length;
    const asked = await call('POST', '/api/auth/login', { body: { email } });
    if (asked.status !== 202) throw new Error(`login for ${email} answered ${asked.status}`);
    await smtp.waitFor(() => smtp.signInLinks(email).length > before);
    const link = smtp.signInLinks(email).at(-1)!;
    const token = decodeURIComponent(new URL(link).searchParams.get('token')!);
    const verified = await call('POST', '/auth/verify', { body: { token } });
    if (verified.status !== 200) throw new Error(`verify for ${email} answered ${verified.status}`);
    return (verified.body as { sessionToken: string }).sessionToken;
  };

  return {
    env,
    payloadKeyRing,
    db,
    ds,
    smtp,
    api,
    baseUrl,
    call,
    signIn,
    stopWorker,
    async startWorker() {
      if (!current && inProcess) current = await launchWorker();
    },
    async close() {
      await stopWorker();
      await api.close();
      await env.teardown();
      await ds.destroy();
      await db.drop();
      await smtp.stop();
    },
  };
}
