import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { AuditEvent } from './entities';

/** The database itself refuses data the application must never store. */
describe('schema constraints', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let orgA: string;
  let orgB: string;
  let boardB: string;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url, { logging: false }).initialize();
    ({ id: orgA } = await one<{ id: string }>(
      `INSERT INTO organisation (slug, name, region, sector) VALUES ('a', 'SWV A', 'noord', 'vo') RETURNING id`,
    ));
    ({ id: orgB } = await one<{ id: string }>(
      `INSERT INTO organisation (slug, name, region, sector) VALUES ('b', 'SWV B', 'zuid', 'po') RETURNING id`,
    ));
    ({ id: boardB } = await one<{ id: string }>(
      `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'Bestuur B', 100) RETURNING id`,
      [orgB],
    ));
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('refuses a negative pupil count', async () => {
    await expect(
      ds.query(
        `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'X', -1)`,
        [orgA],
      ),
    ).rejects.toThrow(/school_board_pupil_count_check/);
  });

  it('refuses a negative fixed amount', async () => {
    const { id: boardA } = await one<{ id: string }>(
      `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'Bestuur A', 10) RETURNING id`,
      [orgA],
    );
    await expect(
      ds.query(
        `INSERT INTO school (organisation_id, board_id, name, kind, fixed_amount_cents) VALUES ($1, $2, 'S', 'regular', -5)`,
        [orgA, boardA],
      ),
    ).rejects.toThrow(/school_fixed_amount_cents_check/);
  });

  it('refuses unknown roles, platform roles among roles and upper-case email addresses', async () => {
    await expect(
      ds.query(
        `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, 'x@a.example', 'X', '{admin,superuser}')`,
        [orgA],
      ),
    ).rejects.toThrow(/person_roles_check/);
    // Platform roles apart from an SWV's roles, each list with its own values.
    await expect(
      ds.query(
        `INSERT INTO person (organisation_id, email, name, platform_roles) VALUES ($1, 'x@a.example', 'X', '{admin}')`,
        [orgA],
      ),
    ).rejects.toThrow(/person_platform_roles_check/);
    await expect(
      ds.query(
        `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, 'x@a.example', 'X', '{operator}')`,
        [orgA],
      ),
    ).rejects.toThrow(/person_roles_check/);
    await expect(
      ds.query(
        `INSERT INTO person (organisation_id, email, name) VALUES ($1, 'X@a.example', 'X')`,
        [orgA],
      ),
    ).rejects.toThrow(/person_email_check/);
  });

  it("refuses a school that points at another SWV's board", async () => {
    await expect(
      ds.query(
        `INSERT INTO school (organisation_id, board_id, name, kind) VALUES ($1, $2, 'Indringer', 'regular')`,
        [orgA, boardB],
      ),
    ).rejects.toThrow(/school_board_fkey/);
  });

  it('refuses a body member from another SWV', async () => {
    const { id: body } = await one<{ id: string }>(
      `INSERT INTO body (organisation_id, key, name, decision_kind, voting_rule) VALUES ($1, 'rvt', 'RvT', 'goedkeuring', '{}') RETURNING id`,
      [orgA],
    );
    const { id: personB } = await one<{ id: string }>(
      `INSERT INTO person (organisation_id, email, name) VALUES ($1, 'p@b.example', 'P') RETURNING id`,
      [orgB],
    );
    await expect(
      ds.query(`INSERT INTO body_member (body_id, person_id) VALUES ($1, $2)`, [body, personB]),
    ).rejects.toThrow(/does not belong to the organisation/);
  });

  it('takes any task kind of the declared form, so a new cycle needs no migration', async () => {
    const { id: person } = await one<{ id: string }>(
      `INSERT INTO person (organisation_id, email, name) VALUES ($1, 't@a.example', 'T') RETURNING id`,
      [orgA],
    );
    const task = (kind: string) =>
      ds.query(
        `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title) VALUES ($1, $2, 'visitation:a:2026', $3, 'r', 'T')`,
        [orgA, person, kind],
      );
    await expect(task('visit')).resolves.toBeDefined();
    await expect(task('Visit!')).rejects.toThrow(/task_kind_format_check/);
  });

  it('stores audit events through the entity, with a database-generated id', async () => {
    const saved = await ds.getRepository(AuditEvent).save({
      organisationId: orgA,
      workflowId: 'budget:a:2025',
      action: 'adopted',
      round: 1,
      actorPersonId: null,
      bodyKey: null,
      weight: null,
      value: null,
      comment: null,
      payload: { title: 'Begroting 2025' },
    });
    expect(saved.id).toMatch(/^\d+$/);
    const loaded = await ds.getRepository(AuditEvent).findOneByOrFail({ id: saved.id });
    expect(loaded).toMatchObject({
      action: 'adopted',
      round: 1,
      payload: { title: 'Begroting 2025' },
    });
    expect(loaded.occurredAt).toBeInstanceOf(Date);
  });

  it('keeps audit_event append-only: UPDATE, DELETE and TRUNCATE raise', async () => {
    await ds.query(
      `INSERT INTO audit_event (organisation_id, workflow_id, action, body_key, weight, value) VALUES ($1, 'budget:a:2026', 'vote_cast', 'alv', 4010, 'for')`,
      [orgA],
    );
    await expect(ds.query(`UPDATE audit_event SET value = 'against'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(ds.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only: DELETE/);
    await expect(ds.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(
      await one<{ value: string }>(`SELECT value FROM audit_event WHERE action = 'vote_cast'`),
    ).toEqual({
      value: 'for',
    });
  });
});
