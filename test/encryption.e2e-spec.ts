import { randomBytes } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { operatorCommand } from '@jaarcyclus/api-app/cli/operator-command';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { isEncryptedPayload, payloadsToJson } from '@jaarcyclus/temporal';
import type { Payload } from '@temporalio/common';
import { startStack, type Stack } from './support/stack';

// The canary: a budget cycle on the real dev server, api and worker as in production, with a
// member named with a unique string, who votes with a comment holding another. Temporal's
// history of the cycle, read raw from the server, holds neither; an operator reads both back
// through the api's codec endpoint, an SWV's administrator does not.
const { History } = temporal.api.history.v1;

describe('encrypted workflow data (e2e canary)', () => {
  let stack: Stack;
  const YEAR = 2028;
  const MEMBER = `Kanarie ${randomBytes(8).toString('hex')}`;
  const COMMENT = `Akkoord, kanarie ${randomBytes(8).toString('hex')}`;
  const LABEL = `Concept kanarie ${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  }, 60_000);

  /** Every event of the cycle as the server stores it, read without any data converter. */
  async function rawHistory(workflowId: string): Promise<temporal.api.history.v1.IHistory> {
    const events: temporal.api.history.v1.IHistoryEvent[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await stack.env.client.workflowService.getWorkflowExecutionHistory({
        namespace: stack.env.namespace ?? 'default',
        execution: { workflowId },
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      events.push(...(page.history?.events ?? []));
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return { events };
  }

  function payloadsIn(value: unknown, out: Payload[] = []): Payload[] {
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return out;
    if (Array.isArray(value)) {
      for (const v of value) payloadsIn(v, out);
      return out;
    }
    const record = value as Record<string, unknown>;
    const metadata = record.metadata as Record<string, unknown> | undefined;
    if (metadata && metadata.encoding instanceof Uint8Array) out.push(record as Payload);
    else for (const v of Object.values(record)) payloadsIn(v, out);
    return out;
  }

  it('keeps names and comments out of the raw history; the codec endpoint shows them to an operator only', async () => {
    const [member] = (await stack.ds.query(
      `SELECT p.id, p.email FROM body_member m JOIN body b ON b.id = m.body_id JOIN person p ON p.id = m.person_id
        JOIN organisation o ON o.id = b.organisation_id WHERE o.slug = 'stadsring' AND b.key = 'opr'
        ORDER BY p.email LIMIT 1`,
    )) as { id: string; email: string }[];
    await stack.ds.query(`UPDATE person SET name = $1 WHERE id = $2`, [MEMBER, member!.id]);

    const secretariat = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);
    const start = await stack.call('POST', '/api/budget-cycles', {
      token: secretariat,
      body: {
        budgetYear: YEAR,
        proposal: { url: 'https://docs.example/begroting-2028.pdf', versionLabel: LABEL },
        allocation: {
          amountPerPupilCents: 18_550,
          equityCents: 25_000_000,
          turnoverCents: 1_000_000_000,
        },
      },
    });
    expect(start.status).toBe(201);
    const workflowId = start.body.workflowId as string;
    await stack.smtp.waitFor(() =>
      stack.smtp.to(member!.email).some((m) => m.subject.includes('Stemming')),
    );
    const token = await stack.signIn(member!.email);
    const vote = await stack.call('POST', `/api/budget-cycles/${YEAR}/votes`, {
      token,
      body: { bodyKey: 'opr', value: 'for', comment: COMMENT },
    });
    expect(vote.status).toBe(200);

    // Raw: the member's name (the roster snapshot, the state the cycle publishes), the comment
    // (the Update's argument) and the proposal's label (the workflow's input) are nowhere.
    const history = await rawHistory(workflowId);
    const bytes = Buffer.from(History.encode(History.fromObject(history)).finish());
    expect(bytes.length).toBeGreaterThan(10_000);
    for (const canary of [MEMBER, COMMENT, LABEL]) {
      expect({ canary, hits: bytes.indexOf(canary) }).toEqual({ canary, hits: -1 });
    }
    const payloads = payloadsIn(history.events);
    const encrypted = payloads.filter(isEncryptedPayload);
    expect(encrypted.length).toBeGreaterThan(10);

    // An operator (granted on the server) has them decrypted by the api, as the Web UI would.
    await operatorCommand(stack.ds, ['grant', DEMO_EMAILS.rijnoever.director]);
    const operator = await stack.signIn(DEMO_EMAILS.rijnoever.director);
    const decoded = await fetch(`${stack.baseUrl}/api/temporal-codec/decode`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${operator}`,
        'x-namespace': stack.env.namespace ?? 'default',
      },
      body: JSON.stringify(payloadsToJson(encrypted)),
    });
    expect(decoded.status).toBe(200);
    const clear = ((await decoded.json()) as { payloads: { data?: string }[] }).payloads
      .map((p) => Buffer.from(p.data ?? '', 'base64').toString())
      .join('\n');
    for (const canary of [MEMBER, COMMENT, LABEL]) expect(clear).toContain(canary);

    // The SWV's own administrator does not: payloads do not say whose they are.
    const refused = await stack.call('POST', '/api/temporal-codec/decode', {
      token: secretariat,
      body: payloadsToJson(encrypted.slice(0, 1)),
    });
    expect(refused.status).toBe(403);
    expect((await stack.call('POST', '/api/temporal-codec/decode', { body: {} })).status).toBe(401);

    // The cycle itself reads as ever through the api (whose client has the keys).
    const status = await stack.call('GET', `/api/budget-cycles/${YEAR}`, { token: secretariat });
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).toContain(LABEL);
  });
});
