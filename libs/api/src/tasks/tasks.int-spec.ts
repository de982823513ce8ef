import { DEMO_EMAILS, TaskRepository } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

describe('GET /api/me/tasks, in pages', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    token = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
    otherToken = await api.signIn(DEMO_EMAILS.stadsring.director);
    const me = (await api.http().get('/api/me').set('Authorization', `Bearer ${token}`)).body as {
      id: string;
      organisation: { id: string };
    };
    const tasks = new TaskRepository(api.ds);
    // Five open tasks due on the 1st to the 5th of March, opened in reverse order.
    for (let day = 5; day >= 1; day--) {
      await tasks.open({
        organisationId: me.organisation.id,
        personId: me.id,
        workflowId: `budget:${me.organisation.id}:2026`,
        kind: 'vote',
        refKey: `round:${day}:body:alv`,
        title: `Stemming ronde ${day}`,
        dueAt: `2027-03-0${day}T16:00:00.000Z`,
        payload: {},
      });
    }
  });

  afterAll(async () => {
    await api.close().catch(() => undefined);
    await smtp.stop();
  });

  const get = (path: string, as = token) =>
    api.http().get(path).set('Authorization', `Bearer ${as}`);
  const titles = (body: unknown) => (body as { title: string }[]).map((t) => t.title);

  it('without a page answers every task, most urgent first, as before pages existed', async () => {
    const res = await get('/api/me/tasks').expect(200);
    expect(titles(res.body)).toEqual([1, 2, 3, 4, 5].map((d) => `Stemming ronde ${d}`));
    expect(res.headers.link).toBeUndefined();
  });

  it('pages by limit and offset and points at the next page until the last one', async () => {
    const first = await get('/api/me/tasks?limit=2').expect(200);
    expect(titles(first.body)).toEqual(['Stemming ronde 1', 'Stemming ronde 2']);
    expect(first.headers.link).toBe('</api/me/tasks?limit=2&offset=2>; rel="next"');

    const second = await get('/api/me/tasks?limit=2&offset=2').expect(200);
    expect(titles(second.body)).toEqual(['Stemming ronde 3', 'Stemming ronde 4']);
    const last = await get('/api/me/tasks?limit=2&offset=4').expect(200);
    expect(titles(last.body)).toEqual(['Stemming ronde 5']);
    expect(last.headers.link).toBeUndefined();
  });

  it("never shows another person's tasks", async () => {
    const res = await get('/api/me/tasks?limit=50', otherToken).expect(200);
    expect(titles(res.body)).not.toContain('Stemming ronde 1');
  });

  it('refuses a page that is not one (400, naming the field and the rule)', async () => {
    const zero = await get('/api/me/tasks?limit=0').expect(400);
    expect(zero.body.errors).toEqual([{ field: 'limit', message: 'limit must be at least 1' }]);
    const big = await get('/api/me/tasks?limit=201').expect(400);
    expect(big.body.errors).toEqual([{ field: 'limit', message: 'limit must be at most 200' }]);
    const word = await get('/api/me/tasks?offset=abc').expect(400);
    expect(word.body.errors).toEqual([
      { field: 'offset', message: 'offset must be an integer number' },
    ]);
  });
});
