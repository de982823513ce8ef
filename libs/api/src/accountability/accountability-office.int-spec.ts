import { DEFAULT_ACCOUNTABILITY_FORMAT, validateSubmission } from '@jaarcyclus/domain';
import { DEMO_EMAILS, ensureDefaultAccountabilityFormat } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { accountabilityWorkflowId, schoolAccountabilityWorkflowId } from '@jaarcyclus/workflows';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';
import { AccountabilityReplyNotices } from './reply-notices';

/**
 * Issue 16, the accountability for the office, over the JSON api without Temporal: the dates a
 * cycle would give (preview), the conversation on a returned version (who may post, the field
 * and rule named, 409 before there is anything to answer, another SWV 404), the mails about a
 * school (from the outbox, the office only), and "remind all late schools" when none is late.
 */
describe('accountability api for the office (PostgreSQL, no Temporal)', () => {
  const YEAR = 2024;
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let orgId: string;
  const school: Record<string, string> = {};
  const person: Record<string, string> = {};
  const auth: Record<
    'secretariat' | 'contact' | 'ect' | 'director' | 'otherSwv',
    {
      Authorization: string;
    }
  > = {} as never;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await api.ds.query(sql, params)) as T[])[0]!;
  const base = `/api/accountability-cycles/${YEAR}/schools`;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    orgId = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`)).id;
    for (const name of ['Stadsring College', 'Vakcollege Noorderhaven']) {
      school[name] = (
        await one<{ id: string }>(
          `SELECT id FROM school WHERE organisation_id = $1 AND name = $2`,
          [orgId, name],
        )
      ).id;
    }
    for (const [key, email] of [
      ['contact', DEMO_EMAILS.stadsring.schoolContact],
      ['secretariat', DEMO_EMAILS.stadsring.secretariat],
    ] as const) {
      person[key] = (
        await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [email])
      ).id;
    }
    const ect = await one<{ email: string }>(
      `SELECT p.email FROM school s JOIN person p ON p.id = s.ect_member_person_id WHERE s.id = $1`,
      [school['Stadsring College']],
    );
    const bearer = async (email: string) => ({
      Authorization: `Bearer ${await api.signIn(email)}`,
    });
    auth.secretariat = await bearer(DEMO_EMAILS.stadsring.secretariat);
    auth.contact = await bearer(DEMO_EMAILS.stadsring.schoolContact);
    auth.director = await bearer(DEMO_EMAILS.stadsring.director);
    auth.ect = await bearer(ect.email);
    auth.otherSwv = await bearer(DEMO_EMAILS.rijnoever.secretariat);

    // A cycle as the api and the workflows leave it: Stadsring College returned with a
    // comment, Vakcollege Noorderhaven submitted (nothing to answer yet).
    const cycleWf = accountabilityWorkflowId(orgId, YEAR);
    await ensureDefaultAccountabilityFormat(api.ds, orgId);
    await api.ds.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status)
       VALUES ($1, 'accountability', $2, $3, $4, 'running')`,
      [orgId, YEAR, cycleWf, `Verantwoording ${YEAR}`],
    );
    await api.ds.query(
      `INSERT INTO accountability_cycle (organisation_id, workflow_id, accounting_year, format_version, deadline, schools, started)
       VALUES ($1, $2, $3, 1, '2025-02-01T22:59:59.999Z', 2, 2)`,
      [orgId, cycleWf, YEAR],
    );
    const figures = validateSubmission(DEFAULT_ACCOUNTABILITY_FORMAT, {
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
    });
    if (!figures.ok) throw new Error('fixture figures invalid');
    for (const [name, status, comments] of [
      ['Stadsring College', 'returned', 'Licht de materiële kosten toe.'],
      ['Vakcollege Noorderhaven', 'submitted', null],
    ] as const) {
      const id = school[name]!;
      const submission = await one<{ id: string }>(
        `INSERT INTO accountability_submission
           (organisation_id, school_id, accounting_year, cycle_workflow_id, format_version, version, status,
            figures, submitted_by_person_id, created_at, review_comments, reviewed_at)
         VALUES ($1, $2, $3, $4, 1, 1, $5, $6, $7, '2025-01-20T10:00:00Z', $8, $9) RETURNING id`,
        [
          orgId,
          id,
          YEAR,
          cycleWf,
          status,
          JSON.stringify(figures.value),
          person.contact,
          comments,
          comments ? '2025-01-22T10:00:00Z' : null,
        ],
      );
      await api.ds.query(
        `INSERT INTO school_accountability
           (organisation_id, workflow_id, cycle_workflow_id, accounting_year, school_id, format_version, status,
            version, current_submission_id, deadline, days_late, submitted_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, 1, $7, '2025-02-01T22:59:59.999Z', 0, '2025-01-20T10:00:00Z')`,
        [
          orgId,
          schoolAccountabilityWorkflowId(orgId, YEAR, id),
          cycleWf,
          YEAR,
          id,
          status,
          submission.id,
        ],
      );
    }
    // Mails about Stadsring College as the school workflow queues them in the outbox.
    const wf = schoolAccountabilityWorkflowId(orgId, YEAR, school['Stadsring College']!);
    for (const [step, status, at] of [
      ['invitation', 'sent', '2025-01-06T08:00:00Z'],
      ['reminder-d1-2025-01-13', 'sent', '2025-01-13T08:00:00Z'],
      ['remind-now-1', 'failed', '2025-01-15T09:30:00Z'],
    ] as const) {
      await api.ds.query(
        `INSERT INTO outbox_message (idempotency_key, organisation_id, to_address, subject, text_body, html_body, status, created_at, sent_at)
         VALUES ($1, $2, $3, 'Verantwoording', '', '', $4, $5, $6)`,
        [
          `${wf}:${step}:${person.contact}`,
          orgId,
          DEMO_EMAILS.stadsring.schoolContact,
          status,
          at,
          status === 'sent' ? at : null,
        ],
      );
    }
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('previews the dates of a cycle started now, without starting it; a past deadline is refused on its field', async () => {
    const res = await api
      .http()
      .post('/api/accountability-cycles/preview')
      .set(auth.secretariat)
      .send({ accountingYear: 2031, reminderOffsetsBusinessDays: [10, 2] })
      .expect(200);
    expect(res.body).toMatchObject({
      deadline: '2032-02-01T22:59:59.999Z',
      region: 'noord',
      maxOverdueReminders: 12,
    });
    expect(res.body.reminders).toHaveLength(2);
    expect(res.body.overdueReminders).toHaveLength(3);
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM cycle WHERE year = 2031 AND kind = 'accountability'`,
      ),
    ).toEqual({ n: 0 });
    const past = await api
      .http()
      .post('/api/accountability-cycles/preview')
      .set(auth.secretariat)
      .send({ accountingYear: 2031, deadline: '2020-01-01T10:00:00+01:00' })
      .expect(422);
    expect(past.body).toMatchObject({ field: 'deadline' });
    await api
      .http()
      .post('/api/accountability-cycles/preview')
      .set(auth.contact)
      .send({ accountingYear: 2031 })
      .expect(403);
  });

  it('lets the school answer the secretariat’s comment and the secretariat answer back, in order', async () => {
    const path = `${base}/${school['Stadsring College']}/comments`;
    const empty = await api
      .http()
      .post(path)
      .set(auth.contact)
      .send({ comment: '   ' })
      .expect(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['comment']);

    await api
      .http()
      .post(path)
      .set(auth.contact)
      .send({ comment: 'Het zijn de licenties van het leerlingvolgsysteem.' })
      .expect(201);
    const replied = async (): Promise<boolean> =>
      (
        (await api.http().get(`/api/accountability-cycles/${YEAR}`).set(auth.secretariat)).body
          .rows as { schoolName: string; schoolReplied: boolean }[]
      ).find((r) => r.schoolName === 'Stadsring College')!.schoolReplied;
    // The overview marks the school whose reply waits for the secretariat ...
    expect(await replied()).toBe(true);
    await api
      .http()
      .post(path)
      .set(auth.secretariat)
      .send({ comment: 'Dank u, dat is duidelijk.' })
      .expect(201);
    // ... until the secretariat answered.
    expect(await replied()).toBe(false);
    // An ECT member reads along but does not post.
    await api.http().post(path).set(auth.ect).send({ comment: 'Ook van mij' }).expect(403);

    const thread = await api.http().get(path).set(auth.ect).expect(200);
    expect(
      (
        thread.body as { kind: string; side: string; body: string; authorName: string | null }[]
      ).map((m) => [m.kind, m.side, m.body]),
    ).toEqual([
      ['review', 'office', 'Licht de materiële kosten toe.'],
      ['reply', 'school', 'Het zijn de licenties van het leerlingvolgsysteem.'],
      ['reply', 'office', 'Dank u, dat is duidelijk.'],
    ]);
    expect(thread.body[1].authorName).toBeTruthy();

    // Another SWV: as if the school did not exist; nothing written.
    await api.http().get(path).set(auth.otherSwv).expect(404);
    await api.http().post(path).set(auth.otherSwv).send({ comment: 'Niet van u' }).expect(404);
    expect(
      await one<{ n: number }>(`SELECT count(*)::int AS n FROM accountability_comment`),
    ).toEqual({ n: 2 });
  });

  it('stores a reply’s notice with the reply; one the relay turned away goes out with the sweep, once', async () => {
    const path = `${base}/${school['Stadsring College']}/comments`;
    const noticesTo = (email: string) =>
      smtp.to(email).filter((m) => m.subject.includes('nieuwe reactie – Stadsring College'));
    const secretariatEmail = DEMO_EMAILS.stadsring.secretariat;
    await api.mailSettled(); // the notices of the replies before this test are out
    const before = noticesTo(secretariatEmail).length;
    smtp.relayRefusal = { at: 'rcpt', code: 451, message: '4.3.0 Try again later' };
    try {
      await api
        .http()
        .post(path)
        .set(auth.contact)
        .send({ comment: 'Ook de bijlage is aangevuld.' })
        .expect(201);
      await api.mailSettled();
    } finally {
      smtp.relayRefusal = null;
    }
    expect(noticesTo(secretariatEmail)).toHaveLength(before);
    const pending = () =>
      one<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_message
          WHERE idempotency_key LIKE 'accountability-reply:%' AND status = 'pending'`,
      );
    expect(await pending()).toEqual({ n: 1 });

    // The sweep leaves a notice younger than a minute to its own send ...
    const notices = api.app.get(AccountabilityReplyNotices);
    await notices.sweep();
    await api.mailSettled();
    expect(await pending()).toEqual({ n: 1 });
    // ... and sends it once it is older, whichever process sweeps, however often.
    const later = new Date(Date.now() + 2 * 60_000);
    await Promise.all([notices.sweep(later), notices.sweep(later)]);
    await api.mailSettled();
    await notices.sweep(later);
    await api.mailSettled();
    expect(noticesTo(secretariatEmail)).toHaveLength(before + 1);
    expect(noticesTo(secretariatEmail).at(-1)!.text).not.toContain('Ook de bijlage is aangevuld.');
    expect(await pending()).toEqual({ n: 0 });
  });

  it('refuses a reply before the secretariat has commented (409)', async () => {
    const res = await api
      .http()
      .post(`${base}/${school['Vakcollege Noorderhaven']}/comments`)
      .set(auth.secretariat)
      .send({ comment: 'Een vraag' })
      .expect(409);
    expect(res.body.code).toBe('CONFLICT');
  });

  it('lists the mails about a school for the office, with recipient and delivery status', async () => {
    const path = `${base}/${school['Stadsring College']}/mails`;
    const res = await api.http().get(path).set(auth.director).expect(200);
    expect(
      (res.body as { step: string; status: string; recipientName: string | null }[]).map((m) => [
        m.step,
        m.status,
        Boolean(m.recipientName),
      ]),
    ).toEqual([
      ['invitation', 'sent', true],
      ['reminder-d1-2025-01-13', 'sent', true],
      ['remind-now-1', 'failed', true],
    ]);
    await api.http().get(path).set(auth.contact).expect(403);
    await api.http().get(path).set(auth.otherSwv).expect(404);
  });

  it('reminds no school when none is late, and answers 404 for a year without a cycle', async () => {
    const res = await api
      .http()
      .post(`/api/accountability-cycles/${YEAR}/remind-late`)
      .set(auth.secretariat)
      .send({})
      .expect(200);
    expect(res.body).toEqual({ queued: 0, already: 0, skipped: 0 });
    await api
      .http()
      .post('/api/accountability-cycles/2019/remind-late')
      .set(auth.secretariat)
      .send({})
      .expect(404);
    await api
      .http()
      .post(`/api/accountability-cycles/${YEAR}/remind-late`)
      .set(auth.secretariat)
      .send({ requestId: 'twee keer' })
      .expect(400);
  });
});
