import { DEMO_EMAILS, Repositories, seedVisitationDemo } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

/**
 * A joint programme across two SWVs without breaking tenant isolation: Stadsring links
 * Rijnoever, Rijnoever accepts and nominates one of its own people; that person sees the
 * visit they take part in and the public schedule, and nothing else of Stadsring; Stadsring
 * sees nothing of Rijnoever beyond the nominated visitor in its schedule. Both ways: 404.
 */
describe('joint visitation programmes (PostgreSQL)', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let repos: Repositories;
  let stadsring: string;
  let rijnoever: string;
  let programmeId: string;
  let partnerPerson: { id: string; email: string };
  let otherPartnerPerson: { id: string };
  const auth: Record<
    'host' | 'partner' | 'partnerVisitor' | 'hostContact',
    { Authorization: string }
  > = {} as never;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await api.ds.query(sql, params)) as T[])[0]!;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    await seedVisitationDemo(api.ds);
    repos = new Repositories(api.ds);
    stadsring = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`))
      .id;
    rijnoever = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'rijnoever'`))
      .id;
    programmeId = (await repos.visitation.listProgrammes(stadsring))[0]!.id;
    partnerPerson = await one(`SELECT id, email FROM person WHERE email = $1`, [
      DEMO_EMAILS.rijnoever.abMember,
    ]);
    otherPartnerPerson = await one(
      `SELECT id FROM person WHERE organisation_id = $1 AND email <> $2 AND email <> $3 LIMIT 1`,
      [rijnoever, DEMO_EMAILS.rijnoever.abMember, DEMO_EMAILS.rijnoever.secretariat],
    );
    const bearer = async (email: string) => ({
      Authorization: `Bearer ${await api.signIn(email)}`,
    });
    auth.host = await bearer(DEMO_EMAILS.stadsring.secretariat);
    auth.partner = await bearer(DEMO_EMAILS.rijnoever.secretariat);
    auth.partnerVisitor = await bearer(partnerPerson.email);
    auth.hostContact = await bearer(DEMO_EMAILS.stadsring.schoolContact);
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('links a partner only when both secretariats agree, and lets each nominate only its own people', async () => {
    const path = `/api/visitation-programmes/${programmeId}`;
    // Before any link: the partner sees nothing, and cannot nominate.
    await api.http().get(`${path}/schedule`).set(auth.partner).expect(404);
    await api
      .http()
      .post(`/api/visitation-partnerships/${programmeId}/visitors`)
      .set(auth.partner)
      .send({ personId: partnerPerson.id })
      .expect(404);
    // An unknown code is refused with its field; the partner cannot link itself to our programme.
    const unknown = await api
      .http()
      .post(`${path}/partners`)
      .set(auth.host)
      .send({ partner: 'nergens' })
      .expect(422);
    expect(unknown.body.field).toBe('partner');
    await api
      .http()
      .post(`${path}/partners`)
      .set(auth.partner)
      .send({ partner: 'rijnoever' })
      .expect(404);
    await api
      .http()
      .post(`${path}/partners`)
      .set(auth.host)
      .send({ partner: 'rijnoever' })
      .expect(201);

    // Linked by the host, not yet accepted: still nothing for the partner.
    await api.http().get(`${path}/schedule`).set(auth.partner).expect(404);
    expect(
      (await api.http().get('/api/visitation-partnerships').set(auth.partner).expect(200)).body,
    ).toEqual([
      expect.objectContaining({
        programmeId,
        hostName: 'Samenwerkingsverband VO Stadsring',
        accepted: false,
      }),
    ]);
    // The host cannot accept on the partner's behalf, nor pick the partner's people.
    await api
      .http()
      .post(`/api/visitation-partnerships/${programmeId}/accept`)
      .set(auth.host)
      .expect(404);
    await api
      .http()
      .post(`${path}/visitors`)
      .set(auth.host)
      .send({ personId: partnerPerson.id })
      .expect(422);

    await api
      .http()
      .post(`/api/visitation-partnerships/${programmeId}/accept`)
      .set(auth.partner)
      .expect(200);
    // The partner nominates one of its own people, never one of the host's.
    const hostPerson = (
      await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [
        DEMO_EMAILS.stadsring.schoolContact,
      ])
    ).id;
    await api
      .http()
      .post(`/api/visitation-partnerships/${programmeId}/visitors`)
      .set(auth.partner)
      .send({ personId: hostPerson })
      .expect(422);
    await api
      .http()
      .post(`/api/visitation-partnerships/${programmeId}/visitors`)
      .set(auth.partner)
      .send({ personId: partnerPerson.id, trainedChair: true })
      .expect(201);
    const instance = (await repos.visitation.instance(stadsring, programmeId))!;
    expect(instance.visitors.find((v) => v.id === partnerPerson.id)).toMatchObject({
      swvId: rijnoever,
    });
    expect(instance.visitors.some((v) => v.id === otherPartnerPerson.id)).toBe(false);
  });

  it('shows the partner’s visitor their visit and the public schedule, and nothing else; both ways', async () => {
    const p = (await repos.visitation.programme(stadsring, programmeId))!;
    const [hostA, hostB] = p.hosts.filter((h) => h.kind === 'school');
    const stadsringVisitor = p.visitors.find((v) => v.personId !== partnerPerson.id)!;
    await repos.visitation.publish({
      organisationId: stadsring,
      programmeId,
      schedule: {
        visits: [
          {
            hostId: hostA!.id,
            date: '2027-02-04',
            team: [
              { visitorId: partnerPerson.id, role: 'chair' },
              { visitorId: stadsringVisitor.personId, role: 'member' },
            ],
          },
          {
            hostId: hostB!.id,
            date: '2027-02-11',
            team: [{ visitorId: stadsringVisitor.personId, role: 'chair' }],
          },
        ],
      },
      programmeWorkflowId: `visitation:${stadsring}:${programmeId}`,
      visitWorkflowId: (v) => `visitation:${stadsring}:${programmeId}:visit:${v}`,
    });
    const visits = await repos.visitation.visits(stadsring, programmeId);
    const mineVisit = visits.find((v) => v.hostId === hostA!.id)!;
    const otherVisit = visits.find((v) => v.hostId === hostB!.id)!;

    // The partner's visitor: their own visit, and the schedule without people.
    const mine = await api.http().get('/api/visits/mine').set(auth.partnerVisitor).expect(200);
    expect(mine.body.map((v: { id: string }) => v.id)).toEqual([mineVisit.id]);
    await api.http().get(`/api/visits/${mineVisit.id}`).set(auth.partnerVisitor).expect(200);
    const schedule = await api
      .http()
      .get(`/api/visitation-programmes/${programmeId}/schedule`)
      .set(auth.partnerVisitor)
      .expect(200);
    expect(schedule.body).toEqual([
      { hostName: hostA!.name, visitDate: '2027-02-04', status: 'scheduled' },
      { hostName: hostB!.name, visitDate: '2027-02-11', status: 'scheduled' },
    ]);
    expect(JSON.stringify(schedule.body)).not.toContain(stadsringVisitor.personId);
    // Anything else of Stadsring answers 404, for the visitor and for the partner's secretariat.
    for (const who of [auth.partnerVisitor, auth.partner]) {
      await api.http().get(`/api/visits/${otherVisit.id}`).set(who).expect(404);
      await api
        .http()
        .post(`/api/visits/${otherVisit.id}/answer`)
        .set(who)
        .send({ answer: 'decline' })
        .expect(404);
    }
    // The partner's secretariat may reschedule its own visits only: this one is Stadsring's.
    await api
      .http()
      .post(`/api/visits/${mineVisit.id}/reschedule`)
      .set(auth.partner)
      .send({ visitDate: '2027-02-18' })
      .expect(404);
    await api.http().get(`/api/visitation-programmes/${programmeId}`).set(auth.partner).expect(404);
    await api
      .http()
      .get(`/api/visitation-programmes/${programmeId}/overview`)
      .set(auth.partner)
      .expect(404);
    await api
      .http()
      .get(`/api/schools`)
      .set(auth.partner)
      .expect(200)
      .expect((res) => {
        expect(JSON.stringify(res.body)).not.toContain(hostA!.schoolId);
      });

    // The other way round: Stadsring sees none of Rijnoever's people beyond the one nominated,
    // and a Stadsring person outside the visit sees neither visit.
    await api.http().get(`/api/persons/${otherPartnerPerson.id}`).set(auth.host).expect(404);
    await api.http().get(`/api/visits/${mineVisit.id}`).set(auth.hostContact).expect(404);
    await api
      .http()
      .get(`/api/visitation-programmes/${programmeId}/schedule`)
      .set(auth.hostContact)
      .expect(404);
    expect(
      (await api.http().get('/api/visitation-partnerships').set(auth.host).expect(200)).body,
    ).toEqual([]);
  });
});
