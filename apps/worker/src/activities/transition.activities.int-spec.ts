import { randomBytes, randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { DEFAULT_TRANSITION_CONFIG, applyTransitionMove, openTransition } from '@jaarcyclus/domain';
import { OutboxService, createSmtpTransport } from '@jaarcyclus/mail';
import {
  DEMO_EMAILS,
  FieldCipher,
  TransitionRepository,
  createDataSource,
  seedDemoData,
} from '@jaarcyclus/persistence';
import { SmtpCapture, createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import { type TransitionActivities, transitionWorkflowId } from '@jaarcyclus/workflows';
import { createTransitionActivities } from './transition.activities';

const quiet = new DefaultLogger('ERROR', () => undefined);

function run<K extends keyof TransitionActivities>(
  acts: TransitionActivities,
  name: K,
  ...args: Parameters<TransitionActivities[K]>
): ReturnType<TransitionActivities[K]> {
  const fn = acts[name] as unknown as (...a: unknown[]) => Promise<unknown>;
  return new MockActivityEnvironment(undefined, { logger: quiet }).run<
    unknown[],
    unknown,
    typeof fn
  >(fn, ...(args as unknown[])) as ReturnType<TransitionActivities[K]>;
}

/** The schakeltraject's activities on PostgreSQL and SMTP: steps, mails by side, erasure. */
describe('transition activities (PostgreSQL + SMTP)', () => {
  const PUPIL = { name: 'Fenna Gruttoveld', birthDate: '2012-11-23' };
  let db: TestDatabase;
  let ds: DataSource;
  let smtp: SmtpCapture;
  let acts: TransitionActivities;
  let org: string;
  let caseId: string;
  let workflowId: string;
  let vso: string;
  let regular: string;
  const PARENT = 'ouder.gruttoveld@example.org';

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url, { logging: false }).initialize();
    await seedDemoData(ds);
    smtp = await new SmtpCapture().start();
    const outbox = new OutboxService(
      ds,
      createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`),
      'Jaarcyclus <noreply@jaarcyclus.example>',
    );
    acts = createTransitionActivities({ dataSource: ds, outbox, publicUrl: 'https://jc.test' });
    org = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`)).id;
    vso = (await one<{ id: string }>(`SELECT id FROM school WHERE name = 'VSO De Klimop'`)).id;
    regular = (await one<{ id: string }>(`SELECT id FROM school WHERE name = 'Stadsring College'`))
      .id;
    const parent = (
      await one<{ id: string }>(
        `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, $2, 'Ouder Gruttoveld', '{parent}') RETURNING id`,
        [org, PARENT],
      )
    ).id;
    const ect = (
      await one<{ id: string }>(`SELECT ect_member_person_id AS id FROM school WHERE id = $1`, [
        vso,
      ])
    ).id;
    caseId = randomUUID();
    workflowId = transitionWorkflowId(org, caseId);
    const cipher = new FieldCipher({
      currentKeyId: 'k',
      key: ((k: Buffer) => (id: string) => (id === 'k' ? k : undefined))(randomBytes(32)),
    });
    await new TransitionRepository(ds, cipher).create({
      id: caseId,
      organisationId: org,
      workflowId,
      vsoSchoolId: vso,
      pupil: PUPIL,
      parentPersonIds: [parent],
      ectPersonIds: [ect],
      state: openTransition(vso, '2027-03-01'),
      config: DEFAULT_TRANSITION_CONFIG,
      createdByPersonId: null,
    });
  });
  afterAll(async () => {
    await smtp?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  const notify = (
    kind: 'opened' | 'stalled' | 'closed' | 'phaseEntered' | 'parentsAsked',
    level: 0 | 1 | 2 | 3 = 0,
  ) =>
    run(acts, 'notifyTransition', {
      organisationId: org,
      caseId,
      workflowId,
      idempotencyKeyPrefix: `${workflowId}:${kind}-${level}`,
      kind,
      phase: 'orientation',
      level,
      dueOn: '2027-04-12',
    });

  it('mails the parents and the ECT member when a case opens, once, and never names the pupil', async () => {
    expect(await notify('opened')).toBe(2);
    expect(await notify('opened')).toBe(2);
    const toParent = smtp.to(PARENT);
    expect(toParent).toHaveLength(1);
    expect(toParent[0]!.subject).toBe(
      '[Samenwerkingsverband VO Stadsring] Schakeltraject VSO De Klimop: geopend',
    );
    expect(toParent[0]!.text).toContain(`https://jc.test/app/transitions/${caseId}`);
    expect(toParent[0]!.text).toContain('toestemming');
    const all = JSON.stringify(smtp.messages.map((m) => [m.subject, m.text, m.html]));
    expect(all).not.toContain('Gruttoveld Fenna');
    expect(all).not.toContain('Fenna');
    expect(all).not.toContain('2012');
  });

  it('tells the parents that something changed, without any detail, when a phase begins or a school is chosen', async () => {
    const before = smtp.to(PARENT).length;
    // A new phase: the owner (vso school), the ECT member and the parents.
    expect(await notify('phaseEntered')).toBe(3);
    // A school chosen: the parents only, asked for their consent and view.
    expect(await notify('parentsAsked')).toBe(1);
    expect(await notify('parentsAsked')).toBe(1);
    const toParent = smtp.to(PARENT).slice(before);
    expect(toParent.map((m) => m.subject)).toEqual([
      '[Samenwerkingsverband VO Stadsring] Schakeltraject VSO De Klimop: er is iets veranderd',
      '[Samenwerkingsverband VO Stadsring] Schakeltraject VSO De Klimop: er is iets veranderd',
    ]);
    for (const m of toParent) {
      expect(m.text).toContain('Log in om te zien wat er is veranderd');
      // The link leads to the case; behind the sign-in it is kept (next=…).
      expect(m.text).toContain(`https://jc.test/app/transitions/${caseId}`);
      expect(m.text).not.toContain('oriëntatie');
      expect(m.text).not.toContain('Fenna');
      expect(m.text).not.toContain('2012');
      expect(m.html).not.toContain('Fenna');
    }
    expect(toParent[1]!.text).toContain('toestemming');
    // The school's mail still says which phase.
    const toSchool = smtp.to('zorg@vso-deklimop.example');
    expect(toSchool[toSchool.length - 1]!.subject).toContain('fase oriëntatie');
    // Every stored outbox message: no pupil.
    const stored = JSON.stringify(await ds.query(`SELECT * FROM outbox_message`));
    expect(stored).not.toContain('Fenna');
    expect(stored).not.toContain('2012');
  });

  it('escalates a stalled case: the vso school, then the ECT member, then the secretariat', async () => {
    const before = smtp.messages.length;
    await notify('stalled', 1);
    await notify('stalled', 2);
    await notify('stalled', 3);
    const sent = smtp.messages.slice(before).map((m) => m.to[0]);
    expect(sent).toEqual([
      'zorg@vso-deklimop.example',
      expect.stringMatching(/@ect\.stadsring\.example$/),
      DEMO_EMAILS.stadsring.secretariat,
    ]);
    expect(smtp.to(DEMO_EMAILS.stadsring.secretariat)[0]!.text).toContain(
      'https://jc.test/app/transitions\n',
    );
  });

  it('records a step with its audit row, once; the regular school joins only with consent', async () => {
    let state = applyTransitionMove(
      openTransition(vso, '2027-03-01'),
      { kind: 'chooseSchool', schoolId: regular, priorConsultationOn: '2027-03-01' },
      'vso',
      '2027-03-01',
      DEFAULT_TRANSITION_CONFIG,
    );
    const step = {
      organisationId: org,
      caseId,
      workflowId,
      seq: 1,
      kind: 'chooseSchool',
      phaseBefore: 'orientation' as const,
      actorPersonId: null,
      occurredOn: '2027-03-01',
      facts: { schoolId: regular },
      noteId: null,
      state,
    };
    await run(acts, 'recordTransitionStep', step);
    await run(acts, 'recordTransitionStep', step);
    expect(
      await ds.query(
        `SELECT action, payload->>'schoolId' AS school FROM audit_event WHERE workflow_id = $1`,
        [workflowId],
      ),
    ).toEqual([{ action: 'transition_chooseSchool', school: regular }]);
    const people = await new TransitionRepository(ds).people(org, caseId);
    expect(people.regular).toEqual([]);
    state = applyTransitionMove(
      state,
      { kind: 'recordConsent', schoolId: regular },
      'parent',
      '2027-03-02',
      DEFAULT_TRANSITION_CONFIG,
    );
    await run(acts, 'recordTransitionStep', { ...step, seq: 2, kind: 'recordConsent', state });
    expect((await new TransitionRepository(ds).people(org, caseId)).regular).toHaveLength(1);
  });

  it('erases a closed case and leaves a tombstone in the audit trail', async () => {
    const closed = applyTransitionMove(
      openTransition(vso, '2027-03-01'),
      { kind: 'end', reason: 'other' },
      'vso',
      '2027-03-03',
      DEFAULT_TRANSITION_CONFIG,
    );
    await run(acts, 'recordTransitionStep', {
      organisationId: org,
      caseId,
      workflowId,
      seq: 3,
      kind: 'end',
      phaseBefore: 'orientation',
      actorPersonId: null,
      occurredOn: '2027-03-03',
      facts: { reason: 'other' },
      noteId: null,
      state: closed,
    });
    const input = {
      organisationId: org,
      caseId,
      workflowId,
      idempotencyKey: `${workflowId}:erased`,
      at: '2029-03-03T01:00:00.000Z',
    };
    expect(await run(acts, 'eraseTransitionCase', input)).toBe(true);
    expect(await run(acts, 'eraseTransitionCase', input)).toBe(false);
    expect(
      await ds.query(
        `SELECT action, occurred_at, payload->'erased' AS erased FROM audit_event WHERE workflow_id = $1 AND action = 'transition_erased'`,
        [workflowId],
      ),
    ).toEqual([
      {
        action: 'transition_erased',
        occurred_at: new Date('2029-03-03T01:00:00.000Z'),
        erased: ['pupil', 'notes', 'parents'],
      },
    ]);
    expect(
      await one(`SELECT status, pupil_enc FROM transition_case WHERE id = $1`, [caseId]),
    ).toEqual({ status: 'erased', pupil_enc: null });
    expect(await one(`SELECT count(*)::int AS n FROM person WHERE email = $1`, [PARENT])).toEqual({
      n: 0,
    });
  });
});
