import { createHash, randomBytes } from 'node:crypto';
import { amsterdamParts, nextBusinessMoment } from '@jaarcyclus/domain';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from '@jaarcyclus/temporal';
import { WAKE_BEFORE_FIRST_ACTION_MS, schoolAccountabilityWorkflowId } from '@jaarcyclus/workflows';
import { startStack, type Stack } from './support/stack';
import { figures } from './support/accountability-figures';

/**
 * The 1 February accountability end to end (docs/domain.md §2; docs/domain.md, source 001 §7.4): api + worker on the
 * Temporal dev server, PostgreSQL and an SMTP server. The secretariat starts the cycle for two
 * schools, the schools' contacts are invited by mail, submit (one first with a mistake), the
 * secretariat accepts one and returns the other, and the overview export shows the outcome
 * with the underspending deduction.
 */
const YEAR = 2026;
const CONTACT_A = DEMO_EMAILS.stadsring.schoolContact; // Stadsring College, fixed amount € 58.000
const CONTACT_B = 'zorg@hunzeborg-college.example'; // Hunzeborg College, fixed amount € 54.000
const ORG = 'Samenwerkingsverband VO Stadsring';

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** 'dd-mm-yyyy hh:mm' in Amsterdam, as the CSV shows it. */
function csvDateTime(iso: string): string {
  const { date, hour, minute } = amsterdamParts(new Date(iso));
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * A school workflow started by the fan-out outside business hours: running, with no workflow
 * task run yet, its first one due five minutes before the invitation moment `due`.
 */
async function expectAsleepUntil(handle: WorkflowHandle, due: Date): Promise<void> {
  const d = await handle.describe();
  expect(d.status.name).toBe('RUNNING');
  const wakes = d.executionTime!.getTime();
  const expected = due.getTime() - WAKE_BEFORE_FIRST_ACTION_MS;
  expect(Math.abs(wakes - expected)).toBeLessThan(10_000);
  const events = (await handle.fetchHistory()).events ?? [];
  expect(events.map((e) => Object.keys(e).find((k) => k.endsWith('EventAttributes')))).toEqual([
    'workflowExecutionStartedEventAttributes',
  ]);
}

describe('accountability (e2e)', () => {
  let stack: Stack;
  let orgId: string;
  let schoolA: string;
  let schoolB: string;
  let secretariat: string;
  let contactA: string;
  let contactB: string;
  const startedAt = new Date();

  const path = (schoolId: string, rest = '') =>
    `/api/accountability-cycles/${YEAR}/schools/${schoolId}${rest}`;
  const statusOf = async (schoolId: string): Promise<string> =>
    (
      (await stack.ds.query(
        `SELECT status FROM school_accountability WHERE school_id = $1 AND accounting_year = $2`,
        [schoolId, YEAR],
      )) as { status: string }[]
    )[0]!.status;

  beforeAll(async () => {
    // The real clock: these tests check when a school wakes against Temporal's own time, in
    // and outside business hours.
    stack = await startStack({ workerClock: Date.now });
    const ids = (await stack.ds.query(
      `SELECT s.id, s.name, s.organisation_id FROM school s
        WHERE s.name IN ('Stadsring College', 'Hunzeborg College')`,
    )) as { id: string; name: string; organisation_id: string }[];
    schoolA = ids.find((s) => s.name === 'Stadsring College')!.id;
    schoolB = ids.find((s) => s.name === 'Hunzeborg College')!.id;
    orgId = ids[0]!.organisation_id;
    secretariat = await stack.signIn(DEMO_EMAILS.stadsring.secretariat);
    contactA = await stack.signIn(CONTACT_A);
    contactB = await stack.signIn(CONTACT_B);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  }, 60_000);

  it('the secretariat starts the cycle for two schools; starting it again returns it', async () => {
    const started = await stack.call('POST', '/api/accountability-cycles', {
      token: secretariat,
      body: { accountingYear: YEAR, schoolIds: [schoolA, schoolB] },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      created: true,
      accountingYear: YEAR,
      title: 'Verantwoording 2026',
      formatVersion: 1,
      deadline: '2027-02-01T22:59:59.999Z',
      schools: 2,
    });
    expect(started.body.rows.map((r: { schoolName: string }) => r.schoolName)).toEqual([
      'Hunzeborg College',
      'Stadsring College',
    ]);

    const again = await stack.call('POST', '/api/accountability-cycles', {
      token: secretariat,
      body: { accountingYear: YEAR },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, schools: 2 });

    // The fan-out is done once the parent recorded the cycle as running.
    await eventually('the fan-out', async () => {
      const o = await stack.call('GET', `/api/accountability-cycles/${YEAR}`, {
        token: secretariat,
      });
      return o.body.status === 'running' ? o.body : undefined;
    });
  }, 60_000);

  it('invites both school contacts by mail with a link to their task, never outside business hours', async () => {
    const due = nextBusinessMoment(startedAt);
    if (due.getTime() <= Date.now()) {
      for (const email of [CONTACT_A, CONTACT_B]) {
        await stack.smtp.waitFor(() =>
          stack.smtp.to(email).some((m) => m.subject.includes('Verantwoording 2026: inleveren')),
        );
        const mail = stack.smtp
          .to(email)
          .find((m) => m.subject.includes('Verantwoording 2026: inleveren'))!;
        expect(mail.subject).toMatch(
          new RegExp(
            `^\\[${ORG}\\] Verantwoording 2026: inleveren uiterlijk 1 februari 2027 om 23:59 – `,
          ),
        );
        const taskId = /\/app\/tasks\/([0-9a-f-]{36})/.exec(mail.text)?.[1];
        const tasks = (await stack.ds.query(
          `SELECT t.kind, t.status FROM task t JOIN person p ON p.id = t.person_id WHERE t.id = $1 AND p.email = $2`,
          [taskId, email],
        )) as { kind: string; status: string }[];
        expect(tasks).toEqual([{ kind: 'submit', status: 'open' }]);
      }
    } else {
      // Outside business hours (evening, weekend, holiday) the invitation waits for the next
      // business morning: nobody is mailed now, and each school workflow sleeps (a start
      // delay) until five minutes before it, when it plans the invitation itself.
      for (const schoolId of [schoolA, schoolB]) {
        const handle = stack.env.client.workflow.getHandle(
          schoolAccountabilityWorkflowId(orgId, YEAR, schoolId),
        );
        await expectAsleepUntil(handle, due);
      }
      expect(stack.smtp.to(CONTACT_A).filter((m) => m.subject.includes('Verantwoording'))).toEqual(
        [],
      );
      expect(stack.smtp.to(CONTACT_B).filter((m) => m.subject.includes('Verantwoording'))).toEqual(
        [],
      );
    }
  }, 60_000);

  it('a contact sees only their own school, and gets 422 naming the field before a valid submission', async () => {
    const other = await stack.call('GET', path(schoolB), { token: contactA });
    expect(other.status).toBe(404);
    const own = await stack.call('GET', path(schoolA), { token: contactA });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ canSubmit: true, formatVersion: 1, versions: [] });

    const draft = await stack.call('PUT', path(schoolA, '/draft'), {
      token: contactA,
      body: { income: [{ lineKey: 'swv_vast_bedrag', amount: '58.000,00' }] },
    });
    expect(draft.status).toBe(200);
    expect(draft.body.problems.map((p: { rule: string }) => p.rule)).toContain('required_line');

    const wrong = figures('58.000,00', '120.000,00', '110000');
    wrong.expenses[0]!.fte = '1,55.';
    const refused = await stack.call('POST', path(schoolA, '/submissions'), {
      token: contactA,
      body: wrong,
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'VALIDATION', field: 'expenses[0].fte' });
    expect(refused.body.errors[0]).toMatchObject({
      field: 'expenses[0].fte',
      message: expect.stringContaining('Personeel extra ondersteuning'),
    });

    const a = await stack.call('POST', path(schoolA, '/submissions'), {
      token: contactA,
      body: figures('58.000,00', '120.000,00', '110000'),
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'submitted', version: 1, daysLate: 0 });
    const b = await stack.call('POST', path(schoolB, '/submissions'), {
      token: contactB,
      body: figures('54.000,00', '100.000,00', '100000'),
    });
    expect(b.status).toBe(201);

    const twice = await stack.call('POST', path(schoolA, '/submissions'), {
      token: contactA,
      body: figures('58.000,00', '120.000,00', '110000'),
    });
    expect(twice.status).toBe(409);
    const afterRefusal = (await stack.ds.query(
      `SELECT status, version FROM accountability_submission WHERE school_id = $1 ORDER BY created_at`,
      [schoolA],
    )) as { status: string; version: number | null }[];
    expect(afterRefusal).toEqual([
      { status: 'submitted', version: 1 },
      { status: 'refused', version: null },
    ]);

    // The secretariat is asked to review each submission.
    await stack.smtp.waitFor(
      () =>
        stack.smtp
          .to(DEMO_EMAILS.stadsring.secretariat)
          .filter((m) => m.subject.includes('Verantwoording 2026 beoordelen')).length >= 2,
    );
  }, 60_000);

  it('the secretariat accepts one and returns the other; the schools hear so by mail', async () => {
    const accepted = await stack.call('POST', path(schoolA, '/review'), {
      token: secretariat,
      body: { decision: 'accept', version: 1 },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 1 });
    const noComments = await stack.call('POST', path(schoolB, '/review'), {
      token: secretariat,
      body: { decision: 'return' },
    });
    expect(noComments.status).toBe(422);
    expect(noComments.body.field).toBe('comments');
    const returned = await stack.call('POST', path(schoolB, '/review'), {
      token: secretariat,
      body: { decision: 'return', comments: 'De materiële kosten ontbreken in de toelichting.' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', version: 1 });

    await eventually('the read model', async () =>
      (await statusOf(schoolA)) === 'accepted' && (await statusOf(schoolB)) === 'returned'
        ? true
        : undefined,
    );
    await stack.smtp.waitFor(
      () =>
        stack.smtp.to(CONTACT_A).some((m) => m.subject.includes('geaccepteerd')) &&
        stack.smtp.to(CONTACT_B).some((m) => m.subject.includes('teruggestuurd voor correctie')),
    );
    const acceptedMail = stack.smtp.to(CONTACT_A).find((m) => m.subject.includes('geaccepteerd'))!;
    expect(acceptedMail.text).toContain('€ 7.999,50');
    expect(acceptedMail.text).toContain('gekort op de toekenning voor 2028');
    const returnedMail = stack.smtp.to(CONTACT_B).find((m) => m.subject.includes('teruggestuurd'))!;
    expect(returnedMail.text).toContain('De materiële kosten ontbreken in de toelichting.');

    // Accepted is final.
    const late = await stack.call('POST', path(schoolA, '/submissions'), {
      token: contactA,
      body: figures('58.000,00', '120.000,00', '110000'),
    });
    expect(late.status).toBe(409);
    const detail = await stack.call('GET', path(schoolA), { token: contactA });
    expect(detail.body).toMatchObject({
      status: 'accepted',
      canSubmit: false,
      deduction: { amountCents: 799_950, allocationYear: 2028 },
    });
  }, 60_000);

  it('the overview export shows the statuses and the deduction in decimal comma', async () => {
    const overview = await stack.call('GET', `/api/accountability-cycles/${YEAR}`, {
      token: secretariat,
    });
    const submittedAt = (name: string): string =>
      csvDateTime(
        overview.body.rows.find((r: { schoolName: string }) => r.schoolName === name).submittedAt,
      );
    const euros = (name: string, field: 'receivedCents' | 'spentCents'): string => {
      const cents = overview.body.rows.find((r: { schoolName: string }) => r.schoolName === name)[
        field
      ] as number;
      expect(cents).toBeGreaterThan(0);
      return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    };
    const res = await fetch(`${stack.baseUrl}/api/accountability-cycles/${YEAR}/overview.csv`, {
      headers: { authorization: `Bearer ${secretariat}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="verantwoording-2026.csv"',
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      'School;Bestuur;Status;Dagen te laat;Ingediend op;Ontvangen (EUR);Uitgegeven (EUR);Korting (EUR);Reden vrijstelling',
      `Hunzeborg College;Vereniging Christelijk Voortgezet Onderwijs De Hunzeborg;Teruggestuurd voor correctie;0;${submittedAt('Hunzeborg College')};${euros('Hunzeborg College', 'receivedCents')};${euros('Hunzeborg College', 'spentCents')};;`,
      `Stadsring College;Stichting Openbaar Voortgezet Onderwijs Stadsring;Geaccepteerd;0;${submittedAt('Stadsring College')};178000,00;170000,50;7999,50;`,
      '',
    ]);
  }, 60_000);

  it('a cycle for 60 schools survives a worker restart during its fan-out: every school started, recorded and invited once, reminded at the SWV’s offsets', async () => {
    // A synthetic SWV straight into the tables: one board, 60 schools with a contact each, a
    // secretariat with a session, and its own reminder offsets for the accountability.
    const token = randomBytes(32).toString('base64url');
    const org = await stack.ds.transaction(async (tx) => {
      const [o] = (await tx.query(
        `INSERT INTO organisation (slug, name, region, sector, settings)
         VALUES ('herstart', 'SWV Herstart', 'midden', 'po', '{"accountabilityReminderOffsetsBusinessDays": [20, 10, 3]}')
         RETURNING id`,
      )) as { id: string }[];
      const [sec] = (await tx.query(
        `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, 'secretariaat@herstart.example', 'Secretariaat', ARRAY['secretariat']) RETURNING id`,
        [o!.id],
      )) as { id: string }[];
      await tx.query(
        `INSERT INTO session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`,
        [sec!.id, createHash('sha256').update(token).digest('hex')],
      );
      const [board] = (await tx.query(
        `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'Stichting Herstart', 1000) RETURNING id`,
        [o!.id],
      )) as { id: string }[];
      await tx.query(
        `INSERT INTO school (organisation_id, board_id, name, kind)
         SELECT $1, $2, 'School ' || lpad(i::text, 2, '0'), 'regular' FROM generate_series(1, 60) AS i`,
        [o!.id, board!.id],
      );
      await tx.query(
        `INSERT INTO person (organisation_id, email, name, roles, school_id)
         SELECT organisation_id, 'contact-' || id || '@herstart.example', 'Contact ' || name, ARRAY['school_contact'], id
           FROM school WHERE organisation_id = $1`,
        [o!.id],
      );
      return o!.id;
    });
    const schoolIds = (
      (await stack.ds.query(`SELECT id FROM school WHERE organisation_id = $1`, [org])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    const ids = schoolIds.map((s) => schoolAccountabilityWorkflowId(org, YEAR, s));
    const startedAt2 = new Date();

    const started = await stack.call('POST', '/api/accountability-cycles', {
      token,
      body: { accountingYear: YEAR },
    });
    expect(started.status).toBe(201);
    // The worker goes away while the cycle fans out, and a new one takes over.
    await stack.stopWorker();
    await new Promise((r) => setTimeout(r, 500));
    await stack.startWorker();

    await eventually(
      'the fan-out',
      async () =>
        (
          (await stack.ds.query(`SELECT status FROM cycle WHERE organisation_id = $1`, [org])) as {
            status: string;
          }[]
        )[0]?.status === 'running' || undefined,
      60_000,
    );
    const [settings] = (await stack.ds.query(
      `SELECT schools, started + already_started AS covered FROM accountability_cycle WHERE organisation_id = $1`,
      [org],
    )) as { schools: number; covered: number }[];
    expect(settings).toEqual({ schools: 60, covered: 60 });
    // The SWV's offsets, not the default 14, 7 and 1: in the cycle's settings and in the input
    // of every school's workflow (read from its first history event: a sleeping workflow
    // answers no Query; the history holds it encrypted, so through the codec).
    const codec = new AesGcmPayloadCodec(stack.payloadKeyRing);
    const [policy] = (await stack.ds.query(
      `SELECT reminder_policy FROM accountability_cycle WHERE organisation_id = $1`,
      [org],
    )) as { reminder_policy: { offsetsBusinessDays: number[] } }[];
    expect(policy!.reminder_policy.offsetsBusinessDays).toEqual([20, 10, 3]);
    for (const id of [ids[0]!, ids.at(-1)!]) {
      const history = await stack.env.client.workflow.getHandle(id).fetchHistory();
      const [payload] = await codec.decode([
        history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!,
      ]);
      const input = defaultPayloadConverter.fromPayload<{
        reminderPolicy: { offsetsBusinessDays: number[] };
      }>(payload as Parameters<typeof defaultPayloadConverter.fromPayload>[0]);
      expect(input.reminderPolicy.offsetsBusinessDays).toEqual([20, 10, 3]);
    }

    // One workflow execution per school, each at its invitation step.
    const executions = new Map<string, number>();
    for await (const w of stack.env.client.workflow.list({
      query: `WorkflowType = 'schoolAccountabilityWorkflow'`,
    })) {
      if (w.workflowId.startsWith(`accountability:${org}:`)) {
        executions.set(w.workflowId, (executions.get(w.workflowId) ?? 0) + 1);
      }
    }
    expect([...executions.keys()].sort()).toEqual([...ids].sort());
    expect([...executions.values()].every((n) => n === 1)).toBe(true);
    // One 'started' audit event per school.
    const audit = (await stack.ds.query(
      `SELECT workflow_id, count(*)::int AS n FROM audit_event
        WHERE organisation_id = $1 AND action = 'started' GROUP BY workflow_id`,
      [org],
    )) as { workflow_id: string; n: number }[];
    expect(audit.map((a) => a.workflow_id).sort()).toEqual([...ids].sort());
    expect(audit.every((a) => a.n === 1)).toBe(true);

    const due = nextBusinessMoment(startedAt2);
    const invitations = () =>
      stack.smtp.messages.filter(
        (m) =>
          m.to.some((a) => a.endsWith('@herstart.example') && a.startsWith('contact-')) &&
          m.subject.includes('Verantwoording 2026: inleveren'),
      );
    if (due.getTime() <= Date.now()) {
      // In business hours: every contact gets exactly one invitation.
      await stack.smtp.waitFor(() => invitations().length >= 60, 60_000);
      await new Promise((r) => setTimeout(r, 1_000));
      const recipients = invitations().flatMap((m) => m.to);
      expect(new Set(recipients).size).toBe(60);
      expect(recipients).toHaveLength(60);
    } else {
      // Outside business hours: nobody is mailed now; every school sleeps until the same morning.
      for (const id of ids) await expectAsleepUntil(stack.env.client.workflow.getHandle(id), due);
      expect(invitations()).toEqual([]);
    }
  }, 120_000);
});
