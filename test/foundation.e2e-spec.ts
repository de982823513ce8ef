import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { startStack, type Stack } from './support/stack';

// Issue 2's walking skeleton, end to end: api + worker on the Temporal dev server, PostgreSQL
// and a real SMTP server; a person signs in through the mailed link and reads their SWV.
describe('foundation (e2e)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  }, 60_000);

  it('reports database, Temporal and SMTP up on /health, with the outbox backlog', async () => {
    const health = await stack.call('GET', '/health');
    expect(health).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: 'up',
        temporal: 'up',
        smtp: 'up',
        mail: 'ok',
        outbox: {
          pending: expect.any(Number),
          failed: expect.any(Number),
          oldestUnsentAgeSeconds: expect.any(Number),
        },
      },
    });
  });

  it('signs the secretariat in through the e-mailed link and shows only its own SWV', async () => {
    const token = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);
    const me = await stack.call('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.organisation.slug).toBe('stadsring');

    const boards = await stack.call('GET', '/api/boards', { token });
    expect(boards.status).toBe(200);
    expect(boards.body).toHaveLength(10);
    expect(
      boards.body.reduce((sum: number, b: { pupilCount: number }) => sum + b.pupilCount, 0),
    ).toBe(16_500);

    const other = await stack.signIn(DEMO_EMAILS.rijnoever.secretariat);
    const theirBoards = await stack.call('GET', '/api/boards', { token: other });
    const ours = new Set(boards.body.map((b: { id: string }) => b.id));
    expect(theirBoards.body.some((b: { id: string }) => ours.has(b.id))).toBe(false);
    const peek = await stack.call('GET', `/api/boards/${boards.body[0].id}`, { token: other });
    expect(peek.status).toBe(404);
  });

  it('does not sign in on a GET of the link (mail scanners open links)', async () => {
    const email = DEMO_EMAILS.stadsring.director;
    await stack.call('POST', '/api/auth/login', { body: { email } });
    await stack.smtp.waitFor(() => stack.smtp.signInLinks(email).length > 0);
    const link = stack.smtp.signInLinks(email).at(-1)!;
    const token = decodeURIComponent(new URL(link).searchParams.get('token')!);
    const page = await stack.call('GET', `/auth/verify?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form');
    const first = await stack.call('POST', '/auth/verify', { body: { token } });
    expect(first.status).toBe(200);
    const again = await stack.call('POST', '/auth/verify', { body: { token } });
    expect(again.status).toBe(410);
  });
});
