import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { SOURCE_SWVS, seedSourceSwvs } from './source-swvs';

/** The source SWVs on PostgreSQL, built through onboarding and the CSV import. */
jest.setTimeout(60_000);

describe('seedSourceSwvs', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
  }, 60_000);

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  }, 60_000);

  it('adds the four SWVs once, with their figures, bodies and members', async () => {
    await expect(seedSourceSwvs(ds)).resolves.toEqual({ created: true });
    await expect(seedSourceSwvs(ds)).resolves.toEqual({ created: false });
    const rows = (await ds.query(
      `SELECT o.slug, o.region, o.sector,
              (SELECT count(*)::int FROM school_board b WHERE b.organisation_id = o.id) AS boards,
              (SELECT sum(pupil_count)::int FROM school_board b WHERE b.organisation_id = o.id) AS pupils,
              (SELECT count(*)::int FROM school s WHERE s.organisation_id = o.id) AS schools,
              (SELECT sum(location_count)::int FROM school s WHERE s.organisation_id = o.id) AS locations,
              (SELECT count(*)::int FROM school_board b WHERE b.organisation_id = o.id AND b.bestuurder_person_id IS NOT NULL) AS bestuurders,
              (SELECT string_agg(y.key || ':' || (SELECT count(*) FROM body_member m WHERE m.body_id = y.id), ' ' ORDER BY y.key)
                 FROM body y WHERE y.organisation_id = o.id) AS bodies,
              (SELECT count(*)::int FROM person p WHERE p.organisation_id = o.id AND 'director' = ANY (p.roles)) AS directors
         FROM organisation o WHERE o.slug = ANY($1) ORDER BY o.slug`,
      [SOURCE_SWVS.map((s) => s.slug)],
    )) as unknown[];
    expect(rows).toEqual([
      {
        slug: 'po-de-liemers',
        region: 'zuid',
        sector: 'po',
        boards: 5,
        pupils: 7770,
        schools: 22,
        locations: 22,
        bestuurders: 5,
        bodies: 'ab:5 opr:6',
        directors: 1,
      },
      {
        slug: 'swv-002',
        region: 'midden',
        sector: 'vo',
        boards: 4,
        pupils: 6900,
        schools: 8,
        locations: 9,
        bestuurders: 4,
        bodies: 'ab:4 bto:3 directieberaad:5 opr:6 rvt:3',
        directors: 1,
      },
      {
        slug: 'vo-groningen-stad',
        region: 'noord',
        sector: 'vo',
        boards: 10,
        pupils: 16500,
        schools: 31,
        locations: 34,
        bestuurders: 10,
        bodies: 'alv:10 mrp:2 opr:6 rvt:3',
        directors: 1,
      },
      {
        slug: 'vo-midden-kennemerland',
        region: 'noord',
        sector: 'vo',
        boards: 4,
        pupils: 6150,
        schools: 7,
        locations: 7,
        bestuurders: 4,
        bodies: 'ab:4 opr:6',
        directors: 1,
      },
    ]);
    // Every ALV member represents a board, whose pupil count is the vote weight (docs/domain.md, source 001 §1.1).
    const unrepresented = (await ds.query(
      `SELECT count(*)::int AS n FROM body_member m JOIN body y ON y.id = m.body_id WHERE y.key = 'alv' AND m.board_id IS NULL`,
    )) as { n: number }[];
    expect(unrepresented[0]!.n).toBe(0);
    // Every body has a chair, one of its members.
    const chairs = (await ds.query(
      `SELECT count(*)::int AS n FROM body y JOIN organisation o ON o.id = y.organisation_id
        WHERE o.slug = ANY($1) AND NOT EXISTS (SELECT 1 FROM body_member m WHERE m.body_id = y.id AND m.person_id = y.chair_person_id)`,
      [SOURCE_SWVS.map((s) => s.slug)],
    )) as { n: number }[];
    expect(chairs[0]!.n).toBe(0);
  });
});
