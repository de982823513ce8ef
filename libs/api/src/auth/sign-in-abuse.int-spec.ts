import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import {
  startApi,
  type ApiHarness,
  type MailCapture,
} from '@jaarcyclus/api-app/testing/api-harness';
import type { ApiEnvName } from '../config';

/** Sign-in abuse (issue #14 item 3): rate limits, and the request never waits for the lookup or SMTP. */
describe('sign-in abuse', () => {
  let smtp: SmtpCapture;
  const dbs: TestDatabase[] = [];
  const apis: ApiHarness[] = [];

  const start = async (
    env: Partial<Record<ApiEnvName, string>>,
    mail: MailCapture = smtp,
  ): Promise<ApiHarness> => {
    const db = await createTestDatabase();
    dbs.push(db);
    const api = await startApi(db.url, mail, { env });
    apis.push(api);
    return api;
  };

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.close().catch(() => undefined)));
    await smtp.stop();
    for (const db of dbs) await db.drop().catch(() => undefined);
  }, 60_000);

  const login = (api: ApiHarness, email: string) =>
    api.http().post('/api/auth/login').send({ email });

  it('limits sign-in requests per address (429 with Retry-After, whether or not it has an account)', async () => {
    const api = await start({ LOGIN_RATE_PER_ADDRESS: '3', LOGIN_RATE_PER_IP: '1000' });
    const email = DEMO_EMAILS.stadsring.director;
    for (let i = 0; i < 3; i += 1) await login(api, email).expect(202);
    const refused = await login(api, `  ${email.toUpperCase()} `).expect(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Too many sign-in requests; try again in \d+ minutes$/),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // An unknown address is limited the same way: the 429 says nothing about accounts.
    for (let i = 0; i < 3; i += 1) await login(api, 'niemand@stadsring.example').expect(202);
    await login(api, 'niemand@stadsring.example').expect(429);
    // Another address is not affected.
    await login(api, DEMO_EMAILS.stadsring.rvtChair).expect(202);

    await api.mailSettled();
    expect(smtp.to(email).filter((m) => /token=/.test(m.text))).toHaveLength(3);
  }, 60_000);

  it('limits sign-in requests per client IP, over every address', async () => {
    const api = await start({ LOGIN_RATE_PER_IP: '2', LOGIN_RATE_PER_ADDRESS: '1000' });
    await login(api, 'a@stadsring.example').expect(202);
    await login(api, 'b@stadsring.example').expect(202);
    const refused = await login(api, 'c@stadsring.example').expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // Malformed requests count too (a flood of them is a flood).
    await login(api, 'not-an-address').expect(429);
  }, 60_000);

  it('answers a known address without touching the database in the request: same answer while the person table is locked', async () => {
    const api = await start({});
    const email = DEMO_EMAILS.stadsring.oprMember;
    const before = smtp.to(email).length;
    const lock = api.ds.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query(`LOCK TABLE person IN ACCESS EXCLUSIVE MODE`);
    try {
      const answered = await Promise.race([
        login(api, email).then((r) => r.status),
        new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 10_000)),
      ]);
      const unknown = await Promise.race([
        login(api, 'niemand@stadsring.example').then((r) => r.status),
        new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 10_000)),
      ]);
      expect([answered, unknown]).toEqual([202, 202]);
      expect(smtp.to(email)).toHaveLength(before);
    } finally {
      await lock.commitTransaction();
      await lock.release();
    }
    // The link goes out once the lookup can run.
    await api.mailSettled();
    expect(smtp.to(email)).toHaveLength(before + 1);
  }, 60_000);

  it('keeps answering while the SMTP server accepts connections and never replies', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as AddressInfo).port;
    const api = await start({}, { ...smtp, port, messages: [], waitFor: smtp.waitFor.bind(smtp) });
    try {
      const people = Object.values(DEMO_EMAILS.stadsring);
      const requests = people.flatMap((email) => [1, 2, 3].map(() => login(api, email)));
      const statuses = await Promise.all(requests.map((r) => r.then((res) => res.status)));
      expect(new Set(statuses)).toEqual(new Set([202]));
      // 21 sign-in mails hang in SMTP; the api still has database connections to answer with.
      await new Promise((r) => setTimeout(r, 500));
      const health = await api.http().get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ database: 'up' });
    } finally {
      // No new connections, the open ones cut: the hanging deliveries fail fast (left pending).
      const closed = new Promise<void>((resolve) => silent.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    }
  }, 60_000);
});
