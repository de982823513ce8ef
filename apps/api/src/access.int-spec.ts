import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from './testing/api-harness';

/** Every route needs a session unless public; writing master data needs the admin role. */
describe('authentication and roles', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  it('answers 401 without a (valid) session', async () => {
    const res = await api.http().get('/api/boards').expect(401);
    expect(res.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.any(String),
    });
    await api.http().post('/api/boards').send({ name: 'X', pupilCount: 1 }).expect(401);
    await api.http().get('/api/me').set('Authorization', 'Bearer not-a-session').expect(401);
    await api.http().get('/api/me').set('Cookie', 'jc_session=not-a-session').expect(401);
  });

  it('lets a body member see themselves but not write master data (403)', async () => {
    const token = await api.signIn(DEMO_EMAILS.stadsring.oprMember);
    const auth = { Authorization: `Bearer ${token}` };
    await api.http().get('/api/me').set(auth).expect(200);
    const res = await api
      .http()
      .post('/api/boards')
      .set(auth)
      .send({ name: 'Nieuw bestuur', pupilCount: 100 })
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    await api.http().get('/api/boards').set(auth).expect(403);
    const [{ n }] = (await api.ds.query(
      `SELECT count(*)::int AS n FROM school_board WHERE name = 'Nieuw bestuur'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('lets the directeur-bestuurder read but not write', async () => {
    const token = await api.signIn(DEMO_EMAILS.stadsring.director);
    const auth = { Authorization: `Bearer ${token}` };
    await api.http().get('/api/boards').set(auth).expect(200);
    await api.http().get('/api/organisation').set(auth).expect(200);
    await api.http().patch('/api/organisation').set(auth).send({ name: 'Andere naam' }).expect(403);
  });

  it('lets an administrator write', async () => {
    const token = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
    const auth = { Authorization: `Bearer ${token}` };
    const created = await api
      .http()
      .post('/api/boards')
      .set(auth)
      .send({ name: '  Stichting Nieuwe Scholen  ', pupilCount: 250 })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Stichting Nieuwe Scholen',
      pupilCount: 250,
      bestuurderPersonId: null,
    });
    const patched = await api
      .http()
      .patch(`/api/boards/${created.body.id}`)
      .set(auth)
      .send({ pupilCount: 260 })
      .expect(200);
    expect(patched.body).toMatchObject({ name: 'Stichting Nieuwe Scholen', pupilCount: 260 });
    await api.http().delete(`/api/boards/${created.body.id}`).set(auth).expect(204);
    await api.http().get(`/api/boards/${created.body.id}`).set(auth).expect(404);
  });

  it('keeps at least one active administrator', async () => {
    const token = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
    const auth = { Authorization: `Bearer ${token}` };
    const me = await api.http().get('/api/me').set(auth).expect(200);
    const res = await api
      .http()
      .patch(`/api/persons/${me.body.id}`)
      .set(auth)
      .send({ roles: ['secretariat'] })
      .expect(422);
    expect(res.body.code).toBe('RULE_VIOLATION');
    const still = await api.http().get(`/api/persons/${me.body.id}`).set(auth).expect(200);
    expect(still.body.roles).toEqual(['secretariat', 'admin']);
  });

  it('serves /health and the OpenAPI document without a session', async () => {
    const health = await api.http().get('/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      database: 'up',
      temporal: 'down',
      mail: 'ok',
    });

    const doc = await api.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/auth/verify',
        '/api/me',
        '/api/boards',
        '/api/boards/{id}',
        '/api/bodies/{id}/members',
      ]),
    );
    expect(doc.body.components.schemas.CreateBoardDto.properties.pupilCount).toMatchObject({
      minimum: 0,
    });
    await api.http().get('/api/docs').expect(200);
  });
});
