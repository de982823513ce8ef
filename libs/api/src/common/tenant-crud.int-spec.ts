import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

/**
 * The routes every TenantCrudController gives (boards, schools, persons), run over each of them:
 * roles, the tenant (another SWV's id is a 404), the body DTOs (validated and documented per
 * entity, not lost in the generic base), 409 for a record still in use, and the OpenAPI document.
 */
interface Entity {
  path: string;
  tag: string;
  /** How a 404 names the entity. */
  what: string;
  dto: string;
  createDto: string;
  updateDto: string;
  deleteConflict: string;
  /** The table, for another SWV's row and for a row of this SWV that is still in use. */
  table: string;
  /** A row of Stadsring that something else still uses. */
  inUse: string;
  create: (ids: { boardId: string }) => Record<string, unknown>;
  /** A body of the wrong shape for PATCH (400, naming the field). */
  badUpdate: Record<string, unknown>;
}

const ENTITIES: Entity[] = [
  {
    path: '/api/boards',
    tag: 'school boards',
    what: 'School board',
    dto: 'BoardDto',
    createDto: 'CreateBoardDto',
    updateDto: 'UpdateBoardDto',
    deleteConflict: 'The board still has schools or people',
    table: 'school_board',
    inUse: `SELECT id FROM school_board WHERE name = 'Stichting Openbaar Voortgezet Onderwijs Stadsring'`,
    create: () => ({ name: 'Stichting Tabel', pupilCount: 12 }),
    badUpdate: { pupilCount: -1 },
  },
  {
    path: '/api/schools',
    tag: 'schools',
    what: 'School',
    dto: 'SchoolDto',
    createDto: 'CreateSchoolDto',
    updateDto: 'UpdateSchoolDto',
    deleteConflict: 'The school still has people linked to it',
    table: 'school',
    inUse: `SELECT id FROM school WHERE name = 'Stadsring College'`,
    create: ({ boardId }) => ({ name: 'Tabelschool', boardId, kind: 'regular' }),
    badUpdate: { kind: 'weird' },
  },
  {
    path: '/api/persons',
    tag: 'persons',
    what: 'Person',
    dto: 'PersonDto',
    createDto: 'CreatePersonDto',
    updateDto: 'UpdatePersonDto',
    deleteConflict:
      'The person is still referenced (bestuurder, body member, chair, ECT member or task)',
    table: 'person',
    inUse: `SELECT id FROM person WHERE email = '${DEMO_EMAILS.stadsring.alvMember}'`,
    create: () => ({ name: 'Tabel Persoon', email: 'tabel@crud.example', roles: ['ect_member'] }),
    badUpdate: { active: 'yes' },
  },
];

const byDutchName = new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare;

describe.each(ENTITIES)('tenant-scoped CRUD of $path', (entity) => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let admin: { Authorization: string };
  let director: { Authorization: string };
  let boardId: string;

  const idOf = async (sql: string): Promise<string> =>
    ((await api.ds.query(sql)) as { id: string }[])[0]!.id;
  const otherSwvId = (): Promise<string> =>
    idOf(
      `SELECT t.id FROM ${entity.table} t JOIN organisation o ON o.id = t.organisation_id
        WHERE o.slug = 'rijnoever' ORDER BY t.id LIMIT 1`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    admin = { Authorization: `Bearer ${await api.signIn(DEMO_EMAILS.stadsring.secretariat)}` };
    director = { Authorization: `Bearer ${await api.signIn(DEMO_EMAILS.stadsring.director)}` };
    boardId = await idOf(
      `SELECT id FROM school_board WHERE name = 'Stichting Openbaar Voortgezet Onderwijs Stadsring'`,
    );
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  it("lists the SWV's own rows by name, to the office too, and to nobody without a session", async () => {
    const list = await api.http().get(entity.path).set(director).expect(200);
    const rows = list.body as { id: string; name: string }[];
    expect(rows.length).toBeGreaterThan(0);
    const names = rows.map((r) => r.name);
    expect(names).toEqual([...names].sort(byDutchName));
    expect(rows.map((r) => r.id)).not.toContain(await otherSwvId());
    await api.http().get(entity.path).expect(401);
  });

  it('adds, reads, changes and deletes a row; only an administrator writes', async () => {
    await api.http().post(entity.path).set(director).send(entity.create({ boardId })).expect(403);
    const created = await api
      .http()
      .post(entity.path)
      .set(admin)
      .send(entity.create({ boardId }))
      .expect(201);
    const id = (created.body as { id: string }).id;
    const read = await api.http().get(`${entity.path}/${id}`).set(director).expect(200);
    expect(read.body).toEqual(created.body);

    await api.http().patch(`${entity.path}/${id}`).set(director).send({ name: 'X' }).expect(403);
    const changed = await api
      .http()
      .patch(`${entity.path}/${id}`)
      .set(admin)
      .send({ name: '  Tabel gewijzigd  ' })
      .expect(200);
    expect(changed.body).toEqual({ ...created.body, name: 'Tabel gewijzigd' });

    await api.http().delete(`${entity.path}/${id}`).set(director).expect(403);
    await api.http().delete(`${entity.path}/${id}`).set(admin).expect(204);
    const gone = await api.http().get(`${entity.path}/${id}`).set(admin).expect(404);
    expect(gone.body).toMatchObject({ code: 'NOT_FOUND', message: `${entity.what} not found` });
    await api.http().delete(`${entity.path}/${id}`).set(admin).expect(404);
  });

  it("answers another SWV's row like an unknown one (404), and changes nothing", async () => {
    const other = await otherSwvId();
    const before = (await api.ds.query(`SELECT name FROM ${entity.table} WHERE id = $1`, [
      other,
    ])) as { name: string }[];
    for (const res of [
      await api.http().get(`${entity.path}/${other}`).set(admin),
      await api.http().patch(`${entity.path}/${other}`).set(admin).send({ name: 'Overgenomen' }),
      await api.http().delete(`${entity.path}/${other}`).set(admin),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: `${entity.what} not found`,
        code: 'NOT_FOUND',
      });
    }
    expect(await api.ds.query(`SELECT name FROM ${entity.table} WHERE id = $1`, [other])).toEqual(
      before,
    );
  });

  it('validates ids and bodies with the entity’s own DTOs (400 naming the field)', async () => {
    const badId = await api.http().get(`${entity.path}/not-a-uuid`).set(admin).expect(400);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);

    const unknown = await api
      .http()
      .post(entity.path)
      .set(admin)
      .send({ ...entity.create({ boardId }), nickname: 'x' })
      .expect(400);
    expect(unknown.body.errors).toEqual([
      { field: 'nickname', message: 'nickname is not allowed' },
    ]);

    const someId = await idOf(entity.inUse);
    const field = Object.keys(entity.badUpdate)[0]!;
    const bad = await api
      .http()
      .patch(`${entity.path}/${someId}`)
      .set(admin)
      .send(entity.badUpdate)
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('refuses to delete a row that is still in use (409), and keeps it', async () => {
    const id = await idOf(entity.inUse);
    const res = await api.http().delete(`${entity.path}/${id}`).set(admin).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(res.body.message).toMatch(/^Still in use( by .+ records)?: remove those first$/);
    await api.http().get(`${entity.path}/${id}`).set(admin).expect(200);
  });

  it('documents its routes under its own tag, with its own body and response types', async () => {
    const doc = (await api.http().get('/api/docs-json').expect(200)).body as OpenApi;
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const body = (op: Operation) => op.requestBody?.content['application/json']?.schema;
    const ok = (op: Operation, status: string) =>
      op.responses[status]?.content?.['application/json']?.schema;
    const collection = doc.paths[entity.path]!;
    const item = doc.paths[`${entity.path}/{id}`]!;
    const operations = [collection.get, collection.post, item.get, item.patch, item.delete];

    for (const op of operations) {
      expect(op!.tags).toEqual([entity.tag]);
      expect(op!.security).toEqual([{ jc_session: [] }, { bearer: [] }]);
      expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(ok(collection.get!, '200')).toEqual({ type: 'array', items: ref(entity.dto) });
    expect(body(collection.post!)).toEqual(ref(entity.createDto));
    expect(ok(collection.post!, '201')).toEqual(ref(entity.dto));
    expect(ok(item.get!, '200')).toEqual(ref(entity.dto));
    expect(body(item.patch!)).toEqual(ref(entity.updateDto));
    expect(ok(item.patch!, '200')).toEqual(ref(entity.dto));
    expect(item.delete!.responses['409']?.description).toBe(entity.deleteConflict);
    for (const name of [entity.dto, entity.createDto, entity.updateDto]) {
      expect(doc.components.schemas[name]).toBeDefined();
    }
  });
});

interface Operation {
  tags: string[];
  security: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}
interface OpenApi {
  paths: Record<string, Partial<Record<'get' | 'post' | 'patch' | 'delete', Operation>>>;
  components: { schemas: Record<string, unknown> };
}
