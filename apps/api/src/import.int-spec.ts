import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { platformCommand } from './cli/platform-command';
import { newSwv } from './testing/onboarding-fixtures';
import { startApi, type ApiHarness } from './testing/api-harness';

const BOARDS = [
  'Naam;Bestuursnummer;Leerlingen',
  'Stichting Openbaar VO Duinrand;41234;2.400',
  'Vereniging Chr. VO Kennemerland;41235;1.850',
  // The name of a Stadsring board: another SWV's board of that name is no obstacle.
  'Stichting Openbaar Voortgezet Onderwijs Stadsring;;300',
].join('\r\n');

const SCHOOLS = [
  'BRIN;Vestiging;Naam;Bestuur;Soort;Leerlingen;Vast bedrag',
  '20AB;00;Duinrand College;41234;regulier;1.400;45.000,00',
  '20AB;1;Duinrand Mavo;41234;vo;1000;30000',
  '21CD;;Kennemer Lyceum;Vereniging Chr. VO Kennemerland;regulier;1850;',
  '22EF;00;VSO De Duinpan;Stichting Openbaar Voortgezet Onderwijs Stadsring;vso;300;',
].join('\r\n');

const PERSONS = [
  'Naam;E-mail;Rollen;Bestuur;School;Organen;Bestuurder',
  'Kees Bakker;k.bakker@duinrand.example;;41234;;ab;ja',
  'Wendy Kok;w.kok@kennemerland.example;;41235;;ab;ja',
  'Fleur Smit;zorg@duinrand-college.example;;;20AB00;;',
  'Omar Aziz;o.aziz@opr-duinrand.example;;;;opr;',
  'Sara Jansen;directeur@duinrand.example;directeur;;;;',
].join('\r\n');

/**
 * The CSV import (issue #15) on the real api and PostgreSQL, by the administrator of a freshly
 * onboarded SWV: good files, a report of refused lines, the same file twice, and another SWV's
 * data untouched.
 */
jest.setTimeout(60_000);

describe('CSV import of boards, schools and people', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let admin: string;
  let orgId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (kind: string, csv: string, token = admin) =>
    api
      .http()
      .post(`/api/import/${kind}`)
      .set(auth(token))
      .attach('file', Buffer.from(csv, 'utf8'), {
        filename: `${kind}.csv`,
        contentType: 'text/csv',
      });
  const snapshot = async (organisationId: string) =>
    api.ds.query(
      `SELECT (SELECT json_agg(b ORDER BY b.name) FROM school_board b WHERE b.organisation_id = $1) AS boards,
              (SELECT json_agg(s ORDER BY s.name) FROM school s WHERE s.organisation_id = $1) AS schools,
              (SELECT json_agg(p ORDER BY p.email) FROM person p WHERE p.organisation_id = $1) AS persons,
              (SELECT json_agg(m ORDER BY m.id) FROM body_member m JOIN body y ON y.id = m.body_id WHERE y.organisation_id = $1) AS members`,
      [organisationId],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    await platformCommand(
      api.ds,
      ['grant', DEMO_EMAILS.rijnoever.director],
      async () => '',
      () => {
        throw new Error('no mail');
      },
    );
    const platformAdmin = await api.signIn(DEMO_EMAILS.rijnoever.director);
    const res = await api
      .http()
      .post('/api/platform/organisations')
      .set(auth(platformAdmin))
      .send(newSwv('vo-duinrand', 'beheer@duinrand.example'))
      .expect(201);
    orgId = res.body.id as string;
    admin = await api.signIn('beheer@duinrand.example');
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  }, 60_000);

  it('imports boards, then schools (as text/csv with a byte-order mark), then people with memberships and bestuurders', async () => {
    const stadsringBefore = await snapshot(
      (
        (await api.ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as {
          id: string;
        }[]
      )[0]!.id,
    );
    const boards = await upload('boards', BOARDS).expect(200);
    expect(boards.body.counts).toEqual({ created: 3, changed: 0, unchanged: 0, refused: 0 });

    const schools = await api
      .http()
      .post('/api/import/schools')
      .set({ ...auth(admin), 'Content-Type': 'text/csv; charset=utf-8' })
      .send(`\uFEFF${SCHOOLS}`)
      .expect(200);
    expect(schools.body.rows.filter((r: { outcome: string }) => r.outcome === 'refused')).toEqual(
      [],
    );
    expect(schools.body.counts).toEqual({ created: 4, changed: 0, unchanged: 0, refused: 0 });

    const persons = await upload('persons', PERSONS).expect(200);
    expect(persons.body.counts).toEqual({ created: 5, changed: 0, unchanged: 0, refused: 0 });

    const rows = (await api.ds.query(
      `SELECT b.name, b.board_number, b.pupil_count, p.email AS bestuurder,
              (SELECT count(*)::int FROM school s WHERE s.board_id = b.id) AS schools
         FROM school_board b LEFT JOIN person p ON p.id = b.bestuurder_person_id
        WHERE b.organisation_id = $1 ORDER BY b.pupil_count DESC`,
      [orgId],
    )) as unknown[];
    expect(rows).toEqual([
      {
        name: 'Stichting Openbaar VO Duinrand',
        board_number: '41234',
        pupil_count: 2400,
        bestuurder: 'k.bakker@duinrand.example',
        schools: 2,
      },
      {
        name: 'Vereniging Chr. VO Kennemerland',
        board_number: '41235',
        pupil_count: 1850,
        bestuurder: 'w.kok@kennemerland.example',
        schools: 1,
      },
      {
        name: 'Stichting Openbaar Voortgezet Onderwijs Stadsring',
        board_number: null,
        pupil_count: 300,
        bestuurder: null,
        schools: 1,
      },
    ]);
    const school = (await api.ds.query(
      `SELECT brin, kind, pupil_count, fixed_amount_cents::int AS cents FROM school WHERE organisation_id = $1 ORDER BY brin`,
      [orgId],
    )) as unknown[];
    expect(school).toEqual([
      { brin: '20AB00', kind: 'regular', pupil_count: 1400, cents: 4_500_000 },
      { brin: '20AB01', kind: 'regular', pupil_count: 1000, cents: 3_000_000 },
      { brin: '21CD', kind: 'regular', pupil_count: 1850, cents: 0 },
      { brin: '22EF00', kind: 'special', pupil_count: 300, cents: 0 },
    ]);
    const members = await api.http().get('/api/bodies').set(auth(admin)).expect(200);
    const ab = (members.body as { id: string; key: string }[]).find((b) => b.key === 'ab')!;
    const abMembers = await api
      .http()
      .get(`/api/bodies/${ab.id}/members`)
      .set(auth(admin))
      .expect(200);
    expect((abMembers.body as { email: string }[]).map((m) => m.email).sort()).toEqual([
      'k.bakker@duinrand.example',
      'w.kok@kennemerland.example',
    ]);
    expect(
      await snapshot(
        (
          (await api.ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as {
            id: string;
          }[]
        )[0]!.id,
      ),
    ).toEqual(stadsringBefore);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await snapshot(orgId);
    for (const [kind, csv] of [
      ['boards', BOARDS],
      ['schools', SCHOOLS],
      ['persons', PERSONS],
    ] as const) {
      const res = await upload(kind, csv).expect(200);
      expect(res.body.counts).toMatchObject({ created: 0, changed: 0, refused: 0 });
    }
    expect(await snapshot(orgId)).toEqual(before);
  });

  it('reports every refused line with its row, column and rule, and imports the good ones', async () => {
    const res = await upload(
      'schools',
      [
        'BRIN;Vestiging;Naam;Bestuur;Soort;Leerlingen',
        '2AB;00;Verkeerd;41234;regulier;10',
        '23GH;00;Nieuwe School;41234;regulier;-4',
        '24JK;00;Elders;Stichting Elders;regulier;10',
        '25LM;00;Goede School;41235;regulier;200',
      ].join('\n'),
    ).expect(200);
    expect(res.body.counts).toEqual({ created: 1, changed: 0, unchanged: 0, refused: 3 });
    expect(
      (
        res.body.rows as {
          row: number;
          outcome: string;
          problems: { column: string; message: string }[];
        }[]
      )
        .filter((r) => r.outcome === 'refused')
        .map((r) => [r.row, r.problems.map((p) => `${p.column}: ${p.message}`)]),
    ).toEqual([
      [2, ['BRIN: 2AB is not a BRIN code: two digits and two letters, e.g. 20AB']],
      [3, ['Leerlingen: -4 is not a count: a whole number of 0 or more, e.g. 1.250']],
      [
        4,
        [
          'Bestuur: No board Stichting Elders: import the boards first, or write the name or bestuursnummer as the SWV has it',
        ],
      ],
    ]);
    expect(
      await api.ds.query(
        `SELECT name FROM school WHERE organisation_id = $1 AND brin LIKE '2_%00' AND brin > '23'`,
        [orgId],
      ),
    ).toEqual([{ name: 'Goede School' }]);
  });

  it("refuses an address of another SWV's person, and a file saved with commas as a whole (422)", async () => {
    const res = await upload(
      'persons',
      `naam;email\nLeen;${DEMO_EMAILS.stadsring.director}`,
    ).expect(200);
    expect(res.body.rows[0].problems[0].message).toBe(
      'This e-mail address belongs to a person of another SWV',
    );
    const before = await snapshot(orgId);
    const comma = await upload('boards', 'naam,leerlingen\nStichting Komma,12').expect(422);
    expect(comma.body).toMatchObject({ field: 'file', code: 'RULE_VIOLATION' });
    expect(comma.body.message).toContain('commas');
    const latin1 = await api
      .http()
      .post('/api/import/boards')
      .set({ ...auth(admin), 'Content-Type': 'text/csv' })
      .send(Buffer.from('naam;leerlingen\nStichting Mat\xe9riel;12', 'latin1'))
      .expect(422);
    expect(latin1.body.message).toContain('UTF-8');
    expect(await snapshot(orgId)).toEqual(before);
  });

  it('is for administrators of the SWV only; an unknown kind is 404', async () => {
    const director = await api.signIn('directeur@duinrand.example');
    await upload('boards', BOARDS, director).expect(403);
    await upload('pupils', BOARDS).expect(404);
    await api
      .http()
      .post('/api/import/boards')
      .attach('file', Buffer.from(BOARDS), 'b.csv')
      .expect(401);
  });
});
