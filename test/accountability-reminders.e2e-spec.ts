import {
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  DEFAULT_BUSINESS_HOURS,
  addBusinessDays,
  amsterdamDate,
  amsterdamInstant,
  amsterdamParts,
  isBusinessDay,
  nextBusinessMoment,
  schoolCalendar,
  type SchoolRegion,
} from '@jaarcyclus/domain';
import { OutboxService } from '@jaarcyclus/mail';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { CapturedMail, SmtpCapture } from '@jaarcyclus/testing';
import {
  accountabilityWorkflowId,
  getAccountabilityCycleQuery,
  schoolAccountabilityWorkflowId,
  type AccountabilityCycleStatus,
} from '@jaarcyclus/workflows';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import {
  MAIL_FROM,
  PUBLIC_URL,
  startTimeSkippingStack,
  type TimeSkippingStack,
} from './support/time-skipping-stack';
import { figures } from './support/accountability-figures';

/**
 * The reminders before the deadline, sent by the accountability cycle for all its schools
 * (patch `accountability-reminders-by-cycle`; docs/design/reminder-sweep.md), end to end: the
 * real api starts the cycle and takes the schools' drafts and submissions, the real workflows
 * and worker activities run on Temporal's time-skipping test server, with a real PostgreSQL and
 * a real SMTP server. Workflow time is moved with env.sleep; the test server starts at the real
 * current time, so the cycle gets a deadline six business days (school calendar of the SWV's
 * region) after its first business moment, with reminders 4 and 2 business days before it: it
 * runs the same at any hour and date.
 *
 * The demo SWV 'stadsring' (27 regular schools, 5 with a contact, all Dutch-speaking) gets an
 * English-speaking second contact at one school and an inactive contact at another. Before the
 * first reminder one school submits and one saves a draft; a minute before the second reminder another
 * school submits. Checked: every active contact of every school that still owes its figures at
 * a moment gets exactly one reminder for it (counted at the SMTP server by Message-ID and in the
 * outbox), in their language, linking to their own task; nobody else gets one; the office's mail
 * history lists them; the cycle completes after its last moment with one 'reminder_sent' audit
 * event per reminded school and moment.
 */
const YEAR = 2026;
const ORG_NAME = 'Samenwerkingsverband VO Stadsring';
/** Business days before the deadline on which the cycle reminds (the api's field). */
const OFFSETS = [4, 2];
/** Business days from the cycle's first business moment to its deadline's date. */
const DEADLINE_AFTER_BUSINESS_DAYS = 6;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Workflow time per step while the invitations are due. */
const STEP_MS = 10 * MINUTE;
const EN_CONTACT = 'care@vakcollege-noorderhaven.example';
const INACTIVE_CONTACT = 'oud-zorg@sint-ludgercollege.example';
const TASK_LINK = new RegExp(`${PUBLIC_URL}/app/tasks/([0-9a-f-]{36})`);

interface Contact {
  id: string;
  email: string;
  name: string;
  locale: 'nl' | 'en';
  active: boolean;
  schoolId: string;
}

describe('accountability reminders sent by the cycle (e2e, time-skipping)', () => {
  let stack: TimeSkippingStack;
  let smtp: SmtpCapture;
  let ds: DataSource;
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    stack = await startTimeSkippingStack('reminders');
    ({ smtp, ds, env } = stack);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  }, 60_000);

  const call: TimeSkippingStack['call'] = (...args) => stack.call(...args);
  const sessionFor = (personId: string) => stack.sessionFor(personId);
  const realPause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('the cycle reminds the schools that have not submitted, on time, once each', async () => {
    const startedReal = Date.now();
    const [org] = (await ds.query(
      `SELECT id, region FROM organisation WHERE slug = 'stadsring'`,
    )) as { id: string; region: SchoolRegion }[];
    const orgId = org!.id;
    const calendar = schoolCalendar(org!.region);
    const schools = (await ds.query(
      `SELECT id, name, board_id FROM school WHERE organisation_id = $1 AND kind = 'regular' ORDER BY name`,
      [orgId],
    )) as { id: string; name: string; board_id: string }[];
    expect(schools).toHaveLength(27);
    const school = (name: string) => schools.find((s) => s.name === name)!;
    const [otherSwvSchool] = (await ds.query(
      `SELECT s.id FROM school s JOIN organisation o ON o.id = s.organisation_id
        WHERE o.slug = 'rijnoever' LIMIT 1`,
    )) as { id: string }[];
    expect(otherSwvSchool).toBeDefined();

    // A second, English-speaking contact at Vakcollege Noorderhaven, and a contact who left
    // Sint-Ludgercollege (inactive): the demo's contacts are all Dutch-speaking and active.
    for (const [schoolName, email, name, locale, active] of [
      ['Vakcollege Noorderhaven', EN_CONTACT, 'Emma Clarke', 'en', true],
      ['Sint-Ludgercollege', INACTIVE_CONTACT, 'Oud Zorgcoördinator', 'nl', false],
    ] as const) {
      await ds.query(
        `INSERT INTO person (organisation_id, email, name, locale, roles, school_id, board_id, active)
         VALUES ($1, $2, $3, $4, ARRAY['school_contact'], $5, $6, $7)`,
        [orgId, email, name, locale, school(schoolName).id, school(schoolName).board_id, active],
      );
    }
    const contacts = (
      (await ds.query(
        `SELECT id, email, name, locale, active, school_id FROM person
          WHERE organisation_id = $1 AND 'school_contact' = ANY(roles) AND school_id = ANY($2::uuid[])`,
        [orgId, schools.map((s) => s.id)],
      )) as (Omit<Contact, 'schoolId'> & { school_id: string })[]
    ).map(({ school_id, ...c }) => ({ ...c, schoolId: school_id }));
    const activeContacts = contacts.filter((c) => c.active);
    expect(activeContacts).toHaveLength(6);
    expect(new Set(activeContacts.map((c) => c.locale))).toEqual(new Set(['nl', 'en']));
    const contactsOf = (schoolName: string) =>
      activeContacts.filter((c) => c.schoolId === school(schoolName).id);
    const contactByEmail = (email: string) => contacts.find((c) => c.email === email)!;
    const wfOf = (schoolId: string) => schoolAccountabilityWorkflowId(orgId, YEAR, schoolId);

    const [secretariat] = (await ds.query(`SELECT id FROM person WHERE email = $1`, [
      DEMO_EMAILS.stadsring.secretariat,
    ])) as { id: string }[];
    const secretariatToken = await sessionFor(secretariat!.id);

    // Deadline: six business days (school calendar) after the cycle's first business moment,
    // at the end of that day; reminders 4 and 2 business days before it, at the policy's hour.
    const startedAt = new Date(await env.currentTimeMs());
    const firstDay = amsterdamDate(nextBusinessMoment(startedAt, DEFAULT_BUSINESS_HOURS, calendar));
    const deadlineDay = addBusinessDays(firstDay, DEADLINE_AFTER_BUSINESS_DAYS, calendar);
    const deadline = new Date(amsterdamInstant(deadlineDay, 23, 59).getTime() + 59_999);
    const expectedMoments = OFFSETS.map((offset) =>
      amsterdamInstant(
        addBusinessDays(deadlineDay, -offset, calendar),
        DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.sendHour,
      ).toISOString(),
    );

    // 1. The secretariat starts the cycle through the api.
    const start = await call('POST', '/api/accountability-cycles', secretariatToken, {
      accountingYear: YEAR,
      deadline: deadline.toISOString(),
      reminderOffsetsBusinessDays: OFFSETS,
    });
    expect(start.status).toBe(201);
    expect(start.body).toMatchObject({
      created: true,
      accountingYear: YEAR,
      deadline: deadline.toISOString(),
      schools: 27,
    });
    const workflowId = accountabilityWorkflowId(orgId, YEAR);
    expect(start.body.workflowId).toBe(workflowId);
    const cycle = env.client.workflow.getHandle(workflowId);
    const cycleStatus = () => cycle.query(getAccountabilityCycleQuery);

    // Until the fan-out is done and the cycle lists its reminder moments, in small steps.
    let status: AccountabilityCycleStatus | null = null;
    for (let i = 0; i < 120; i += 1) {
      status = await cycleStatus().catch(() => null);
      if (status?.phase === 'running' && status.reminders) break;
      await env.sleep(1_000);
    }
    expect(status).toMatchObject({ phase: 'running', schools: 27, started: 27 });
    expect(status!.deadline).toBe(deadline.toISOString());
    const moments = status!.reminders!;
    expect(moments.map((r) => r.at)).toEqual(expectedMoments);
    expect(moments.map((r) => r.step)).toEqual(
      expectedMoments.map((at) => `reminder-d1-${amsterdamDate(new Date(at))}`),
    );
    expect(moments.every((r) => !r.done)).toBe(true);
    for (const { at } of moments) {
      const parts = amsterdamParts(new Date(at));
      expect(isBusinessDay(parts.date)).toBe(true);
      expect(isBusinessDay(parts.date, calendar)).toBe(true);
      expect(parts.hour).toBeGreaterThanOrEqual(8);
      expect(parts.hour).toBeLessThan(18);
    }

    // Workflow time, moved in steps; `until` checks after each step (and for a moment in real
    // time, while activities the step set off may still be running).
    let workflowNow = await env.currentTimeMs();
    /** To `ms` of workflow time, an hour at a time (each step runs what falls due in it). */
    const advanceTo = async (ms: number) => {
      while (workflowNow < ms) {
        await env.sleep(Math.min(HOUR, ms - workflowNow));
        workflowNow = await env.currentTimeMs();
      }
    };
    /** Steps of `stepMs` until `done` (polled for a second of real time after each step). */
    const until = async (
      what: string,
      done: () => Promise<boolean>,
      stepMs: number,
      limitMs: number,
    ) => {
      for (;;) {
        for (let poll = 0; poll < 20; poll += 1) {
          if (await done()) return;
          await realPause(50);
        }
        if (workflowNow >= limitMs) throw new Error(`no ${what} by ${new Date(limitMs)}`);
        await advanceTo(Math.min(workflowNow + stepMs, limitMs));
      }
    };
    const outbox = async (pattern: string) =>
      (await ds.query(
        `SELECT idempotency_key, status, to_address, subject, text_body FROM outbox_message
          WHERE organisation_id = $1 AND idempotency_key LIKE $2 ORDER BY idempotency_key`,
        [orgId, pattern],
      )) as {
        idempotency_key: string;
        status: string;
        to_address: string;
        subject: string;
        text_body: string;
      }[];
    const schoolsPattern = `${wfOf('')}%`;
    const reminderRows = () => outbox(`${schoolsPattern}:reminder-%`);

    // 2. The invitations: sent by the fan-out when its clock (the worker's: this process's
    // real clock) said business hours, else by each school workflow, woken from its start
    // delay, at the next business moment; never before it. Every active contact, once.
    const invitations = () => outbox(`${schoolsPattern}:invitation:%`);
    const invitedByFanOut = (await invitations()).length > 0;
    const invitedAt = invitedByFanOut
      ? new Date(workflowNow)
      : nextBusinessMoment(
          new Date(Math.max(workflowNow, Date.now())),
          DEFAULT_BUSINESS_HOURS,
          calendar,
        );
    await advanceTo(invitedAt.getTime() - 30 * MINUTE);
    if (!invitedByFanOut) expect(await invitations()).toEqual([]);
    const invitationKeys = activeContacts
      .map((c) => `${wfOf(c.schoolId)}:invitation:${c.id}`)
      .sort();
    await until(
      'invitations',
      async () => {
        const rows = await invitations();
        return rows.length === invitationKeys.length && rows.every((r) => r.status === 'sent');
      },
      STEP_MS,
      invitedAt.getTime() + 3 * HOUR,
    );
    expect((await invitations()).map((r) => r.idempotency_key)).toEqual(invitationKeys);
    expect(workflowNow).toBeLessThan(Date.parse(moments[0]!.at) - HOUR);
    expect(await reminderRows()).toEqual([]);

    // The school's status row, which the sweep reads: written by the school workflow (its
    // recordStatus activity) after the api has answered. Real milliseconds until it shows.
    const statusOf = async (schoolId: string) =>
      (
        (await ds.query(
          `SELECT status FROM school_accountability WHERE school_id = $1 AND accounting_year = $2`,
          [schoolId, YEAR],
        )) as { status: string }[]
      )[0]?.status;
    const statusRowWithin = async (schoolId: string, wanted: string): Promise<number> => {
      const from = Date.now();
      for (let n = 0; n < 250 && (await statusOf(schoolId)) !== wanted; n += 1) {
        await realPause(20);
      }
      expect(await statusOf(schoolId)).toBe(wanted);
      return Date.now() - from;
    };

    // Before the first reminder: Stadsring College submits, Hunzeborg College saves a draft.
    const femke = contactByEmail(DEMO_EMAILS.stadsring.schoolContact);
    const submitted = await call(
      'POST',
      `/api/accountability-cycles/${YEAR}/schools/${femke.schoolId}/submissions`,
      await sessionFor(femke.id),
      figures('58.000,00', '100.000,00', '100000'),
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 1 });
    const statusLagMs = [await statusRowWithin(femke.schoolId, 'submitted')];
    const marieke = contactByEmail('zorg@hunzeborg-college.example');
    const draft = await call(
      'PUT',
      `/api/accountability-cycles/${YEAR}/schools/${marieke.schoolId}/draft`,
      await sessionFor(marieke.id),
      { income: [{ lineKey: 'swv_vast_bedrag', amount: '54.000,00' }] },
    );
    expect(draft.status).toBe(200);
    await statusRowWithin(marieke.schoolId, 'draft');

    // 3. Through each reminder moment: nothing a minute before it, every reminder of it at the
    // SMTP server a minute after. A minute before the second, Sint-Ludgercollege submits.
    const koen = contactByEmail('zorg@sint-ludgercollege.example');
    const owingAt: string[][] = [
      [
        'Hunzeborg College',
        'Vakcollege Noorderhaven',
        'Sint-Ludgercollege',
        'Praktijkschool De Wierde',
      ],
      ['Hunzeborg College', 'Vakcollege Noorderhaven', 'Praktijkschool De Wierde'],
    ];
    // Every active contact of every school that owes its figures at a moment, once for it.
    const expected = new Map<string, Contact>();
    moments.forEach((moment, i) => {
      for (const name of owingAt[i]!) {
        for (const c of contactsOf(name)) {
          expected.set(`${wfOf(c.schoolId)}:${moment.step}:${c.id}`, c);
        }
      }
    });
    expect(expected.size).toBe(5 + 4);
    const ids = new OutboxService(
      ds,
      { send: async () => undefined, close: () => undefined },
      MAIL_FROM,
    );
    const keyOf = new Map([...expected.keys()].map((k) => [ids.messageIdFor(k), k]));
    const messageId = (m: CapturedMail) => String(m.headers.get('message-id') ?? '');
    const receivedFor = (step: string) =>
      smtp.messages.filter((m) => keyOf.get(messageId(m))?.includes(`:${step}:`));
    const handledAfterMs: number[] = [];
    for (const [i, moment] of moments.entries()) {
      const at = Date.parse(moment.at);
      await advanceTo(at - MINUTE);
      await realPause(200);
      expect(workflowNow).toBeLessThan(at);
      expect((await cycleStatus()).reminders![i]!.done).toBe(false);
      expect(await outbox(`${schoolsPattern}:${moment.step}:%`)).toEqual([]);
      expect(receivedFor(moment.step)).toEqual([]);
      if (i === 1) {
        // Sint-Ludgercollege submits while its status row cannot be written (a trigger that
        // refuses the update stands in for a slow or failing status write of the school
        // workflow, which retries): the api has answered, the row still says 'not_started' a minute
        // later, when the moment comes, and the school must not be reminded at it.
        await ds.query(
          `CREATE FUNCTION e2e_refuse_status_write() RETURNS trigger LANGUAGE plpgsql AS
             $$ BEGIN RAISE EXCEPTION 'status write held back by the test'; END $$`,
        );
        await ds.query(
          `CREATE TRIGGER e2e_refuse_status_write BEFORE UPDATE ON school_accountability
             FOR EACH ROW WHEN (OLD.school_id = '${koen.schoolId}'::uuid)
             EXECUTE FUNCTION e2e_refuse_status_write()`,
        );
        const late = await call(
          'POST',
          `/api/accountability-cycles/${YEAR}/schools/${koen.schoolId}/submissions`,
          await sessionFor(koen.id),
          figures('49.000,00', '100.000,00', '100000'),
        );
        expect(late.status).toBe(201);
        await realPause(500);
        expect(await statusOf(koen.schoolId)).toBe('not_started');
      }
      await until(
        `the reminders of ${moment.at}`,
        async () => (await cycleStatus().catch(() => null))?.reminders?.[i]?.done === true,
        MINUTE,
        at + 3 * HOUR,
      );
      handledAfterMs.push((await env.currentTimeMs()) - at);
      expect(receivedFor(moment.step)).toHaveLength(
        [...expected.keys()].filter((k) => k.includes(`:${moment.step}:`)).length,
      );
    }
    // The status write goes through at its next retry once the trigger is gone.
    await ds.query(`DROP TRIGGER e2e_refuse_status_write ON school_accountability`);
    await ds.query(`DROP FUNCTION e2e_refuse_status_write()`);
    await until(
      'the held-back status write',
      async () => (await statusOf(koen.schoolId)) === 'submitted',
      MINUTE,
      workflowNow + HOUR,
    );
    // On time: handled in the minute after the moment (workflow time), never before it.
    for (const ms of handledAfterMs) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(2 * MINUTE);
    }

    // 4. Counted in the outbox: exactly the expected reminders, all sent, to their addressees.
    const rows = await reminderRows();
    expect(rows.map((r) => r.idempotency_key)).toEqual([...expected.keys()].sort());
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    for (const r of rows) expect(r.to_address).toBe(expected.get(r.idempotency_key)!.email);

    // Counted at the SMTP server by Message-ID: each reminder exactly once, to its addressee,
    // and no other reminder at all (not to the schools that had submitted, nor to the inactive
    // contact).
    const received = smtp.messages.filter((m) => keyOf.has(messageId(m)));
    expect(received).toHaveLength(expected.size);
    expect(new Set(received.map(messageId)).size).toBe(expected.size);
    const allReminders = smtp.messages.filter((m) => /herinnering|reminder/i.test(m.subject));
    expect(allReminders).toHaveLength(expected.size);
    expect(smtp.to(INACTIVE_CONTACT)).toEqual([]);
    expect(smtp.to(femke.email).filter((m) => /herinnering|reminder/i.test(m.subject))).toEqual([]);
    expect(
      smtp
        .to(koen.email)
        .filter((m) => /herinnering|reminder/i.test(m.subject))
        .map(messageId),
    ).toEqual([ids.messageIdFor(`${wfOf(koen.schoolId)}:${moments[0]!.step}:${koen.id}`)]);

    // In the contact's language, naming the school, linking to their own submit task of the
    // school's workflow.
    const taskOf = new Map<string, string>();
    for (const m of received) {
      const key = keyOf.get(messageId(m))!;
      const c = expected.get(key)!;
      const schoolName = schools.find((s) => s.id === c.schoolId)!.name;
      expect(m.to).toEqual([c.email]);
      if (c.locale === 'en') {
        expect(m.subject).toMatch(
          new RegExp(
            `^\\[${ORG_NAME}\\] Accountability ${YEAR}: reminder, due .+ – ${schoolName}$`,
          ),
        );
        expect(m.text).toContain(
          `has not yet received the accountability ${YEAR} of ${schoolName}`,
        );
        expect(m.text).toContain('Fill in the accountability');
        expect(m.text).not.toMatch(/herinnering|Verantwoording invullen/);
      } else {
        expect(m.subject).toMatch(
          new RegExp(
            `^\\[${ORG_NAME}\\] Verantwoording ${YEAR}: herinnering, inleveren vóór .+ – ${schoolName}$`,
          ),
        );
        expect(m.text).toContain(
          `heeft de verantwoording ${YEAR} van ${schoolName} nog niet ontvangen`,
        );
        expect(m.text).toContain('Verantwoording invullen');
        expect(m.text).not.toMatch(/reminder|Fill in the accountability/i);
      }
      const taskId = TASK_LINK.exec(m.text)?.[1];
      expect(taskId).toBeDefined();
      const task = (await ds.query(
        `SELECT person_id, workflow_id, kind, status FROM task WHERE id = $1`,
        [taskId],
      )) as { person_id: string; workflow_id: string; kind: string; status: string }[];
      // Still open, but for Sint-Ludgercollege's, done since it submitted after the first moment.
      expect(task).toEqual([
        {
          person_id: c.id,
          workflow_id: wfOf(c.schoolId),
          kind: 'submit',
          status: c.schoolId === koen.schoolId ? 'done' : 'open',
        },
      ]);
      // The same task at every moment.
      expect(taskOf.get(c.id) ?? taskId).toBe(taskId);
      taskOf.set(c.id, taskId!);
    }
    // Five contacts reminded: their own task each.
    expect(taskOf.size).toBe(5);
    expect(new Set(taskOf.values()).size).toBe(5);

    // 5. The office's page: the mail history of a reminded school lists its reminders, per
    // moment one per active contact, sent; the school that submitted in time has none; a school
    // of another SWV is not found.
    const vakcollege = school('Vakcollege Noorderhaven').id;
    const history = await call(
      'GET',
      `/api/accountability-cycles/${YEAR}/schools/${vakcollege}/mails`,
      secretariatToken,
    );
    expect(history.status).toBe(200);
    const listed = (history.body as { step: string; status: string; recipientName: string }[])
      .filter((h) => h.step.startsWith('reminder-'))
      .map((h) => `${h.step}|${h.status}|${h.recipientName}`)
      .sort();
    expect(listed).toEqual(
      moments
        .flatMap((m) =>
          contactsOf('Vakcollege Noorderhaven').map((c) => `${m.step}|sent|${c.name}`),
        )
        .sort(),
    );
    const inTime = await call(
      'GET',
      `/api/accountability-cycles/${YEAR}/schools/${femke.schoolId}/mails`,
      secretariatToken,
    );
    expect(inTime.status).toBe(200);
    expect(
      (inTime.body as { step: string }[]).filter((h) => h.step.startsWith('reminder-')),
    ).toEqual([]);
    expect((inTime.body as { step: string }[]).some((h) => h.step === 'invitation')).toBe(true);
    const foreign = await call(
      'GET',
      `/api/accountability-cycles/${YEAR}/schools/${otherSwvSchool!.id}/mails`,
      secretariatToken,
    );
    expect(foreign.status).toBe(404);

    // 6. After its last moment the cycle has completed, every moment handled.
    let description = await cycle.describe();
    for (let i = 0; i < 50 && description.status.name === 'RUNNING'; i += 1) {
      await realPause(100);
      description = await cycle.describe();
    }
    expect(description.status.name).toBe('COMPLETED');
    const final = await cycleStatus();
    expect(final.reminders!.map((r) => ({ at: r.at, done: r.done }))).toEqual(
      expectedMoments.map((at) => ({ at, done: true })),
    );

    // One 'reminder_sent' audit event per reminded school and moment, at the moment, naming
    // the school's active contacts; the schools without a contact recorded as such.
    const audit = (await ds.query(
      `SELECT workflow_id, payload->>'idempotencyKey' AS idempotency_key, occurred_at, payload FROM audit_event
        WHERE organisation_id = $1 AND action = 'reminder_sent' AND workflow_id LIKE $2
        ORDER BY occurred_at, workflow_id`,
      [orgId, schoolsPattern],
    )) as {
      workflow_id: string;
      idempotency_key: string;
      occurred_at: Date;
      payload: { recipients: string[]; schoolId: string; status: string };
    }[];
    const expectedAudit = moments.flatMap((moment, i) =>
      owingAt[i]!.map((name) => school(name).id)
        .sort((a, b) => wfOf(a).localeCompare(wfOf(b)))
        .map((schoolId) => ({
          workflow_id: wfOf(schoolId),
          idempotency_key: `${wfOf(schoolId)}:${moment.step}:${schoolId}`,
          occurred_at: new Date(moment.at).toISOString(),
          recipients: activeContacts
            .filter((c) => c.schoolId === schoolId)
            .map((c) => c.id)
            .sort(),
          status: schoolId === marieke.schoolId ? 'draft' : 'not_started',
        })),
    );
    expect(
      audit
        .map((a) => ({
          workflow_id: a.workflow_id,
          idempotency_key: a.idempotency_key,
          occurred_at: a.occurred_at.toISOString(),
          recipients: [...a.payload.recipients].sort(),
          status: a.payload.status,
        }))
        .sort((a, b) =>
          a.occurred_at === b.occurred_at
            ? a.workflow_id.localeCompare(b.workflow_id)
            : a.occurred_at.localeCompare(b.occurred_at),
        ),
    ).toEqual(expectedAudit);
    const withoutContacts = schools.filter((s) => contactsOf(s.name).length === 0);
    expect(withoutContacts).toHaveLength(22);
    for (const moment of moments) {
      const none = (await ds.query(
        `SELECT workflow_id FROM audit_event
          WHERE organisation_id = $1 AND action = 'no_recipients' AND workflow_id LIKE $2
            AND payload->>'step' = $3`,
        [orgId, schoolsPattern, moment.step],
      )) as { workflow_id: string }[];
      expect(none.map((n) => n.workflow_id).sort()).toEqual(
        withoutContacts.map((s) => wfOf(s.id)).sort(),
      );
    }

    console.info(
      `reminders by the cycle (e2e, time-skipping): moments ${moments.map((m) => m.at).join(', ')}; invitations by ${invitedByFanOut ? 'the fan-out' : 'the school workflows'} from ${invitedAt.toISOString()}, handled ${handledAfterMs.map((ms) => `${Math.round(ms / 1000)} s`).join(' and ')} after them (workflow time); ${received.length} reminders received, 0 duplicates; status rows 'submitted' ${statusLagMs.join(' and ')} ms after the api's 201; ${Math.round((Date.now() - startedReal) / 1000)} s`,
    );
  }, 300_000);
});
