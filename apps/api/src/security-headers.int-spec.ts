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
});
