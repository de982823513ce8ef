import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;

describe('sign-in by email link', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  it('mails a Dutch sign-in link; opening it does not sign in, pressing "Inloggen" does, once', async () => {
    await api
      .http()
      .post('/api/auth/login')
      .send({ email: 'Secretariaat@Stadsring.example ' })
      .expect(202);
    const token = await api.latestLoginToken(SECRETARIAT);
    const mail = smtp.to(SECRETARIAT).at(-1)!;
    expect(mail.subject).toBe('Inloggen bij Jaarcyclus');
    expect(mail.text).toContain(`http://jaarcyclus.test/auth/verify?token=${token}`);
    expect(mail.text).toContain('15 minuten');

    // A mail scanner (or the person) opening the link twice only sees the page with the button.
    for (let i = 0; i < 2; i++) {
      const page = await api.http().get('/auth/verify').query({ token }).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.text).toContain('<html lang="nl">');
      expect(page.text).toMatch(
        /<form method="post" action="\/auth\/verify">[\s\S]*<button type="submit">Inloggen<\/button>/,
      );
      expect(page.headers['set-cookie']).toBeUndefined();
    }

    const signedIn = await api.http().post('/auth/verify').send({ token }).expect(200);
    expect(signedIn.body).toMatchObject({
      sessionToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      person: {
        email: SECRETARIAT,
        roles: ['secretariat', 'admin'],
        organisation: { slug: 'stadsring', name: 'Samenwerkingsverband VO Stadsring' },
      },
    });
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(/jc_session=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const me = await api
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${signedIn.body.sessionToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ email: SECRETARIAT, organisation: { slug: 'stadsring' } });

    // Used: a second press fails and opens no session; the page now says the link is spent.
    const again = await api.http().post('/auth/verify').send({ token }).expect(410);
    expect(again.body.message).toMatch(/ongeldig, verlopen of al gebruikt/);
    expect(again.headers['set-cookie']).toBeUndefined();
    await api.http().get('/auth/verify').query({ token }).expect(410);
  });

  it('signs in from the form post with a cookie and an HTML confirmation', async () => {
    await api
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_EMAILS.stadsring.director })
      .expect(202);
    const token = await api.latestLoginToken(DEMO_EMAILS.stadsring.director);

    const res = await api.http().post('/auth/verify').type('form').send({ token }).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('U bent ingelogd');
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;

    const me = await api.http().get('/api/me').set('Cookie', cookie).expect(200);
    expect(me.body.roles).toEqual(['director']);
  });

  it('refuses a sign-in form posted from another site (login CSRF); API clients without Origin keep working', async () => {
    await api
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_EMAILS.rijnoever.director })
      .expect(202);
    const token = await api.latestLoginToken(DEMO_EMAILS.rijnoever.director);

    // An attacker's page posting its own link's token: refused, in the reader's language.
    const foreign = await api
      .http()
      .post('/auth/verify')
      .type('form')
      .set('Origin', 'https://evil.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ token })
      .expect(403);
    expect(foreign.headers['content-type']).toMatch(/text\/html/);
    expect(foreign.text).toContain('<html lang="nl">');
    expect(foreign.headers['set-cookie']).toBeUndefined();
    const english = await api
      .http()
      .post('/auth/verify')
      .type('form')
      .set('Cookie', 'jc_lang=en')
      .set('Origin', 'https://evil.example')
      .send({ token })
      .expect(403);
    expect(english.text).toContain('<html lang="en">');
    // A page with Referrer-Policy: no-referrer posts "Origin: null": only same-origin passes.
    await api
      .http()
      .post('/auth/verify')
      .type('form')
      .set('Origin', 'null')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ token })
      .expect(403);
    await api
      .http()
      .post('/auth/verify')
      .type('form')
      .set('Origin', 'null')
      .send({ token })
      .expect(403);
    // A sibling site (Sec-Fetch-Site: same-site) is not this origin either; nor is a JSON post.
    await api
      .http()
      .post('/auth/verify')
      .set('Sec-Fetch-Site', 'same-site')
      .send({ token })
      .expect(403)
      .expect('Content-Type', /json/);

    // The refusals did not use the link: the page's own form post (no Referer, Origin null,
    // Sec-Fetch-Site same-origin) signs in.
    await api
      .http()
      .post('/auth/verify')
      .type('form')
      .set('Origin', 'null')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ token })
      .expect(200);

    // This site's Origin passes too; an API client sends no Origin at all (see the test above).
    await api
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_EMAILS.rijnoever.director })
      .expect(202);
    const second = await api.latestLoginToken(DEMO_EMAILS.rijnoever.director);
    expect(second).not.toBe(token);
    await api
      .http()
      .post('/auth/verify')
      .type('form')
      .set('Origin', 'http://jaarcyclus.test')
      .send({ token: second })
      .expect(200);
  });

  it('refuses an expired link', async () => {
    await api
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_EMAILS.stadsring.rvtChair })
      .expect(202);
    const token = await api.latestLoginToken(DEMO_EMAILS.stadsring.rvtChair);
    await api.ds.query(
      `UPDATE login_token SET expires_at = now() - interval '1 minute'
        WHERE person_id = (SELECT id FROM person WHERE email = $1)`,
      [DEMO_EMAILS.stadsring.rvtChair],
    );

    await api.http().get('/auth/verify').query({ token }).expect(410);
    const res = await api.http().post('/auth/verify').type('form').send({ token }).expect(410);
    expect(res.text).toContain('Deze link werkt niet meer');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an unknown link', async () => {
    await api
      .http()
      .post('/auth/verify')
      .send({ token: 'A'.repeat(43) })
      .expect(410);
  });

  it('answers 202 for an unknown address too, and mails nothing', async () => {
    const before = smtp.messages.length;
    const unknown = await api
      .http()
      .post('/api/auth/login')
      .send({ email: 'niemand@stadsring.example' })
      .expect(202);
    const known = await api
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_EMAILS.stadsring.oprMember })
      .expect(202);
    expect(unknown.body).toEqual(known.body);
    await api.mailSettled();
    await smtp.waitFor((m) => m.length > before);
    expect(smtp.messages.slice(before).flatMap((m) => m.to)).toEqual([
      DEMO_EMAILS.stadsring.oprMember,
    ]);
  });

  it('stores only hashes of sign-in links and sessions', async () => {
    const token = await api.signIn(DEMO_EMAILS.stadsring.ectMember);
    const rows = (await api.ds.query(
      `SELECT token_hash FROM session UNION ALL SELECT token_hash FROM login_token`,
    )) as { token_hash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== token)).toBe(
      true,
    );
  });

  it('keeps no usable sign-in link at rest: no text column of the outbox row or the login token holds it', async () => {
    const email = DEMO_EMAILS.rijnoever.director;
    await api.http().post('/api/auth/login').send({ email }).expect(202);
    // The mail that reached SMTP still carries a working link ...
    const token = await api.latestLoginToken(email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // ... but every text column of every row that could hold it (read from the catalogue, so a
    // column added later is checked too) has neither the token nor a link with any token.
    const columns = (await api.ds.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name IN ('outbox_message', 'login_token')
          AND data_type IN ('text', 'character varying')`,
    )) as { table_name: string; column_name: string }[];
    expect(columns.map((c) => c.column_name)).toEqual(
      expect.arrayContaining(['text_body', 'html_body', 'subject', 'token_hash']),
    );
    const values: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const where =
        table === 'outbox_message'
          ? `to_address = $1`
          : `person_id = (SELECT id FROM person WHERE email = $1)`;
      const rows = (await api.ds.query(
        `SELECT "${column}"::text AS v FROM "${table}" WHERE ${where}`,
        [email],
      )) as { v: string | null }[];
      expect(rows.length).toBeGreaterThan(0);
      values.push(...rows.map((r) => r.v ?? ''));
    }
    const [outboxRow] = (await api.ds.query(
      `SELECT text_body, status FROM outbox_message WHERE to_address = $1`,
      [email],
    )) as { text_body: string; status: string }[];
    expect(outboxRow!.status).toBe('sent');
    expect(outboxRow!.text_body).toContain('/auth/verify?token=');
    for (const value of values) {
      expect(value).not.toContain(token);
      expect(value).not.toContain(encodeURIComponent(token));
      expect(value).not.toMatch(/token=[A-Za-z0-9_%-]{20,}/);
    }
    // Nor any other column of any table (jsonb and text alike, the audit trail included).
    const everywhere = (await api.ds.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema()
          AND data_type IN ('text', 'character varying', 'jsonb', 'json')`,
    )) as { table_name: string; column_name: string }[];
    for (const { table_name: table, column_name: column } of everywhere) {
      const [hit] = (await api.ds.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0`,
        [token],
      )) as { n: number }[];
      expect({ table, column, n: hit!.n }).toEqual({ table, column, n: 0 });
    }
    // And the link it carried signs in.
    await api.http().post('/auth/verify').send({ token }).expect(200);
  });

  it('ends the session on logout', async () => {
    const token = await api.signIn(DEMO_EMAILS.stadsring.schoolContact);
    await api.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    await api.http().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await api.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('refuses a session of a person who has been deactivated', async () => {
    const token = await api.signIn(DEMO_EMAILS.stadsring.alvMember);
    await api.ds.query(`UPDATE person SET active = false WHERE email = $1`, [
      DEMO_EMAILS.stadsring.alvMember,
    ]);
    await api.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('sends one person at most five sign-in links per 15 minutes, answering the same; the links sent keep working', async () => {
    const email = DEMO_EMAILS.rijnoever.secretariat;
    const links = () => smtp.to(email).filter((m) => /token=/.test(m.text));
    const ask = () =>
      api
        .http()
        .post('/api/auth/login')
        .send({ email })
        .expect(202)
        .then((r) => r.body as { message: string });

    const answers = await Promise.all(Array.from({ length: 8 }, ask));
    await api.mailSettled();

    // The same answer for every request, whether or not a mail went out.
    expect(new Set(answers.map((a) => a.message)).size).toBe(1);
    expect(links()).toHaveLength(5);
    const [tokens] = (await api.ds.query(
      `SELECT count(*)::int AS n FROM login_token t JOIN person p ON p.id = t.person_id WHERE p.email = $1`,
      [email],
    )) as { n: number }[];
    expect(tokens!.n).toBe(5);
    // A link sent before the limit was reached still signs in.
    const first = decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(links()[0]!.text)![1]!);
    await api.http().post('/auth/verify').send({ token: first }).expect(200);

    // Once the earliest links are older than 15 minutes, a new one is sent again.
    await api.ds.query(
      `UPDATE login_token SET created_at = created_at - interval '16 minutes'
        WHERE person_id = (SELECT id FROM person WHERE email = $1)`,
      [email],
    );
    await ask();
    await api.mailSettled();
    expect(links()).toHaveLength(6);
  });
});
