import type { Client } from '@temporalio/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_ACCOUNTABILITY_FORMAT,
  type AccountabilitySubmissionFigures,
  formatEuro,
  reminderTimes,
  validateSubmission,
} from '@jaarcyclus/domain';
import { OutboxService, createSmtpTransport } from '@jaarcyclus/mail';
import {
  AccountabilityRepository,
  DEMO_EMAILS,
  DeductionRepository,
  createDataSource,
  seedDemoData,
} from '@jaarcyclus/persistence';
import { SmtpCapture, createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import {
  type AccountabilityActivities,
  accountabilityWorkflowId,
  schoolAccountabilityWorkflowId,
} from '@jaarcyclus/workflows';
import {
  type AccountabilityWorkerActivities,
  createAccountabilityActivities,
  INVITATIONS_PER_DELIVERY,
} from './accountability.activities';
import { createBudgetActivities } from './budget.activities';

const PUBLIC_URL = 'https://jaarcyclus.test';
const YEAR = 2026;
const DEADLINE = '2027-02-01T22:59:59.999Z';
/** Expected refusals are asserted, not logged. */
const quiet = new DefaultLogger('ERROR', () => undefined);

/** Runs an activity inside an activity context, as the worker would. */
function run<K extends keyof AccountabilityActivities>(
  acts: AccountabilityActivities,
  name: K,
  ...args: Parameters<AccountabilityActivities[K]>
): ReturnType<AccountabilityActivities[K]> {
  const fn = acts[name] as unknown as (...a: unknown[]) => Promise<unknown>;
  const result = new MockActivityEnvironment(undefined, { logger: quiet }).run<
    unknown[],
    unknown,
    typeof fn
  >(fn, ...(args as unknown[]));
  return result as ReturnType<AccountabilityActivities[K]>;
}

/** Figures as a school enters them, validated against the default format like the api does. */
function figures(variable: string, expenses: [string, string][]): AccountabilitySubmissionFigures {
  const result = validateSubmission(DEFAULT_ACCOUNTABILITY_FORMAT, {
    income: [
      { lineKey: 'swv_vast_bedrag', amount: '58.000,00' },
      { lineKey: 'swv_variabel_bedrag', amount: variable },
    ],
    expenses: expenses.map(([lineKey, amount]) => ({
      lineKey,
      amount,
      fte: lineKey === 'personeel_extra_ondersteuning' ? '1,5' : '',
    })),
    appendix: [
      { description: 'Ambulante begeleiding', fte: '1,0', targetGroup: 'Leerlingen met TOS' },
      { description: 'Reboundvoorziening', fte: '0,5', targetGroup: 'Onderbouw' },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** The input of one fan-out chunk of `schoolIds`, as the cycle workflow builds it. */
function fanOutInput(org: string, year: number, deadline: string, schoolIds: string[]) {
  const cycle = accountabilityWorkflowId(org, year);
  const school = {
    organisationId: org,
    accountingYear: year,
    cycleWorkflowId: cycle,
    deadline,
    reminderPolicy: { offsetsBusinessDays: [14, 7, 1], sendHour: 9 },
    maxOverdueReminders: 12,
    formatVersion: 1,
    lingerAfterFinalDays: 30,
    startedStatusRecorded: true,
  };
  const input = {
    taskQueue: 'jaarcyclus-cycles',
    cycle: {
      organisationId: org,
      workflowId: cycle,
      accountingYear: year,
      title: `Verantwoording ${year}`,
      status: 'fanning_out' as const,
      createdByPersonId: null,
      formatVersion: 1,
      deadline,
      schools: schoolIds.length,
      started: 0,
      alreadyStarted: 0,
    },
    school,
    schoolIds,
    concurrency: 2,
  };
  return { cycle, school, input };
}

interface StartCall {
  type: string;
  workflowId: string;
  args: { invitation?: unknown }[];
  options: Record<string, unknown>;
}

/** A fake Temporal client that records every start; ids for which `taken` holds were started before. */
function recordingClient(taken: (workflowId: string) => boolean = () => false): {
  starts: StartCall[];
  client: Client;
} {
  const starts: StartCall[] = [];
  const client = {
    withAbortSignal: <R>(_signal: AbortSignal, fn: () => Promise<R>) => fn(),
    workflow: {
      start: (type: string, options: { workflowId: string; args: { invitation?: unknown }[] }) => {
        starts.push({ type, workflowId: options.workflowId, args: options.args, options });
        if (taken(options.workflowId)) {
          const err = new Error('already started');
          err.name = 'WorkflowExecutionAlreadyStartedError';
          return Promise.reject(err);
        }
        return Promise.resolve({});
      },
    },
  } as unknown as Client;
  return { starts, client };
}

describe('accountability activities (PostgreSQL + SMTP)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let smtp: SmtpCapture;
  let budgetActs: ReturnType<typeof createBudgetActivities>;
  let acts: AccountabilityWorkerActivities;
  let orgId: string;
  let schoolId: string;
  let boardId: string;
  let contactId: string;
  let englishContactId: string;
  let secretariatId: string;
  let outbox: OutboxService;
  let cycleWf: string;
  let schoolWf: string;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await one<{ n: number }>(sql, params)).n;
  const personId = async (email: string): Promise<string> =>
    (await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [email])).id;

  const context = (step: string) => ({
    organisationId: orgId,
    workflowId: schoolWf,
    accountingYear: YEAR,
    schoolId,
    formatVersion: 1,
    idempotencyKeyPrefix: `${schoolWf}:${step}`,
    at: '2027-01-06T08:00:00.000Z',
  });

  const insertSubmission = async (f: AccountabilitySubmissionFigures): Promise<string> =>
    (
      await one<{ id: string }>(
        `INSERT INTO accountability_submission
           (organisation_id, school_id, accounting_year, cycle_workflow_id, format_version, status, figures, submitted_by_person_id)
         VALUES ($1, $2, $3, $4, 1, 'pending', $5, $6) RETURNING id`,
        [orgId, schoolId, YEAR, cycleWf, JSON.stringify(f), contactId],
      )
    ).id;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url, { logging: false }).initialize();
    await seedDemoData(ds);
    smtp = await new SmtpCapture().start();
    outbox = new OutboxService(
      ds,
      createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`),
      'Jaarcyclus <noreply@jaarcyclus.example>',
    );
    acts = createAccountabilityActivities({ dataSource: ds, outbox, publicUrl: `${PUBLIC_URL}/` });
    budgetActs = createBudgetActivities({ dataSource: ds, outbox, publicUrl: `${PUBLIC_URL}/` });
    orgId = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`)).id;
    const school = await one<{ id: string; board_id: string }>(
      `SELECT id, board_id FROM school WHERE organisation_id = $1 AND name = 'Stadsring College'`,
      [orgId],
    );
    schoolId = school.id;
    boardId = school.board_id;
    contactId = await personId(DEMO_EMAILS.stadsring.schoolContact);
    secretariatId = await personId(DEMO_EMAILS.stadsring.secretariat);
    // A second contact of the same school who reads English.
    englishContactId = (
      await one<{ id: string }>(
        `INSERT INTO person (organisation_id, email, name, locale, roles, board_id, school_id)
         VALUES ($1, 'care@stadsring-college.example', 'Sam Carter', 'en', '{school_contact}', $2, $3) RETURNING id`,
        [orgId, boardId, schoolId],
      )
    ).id;
    cycleWf = accountabilityWorkflowId(orgId, YEAR);
    schoolWf = schoolAccountabilityWorkflowId(orgId, YEAR, schoolId);
  });
  afterAll(async () => {
    await smtp?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  it('pins the format version once per cycle: the default becomes version 1, a later format does not move it', async () => {
    const pin = { organisationId: orgId, workflowId: cycleWf, accountingYear: YEAR };
    expect(await run(acts, 'pinFormatVersion', pin)).toBe(1);
    expect(await run(acts, 'pinFormatVersion', pin)).toBe(1);
    const stored = await one<{ n: number; income: unknown }>(
      `SELECT count(*)::int AS n, max(income_lines::text)::jsonb AS income FROM accountability_format WHERE organisation_id = $1`,
      [orgId],
    );
    expect(stored).toEqual({ n: 1, income: DEFAULT_ACCOUNTABILITY_FORMAT.incomeLines });

    await ds.query(
      `INSERT INTO accountability_format (organisation_id, version, income_lines, expense_lines, appendix)
       SELECT organisation_id, 2, income_lines, expense_lines, appendix FROM accountability_format
        WHERE organisation_id = $1 AND version = 1`,
      [orgId],
    );
    expect(await run(acts, 'pinFormatVersion', pin)).toBe(1);
    // Another cycle (next year) pins the tenant's latest version.
    const next = {
      ...pin,
      workflowId: accountabilityWorkflowId(orgId, YEAR + 1),
      accountingYear: YEAR + 1,
    };
    expect(await run(acts, 'pinFormatVersion', next)).toBe(2);
  });

  it('records the cycle read model and its pinned settings idempotently', async () => {
    const input = {
      organisationId: orgId,
      workflowId: cycleWf,
      accountingYear: YEAR,
      title: `Verantwoording ${YEAR}`,
      status: 'fanning_out' as const,
      createdByPersonId: secretariatId,
      formatVersion: 1,
      deadline: DEADLINE,
      schools: 2,
      started: 0,
      alreadyStarted: 0,
    };
    await run(acts, 'recordCycle', input);
    await run(acts, 'recordCycle', input);
    await run(acts, 'recordCycle', { ...input, status: 'running', started: 2 });
    expect(
      await ds.query(`SELECT kind, year, title, status FROM cycle WHERE workflow_id = $1`, [
        cycleWf,
      ]),
    ).toEqual([
      { kind: 'accountability', year: YEAR, title: 'Verantwoording 2026', status: 'running' },
    ]);
    const pinned = await one<Record<string, unknown>>(
      `SELECT format_version, deadline, schools, started, already_started FROM accountability_cycle WHERE workflow_id = $1`,
      [cycleWf],
    );
    expect(pinned).toEqual({
      format_version: 1,
      deadline: new Date(DEADLINE),
      schools: 2,
      started: 2,
      already_started: 0,
    });
  });

  it('loads who to address for a school: its active contacts, bestuurder, ECT member and the secretariat', async () => {
    const contacts = await run(acts, 'loadSchoolContacts', { organisationId: orgId, schoolId });
    const ect = await one<{ ect_member_person_id: string }>(
      `SELECT ect_member_person_id FROM school WHERE id = $1`,
      [schoolId],
    );
    expect(contacts).toEqual({
      schoolId,
      schoolName: 'Stadsring College',
      boardId,
      boardName: 'Stichting Openbaar Voortgezet Onderwijs Stadsring',
      contactPersonIds: expect.arrayContaining([contactId, englishContactId]),
      bestuurderPersonId: await personId(DEMO_EMAILS.stadsring.alvMember),
      ectMemberPersonId: ect.ect_member_person_id,
      secretariatPersonIds: [secretariatId],
    });
    expect(contacts.contactPersonIds).toHaveLength(2);
  });

  it('refuses an unknown school (or one of another SWV) as a non-retryable NOT_FOUND', async () => {
    const other = await one<{ id: string }>(
      `SELECT s.id FROM school s JOIN organisation o ON o.id = s.organisation_id WHERE o.slug = 'rijnoever' LIMIT 1`,
    );
    const err = await run(acts, 'loadSchoolContacts', {
      organisationId: orgId,
      schoolId: other.id,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
  });

  it('invites once: a submit task and a mail with its link per contact, in the contact’s language', async () => {
    const input = {
      ...context('invitation'),
      kind: 'invitation' as const,
      recipientPersonIds: [contactId, englishContactId],
      deadline: DEADLINE,
      daysLate: 0,
      task: { refKey: `accountability:${YEAR}:submit:v1`, dueAt: DEADLINE },
    };
    await run(acts, 'notifySchool', input);
    await run(acts, 'notifySchool', input); // a retry
    const tasks = (await ds.query(
      `SELECT id, person_id, kind, status, due_at, title FROM task WHERE workflow_id = $1 ORDER BY person_id`,
      [schoolWf],
    )) as {
      id: string;
      person_id: string;
      kind: string;
      status: string;
      due_at: Date;
      title: string;
    }[];
    expect(tasks).toHaveLength(2);
    for (const t of tasks) {
      expect(t).toMatchObject({
        kind: 'submit',
        status: 'open',
        due_at: new Date(DEADLINE),
        title: 'Verantwoording 2026 indienen: Stadsring College',
      });
    }
    await smtp.waitFor((m) => m.filter((x) => x.subject.includes('Stadsring College')).length >= 2);
    await run(acts, 'notifySchool', input); // and again, after delivery
    const nl = smtp.to(DEMO_EMAILS.stadsring.schoolContact);
    expect(nl).toHaveLength(1);
    const taskOf = (p: string) => tasks.find((t) => t.person_id === p)!.id;
    expect(nl[0]!.subject).toBe(
      '[Samenwerkingsverband VO Stadsring] Verantwoording 2026: inleveren uiterlijk 1 februari 2027 om 23:59 – Stadsring College',
    );
    expect(nl[0]!.text).toContain('Beste Femke de Boer,');
    expect(nl[0]!.text).toContain(`${PUBLIC_URL}/app/tasks/${taskOf(contactId)}`);
    expect(nl[0]!.text).toContain('namens Samenwerkingsverband VO Stadsring');
    expect(nl[0]!.html).toContain(`href="${PUBLIC_URL}/app/tasks/${taskOf(contactId)}"`);
    const en = smtp.to('care@stadsring-college.example');
    expect(en).toHaveLength(1);
    expect(en[0]!.subject).toContain('Accountability 2026: due 1 February 2027 at 23:59');
    expect(en[0]!.text).toContain(`${PUBLIC_URL}/app/tasks/${taskOf(englishContactId)}`);
    expect(en[0]!.text).toContain('on behalf of Samenwerkingsverband VO Stadsring');
  });

  it('reminds with a link to the open submit task, once per step', async () => {
    const input = {
      ...context('reminder-d1-2027-01-12'),
      kind: 'reminder' as const,
      recipientPersonIds: [contactId],
      deadline: DEADLINE,
      daysLate: 0,
    };
    await run(acts, 'notifySchool', input);
    await run(acts, 'notifySchool', input);
    await smtp.waitFor(() => smtp.to(DEMO_EMAILS.stadsring.schoolContact).length >= 2);
    const reminders = smtp
      .to(DEMO_EMAILS.stadsring.schoolContact)
      .filter((m) => m.subject.includes('herinnering'));
    expect(reminders).toHaveLength(1);
    const task = await one<{ id: string }>(
      `SELECT id FROM task WHERE workflow_id = $1 AND person_id = $2`,
      [schoolWf, contactId],
    );
    expect(reminders[0]!.text).toContain(`/app/tasks/${task.id}`);
  });

  it('reminds overdue in one step: every active contact of the school once, in their language; run twice, nobody gets it twice', async () => {
    const nlAddress = DEMO_EMAILS.stadsring.schoolContact;
    const enAddress = 'care@stadsring-college.example';
    const nlBefore = smtp.to(nlAddress).length;
    const enBefore = smtp.to(enAddress).length;
    const input = {
      ...context('overdue-1-2027-02-08'),
      kind: 'overdue' as const,
      deadline: DEADLINE,
      daysLate: 5,
    };
    const first = await run(acts, 'remindSchool', input);
    const again = await run(acts, 'remindSchool', input);
    expect([...first.recipientPersonIds].sort()).toEqual([contactId, englishContactId].sort());
    expect(again.recipientPersonIds).toEqual(first.recipientPersonIds);
    await smtp.waitFor(
      () => smtp.to(nlAddress).length > nlBefore && smtp.to(enAddress).length > enBefore,
    );
    const nl = smtp.to(nlAddress).slice(nlBefore);
    const en = smtp.to(enAddress).slice(enBefore);
    expect(nl).toHaveLength(1);
    expect(en).toHaveLength(1);
    expect(nl[0]!.subject).toContain('Verantwoording 2026');
    expect(nl[0]!.text).toContain('Beste Femke de Boer,');
    expect(en[0]!.subject).toContain('Accountability 2026');
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_message WHERE idempotency_key LIKE $1`, [
        `${schoolWf}:overdue-1-2027-02-08:%`,
      ]),
    ).toBe(2);
  });

  it('reminds nobody in one step when the school has no active contact, and returns no recipients', async () => {
    const lonely = await one<{ id: string }>(
      `INSERT INTO school (organisation_id, board_id, name, kind)
       VALUES ($1, $2, 'School zonder contactpersoon', 'regular') RETURNING id`,
      [orgId, boardId],
    );
    const lonelyWf = schoolAccountabilityWorkflowId(orgId, YEAR, lonely.id);
    const result = await run(acts, 'remindSchool', {
      ...context('reminder-d1-2027-01-12'),
      workflowId: lonelyWf,
      idempotencyKeyPrefix: `${lonelyWf}:reminder-d1-2027-01-12`,
      schoolId: lonely.id,
      kind: 'reminder' as const,
      deadline: DEADLINE,
      daysLate: 0,
    });
    expect(result.recipientPersonIds).toEqual([]);
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_message WHERE idempotency_key LIKE $1`, [
        `${lonelyWf}:%`,
      ]),
    ).toBe(0);
  });

  it('escalates a late school once to exactly the bestuurder and the ECT member', async () => {
    const ect = (
      await one<{ ect_member_person_id: string }>(
        `SELECT ect_member_person_id FROM school WHERE id = $1`,
        [schoolId],
      )
    ).ect_member_person_id;
    const bestuurder = await personId(DEMO_EMAILS.stadsring.alvMember);
    const input = {
      ...context('escalation-d1'),
      recipients: [
        { personId: bestuurder, role: 'bestuurder' as const },
        { personId: ect, role: 'ect_member' as const },
      ],
      deadline: DEADLINE,
      daysLate: 1,
    };
    await run(acts, 'escalateLate', input);
    await run(acts, 'escalateLate', input);
    const ectEmail = (await one<{ email: string }>(`SELECT email FROM person WHERE id = $1`, [ect]))
      .email;
    await smtp.waitFor(
      () => smtp.to(ectEmail).length >= 1 && smtp.to(DEMO_EMAILS.stadsring.alvMember).length >= 1,
    );
    const toBoard = smtp.to(DEMO_EMAILS.stadsring.alvMember);
    expect(toBoard).toHaveLength(1);
    expect(toBoard[0]!.subject).toBe(
      '[Samenwerkingsverband VO Stadsring] Verantwoording 2026 niet ingeleverd: Stadsring College',
    );
    expect(toBoard[0]!.text).toContain('1 dag te laat');
    expect(toBoard[0]!.text).toContain(
      'Als bestuurder van Stichting Openbaar Voortgezet Onderwijs Stadsring',
    );
    expect(smtp.to(ectEmail)).toHaveLength(1);
    expect(smtp.to(ectEmail)[0]!.text).toContain('Als ECT-lid van de school');
    // Both mails lead to the school's page under "Mijn scholen", which both may read.
    const schoolPage = `/app/my-schools/2026/schools/${schoolId}`;
    for (const mail of [smtp.to(ectEmail)[0]!, toBoard[0]!]) {
      expect(mail.html).toContain(schoolPage);
      expect(mail.text).toContain('Bekijk de verantwoording van de school');
    }
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_message WHERE idempotency_key LIKE $1`, [
        `${schoolWf}:escalation-d1:%`,
      ]),
    ).toBe(2);
  });

  it('asks the secretariat to review once: a review task and a mail with its link', async () => {
    const submissionId = await insertSubmission(
      figures('120.000,00', [
        ['personeel_extra_ondersteuning', '100000'],
        ['personeel_ondersteuningsteam', '40000'],
        ['materiele_kosten', '0'],
      ]),
    );
    const input = {
      ...context('submitted-v1'),
      reviewerPersonIds: [secretariatId],
      submissionId,
      version: 1,
      taskRefKey: `accountability:${YEAR}:review:v1`,
      daysLate: 3,
    };
    await run(acts, 'requestReview', input);
    await run(acts, 'requestReview', input);
    const tasks = (await ds.query(
      `SELECT id, title, payload FROM task WHERE workflow_id = $1 AND kind = 'review'`,
      [schoolWf],
    )) as { id: string; title: string; payload: Record<string, unknown> }[];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      title: 'Verantwoording 2026 beoordelen: Stadsring College (versie 1)',
      payload: { schoolId, submissionId, version: 1 },
    });
    await smtp.waitFor(() => smtp.to(DEMO_EMAILS.stadsring.secretariat).length >= 1);
    const mails = smtp.to(DEMO_EMAILS.stadsring.secretariat);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(
      'versie 1 van de verantwoording 2026 ingediend, 3 dagen te laat',
    );
    expect(mails[0]!.text).toContain(`${PUBLIC_URL}/app/tasks/${tasks[0]!.id}`);
  });

  it('completes, re-dates and cancels open tasks of one kind', async () => {
    await run(acts, 'updateAccountabilityTasks', {
      workflowId: schoolWf,
      kind: 'submit',
      dueAt: '2027-02-15T22:59:59.000Z',
      at: '2027-02-01T10:00:00.000Z',
    });
    await run(acts, 'updateAccountabilityTasks', {
      workflowId: schoolWf,
      kind: 'submit',
      status: 'done',
      at: '2027-02-03T10:00:00.000Z',
    });
    await run(acts, 'updateAccountabilityTasks', {
      workflowId: schoolWf,
      kind: 'submit',
      status: 'cancelled',
      at: '2027-02-04T10:00:00.000Z',
    });
    const submit = (await ds.query(
      `SELECT status, due_at, completed_at FROM task WHERE workflow_id = $1 AND kind = 'submit'`,
      [schoolWf],
    )) as { status: string; due_at: Date; completed_at: Date }[];
    expect(submit).toHaveLength(2);
    for (const t of submit) {
      expect(t).toEqual({
        status: 'done',
        due_at: new Date('2027-02-15T22:59:59.000Z'),
        completed_at: new Date('2027-02-03T10:00:00.000Z'),
      });
    }
    expect(
      await count(
        `SELECT count(*)::int AS n FROM task WHERE workflow_id = $1 AND kind = 'review' AND status = 'open'`,
        [schoolWf],
      ),
    ).toBe(1);
  });

  it('records status, submission and audit event in one transaction, each once', async () => {
    const submissionId = await insertSubmission(
      figures('1000', [
        ['personeel_extra_ondersteuning', '1'],
        ['personeel_ondersteuningsteam', '1'],
        ['materiele_kosten', '1'],
      ]),
    );
    const base = {
      organisationId: orgId,
      workflowId: schoolWf,
      cycleWorkflowId: cycleWf,
      accountingYear: YEAR,
      schoolId,
      formatVersion: 1,
      status: 'submitted' as const,
      version: 1,
      submissionId,
      deadline: DEADLINE,
      daysLate: 0,
      submittedAt: '2027-01-20T10:00:00.000Z',
      lateSince: null,
      submission: { submissionId, version: 1, status: 'submitted' as const },
      audit: {
        idempotencyKey: `${schoolWf}:status-2:${schoolId}`,
        action: 'submitted' as const,
        actorPersonId: contactId,
        occurredAt: '2027-01-20T10:00:00.000Z',
        payload: { submissionId },
      },
    };
    await run(acts, 'recordStatus', base);
    await run(acts, 'recordStatus', base);
    expect(
      await one(
        `SELECT status, version, current_submission_id, days_late, submitted_at FROM school_accountability WHERE workflow_id = $1`,
        [schoolWf],
      ),
    ).toEqual({
      status: 'submitted',
      version: 1,
      current_submission_id: submissionId,
      days_late: 0,
      submitted_at: new Date('2027-01-20T10:00:00.000Z'),
    });
    expect(
      await one(`SELECT status, version FROM accountability_submission WHERE id = $1`, [
        submissionId,
      ]),
    ).toEqual({
      status: 'submitted',
      version: 1,
    });
    const audit = (await ds.query(
      `SELECT action, actor_person_id, payload FROM audit_event WHERE workflow_id = $1`,
      [schoolWf],
    )) as { action: string; actor_person_id: string; payload: Record<string, unknown> }[];
    expect(audit).toEqual([
      {
        action: 'submitted',
        actor_person_id: contactId,
        payload: {
          submissionId,
          schoolId,
          status: 'submitted',
          idempotencyKey: base.audit.idempotencyKey,
        },
      },
    ]);

    // The return: a refused status write (not a status the database knows) leaves the
    // submission row and the audit log as they were.
    const returned = {
      ...base,
      submission: {
        submissionId,
        version: 1,
        status: 'returned' as const,
        reviewComments: 'Bijlage ontbreekt',
        reviewedByPersonId: secretariatId,
      },
      audit: {
        ...base.audit,
        idempotencyKey: `${schoolWf}:status-3:${schoolId}`,
        action: 'returned' as const,
        actorPersonId: secretariatId,
        occurredAt: '2027-01-22T09:00:00.000Z',
      },
    };
    await expect(
      run(acts, 'recordStatus', { ...returned, status: 'bogus' as 'returned' }),
    ).rejects.toThrow();
    expect(
      await one(`SELECT status, review_comments FROM accountability_submission WHERE id = $1`, [
        submissionId,
      ]),
    ).toEqual({
      status: 'submitted',
      review_comments: null,
    });
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_event WHERE workflow_id = $1`, [schoolWf]),
    ).toBe(1);

    await run(acts, 'recordStatus', { ...returned, status: 'returned' });
    expect(
      await one(
        `SELECT status, review_comments, reviewed_by_person_id, reviewed_at FROM accountability_submission WHERE id = $1`,
        [submissionId],
      ),
    ).toEqual({
      status: 'returned',
      review_comments: 'Bijlage ontbreekt',
      reviewed_by_person_id: secretariatId,
      reviewed_at: new Date('2027-01-22T09:00:00.000Z'),
    });
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_event WHERE workflow_id = $1`, [schoolWf]),
    ).toBe(2);
  });

  it('computes the underspending from the stored rows: fixed amount + reported variable amount − expenses', async () => {
    // Fixed € 58.000,00 (school row) + variable € 120.000,00 (reported) = € 178.000,00 received;
    // spent € 110.000,00 + € 40.000,00 + € 20.000,50 = € 170.000,50; underspending € 7.999,50.
    const submissionId = await insertSubmission(
      figures('120.000,00', [
        ['personeel_extra_ondersteuning', '110000'],
        ['personeel_ondersteuningsteam', '40.000,00'],
        ['materiele_kosten', '20000,50'],
      ]),
    );
    const input = {
      organisationId: orgId,
      accountingYear: YEAR,
      schoolId,
      submissionId,
      formatVersion: 1,
    };
    expect(await run(acts, 'computeUnderspending', input)).toEqual({
      receivedCents: 17_800_000,
      spentCents: 17_000_050,
      underspendingCents: 799_950,
    });

    // Spending more than received is the school's own choice: no negative deduction.
    const over = await insertSubmission(
      figures('10.000,00', [
        ['personeel_extra_ondersteuning', '60000'],
        ['personeel_ondersteuningsteam', '10000'],
        ['materiele_kosten', '0'],
      ]),
    );
    expect(await run(acts, 'computeUnderspending', { ...input, submissionId: over })).toEqual({
      receivedCents: 6_800_000,
      spentCents: 7_000_000,
      underspendingCents: 0,
    });

    const err = await run(acts, 'computeUnderspending', { ...input, schoolId: boardId }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
  });

  it('records a deduction once and hands it to the allocation letters of accounting year + 2', async () => {
    const submissionId = (
      await one<{ id: string }>(
        `SELECT id FROM accountability_submission WHERE school_id = $1 ORDER BY created_at LIMIT 1`,
        [schoolId],
      )
    ).id;
    const input = {
      idempotencyKey: `${schoolWf}:deduction:${schoolId}`,
      organisationId: orgId,
      schoolId,
      accountingYear: YEAR,
      allocationYear: YEAR + 2,
      amountCents: 799_950,
      reason: 'Onderbesteding verantwoording 2026',
      submissionId,
      at: '2027-02-10T10:00:00.000Z',
    };
    const first = await run(acts, 'recordDeduction', input);
    const again = await run(acts, 'recordDeduction', input);
    expect(first).toEqual({ deductionId: expect.any(String), created: true });
    expect(again).toEqual({ deductionId: first.deductionId, created: false });
    expect(
      await ds.query(
        `SELECT board_id, amount_cents, allocation_year FROM accountability_deduction WHERE organisation_id = $1`,
        [orgId],
      ),
    ).toEqual([{ board_id: boardId, amount_cents: '799950', allocation_year: 2028 }]);

    expect(await new DeductionRepository(ds).forAllocation(orgId, 2028)).toEqual([
      { schoolId, amountCents: 799_950, reason: 'Onderbesteding verantwoording 2026' },
    ]);
    expect(await new DeductionRepository(ds).forAllocation(orgId, 2027)).toEqual([]);

    // The 2028 allocation letter of the school's board shows the deduction and a total lowered by it.
    const letterInput = {
      organisationId: orgId,
      workflowId: `budget:${orgId}:2028`,
      round: 1,
      subject: 'Begroting 2028',
      idempotencyKeyPrefix: `budget:${orgId}:2028:r1:letter`,
      budgetYear: 2028,
      figures: {
        amountPerPupilCents: 100_00,
        equityCents: 25_000_000,
        turnoverCents: 1_000_000_000,
      },
      at: '2027-12-15T08:00:00.000Z',
    };
    const withDeduction = (await new MockActivityEnvironment(undefined, { logger: quiet }).run(
      budgetActs.sendAllocationLetters,
      letterInput,
    )) as { lettersSent: number };
    const [board] = (await ds.query(
      `SELECT pupil_count, bestuurder_person_id FROM school_board WHERE id = $1`,
      [boardId],
    )) as { pupil_count: number; bestuurder_person_id: string }[];
    const [fixed] = (await ds.query(
      `SELECT COALESCE(SUM(fixed_amount_cents), 0)::bigint AS sum FROM school WHERE board_id = $1 AND kind = 'regular'`,
      [boardId],
    )) as { sum: string }[];
    const [bestuurder] = (await ds.query(`SELECT email FROM person WHERE id = $1`, [
      board!.bestuurder_person_id,
    ])) as { email: string }[];
    await smtp.waitFor(() =>
      smtp.to(bestuurder!.email).some((m) => m.subject.includes('Toekenning middelen 2028')),
    );
    const letter = smtp
      .to(bestuurder!.email)
      .find((m) => m.subject.includes('Toekenning middelen 2028'))!;
    expect(letter.text).toContain('Verrekening (Onderbesteding verantwoording 2026)');
    expect(letter.text).toContain(formatEuro(-799_950));
    expect(letter.text).toContain(
      formatEuro(Number(fixed!.sum) + board!.pupil_count * 100_00 - 799_950),
    );
    expect(withDeduction.lettersSent).toBe(10);

    const zero = await run(acts, 'recordDeduction', {
      ...input,
      idempotencyKey: 'x',
      amountCents: 0,
    }).catch((e: unknown) => e);
    expect(zero).toMatchObject({ type: 'VALIDATION', nonRetryable: true });
  });

  it('fans out a chunk: the cycle and every school’s start written once, then one start per school; a retry resumes', async () => {
    // Another SWV, so the rows of the other tests stay apart.
    const org = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'rijnoever'`))
      .id;
    const schools = (
      (await ds.query(`SELECT id FROM school WHERE organisation_id = $1 ORDER BY name, id`, [
        org,
      ])) as { id: string }[]
    ).map((r) => r.id);
    expect(schools.length).toBeGreaterThanOrEqual(3);
    const wf = (s: string) => schoolAccountabilityWorkflowId(org, YEAR, s);
    const { cycle, school, input } = fanOutInput(org, YEAR, DEADLINE, schools);
    // The second school's id is taken (started before).
    const { starts, client } = recordingClient((id) => id === wf(schools[1]!));
    // Saturday 5 December 2026, 13:00 Amsterdam: outside business hours, nobody is invited now.
    const saturday = Date.parse('2026-12-05T12:00:00.000Z');
    const weekendActs = createAccountabilityActivities({
      dataSource: ds,
      outbox,
      publicUrl: PUBLIC_URL,
      now: () => saturday,
    });
    const fanOut = (heartbeatDetails?: unknown) =>
      new MockActivityEnvironment(heartbeatDetails === undefined ? {} : { heartbeatDetails }, {
        logger: quiet,
        client,
      }).run(weekendActs.startSchoolWorkflows, input);

    expect(await fanOut()).toEqual({ started: schools.length - 1, alreadyStarted: 1 });
    expect(starts.map((x) => x.workflowId).sort()).toEqual(schools.map(wf).sort());
    // Each school sleeps until five minutes before its invitation, Monday 7 December 08:00.
    expect(starts[0]).toMatchObject({
      type: 'schoolAccountabilityWorkflow',
      args: [{ ...school, schoolId: schools[0] }],
      options: {
        taskQueue: 'jaarcyclus-cycles',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        startDelay: Date.parse('2026-12-07T06:55:00.000Z') - saturday,
      },
    });
    expect(starts[0]!.options).not.toHaveProperty('requestEagerStart');
    expect(
      smtp.messages.filter(
        (m) =>
          m.subject.includes('Rijnoever') && m.subject.includes('Verantwoording 2026: inleveren'),
      ),
    ).toEqual([]);
    // The cycle's rows (missing before) and one status row and 'started' event per school.
    expect(
      await ds.query(`SELECT status, title FROM cycle WHERE workflow_id = $1`, [cycle]),
    ).toEqual([{ status: 'fanning_out', title: 'Verantwoording 2026' }]);
    const started = async () =>
      (await ds.query(
        `SELECT workflow_id, payload->>'idempotencyKey' AS key, payload->>'status' AS status
           FROM audit_event WHERE organisation_id = $1 AND action = 'started' ORDER BY workflow_id`,
        [org],
      )) as { workflow_id: string; key: string; status: string }[];
    expect(await started()).toEqual(
      schools
        .map((s) => ({ workflow_id: wf(s), key: `${wf(s)}:status-1:${s}`, status: 'not_started' }))
        .sort((a, b) => a.workflow_id.localeCompare(b.workflow_id)),
    );
    expect(
      await count(
        `SELECT count(*)::int AS n FROM school_accountability WHERE cycle_workflow_id = $1 AND status = 'not_started'`,
        [cycle],
      ),
    ).toBe(schools.length);

    // A school moves on (its own later write), the cycle is recorded as running; then the
    // chunk's activity runs again (a retry after a crash, resuming after its first school):
    // nothing written twice, nothing moved back, the first school not started again.
    await ds.query(`UPDATE school_accountability SET status = 'draft' WHERE workflow_id = $1`, [
      wf(schools[2]!),
    ]);
    await run(acts, 'recordCycle', { ...input.cycle, status: 'running', started: 2 });
    starts.length = 0;
    expect(await fanOut({ done: 1, started: 1, alreadyStarted: 0 })).toEqual({
      started: schools.length - 1,
      alreadyStarted: 1,
    });
    expect(starts.map((x) => x.workflowId)).not.toContain(wf(schools[0]!));
    expect(await started()).toHaveLength(schools.length);
    expect(
      await one(`SELECT status FROM school_accountability WHERE workflow_id = $1`, [
        wf(schools[2]!),
      ]),
    ).toEqual({ status: 'draft' });
    expect(await ds.query(`SELECT status FROM cycle WHERE workflow_id = $1`, [cycle])).toEqual([
      { status: 'running' },
    ]);
  });
  it('in business hours invites each school’s contacts itself, once, and starts the school asleep until its first reminder', async () => {
    const org = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'rijnoever'`))
      .id;
    const year = 2027;
    const deadline = '2028-02-01T22:59:59.999Z';
    const [withContact, withoutContact] = (await ds.query(
      `SELECT id, board_id FROM school WHERE organisation_id = $1 ORDER BY name, id LIMIT 2`,
      [org],
    )) as { id: string; board_id: string }[];
    const contact = (
      await one<{ id: string }>(
        `INSERT INTO person (organisation_id, email, name, locale, roles, board_id, school_id)
         VALUES ($1, 'intern@rijnoever-school.example', 'Ilse Verbeek', 'nl', '{school_contact}', $2, $3) RETURNING id`,
        [org, withContact!.board_id, withContact!.id],
      )
    ).id;
    const wf = (s: string) => schoolAccountabilityWorkflowId(org, year, s);
    const { school, input } = fanOutInput(org, year, deadline, [
      withContact!.id,
      withoutContact!.id,
    ]);
    const { starts, client } = recordingClient();
    // Monday 10 January 2028, 10:00 Amsterdam.
    const monday = Date.parse('2028-01-10T09:00:00.000Z');
    const officeActs = createAccountabilityActivities({
      dataSource: ds,
      outbox,
      publicUrl: PUBLIC_URL,
      now: () => monday,
    });
    const fanOut = () =>
      new MockActivityEnvironment({}, { logger: quiet, client }).run(
        officeActs.startSchoolWorkflows,
        input,
      );

    expect(await fanOut()).toEqual({ started: 2, alreadyStarted: 0 });
    const invited = (mails = smtp.messages) =>
      mails.filter(
        (m) =>
          m.to.includes('intern@rijnoever-school.example') &&
          m.subject.includes('Verantwoording 2027: inleveren'),
      );
    await smtp.waitFor((m) => invited(m).length === 1);
    const [mail] = invited();
    const task = await one<{ id: string; kind: string; ref_key: string; due_at: Date }>(
      `SELECT id, kind, ref_key, due_at FROM task WHERE workflow_id = $1 AND person_id = $2`,
      [wf(withContact!.id), contact],
    );
    expect(task).toMatchObject({ kind: 'submit', ref_key: 'accountability:2027:submit:v1' });
    expect(task.due_at.toISOString()).toBe(deadline);
    expect(mail!.text).toContain(`${PUBLIC_URL}/app/tasks/${task.id}`);

    const byId = new Map(starts.map((x) => [x.workflowId, x]));
    const invitedStart = byId.get(wf(withContact!.id))!;
    expect(invitedStart.args[0]!.invitation).toEqual({
      at: '2028-01-10T09:00:00.000Z',
      recipientPersonIds: [contact],
    });
    // Asleep until five minutes before its first reminder: 14 business days before 1 February
    // 2028 at 09:00, Tuesday 11 January... (the domain computes it; checked against it here).
    const firstReminder = reminderTimes(
      new Date(deadline),
      school.reminderPolicy,
      new Date(monday),
    )[0]!;
    expect(invitedStart.options.startDelay).toBe(firstReminder.getTime() - 5 * 60_000 - monday);
    // A school without a contact is left to its workflow, which starts at once.
    const other = byId.get(wf(withoutContact!.id))!;
    expect(other.args[0]!.invitation).toBeUndefined();
    expect(other.options).toMatchObject({ requestEagerStart: true });
    expect(other.options).not.toHaveProperty('startDelay');

    // A retry of the whole chunk sends nothing twice and keeps one task.
    await fanOut();
    await new Promise((r) => setTimeout(r, 300));
    expect(invited()).toHaveLength(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM task WHERE workflow_id = $1`, [
        wf(withContact!.id),
      ]),
    ).toBe(1);
  });

  it('in business hours invites a larger chunk in batches: every contact once, a refused address skipped without holding up the rest', async () => {
    const [org] = (await ds.query(
      `INSERT INTO organisation (slug, name, region, sector) VALUES ('batchstad', 'SWV Batchstad', 'midden', 'vo') RETURNING id`,
    )) as { id: string }[];
    const [board] = (await ds.query(
      `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'Stichting Batchstad', 4000) RETURNING id`,
      [org!.id],
    )) as { id: string }[];
    // More contacts than one delivery batch (INVITATIONS_PER_DELIVERY) holds.
    const n = INVITATIONS_PER_DELIVERY + 7;
    const schools = (await ds.query(
      `INSERT INTO school (organisation_id, board_id, name, kind)
       SELECT $1, $2, 'Batchschool ' || lpad(i::text, 2, '0'), 'regular' FROM generate_series(1, $3::int) AS i
       RETURNING id, name`,
      [org!.id, board!.id, n],
    )) as { id: string; name: string }[];
    await ds.query(
      `INSERT INTO person (organisation_id, email, name, roles, school_id)
       SELECT s.organisation_id, 'contact-' || lower(replace(s.name, ' ', '-')) || '@batchstad.example', 'Contact ' || s.name,
              '{school_contact}', s.id
         FROM school s WHERE s.organisation_id = $1`,
      [org!.id],
    );
    const refused = 'contact-batchschool-03@batchstad.example';
    smtp.refused.add(refused);
    const year = 2027;
    const { input } = fanOutInput(
      org!.id,
      year,
      '2028-02-01T22:59:59.999Z',
      schools.map((x) => x.id),
    );
    const { starts, client } = recordingClient();
    const officeActs = createAccountabilityActivities({
      dataSource: ds,
      outbox,
      publicUrl: PUBLIC_URL,
      now: () => Date.parse('2028-01-10T09:00:00.000Z'),
    });
    const fanOut = () =>
      new MockActivityEnvironment({}, { logger: quiet, client }).run(
        officeActs.startSchoolWorkflows,
        { ...input, concurrency: 8 },
      );
    const invitations = () =>
      smtp.messages.filter((m) => m.to.some((a) => a.endsWith('@batchstad.example')));

    expect(await fanOut()).toEqual({ started: n, alreadyStarted: 0 });

    expect(invitations()).toHaveLength(n - 1);
    expect(new Set(invitations().map((m) => m.to[0])).size).toBe(n - 1);
    expect(smtp.to(refused)).toHaveLength(0);
    expect(starts).toHaveLength(n);
    expect(starts.every((x) => x.args[0]!.invitation !== undefined)).toBe(true);
    const outboxRows = (await ds.query(
      `SELECT status, count(*)::int AS n FROM outbox_message WHERE to_address LIKE '%@batchstad.example' GROUP BY status ORDER BY status`,
    )) as { status: string; n: number }[];
    expect(outboxRows).toEqual([
      { status: 'failed', n: 1 },
      { status: 'sent', n: n - 1 },
    ]);

    // A retry sends none of them again.
    await fanOut();
    expect(invitations()).toHaveLength(n - 1);
  });

  describe('remindSchools: one reminder moment of a cycle, for all its schools', () => {
    /** The cycle's deadline as the cycle passes it: with an offset (the same moment as DEADLINE). */
    const CYCLE_DEADLINE = '2027-02-01T23:59:59.999+01:00';
    const EXTENDED = '2027-02-15T22:59:59.999Z';
    let org: string;
    let otherOrg: string;
    let cycle: string;
    let wf: (schoolId: string, year?: number) => string;
    /** Our cycle's schools by letter (see beforeAll). */
    const school: Record<string, string> = {};
    /** Contacts by first name. */
    const person: Record<string, string> = {};
    const address = (name: string) => `${name.toLowerCase()}@herinnerstad.example`;
    let annaTask: string;
    let carlaTask: string;
    let otherCycleWf: string;
    let otherOrgWf: string;

    const sweepInput = (step: string, at: string) => ({
      organisationId: org,
      cycleWorkflowId: cycle,
      accountingYear: YEAR,
      formatVersion: 1,
      deadline: CYCLE_DEADLINE,
      step,
      at,
    });
    /** One attempt of remindSchools with its heartbeats (resumed from `heartbeatDetails`). */
    const attempt = (
      a: AccountabilityWorkerActivities,
      input: ReturnType<typeof sweepInput>,
      heartbeatDetails?: unknown,
    ) => {
      const env = new MockActivityEnvironment(
        heartbeatDetails === undefined ? {} : { heartbeatDetails },
        { logger: quiet },
      );
      const beats: {
        after: string | null;
        reminded: number;
        withoutContacts: number;
        mails: number;
      }[] = [];
      env.on('heartbeat', (d: (typeof beats)[number]) => beats.push(d));
      const outcome = env.run(a.remindSchools, input);
      return { beats, outcome };
    };
    const outboxKeys = async (like: string): Promise<string[]> =>
      (
        (await ds.query(
          `SELECT idempotency_key FROM outbox_message WHERE idempotency_key LIKE $1`,
          [like],
        )) as { idempotency_key: string }[]
      )
        .map((r) => r.idempotency_key)
        .sort();
    const sweepAudit = async (step: string) =>
      (await ds.query(
        `SELECT workflow_id, action, actor_person_id, occurred_at, payload FROM audit_event
          WHERE organisation_id = $1 AND action IN ('reminder_sent', 'no_recipients')
            AND payload->>'idempotencyKey' LIKE $2
          ORDER BY workflow_id`,
        [org, `%:${step}:%`],
      )) as {
        workflow_id: string;
        action: string;
        actor_person_id: string | null;
        occurred_at: Date;
        payload: Record<string, unknown>;
      }[];
    /** Messages to this test's tenant that the SMTP server received from index `before` on. */
    const receivedSince = (before: number) =>
      smtp.messages
        .slice(before)
        .filter((m) => m.to.some((a) => a.endsWith('@herinnerstad.example')));

    /** The cycle's rows of `year` (as its workflow records them), deadline DEADLINE. */
    const recordCycle = (organisationId: string, year: number, schools: number) =>
      run(acts, 'recordCycle', {
        organisationId,
        workflowId: accountabilityWorkflowId(organisationId, year),
        accountingYear: year,
        title: `Verantwoording ${year}`,
        status: 'running',
        createdByPersonId: null,
        formatVersion: 1,
        deadline: DEADLINE,
        schools,
        started: schools,
        alreadyStarted: 0,
      });
    /** A submission row of one of this tenant's schools, stored `age` ago; its id. */
    const submission = async (
      schoolId: string,
      status: string,
      version: number | null,
      { year = YEAR, age = '0 minutes' }: { year?: number; age?: string } = {},
    ) =>
      (
        await one<{ id: string }>(
          `INSERT INTO accountability_submission
             (organisation_id, school_id, accounting_year, cycle_workflow_id, format_version, version, status,
              figures, submitted_by_person_id, reviewed_at, created_at)
           VALUES ($1, $2, $3, $4, 1, $5, $6, '{}'::jsonb, $7,
                   CASE WHEN $6 IN ('returned', 'accepted') THEN now() END, now() - $8::interval)
           RETURNING id`,
          [
            org,
            schoolId,
            year,
            accountabilityWorkflowId(org, year),
            version,
            status,
            person.Anna,
            age,
          ],
        )
      ).id;
    /** A school's status row (the read model the school workflow keeps). */
    const statusRow = async (
      organisationId: string,
      schoolId: string,
      cycleWorkflowId: string,
      workflowId: string,
      year: number,
      status: string,
      deadline = DEADLINE,
      current: { version: number; submissionId: string } | null = null,
    ) => {
      await ds.query(
        `INSERT INTO school_accountability
           (organisation_id, workflow_id, cycle_workflow_id, accounting_year, school_id, format_version,
            status, version, current_submission_id, deadline)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9)`,
        [
          organisationId,
          workflowId,
          cycleWorkflowId,
          year,
          schoolId,
          status,
          current?.version ?? 0,
          current?.submissionId ?? null,
          deadline,
        ],
      );
    };

    beforeAll(async () => {
      // A tenant of its own, so that the other tests' rows stay apart.
      org = (
        await one<{ id: string }>(
          `INSERT INTO organisation (slug, name, region, sector) VALUES ('herinnerstad', 'SWV Herinnerstad', 'midden', 'vo') RETURNING id`,
        )
      ).id;
      otherOrg = (
        await one<{ id: string }>(
          `INSERT INTO organisation (slug, name, region, sector) VALUES ('vergeetstad', 'SWV Vergeetstad', 'midden', 'vo') RETURNING id`,
        )
      ).id;
      cycle = accountabilityWorkflowId(org, YEAR);
      wf = (schoolId, year = YEAR) => schoolAccountabilityWorkflowId(org, year, schoolId);
      const board = (
        await one<{ id: string }>(
          `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'Stichting Herinnerstad', 3000) RETURNING id`,
          [org],
        )
      ).id;
      // A not started, B draft, C returned (version 2), D submitted, E accepted, F extended
      // (another deadline), G without an active contact.
      for (const letter of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
        school[letter] = (
          await one<{ id: string }>(
            `INSERT INTO school (organisation_id, board_id, name, kind) VALUES ($1, $2, $3, 'regular') RETURNING id`,
            [org, board, `Herinnerschool ${letter}`],
          )
        ).id;
      }
      const contact = async (
        name: string,
        letter: string,
        locale: 'nl' | 'en',
        active = true,
        roles = '{school_contact}',
      ) => {
        person[name] = (
          await one<{ id: string }>(
            `INSERT INTO person (organisation_id, email, name, locale, roles, board_id, school_id, active)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [org, address(name), `${name} Herinner`, locale, roles, board, school[letter], active],
          )
        ).id;
      };
      await contact('Anna', 'A', 'nl');
      await contact('Alex', 'A', 'en');
      await contact('Arie', 'A', 'nl', false); // inactive: never mailed
      await contact('Bram', 'B', 'nl');
      await contact('Carla', 'C', 'en');
      await contact('Dirk', 'D', 'nl');
      await contact('Eva', 'E', 'nl');
      await contact('Finn', 'F', 'nl');
      await contact('Gijs', 'G', 'nl', true, '{ect_member}'); // not a school contact

      await recordCycle(org, YEAR, 7);
      await recordCycle(org, YEAR + 1, 1);
      await recordCycle(otherOrg, YEAR, 1);

      const ours = (letter: string, status: string, deadline = DEADLINE) =>
        statusRow(org, school[letter]!, cycle, wf(school[letter]!), YEAR, status, deadline);
      await ours('A', 'not_started');
      await ours('B', 'draft');
      await statusRow(org, school.C!, cycle, wf(school.C!), YEAR, 'returned', DEADLINE, {
        version: 2,
        submissionId: await submission(school.C!, 'returned', 2),
      });
      await statusRow(org, school.D!, cycle, wf(school.D!), YEAR, 'submitted', DEADLINE, {
        version: 1,
        submissionId: await submission(school.D!, 'submitted', 1),
      });
      await statusRow(org, school.E!, cycle, wf(school.E!), YEAR, 'accepted', DEADLINE, {
        version: 1,
        submissionId: await submission(school.E!, 'accepted', 1),
      });
      await ours('F', 'not_started', EXTENDED);
      await ours('G', 'not_started');

      // Another cycle of the same tenant (next year), school A, on the same deadline.
      otherCycleWf = wf(school.A!, YEAR + 1);
      await statusRow(
        org,
        school.A!,
        accountabilityWorkflowId(org, YEAR + 1),
        otherCycleWf,
        YEAR + 1,
        'not_started',
      );
      // Another tenant's school with a contact, in its own cycle of the same year and deadline.
      const otherBoard = (
        await one<{ id: string }>(
          `INSERT INTO school_board (organisation_id, name, pupil_count) VALUES ($1, 'Stichting Vergeetstad', 1000) RETURNING id`,
          [otherOrg],
        )
      ).id;
      const otherSchool = (
        await one<{ id: string }>(
          `INSERT INTO school (organisation_id, board_id, name, kind) VALUES ($1, $2, 'Vergeetschool', 'regular') RETURNING id`,
          [otherOrg, otherBoard],
        )
      ).id;
      await ds.query(
        `INSERT INTO person (organisation_id, email, name, locale, roles, board_id, school_id)
         VALUES ($1, 'vera@vergeetstad.example', 'Vera Vergeet', 'nl', '{school_contact}', $2, $3)`,
        [otherOrg, otherBoard, otherSchool],
      );
      otherOrgWf = schoolAccountabilityWorkflowId(otherOrg, YEAR, otherSchool);
      await statusRow(
        otherOrg,
        otherSchool,
        accountabilityWorkflowId(otherOrg, YEAR),
        otherOrgWf,
        YEAR,
        'not_started',
      );

      // Submit tasks: Anna's (the invitation's), Carla's for the returned version 2 (newer
      // than her version-1 task); Alex has none.
      const task = async (
        personId: string,
        workflowId: string,
        version: number,
        status: string,
        createdAt: string,
      ) =>
        (
          await one<{ id: string }>(
            `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, payload, status, created_at)
             VALUES ($1, $2, $3, 'submit', $4, 'Verantwoording indienen', $5, '{}'::jsonb, $6, $7)
             RETURNING id`,
            [
              org,
              personId,
              workflowId,
              `accountability:2026:submit:v${version}`,
              DEADLINE,
              status,
              createdAt,
            ],
          )
        ).id;
      annaTask = await task(person.Anna!, wf(school.A!), 1, 'open', '2026-12-07T09:00:00.000Z');
      await task(person.Carla!, wf(school.C!), 1, 'done', '2026-12-07T09:00:00.000Z');
      carlaTask = await task(person.Carla!, wf(school.C!), 2, 'open', '2027-01-05T10:00:00.000Z');
    });

    it('reminds exactly the owing schools’ active contacts, each once, in their own language, and records one audit event per school', async () => {
      const step = 'reminder-d1-2027-01-12';
      const at = '2027-01-12T08:00:00.000Z';
      const before = smtp.messages.length;
      const { beats, outcome } = attempt(acts, sweepInput(step, at));
      expect(await outcome).toEqual({ reminded: 3, withoutContacts: 1, mails: 4 });
      await smtp.waitFor(() => receivedSince(before).length >= 4);
      await new Promise((r) => setTimeout(r, 200));
      const mails = receivedSince(before);
      // Exactly the active school contacts of A (not started), B (draft) and C (returned).
      expect(mails.map((m) => m.to.join(',')).sort()).toEqual(
        ['Alex', 'Anna', 'Bram', 'Carla'].map(address).sort(),
      );
      const to = (name: string) => mails.find((m) => m.to.includes(address(name)))!;
      expect(to('Anna').subject).toBe(
        '[SWV Herinnerstad] Verantwoording 2026: herinnering, inleveren vóór 1 februari 2027 om 23:59 – Herinnerschool A',
      );
      expect(to('Anna').text).toContain('Beste Anna Herinner,');
      expect(to('Anna').text).toContain(
        'SWV Herinnerstad heeft de verantwoording 2026 van Herinnerschool A nog niet ontvangen.',
      );
      expect(to('Anna').text).toContain(`${PUBLIC_URL}/app/tasks/${annaTask}`);
      expect(to('Alex').subject).toContain('Accountability 2026: reminder, due 1 February 2027');
      expect(to('Alex').text).not.toContain('/app/tasks/');
      expect(to('Bram').subject).toContain('Herinnerschool B');
      // The returned school is reminded of its returned version, with the link to its latest task.
      expect(to('Carla').text).toContain(
        'The accountability 2026 of Herinnerschool C (version 2) was returned for correction',
      );
      expect(to('Carla').text).toContain(`${PUBLIC_URL}/app/tasks/${carlaTask}`);

      // Under the school workflows' own keys, so the school's page lists them as before.
      expect(await outboxKeys(`accountability:${org}:%:${step}:%`)).toEqual(
        [
          `${wf(school.A!)}:${step}:${person.Anna}`,
          `${wf(school.A!)}:${step}:${person.Alex}`,
          `${wf(school.B!)}:${step}:${person.Bram}`,
          `${wf(school.C!)}:${step}:${person.Carla}`,
        ].sort(),
      );
      const history = await new AccountabilityRepository(ds).mailHistory(org, wf(school.A!));
      expect(history.filter((h) => h.step === step)).toHaveLength(2);

      const audit = await sweepAudit(step);
      const event = (letter: string, action: string, payload: Record<string, unknown>) => ({
        workflow_id: wf(school[letter]!),
        action,
        actor_person_id: null,
        occurred_at: new Date(at),
        payload: {
          ...payload,
          schoolId: school[letter],
          idempotencyKey: `${wf(school[letter]!)}:${step}:${school[letter]}`,
        },
      });
      const sent = (letter: string, status: string, recipients: string[]) =>
        event(letter, 'reminder_sent', {
          recipients,
          scheduledAt: at,
          daysLate: 0,
          status,
        });
      expect(audit).toEqual(
        expect.arrayContaining([
          sent('A', 'not_started', [person.Alex!, person.Anna!]),
          sent('B', 'draft', [person.Bram!]),
          sent('C', 'returned', [person.Carla!]),
          event('G', 'no_recipients', { step, role: 'school_contact', status: 'not_started' }),
        ]),
      );
      expect(audit).toHaveLength(4);

      // Heartbeats carry ids and counts only; the last one is the result.
      expect(beats.at(-1)).toEqual({
        after: [wf(school.A!), wf(school.B!), wf(school.C!), wf(school.G!)].sort().at(-1),
        reminded: 3,
        withoutContacts: 1,
        mails: 4,
      });
      expect(JSON.stringify(beats)).not.toMatch(/@|Herinner/);
    });

    it('run again (a retry) sends nothing more at the SMTP server and writes no second audit event', async () => {
      const step = 'reminder-d1-2027-01-12';
      const at = '2027-01-12T08:00:00.000Z';
      const before = smtp.messages.length;
      const auditBefore = await count(
        `SELECT count(*)::int AS n FROM audit_event WHERE organisation_id = $1`,
        [org],
      );
      const { outcome } = attempt(acts, sweepInput(step, at));
      expect(await outcome).toEqual({ reminded: 3, withoutContacts: 1, mails: 4 });
      await new Promise((r) => setTimeout(r, 300));
      expect(receivedSince(before)).toEqual([]);
      expect(
        await count(`SELECT count(*)::int AS n FROM audit_event WHERE organisation_id = $1`, [org]),
      ).toBe(auditBefore);
      expect(await outboxKeys(`accountability:${org}:%:${step}:%`)).toHaveLength(4);
    });

    it('a retry after a crash mid-sweep resumes after the schools done and reminds every contact once', async () => {
      const step = 'reminder-d1-2027-01-22';
      const at = '2027-01-22T08:00:00.000Z';
      // Two schools per page: the owing schools in workflow id order, two pages.
      const pagedActs = createAccountabilityActivities({
        dataSource: ds,
        outbox,
        publicUrl: PUBLIC_URL,
        remindSchoolsPageSize: 2,
      });
      const mailsOf: Record<string, number> = { A: 2, B: 1, C: 1, G: 0 };
      const order = ['A', 'B', 'C', 'G'].sort((x, y) =>
        wf(school[x]!).localeCompare(wf(school[y]!)),
      );
      const firstPage = order.slice(0, 2);
      const firstPageMails = firstPage.reduce((n, l) => n + mailsOf[l]!, 0);
      // The relay defers the first message of the second page once (421): that page fails.
      let seen = 0;
      smtp.relayPolicy = () => {
        seen += 1;
        return seen === firstPageMails + 1
          ? { at: 'rcpt', code: 421, message: '4.3.2 Try again later' }
          : null;
      };
      const before = smtp.messages.length;
      try {
        const first = attempt(pagedActs, sweepInput(step, at));
        await expect(first.outcome).rejects.toThrow();
        const lastBeat = first.beats.at(-1);
        expect(lastBeat).toEqual({
          after: wf(school[firstPage[1]!]!),
          reminded: firstPage.filter((l) => l !== 'G').length,
          withoutContacts: firstPage.includes('G') ? 1 : 0,
          mails: firstPageMails,
        });
        // No audit event for the failed page yet.
        expect((await sweepAudit(step)).map((e) => e.workflow_id).sort()).toEqual(
          firstPage.map((l) => wf(school[l]!)).sort(),
        );

        const retry = attempt(pagedActs, sweepInput(step, at), lastBeat);
        expect(await retry.outcome).toEqual({ reminded: 3, withoutContacts: 1, mails: 4 });
        // The retry started after the first page.
        for (const beat of retry.beats) expect(beat.after! >= lastBeat!.after!).toBe(true);
      } finally {
        smtp.relayPolicy = null;
      }
      await smtp.waitFor(() => receivedSince(before).length >= 4);
      await new Promise((r) => setTimeout(r, 200));
      const got = receivedSince(before);
      expect(got.map((m) => m.to.join(',')).sort()).toEqual(
        ['Alex', 'Anna', 'Bram', 'Carla'].map(address).sort(),
      );
      expect(
        await ds.query(
          `SELECT status, count(*)::int AS n FROM outbox_message WHERE idempotency_key LIKE $1 GROUP BY status`,
          [`%:${step}:%`],
        ),
      ).toEqual([{ status: 'sent', n: 4 }]);
      const audit = await sweepAudit(step);
      expect(audit.map((e) => [e.workflow_id, e.action]).sort()).toEqual(
        [
          [wf(school.A!), 'reminder_sent'],
          [wf(school.B!), 'reminder_sent'],
          [wf(school.C!), 'reminder_sent'],
          [wf(school.G!), 'no_recipients'],
        ].sort(),
      );
    });

    it('never touches another cycle’s or another organisation’s schools', async () => {
      // Neither sweep above wrote anything for them.
      expect(await outboxKeys(`${otherCycleWf}:%`)).toEqual([]);
      expect(await outboxKeys(`${otherOrgWf}:%`)).toEqual([]);
      expect(smtp.to('vera@vergeetstad.example')).toEqual([]);
      // Another tenant asking for this cycle finds none of its schools.
      const step = 'reminder-d1-2027-01-29';
      const at = '2027-01-29T08:00:00.000Z';
      expect(
        await attempt(acts, { ...sweepInput(step, at), organisationId: otherOrg }).outcome,
      ).toEqual({ reminded: 0, withoutContacts: 0, mails: 0 });
      expect(await outboxKeys(`%:${step}:%`)).toEqual([]);
      expect(await sweepAudit(step)).toEqual([]);
      // The other cycle's own sweep reminds its own school (the same school A, next year) only.
      expect(
        await attempt(acts, {
          ...sweepInput(step, at),
          cycleWorkflowId: accountabilityWorkflowId(org, YEAR + 1),
          accountingYear: YEAR + 1,
        }).outcome,
      ).toEqual({ reminded: 1, withoutContacts: 0, mails: 2 });
      expect(await outboxKeys(`%:${step}:%`)).toEqual(
        [`${otherCycleWf}:${step}:${person.Anna}`, `${otherCycleWf}:${step}:${person.Alex}`].sort(),
      );
      expect(await outboxKeys(`${otherOrgWf}:%`)).toEqual([]);
      expect(smtp.to('vera@vergeetstad.example')).toEqual([]);
    });

    it('does not remind a school that has just submitted while its status row catches up; a submission lost long ago does not count', async () => {
      // A cycle of its own (two years on), so that the other tests' schools stay apart. Every
      // status row says the school owes; the submission rows say what the api knows:
      //   H: its Update answered 'submitted' (version 1), the workflow's status write is still on its way;
      //   I: its Update is under way ('pending', just now);
      //   J: a pending row of an hour ago (its Update was lost): J still owes;
      //   K: returned as version 1, its correction under way ('pending');
      //   L: returned as version 1 and nothing since: still owes.
      const year = YEAR + 2;
      const cycle2 = accountabilityWorkflowId(org, year);
      await recordCycle(org, year, 5);
      const [board] = (await ds.query(`SELECT board_id FROM school WHERE id = $1`, [school.A])) as {
        board_id: string;
      }[];
      const ids: Record<string, string> = {};
      for (const letter of ['H', 'I', 'J', 'K', 'L']) {
        ids[letter] = (
          await one<{ id: string }>(
            `INSERT INTO school (organisation_id, board_id, name, kind) VALUES ($1, $2, $3, 'regular') RETURNING id`,
            [org, board!.board_id, `Herinnerschool ${letter}`],
          )
        ).id;
        await ds.query(
          `INSERT INTO person (organisation_id, email, name, locale, roles, board_id, school_id)
           VALUES ($1, $2, $3, 'nl', '{school_contact}', $4, $5)`,
          [
            org,
            `contact-${letter.toLowerCase()}@herinnerstad.example`,
            `Contact ${letter}`,
            board!.board_id,
            ids[letter],
          ],
        );
      }
      const submit = (letter: string, status: string, version: number | null, age?: string) =>
        submission(ids[letter]!, status, version, { year, ...(age ? { age } : {}) });
      const status = (letter: string, state: string, current?: string) =>
        statusRow(
          org,
          ids[letter]!,
          cycle2,
          wf(ids[letter]!, year),
          year,
          state,
          DEADLINE,
          current ? { version: 1, submissionId: current } : null,
        );
      await submit('H', 'submitted', 1);
      await status('H', 'not_started');
      await submit('I', 'pending', null);
      await status('I', 'draft');
      await submit('J', 'pending', null, '1 hour');
      await status('J', 'not_started');
      const returnedK = await submit('K', 'returned', 1);
      await submit('K', 'pending', null);
      await status('K', 'returned', returnedK);
      await status('L', 'returned', await submit('L', 'returned', 1));

      const step = 'reminder-d1-2027-01-21';
      const before = smtp.messages.length;
      const outcome = await attempt(acts, {
        ...sweepInput(step, '2027-01-21T08:00:00.000Z'),
        cycleWorkflowId: cycle2,
        accountingYear: year,
      }).outcome;
      expect(outcome).toEqual({ reminded: 2, withoutContacts: 0, mails: 2 });
      expect(await outboxKeys(`%:${year}:%:${step}:%`)).toEqual(
        [wf(ids.J!, year), wf(ids.L!, year)]
          .sort()
          .map((w) => expect.stringMatching(`^${w}:${step}:`)),
      );
      expect(
        receivedSince(before)
          .map((m) => m.to[0])
          .sort(),
      ).toEqual(['contact-j@herinnerstad.example', 'contact-l@herinnerstad.example']);
    });
  });
});
