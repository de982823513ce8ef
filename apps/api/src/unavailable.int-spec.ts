import net from 'node:net';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { Client, Connection } from '@temporalio/client';
import { startApi, type ApiHarness } from './testing/api-harness';

/** A port nothing listens on: like Temporal killed after the api connected to it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const unavailable = {
  statusCode: 503,
  error: 'Service Unavailable',
  code: 'UNAVAILABLE',
  message: expect.stringContaining('try again in a minute') as unknown,
};

describe('a part that is down: 503 with Retry-After within the deadline, not a bare 500', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let connection: Connection;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    // A lazy connection never fails at start; every call finds the server gone.
    connection = Connection.lazy({
      address: `127.0.0.1:${await closedPort()}`,
      connectTimeout: '2s',
    });
    api = await startApi(db.url, smtp, { temporalClient: new Client({ connection }) });
    token = await api.signIn(DEMO_EMAILS.stadsring.oprMember);
  });

  afterAll(async () => {
    await api.close().catch(() => undefined);
    // A retry the gRPC client scheduled before the deadline (at most ~6 s of backoff) must not
    // fire on a closed channel, where it throws into whichever test file runs next.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    await connection.close().catch(() => undefined);
    await smtp.stop();
  }, 15_000);

  it('a vote while Temporal is down', async () => {
    const started = Date.now();
    const res = await api
      .http()
      .post('/api/budget-cycles/2027/votes')
      .set('Authorization', `Bearer ${token}`)
      .send({ bodyKey: 'opr', value: 'for' });
    expect({ status: res.status, body: res.body as unknown }).toEqual({
      status: 503,
      body: unavailable,
    });
    expect(res.headers['retry-after']).toBe('30');
    // The deadline (10 s), not gRPC's own retries, decides when the answer comes.
    expect(Date.now() - started).toBeLessThan(14_000);
  }, 30_000);

  it('a status Query while Temporal is down', async () => {
    const res = await api
      .http()
      .get('/api/budget-cycles/2027')
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
  }, 30_000);

  it('any request while the database is down', async () => {
    // Dropping the database (WITH FORCE) also ends the app's open connections.
    await db.drop();
    const res = await api.http().get('/api/budget-cycles').set('Authorization', `Bearer ${token}`);
    expect({ status: res.status, body: res.body as unknown }).toEqual({
      status: 503,
      body: unavailable,
    });
    expect(res.headers['retry-after']).toBe('30');
  }, 30_000);
});
