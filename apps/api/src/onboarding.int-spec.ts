import { OutboxService } from '@jaarcyclus/mail';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES } from '@jaarcyclus/domain';
import { ApiConfig } from '@jaarcyclus/api/config';
import { MailDispatcher } from '@jaarcyclus/api/mail/mail-dispatcher';
import { PayloadKeyRing } from '@jaarcyclus/config';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { platformCommand } from './cli/platform-command';
import { startApi, type ApiHarness } from './testing/api-harness';
import { newSwv } from './testing/onboarding-fixtures';

/**
 * Onboarding an SWV (issue #15) on the real api and PostgreSQL: only a platform administrator
 * may; the SWV, its bodies and its administrator are written together or not at all; the
 * administrator gets a sign-in link by mail (none usable in the outbox) and runs the new SWV.
 */
jest.setTimeout(60_000);

describe('onboarding an SWV', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let platformAdmin: string;
  let swvAdmin: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const count = async (sql: string): Promise<number> =>
    ((await api.ds.query(sql)) as { n: number }[])[0]!.n;
  const counts = async () => ({
    organisations: await count(`SELECT count(*)::int AS n FROM organisation`),
    persons: await count(`SELECT count(*)::int AS n FROM person`),
    bodies: await count(`SELECT count(*)::int AS n FROM body`),
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    const mail = () => {
      throw new Error('grant sends no mail');
    };
    expect(
      await platformCommand(
        api.ds,
        ['grant', DEMO_EMAILS.rijnoever.director],
        async () => '',
        mail,
      ),
    ).toBe(`${DEMO_EMAILS.rijnoever.director} is a platform administrator`);
    platformAdmin = await api.signIn(DEMO_EMAILS.rijnoever.director);
    swvAdmin = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  }, 60_000);

  it('creates the SWV with its bodies and mails its administrator a link that signs them in to it', async () => {
    const res = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send(newSwv('vo-duinrand', 'Beheer@Duinrand.example'))
      .expect(201);
    expect(res.body).toMatchObject({
      slug: 'vo-duinrand',
      name: 'Samenwerkingsverband VO Duinrand',
    });
    expect(Object.keys(res.body.bodies as object).sort()).toEqual(['ab', 'opr']);

    const token = await api.latestLoginToken('beheer@duinrand.example');
    const stored = (await api.ds.query(
      `SELECT text_body FROM outbox_message WHERE to_address = 'beheer@duinrand.example'`,
    )) as { text_body: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.text_body).not.toContain(token);

    const session = (await api.http().post('/auth/verify').send({ token }).expect(200)).body
      .sessionToken as string;
    const org = await api.http().get('/api/organisation').set(auth(session)).expect(200);
    expect(org.body).toMatchObject({
      slug: 'vo-duinrand',
      sector: 'vo',
      region: 'noord',
      settings: { reminderOffsetsBusinessDays: [5, 2] },
    });
    const bodies = await api.http().get('/api/bodies').set(auth(session)).expect(200);
    expect(
      (bodies.body as { key: string; decisionKind: string }[]).map((b) => [b.key, b.decisionKind]),
    ).toEqual([
      ['ab', 'goedkeuring'],
      ['opr', 'instemming'],
    ]);
    const me = await api.http().get('/api/me').set(auth(session)).expect(200);
    expect(me.body.roles).toEqual(['admin', 'secretariat']);
  });

  it('refuses a slug already taken with 409, writing nothing', async () => {
    const before = await counts();
    const res = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send(newSwv('stadsring', 'nieuw@duinrand.example'))
      .expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', field: 'slug' });
    expect(await counts()).toEqual(before);
  });

  it("refuses an administrator's address that is taken with 409, and leaves no SWV behind", async () => {
    const before = await counts();
    const res = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send(newSwv('vo-kustlijn', DEMO_EMAILS.stadsring.director))
      .expect(409);
    expect(res.body).toMatchObject({ field: 'administrator.email' });
    expect(await counts()).toEqual(before);
    expect(
      await count(`SELECT count(*)::int AS n FROM organisation WHERE slug = 'vo-kustlijn'`),
    ).toBe(0);
  });

  it.each([
    ['slug', { slug: 'VO Duinrand' }, 'slug'],
    ['region', { region: 'oost' }, 'region'],
    ['sector', { sector: 'mbo' }, 'sector'],
    ['no bodies', { bodies: [] }, 'bodies'],
    [
      'administrator e-mail',
      { administrator: { name: 'X', email: 'geen-adres' } },
      'administrator.email',
    ],
    ['unknown field', { kleur: 'rood' }, 'kleur'],
  ])('refuses a bad %s with 400 naming the field', async (_, patch, field) => {
    const before = await counts();
    const res = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send({ ...newSwv('vo-golfslag', 'a@golfslag.example'), ...patch })
      .expect(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses two bodies with one key, and an incoherent voting rule, naming the body', async () => {
    const twice = newSwv('vo-golfslag', 'a@golfslag.example');
    twice.bodies = [...(twice.bodies as object[]), (twice.bodies as object[])[0]];
    const res = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send(twice);
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('bodies');

    const strict = newSwv('vo-golfslag', 'a@golfslag.example');
    (strict.bodies as { votingRule: object }[])[1]!.votingRule = {
      ...DEFAULT_RULES.opr,
      majority: { basis: 'votes_cast', strict: true, numerator: 1, denominator: 1 },
    };
    const bad = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send(strict);
    expect([400, 422]).toContain(bad.status);
    expect(bad.body.field).toMatch(/^bodies\[1\]\.votingRule/);
    expect(
      await count(`SELECT count(*)::int AS n FROM organisation WHERE slug = 'vo-golfslag'`),
    ).toBe(0);
  });

  it("stores each body's vote secrecy (absent: the default of its decision kind), and refuses an unknown rule", async () => {
    const before = await counts();
    const bad = newSwv('vo-golfslag', 'a@golfslag.example');
    (bad.bodies as { voteSecrecy?: string }[])[1]!.voteSecrecy = 'openbaar';
    const refused = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send(bad)
      .expect(400);
    expect((refused.body.errors as { field: string }[]).map((e) => e.field)).toContain(
      'bodies[1].voteSecrecy',
    );
    expect(await counts()).toEqual(before);

    const input = newSwv('vo-zeewind', 'beheer@zeewind.example');
    (input.bodies as { voteSecrecy?: string }[])[1]!.voteSecrecy = 'totals_after_close';
    const created = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send(input)
      .expect(201);
    const rows = (await api.ds.query(
      `SELECT key, vote_secrecy FROM body WHERE organisation_id = $1 ORDER BY key`,
      [created.body.id],
    )) as { key: string; vote_secrecy: string | null }[];
    expect(rows.map((r) => [r.key, r.vote_secrecy])).toEqual([
      ['ab', null],
      ['opr', 'totals_after_close'],
    ]);
  });

  it("refuses everyone who is not a platform administrator, an SWV's administrator included", async () => {
    await api
      .http()
      .post('/api/platform/organisations')
      .send(newSwv('vo-x', 'x@x.example'))
      .expect(401);
    const res = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(swvAdmin))
      .send(newSwv('vo-x', 'x@x.example'))
      .expect(403);
    expect(res.body.message).toContain('platform_admin');
    expect(await count(`SELECT count(*)::int AS n FROM organisation WHERE slug = 'vo-x'`)).toBe(0);
  });

  it('onboards from a JSON file on the command line, checked by the same rules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onboard-'));
    const file = join(dir, 'swv.json');
    await writeFile(file, JSON.stringify(newSwv('po-rivierland', 'beheer@rivierland.example')));
    const config = ApiConfig.with({
      DATABASE_URL: db.url,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'http://jaarcyclus.test',
      ...PayloadKeyRing.generate('cli').toEnv(),
    });
    const dispatcher = api.app.get(MailDispatcher);
    const line = await platformCommand(
      api.ds,
      ['onboard', file],
      (p) => readFile(p, 'utf8'),
      () => ({ config, dispatcher, outbox: api.app.get(OutboxService) }),
    );
    expect(line).toMatch(
      /^onboarded po-rivierland \(.+\) with bodies ab, opr; a sign-in link went to beheer@rivierland\.example$/,
    );
    await api.latestLoginToken('beheer@rivierland.example');

    await writeFile(
      file,
      JSON.stringify({ ...newSwv('po-rivierland-2', 'b@r.example'), region: 'oost' }),
    );
    await expect(
      platformCommand(
        api.ds,
        ['onboard', file],
        (p) => readFile(p, 'utf8'),
        () => ({ config, dispatcher, outbox: api.app.get(OutboxService) }),
      ),
    ).rejects.toThrow(/region/);
  });
});
