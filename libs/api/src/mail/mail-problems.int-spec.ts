import { createSmtpTransport, OutboxService, type OutgoingMail } from '@jaarcyclus/mail';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

/** Nothing dropped silently: the secretariat sees refused addresses and mail being retried. */
describe('GET /api/mail-problems', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let outbox: OutboxService;
  let stadsring: string;
  let rijnoever: string;

  const invitation = (key: string, organisationId: string, to: string): OutgoingMail => ({
    idempotencyKey: key,
    organisationId,
    to,
    subject: `Uitnodiging ${key}`,
    text: 'Stem',
    html: '<p>Stem</p>',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    outbox = new OutboxService(
      api.ds,
      createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`),
      'Jaarcyclus <noreply@jaarcyclus.example>',
    );
    const orgs = (await api.ds.query(`SELECT id, slug FROM organisation`)) as {
      id: string;
      slug: string;
    }[];
    stadsring = orgs.find((o) => o.slug === 'stadsring')!.id;
    rijnoever = orgs.find((o) => o.slug === 'rijnoever')!.id;
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  }, 60_000);

  it("lists the SWV's refused recipients and counts mail the relay refuses, never another SWV's", async () => {
    smtp.refused.add('weg@school.example');
    smtp.refused.add('weg@rijnoever.example');
    await expect(
      outbox.deliver(invitation('budget:s:2026:r1:invite:p1', stadsring, 'weg@school.example')),
    ).rejects.toMatchObject({ permanent: true });
    await expect(
      outbox.deliver(invitation('budget:r:2026:r1:invite:p9', rijnoever, 'weg@rijnoever.example')),
    ).rejects.toMatchObject({ permanent: true });
    smtp.relayRefusal = { at: 'data', code: 554, message: '5.7.0 Refused by policy' };
    await expect(
      outbox.deliver(invitation('budget:s:2026:r1:invite:p2', stadsring, 'lid@school.example')),
    ).rejects.toMatchObject({ permanent: false });
    smtp.relayRefusal = null;

    const token = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
    const res = await api
      .http()
      .get('/api/mail-problems')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);

    expect(res.body.retrying).toMatchObject({
      count: 1,
      lastError: expect.stringContaining('554'),
    });
    expect(res.body.refused).toEqual([
      {
        idempotencyKey: 'budget:s:2026:r1:invite:p1',
        to: 'weg@school.example',
        subject: 'Uitnodiging budget:s:2026:r1:invite:p1',
        reason: expect.stringContaining('Mailbox unavailable'),
        at: expect.any(String),
      },
    ]);

    const page = await api
      .http()
      .get('/api/mail-problems?limit=0')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(JSON.stringify(page.body)).toContain('limit');
  }, 60_000);

  it('is for the office only (403 for a board member)', async () => {
    const token = await api.signIn(DEMO_EMAILS.stadsring.oprMember);
    await api.http().get('/api/mail-problems').set('Authorization', `Bearer ${token}`).expect(403);
  }, 60_000);
});
