import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { installTracing, type Tracing } from '@jaarcyclus/temporal';
import { startStack, type Stack } from './support/stack';

// Traces across api → Temporal → activities (libs/temporal tracing.ts), on the real dev server:
// one vote through the api is one trace, from the HTTP request through the Update into the
// workflow and the local activity that stores the vote with the cycle's state.
describe('tracing (e2e)', () => {
  let stack: Stack;
  let tracing: Tracing;
  const exporter = new InMemorySpanExporter();
  const YEAR = 2027;

  beforeAll(async () => {
    tracing = installTracing({ serviceName: 'jaarcyclus-e2e', exporter });
    stack = await startStack({ tracing });
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
    await tracing?.shutdown();
  }, 60_000);

  it('shows one vote as one trace: the HTTP request, the Update and the activity that stores it', async () => {
    const secretariat = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);
    const start = await stack.call('POST', '/api/budget-cycles', {
      token: secretariat,
      body: {
        budgetYear: YEAR,
        proposal: { url: 'https://docs.example/begroting-2027.pdf', versionLabel: 'Concept v1' },
        allocation: {
          amountPerPupilCents: 18_550,
          equityCents: 25_000_000,
          turnoverCents: 1_000_000_000,
        },
      },
    });
    expect(start.status).toBe(201);
    const [opr] = (await stack.ds.query(
      `SELECT p.email FROM body_member m JOIN body b ON b.id = m.body_id JOIN person p ON p.id = m.person_id
        JOIN organisation o ON o.id = b.organisation_id WHERE o.slug = 'stadsring' AND b.key = 'opr' ORDER BY p.email LIMIT 1`,
    )) as { email: string }[];
    const member = await stack.signIn(opr!.email);
    // The round opens once the workflow has handed out the tasks; until then the vote is refused.
    let vote: { status: number; body: unknown } = { status: 0, body: null };
    for (let i = 0; i < 100 && vote.status !== 200 && vote.status !== 201; i++) {
      vote = await stack.call('POST', `/api/budget-cycles/${YEAR}/votes`, {
        token: member,
        body: { bodyKey: 'opr', value: 'for' },
      });
      if (vote.status !== 200 && vote.status !== 201) await new Promise((r) => setTimeout(r, 100));
    }
    expect([200, 201]).toContain(vote.status);

    const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
    const http = spans()
      .filter((s) => s.name === 'POST /api/budget-cycles/:year/votes')
      .at(-1);
    expect(http).toBeDefined();
    const traceId = http!.spanContext().traceId;
    // Workflow spans come out of the sandbox through a sink after the workflow task: wait a little.
    const until = Date.now() + 10_000;
    const inTrace = () => spans().filter((s) => s.spanContext().traceId === traceId);
    while (
      !inTrace().some((s) => s.name === 'RunActivity:publishCycleState') &&
      Date.now() < until
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const names = inTrace().map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/budget-cycles/:year/votes',
        'StartWorkflowUpdate:castVote',
        'HandleUpdate:castVote',
      ]),
    );
    // The local activity that stores the vote (with the audit row and the task) and the state.
    expect(names).toContain('RunActivity:publishCycleState');
    // Every span of the trace hangs under the HTTP request: one tree, one root.
    const roots = inTrace().filter((s) => !s.parentSpanId);
    expect(roots.map((s) => s.name)).toEqual(['POST /api/budget-cycles/:year/votes']);
    // No personal data in span names: ids and names of Updates and activities only.
    expect(names.join(' ')).not.toContain(opr!.email);
  }, 120_000);
});
