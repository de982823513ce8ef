import net from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createDataSource, seedDemoData } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
// The e2e tier boots the real api in-process; the api app has no path alias to import it by.
import { createApiApp } from '@jaarcyclus/api-app/app.factory';
import { ApiConfig } from '@jaarcyclus/api/config';
import { PayloadKeyRing } from '@jaarcyclus/config';
// Kept out of @jaarcyclus/testing's index so database tests do not load playwright.
import * as browserTools from '@jaarcyclus/testing/browser';

export const { axeViolations, hasHorizontalScroll, screenshot } = browserTools;
const { launchBrowser } = browserTools;

/**
 * The web app end to end: the real api listening on an ephemeral port, on its own seeded
 * PostgreSQL database, mailing to a real SMTP capture server, driven by a real Chromium.
 * Temporal is left out: phase-1 pages only read tasks (the budget cycle writes them).
 */
export interface WebHarness {
  baseUrl: string;
  ds: DataSource;
  smtp: SmtpCapture;
  browser: Browser;
  /** The sign-in link of the latest mail to `email` (waits for it). */
  latestSignInLink(email: string, after?: number): Promise<string>;
  /** A session for `email`, signed in through the emailed link via the JSON api. */
  sessionToken(email: string): Promise<string>;
  /** A browser context already signed in as `email`. */
  signedInContext(
    email: string,
    opts?: { width?: number; height?: number },
  ): Promise<BrowserContext>;
  /** A new page in a signed-in context. */
  signedInPage(email: string, opts?: { width?: number; height?: number }): Promise<Page>;
  /** Inserts a task row the way the budget cycle's activities would. Returns its id. */
  insertTask(email: string, task: TaskSeed): Promise<string>;
  personId(email: string): Promise<string>;
  close(): Promise<void>;
}

export interface TaskSeed {
  kind?: 'vote' | 'adopt' | 'submit' | 'review';
  title: string;
  dueAt: Date | null;
  status?: 'open' | 'done' | 'cancelled';
  payload?: Record<string, unknown>;
  /** Default 'budget:e2e:2027', which no cycle of the person's SWV has. */
  workflowId?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startWeb(): Promise<WebHarness> {
  const db: TestDatabase = await createTestDatabase();
  const smtp = await new SmtpCapture().start();
  const ds = await createDataSource(db.url, { logging: false }).initialize();
  await seedDemoData(ds);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = ApiConfig.with({
    DATABASE_URL: db.url,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    PUBLIC_URL: baseUrl,
    PORT: String(port),
    // The browser tests sign the same demo people in many times within minutes; the default
    // limit (5 per 15 minutes) has its own test in libs/api/src/auth/auth.int-spec.ts.
    LOGIN_LINKS_PER_PERSON: '1000',
    LOGIN_RATE_PER_IP: '100000',
    LOGIN_RATE_PER_ADDRESS: '100000',
    ...PayloadKeyRing.generate('test').toEnv(),
  });
  const app: INestApplication = await createApiApp(config, {
    temporalClient: null,
    logger: ['error'],
  });
  await app.listen(port, '127.0.0.1');
  const browser = await launchBrowser();
  let taskSerial = 0;

  const latestSignInLink = async (email: string, after = 0): Promise<string> => {
    const mine = () =>
      smtp.messages
        .slice(after)
        .filter((m) => m.to.includes(email.toLowerCase()) && /\/auth\/verify\?token=/.test(m.text));
    await smtp.waitFor(() => mine().length > 0, 10_000);
    const link =
      /(http:\/\/\S+\/auth\/verify\?token=[A-Za-z0-9_%-]+(?:&next=[A-Za-z0-9_%.~-]+)?)/.exec(
        mine().at(-1)!.text,
      )?.[1];
    if (!link) throw new Error(`no sign-in link in the mail to ${email}`);
    return link;
  };

  const sessionToken = async (email: string): Promise<string> => {
    const before = smtp.messages.length;
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    if (login.status !== 202) throw new Error(`login request answered ${login.status}`);
    const link = new URL(await latestSignInLink(email, before));
    const verify = await fetch(`${baseUrl}/auth/verify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: link.searchParams.get('token') }),
    });
    if (verify.status !== 200) throw new Error(`verify answered ${verify.status}`);
    return ((await verify.json()) as { sessionToken: string }).sessionToken;
  };

  const signedInContext = async (
    email: string,
    opts: { width?: number; height?: number } = {},
  ): Promise<BrowserContext> => {
    const context = await browser.newContext({
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    });
    await context.addCookies([
      {
        name: 'jc_session',
        value: await sessionToken(email),
        url: baseUrl,
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
    return context;
  };

  const personId = async (email: string): Promise<string> => {
    const rows = (await ds.query(`SELECT id FROM person WHERE email = $1`, [email])) as {
      id: string;
    }[];
    if (!rows[0]) throw new Error(`no person ${email}`);
    return rows[0].id;
  };

  return {
    baseUrl,
    ds,
    smtp,
    browser,
    latestSignInLink,
    sessionToken,
    signedInContext,
    async signedInPage(email, opts) {
      return (await signedInContext(email, opts)).newPage();
    },
    async insertTask(email, task) {
      const status = task.status ?? 'open';
      const rows = (await ds.query(
        `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, status, payload, completed_at)
         SELECT p.organisation_id, p.id, $2, $3, $4, $5, $6, $7, $8::jsonb, CASE WHEN $7 = 'open' THEN NULL ELSE now() END
           FROM person p WHERE p.email = $1
         RETURNING id`,
        [
          email,
          task.workflowId ?? 'budget:e2e:2027',
          task.kind ?? 'vote',
          `round:${++taskSerial}:body:alv`,
          task.title,
          task.dueAt,
          status,
          JSON.stringify(task.payload ?? {}),
        ],
      )) as { id: string }[];
      if (!rows[0]) throw new Error(`no person ${email}`);
      return rows[0].id;
    },
    personId,
    async close() {
      await browser.close();
      await app.close();
      await ds.destroy();
      await smtp.stop();
      await db.drop();
    },
  };
}

/** Fetch without following redirects, with the session cookie of `token` when given. */
export async function get(
  url: string,
  token?: string,
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(url, {
    redirect: 'manual',
    headers: token ? { Cookie: `jc_session=${token}` } : {},
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
