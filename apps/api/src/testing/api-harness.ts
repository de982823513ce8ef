import type { INestApplication, LoggerService } from '@nestjs/common';
import { createDataSource, seedDemoData } from '@jaarcyclus/persistence';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../app.factory';
import { ApiConfig, type ApiEnvName } from '@jaarcyclus/api/config';
import { PayloadKeyRing } from '@jaarcyclus/config';
import { MailDispatcher } from '@jaarcyclus/api/mail/mail-dispatcher';

/**
 * Test support for the api's integration tests: the real app (Temporal left out) on a seeded
 * test database, mailing to a real SMTP capture server. Kept free of @jaarcyclus/testing
 * imports so the production build does not pull in test tooling; tests pass the capture in.
 */
export interface MailCapture {
  port: number;
  messages: { to: string[]; subject: string; text: string; html: string }[];
  waitFor(
    predicate: (messages: MailCapture['messages']) => boolean,
    timeoutMs?: number,
  ): Promise<unknown>;
}

export interface ApiHarness {
  app: INestApplication;
  ds: DataSource;
  http: () => ReturnType<typeof request>;
  /** Signs in through the emailed link like a person would and returns the session token. */
  signIn(email: string): Promise<string>;
  /** The token of the latest sign-in link mailed to `email`. */
  latestLoginToken(email: string): Promise<string>;
  /** Waits until mail dispatched after responses has been handed to SMTP. */
  mailSettled(): Promise<void>;
  close(): Promise<void>;
}

export async function startApi(
  databaseUrl: string,
  smtp: MailCapture,
  opts: {
    seed?: boolean;
    payloadKeyRing?: PayloadKeyRing;
    temporalUiOrigin?: string;
    /** Further variables (e.g. an https PUBLIC_URL, API_DOCS=off). */
    env?: Partial<Record<ApiEnvName, string>>;
    /** A Temporal client for the api; without one the api runs without Temporal. */
    temporalClient?: Client;
    /** The api's logger (default: errors only, to the console). */
    logger?: LoggerService;
  } = {},
): Promise<ApiHarness> {
  const ds = await createDataSource(databaseUrl).initialize();
  if (opts.seed !== false) await seedDemoData(ds);
  const config = ApiConfig.with({
    DATABASE_URL: databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    PUBLIC_URL: 'http://jaarcyclus.test',
    // The OpenAPI document is served in development and tests (off by default: production).
    API_DOCS: 'on',
    // Tests sign the same demo people in many times from one address; the sign-in rate limits
    // have their own test (libs/api/src/auth/sign-in-abuse.int-spec.ts), which sets its own.
    LOGIN_RATE_PER_IP: '100000',
    LOGIN_RATE_PER_ADDRESS: '100000',
    // A fresh key for the workflow data (the codec endpoint); tests may pass their own ring.
    ...(opts.payloadKeyRing ?? PayloadKeyRing.generate('test')).toEnv(),
    ...(opts.temporalUiOrigin ? { TEMPORAL_UI_ORIGIN: opts.temporalUiOrigin } : {}),
    ...opts.env,
  });
  const app = await createApiApp(config, {
    temporalClient: opts.temporalClient ?? null,
    logger: opts.logger ?? ['error'],
  });
  const http = () => request(app.getHttpServer());

  const latestLoginToken = async (email: string): Promise<string> => {
    const mine = () =>
      smtp.messages.filter((m) => m.to.includes(email.toLowerCase()) && /token=/.test(m.text));
    await app.get(MailDispatcher).settled();
    await smtp.waitFor(() => mine().length > 0, 5_000);
    const text = mine().at(-1)!.text;
    const token = /\/auth\/verify\?token=([A-Za-z0-9_%-]+)/.exec(text)?.[1];
    if (!token) throw new Error(`no sign-in link in mail to ${email}: ${text}`);
    return decodeURIComponent(token);
  };

  return {
    app,
    ds,
    http,
    latestLoginToken,
    async signIn(email) {
      const before = smtp.messages.length;
      await http().post('/api/auth/login').send({ email }).expect(202);
      await app.get(MailDispatcher).settled();
      await smtp.waitFor((m) => m.length > before, 5_000);
      const token = await latestLoginToken(email);
      const res = await http().post('/auth/verify').send({ token }).expect(200);
      return (res.body as { sessionToken: string }).sessionToken;
    },
    mailSettled: () => app.get(MailDispatcher).settled(),
    async close() {
      await app.close();
      await ds.destroy();
    },
  };
}
