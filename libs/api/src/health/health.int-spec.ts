import { createSmtpTransport, OutboxService } from '@jaarcyclus/mail';
import { createDataSource } from '@jaarcyclus/persistence';
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

  it('raises an alert while the mail relay keeps refusing mail, and clears it once the mail is sent', async () => {
    const ds = await createDataSource(db.url).initialize();
    try {
      const outbox = new OutboxService(
        ds,
        createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`),
        'Jaarcyclus <noreply@jaarcyclus.example>',
      );
      const invitation = {
        idempotencyKey: 'budget:x:2026:r1:invite:p1',
        organisationId: null,
        to: 'lid@stadsring.example',
        subject: 'Uitnodiging',
        text: 'Stem',
        html: '<p>Stem</p>',
      };
      smtp.relayRefusal = { at: 'data', code: 554, message: '5.7.0 Refused by policy' };
      await expect(outbox.deliver(invitation)).rejects.toMatchObject({ permanent: false });

      const alert = await api.http().get('/health').expect(200);
      expect(alert.body).toMatchObject({ status: 'degraded', mail: 'retrying' });
      // No address or SMTP reply on this public route.
      expect(JSON.stringify(alert.body)).not.toMatch(/lid@|policy/i);

      smtp.relayRefusal = null;
      await outbox.deliver(invitation);
      const cleared = await api.http().get('/health').expect(200);
      expect(cleared.body).toMatchObject({ mail: 'ok' });
    } finally {
      await ds.destroy();
    }
  });

  it('is 200 and degraded while Temporal is down, and 503 once the database is gone', async () => {
    const up = await api.http().get('/health').expect(200);
    expect(up.body).toEqual({ status: 'degraded', database: 'up', temporal: 'down', mail: 'ok' });

    // Dropping the database (WITH FORCE) also ends the app's open connections.
    await db.drop();
    const down = await api.http().get('/health').expect(503);
    expect(down.body).toEqual({
      status: 'degraded',
      database: 'down',
      temporal: 'down',
      mail: 'unknown',
    });
  });
});
