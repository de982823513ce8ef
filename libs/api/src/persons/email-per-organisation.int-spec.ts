import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

/** An e-mail address is unique per SWV, not across SWVs: a bestuurder can sit in two. */
describe('e-mail addresses unique per SWV', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  }, 60_000);

  it('lets a second SWV add a person with an address the first uses, refuses it twice in one SWV (409 naming email), and mails a link per SWV', async () => {
    const shared = DEMO_EMAILS.stadsring.director;
    const token = await api.signIn(DEMO_EMAILS.rijnoever.secretariat);
    const auth = { Authorization: `Bearer ${token}` };
    const person = { email: shared, name: 'Directeur van twee', roles: ['director'] };

    await api.http().post('/api/persons').set(auth).send(person).expect(201);
    const twice = await api
      .http()
      .post('/api/persons')
      .set(auth)
      .send({ ...person, email: shared.toUpperCase() })
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(twice.body.message).toBe('email already exists');

    const before = smtp.to(shared).length;
    await api.http().post('/api/auth/login').send({ email: shared }).expect(202);
    await api.mailSettled();
    const links = smtp.to(shared).slice(before);
    expect(links).toHaveLength(2);
    const texts = links.map((m) => m.text).join('\n');
    expect(texts).toContain('Stadsring');
    expect(texts).toContain('Rijnoever');
    // Each link signs in to its own SWV.
    const slugs: string[] = [];
    for (const m of links) {
      const t = decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(m.text)![1]!);
      const res = await api.http().post('/auth/verify').send({ token: t }).expect(200);
      const me = await api
        .http()
        .get('/api/me')
        .set('Authorization', `Bearer ${(res.body as { sessionToken: string }).sessionToken}`)
        .expect(200);
      slugs.push((me.body as { organisation: { slug: string } }).organisation.slug);
    }
    expect(slugs.sort()).toEqual(['rijnoever', 'stadsring']);
  }, 60_000);
});
