import { OutboxService } from '@jaarcyclus/mail';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

const TOKEN = 'metrics-test-token-0123456789';

/** The value of one sample line (`name{labels} value`), or undefined when it is absent. */
function sample(body: string, name: string, labels = ''): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp, { env: { METRICS_TOKEN: TOKEN } });
  });

  afterAll(async () => {
    await api.close().catch(() => undefined);
    await smtp.stop();
  });

  const scrape = async (): Promise<string> => {
    const res = await api
      .http()
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return res.text;
  };

  it('answers 401 without the bearer token or with a wrong one, and never shows a metric', async () => {
    const none = await api.http().get('/metrics').expect(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await api
      .http()
      .get('/metrics')
      .set('Authorization', 'Bearer not-the-token-at-all');
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('jaarcyclus_');
  });

  it('counts sign-ins by outcome and times requests per route pattern, never per id', async () => {
    const before = await scrape();
    const count = (body: string, outcome: string) =>
      sample(body, 'jaarcyclus_sign_in_attempts_total', `outcome="${outcome}"`) ?? 0;

    const token = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
    await api.http().post('/api/auth/login').send({ email: 'nobody@nowhere.example' }).expect(202);
    await api
      .http()
      .post('/auth/verify')
      .send({ token: 'x'.repeat(43) });
    const me = await api.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    const myId = (me.body as { id: string }).id;
    await api
      .http()
      .get(`/api/persons/${myId}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);

    const after = await scrape();
    expect(count(after, 'link_sent') - count(before, 'link_sent')).toBe(1);
    expect(count(after, 'signed_in') - count(before, 'signed_in')).toBe(1);
    expect(count(after, 'unknown_address') - count(before, 'unknown_address')).toBe(1);
    expect(count(after, 'link_refused') - count(before, 'link_refused')).toBe(1);
    // The login mail went through the outbox and was accepted by SMTP.
    expect(sample(after, 'jaarcyclus_mails_sent_total')).toBeGreaterThanOrEqual(1);

    expect(
      sample(
        after,
        'jaarcyclus_http_request_duration_seconds_count',
        'method="GET",route="/api/persons/:id",status="200"',
      ),
    ).toBe(1);
    expect(
      sample(
        after,
        'jaarcyclus_http_request_duration_seconds_count',
        'method="GET",route="/api/me",status="200"',
      ),
    ).toBe(1);
    expect(after).not.toContain(myId);
    // Node's own process metrics come along.
    expect(after).toMatch(/^process_cpu_seconds_total /m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('shows the outbox backlog, the age of the oldest unsent mail and failed mails by reason', async () => {
    const outbox = api.app.get(OutboxService);
    smtp.refused.add('weg@stadsring.example');
    await expect(
      outbox.deliver({
        idempotencyKey: 'metrics-test:refused',
        organisationId: null,
        to: 'weg@stadsring.example',
        subject: 'Herinnering',
        text: 'tekst',
        html: '<p>tekst</p>',
      }),
    ).rejects.toThrow(/not delivered/);
    await outbox.store([
      {
        idempotencyKey: 'metrics-test:pending',
        organisationId: null,
        to: 'later@stadsring.example',
        subject: 'Herinnering',
        text: 'tekst',
        html: '<p>tekst</p>',
      },
    ]);
    await api.ds.query(
      `UPDATE outbox_message SET created_at = now() - interval '2 hours' WHERE idempotency_key = 'metrics-test:pending'`,
    );

    const body = await scrape();
    expect(sample(body, 'jaarcyclus_mails_failed_total', 'reason="rejected"')).toBe(1);
    expect(sample(body, 'jaarcyclus_outbox_unsent', 'status="pending"')).toBe(1);
    expect(sample(body, 'jaarcyclus_outbox_unsent', 'status="failed"')).toBe(1);
    const age = sample(body, 'jaarcyclus_outbox_oldest_unsent_age_seconds')!;
    expect(age).toBeGreaterThanOrEqual(7200);
    expect(age).toBeLessThan(7300);
  });

  it('shows cycles by kind and state from the read model', async () => {
    const [org] = (await api.ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as {
      id: string;
    }[];
    await api.ds.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status)
       VALUES ($1, 'budget', 2026, 'budget:metrics-test:2026', 'Begroting 2027', 'running'),
              ($1, 'accountability', 2025, 'accountability:metrics-test:2025', 'Verantwoording 2025', 'completed')`,
      [org!.id],
    );
    const body = await scrape();
    expect(sample(body, 'jaarcyclus_cycles', 'kind="budget",status="running"')).toBe(1);
    expect(sample(body, 'jaarcyclus_cycles', 'kind="accountability",status="completed"')).toBe(1);
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
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

  it('does not exist (404), even with a bearer token', async () => {
    await api.http().get('/metrics').expect(404);
    await api.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
  });
});
