import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { DEFAULT_RESERVE_RULE, computeAllocation, formatEuro } from '@jaarcyclus/domain';
import { OutboxService, createSmtpTransport } from '@jaarcyclus/mail';
import { DEMO_EMAILS, createDataSource, seedDemoData } from '@jaarcyclus/persistence';
import { SmtpCapture, createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type {
  AuditEventInput,
  BudgetActivities,
  PublishCycleStateInput,
  RosterSnapshot,
} from '@jaarcyclus/workflows';
import { createBudgetActivities } from './budget.activities';

const PUBLIC_URL = 'https://jaarcyclus.test';
/** Expected refusals are asserted, not logged. */
const quiet = new DefaultLogger('ERROR', () => undefined);
const WF = 'budget:stadsring-int:2027';

/** Runs an activity inside an activity context, as the worker would. */
function run<K extends keyof BudgetActivities>(
  acts: BudgetActivities,
  name: K,
  ...args: Parameters<BudgetActivities[K]>
): ReturnType<BudgetActivities[K]> {
  const fn = acts[name] as unknown as (...a: unknown[]) => Promise<unknown>;
  const result = new MockActivityEnvironment(undefined, { logger: quiet }).run<
    unknown[],
    unknown,
    typeof fn
  >(fn, ...(args as unknown[]));
  return result as ReturnType<BudgetActivities[K]>;
}

describe('budget activities (PostgreSQL + SMTP)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let smtp: SmtpCapture;
  let acts: BudgetActivities;
  let outbox: OutboxService;
  let orgId: string;
  let snapshot: RosterSnapshot;

  const personId = async (email: string): Promise<string> =>
    ((await ds.query(`SELECT id FROM person WHERE email = $1`, [email])) as { id: string }[])[0]!
      .id;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
    await seedDemoData(ds);
    smtp = await new SmtpCapture().start();
    outbox = new OutboxService(
      ds,
      createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`),
      'Jaarcyclus <noreply@jaarcyclus.example>',
    );
    acts = createBudgetActivities({ dataSource: ds, outbox, publicUrl: `${PUBLIC_URL}/` });
    orgId = (
      (await ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as { id: string }[]
    )[0]!.id;
    snapshot = await run(acts, 'snapshotRoster', {
      organisationId: orgId,
      bodyKeys: ['alv', 'rvt', 'opr'],
    });
  });
  afterAll(async () => {
    await smtp?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  it('snapshots the roster: ALV weight is the represented board’s pupil count, RvT and OPR one vote each', async () => {
    const alv = snapshot.bodies.find((b) => b.key === 'alv')!;
    const boards = (await ds.query(
      `SELECT id, pupil_count FROM school_board WHERE organisation_id = $1`,
      [orgId],
    )) as { id: string; pupil_count: number }[];
    expect(alv.members).toHaveLength(10);
    for (const m of alv.members)
      expect(m.weight).toBe(boards.find((b) => b.id === m.boardId)!.pupil_count);
    expect(alv.members.reduce((s, m) => s + m.weight, 0)).toBe(16_500);
    expect(snapshot.bodies.find((b) => b.key === 'rvt')!.members.map((m) => m.weight)).toEqual([
      1, 1, 1,
    ]);
    expect(snapshot.bodies.find((b) => b.key === 'opr')!).toMatchObject({
      decisionKind: 'instemming',
    });
    expect(snapshot.secretariat.map((p) => p.name)).toEqual(['Ingrid Wolters']);
    expect(snapshot.bodies.find((b) => b.key === 'rvt')!.chair).not.toBeNull();
  });

  it("opens a round's invitations at the first business moment from the workflow's time, or from the worker's clock where one is set", async () => {
    // Saturday 5 December 2026, 21:00 Amsterdam: the next business moment is Monday 08:00.
    const saturdayEvening = '2026-12-05T20:00:00.000Z';
    expect(await run(acts, 'invitationsOpenAt', { at: saturdayEvening })).toBe(
      '2026-12-07T07:00:00.000Z',
    );
    // In business hours: at once.
    expect(await run(acts, 'invitationsOpenAt', { at: '2026-12-07T09:30:00.000Z' })).toBe(
      '2026-12-07T09:30:00.000Z',
    );
    // A worker clock at Monday 10:00 wins over the workflow's Saturday evening.
    const clocked = createBudgetActivities({
      dataSource: ds,
      outbox,
      publicUrl: `${PUBLIC_URL}/`,
      now: () => Date.parse('2026-12-07T09:00:00.000Z'),
    });
    expect(await run(clocked, 'invitationsOpenAt', { at: saturdayEvening })).toBe(
      '2026-12-07T09:00:00.000Z',
    );
  });

  it('refuses an unknown body as a non-retryable NOT_FOUND', async () => {
    const err = await run(acts, 'snapshotRoster', {
      organisationId: orgId,
      bodyKeys: ['alv', 'mr'],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({
      type: 'NOT_FOUND',
      nonRetryable: true,
      message: expect.stringContaining('mr'),
    });
  });

  it('opens ballots once: a vote task and a mail with the task link per member, in the member’s language', async () => {
    const rvt = snapshot.bodies.find((b) => b.key === 'rvt')!;
    const english = rvt.members[1]!;
    await ds.query(`UPDATE person SET locale = 'en' WHERE id = $1`, [english.personId]);
    const input = {
      organisationId: orgId,
      workflowId: WF,
      round: 1,
      subject: 'Begroting 2027',
      idempotencyKeyPrefix: `${WF}:r1:ballot-rvt`,
      body: { key: 'rvt', name: rvt.name, decisionKind: rvt.decisionKind },
      proposal: { documentId: '11111111-1111-4111-8111-111111111111', versionLabel: 'Concept v1' },
      deadline: '2026-12-11T16:00:00.000Z',
      taskRefKey: 'round:1:body:rvt',
      members: rvt.members.map((m) => ({ personId: m.personId, name: m.name })),
    };
    await run(acts, 'openBallots', input);
    await run(acts, 'openBallots', input); // a retry
    const tasks = (await ds.query(
      `SELECT id, person_id, status, due_at FROM task WHERE workflow_id = $1 AND ref_key = 'round:1:body:rvt'`,
      [WF],
    )) as {
      id: string;
      person_id: string;
      status: string;
      due_at: Date;
    }[];
    expect(tasks).toHaveLength(3);
    expect(
      tasks.every(
        (t) => t.status === 'open' && t.due_at.toISOString() === '2026-12-11T16:00:00.000Z',
      ),
    ).toBe(true);

    await smtp.waitFor((m) => m.filter((x) => x.subject.includes('Begroting 2027')).length >= 3);
    const chair = smtp.to(DEMO_EMAILS.stadsring.rvtChair);
    expect(chair).toHaveLength(1);
    const chairTask = tasks.find(
      (t) => t.person_id === rvt.members.find((m) => m.name === 'Anneke Veenstra')!.personId,
    )!;
    expect(chair[0]!.subject).toBe(
      '[Samenwerkingsverband VO Stadsring] Stemming: Begroting 2027 – Raad van Toezicht (ronde 1)',
    );
    expect(chair[0]!.text).toContain(`${PUBLIC_URL}/app/tasks/${chairTask.id}`);
    expect(chair[0]!.text).toContain('11 december 2026 om 17:00');
    expect(chair[0]!.text).toContain('namens Samenwerkingsverband VO Stadsring');
    expect(chair[0]!.html).toContain(`href="${PUBLIC_URL}/app/tasks/${chairTask.id}"`);
    const englishEmail = (
      (await ds.query(`SELECT email FROM person WHERE id = $1`, [english.personId])) as {
        email: string;
      }[]
    )[0]!.email;
    const en = smtp.to(englishEmail);
    expect(en).toHaveLength(1);
    expect(en[0]!.subject).toContain('Vote: Begroting 2027');
    expect(en[0]!.text).toContain('11 December 2026 at 17:00');
  });

  it('completes and re-dates tasks idempotently, and writes each audit event once', async () => {
    const [first] = snapshot.bodies.find((b) => b.key === 'rvt')!.members;
    await run(acts, 'updateTasks', {
      workflowId: WF,
      kind: 'vote',
      refKey: 'round:1:body:rvt',
      personIds: [first!.personId],
      status: 'done',
      at: '2026-12-01T10:00:00.000Z',
    });
    await run(acts, 'updateTasks', {
      workflowId: WF,
      kind: 'vote',
      refKey: 'round:1:body:rvt',
      dueAt: '2026-12-18T16:00:00.000Z',
      at: '2026-12-02T10:00:00.000Z',
    });
    await run(acts, 'updateTasks', {
      workflowId: WF,
      kind: 'vote',
      refKey: 'round:1:body:rvt',
      status: 'cancelled',
      at: '2026-12-03T10:00:00.000Z',
    });
    const tasks = (await ds.query(
      `SELECT person_id, status, due_at, completed_at FROM task WHERE workflow_id = $1 AND ref_key = 'round:1:body:rvt' ORDER BY status`,
      [WF],
    )) as {
      person_id: string;
      status: string;
      due_at: Date;
      completed_at: Date;
    }[];
    expect(tasks.map((t) => [t.status, t.completed_at.toISOString()])).toEqual([
      ['cancelled', '2026-12-03T10:00:00.000Z'],
      ['cancelled', '2026-12-03T10:00:00.000Z'],
      ['done', '2026-12-01T10:00:00.000Z'],
    ]);
    // The voter's task kept its old due date: only open tasks are changed.
    expect(tasks.find((t) => t.status === 'done')!.due_at.toISOString()).toBe(
      '2026-12-11T16:00:00.000Z',
    );

    const event = {
      idempotencyKey: `${WF}:r1:audit-vote-rvt-1:${first!.personId}`,
      organisationId: orgId,
      workflowId: WF,
      round: 1,
      actorPersonId: first!.personId,
      action: 'vote_cast',
      bodyKey: 'rvt',
      weight: 1,
      value: 'for',
      comment: 'Akkoord',
      occurredAt: '2026-12-01T10:00:00.000Z',
      payload: { name: first!.name },
    };
    await Promise.all([
      run(acts, 'recordAuditEvent', event),
      run(acts, 'recordAuditEvent', event),
      run(acts, 'recordAuditEvent', event),
    ]);
    const rows = (await ds.query(
      `SELECT action, weight, value, comment, occurred_at, payload FROM audit_event WHERE workflow_id = $1`,
      [WF],
    )) as {
      action: string;
      weight: number;
      value: string;
      comment: string;
      occurred_at: Date;
      payload: Record<string, unknown>;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'vote_cast',
      value: 'for',
      comment: 'Akkoord',
      payload: { name: first!.name, idempotencyKey: event.idempotencyKey },
    });
    expect(rows[0]!.occurred_at.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('keeps the cycle read model up to date by workflow id', async () => {
    const secretary = await personId(DEMO_EMAILS.stadsring.secretariat);
    const base = {
      organisationId: orgId,
      workflowId: WF,
      year: 2027,
      title: 'Begroting 2027',
      createdByPersonId: secretary,
    };
    await run(acts, 'recordCycleStatus', { ...base, status: 'voting' });
    await run(acts, 'recordCycleStatus', { ...base, status: 'awaiting_adoption' });
    const rows = (await ds.query(
      `SELECT kind, year, status, title FROM cycle WHERE workflow_id = $1`,
      [WF],
    )) as unknown[];
    expect(rows).toEqual([
      { kind: 'budget', year: 2027, status: 'awaiting_adoption', title: 'Begroting 2027' },
    ]);
  });

  it('stores the published cycle state, and a late, older publish never replaces a newer one', async () => {
    const secretary = await personId(DEMO_EMAILS.stadsring.secretariat);
    const wf = `${WF}:state`;
    const base = {
      organisationId: orgId,
      workflowId: wf,
      year: 2027,
      title: 'Begroting 2027',
      createdByPersonId: secretary,
      status: 'voting',
      writes: [],
    };
    const state = (round: number) =>
      ({ workflowId: wf, phase: 'voting', round }) as unknown as PublishCycleStateInput['state'];
    // The first publish creates the row when the api's insert has not happened yet.
    await run(acts, 'publishCycleState', { ...base, seq: 2, state: state(2) });
    await run(acts, 'publishCycleState', { ...base, seq: 1, state: state(1) });
    const read = async () =>
      (await ds.query(`SELECT kind, status, state, state_seq FROM cycle WHERE workflow_id = $1`, [
        wf,
      ])) as unknown[];
    expect(await read()).toEqual([
      { kind: 'budget', status: 'voting', state: state(2), state_seq: 2 },
    ]);
    await run(acts, 'publishCycleState', { ...base, seq: 3, state: state(3) });
    await run(acts, 'publishCycleState', { ...base, seq: 3, state: state(99) });
    expect(await read()).toEqual([
      { kind: 'budget', status: 'voting', state: state(3), state_seq: 3 },
    ]);
  });

  it('writes the queued audit rows and task updates with the state in one transaction, once on a retry', async () => {
    const voter = snapshot.bodies.find((b) => b.key === 'opr')!.members[0]!;
    const wf = `${WF}:writes`;
    await ds.query(
      `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, payload) VALUES ($1, $2, $3, 'vote', 'round:1:body:opr', 'Stemming', now(), '{}')`,
      [orgId, voter.personId, wf],
    );
    const input: PublishCycleStateInput = {
      organisationId: orgId,
      workflowId: wf,
      year: 2027,
      title: 'Begroting 2027',
      createdByPersonId: null,
      status: 'voting',
      seq: 1,
      state: { workflowId: wf, phase: 'voting' } as unknown as PublishCycleStateInput['state'],
      writes: [
        {
          audit: {
            idempotencyKey: `${wf}:r1:audit-vote-opr-1:${voter.personId}`,
            organisationId: orgId,
            workflowId: wf,
            round: 1,
            actorPersonId: voter.personId,
            action: 'vote_cast',
            bodyKey: 'opr',
            weight: 1,
            value: 'for',
            comment: null,
            occurredAt: '2026-12-01T10:00:00.000Z',
            payload: {},
          },
        },
        {
          tasks: {
            workflowId: wf,
            kind: 'vote',
            refKey: 'round:1:body:opr',
            personIds: [voter.personId],
            status: 'done',
            at: '2026-12-01T10:00:00.000Z',
          },
        },
      ],
    };
    await run(acts, 'publishCycleState', input);
    await run(acts, 'publishCycleState', input); // a retry
    expect(
      await ds.query(`SELECT action, value, weight::int FROM audit_event WHERE workflow_id = $1`, [
        wf,
      ]),
    ).toEqual([{ action: 'vote_cast', value: 'for', weight: 1 }]);
    expect(await ds.query(`SELECT status FROM task WHERE workflow_id = $1`, [wf])).toEqual([
      { status: 'done' },
    ]);
    expect(await ds.query(`SELECT state_seq FROM cycle WHERE workflow_id = $1`, [wf])).toEqual([
      { state_seq: 1 },
    ]);

    // A write that fails rolls the whole publish back: no state without its audit rows.
    const audit = (input.writes[0] as { audit: AuditEventInput }).audit;
    const broken = {
      ...input,
      seq: 2,
      writes: [
        {
          audit: {
            ...audit,
            idempotencyKey: `${wf}:other`,
            organisationId: '00000000-0000-4000-8000-000000000000',
          },
        },
      ],
    };
    await expect(run(acts, 'publishCycleState', broken)).rejects.toThrow();
    expect(await ds.query(`SELECT state_seq FROM cycle WHERE workflow_id = $1`, [wf])).toEqual([
      { state_seq: 1 },
    ]);
  });

  it('escalates to the given recipients with who has not voted', async () => {
    const alv = snapshot.bodies.find((b) => b.key === 'alv')!;
    const secretary = snapshot.secretariat[0]!;
    await run(acts, 'sendEscalation', {
      organisationId: orgId,
      workflowId: WF,
      round: 1,
      subject: 'Begroting 2027',
      idempotencyKeyPrefix: `${WF}:r1:escalation-alv-1`,
      body: { key: 'alv', name: alv.name, decisionKind: 'goedkeuring' },
      deadline: '2026-12-11T16:00:00.000Z',
      tally: {
        forWeight: 4010,
        againstWeight: 0,
        abstainWeight: 0,
        totalWeight: 16_500,
        votedWeight: 4010,
        votedMembers: 1,
        totalMembers: 10,
        remainingWeight: 12_490,
        remainingMembers: 9,
        quorumReached: false,
        outcome: 'undecided',
        final: false,
      },
      notVoted: alv.members.slice(1).map((m) => ({ personId: m.personId, name: m.name })),
      recipients: [{ ...secretary, role: 'secretariat' }],
      at: '2026-12-14T08:00:00.000Z',
    });
    const [mail] = await smtp.waitFor((m) =>
      m.some((x) =>
        x.subject.startsWith('[Samenwerkingsverband VO Stadsring] Deadline verstreken'),
      ),
    );
    const escalation = smtp.messages.filter((m) => m.subject.includes('Deadline verstreken'));
    expect(escalation.map((m) => m.to)).toEqual([[DEMO_EMAILS.stadsring.secretariat]]);
    expect(escalation[0]!.text).toContain(
      '1 van de 10 leden heeft gestemd (stemgewicht 4.010 van 16.500)',
    );
    expect(escalation[0]!.text).toContain(`- ${alv.members[1]!.name}`);
    expect(escalation[0]!.text).toContain(
      `${PUBLIC_URL}/app/cycles/budget/${WF.split(':').at(-1)}`,
    );
    expect(mail).toBeDefined();
  });

  it('mails every member of a decided body its outcome and their own vote, linking their task, once', async () => {
    const rvt = snapshot.bodies.find((b) => b.key === 'rvt')!;
    const [voter, against, silent] = rvt.members as [
      (typeof rvt.members)[0],
      (typeof rvt.members)[0],
      (typeof rvt.members)[0],
    ];
    const wf = 'budget:stadsring-result:2027';
    const common = {
      organisationId: orgId,
      workflowId: wf,
      round: 1,
      subject: 'Begroting 2027',
      body: { key: 'rvt', name: rvt.name, decisionKind: 'goedkeuring' as const },
      proposal: { versionLabel: 'Concept v1', url: 'https://docs.example/b.pdf' },
      taskRefKey: 'round:1:body:rvt',
    };
    await run(acts, 'openBallots', {
      ...common,
      idempotencyKeyPrefix: `${wf}:r1:ballots-rvt`,
      deadline: '2026-12-11T16:00:00.000Z',
      members: rvt.members.map((m) => ({ personId: m.personId, name: m.name })),
    });
    const input = {
      ...common,
      idempotencyKeyPrefix: `${wf}:r1:result-rvt`,
      result: 'approved' as const,
      decidedBy: 'votes' as const,
      tally: {
        forWeight: 1,
        againstWeight: 1,
        abstainWeight: 0,
        totalWeight: 3,
        votedWeight: 2,
        votedMembers: 2,
        totalMembers: 3,
        remainingWeight: 1,
        remainingMembers: 1,
        quorumReached: true,
        outcome: 'approved' as const,
        final: true,
      },
      recipients: [
        { personId: voter.personId, name: voter.name, vote: 'for' as const },
        { personId: against.personId, name: against.name, vote: 'against' as const },
        { personId: silent.personId, name: silent.name, vote: null },
      ],
      at: '2026-12-14T08:00:00.000Z',
    };
    await run(acts, 'sendRoundResult', input);
    await run(acts, 'sendRoundResult', input); // a retry
    // In each member's language: the RvT has an English-speaking member.
    const results = () =>
      smtp.messages.filter((m) => /\] (Uitslag|Result): Begroting 2027 – /.test(m.subject));
    await smtp.waitFor(() => results().length >= 3);
    const mails = results();
    expect(mails).toHaveLength(3);
    const byPerson = async (id: string) => {
      const email = (
        (await ds.query(`SELECT email FROM person WHERE id = $1`, [id])) as { email: string }[]
      )[0]!.email;
      const mail = mails.find((m) => m.to.includes(email))!;
      return { ...mail, dutch: mail.subject.includes('Uitslag') };
    };
    const task = (
      (await ds.query(
        `SELECT id FROM task WHERE workflow_id = $1 AND person_id = $2 AND kind = 'vote'`,
        [wf, voter.personId],
      )) as { id: string }[]
    )[0]!;
    const expected: [string, string, string][] = [
      [voter.personId, 'U stemde voor.', 'You voted for.'],
      [against.personId, 'U stemde tegen.', 'You voted against.'],
      [
        silent.personId,
        'U heeft niet gestemd; uw taak is vervallen.',
        'You did not vote; your task lapsed.',
      ],
    ];
    for (const [id, nl, en] of expected) {
      const mail = await byPerson(id);
      expect(mail.text).toContain(mail.dutch ? nl : en);
      expect(mail.text).toContain(
        mail.dutch
          ? `De ${rvt.name} heeft "Begroting 2027" goedgekeurd (ronde 1).`
          : `The ${rvt.name} approved "Begroting 2027" (round 1).`,
      );
      expect(mail.text).toContain(
        mail.dutch ? '2 van de 3 leden hebben gestemd' : '2 of 3 members voted',
      );
    }
    expect(mails.filter((m) => m.subject.includes('Uitslag'))[0]!.subject).toBe(
      `[Samenwerkingsverband VO Stadsring] Uitslag: Begroting 2027 – ${rvt.name}`,
    );
    expect((await byPerson(voter.personId)).text).toContain(`${PUBLIC_URL}/app/tasks/${task.id}`);
    const keys = (await ds.query(
      `SELECT idempotency_key FROM outbox_message WHERE idempotency_key LIKE $1 ORDER BY 1`,
      [`${wf}:r1:result-rvt:%`],
    )) as { idempotency_key: string }[];
    expect(keys).toHaveLength(3);

    // The same members, had the OPR withheld consent first: their vote ended, no tally, once.
    const cancelled = {
      ...input,
      idempotencyKeyPrefix: `${wf}:r2:result-rvt`,
      round: 2,
      result: 'cancelled' as const,
      endedBy: {
        key: 'opr',
        name: 'Ondersteuningsplanraad',
        decisionKind: 'instemming' as const,
        result: 'rejected' as const,
      },
    };
    await run(acts, 'sendRoundResult', cancelled);
    await run(acts, 'sendRoundResult', cancelled); // a retry
    const ended = () =>
      smtp.messages.filter((m) =>
        /\] (Stemming beëindigd|Vote ended): Begroting 2027 – /.test(m.subject),
      );
    await smtp.waitFor(() => ended().length >= 3);
    expect(ended()).toHaveLength(3);
    for (const mail of ended()) {
      const dutch = mail.subject.includes('Stemming beëindigd');
      expect(mail.text).toContain(
        dutch
          ? 'De Ondersteuningsplanraad heeft de instemming met "Begroting 2027" onthouden (ronde 2).'
          : 'The Ondersteuningsplanraad withheld consent to "Begroting 2027" (round 2).',
      );
      expect(mail.text).not.toMatch(/Stemgewicht|Vote weight/);
    }
  });

  it('sends no ballot, reminder, escalation or adoption mail to a person deactivated after the roster was taken', async () => {
    const opr = snapshot.bodies.find((b) => b.key === 'opr')!;
    const gone = opr.members[0]!;
    const stays = opr.members[1]!;
    const emailOf = async (id: string) =>
      ((await ds.query(`SELECT email FROM person WHERE id = $1`, [id])) as { email: string }[])[0]!
        .email;
    const [goneEmail, staysEmail] = [await emailOf(gone.personId), await emailOf(stays.personId)];
    const wf = 'budget:stadsring-inactive:2027';
    await ds.query(`UPDATE person SET active = false WHERE id = $1`, [gone.personId]);
    try {
      const common = {
        organisationId: orgId,
        workflowId: wf,
        round: 1,
        subject: 'Begroting inactief',
        body: { key: 'opr', name: opr.name, decisionKind: opr.decisionKind },
        proposal: { url: 'https://example.org/b.pdf', versionLabel: 'v1' },
        deadline: '2026-12-11T16:00:00.000Z',
        taskRefKey: 'round:1:body:opr',
      };
      const members = [gone, stays].map((m) => ({ personId: m.personId, name: m.name }));
      await run(acts, 'openBallots', {
        ...common,
        idempotencyKeyPrefix: `${wf}:r1:ballot-opr`,
        members,
      });
      await run(acts, 'sendVoteReminders', {
        ...common,
        idempotencyKeyPrefix: `${wf}:r1:reminder-opr-1`,
        recipients: members,
        at: '2026-12-09T09:00:00.000Z',
        requested: false,
      });
      await run(acts, 'requestAdoption', {
        organisationId: orgId,
        workflowId: wf,
        round: 1,
        subject: 'Begroting inactief',
        idempotencyKeyPrefix: `${wf}:r1:adopt`,
        directorPersonId: gone.personId,
        proposal: common.proposal,
        approvals: [],
        taskRefKey: 'round:1:adopt',
      });
      await smtp.waitFor(
        (m) => m.filter((x) => x.subject.includes('Begroting inactief')).length >= 2,
      );
      const about = (email: string) =>
        smtp.to(email).filter((m) => m.subject.includes('Begroting inactief'));
      expect(about(staysEmail)).toHaveLength(2);
      expect(about(goneEmail)).toHaveLength(0);
      const [{ n }] = (await ds.query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE to_address = $1 AND idempotency_key LIKE $2`,
        [goneEmail, `${wf}:%`],
      )) as [{ n: number }];
      expect(n).toBe(0);
    } finally {
      await ds.query(`UPDATE person SET active = true WHERE id = $1`, [gone.personId]);
    }
  });

  it('sends every board its allocation letter with the domain’s amounts, the reserve warning, and only once', async () => {
    const figures = {
      amountPerPupilCents: 150_00,
      equityCents: 150_000_00,
      turnoverCents: 12_000_000_00,
    };
    const input = {
      organisationId: orgId,
      workflowId: WF,
      round: 2,
      subject: 'Begroting 2027',
      idempotencyKeyPrefix: `${WF}:r2:letter`,
      budgetYear: 2027,
      figures,
      at: '2026-12-15T08:00:00.000Z',
    };
    const result = await run(acts, 'sendAllocationLetters', input);
    await run(acts, 'sendAllocationLetters', input); // a retry sends nothing new
    const boards = (await ds.query(
      `SELECT id, name, pupil_count FROM school_board WHERE organisation_id = $1`,
      [orgId],
    )) as { id: string; name: string; pupil_count: number }[];
    const schools = (await ds.query(
      `SELECT id, board_id, name, fixed_amount_cents FROM school WHERE organisation_id = $1 AND kind = 'regular'`,
      [orgId],
    )) as {
      id: string;
      board_id: string;
      name: string;
      fixed_amount_cents: string;
    }[];
    const expected = computeAllocation({
      boards: boards.map((b) => ({ boardId: b.id, name: b.name, pupilCount: b.pupil_count })),
      schools: schools.map((s) => ({
        schoolId: s.id,
        boardId: s.board_id,
        name: s.name,
        fixedAmountCents: Number(s.fixed_amount_cents),
      })),
      ...figures,
      reserve: DEFAULT_RESERVE_RULE,
    });
    expect(result).toMatchObject({
      boards: 10,
      lettersSent: 10,
      boardsWithoutRecipient: [],
      totalCents: expected.totalCents,
      reserveStatus: 'below_target',
    });
    expect(result.reserveWarning).toContain('streefwaarde van 2,00%');

    await smtp.waitFor(
      (m) => m.filter((x) => x.subject.includes('Toekenning middelen 2027')).length >= 10,
    );
    const letters = smtp.messages.filter((m) => m.subject.includes('Toekenning middelen 2027'));
    expect(letters).toHaveLength(10);
    const largest = expected.boards.find((b) => b.pupilCount === 4010)!;
    const letter = smtp
      .to(DEMO_EMAILS.stadsring.alvMember)
      .find((m) => m.subject.includes('Toekenning'))!;
    expect(letter.subject).toBe(
      `[Samenwerkingsverband VO Stadsring] Toekenning middelen 2027: ${largest.name}`,
    );
    expect(letter.text).toContain('15 december 2026');
    expect(letter.text).toContain(formatEuro(largest.totalCents));
    expect(letter.text).toContain(`4.010 leerlingen × ${formatEuro(largest.amountPerPupilCents)}`);
    expect(letter.text).toContain('Vast bedrag Stadsring College');
    expect(letter.text).toContain(expected.reserve.warning!);
    expect(letter.text).toMatch(/€ \d{1,3}(\.\d{3})*,\d{2}/);
    // This cycle published no state: the letter names the tenant's approving and consenting bodies.
    expect(letter.text).toContain(
      'De directeur-bestuurder heeft de begroting 2027 van Samenwerkingsverband VO Stadsring vastgesteld, na goedkeuring door de Algemene Ledenvergadering en de Raad van Toezicht, en instemming van de Ondersteuningsplanraad.',
    );
    // Each letter is kept as sent (once, whatever the retry), for the web app's PDF.
    const stored = (await ds.query(
      `SELECT id, board_id, budget_year, total_cents::bigint::text AS total, data->'board'->>'name' AS name
         FROM allocation_letter WHERE organisation_id = $1 AND workflow_id = $2`,
      [orgId, input.workflowId],
    )) as { id: string; board_id: string; budget_year: number; total: string; name: string }[];
    expect(stored).toHaveLength(10);
    const kept = stored.find((r) => r.board_id === largest.boardId)!;
    expect(kept).toMatchObject({ budget_year: 2027, name: largest.name });
    expect(Number(kept.total)).toBe(largest.totalCents);
    // The mail links to that letter's PDF in the web app (the stored letter's id, not a copy).
    expect(letter.text).toContain(`Open de brief als pdf: http`);
    expect(letter.text).toMatch(new RegExp(`https?://[^\\s]+/app/letters/${kept.id}\\n`));
  });

  it('names in the letter the bodies of the cycle as it published them', async () => {
    const wf = `${WF}:letter-bodies`;
    const body = (name: string, decisionKind: string) => ({ name, decisionKind });
    await run(acts, 'publishCycleState', {
      organisationId: orgId,
      workflowId: wf,
      year: 2027,
      title: 'Begroting 2027',
      createdByPersonId: null,
      status: 'awaiting_letters',
      seq: 1,
      state: {
        workflowId: wf,
        bodies: [body('Algemeen Bestuur', 'goedkeuring'), body('OPR', 'instemming')],
      } as unknown as PublishCycleStateInput['state'],
      writes: [],
    });
    await run(acts, 'sendAllocationLetters', {
      organisationId: orgId,
      workflowId: wf,
      round: 1,
      subject: 'Begroting 2027',
      idempotencyKeyPrefix: `${wf}:r1:letter`,
      budgetYear: 2027,
      figures: {
        amountPerPupilCents: 150_00,
        equityCents: 300_000_00,
        turnoverCents: 12_000_000_00,
      },
      at: '2026-12-15T08:00:00.000Z',
    });
    const mine = () =>
      smtp
        .to(DEMO_EMAILS.stadsring.alvMember)
        .filter((m) => m.text.includes('het Algemeen Bestuur'));
    await smtp.waitFor(() => mine().length >= 1);
    expect(mine()[0]!.text).toContain(
      'na goedkeuring door het Algemeen Bestuur en instemming van de OPR.',
    );
    expect(mine()[0]!.text).not.toContain('Algemene Ledenvergadering');
  });
});
