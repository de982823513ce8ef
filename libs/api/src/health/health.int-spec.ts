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

  it('is ready and degraded while Temporal is down, reports SMTP and the outbox, and is 503 once the database is gone', async () => {
    const up = await api.http().get('/health').expect(200);
    expect(up.body).toEqual({
      status: 'degraded',
      database: 'up',
      temporal: 'down',
      smtp: 'up',
      mail: 'ok',
      outbox: { pending: 0, failed: 0, oldestUnsentAgeSeconds: 0 },
    });
    const ready = await api.http().get('/health/ready').expect(200);
    expect(ready.body).toEqual(up.body);

    await api.ds.query(
      `INSERT INTO outbox_message (idempotency_key, to_address, subject, text_body, html_body, created_at)
       VALUES ('health-test:1', 'a@b.example', 's', 't', 'h', now() - interval '10 minutes')`,
    );
    const backlog = await api.http().get('/health/ready').expect(200);
    expect(backlog.body.outbox).toEqual({
      pending: 1,
      failed: 0,
      oldestUnsentAgeSeconds: expect.any(Number),
    });
    expect(backlog.body.outbox.oldestUnsentAgeSeconds).toBeGreaterThanOrEqual(600);

    // Dropping the database (WITH FORCE) also ends the app's open connections.
    await db.drop();
    const down = await api.http().get('/health').expect(503);
    expect(down.body).toMatchObject({ status: 'degraded', database: 'down', outbox: null });
    await api.http().get('/health/ready').expect(503);
    // Live asks nothing: the process still answers, so a supervisor does not restart it.
    expect((await api.http().get('/health/live').expect(200)).body).toEqual({ status: 'live' });
  }, 20_000);
});

describe('GET /health with the SMTP server unreachable', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    // Port 1: nothing listens, the connection is refused at once.
    api = await startApi(db.url, smtp, { seed: false, env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
  });

  afterAll(async () => {
    await api.close().catch(() => undefined);
    await smtp.stop();
  });

  it('stays ready (reads and sign-in work, mails wait in the outbox) but says smtp down', async () => {
    const res = await api.http().get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'degraded', database: 'up', smtp: 'down' });
  });
});
