import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { MIGRATIONS } from './index';

async function tables(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
  )) as { table_name: string }[];
  return rows.map((r) => r.table_name);
}

async function functions(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1`,
  )) as { proname: string }[];
  return rows.map((r) => r.proname);
}

describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('go down to an empty schema and up again cleanly', async () => {
    const migrated = await tables(ds);
    expect(migrated).toEqual(
      expect.arrayContaining([
        'organisation',
        'school_board',
        'school',
        'person',
        'body',
        'body_member',
        'audit_event',
        'cycle',
        'task',
      ]),
    );
    expect(await ds.showMigrations()).toBe(false);

    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    expect(await functions(ds)).toEqual([]);

    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toEqual(migrated);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('match the entities: every mapped column exists with the same nullability', async () => {
    const rows = (await ds.query(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    )) as { table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }[];
    const columns = new Map(
      rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']),
    );
    const mismatches = ds.entityMetadatas.flatMap((entity) =>
      entity.columns
        .map((c) => ({ key: `${entity.tableName}.${c.databaseName}`, nullable: c.isNullable }))
        .filter(({ key, nullable }) => columns.get(key) !== nullable)
        .map(
          ({ key, nullable }) =>
            `${key}: entity nullable=${nullable}, table ${columns.has(key) ? `nullable=${columns.get(key)}` : 'has no such column'}`,
        ),
    );
    expect(mismatches).toEqual([]);
  });

  it('split the calendar feeds: existing ones stay personal, the office’s marked as having opened the agenda', async () => {
    const last = async () =>
      (
        (await ds.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`)) as {
          name: string;
        }[]
      )[0]!.name;
    // Back to just before the split (and any migration after it).
    for (;;) {
      const name = await last();
      await ds.undoLastMigration({ transaction: 'each' });
      if (name === 'CalendarFeedKinds1764000000180') break;
    }
    const [org] = (await ds.query(
      `INSERT INTO organisation (slug, name, region, sector) VALUES ('feeds', 'SWV Feeds', 'noord', 'vo') RETURNING id`,
    )) as { id: string }[];
    const person = async (email: string, roles: string[]) =>
      (
        (await ds.query(
          `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, $2, $2, $3) RETURNING id`,
          [org!.id, email, roles],
        )) as { id: string }[]
      )[0]!.id;
    const office = await person('secretariaat@feeds.example', ['secretariat']);
    const member = await person('lid@feeds.example', ['body_member']);
    for (const [id, hash] of [
      [office, 'a'.repeat(64)],
      [member, 'b'.repeat(64)],
    ] as const) {
      await ds.query(
        `INSERT INTO calendar_feed (organisation_id, person_id, token_hash) VALUES ($1, $2, $3)`,
        [org!.id, id, hash],
      );
    }

    await ds.runMigrations({ transaction: 'each' });
    const feeds = (await ds.query(
      `SELECT person_id, kind, opened_agenda FROM calendar_feed WHERE organisation_id = $1`,
      [org!.id],
    )) as { person_id: string; kind: string; opened_agenda: boolean }[];
    expect(new Map(feeds.map((f) => [f.person_id, [f.kind, f.opened_agenda]]))).toEqual(
      new Map([
        [office, ['personal', true]],
        [member, ['personal', false]],
      ]),
    );
    // The office member may now hold an agenda feed beside the personal one.
    await ds.query(
      `INSERT INTO calendar_feed (organisation_id, person_id, kind, token_hash) VALUES ($1, $2, 'agenda', $3)`,
      [org!.id, office, 'c'.repeat(64)],
    );
    expect(await ds.showMigrations()).toBe(false);
  });

  it('never synchronise the schema from the entities', () => {
    expect(ds.options.synchronize).toBe(false);
  });
});
