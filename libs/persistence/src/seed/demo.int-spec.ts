import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { DEMO_EMAILS, seedDemoData } from './demo';

describe('seedDemoData', () => {
  let db: TestDatabase;
  let ds: DataSource;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('seeds once; running it again (even concurrently) changes nothing', async () => {
    const results = await Promise.all([seedDemoData(ds), seedDemoData(ds)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const before = await one<{ n: number }>(`SELECT count(*)::int AS n FROM person`);

    await expect(seedDemoData(ds)).resolves.toEqual({ created: false });
    expect(await one<{ n: number }>(`SELECT count(*)::int AS n FROM person`)).toEqual(before);
    expect(await one<{ n: number }>(`SELECT count(*)::int AS n FROM organisation`)).toEqual({
      n: 2,
    });
  });

  it('shapes Stadsring like SWV VO Groningen Stad: 10 boards, 16,500 pupils, 31 schools, 34 locations', async () => {
    const stats = await one<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM school_board b WHERE b.organisation_id = o.id) AS boards,
              (SELECT sum(pupil_count)::int FROM school_board b WHERE b.organisation_id = o.id) AS pupils,
              (SELECT count(*)::int FROM school s WHERE s.organisation_id = o.id) AS schools,
              (SELECT sum(location_count)::int FROM school s WHERE s.organisation_id = o.id) AS locations,
              (SELECT count(*)::int FROM school s WHERE s.organisation_id = o.id AND s.kind = 'special') AS special,
              (SELECT count(*)::int FROM school s WHERE s.organisation_id = o.id AND s.ect_member_person_id IS NULL) AS without_ect
         FROM organisation o WHERE o.slug = 'stadsring'`,
    );
    expect(stats).toMatchObject({
      boards: 10,
      pupils: 16_500,
      schools: 31,
      locations: 34,
      without_ect: 0,
    });
    expect(stats.special).toBeGreaterThanOrEqual(2);
  });

  it('gives Stadsring an ALV of one representative per board, a 3-member RvT and a 6-member OPR', async () => {
    const bodies = (await ds.query(
      `SELECT b.key, b.decision_kind, b.voting_rule->>'weighting' AS weighting,
              count(m.id)::int AS members, count(m.board_id)::int AS representing, count(DISTINCT m.board_id)::int AS boards
         FROM body b JOIN organisation o ON o.id = b.organisation_id LEFT JOIN body_member m ON m.body_id = b.id
        WHERE o.slug = 'stadsring' GROUP BY b.key, b.decision_kind, b.voting_rule ORDER BY b.key`,
    )) as unknown[];
    expect(bodies).toEqual([
      {
        key: 'alv',
        decision_kind: 'goedkeuring',
        weighting: 'pupil_count',
        members: 10,
        representing: 10,
        boards: 10,
      },
      {
        key: 'opr',
        decision_kind: 'instemming',
        weighting: 'one_member_one_vote',
        members: 6,
        representing: 0,
        boards: 0,
      },
      {
        key: 'rvt',
        decision_kind: 'goedkeuring',
        weighting: 'one_member_one_vote',
        members: 3,
        representing: 0,
        boards: 0,
      },
    ]);
  });

  it('provides the well-known sign-in addresses with their roles', async () => {
    const secretariat = await one<{ roles: string[]; slug: string }>(
      `SELECT p.roles, o.slug FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE p.email = $1`,
      [DEMO_EMAILS.stadsring.secretariat],
    );
    expect(secretariat).toEqual({ roles: ['secretariat', 'admin'], slug: 'stadsring' });
    const director = await one<{ roles: string[] }>(`SELECT roles FROM person WHERE email = $1`, [
      DEMO_EMAILS.stadsring.director,
    ]);
    expect(director.roles).toEqual(['director']);
    const rijnoever = await one<{ slug: string; ab: number }>(
      `SELECT o.slug, (SELECT count(*)::int FROM body b WHERE b.organisation_id = o.id AND b.key = 'ab') AS ab
         FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE p.email = $1`,
      [DEMO_EMAILS.rijnoever.secretariat],
    );
    expect(rijnoever).toEqual({ slug: 'rijnoever', ab: 1 });
    const emails = (await ds.query(`SELECT email FROM person`)) as { email: string }[];
    expect(emails.every((e) => e.email.endsWith('.example'))).toBe(true);
  });
});
