import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/** Lists answer one page at a time (issue #14), so none grows into one unbounded response. */
describe('paginated lists', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let auth: { Authorization: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    auth = { Authorization: `Bearer ${await api.signIn(DEMO_EMAILS.stadsring.secretariat)}` };
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  }, 60_000);

  it.each(['/api/schools', '/api/persons', '/api/boards', '/api/bodies'])(
    '%s answers pages that together make the whole list, with the count in X-Total-Count',
    async (path) => {
      const all = await api.http().get(path).set(auth).expect(200);
      const total = Number(all.headers['x-total-count']);
      expect(all.body).toHaveLength(Math.min(total, DEFAULT_PAGE_SIZE));
      const pages: unknown[] = [];
      for (let offset = 0; offset < total; offset += 3) {
        const page = await api.http().get(`${path}?limit=3&offset=${offset}`).set(auth).expect(200);
        expect((page.body as unknown[]).length).toBeLessThanOrEqual(3);
        pages.push(...(page.body as unknown[]));
      }
      expect(pages).toEqual(all.body);
    },
  );

  it.each([
    ['limit=0', 'limit'],
    [`limit=${MAX_PAGE_SIZE + 1}`, 'limit'],
    ['limit=abc', 'limit'],
    ['offset=-1', 'offset'],
  ])('refuses ?%s with 400 naming %s', async (query, field) => {
    const res = await api.http().get(`/api/schools?${query}`).set(auth).expect(400);
    expect((res.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      field,
    ]);
  });
});
