import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from './testing/api-harness';

/**
 * Governance as data (issue #15): a budget goes to the SWV's own bodies, checked before the
 * start; the reserve rule is the SWV's setting. Against the api on a real PostgreSQL.
 */
describe('governance as data: deciding bodies and the reserve rule', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let stadsring: { Authorization: string };
  let rijnoever: { Authorization: string };
  const budgetYear = new Date().getUTCFullYear() + 1;
  const start = {
    budgetYear,
    proposal: { url: 'https://intranet.example/begroting.pdf', versionLabel: 'v1' },
    allocation: {
      amountPerPupilCents: 160_00,
      equityCents: 320_000_00,
      turnoverCents: 10_000_000_00,
    },
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    stadsring = {
      Authorization: `Bearer ${await api.signIn(DEMO_EMAILS.stadsring.secretariat)}`,
    };
    rijnoever = {
      Authorization: `Bearer ${await api.signIn(DEMO_EMAILS.rijnoever.secretariat)}`,
    };
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  it('puts the budget of an SWV with an Algemeen Bestuur to its own bodies, not to an ALV', async () => {
    const res = await api
      .http()
      .post('/api/budget-cycles/preview')
      .set(rijnoever)
      .send(start)
      .expect(200);
    expect(res.body.bodies).toEqual([
      { key: 'ab', name: 'Algemeen Bestuur', decisionKind: 'goedkeuring' },
      { key: 'rvt', name: 'Raad van Toezicht', decisionKind: 'goedkeuring' },
      { key: 'opr', name: 'Ondersteuningsplanraad', decisionKind: 'instemming' },
    ]);
    expect(res.body.bodyKeys).toEqual(['ab', 'rvt', 'opr']);
  });

  it('refuses before the start, naming what is missing: a body it does not have, a body without members', async () => {
    const unknown = await api
      .http()
      .post('/api/budget-cycles/preview')
      .set(rijnoever)
      .send({ ...start, bodyKeys: ['alv', 'opr'] })
      .expect(422);
    expect(unknown.body.errors[0]).toMatchObject({
      field: 'bodyKeys',
      message: "bodyKeys: this organisation has no body with the key 'alv'",
    });

    await api.ds.query(
      `DELETE FROM body_member WHERE body_id IN (
         SELECT b.id FROM body b JOIN organisation o ON o.id = b.organisation_id
          WHERE o.slug = 'rijnoever' AND b.key = 'opr')`,
    );
    const empty = await api
      .http()
      .post('/api/budget-cycles')
      .set(rijnoever)
      .send(start)
      .expect(422);
    expect(empty.body.errors[0].message).toBe(
      'Ondersteuningsplanraad has no active members, so nobody can vote: an administrator must add members first',
    );
    expect(
      await api.ds.query(`SELECT 1 FROM cycle WHERE kind = 'budget' AND year = $1`, [budgetYear]),
    ).toEqual([]);
  });

  it('stores the reserve rule of Midden Kennemerland and applies it in the preview', async () => {
    const rule = {
      targetBasisPoints: 0,
      ceilingBasisPoints: 350,
      recoveryYears: 1,
      capCents: 300_000_00,
      capFromYear: 2025,
    };
    const saved = await api
      .http()
      .patch('/api/organisation')
      .set(stadsring)
      .send({ settings: { reserveRule: rule } })
      .expect(200);
    expect(saved.body.settings.reserveRule).toEqual(rule);
    const preview = await api
      .http()
      .post('/api/budget-cycles/preview')
      .set(stadsring)
      .send(start)
      .expect(200);
    expect(preview.body.reserveRule).toEqual({
      targetBasisPoints: 0,
      ceilingBasisPoints: 350,
      recoveryYears: 1,
      capCents: 300_000_00,
    });
  });

  it('refuses a reserve rule that cannot hold, naming the field', async () => {
    const below = await api
      .http()
      .patch('/api/organisation')
      .set(stadsring)
      .send({
        settings: {
          reserveRule: { targetBasisPoints: 200, ceilingBasisPoints: 150, recoveryYears: 1 },
        },
      })
      .expect(422);
    expect(below.body.errors[0].field).toBe('reserveRule.ceilingBasisPoints');
    const years = await api
      .http()
      .patch('/api/organisation')
      .set(stadsring)
      .send({
        settings: {
          reserveRule: { targetBasisPoints: 200, ceilingBasisPoints: 350, recoveryYears: 0 },
        },
      })
      .expect(400);
    expect(years.body.errors[0].field).toBe('settings.reserveRule.recoveryYears');
    // Any other writer (onboarding, SQL) meets the database's check (migration 1764000000020).
    await expect(
      api.ds.query(
        `UPDATE organisation SET settings = settings || '{"reserveRule": {"targetBasisPoints": 200, "ceilingBasisPoints": 150, "recoveryYears": 1}}'::jsonb WHERE slug = 'stadsring'`,
      ),
    ).rejects.toThrow(/organisation_reserve_rule_check/);
    // null restores the default
    const reset = await api
      .http()
      .patch('/api/organisation')
      .set(stadsring)
      .send({ settings: { reserveRule: null } })
      .expect(200);
    expect(reset.body.settings).not.toHaveProperty('reserveRule');
  });
});
