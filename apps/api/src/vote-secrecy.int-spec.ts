import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { startApi, type ApiHarness } from './testing/api-harness';

/**
 * Vote secrecy as a rule of the body (libs/domain `voteVisibility`), per role and setting, over
 * the api: the cycle's state, the answer to a vote and the audit export. The cycle's state is a
 * fixed one (the workflow's Query answers it): an RvT round still open with two votes and
 * their comments, and an OPR round already decided. The workflow's own voting is tested on
 * the time-skipping server; here only what each reader is shown.
 */

jest.setTimeout(60_000);

interface Person {
  id: string;
  name: string;
  email: string;
}

describe('vote secrecy over the api', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  const states = new Map<string, unknown>();
  const updates: { name: string; result: unknown }[] = [];
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const year = new Date().getUTCFullYear() + 3;
  /** Before any rule is changed in this file. */
  const ROUND_OPENED = new Date().toISOString();
  let organisationId: string;
  let rvt: Person[];
  let opr: Person[];
  let director: Person;
  let secretariat: Person;

  const client = {
    connection: {
      withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn(),
      withAbortSignal: (_signal: AbortSignal, fn: () => Promise<unknown>) => fn(),
    },
    workflow: {
      getHandle: (workflowId: string) => ({
        query: () =>
          states.has(workflowId)
            ? Promise.resolve(states.get(workflowId))
            : Promise.reject(new WorkflowNotFoundError('not found', workflowId, undefined)),
        describe: () => Promise.resolve({ status: { name: 'RUNNING' } }),
        executeUpdate: (def: { name: string }) => {
          const next = updates.shift();
          if (!next) throw new Error(`unexpected Update ${def.name}`);
          return Promise.resolve(next.result);
        },
      }),
    },
  } as unknown as Client;

  async function people(bodyKey: string): Promise<Person[]> {
    return (await api.ds.query(
      `SELECT p.id, p.name, p.email FROM body_member m JOIN body b ON b.id = m.body_id
         JOIN person p ON p.id = m.person_id
        WHERE b.organisation_id = $1 AND b.key = $2
        ORDER BY (p.id = b.chair_person_id) DESC, p.email`,
      [organisationId, bodyKey],
    )) as Person[];
  }

  async function person(email: string): Promise<Person> {
    const [row] = (await api.ds.query(`SELECT id, name, email FROM person WHERE email = $1`, [
      email,
    ])) as Person[];
    return row!;
  }

  const tally = (voted: number, total: number, forW: number, againstW: number) => ({
    forWeight: forW,
    againstWeight: againstW,
    abstainWeight: 0,
    totalWeight: total,
    votedWeight: voted,
    votedMembers: voted,
    totalMembers: total,
    remainingWeight: total - voted,
    remainingMembers: total - voted,
    quorumReached: voted * 2 > total,
    outcome: forW * 2 > total ? 'approved' : 'undecided',
    final: false,
  });

  const rule = {
    weighting: 'one_member_one_vote',
    quorum: null,
    majority: { basis: 'votes_cast', strict: true, numerator: 1, denominator: 2 },
    abstentions: 'excluded',
  };

  const vote = (p: Person, value: string, comment: string | null) => ({
    personId: p.id,
    name: p.name,
    value,
    weight: 1,
    comment,
    castAt: '2026-12-01T09:00:00.000Z',
    changes: 0,
  });

  /** The RvT round open with two votes (the chair for, another against), the OPR decided. */
  function state() {
    const bodies = [
      {
        bodyKey: 'rvt',
        name: 'Raad van Toezicht',
        decisionKind: 'goedkeuring',
        votingRule: rule,
        chair: { personId: rvt[0]!.id, name: rvt[0]!.name },
        status: 'open',
        deadline: '2026-12-18T16:00:00.000Z',
        tally: tally(2, rvt.length, 1, 1),
        quorumReached: true,
        voted: [
          vote(rvt[0]!, 'for', 'Akkoord, mits de reserve wordt aangevuld.'),
          vote(rvt[1]!, 'against', 'Te krap begroot voor de ondersteuning.'),
        ],
        notVoted: rvt.slice(2).map((p) => ({ personId: p.id, name: p.name, weight: 1 })),
        remindersSent: 0,
        nextReminderAt: null,
        escalatedAt: null,
        escalationSentAt: null,
        decidedAt: null,
        decidedBy: null,
        closedByPersonId: null,
      },
      {
        bodyKey: 'opr',
        name: 'Ondersteuningsplanraad',
        decisionKind: 'instemming',
        votingRule: rule,
        chair: { personId: opr[0]!.id, name: opr[0]!.name },
        status: 'approved',
        deadline: '2026-12-18T16:00:00.000Z',
        tally: tally(2, opr.length, 2, 0),
        quorumReached: true,
        voted: [
          vote(opr[1]!, 'for', 'Zorg dat ouders het plan kunnen lezen.'),
          vote(opr[2]!, 'for', 'Akkoord.'),
        ],
        notVoted: opr
          .filter((_, i) => i !== 1 && i !== 2)
          .map((p) => ({ personId: p.id, name: p.name, weight: 1 })),
        remindersSent: 0,
        nextReminderAt: null,
        escalatedAt: null,
        escalationSentAt: null,
        decidedAt: '2026-12-02T09:00:00.000Z',
        decidedBy: 'votes',
        closedByPersonId: null,
      },
    ];
    const event = (p: Person, bodyKey: string, value: string) => ({
      at: '2026-12-01T09:00:00.000Z',
      code: 'vote_cast',
      round: 1,
      bodyKey,
      actorPersonId: p.id,
      data: { value, weight: 1 },
    });
    return {
      workflowId: `budget:${organisationId}:${year}`,
      organisationId,
      budgetYear: year,
      title: `Begroting ${year}`,
      phase: 'voting',
      round: 1,
      proposal: { url: 'https://docs.example/b.pdf', versionLabel: 'v1' },
      voteDeadline: '2026-12-18T16:00:00.000Z',
      lettersDate: '2026-12-22T08:00:00.000Z',
      directorPersonId: director.id,
      oprDisputeAfterRounds: 2,
      bodies,
      rounds: [{ round: 1, proposal: {}, openedAt: ROUND_OPENED, status: 'voting', bodies }],
      consentWithheldRounds: [],
      dispute: null,
      adoption: { requestedAt: null, adoptedAt: null, adoptedByPersonId: null },
      letters: { scheduledFor: null, sentAt: null, result: null },
      timeline: [
        event(rvt[0]!, 'rvt', 'for'),
        event(rvt[1]!, 'rvt', 'against'),
        event(opr[1]!, 'opr', 'for'),
        event(opr[2]!, 'opr', 'for'),
      ],
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp, { temporalClient: client });
    const [org] = (await api.ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as {
      id: string;
    }[];
    organisationId = org!.id;
    rvt = await people('rvt');
    opr = await people('opr');
    director = await person(DEMO_EMAILS.stadsring.director);
    secretariat = await person(DEMO_EMAILS.stadsring.secretariat);
    expect(rvt.length).toBeGreaterThanOrEqual(3);
    expect(opr.length).toBeGreaterThanOrEqual(3);
    expect(rvt[0]!.email).toBe(DEMO_EMAILS.stadsring.rvtChair);
    const s = state();
    states.set(s.workflowId, s);
    // The cycle's row, so the audit export finds the cycle.
    await api.ds.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, created_by_person_id)
       VALUES ($1, 'budget', $2, $3, $4, 'voting', $5)`,
      [organisationId, year, s.workflowId, s.title, secretariat.id],
    );
    for (const [p, bodyKey, value, comment] of [
      [rvt[0]!, 'rvt', 'for', 'Akkoord, mits de reserve wordt aangevuld.'],
      [rvt[1]!, 'rvt', 'against', 'Te krap begroot voor de ondersteuning.'],
      [opr[1]!, 'opr', 'for', 'Zorg dat ouders het plan kunnen lezen.'],
    ] as const) {
      await api.ds.query(
        `INSERT INTO audit_event (organisation_id, workflow_id, round, actor_person_id, action, body_key, weight, value, comment)
         VALUES ($1, $2, 1, $3, 'vote_cast', $4, 1, $5, $6)`,
        [organisationId, s.workflowId, p.id, bodyKey, value, comment],
      );
    }
    for (const [who, email] of [
      ['secretariat', DEMO_EMAILS.stadsring.secretariat],
      ['director', DEMO_EMAILS.stadsring.director],
      ['rvtChair', rvt[0]!.email],
      ['rvtMember', rvt[1]!.email],
      ['oprChair', opr[0]!.email],
      ['oprMember', opr[1]!.email],
      ['rijnoever', DEMO_EMAILS.rijnoever.secretariat],
    ] as const)
      tokens[who] = await api.signIn(email);
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
    await db?.drop();
  });

  /** The round "opens" now: rules changed before no longer protect it. */
  function openRoundNow(): void {
    const s = states.values().next().value as { rounds: { openedAt: string }[] };
    s.rounds[0]!.openedAt = new Date().toISOString();
  }

  async function setSecrecy(bodyKey: string, value: string | null): Promise<void> {
    const [body] = (await api.ds.query(
      `SELECT id FROM body WHERE organisation_id = $1 AND key = $2`,
      [organisationId, bodyKey],
    )) as { id: string }[];
    const res = await api
      .http()
      .patch(`/api/bodies/${body!.id}`)
      .set(as('secretariat'))
      .send({ voteSecrecy: value });
    expect(res.status).toBe(200);
  }

  async function bodyAs(who: string, bodyKey: string) {
    const res = await api.http().get(`/api/budget-cycles/${year}`).set(as(who));
    expect(res.status).toBe(200);
    return {
      body: (res.body.bodies as Record<string, unknown>[]).find((b) => b.bodyKey === bodyKey)!,
      round: (res.body.rounds[0].bodies as Record<string, unknown>[]).find(
        (b) => b.bodyKey === bodyKey,
      )!,
      timeline: res.body.timeline as { bodyKey: string; actorPersonId: string; data: object }[],
    };
  }

  const values = (b: Record<string, unknown>) =>
    (b.voted as { name: string; value: string }[]).map((v) => `${v.name}:${v.value}`);
  const comments = (b: Record<string, unknown>) =>
    (b.comments as { name: string | null; comment: string }[] | null)?.map(
      (c) => `${c.name ?? '?'}: ${c.comment}`,
    ) ?? null;

  it('states each body’s rule with the default of its decision kind, and edits it (validated)', async () => {
    await setSecrecy('rvt', null);
    await setSecrecy('opr', null);
    const list = await api.http().get('/api/bodies').set(as('secretariat')).expect(200);
    const byKey = Object.fromEntries(
      (list.body as { key: string; voteSecrecy: string; voteSecrecyDefault: boolean }[]).map(
        (b) => [b.key, [b.voteSecrecy, b.voteSecrecyDefault]],
      ),
    );
    expect(byKey).toMatchObject({
      alv: ['totals_after_close', true],
      rvt: ['totals_after_close', true],
      opr: ['secret', true],
    });
    const [body] = (await api.ds.query(
      `SELECT id FROM body WHERE organisation_id = $1 AND key = 'opr'`,
      [organisationId],
    )) as { id: string }[];
    const bad = await api
      .http()
      .patch(`/api/bodies/${body!.id}`)
      .set(as('secretariat'))
      .set('Accept-Language', 'nl')
      .send({ voteSecrecy: 'public' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('voteSecrecy');
    expect(JSON.stringify(bad.body)).toContain('open, totals_after_close, secret');
    // Another SWV's body: not found; a member: not allowed.
    await api
      .http()
      .patch(`/api/bodies/${body!.id}`)
      .set(as('rijnoever'))
      .send({ voteSecrecy: 'open' })
      .expect(404);
    await api
      .http()
      .patch(`/api/bodies/${body!.id}`)
      .set(as('oprMember'))
      .send({ voteSecrecy: 'open' })
      .expect(403);
    const stored = (await api.ds.query(`SELECT vote_secrecy FROM body WHERE id = $1`, [
      body!.id,
    ])) as { vote_secrecy: string | null }[];
    expect(stored[0]!.vote_secrecy).toBeNull();
  });

  it('by default: while the RvT votes nobody sees votes, totals or comments; only how many voted', async () => {
    await setSecrecy('rvt', null);
    for (const who of ['secretariat', 'director', 'rvtChair', 'rvtMember', 'oprMember']) {
      const { body, round, timeline } = await bodyAs(who, 'rvt');
      expect([who, body.voteSecrecy, body.sealed, body.tally, body.comments]).toEqual([
        who,
        'totals_after_close',
        true,
        null,
        null,
      ]);
      expect([who, round.tally, round.comments]).toEqual([who, null, null]);
      expect(body.turnout).toMatchObject({ votedMembers: 2, totalMembers: rvt.length });
      // No vote of another member, and no vote value of another member in the timeline.
      const ownId = who === 'rvtChair' ? rvt[0]!.id : who === 'rvtMember' ? rvt[1]!.id : null;
      const own =
        ownId === rvt[0]!.id ? [`${rvt[0]!.name}:for`] : ownId ? [`${rvt[1]!.name}:against`] : [];
      expect([who, values(body)]).toEqual([who, own]);
      for (const e of timeline.filter((e) => e.bodyKey === 'rvt' && e.actorPersonId !== ownId)) {
        expect([who, e.data]).toEqual([who, {}]);
      }
    }
    // The office and the chair see who has voted (to remind the others), not how.
    const office = (await bodyAs('secretariat', 'rvt')).body;
    expect(office.votedWithoutValue).toEqual([
      { personId: rvt[0]!.id, name: rvt[0]!.name, weight: 1 },
      { personId: rvt[1]!.id, name: rvt[1]!.name, weight: 1 },
    ]);
    // A member sees their own vote and comment.
    const own = (await bodyAs('rvtMember', 'rvt')).body;
    expect(own.voted).toEqual([
      expect.objectContaining({
        personId: rvt[1]!.id,
        value: 'against',
        comment: 'Te krap begroot voor de ondersteuning.',
      }),
    ]);
    expect(own.votedWithoutValue).toEqual([]);
  });

  it('by default the OPR votes secretly: after closing totals for all, comments without names for the secretariat and the chair, the director sees neither votes nor comments', async () => {
    await setSecrecy('opr', null);
    const seen = Object.fromEntries(
      await Promise.all(
        ['secretariat', 'director', 'oprChair', 'oprMember'].map(async (who) => {
          const { body } = await bodyAs(who, 'opr');
          return [
            who,
            {
              secrecy: body.voteSecrecy,
              forWeight: (body.tally as { forWeight: number } | null)?.forWeight ?? null,
              votes: values(body),
              comments: comments(body),
            },
          ] as const;
        }),
      ),
    );
    expect(seen.secretariat).toEqual({
      secrecy: 'secret',
      forWeight: 2,
      votes: [],
      comments: ['?: Akkoord.', '?: Zorg dat ouders het plan kunnen lezen.'],
    });
    expect(seen.oprChair).toEqual(seen.secretariat);
    expect(seen.director).toEqual({ secrecy: 'secret', forWeight: 2, votes: [], comments: null });
    expect(seen.oprMember).toEqual({
      secrecy: 'secret',
      forWeight: 2,
      votes: [`${opr[1]!.name}:for`],
      comments: null,
    });
  });

  it('loosening the rule during a round never reveals that round’s votes', async () => {
    await setSecrecy('rvt', 'open');
    await setSecrecy('opr', 'open');
    // The RvT round opened under "totals after close", the OPR round under "secret".
    for (const who of ['secretariat', 'director', 'rvtChair']) {
      const { body } = await bodyAs(who, 'rvt');
      expect([who, body.voteSecrecy, body.tally, body.comments]).toEqual([
        who,
        'totals_after_close',
        null,
        null,
      ]);
    }
    const oprBody = (await bodyAs('director', 'opr')).body;
    expect([oprBody.voteSecrecy, values(oprBody), oprBody.comments]).toEqual(['secret', [], null]);
    const audit = (
      await api.http().get(`/api/budget-cycles/${year}/audit`).set(as('director')).expect(200)
    ).body as { value: string | null }[];
    expect(audit.map((e) => e.value)).toEqual([null, null, null]);
  });

  it('an open RvT: the office, the director and the chair read every vote and comment by name; a member only their own', async () => {
    await setSecrecy('rvt', 'open');
    openRoundNow();
    const named = [
      `${rvt[0]!.name}: Akkoord, mits de reserve wordt aangevuld.`,
      `${rvt[1]!.name}: Te krap begroot voor de ondersteuning.`,
    ];
    for (const who of ['secretariat', 'director', 'rvtChair']) {
      const { body, timeline } = await bodyAs(who, 'rvt');
      expect([who, values(body), comments(body)]).toEqual([
        who,
        [`${rvt[0]!.name}:for`, `${rvt[1]!.name}:against`],
        named,
      ]);
      expect(body.tally).toMatchObject({ forWeight: 1, againstWeight: 1 });
      expect(timeline.filter((e) => e.bodyKey === 'rvt').map((e) => e.data)).toEqual([
        { value: 'for', weight: 1 },
        { value: 'against', weight: 1 },
      ]);
    }
    const member = (await bodyAs('rvtMember', 'rvt')).body;
    expect([values(member), member.comments]).toEqual([[`${rvt[1]!.name}:against`], null]);
    expect(member.tally).toMatchObject({ forWeight: 1, againstWeight: 1 });
    // Someone outside the RvT (an OPR chair) is no reader of the RvT's votes.
    const outsider = (await bodyAs('oprChair', 'rvt')).body;
    expect([values(outsider), outsider.comments, outsider.votedWithoutValue]).toEqual([
      [],
      null,
      [],
    ]);
  });

  it('the audit export follows the rule: values and comments only where the reader may see them', async () => {
    await setSecrecy('rvt', null);
    await setSecrecy('opr', null);
    const trail = async (who: string) =>
      (
        (await api.http().get(`/api/budget-cycles/${year}/audit`).set(as(who)).expect(200))
          .body as {
          bodyKey: string;
          actorPersonId: string;
          value: string | null;
          comment: string | null;
        }[]
      ).map((e) => [
        e.bodyKey,
        e.actorPersonId === rvt[0]!.id ||
          e.actorPersonId === rvt[1]!.id ||
          e.actorPersonId === opr[1]!.id,
        e.value,
        e.comment,
      ]);
    // RvT sealed while open, OPR secret: who voted, never how.
    expect(await trail('secretariat')).toEqual([
      ['rvt', true, null, null],
      ['rvt', true, null, null],
      ['opr', true, null, null],
    ]);
    expect(await trail('director')).toEqual(await trail('secretariat'));
    await setSecrecy('rvt', 'open');
    await setSecrecy('opr', 'totals_after_close');
    openRoundNow();
    expect(await trail('director')).toEqual([
      ['rvt', true, 'for', 'Akkoord, mits de reserve wordt aangevuld.'],
      ['rvt', true, 'against', 'Te krap begroot voor de ondersteuning.'],
      ['opr', true, 'for', 'Zorg dat ouders het plan kunnen lezen.'],
    ]);
    await api.http().get(`/api/budget-cycles/${year}/audit`).set(as('rvtMember')).expect(403);
  });

  it('the answer to a vote carries the tally only where totals are shown now', async () => {
    const result = (status: string) => ({
      round: 1,
      bodyKey: 'rvt',
      value: 'for',
      changed: false,
      status,
      tally: tally(3, rvt.length, 2, 1),
    });
    await setSecrecy('rvt', null);
    updates.push({ name: 'castVote', result: result('open') });
    const sealed = await api
      .http()
      .post(`/api/budget-cycles/${year}/votes`)
      .set(as('rvtMember'))
      .send({ bodyKey: 'rvt', value: 'for' })
      .expect(200);
    expect(sealed.body).toEqual(
      expect.objectContaining({ status: 'open', tally: null, voteSecrecy: 'totals_after_close' }),
    );
    updates.push({ name: 'castVote', result: result('approved') });
    const closed = await api
      .http()
      .post(`/api/budget-cycles/${year}/votes`)
      .set(as('rvtMember'))
      .send({ bodyKey: 'rvt', value: 'for' })
      .expect(200);
    expect(closed.body.tally).toMatchObject({ forWeight: 2 });
    await setSecrecy('rvt', 'open');
    openRoundNow();
    updates.push({ name: 'castVote', result: result('open') });
    const open = await api
      .http()
      .post(`/api/budget-cycles/${year}/votes`)
      .set(as('rvtMember'))
      .send({ bodyKey: 'rvt', value: 'for' })
      .expect(200);
    expect(open.body.tally).toMatchObject({ forWeight: 2 });
  });
});
