import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { PERSONAL_DATA_KEY_VARIABLES, PayloadKeyRing } from '@jaarcyclus/config';
import { createSmtpTransport, OutboxService } from '@jaarcyclus/mail';
import { createDataSource, seedDemoData } from '@jaarcyclus/persistence';
import { dataConverter } from '@jaarcyclus/temporal';
import {
  createTestDatabase,
  createTimeSkippingEnv,
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
import { WORKER_TUNING } from '@jaarcyclus/worker/worker-tuning';

export const MAIL_FROM = 'Jaarcyclus <noreply@jaarcyclus.example>';
export const PUBLIC_URL = 'http://jaarcyclus.test';

/**
 * The whole service on Temporal's time-skipping test server, for end-to-end tests whose
 * workflow time is moved with `env.sleep`: a test database with the demo data, a real SMTP
 * server (`SmtpCapture`), the real api (its Temporal client is the env's) and a real worker with
 * every activity, both with fresh payload keys. Compare `startStack` (stack.ts), which runs on
 * the dev server in real time.
 */
export interface TimeSkippingStack {
  smtp: SmtpCapture;
  db: TestDatabase;
  ds: DataSource;
  env: TestWorkflowEnvironment;
  api: INestApplication;
  baseUrl: string;
  /** fetch against the api as the holder of `token`; the body parsed as JSON (null if empty). */
  call(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of many shapes
  /** A session for the person, written straight into the database: its bearer token. */
  sessionFor(personId: string): Promise<string>;
  close(): Promise<void>;
}

/** `name` labels the payload keys (e.g. the test's subject). */
export async function startTimeSkippingStack(name: string): Promise<TimeSkippingStack> {
  const smtp = await new SmtpCapture().start();
  const db = await createTestDatabase();
  const ds = await createDataSource(db.url).initialize();
  await seedDemoData(ds);
  const keys = PayloadKeyRing.generate(name);
  const converter = dataConverter(keys);
  const env = await createTimeSkippingEnv({ dataConverter: converter });
  const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
  const api = await createApiApp(
    ApiConfig.with({
      DATABASE_URL: db.url,
      SMTP_URL: smtpUrl,
      PUBLIC_URL,
      ...keys.toEnv(),
      ...PayloadKeyRing.generate(`${name}-pd`).toEnvAs(PERSONAL_DATA_KEY_VARIABLES),
    }),
    { temporalClient: env.client, logger: ['error'] },
  );
  await api.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TASK_QUEUES.cycles,
    workflowBundle: workflowBundle(),
    dataConverter: converter,
    activities: createActivities({
      dataSource: ds,
      outbox: new OutboxService(ds, createSmtpTransport(smtpUrl, { pool: true }), MAIL_FROM),
      publicUrl: PUBLIC_URL,
    }),
    ...WORKER_TUNING,
  });
  const running = worker.run();

  return {
    smtp,
    db,
    ds,
    env,
    api,
    baseUrl,
    async call(method, path, token, body) {
      const res = await fetch(baseUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async sessionFor(personId) {
      const token = randomBytes(32).toString('base64url');
      await ds.query(
        `INSERT INTO session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '400 days')`,
        [personId, createHash('sha256').update(token).digest('hex')],
      );
      return token;
    },
    async close() {
      worker.shutdown();
      await running;
      await api.close();
      await env.teardown();
      await ds.destroy();
      await db.drop();
      await smtp.stop();
    },
  };
}
