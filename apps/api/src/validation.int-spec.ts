import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from './testing/api-harness';

/** Input is checked before anything is written; refusals name the field and never leak internals. */
describe('input validation and write integrity', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let auth: { Authorization: string };
  let boardId: string;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await api.ds.query(sql, params)) as { n: number }[])[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    auth = { Authorization: `Bearer ${await api.signIn(DEMO_EMAILS.stadsring.secretariat)}` };
    boardId = (
      (await api.http().get('/api/boards').set(auth).expect(200)).body as { id: string }[]
    )[0]!.id;
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  it('answers 400 with the list of offending fields', async () => {
    const res = await api
      .http()
      .post('/api/boards')
      .set(auth)
      .send({ name: '', pupilCount: -3 })
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input',
      errors: expect.arrayContaining([
        { field: 'name', message: 'name must not be empty' },
        { field: 'pupilCount', message: 'pupilCount must be a non-negative integer' },
      ]),
    });
    const text = await api
      .http()
      .post('/api/boards')
      .set(auth)
      .send({ name: 'X', pupilCount: '12' })
      .expect(400);
    expect(text.body.errors).toEqual([
      { field: 'pupilCount', message: 'pupilCount must be a non-negative integer' },
    ]);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const res = await api
      .http()
      .post('/api/boards')
      .set(auth)
      .send({ name: 'Stichting X', pupilCount: 5, organisationId: 'x' })
      .expect(400);
    expect(res.body.errors).toEqual([
      { field: 'organisationId', message: 'organisationId is not allowed' },
    ]);
    expect(
      await count(`SELECT count(*)::int AS n FROM school_board WHERE name = 'Stichting X'`),
    ).toBe(0);
  });

  it('names nested fields and checks voting rules with the domain rules', async () => {
    const rule = {
      weighting: 'one_member_one_vote',
      quorum: { basis: 'members', numerator: 1, denominator: 2 },
      abstentions: 'excluded',
    };
    const shape = await api
      .http()
      .post('/api/bodies')
      .set(auth)
      .send({
        key: 'mr',
        name: 'MR',
        decisionKind: 'instemming',
        votingRule: {
          ...rule,
          majority: { basis: 'votes_cast', strict: true, numerator: 0, denominator: 2, extra: 1 },
        },
      })
      .expect(400);
    expect(shape.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'votingRule.majority.numerator',
          message: 'votingRule.majority.numerator must be a positive integer',
        },
        { field: 'votingRule.majority.extra', message: 'votingRule.majority.extra is not allowed' },
      ]),
    );

    const incoherent = await api
      .http()
      .post('/api/bodies')
      .set(auth)
      .send({
        key: 'mr',
        name: 'MR',
        decisionKind: 'instemming',
        votingRule: {
          ...rule,
          majority: { basis: 'votes_cast', strict: false, numerator: 3, denominator: 2 },
        },
      })
      .expect(422);
    expect(incoherent.body).toMatchObject({
      code: 'VALIDATION',
      field: 'votingRule.majority.numerator',
    });
  });

  it('answers 400 for a malformed id or body, without a stack trace', async () => {
    const id = await api.http().get('/api/boards/not-a-uuid').set(auth).expect(400);
    expect(id.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    // A year in the path is a number too: the same 400 naming it, not a 404 in other words.
    for (const path of ['/api/budget-cycles/twee', '/api/accountability-cycles/2026a']) {
      const year = await api.http().get(path).set(auth).expect(400);
      expect(year.body.errors).toEqual([
        { field: 'year', message: 'year must be a whole number, such as 2026' },
      ]);
    }
    const version = await api.http().get('/api/accountability/formats/v2').set(auth).expect(400);
    expect(version.body.errors).toEqual([
      { field: 'version', message: 'version must be a whole number, such as 2' },
    ]);
    // A value of the wrong kind gets the one message that says so, not its range as well.
    const kind = await api
      .http()
      .post('/api/accountability-cycles')
      .set(auth)
      .send({ accountingYear: 'abc' })
      .expect(400);
    expect(kind.body.errors).toEqual([
      { field: 'accountingYear', message: 'accountingYear must be a whole year' },
    ]);
    const json = await api
      .http()
      .post('/api/boards')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(json.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.any(String),
    });
    expect(JSON.stringify(json.body)).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('answers 409 naming the field for a duplicate', async () => {
    const email = DEMO_EMAILS.stadsring.director.toUpperCase();
    const res = await api
      .http()
      .post('/api/persons')
      .set(auth)
      .send({ email, name: 'Dubbel', roles: ['director'] })
      .expect(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'CONFLICT',
      field: 'email',
    });
    const roles = await api
      .http()
      .post('/api/persons')
      .set(auth)
      .send({ email: 'nieuw@stadsring.example', name: 'Nieuw', roles: ['root'] })
      .expect(400);
    expect(roles.body.errors[0].field).toBe('roles');
  });

  it('refuses to delete a board that still has schools (409), and keeps it', async () => {
    const res = await api.http().delete(`/api/boards/${boardId}`).set(auth).expect(409);
    expect(res.body.code).toBe('CONFLICT');
    await api.http().get(`/api/boards/${boardId}`).set(auth).expect(200);
  });

  it('writes a body with its members all or nothing', async () => {
    const people = (
      (await api.http().get('/api/persons').set(auth).expect(200)).body as {
        id: string;
        roles: string[];
      }[]
    ).filter((p) => p.roles.includes('ect_member'));
    const [a, b] = people;
    const body = {
      key: 'ect',
      name: 'Expertise- en consultatieteam',
      decisionKind: 'advies',
      votingRule: {
        weighting: 'one_member_one_vote',
        quorum: null,
        majority: { basis: 'votes_cast', strict: true, numerator: 1, denominator: 2 },
        abstentions: 'excluded',
      },
    };

    // The third member duplicates the first: the database refuses it after two rows were written.
    const failed = await api
      .http()
      .post('/api/bodies')
      .set(auth)
      .send({ ...body, members: [{ personId: a!.id }, { personId: b!.id }, { personId: a!.id }] })
      .expect(409);
    expect(failed.body).toMatchObject({ code: 'CONFLICT', field: 'personId' });
    expect(await count(`SELECT count(*)::int AS n FROM body WHERE key = 'ect'`)).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM body_member WHERE person_id = ANY ($1)`, [
        [a!.id, b!.id],
      ]),
    ).toBe(0);

    const created = await api
      .http()
      .post('/api/bodies')
      .set(auth)
      .send({ ...body, members: [{ personId: a!.id }, { personId: b!.id }] })
      .expect(201);
    const members = await api
      .http()
      .get(`/api/bodies/${created.body.id}/members`)
      .set(auth)
      .expect(200);
    expect(members.body.map((m: { personId: string }) => m.personId).sort()).toEqual(
      [a!.id, b!.id].sort(),
    );
  });

  it('keeps the ALV weighted by boards: each board represented once, and with a board', async () => {
    const bodies = (await api.http().get('/api/bodies').set(auth).expect(200)).body as {
      id: string;
      key: string;
    }[];
    const alv = bodies.find((x) => x.key === 'alv')!;
    const members = (await api.http().get(`/api/bodies/${alv.id}/members`).set(auth).expect(200))
      .body as { boardId: string }[];
    expect(members).toHaveLength(10);
    const director = (
      (await api.http().get('/api/persons').set(auth).expect(200)).body as {
        id: string;
        email: string;
      }[]
    ).find((p) => p.email === DEMO_EMAILS.stadsring.director)!;

    const noBoard = await api
      .http()
      .post(`/api/bodies/${alv.id}/members`)
      .set(auth)
      .send({ personId: director.id })
      .expect(422);
    expect(noBoard.body.field).toBe('boardId');
    const twice = await api
      .http()
      .post(`/api/bodies/${alv.id}/members`)
      .set(auth)
      .send({ personId: director.id, boardId: members[0]!.boardId })
      .expect(409);
    expect(twice.body.field).toBe('boardId');
  });

  it('updates the organisation settings key by key', async () => {
    await api
      .http()
      .patch('/api/organisation')
      .set(auth)
      .send({ settings: { reminderOffsetsBusinessDays: [10, 5, 1] } })
      .expect(200);
    const res = await api
      .http()
      .patch('/api/organisation')
      .set(auth)
      .send({ settings: { opRDisputeAfterRounds: 2 } })
      .expect(200);
    expect(res.body.settings).toEqual({
      reminderOffsetsBusinessDays: [10, 5, 1],
      opRDisputeAfterRounds: 2,
    });
    const bad = await api
      .http()
      .patch('/api/organisation')
      .set(auth)
      .send({ settings: { reminderOffsetsBusinessDays: [-1] } })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('settings.reminderOffsetsBusinessDays');
  });

  it('keeps the accountability reminder offsets apart from the budget ones, and checks them', async () => {
    const res = await api
      .http()
      .patch('/api/organisation')
      .set(auth)
      .send({ settings: { accountabilityReminderOffsetsBusinessDays: [20, 10, 3] } })
      .expect(200);
    expect(res.body.settings).toMatchObject({
      reminderOffsetsBusinessDays: [10, 5, 1],
      accountabilityReminderOffsetsBusinessDays: [20, 10, 3],
    });
    for (const [value, message] of [
      [
        [0],
        'settings.accountabilityReminderOffsetsBusinessDays must be an array of whole numbers from 1 to 60',
      ],
      [[5, 5], 'settings.accountabilityReminderOffsetsBusinessDays must not contain duplicates'],
    ] as const) {
      const bad = await api
        .http()
        .patch('/api/organisation')
        .set(auth)
        .send({ settings: { accountabilityReminderOffsetsBusinessDays: value } })
        .expect(400);
      expect(bad.body.errors).toEqual([
        { field: 'settings.accountabilityReminderOffsetsBusinessDays', message },
      ]);
    }
    const restored = await api
      .http()
      .patch('/api/organisation')
      .set(auth)
      .send({ settings: { accountabilityReminderOffsetsBusinessDays: null } })
      .expect(200);
    expect(restored.body.settings).not.toHaveProperty('accountabilityReminderOffsetsBusinessDays');
  });
});
