import {
  DEFAULT_ACCOUNTABILITY_FORMAT,
  type SchoolAccountabilityStatus,
  daysLate,
  validateSubmission,
} from '@jaarcyclus/domain';
import { DEMO_EMAILS, ensureDefaultAccountabilityFormat } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { accountabilityWorkflowId, schoolAccountabilityWorkflowId } from '@jaarcyclus/workflows';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

/**
 * The accountability api without Temporal: formats, who may see which school, validation of
 * the figures before anything is written or sent, 409 from the database status once a school
 * is final, and the overview with its CSV export. Cycles are set up in the database the way
 * the api and the workflows leave them.
 */
describe('accountability api (PostgreSQL, no Temporal)', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let orgId: string;
  const auth: Record<
    'secretariat' | 'contact' | 'ect' | 'otherEct' | 'oprMember' | 'otherSwv' | 'bestuurder',
    { Authorization: string }
  > = {} as never;
  const school: Record<string, string> = {};
  const person: Record<string, string> = {};

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await api.ds.query(sql, params)) as T[])[0]!;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await one<{ n: number }>(sql, params)).n;

  /** Valid figures for the default format (what a school contact types, Dutch notation). */
  const valid = {
    income: [
      { lineKey: 'swv_vast_bedrag', amount: '58.000,00' },
      { lineKey: 'swv_variabel_bedrag', amount: '120.000,00' },
    ],
    expenses: [
      { lineKey: 'personeel_extra_ondersteuning', fte: '1,5', amount: '110000' },
      { lineKey: 'personeel_ondersteuningsteam', fte: '0,4', amount: '40.000,00' },
      { lineKey: 'materiele_kosten', amount: '20000,50' },
    ],
    appendix: [
      { description: 'Ambulante begeleiding', fte: '1,0', targetGroup: 'Leerlingen met TOS' },
      { description: 'Reboundvoorziening', fte: '0,5', targetGroup: 'Onderbouw' },
    ],
  };

  /** A cycle as the api and the school workflows leave it in the database. */
  async function seedCycle(
    year: number,
    deadline: string,
    rows: {
      school: string;
      status: SchoolAccountabilityStatus;
      version?: number;
      submittedAt?: string;
      daysLate?: number;
      deductionCents?: number;
      /** A waiver as the school workflow records it: its 'waived' audit event. */
      waiver?: { reason: string; at: string };
    }[],
  ): Promise<void> {
    const cycleWf = accountabilityWorkflowId(orgId, year);
    await ensureDefaultAccountabilityFormat(api.ds, orgId);
    await api.ds.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status)
       VALUES ($1, 'accountability', $2, $3, $4, 'running')`,
      [orgId, year, cycleWf, `Verantwoording ${year}`],
    );
    await api.ds.query(
      `INSERT INTO accountability_cycle (organisation_id, workflow_id, accounting_year, format_version, deadline, schools, started)
       VALUES ($1, $2, $3, 1, $4, $5, $5)`,
      [orgId, cycleWf, year, deadline, rows.length],
    );
    const checked = validateSubmission(DEFAULT_ACCOUNTABILITY_FORMAT, valid);
    if (!checked.ok) throw new Error('fixture figures invalid');
    for (const r of rows) {
      const schoolId = school[r.school]!;
      let submissionId: string | null = null;
      if (r.version) {
        submissionId = (
          await one<{ id: string }>(
            `INSERT INTO accountability_submission
               (organisation_id, school_id, accounting_year, cycle_workflow_id, format_version, version, status,
                figures, submitted_by_person_id, created_at, reviewed_at)
             VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10) RETURNING id`,
            [
              orgId,
              schoolId,
              year,
              cycleWf,
              r.version,
              r.status === 'accepted' ? 'accepted' : 'submitted',
              JSON.stringify(checked.value),
              person.contact,
              r.submittedAt,
              r.status === 'accepted' ? r.submittedAt : null,
            ],
          )
        ).id;
      }
      await api.ds.query(
        `INSERT INTO school_accountability
           (organisation_id, workflow_id, cycle_workflow_id, accounting_year, school_id, format_version, status,
            version, current_submission_id, deadline, days_late, submitted_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11)`,
        [
          orgId,
          schoolAccountabilityWorkflowId(orgId, year, schoolId),
          cycleWf,
          year,
          schoolId,
          r.status,
          r.version ?? 0,
          submissionId,
          deadline,
          r.daysLate ?? 0,
          r.submittedAt ?? null,
        ],
      );
      if (r.waiver) {
        await api.ds.query(
          `INSERT INTO audit_event (organisation_id, workflow_id, actor_person_id, action, occurred_at, payload)
           VALUES ($1, $2, $3, 'waived', $4, jsonb_build_object('reason', $5::text, 'schoolId', $6::text))`,
          [
            orgId,
            schoolAccountabilityWorkflowId(orgId, year, schoolId),
            person.secretariat,
            r.waiver.at,
            r.waiver.reason,
            schoolId,
          ],
        );
      }
      if (r.deductionCents) {
        await api.ds.query(
          `INSERT INTO accountability_deduction
             (organisation_id, school_id, board_id, accounting_year, allocation_year, amount_cents, reason, submission_id, idempotency_key)
           SELECT $1, $2, board_id, $3, $3 + 2, $4, $5, $6, $7 FROM school WHERE id = $2`,
          [
            orgId,
            schoolId,
            year,
            r.deductionCents,
            `Onderbesteding verantwoording ${year}`,
            submissionId,
            `${cycleWf}:deduction:${schoolId}`,
          ],
        );
      }
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    orgId = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`)).id;
    for (const name of [
      'Stadsring College',
      'Vakcollege Noorderhaven',
      'Lyceum Oosterpoort',
      'Sint-Ludger Vakcollege',
    ]) {
      school[name] = (
        await one<{ id: string }>(
          `SELECT id FROM school WHERE organisation_id = $1 AND name = $2`,
          [orgId, name],
        )
      ).id;
    }
    person.contact = (
      await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [
        DEMO_EMAILS.stadsring.schoolContact,
      ])
    ).id;
    person.secretariat = (
      await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [
        DEMO_EMAILS.stadsring.secretariat,
      ])
    ).id;
    // The ECT member of Stadsring College, and one who is not.
    const ect = await one<{ email: string }>(
      `SELECT p.email FROM school s JOIN person p ON p.id = s.ect_member_person_id WHERE s.id = $1`,
      [school['Stadsring College']],
    );
    const otherEct = await one<{ email: string }>(
      `SELECT email FROM person WHERE organisation_id = $1 AND 'ect_member' = ANY(roles) AND email <> $2 LIMIT 1`,
      [orgId, ect.email],
    );
    const bearer = async (email: string) => ({
      Authorization: `Bearer ${await api.signIn(email)}`,
    });
    auth.secretariat = await bearer(DEMO_EMAILS.stadsring.secretariat);
    auth.contact = await bearer(DEMO_EMAILS.stadsring.schoolContact);
    auth.ect = await bearer(ect.email);
    auth.otherEct = await bearer(otherEct.email);
    auth.oprMember = await bearer(DEMO_EMAILS.stadsring.oprMember);
    auth.otherSwv = await bearer(DEMO_EMAILS.rijnoever.secretariat);
    // The bestuurder of OVO Stadsring (Stadsring College's board), an ALV member by role.
    auth.bestuurder = await bearer(DEMO_EMAILS.stadsring.alvMember);
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  describe('formats', () => {
    it('shows the built-in default as version 1 until the SWV publishes its own', async () => {
      const res = await api.http().get('/api/accountability/formats').set(auth.contact).expect(200);
      expect(res.body).toEqual([
        {
          ...JSON.parse(JSON.stringify(DEFAULT_ACCOUNTABILITY_FORMAT)),
          publishedAt: null,
          createdByPersonId: null,
          isDefault: true,
        },
      ]);
      await api.http().get('/api/accountability/formats/1').set(auth.secretariat).expect(200);
      await api.http().get('/api/accountability/formats/2').set(auth.secretariat).expect(404);
      await api.http().get('/api/accountability/formats').set(auth.oprMember).expect(403);
    });

    it('refuses an invalid format with 422 naming every field, and stores nothing', async () => {
      const res = await api
        .http()
        .post('/api/accountability/formats')
        .set(auth.secretariat)
        .send({
          incomeLines: [{ key: 'Vast', label: 'Vast bedrag', required: true }],
          expenseLines: [
            { key: 'personeel', label: '', category: 'extra_ondersteuning', required: true },
          ],
          appendix: { fteRule: 'ongeveer', extraSupportCategory: 'extra_ondersteuning' },
        })
        .expect(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'VALIDATION',
        field: 'incomeLines[0].key',
      });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'incomeLines[0].key',
        'expenseLines[0].label',
        'appendix.fteRule',
      ]);
      expect(res.body.errors[1]).toEqual({
        field: 'expenseLines[0].label',
        rule: 'required',
        message: 'Uitgaven, regel 1: de omschrijving is verplicht.',
      });
      expect(
        await count(
          `SELECT count(*)::int AS n FROM accountability_format WHERE organisation_id = $1 AND version > 1`,
          [orgId],
        ),
      ).toBe(0);

      const unknown = await api
        .http()
        .post('/api/accountability/formats')
        .set(auth.secretariat)
        .send({ ...DEFAULT_ACCOUNTABILITY_FORMAT, version: 7 })
        .expect(400);
      expect(unknown.body.errors).toEqual([
        { field: 'version', message: 'version is not allowed' },
      ]);
    });

    it('names the fields of an invalid format in English for a secretariat who chose English', async () => {
      const email = DEMO_EMAILS.stadsring.secretariat;
      await api.ds.query(`UPDATE person SET locale = 'en' WHERE email = $1`, [email]);
      try {
        const res = await api
          .http()
          .post('/api/accountability/formats')
          .set(auth.secretariat)
          .send({
            incomeLines: [{ key: 'vast', label: 'Vast bedrag', required: true }],
            expenseLines: [
              { key: 'personeel', label: '', category: 'extra_ondersteuning', required: true },
            ],
            appendix: { fteRule: 'roughly', extraSupportCategory: 'extra_ondersteuning' },
          })
          .expect(422);
        expect(res.body.errors).toEqual([
          {
            field: 'expenseLines[0].label',
            rule: 'required',
            message: 'Expenses, line 1: the description is required.',
          },
          {
            field: 'appendix.fteRule',
            rule: 'enum',
            message:
              'Appendix: the FTE rule must be one of none, equal_to_extra_support_fte, at_most_extra_support_fte.',
          },
        ]);
      } finally {
        await api.ds.query(`UPDATE person SET locale = 'nl' WHERE email = $1`, [email]);
      }
    });

    it('publishes version N+1 per SWV; school contacts may read it but not publish', async () => {
      const format = JSON.parse(JSON.stringify(DEFAULT_ACCOUNTABILITY_FORMAT)) as Record<
        string,
        unknown
      >;
      delete format.version;
      (format.incomeLines as { label: string }[])[2]!.label = '  Overige ontvangsten  ';
      const created = await api
        .http()
        .post('/api/accountability/formats')
        .set(auth.secretariat)
        .send(format)
        .expect(201);
      expect(created.body).toMatchObject({
        version: 2,
        isDefault: false,
        publishedAt: expect.any(String),
      });
      expect(created.body.incomeLines[2].label).toBe('Overige ontvangsten');
      const list = await api
        .http()
        .get('/api/accountability/formats')
        .set(auth.contact)
        .expect(200);
      expect(list.body.map((f: { version: number }) => f.version)).toEqual([2, 1]);
      expect(list.body[1]).toMatchObject({ version: 1, isDefault: true });

      await api
        .http()
        .post('/api/accountability/formats')
        .set(auth.contact)
        .send(format)
        .expect(403);
      const theirs = await api
        .http()
        .get('/api/accountability/formats')
        .set(auth.otherSwv)
        .expect(200);
      expect(theirs.body).toEqual([expect.objectContaining({ version: 1, isDefault: true })]);
    });

    it('refuses with 409 a version edited from an older one, so no colleague’s change is overwritten unseen', async () => {
      const format = JSON.parse(JSON.stringify(DEFAULT_ACCOUNTABILITY_FORMAT)) as Record<
        string,
        unknown
      >;
      delete format.version;
      const [latest] = (
        await api.http().get('/api/accountability/formats').set(auth.secretariat).expect(200)
      ).body as { version: number }[];
      const base = latest!.version;
      const stale = await api
        .http()
        .post('/api/accountability/formats')
        .set(auth.secretariat)
        .send({ ...format, baseVersion: base - 1 })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'CONFLICT', field: 'baseVersion' });
      expect(stale.body.message).toContain(
        `Version ${base} was published after version ${base - 1}`,
      );
      await api
        .http()
        .post('/api/accountability/formats')
        .set(auth.secretariat)
        .send({ ...format, baseVersion: 'twee' })
        .expect(400);
      const list = async () =>
        (
          (await api.http().get('/api/accountability/formats').set(auth.secretariat)).body as {
            version: number;
          }[]
        ).map((f) => f.version)[0];
      await expect(list()).resolves.toBe(base);
      const fresh = await api
        .http()
        .post('/api/accountability/formats')
        .set(auth.secretariat)
        .send({ ...format, baseVersion: base })
        .expect(201);
      expect(fresh.body.version).toBe(base + 1);
    });
  });

  describe('a school’s accountability', () => {
    const YEAR = 2026;
    // Two months ahead, whenever the test runs.
    const DEADLINE = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const path = (name: string, rest = '') =>
      `/api/accountability-cycles/${YEAR}/schools/${school[name]}${rest}`;

    beforeAll(async () => {
      await seedCycle(YEAR, DEADLINE, [
        { school: 'Stadsring College', status: 'not_started' },
        { school: 'Vakcollege Noorderhaven', status: 'not_started' },
      ]);
    });

    it('shows a school to its own contact, its ECT member and the office; any other school is 404', async () => {
      const own = await api.http().get(path('Stadsring College')).set(auth.contact).expect(200);
      expect(own.body).toMatchObject({
        accountingYear: YEAR,
        school: { id: school['Stadsring College'], name: 'Stadsring College' },
        status: 'not_started',
        statusLabel: 'Niet gestart',
        deadline: DEADLINE,
        daysLate: 0,
        formatVersion: 1,
        format: { version: 1 },
        canSubmit: true,
        draft: null,
        current: null,
        versions: [],
        deduction: null,
      });
      await api.http().get(path('Vakcollege Noorderhaven')).set(auth.contact).expect(404);
      const ect = await api.http().get(path('Stadsring College')).set(auth.ect).expect(200);
      expect(ect.body).toMatchObject({ canSubmit: false, draft: null });
      await api.http().get(path('Stadsring College')).set(auth.otherEct).expect(404);
      await api.http().get(path('Vakcollege Noorderhaven')).set(auth.secretariat).expect(200);
      await api.http().get(path('Stadsring College')).set(auth.otherSwv).expect(404);
      await api.http().get(path('Stadsring College')).set(auth.oprMember).expect(403);
      await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/schools/not-a-uuid`)
        .set(auth.contact)
        .expect(400);
      await api
        .http()
        .get(`/api/accountability-cycles/2025/schools/${school['Stadsring College']}`)
        .set(auth.contact)
        .expect(404);

      const mine = await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/schools`)
        .set(auth.contact)
        .expect(200);
      expect(mine.body.map((r: { schoolName: string }) => r.schoolName)).toEqual([
        'Stadsring College',
      ]);
    });

    it('refuses invalid figures with 422 naming every field, before anything is stored or sent', async () => {
      const res = await api
        .http()
        .post(path('Stadsring College', '/submissions'))
        .set(auth.contact)
        .send({
          ...valid,
          income: [valid.income[0], { lineKey: 'swv_variabel_bedrag', amount: '12O.000' }],
          appendix: [valid.appendix[0]],
        })
        .expect(422);
      expect(res.body).toMatchObject({
        statusCode: 422,
        code: 'VALIDATION',
        field: 'income[1].amount',
        message: 'The accountability does not match the format (version 1)',
      });
      expect(res.body.errors).toEqual([
        {
          field: 'income[1].amount',
          rule: 'amount_format',
          message: expect.stringContaining("'12O.000' is geen geldig bedrag"),
        },
        {
          field: 'appendix',
          rule: 'appendix_fte_mismatch',
          message: expect.stringContaining('Bijlage: de fte in de bijlage (1,00)'),
        },
      ]);
      expect(await count(`SELECT count(*)::int AS n FROM accountability_submission`)).toBe(0);
    });

    it('names the fields in English for a contact who chose English', async () => {
      const email = DEMO_EMAILS.stadsring.schoolContact;
      await api.ds.query(`UPDATE person SET locale = 'en' WHERE email = $1`, [email]);
      try {
        const res = await api
          .http()
          .post(path('Stadsring College', '/submissions'))
          .set(auth.contact)
          .send({
            ...valid,
            income: [valid.income[0], { lineKey: 'swv_variabel_bedrag', amount: '-5' }],
          })
          .expect(422);
        expect(res.body.errors).toEqual([
          {
            field: 'income[1].amount',
            rule: 'amount_negative',
            message: expect.stringMatching(
              /^Income, line 2 \(.+\): the amount must not be negative\.$/,
            ),
          },
        ]);
      } finally {
        await api.ds.query(`UPDATE person SET locale = 'nl' WHERE email = $1`, [email]);
      }
      expect(await count(`SELECT count(*)::int AS n FROM accountability_submission`)).toBe(0);
    });

    it('only the school’s own contact submits: others get 404 (or 403 without the role)', async () => {
      await api
        .http()
        .post(path('Vakcollege Noorderhaven', '/submissions'))
        .set(auth.contact)
        .send(valid)
        .expect(404);
      await api
        .http()
        .post(path('Stadsring College', '/submissions'))
        .set(auth.ect)
        .send(valid)
        .expect(403);
      await api
        .http()
        .put(path('Vakcollege Noorderhaven', '/draft'))
        .set(auth.contact)
        .send(valid)
        .expect(404);
    });

    it('answers 503 while Temporal is unreachable, without storing a submission or a draft', async () => {
      const res = await api
        .http()
        .post(path('Stadsring College', '/submissions'))
        .set(auth.contact)
        .send(valid)
        .expect(503);
      expect(res.body).toMatchObject({
        statusCode: 503,
        message: expect.stringContaining('Temporal'),
      });
      await api
        .http()
        .put(path('Stadsring College', '/draft'))
        .set(auth.contact)
        .send(valid)
        .expect(503);
      expect(await count(`SELECT count(*)::int AS n FROM accountability_submission`)).toBe(0);
    });

    it('answers 409 from the database status once the school is final (its workflow may be closed)', async () => {
      await api.ds.query(
        `UPDATE school_accountability SET status = 'waived' WHERE school_id = $1 AND accounting_year = $2`,
        [school['Vakcollege Noorderhaven'], YEAR],
      );
      for (const [rest, body] of [
        ['/review', { decision: 'accept' }],
        ['/deadline', { deadline: '2027-03-01T23:59:00+01:00' }],
        ['/waive', { reason: 'Nogmaals' }],
      ] as const) {
        const res = await api
          .http()
          .post(path('Vakcollege Noorderhaven', rest))
          .set(auth.secretariat)
          .send(body)
          .expect(409);
        expect(res.body).toMatchObject({
          code: 'CONFLICT',
          message: expect.stringContaining('has been waived'),
        });
      }
      await api
        .http()
        .post(path('Vakcollege Noorderhaven', '/review'))
        .set(auth.contact)
        .send({ decision: 'accept' })
        .expect(403);
    });

    it('validates command input before asking the workflow', async () => {
      const res = await api
        .http()
        .post(path('Stadsring College', '/deadline'))
        .set(auth.secretariat)
        .send({ deadline: '2027-03-01 23:59' })
        .expect(400);
      expect(res.body.errors[0].field).toBe('deadline');
      await api
        .http()
        .post(path('Stadsring College', '/review'))
        .set(auth.secretariat)
        .send({ decision: 'maybe' })
        .expect(400);
    });
  });

  describe('starting a cycle', () => {
    it('checks the schools first and needs Temporal to start', async () => {
      const special = await one<{ id: string }>(
        `SELECT id FROM school WHERE organisation_id = $1 AND kind = 'special' LIMIT 1`,
        [orgId],
      );
      const refused = await api
        .http()
        .post('/api/accountability-cycles')
        .set(auth.secretariat)
        .send({ accountingYear: 2027, schoolIds: [school['Stadsring College'], special.id] })
        .expect(422);
      expect(refused.body).toMatchObject({ field: 'schoolIds[1]' });
      await api
        .http()
        .post('/api/accountability-cycles')
        .set(auth.secretariat)
        .send({ accountingYear: 2027 })
        .expect(503);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM cycle WHERE organisation_id = $1 AND year = 2027`,
          [orgId],
        ),
      ).toBe(0);
      await api
        .http()
        .post('/api/accountability-cycles')
        .set(auth.contact)
        .send({ accountingYear: 2027 })
        .expect(403);
    });

    it('returns the existing cycle with 200 when the year has one', async () => {
      const res = await api
        .http()
        .post('/api/accountability-cycles')
        .set(auth.secretariat)
        .send({ accountingYear: 2026 })
        .expect(200);
      expect(res.body).toMatchObject({ created: false, accountingYear: 2026, schools: 2 });
    });
  });

  describe('a board’s bestuurder', () => {
    const YEAR = 2021;

    beforeAll(async () => {
      await seedCycle(YEAR, '2022-02-01T22:59:59.999Z', [
        { school: 'Stadsring College', status: 'late', daysLate: 2 },
        { school: 'Sint-Ludger Vakcollege', status: 'late', daysLate: 2 },
      ]);
    });

    it('reads the board’s own schools, never submits, and finds another board’s school not found', async () => {
      const [board] = (await api.ds.query(
        `SELECT b.name FROM school_board b JOIN person p ON p.id = b.bestuurder_person_id
          WHERE p.email = $1`,
        [DEMO_EMAILS.stadsring.alvMember],
      )) as { name: string }[];
      const list = await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/schools`)
        .set(auth.bestuurder)
        .expect(200);
      expect(
        list.body.map((r: { schoolName: string; boardName: string }) => [
          r.schoolName,
          r.boardName,
        ]),
      ).toEqual([['Stadsring College', board!.name]]);
      const own = await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/schools/${school['Stadsring College']}`)
        .set(auth.bestuurder)
        .expect(200);
      expect(own.body).toMatchObject({ status: 'late', canSubmit: false, draft: null });
      await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/schools/${school['Sint-Ludger Vakcollege']}`)
        .set(auth.bestuurder)
        .expect(404);
      // Being a bestuurder opens these reads only: not the overview, not a submission.
      await api.http().get(`/api/accountability-cycles/${YEAR}`).set(auth.bestuurder).expect(403);
      await api
        .http()
        .put(`/api/accountability-cycles/${YEAR}/schools/${school['Stadsring College']}/draft`)
        .set(auth.bestuurder)
        .send({})
        .expect(403);
      // A body member who is no bestuurder still gets 403.
      await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/schools`)
        .set(auth.oprMember)
        .expect(403);
    });
  });

  describe('the overview of who is late', () => {
    const YEAR = 2024;
    const DEADLINE = '2025-02-01T22:59:59.999Z';
    const WAIVER_REASON = 'Gefuseerd met Stadsring College; verantwoordt daar';

    beforeAll(async () => {
      await seedCycle(YEAR, DEADLINE, [
        {
          school: 'Stadsring College',
          status: 'accepted',
          version: 1,
          submittedAt: '2025-01-30T13:05:00.000Z',
          deductionCents: 799_950,
        },
        { school: 'Vakcollege Noorderhaven', status: 'late', daysLate: 1 },
        {
          school: 'Lyceum Oosterpoort',
          status: 'waived',
          daysLate: 3,
          waiver: { reason: WAIVER_REASON, at: '2025-02-04T09:30:00.000Z' },
        },
      ]);
    });

    it('lists every school with its status, days late as of now and the deduction', async () => {
      const res = await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}`)
        .set(auth.secretariat)
        .expect(200);
      const late = daysLate(new Date(DEADLINE), new Date());
      expect(res.body).toMatchObject({
        accountingYear: YEAR,
        title: 'Verantwoording 2024',
        formatVersion: 1,
        deadline: DEADLINE,
        schools: 3,
        counts: { accepted: 1, late: 1, waived: 1 },
        deductions: { totalCents: 799_950, schools: 1 },
      });
      expect(
        res.body.rows.map((r: Record<string, unknown>) => [
          r.schoolName,
          r.status,
          r.daysLate,
          r.deductionCents,
        ]),
      ).toEqual([
        ['Lyceum Oosterpoort', 'waived', 3, null],
        ['Stadsring College', 'accepted', 0, 799_950],
        ['Vakcollege Noorderhaven', 'late', late, null],
      ]);
      expect(late).toBeGreaterThan(600);
      // Why, when and by whom the waived school was waived; nothing for the others.
      const secretariatName = (
        await one<{ name: string }>(`SELECT name FROM person WHERE id = $1`, [person.secretariat])
      ).name;
      expect(res.body.rows.map((r: { waiver: unknown }) => r.waiver)).toEqual([
        { reason: WAIVER_REASON, at: '2025-02-04T09:30:00.000Z', byName: secretariatName },
        null,
        null,
      ]);
      // The school's own page says it too.
      const detail = await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/schools/${school['Lyceum Oosterpoort']}`)
        .set(auth.secretariat)
        .expect(200);
      expect(detail.body.waiver).toEqual({
        reason: WAIVER_REASON,
        at: '2025-02-04T09:30:00.000Z',
        byName: secretariatName,
      });
      await api.http().get(`/api/accountability-cycles/${YEAR}`).set(auth.contact).expect(403);
      await api.http().get(`/api/accountability-cycles/${YEAR}`).set(auth.otherSwv).expect(404);
      await api.http().get(`/api/accountability-cycles/2023`).set(auth.secretariat).expect(404);
    });

    it('lists the SWV’s accountability cycles for the office, and only its own', async () => {
      const res = await api
        .http()
        .get('/api/accountability-cycles')
        .set(auth.secretariat)
        .expect(200);
      const years = (res.body as { accountingYear: number }[]).map((c) => c.accountingYear);
      expect(years).toEqual([...years].sort((a, b) => b - a));
      expect(res.body).toContainEqual(
        expect.objectContaining({
          workflowId: accountabilityWorkflowId(orgId, YEAR),
          accountingYear: YEAR,
          title: 'Verantwoording 2024',
          status: 'running',
        }),
      );
      await api.http().get('/api/accountability-cycles').set(auth.contact).expect(403);
      const other = await api
        .http()
        .get('/api/accountability-cycles')
        .set(auth.otherSwv)
        .expect(200);
      expect(
        (other.body as { workflowId: string }[]).filter((c) => c.workflowId.includes(orgId)),
      ).toEqual([]);
    });

    it('exports it as CSV for Dutch Excel: BOM, semicolons, decimal comma, Amsterdam time', async () => {
      const res = await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/overview.csv`)
        .set(auth.secretariat)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="verantwoording-2024.csv"',
      );
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const late = daysLate(new Date(DEADLINE), new Date());
      expect(bytes.toString('utf8')).toBe(
        '\uFEFF' +
          [
            'School;Bestuur;Status;Dagen te laat;Ingediend op;Ontvangen (EUR);Uitgegeven (EUR);Korting (EUR);Reden vrijstelling',
            `Lyceum Oosterpoort;Stichting Openbaar Voortgezet Onderwijs Stadsring;Vrijgesteld;3;;;;;"${WAIVER_REASON}"`,
            // Received: the fixed amount (58.000) and the reported variable amount (120.000);
            // spent: the expenses (110.000 + 40.000 + 20.000,50); the difference is the deduction.
            'Stadsring College;Stichting Openbaar Voortgezet Onderwijs Stadsring;Geaccepteerd;0;30-01-2025 14:05;178000,00;170000,50;7999,50;',
            `Vakcollege Noorderhaven;Stichting Openbaar Voortgezet Onderwijs Stadsring;Te laat;${late};;;;;`,
          ].join('\r\n') +
          '\r\n',
      );
      await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/overview.csv`)
        .set(auth.ect)
        .expect(403);
    });

    it('filters the overview and its CSV by status, board and name; the counts stay the whole cycle’s', async () => {
      const names = async (query: Record<string, string>) => {
        const res = await api
          .http()
          .get(`/api/accountability-cycles/${YEAR}`)
          .query(query)
          .set(auth.secretariat)
          .expect(200);
        expect(res.body.counts).toEqual({ accepted: 1, late: 1, waived: 1 });
        return res.body.rows.map((r: { schoolName: string }) => r.schoolName);
      };
      expect(await names({ status: 'late,waived' })).toEqual([
        'Lyceum Oosterpoort',
        'Vakcollege Noorderhaven',
      ]);
      expect(await names({ q: 'COLLEGE' })).toEqual([
        'Stadsring College',
        'Vakcollege Noorderhaven',
      ]);
      const { board_id: boardId } = await one<{ board_id: string }>(
        `SELECT board_id FROM school WHERE id = $1`,
        [school['Stadsring College']],
      );
      expect(await names({ boardId, status: 'accepted' })).toEqual(['Stadsring College']);
      expect(await names({ boardId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);

      const csv = await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/overview.csv`)
        .query({ status: 'late' })
        .set(auth.secretariat)
        .expect(200);
      expect(
        csv.text
          .trim()
          .split('\r\n')
          .slice(1)
          .map((l: string) => l.split(';')[0]),
      ).toEqual(['Vakcollege Noorderhaven']);

      for (const [query, field, message] of [
        [{ status: 'te_laat' }, 'status', /^status must be one of not_started, draft,/],
        [{ boardId: 'stadsring' }, 'boardId', /^boardId must be a UUID$/],
        [{ sort: 'name' }, 'sort', /^sort is not allowed$/],
      ] as const) {
        const bad = await api
          .http()
          .get(`/api/accountability-cycles/${YEAR}`)
          .query(query)
          .set(auth.secretariat)
          .expect(400);
        expect(bad.body.errors[0].field.replace(/\[\d+\]$/, '')).toBe(field);
        expect(bad.body.errors[0].message).toMatch(message);
      }
    });

    it('shows the accepted submission, its totals and the deduction to the school', async () => {
      const res = await api
        .http()
        .get(`/api/accountability-cycles/${YEAR}/schools/${school['Stadsring College']}`)
        .set(auth.contact)
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'accepted',
        version: 1,
        canSubmit: false,
        current: {
          version: 1,
          status: 'accepted',
          totals: {
            incomeCents: 17_800_000,
            expenseCents: 17_000_050,
            extraSupportFteHundredths: 150,
          },
        },
        deduction: {
          amountCents: 799_950,
          allocationYear: 2026,
          reason: 'Onderbesteding verantwoording 2024',
        },
      });
      expect(res.body.versions).toHaveLength(1);
      const again = await api
        .http()
        .post(
          `/api/accountability-cycles/${YEAR}/schools/${school['Stadsring College']}/submissions`,
        )
        .set(auth.contact)
        .send(valid)
        .expect(409);
      expect(again.body.message).toContain('accepted');
    });
  });
});
