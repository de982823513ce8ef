import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import type { Client } from '@temporalio/client';
import { startApi, type ApiHarness } from './testing/api-harness';

/**
 * Temporal after its retention period: it has forgotten every closed workflow id, so it
 * accepts any start (REJECT_DUPLICATE refuses nothing). Each start takes a moment, so two
 * parallel requests overlap.
 */
function forgetfulTemporal(): { client: Client; starts: string[] } {
  const starts: string[] = [];
  const client = {
    connection: {
      withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn(),
      withAbortSignal: (_signal: AbortSignal, fn: () => Promise<unknown>) => fn(),
    },
    workflow: {
      start: async (_type: string, opts: { workflowId: string }) => {
        starts.push(opts.workflowId);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return {};
      },
      getHandle: (workflowId: string) => ({
        query: () =>
          Promise.resolve({ workflowId, phase: 'voting', bodies: [], rounds: [], timeline: [] }),
      }),
    },
  } as unknown as Client;
  return { client, starts };
}

const FIGURES = {
  amountPerPupilCents: 18_550,
  equityCents: 25_000_000,
  turnoverCents: 1_000_000_000,
};
const budgetStart = (budgetYear: number) => ({
  budgetYear,
  proposal: { url: `https://docs.example/begroting-${budgetYear}.pdf`, versionLabel: 'v1' },
  allocation: FIGURES,
});

describe('starting a cycle: the database row is the guard, not Temporal', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let temporal: ReturnType<typeof forgetfulTemporal>;
  let auth: { Authorization: string };
  let orgId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    temporal = forgetfulTemporal();
    api = await startApi(db.url, smtp, { temporalClient: temporal.client });
    auth = { Authorization: `Bearer ${await api.signIn(DEMO_EMAILS.stadsring.secretariat)}` };
    const [org] = (await api.ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as {
      id: string;
    }[];
    orgId = org!.id;
  });

  afterAll(async () => {
    await api.close().catch(() => undefined);
    await smtp.stop();
  });

  const rows = async (kind: string, year: number) =>
    (
      (await api.ds.query(
        `SELECT count(*)::int AS n FROM cycle WHERE organisation_id = $1 AND kind = $2 AND year = $3`,
        [orgId, kind, year],
      )) as { n: number }[]
    )[0]!.n;

  it('a budget year whose cycle has ended answers that cycle with 200 and starts no zombie run', async () => {
    const workflowId = `budget:${orgId}:2030`;
    const state = { workflowId, phase: 'adopted', bodies: [], rounds: [], timeline: [] };
    await api.ds.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, state, state_seq)
       VALUES ($1, 'budget', 2030, $2, 'Begroting 2030', 'adopted', $3, 7)`,
      [orgId, workflowId, JSON.stringify(state)],
    );
    const before = temporal.starts.length;
    const res = await api
      .http()
      .post('/api/budget-cycles')
      .set(auth)
      .send(budgetStart(2030))
      .expect(200);
    expect(res.body).toMatchObject({ created: false, phase: 'adopted' });
    expect(temporal.starts.length).toBe(before);
  });

  it('two parallel budget starts: one 201 and one 200, one run, never a 404', async () => {
    const before = temporal.starts.length;
    const answers = await Promise.all(
      [1, 2].map(() => api.http().post('/api/budget-cycles').set(auth).send(budgetStart(2031))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(answers.map((r) => (r.body as { created: boolean }).created).sort()).toEqual([
      false,
      true,
    ]);
    expect(temporal.starts.slice(before)).toEqual([`budget:${orgId}:2031`]);
    expect(await rows('budget', 2031)).toBe(1);
  });

  it('two parallel accountability starts: one 201 and one 200, one run, never a 404', async () => {
    const before = temporal.starts.length;
    const answers = await Promise.all(
      [1, 2].map(() =>
        api.http().post('/api/accountability-cycles').set(auth).send({ accountingYear: 2031 }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    for (const r of answers) expect(r.body).toMatchObject({ accountingYear: 2031 });
    expect(temporal.starts.slice(before)).toHaveLength(1);
    expect(await rows('accountability', 2031)).toBe(1);
  });
});
