import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { startApi, type ApiHarness } from './testing/api-harness';

/**
 * A Temporal client that records what the api asks of it: starts (with their input) and
 * Updates (with their arguments); Queries answer from `states`. The workflows' own behaviour
 * is tested on the time-skipping server; here: roles, tenants, input checks, and what the api
 * hands the workflow (bodies from the SWV's configuration, schools with their ECT members).
 */
function recordingTemporal() {
  const starts: { type: string; workflowId: string; input: Record<string, unknown> }[] = [];
  const updates: { workflowId: string; name: string; arg: Record<string, unknown> }[] = [];
  const states = new Map<string, unknown>();
  const client = {
    connection: {
      withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn(),
      withAbortSignal: (_signal: AbortSignal, fn: () => Promise<unknown>) => fn(),
    },
    workflow: {
      start: (type: string, opts: { workflowId: string; args: [Record<string, unknown>] }) => {
        starts.push({ type, workflowId: opts.workflowId, input: opts.args[0] });
        // Until the worker publishes, the api answers from the workflow's Query.
        states.set(opts.workflowId, {
          workflowId: opts.workflowId,
          phase: type === 'ectEvaluationWorkflow' ? 'inviting' : 'voting',
          bodies: [],
          rounds: [],
          timeline: [],
          schools: [],
        });
        return Promise.resolve({});
      },
      getHandle: (workflowId: string) => ({
        query: () =>
          states.has(workflowId)
            ? Promise.resolve(states.get(workflowId))
            : Promise.reject(new WorkflowNotFoundError('not found', workflowId, undefined)),
        executeUpdate: (def: { name: string }, opts: { args: [Record<string, unknown>] }) => {
          updates.push({ workflowId, name: def.name, arg: opts.args[0] });
          return Promise.resolve({ ok: true });
        },
      }),
    },
  } as unknown as Client;
  return { client, starts, updates, states };
}

jest.setTimeout(60_000);

describe('support-plan cycles and ECT evaluations over the api', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let temporal: ReturnType<typeof recordingTemporal>;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  let org: { stadsring: string; rijnoever: string };
  const year = new Date().getUTCFullYear() + 1;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    temporal = recordingTemporal();
    api = await startApi(db.url, smtp, { temporalClient: temporal.client });
    for (const [who, email] of [
      ['secretariat', DEMO_EMAILS.stadsring.secretariat],
      ['director', DEMO_EMAILS.stadsring.director],
      ['ect', DEMO_EMAILS.stadsring.ectMember],
      ['opr', DEMO_EMAILS.stadsring.oprMember],
      ['rijnoever', DEMO_EMAILS.rijnoever.secretariat],
    ] as const)
      tokens[who] = await api.signIn(email);
    const rows = (await api.ds.query(`SELECT slug, id FROM organisation`)) as {
      slug: string;
      id: string;
    }[];
    org = {
      stadsring: rows.find((r) => r.slug === 'stadsring')!.id,
      rijnoever: rows.find((r) => r.slug === 'rijnoever')!.id,
    };
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  const plan = (firstYear: number, extra: Record<string, unknown> = {}) => ({
    firstYear,
    proposal: { url: `https://docs.example/op-${firstYear}.pdf`, versionLabel: 'Concept 1' },
    ...extra,
  });

  it('documents both cycles in the OpenAPI document', async () => {
    const doc = await api.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/support-plan-cycles',
        '/api/support-plan-cycles/preview',
        '/api/support-plan-cycles/{period}',
        '/api/support-plan-cycles/{period}/dispute',
        '/api/support-plan-cycles/{period}/dispute/ruling',
        '/api/support-plan-cycles/{period}/adoption',
        '/api/ect-evaluations',
        '/api/ect-evaluations/{year}/schools/{schoolId}',
        '/api/ect-evaluations/{year}/export.csv',
      ]),
    );
    expect(doc.body.components.schemas.ResolveDisputeDto.properties.outcome.enum).toEqual([
      'permission_granted',
      'consent_upheld',
      'withdrawn',
    ]);
  });

  describe('support plan', () => {
    it('previews with the SWV’s own deciding bodies and every planned date', async () => {
      const res = await api
        .http()
        .post('/api/support-plan-cycles/preview')
        .set(as('secretariat'))
        .send(plan(year))
        .expect(200);
      expect(res.body.bodies.map((b: { key: string }) => b.key)).toEqual(['opr', 'alv', 'rvt']);
      expect(res.body).toMatchObject({ firstYear: year, lastYear: year + 4, calendar: 'office' });
      const kinds = res.body.schedule.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(['deadline', 'escalation', 'takes_effect', 'next_plan']),
      );
      // An SWV with an Algemeen Bestuur gets its own bodies, never `alv`.
      const other = await api
        .http()
        .post('/api/support-plan-cycles/preview')
        .set(as('rijnoever'))
        .send(plan(year))
        .expect(200);
      expect(other.body.bodies.map((b: { key: string }) => b.key)).not.toContain('alv');
      expect(other.body.bodies.map((b: { key: string }) => b.key)).toContain('ab');
    });

    it('starts once per period with the configured bodies; an overlapping period is refused', async () => {
      const first = await api
        .http()
        .post('/api/support-plan-cycles')
        .set(as('secretariat'))
        .send(plan(year));
      expect(first.status).toBe(201);
      const started = temporal.starts.find((s) => s.type === 'supportPlanCycleWorkflow')!;
      expect(started.workflowId).toBe(`support-plan:${org.stadsring}:${year}-${year + 4}`);
      expect(started.input).toMatchObject({ firstYear: year, bodyKeys: ['opr', 'alv', 'rvt'] });
      temporal.states.set(started.workflowId, {
        workflowId: started.workflowId,
        phase: 'voting',
        bodies: [],
        rounds: [],
        timeline: [],
      });
      const again = await api
        .http()
        .post('/api/support-plan-cycles')
        .set(as('secretariat'))
        .send(plan(year));
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: false });
      const overlap = await api
        .http()
        .post('/api/support-plan-cycles')
        .set(as('secretariat'))
        .send(plan(year + 2))
        .expect(409);
      expect(overlap.body).toMatchObject({ code: 'CONFLICT', field: 'firstYear' });
      expect(overlap.body.message).toContain(`${year}–${year + 4}`);
      const list = await api.http().get('/api/support-plan-cycles').set(as('opr')).expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({ period: `${year}-${year + 4}`, firstYear: year }),
      ]);
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const before = temporal.starts.length;
      const bad = await api
        .http()
        .post('/api/support-plan-cycles')
        .set(as('secretariat'))
        .send(plan(year + 8, { firstYear: 'soon' }))
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('firstYear');
      const body = await api
        .http()
        .post('/api/support-plan-cycles')
        .set(as('secretariat'))
        .send(plan(year + 8, { bodyKeys: ['opr', 'mr'] }))
        .expect(422);
      expect(body.body).toMatchObject({ code: 'VALIDATION', field: 'bodyKeys' });
      const past = await api
        .http()
        .post('/api/support-plan-cycles')
        .set(as('secretariat'))
        .send(plan(year + 8, { voteDeadline: '2020-01-10T17:00:00+01:00' }))
        .expect(422);
      expect(past.body).toMatchObject({ field: 'voteDeadline' });
      const date = await api
        .http()
        .post(`/api/support-plan-cycles/${year}-${year + 4}/dispute`)
        .set(as('secretariat'))
        .send({ referredOn: '10-03-2027' })
        .expect(400);
      expect(date.body.errors[0].field).toBe('referredOn');
      await api
        .http()
        .get(`/api/support-plan-cycles/${year}-${year + 3}`)
        .set(as('secretariat'))
        .expect(400);
      expect(temporal.starts.length).toBe(before);
      const rows = (await api.ds.query(
        `SELECT count(*)::int AS n FROM cycle WHERE kind = 'support_plan' AND year = $1`,
        [year + 8],
      )) as { n: number }[];
      expect(rows[0]!.n).toBe(0);
    });

    it('checks roles and tenants: members cannot start, only the director adopts, another SWV finds nothing', async () => {
      await api.http().post('/api/support-plan-cycles').set(as('opr')).send(plan(year)).expect(403);
      await api.http().post('/api/support-plan-cycles').send(plan(year)).expect(401);
      await api
        .http()
        .post(`/api/support-plan-cycles/${year}-${year + 4}/adoption`)
        .set(as('secretariat'))
        .expect(403);
      await api
        .http()
        .post(`/api/support-plan-cycles/${year}-${year + 4}/adoption`)
        .set(as('director'))
        .expect(200);
      const dispute = await api
        .http()
        .post(`/api/support-plan-cycles/${year}-${year + 4}/dispute`)
        .set(as('secretariat'))
        .send({ referredOn: `${year}-03-10`, caseReference: ' 108765 ' })
        .expect(200);
      expect(dispute.body).toEqual({ ok: true });
      expect(temporal.updates.slice(-2).map((u) => [u.name, u.arg])).toEqual([
        ['adoptSupportPlan', { actorPersonId: expect.any(String) }],
        [
          'referSupportPlanDispute',
          {
            actorPersonId: expect.any(String),
            referredOn: `${year}-03-10`,
            caseReference: '108765',
          },
        ],
      ]);
      // Rijnoever's secretariat addresses its own (absent) cycle: 404, never Stadsring's.
      await api
        .http()
        .get(`/api/support-plan-cycles/${year}-${year + 4}`)
        .set(as('rijnoever'))
        .expect(404);
    });
  });

  describe('ECT evaluation', () => {
    const ectYear = new Date().getUTCFullYear() + 1;

    it('previews the regular schools with an ECT member and the office calendar; refuses a deadline outside the autumn', async () => {
      const res = await api
        .http()
        .post('/api/ect-evaluations/preview')
        .set(as('secretariat'))
        .send({ year: ectYear })
        .expect(200);
      expect(res.body.calendar).toBe('office');
      expect(res.body.schools.map((s: { name: string }) => s.name)).toContain('Stadsring College');
      expect(res.body.schedule.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['invitation', 'deadline', 'escalation']),
      );
      const spring = await api
        .http()
        .post('/api/ect-evaluations/preview')
        .set(as('secretariat'))
        .send({ year: ectYear, deadline: `${ectYear}-04-01T17:00:00+02:00` })
        .expect(422);
      expect(spring.body).toMatchObject({ field: 'deadline' });
    });

    it('starts with each school’s ECT member; the ECT member reads and submits only their own school', async () => {
      await api
        .http()
        .post('/api/ect-evaluations')
        .set(as('ect'))
        .send({ year: ectYear })
        .expect(403);
      await api
        .http()
        .post('/api/ect-evaluations')
        .set(as('secretariat'))
        .send({ year: ectYear })
        .expect(201);
      const started = temporal.starts.find((s) => s.type === 'ectEvaluationWorkflow')!;
      const wf = `ect-evaluation:${org.stadsring}:${ectYear}`;
      expect(started.workflowId).toBe(wf);
      const schools = started.input.schools as { schoolId: string; ectPersonId: string }[];
      const [mine] = (await api.ds.query(
        `SELECT s.id, s.ect_member_person_id FROM school s JOIN person p ON p.id = s.ect_member_person_id
          WHERE p.email = $1 ORDER BY s.name`,
        [DEMO_EMAILS.stadsring.ectMember],
      )) as { id: string; ect_member_person_id: string }[];
      expect(schools).toContainEqual({
        schoolId: mine!.id,
        ectPersonId: mine!.ect_member_person_id,
      });
      const other = schools.find((s) => s.ectPersonId !== mine!.ect_member_person_id)!;
      // The read model as the worker publishes it.
      const state = {
        workflowId: wf,
        organisationId: org.stadsring,
        year: ectYear,
        title: `Evaluatie ECT ${ectYear}`,
        phase: 'open',
        deadline: `${ectYear}-11-30T16:00:00.000Z`,
        invitedAt: null,
        nextReminderAt: null,
        escalatedAt: null,
        closedByPersonId: null,
        schools: schools.map((s) => ({
          ...s,
          status: 'open',
          submittedAt: null,
          remindersSent: 0,
        })),
      };
      await api.ds.query(`UPDATE cycle SET state = $2, state_seq = 1 WHERE workflow_id = $1`, [
        wf,
        JSON.stringify(state),
      ]);

      const form = await api
        .http()
        .get(`/api/ect-evaluations/${ectYear}/schools/${mine!.id}`)
        .set(as('ect'))
        .expect(200);
      expect(form.body).toMatchObject({ canSubmit: true, status: 'open', evaluation: null });
      expect(form.body).toHaveProperty('lastYearAccountability');
      await api
        .http()
        .get(`/api/ect-evaluations/${ectYear}/schools/${other.schoolId}`)
        .set(as('ect'))
        .expect(404);
      const empty = await api
        .http()
        .post(`/api/ect-evaluations/${ectYear}/schools/${mine!.id}`)
        .set(as('ect'))
        .send({ findings: '', agreements: 'Meer consultatie' })
        .expect(400);
      expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['findings']);
      await api
        .http()
        .post(`/api/ect-evaluations/${ectYear}/schools/${mine!.id}`)
        .set(as('ect'))
        .send({ findings: ' Goed jaar ', agreements: 'Meer consultatie' })
        .expect(200);
      expect(temporal.updates.at(-1)).toMatchObject({
        workflowId: wf,
        name: 'submitEctEvaluation',
        arg: { schoolId: mine!.id, findings: 'Goed jaar', agreements: 'Meer consultatie' },
      });

      // The ECT member's view of the cycle lists their own schools only.
      const progress = await api
        .http()
        .get(`/api/ect-evaluations/${ectYear}`)
        .set(as('ect'))
        .expect(200);
      expect(
        progress.body.schools.every(
          (s: { ectPersonId: string }) => s.ectPersonId === mine!.ect_member_person_id,
        ),
      ).toBe(true);
      const office = await api
        .http()
        .get(`/api/ect-evaluations/${ectYear}`)
        .set(as('secretariat'))
        .expect(200);
      expect(office.body.schools).toHaveLength(schools.length);
      const csv = await api
        .http()
        .get(`/api/ect-evaluations/${ectYear}/export.csv`)
        .set(as('secretariat'))
        .expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text.startsWith('\uFEFFSchool;ECT’er;Status')).toBe(true);
      await api.http().get(`/api/ect-evaluations/${ectYear}/export.csv`).set(as('ect')).expect(403);
      // Another SWV: no such evaluation.
      await api.http().get(`/api/ect-evaluations/${ectYear}`).set(as('rijnoever')).expect(404);
      await api
        .http()
        .get(`/api/ect-evaluations/${ectYear}/schools/${mine!.id}`)
        .set(as('rijnoever'))
        .expect(404);
    });
  });
});
