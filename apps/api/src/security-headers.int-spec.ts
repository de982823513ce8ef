import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from './testing/api-harness';

/** The pages' own policy (libs/web/src/web-pages.ts), which must reach the browser unchanged. */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

// Every kind of response: JSON (an error too), the OpenAPI document and UI, a page, an asset.
const PATHS = ['/health', '/api/me', '/api/docs', '/api/docs-json', '/login', '/assets/app.css'];

describe('security headers on every response', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let http: ApiHarness;
  let https: ApiHarness;
  let production: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    http = await startApi(db.url, smtp);
    https = await startApi(db.url, smtp, {
      seed: false,
      env: { PUBLIC_URL: 'https://jaarcyclus.example' },
    });
    production = await startApi(db.url, smtp, {
      seed: false,
      env: { PUBLIC_URL: 'https://jaarcyclus.example', API_DOCS: 'off' },
    });
  });

  afterAll(async () => {
    await production?.close();
    await https?.close();
    await http?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it.each(PATHS)('%s: nosniff, no framing, no HSTS over http', async (path) => {
    const res = await http.http().get(path);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it.each(PATHS)('%s: HSTS when PUBLIC_URL is https', async (path) => {
    const res = await https.http().get(path);
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8}/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("keeps the pages' own strict policy exactly", async () => {
    for (const api of [http, https]) {
      const page = await api.http().get('/login').expect(200);
      expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
      expect(page.headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('gives JSON and the API docs a policy that loads nothing from elsewhere', async () => {
    const json = await http.http().get('/health');
    expect(json.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(json.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    const docs = await https.http().get('/api/docs').expect(200);
    expect(docs.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });

  it('serves no API docs with API_DOCS=off (production), the api itself still answers', async () => {
    for (const path of ['/api/docs', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
      const res = await production.http().get(path).expect(404);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    await production.http().get('/health').expect(200);
    await https.http().get('/api/docs-json').expect(200);
  });

  it('names the session cookie __Host-jc_session (Secure, Path=/) when https, and reads only that name', async () => {
    const email = DEMO_EMAILS.stadsring.director;
    await https.http().post('/api/auth/login').send({ email }).expect(202);
    const token = await https.latestLoginToken(email);
    const signedIn = await https.http().post('/auth/verify').type('form').send({ token });
    expect(signedIn.status).toBe(200);
    const setCookie = String(signedIn.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^__Host-jc_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.*; HttpOnly; Secure; SameSite=Lax$/,
    );
    const session = /^__Host-jc_session=([^;]+)/.exec(setCookie)![1]!;

    await https.http().get('/api/me').set('Cookie', `__Host-jc_session=${session}`).expect(200);
    // A cookie without the prefix can be set by a sibling (sub)domain: not read over https.
    await https.http().get('/api/me').set('Cookie', `jc_session=${session}`).expect(401);

    // The web's form tokens follow the same cookie: sign out with the page's token.
    const cookie = `__Host-jc_session=${session}`;
    const page = await https.http().get('/app/tasks').set('Cookie', cookie).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const out = await https
      .http()
      .post('/logout')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect(String(out.headers['set-cookie'])).toMatch(/^__Host-jc_session=;/);
    await https.http().get('/api/me').set('Cookie', cookie).expect(401);
  });

  it('keeps the plain name jc_session over http', async () => {
    const email = DEMO_EMAILS.stadsring.oprMember;
    await http.http().post('/api/auth/login').send({ email }).expect(202);
    const token = await http.latestLoginToken(email);
    const signedIn = await http.http().post('/auth/verify').send({ token }).expect(200);
    const setCookie = String(signedIn.headers['set-cookie']);
    expect(setCookie).toMatch(/^jc_session=/);
    expect(setCookie).not.toMatch(/Secure/);
    await http.http().get('/api/me').set('Cookie', setCookie.split(';')[0]!).expect(200);
  });
});
