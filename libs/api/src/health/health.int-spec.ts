import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

describe('GET /health', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp, { seed: false });
  });

  afterAll(async () => {
    await api.close().catch(() => undefined);
    await smtp.stop();
  });

  it('is 200 and degraded while Temporal is down, and 503 once the database is gone', async () => {
    const up = await api.http().get('/health').expect(200);
    expect(up.body).toEqual({ status: 'degraded', database: 'up', temporal: 'down' });

    // Dropping the database (WITH FORCE) also ends the app's open connections.
    await db.drop();
    const down = await api.http().get('/health').expect(503);
    expect(down.body).toEqual({ status: 'degraded', database: 'down', temporal: 'down' });
  });
});
