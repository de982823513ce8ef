import { formatEuro } from '@jaarcyclus/domain';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { startStack, type Stack } from './support/stack';

// Issue 3 end to end on the real Temporal dev server, PostgreSQL and SMTP server: the
// secretariat starts "Begroting 2027" through the api, every member of ALV, RvT and OPR votes
// through the api, the directeur-bestuurder adopts, and every board's allocation letter is read
// back from the SMTP server with the right amounts.
describe('December budget cycle (e2e)', () => {
  let stack: Stack;
  const YEAR = 2027;
  // 2.5% equity: inside the 2%–3.5% band, so the variable amount is not adjusted.
  const FIGURES = {
    amountPerPupilCents: 18_550,
    equityCents: 25_000_000,
    turnoverCents: 1_000_000_000,
  };

  beforeAll(async () => {
    stack = await startStack();
    // These flows read live tallies and each member's vote: the bodies vote openly (the other
    // vote secrecy rules: apps/api/src/vote-secrecy.int-spec.ts, test/web/vote-secrecy.e2e-spec.ts).
    await stack.ds.query(`UPDATE body SET vote_secrecy = 'open'`);
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  }, 60_000);

  async function members(bodyKey: string): Promise<string[]> {
    const rows: { email: string }[] = await stack.ds.query(
      `SELECT p.email FROM body_member m JOIN body b ON b.id = m.body_id JOIN person p ON p.id = m.person_id
        JOIN organisation o ON o.id = b.organisation_id WHERE o.slug = 'stadsring' AND b.key = $1 ORDER BY p.email`,
      [bodyKey],
    );
    return rows.map((r) => r.email);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the status JSON as the api sends it
  async function waitForPhase(token: string, phase: string): Promise<Record<string, any>> {
    const until = Date.now() + 30_000;
    for (;;) {
      const s = await stack.call('GET', `/api/budget-cycles/${YEAR}`, { token });
      if (s.body.phase === phase) return s.body;
      if (Date.now() > until) throw new Error(`phase stayed ${s.body.phase}, expected ${phase}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('runs from start to allocation letters', async () => {
    const secretariat = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);

    const preview = await stack.call('POST', '/api/budget-cycles/preview', {
      token: secretariat,
      body: {
        budgetYear: YEAR,
        proposal: { url: 'https://docs.example/begroting-2027.pdf', versionLabel: 'Concept v1' },
        allocation: FIGURES,
      },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['reminder', 'deadline', 'escalation', 'letters']),
    );

    const start = await stack.call('POST', '/api/budget-cycles', {
      token: secretariat,
      body: {
        budgetYear: YEAR,
        proposal: { url: 'https://docs.example/begroting-2027.pdf', versionLabel: 'Concept v1' },
        allocation: FIGURES,
        // Already past: the letters go out as soon as the budget is adopted.
        lettersDate: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(start.status).toBe(201);
    expect(start.body.workflowId).toMatch(/^budget:[0-9a-f-]+:2027$/);

    // Starting the same year again returns the running cycle, not a second one.
    const again = await stack.call('POST', '/api/budget-cycles', {
      token: secretariat,
      body: {
        budgetYear: YEAR,
        proposal: { url: 'https://docs.example/x.pdf', versionLabel: 'x' },
        allocation: FIGURES,
      },
    });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);

    const alv = await members('alv');
    const rvt = await members('rvt');
    const opr = await members('opr');
    // Every member gets an invitation mail with a link to their task.
    await stack.smtp.waitFor(() =>
      [...alv, ...rvt, ...opr].every((e) =>
        stack.smtp.to(e).some((m) => m.subject.includes('Stemming')),
      ),
    );

    const oprToken = await stack.signIn(opr[0]!);
    const wrongBody = await stack.call('POST', `/api/budget-cycles/${YEAR}/votes`, {
      token: oprToken,
      body: { bodyKey: 'alv', value: 'for' },
    });
    expect(wrongBody.status).toBe(422);
    expect(wrongBody.body.message).toMatch(/member/i);

    const tasks = await stack.call('GET', '/api/me/tasks', { token: oprToken });
    expect(
      tasks.body.filter(
        (t: { kind: string; status: string }) => t.kind === 'vote' && t.status === 'open',
      ),
    ).toHaveLength(1);

    // Members vote until their body is decided: once the outcome can no longer change (the
    // domain's `final`), the body closes early and later votes are refused with 409.
    let votesCast = 0;
    for (const [bodyKey, emails] of [
      ['alv', alv],
      ['rvt', rvt],
      ['opr', opr],
    ] as const) {
      let closed = false;
      for (const email of emails) {
        const token = email === opr[0] ? oprToken : await stack.signIn(email);
        const vote = await stack.call('POST', `/api/budget-cycles/${YEAR}/votes`, {
          token,
          body: { bodyKey, value: 'for', comment: 'Akkoord' },
        });
        if (closed) {
          expect(vote.status).toBe(409);
          continue;
        }
        expect(vote.status).toBe(200);
        votesCast += 1;
        closed = vote.body.status === 'approved';
      }
      expect(closed).toBe(true);
    }

    const director = await stack.signIn(DEMO_EMAILS.stadsring.director);
    const awaiting = await waitForPhase(director, 'awaiting_adoption');
    const alvView = awaiting.bodies.find((b: { bodyKey: string }) => b.bodyKey === 'alv');
    expect(alvView.status).toBe('approved');
    // Weighted by pupils: the boards that voted for carry more than half of the 16,500 pupils.
    expect(alvView.tally.totalWeight).toBe(16_500);
    expect(alvView.tally.forWeight).toBeGreaterThan(16_500 / 2);

    const notDirector = await stack.call('POST', `/api/budget-cycles/${YEAR}/adoption`, {
      token: secretariat,
    });
    expect(notDirector.status).toBe(403);
    const adopted = await stack.call('POST', `/api/budget-cycles/${YEAR}/adoption`, {
      token: director,
    });
    expect(adopted.status).toBe(200);
    await waitForPhase(director, 'letters_sent');

    // Expected amounts straight from the rows: fixed amounts of the board's regular schools plus
    // pupils × amount per pupil.
    const boards: { name: string; email: string; pupils: number; fixed: string }[] =
      await stack.ds.query(
        `SELECT b.name, p.email, b.pupil_count AS pupils,
              COALESCE((SELECT SUM(s.fixed_amount_cents) FROM school s WHERE s.board_id = b.id AND s.kind = 'regular'), 0) AS fixed
         FROM school_board b JOIN organisation o ON o.id = b.organisation_id JOIN person p ON p.id = b.bestuurder_person_id
        WHERE o.slug = 'stadsring'`,
      );
    expect(boards).toHaveLength(10);
    await stack.smtp.waitFor(() =>
      boards.every((b) =>
        stack.smtp.to(b.email).some((m) => m.subject.includes('Toekenning middelen 2027')),
      ),
    );
    for (const b of boards) {
      const letters = stack.smtp
        .to(b.email)
        .filter((m) => m.subject.includes('Toekenning middelen 2027'));
      expect(letters).toHaveLength(1);
      const total = Number(b.fixed) + b.pupils * FIGURES.amountPerPupilCents;
      expect(letters[0]!.text).toContain(formatEuro(b.pupils * FIGURES.amountPerPupilCents));
      expect(letters[0]!.text).toContain(`Totaal`);
      expect(letters[0]!.text).toContain(formatEuro(total));
    }

    // The mail's link opens that board's letter as a PDF for its bestuurder, and is "not found"
    // for the bestuurder of another board.
    const letterPath = (email: string): string => {
      const mail = stack.smtp
        .to(email)
        .find((m) => m.subject.includes('Toekenning middelen 2027'))!;
      const link = /Open de brief als pdf: (\S+)/.exec(mail.text)?.[1];
      expect(link).toMatch(/^http:\/\/jaarcyclus\.test\/app\/letters\/[0-9a-f-]{36}$/);
      return new URL(link!).pathname;
    };
    const open = async (path: string, email: string) =>
      fetch(stack.baseUrl + path, {
        headers: { authorization: `Bearer ${await stack.signIn(email)}` },
      });
    const own = await open(letterPath(boards[0]!.email), boards[0]!.email);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await own.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const foreign = await open(letterPath(boards[0]!.email), boards[1]!.email);
    expect(foreign.status).toBe(404);

    // Every vote and the adoption are in the append-only audit log.
    const audit = await stack.call('GET', `/api/budget-cycles/${YEAR}/audit`, {
      token: secretariat,
    });
    const votes = audit.body.filter((e: { action: string }) => e.action === 'vote_cast');
    expect(votes).toHaveLength(votesCast);
    expect(audit.body.some((e: { action: string }) => e.action === 'budget_adopted')).toBe(true);
  }, 180_000);

  it('shows the cycle while the worker is down, and the cycle resumes when a worker is back', async () => {
    const year = YEAR + 1;
    const secretariat = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);
    const [rvtMember, secondRvtMember] = await members('rvt');
    const start = await stack.call('POST', '/api/budget-cycles', {
      token: secretariat,
      body: {
        budgetYear: year,
        proposal: { url: 'https://docs.example/begroting-2028.pdf', versionLabel: 'Concept v1' },
        allocation: FIGURES,
      },
    });
    expect(start.status).toBe(201);
    const member = await stack.signIn(rvtMember!);
    const until = Date.now() + 30_000;
    for (;;) {
      const vote = await stack.call('POST', `/api/budget-cycles/${year}/votes`, {
        token: member,
        body: { bodyKey: 'rvt', value: 'for' },
      });
      if (vote.status === 200) break;
      // 409 until the round has opened (the worker snapshots the roster first).
      if (vote.status !== 409 || Date.now() > until)
        throw new Error(`vote answered ${vote.status}: ${JSON.stringify(vote.body)}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    await stack.stopWorker();
    try {
      // A Query needs a worker; the read model does not.
      const during = await stack.call('GET', `/api/budget-cycles/${year}`, { token: secretariat });
      expect(during.status).toBe(200);
      const rvt = during.body.bodies.find((b: { bodyKey: string }) => b.bodyKey === 'rvt');
      expect(rvt.status).toBe('open');
      expect(rvt.voted.map((v: { value: string }) => v.value)).toEqual(['for']);
      expect(rvt.notVoted.length).toBeGreaterThan(0);
    } finally {
      await stack.startWorker();
    }

    const second = await stack.signIn(secondRvtMember!);
    const vote = await stack.call('POST', `/api/budget-cycles/${year}/votes`, {
      token: second,
      body: { bodyKey: 'rvt', value: 'for' },
    });
    expect(vote.status).toBe(200);
    const after = await stack.call('GET', `/api/budget-cycles/${year}`, { token: secretariat });
    expect(
      after.body.bodies.find((b: { bodyKey: string }) => b.bodyKey === 'rvt').voted,
    ).toHaveLength(2);

    // A board member sees every body's totals and their own vote, never another member's.
    const [person] = (await stack.ds.query(`SELECT id FROM person WHERE email = $1`, [
      secondRvtMember,
    ])) as {
      id: string;
    }[];
    const secondId = person!.id;
    const seen = await stack.call('GET', `/api/budget-cycles/${year}`, { token: second });
    expect(seen.status).toBe(200);
    const rvt = seen.body.bodies.find((b: { bodyKey: string }) => b.bodyKey === 'rvt');
    expect(rvt.tally).toMatchObject({ votedMembers: 2 });
    expect(
      rvt.voted.map((v: { personId: string; value: string }) => [v.personId, v.value]),
    ).toEqual([[secondId, 'for']]);
    expect(rvt.notVoted).toEqual([]);
    for (const b of seen.body.bodies as { voted: unknown[]; notVoted: unknown[] }[]) {
      if (b !== rvt) expect([b.voted, b.notVoted]).toEqual([[], []]);
    }
    const votes = (seen.body.timeline as { code: string; actorPersonId?: string }[]).filter((e) =>
      ['vote_cast', 'vote_changed'].includes(e.code),
    );
    expect(votes.map((e) => e.actorPersonId)).toEqual([secondId]);
  }, 120_000);
});
