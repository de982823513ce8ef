import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from './testing/api-harness';

/** The tenant is always the signed-in person's SWV: another SWV's rows do not exist for them. */
describe('tenant isolation', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let stadsring: string;
  let rijnoever: { boardId: string; schoolId: string; personId: string; bodyId: string };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    stadsring = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
    const [row] = (await api.ds.query(
      `SELECT (SELECT id FROM school_board WHERE organisation_id = o.id ORDER BY name LIMIT 1) AS "boardId",
              (SELECT id FROM school WHERE organisation_id = o.id ORDER BY name LIMIT 1) AS "schoolId",
              (SELECT id FROM person WHERE organisation_id = o.id ORDER BY name LIMIT 1) AS "personId",
              (SELECT id FROM body WHERE organisation_id = o.id AND key = 'ab') AS "bodyId"
         FROM organisation o WHERE o.slug = 'rijnoever'`,
    )) as (typeof rijnoever)[];
    rijnoever = row!;
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  it("answers 404 (not 403) for another SWV's records, for reads and writes alike", async () => {
    const { boardId, schoolId, personId, bodyId } = rijnoever;
    for (const path of [
      `/api/boards/${boardId}`,
      `/api/schools/${schoolId}`,
      `/api/persons/${personId}`,
      `/api/bodies/${bodyId}`,
    ]) {
      const res = await api.http().get(path).set(auth(stadsring)).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      await api.http().patch(path).set(auth(stadsring)).send({ name: 'Overgenomen' }).expect(404);
      await api.http().delete(path).set(auth(stadsring)).expect(404);
    }
    await api.http().get(`/api/bodies/${bodyId}/members`).set(auth(stadsring)).expect(404);

    const [{ name }] = (await api.ds.query(`SELECT name FROM school_board WHERE id = $1`, [
      boardId,
    ])) as [{ name: string }];
    expect(name).not.toBe('Overgenomen');
  });

  it("never lists another SWV's rows", async () => {
    const [{ id: rijnoeverId }] = (await api.ds.query(
      `SELECT id FROM organisation WHERE slug = 'rijnoever'`,
    )) as [{ id: string }];
    const rijnoeverIds = new Set(
      (
        (await api.ds.query(
          `SELECT id FROM school_board WHERE organisation_id = $1 UNION ALL SELECT id FROM school WHERE organisation_id = $1
         UNION ALL SELECT id FROM person WHERE organisation_id = $1 UNION ALL SELECT id FROM body WHERE organisation_id = $1`,
          [rijnoeverId],
        )) as { id: string }[]
      ).map((r) => r.id),
    );

    const boards = await api.http().get('/api/boards').set(auth(stadsring)).expect(200);
    expect(boards.body).toHaveLength(10);
    expect(
      boards.body.reduce((sum: number, b: { pupilCount: number }) => sum + b.pupilCount, 0),
    ).toBe(16_500);
    const names = boards.body.map((b: { name: string }) => b.name);
    expect(names).toEqual(
      [...names].sort(new Intl.Collator('nl', { sensitivity: 'base' }).compare),
    );

    for (const path of ['/api/boards', '/api/schools', '/api/persons', '/api/bodies']) {
      const res = await api.http().get(path).set(auth(stadsring)).expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.filter((r: { id: string }) => rijnoeverIds.has(r.id))).toEqual([]);
    }
    const org = await api.http().get('/api/organisation').set(auth(stadsring)).expect(200);
    expect(org.body.slug).toBe('stadsring');
  });

  it("refuses references to another SWV's rows, naming the field", async () => {
    const school = await api
      .http()
      .post('/api/schools')
      .set(auth(stadsring))
      .send({ name: 'Grensschool', boardId: rijnoever.boardId, kind: 'regular' })
      .expect(422);
    expect(school.body).toMatchObject({ code: 'VALIDATION', field: 'boardId' });

    const [{ id: alv }] = (await api.ds.query(
      `SELECT b.id FROM body b JOIN organisation o ON o.id = b.organisation_id WHERE o.slug = 'stadsring' AND b.key = 'opr'`,
    )) as [{ id: string }];
    const member = await api
      .http()
      .post(`/api/bodies/${alv}/members`)
      .set(auth(stadsring))
      .send({ personId: rijnoever.personId })
      .expect(422);
    expect(member.body).toMatchObject({ field: 'personId' });
  });
});
