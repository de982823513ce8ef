import { type Schedule, checkSchedule } from '@jaarcyclus/domain';
import { DEMO_EMAILS, Repositories, seedVisitationDemo } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

/**
 * The visitation api on PostgreSQL with the real HiGHS solver, without Temporal: who may open,
 * propose, lock, adjust and publish a programme (the secretariat of its own SWV only), bad
 * input refused before anything is stored, and who may see a published visit.
 */
describe('visitation api (PostgreSQL, HiGHS, no Temporal)', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let repos: Repositories;
  let orgId: string;
  let programmeId: string;
  const auth: Record<
    'secretariat' | 'contact' | 'otherSwv' | 'visitor' | 'outsider',
    { Authorization: string }
  > = {} as never;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await api.ds.query(sql, params)) as T[])[0]!;
  const count = async (table: string): Promise<number> =>
    (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    await seedVisitationDemo(api.ds);
    repos = new Repositories(api.ds);
    orgId = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`)).id;
    programmeId = (await repos.visitation.listProgrammes(orgId))[0]!.id;
    const bearer = async (email: string) => ({
      Authorization: `Bearer ${await api.signIn(email)}`,
    });
    auth.secretariat = await bearer(DEMO_EMAILS.stadsring.secretariat);
    auth.contact = await bearer(DEMO_EMAILS.stadsring.schoolContact);
    auth.otherSwv = await bearer(DEMO_EMAILS.rijnoever.secretariat);
    auth.visitor = await bearer('ib@lyceum-oosterpoort.example');
    auth.outsider = await bearer(DEMO_EMAILS.stadsring.rvtChair);
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('lets only the secretariat of the SWV read and change a programme; another SWV gets 404', async () => {
    await api
      .http()
      .get(`/api/visitation-programmes/${programmeId}`)
      .set(auth.secretariat)
      .expect(200);
    await api.http().get('/api/visitation-programmes').set(auth.contact).expect(403);
    await api
      .http()
      .post(`/api/visitation-programmes/${programmeId}/proposals`)
      .set(auth.contact)
      .send({})
      .expect(403);
    for (const [method, path] of [
      ['get', ''],
      ['post', '/proposals'],
      ['post', '/publish'],
      ['get', '/overview'],
      ['get', '/overview.csv'],
      ['delete', '/locks'],
    ] as const) {
      const request = api.http();
      await request[method](`/api/visitation-programmes/${programmeId}${path}`)
        .set(auth.otherSwv)
        .send({})
        .expect(404);
    }
    expect(
      (await api.http().get('/api/visitation-programmes').set(auth.otherSwv).expect(200)).body,
    ).toEqual([]);
    const bad = await api
      .http()
      .get('/api/visitation-programmes/not-a-uuid')
      .set(auth.secretariat)
      .expect(400);
    expect(bad.body.field ?? bad.body.errors?.[0]?.field).toBe('id');
  });

  it('refuses a programme with mistakes, naming each field in Dutch, and stores nothing', async () => {
    const before = await count('visitation_programme');
    const otherSchool = (
      await one<{ id: string }>(
        `SELECT s.id FROM school s JOIN organisation o ON o.id = s.organisation_id WHERE o.slug = 'rijnoever' LIMIT 1`,
      )
    ).id;
    const res = await api
      .http()
      .post('/api/visitation-programmes')
      .set(auth.secretariat)
      .send({
        title: 'Audits 2026-2027',
        schoolYear: '2026-2027',
        kind: 'audit',
        teamSize: 3,
        maxVisitsPerVisitor: 2,
        windows: [{ start: '2027-09-01', end: '2027-10-01' }],
        hosts: [
          { kind: 'school', schoolId: otherSchool },
          { kind: 'process', name: 'TLV-route' },
        ],
        visitors: [],
      })
      .expect(422);
    const fields = (res.body.errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['hosts[0].schoolId', 'hosts[1].contactPersonIds', 'windows[0]']),
    );
    expect(
      res.body.errors.find((e: { field: string }) => e.field === 'hosts[0].schoolId').message,
    ).toBe('Kies een school van uw samenwerkingsverband.');
    expect(await count('visitation_programme')).toBe(before);
    await api
      .http()
      .post('/api/visitation-programmes')
      .set(auth.secretariat)
      .send({ title: 'x', bogus: 1 })
      .expect(400);
  });

  it('proposes a schedule with HiGHS that the independent checker accepts, then keeps a locked visit on re-solve', async () => {
    const res = await api
      .http()
      .post(`/api/visitation-programmes/${programmeId}/proposals`)
      .set(auth.secretariat)
      .send({ timeLimitSeconds: 20 })
      .expect(201);
    expect(['optimal', 'feasible']).toContain(res.body.status);
    expect(typeof res.body.objective).toBe('number');
    const schedule = res.body.schedule as Schedule;
    const instance = (await repos.visitation.instance(orgId, programmeId))!;
    expect(schedule.visits).toHaveLength(instance.hosts.length);
    expect(checkSchedule(instance, schedule)).toEqual([]);

    // Lock one visit, move another by hand, re-solve: the locked one stays as it was.
    const [locked, moved] = schedule.visits;
    await api
      .http()
      .post(`/api/visitation-programmes/${programmeId}/locks`)
      .set(auth.secretariat)
      .send({ hostId: locked!.hostId, whole: true })
      .expect(201);
    const again = await api
      .http()
      .post(`/api/visitation-programmes/${programmeId}/proposals`)
      .set(auth.secretariat)
      .send({})
      .expect(201);
    const keep = (again.body.schedule as Schedule).visits.find((v) => v.hostId === locked!.hostId);
    expect(keep).toEqual(locked);

    // A move onto a Saturday is stored with the checker's objection, and cannot be published.
    const adjusted = await api
      .http()
      .post(`/api/visitation-programmes/${programmeId}/move`)
      .set(auth.secretariat)
      .send({ hostId: moved!.hostId, date: '2027-02-06' })
      .expect(201);
    expect(adjusted.body.violations.length).toBeGreaterThan(0);
    expect(adjusted.body.violations[0].message).toMatch(/[a-z]/);
    await api
      .http()
      .post(`/api/visitation-programmes/${programmeId}/publish`)
      .set(auth.secretariat)
      .expect(503);
    expect((await repos.visitation.programme(orgId, programmeId))!.status).toBe('draft');
    expect(await count('visitation_visit')).toBe(0);
  });

  it('swaps two visitors with the checker’s verdict, and re-solves around a locked seat and a locked date', async () => {
    const path = `/api/visitation-programmes/${programmeId}`;
    await api.http().delete(`${path}/locks`).set(auth.secretariat).expect(200);
    const first = await api
      .http()
      .post(`${path}/proposals`)
      .set(auth.secretariat)
      .send({})
      .expect(201);
    const instance = (await repos.visitation.instance(orgId, programmeId))!;
    const [a, b, c] = (first.body.schedule as Schedule).visits;
    const memberOf = (v: typeof a) => v!.team.find((s) => s.role === 'member')!.visitorId;

    // Swap: each takes the other's seat; stored as a new proposal with the checker's verdict.
    const swapped = await api
      .http()
      .post(`${path}/swap`)
      .set(auth.secretariat)
      .send({ hostA: a!.hostId, visitorA: memberOf(a), hostB: b!.hostId, visitorB: memberOf(b) })
      .expect(201);
    const after = swapped.body.schedule as Schedule;
    const at = (hostId: string) => after.visits.find((v) => v.hostId === hostId)!;
    expect(at(a!.hostId).team.map((s) => s.visitorId)).toContain(memberOf(b));
    expect(at(b!.hostId).team.map((s) => s.visitorId)).toContain(memberOf(a));
    expect(at(c!.hostId)).toEqual(c);
    expect(swapped.body.violations.map((e: { code: string }) => e.code)).toEqual(
      checkSchedule(instance, after).map((e) => e.code),
    );
    // Someone not in that visit cannot be swapped out of it: nothing is stored.
    const before = await count('visitation_proposal');
    const refused = await api
      .http()
      .post(`${path}/swap`)
      .set(auth.secretariat)
      .send({ hostA: a!.hostId, visitorA: memberOf(c), hostB: b!.hostId, visitorB: memberOf(b) })
      .expect(422);
    expect(refused.body.field).toBe('visitorA');
    expect(refused.body.message).toBe('This visitor is not in the team of this visit.');
    expect(await count('visitation_proposal')).toBe(before);

    // Lock b's member into a's team and c on a's date; the re-solve keeps both and breaks no rule.
    await api
      .http()
      .post(`${path}/locks`)
      .set(auth.secretariat)
      .send({ hostId: a!.hostId, visitorId: memberOf(b) })
      .expect(201);
    await api
      .http()
      .post(`${path}/locks`)
      .set(auth.secretariat)
      .send({ hostId: c!.hostId, date: a!.date })
      .expect(201);
    const again = await api
      .http()
      .post(`${path}/proposals`)
      .set(auth.secretariat)
      .send({})
      .expect(201);
    expect(['optimal', 'feasible']).toContain(again.body.status);
    const solved = again.body.schedule as Schedule;
    expect(
      solved.visits.find((v) => v.hostId === a!.hostId)!.team.map((s) => s.visitorId),
    ).toContain(memberOf(b));
    expect(solved.visits.find((v) => v.hostId === c!.hostId)!.date).toBe(a!.date);
    expect(checkSchedule(instance, solved)).toEqual([]);
    await api.http().delete(`${path}/locks`).set(auth.secretariat).expect(200);
  });

  it('explains in Dutch why no schedule exists', async () => {
    const visitors = (await repos.visitation.programme(orgId, programmeId))!.visitors;
    const res = await api
      .http()
      .post('/api/visitation-programmes')
      .set(auth.secretariat)
      .send({
        title: 'Te weinig voorzitters',
        schoolYear: '2026-2027',
        kind: 'collegiale-visitatie',
        teamSize: 2,
        maxVisitsPerVisitor: 1,
        windows: [{ start: '2027-02-01', end: '2027-03-31' }],
        hosts: (await repos.visitation.programme(orgId, programmeId))!.hosts
          .filter((h) => h.kind === 'school')
          .map((h) => ({ kind: 'school', schoolId: h.schoolId })),
        visitors: visitors.map((v, i) => ({ personId: v.personId, trainedChair: i === 0 })),
      })
      .expect(201);
    const proposal = await api
      .http()
      .post(`/api/visitation-programmes/${res.body.id}/proposals`)
      .set(auth.secretariat)
      .send({})
      .expect(201);
    expect(proposal.body.status).toBe('infeasible');
    expect(
      proposal.body.infeasibility.map((e: { message: string }) => e.message).join('\n'),
    ).toMatch(/te weinig getrainde voorzitters: \d+ visites, 1 voorzitter/);
  });

  it('shows a published visit to those who take part only, and refuses a malformed answer', async () => {
    const instance = (await repos.visitation.instance(orgId, programmeId))!;
    const visitorId = (
      await one<{ id: string }>(
        `SELECT id FROM person WHERE email = 'ib@lyceum-oosterpoort.example'`,
      )
    ).id;
    const host = instance.hosts.find((h) => h.kind === 'school')!;
    const other = instance.visitors.filter((v) => v.id !== visitorId && v.trainedChair)[0]!;
    await repos.visitation.publish({
      organisationId: orgId,
      programmeId,
      schedule: {
        visits: [
          {
            hostId: host.id,
            date: '2027-02-04',
            team: [
              { visitorId: other.id, role: 'chair' },
              { visitorId, role: 'member' },
            ],
          },
        ],
      },
      programmeWorkflowId: `visitation:${orgId}:${programmeId}`,
      visitWorkflowId: (v) => `visitation:${orgId}:${programmeId}:visit:${v}`,
    });
    const mine = await api.http().get('/api/visits/mine').set(auth.visitor).expect(200);
    expect(mine.body).toHaveLength(1);
    const visitId = mine.body[0].id as string;
    expect(mine.body[0].host.name).toBe(host.name);
    await api.http().get(`/api/visits/${visitId}`).set(auth.outsider).expect(404);
    await api.http().get(`/api/visits/${visitId}`).set(auth.otherSwv).expect(404);
    await api
      .http()
      .post(`/api/visits/${visitId}/answer`)
      .set(auth.otherSwv)
      .send({ answer: 'confirm' })
      .expect(404);
    expect((await api.http().get('/api/visits/mine').set(auth.otherSwv).expect(200)).body).toEqual(
      [],
    );
    const malformed = await api
      .http()
      .post(`/api/visits/${visitId}/answer`)
      .set(auth.visitor)
      .send({ answer: 'maybe' })
      .expect(400);
    expect(malformed.body.errors[0].field).toBe('answer');
    // Temporal is down here: the answer is not lost silently but refused with 503.
    await api
      .http()
      .post(`/api/visits/${visitId}/answer`)
      .set(auth.visitor)
      .send({ answer: 'confirm' })
      .expect(503);
    await api
      .http()
      .post(`/api/visits/${visitId}/reschedule`)
      .set(auth.visitor)
      .send({ visitDate: '2027-02-11' })
      .expect(403);
    const csv = await api
      .http()
      .get(`/api/visitation-programmes/${programmeId}/overview.csv`)
      .set(auth.secretariat)
      .expect(200);
    expect(csv.text.startsWith('\uFEFFGastheer;Visitedatum;Status')).toBe(true);
    expect(csv.text).toContain(`${host.name};4 februari 2027;Gepland`);
  });

  it('lets only the owner of a follow-up action or the secretariat mark it done: 403 for the rest of the visit, 404 outside it', async () => {
    const visit = (await one<{ id: string; team: { visitorId: string; role: string }[] }>(
      `SELECT id, team FROM visitation_visit WHERE programme_id = $1`,
      [programmeId],
    ))!;
    const chair = visit.team.find((s) => s.role === 'chair')!.visitorId;
    const chairEmail = (
      await one<{ email: string }>(`SELECT email FROM person WHERE id = $1`, [chair])
    ).email;
    // The flow published a follow-up action owned by the chair (as after the visit).
    await api.ds.query(
      `UPDATE visitation_visit SET state = jsonb_set(state, '{followUps}', $2::jsonb) WHERE id = $1`,
      [
        visit.id,
        JSON.stringify([
          {
            key: 'a1',
            description: 'Zorgroute beschrijven',
            ownerPersonId: chair,
            dueDate: '2027-05-03',
            status: 'open',
            doneAt: null,
            escalatedAt: null,
          },
        ]),
      ],
    );
    const done = (who: { Authorization: string }, key = 'a1') =>
      api.http().post(`/api/visits/${visit.id}/follow-ups/${key}/done`).set(who).send({});
    // A team member who does not own it: 403 in Dutch, before the flow is asked.
    const refused = await done(auth.visitor).expect(403);
    expect(refused.body.message).toBe(
      'Alleen de eigenaar van deze verbeteractie of het secretariaat kan haar afronden.',
    );
    // Outside the visit, or another SWV: the visit does not exist for them.
    await done(auth.outsider).expect(404);
    await done(auth.otherSwv).expect(404);
    await done(auth.contact).expect(404);
    // The owner and the secretariat pass every check; Temporal is down here, so 503.
    const owner = { Authorization: `Bearer ${await api.signIn(chairEmail)}` };
    await done(owner).expect(503);
    await done(auth.secretariat).expect(503);
    // An action that does not exist is a 404 naming the key.
    const unknown = await done(owner, 'a9').expect(404);
    expect(unknown.body.field).toBe('key');
  });
});
