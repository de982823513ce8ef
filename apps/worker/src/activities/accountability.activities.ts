/**
 * Activities of the 1 February accountability (verantwoording, seed 001 §7.4): the side effects
 * of `accountabilityCycleWorkflow` and `schoolAccountabilityWorkflow` on PostgreSQL (format
 * pinning, read models, tasks, audit log, deductions) and mail (through the outbox).
 *
 * Every activity is idempotent, so Temporal's retries and replays never repeat a side effect:
 * - mails go through the outbox keyed `${idempotencyKeyPrefix}:${personId}`;
 * - tasks are upserted on their unique (workflow, person, kind, refKey);
 * - read models are upserts of the latest state; the audit row carries the workflow's key in its
 *   payload and is checked under an advisory lock (the table is append-only and has no key);
 * - a deduction is inserted once per idempotency key (and per school and accounting year).
 * Business refusals (unknown school, unreadable submission) are non-retryable
 * ApplicationFailures typed by a domain error code; database and SMTP failures are thrown as is
 * and retried. A permanently refused address (SMTP 5xx) is logged and skipped.
 *
 * Workflows pass ids only (AVG, seed 001 §1.4); names and addresses are read here, when the
 * mail is written.
 */
import { Context, log } from '@temporalio/activity';
import { asRefusal, refuse } from './refusal';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AccountabilitySubmissionFigures,
  SWV_VARIABLE_INCOME_LINE_KEY,
  computeUnderspending,
  deductionAllocationYear,
  nextBusinessMoment,
} from '@jaarcyclus/domain';
import { MailDeliveryError, type DeliveryResult, type OutboxService } from '@jaarcyclus/mail';
import { ensureDefaultAccountabilityFormat } from '@jaarcyclus/persistence';
import {
  type AccountabilityActivities,
  type AccountabilityTaskUpdate,
  type SchoolAccountabilityInput,
  type RecordAccountabilityCycleInput,
  type RecordDeductionResult,
  type SchoolContacts,
  type StartSchoolWorkflowsResult,
  type UnderspendingFigures,
  sideEffectKey,
  stepKey,
  INVITATION_STEP,
  WAKE_BEFORE_FIRST_ACTION_MS,
  firstTimedAction,
  schoolAccountabilityWorkflowId,
  submitTaskRef,
} from '@jaarcyclus/workflows';
import {
  renderAccountabilityEscalationMail,
  renderReviewRequestMail,
  renderSchoolMail,
} from '../mail/accountability-templates';
import type { Locale, RenderedMail } from '../mail/templates';

export interface AccountabilityActivityDeps {
  dataSource: DataSource;
  outbox: OutboxService;
  /** Base URL of the web app (a trailing slash is ignored). */
  publicUrl: string;
  /**
   * Workflow start calls `startSchoolWorkflows` keeps in flight in this worker, over all
   * cycles fanning out at once (default MAX_STARTS_IN_FLIGHT).
   */
  maxStartsInFlight?: number;
  /**
   * The fan-out's clock (default Date.now): whether it is business hours, so that it invites
   * now, and how long each school's start is delayed. Tests and benchmarks set it.
   */
  now?: () => number;
}

/**
 * The fan-out sends its invitations in batches of at most this many mails, each batch one
 * outbox transaction (OutboxService.deliverStored): four statements per batch instead of four
 * per mail. A crash re-sends at most the batches in flight (40 mails, with the same
 * Message-IDs), as many as when each mail had its own transaction and 40 were in flight;
 * measured, 10 and 25 per batch start a 34-school cycle equally fast (BENCHMARKS.md).
 */
export const INVITATIONS_PER_DELIVERY = 10;
/**
 * Invitation batches in flight in this worker, over all cycles: each holds a database
 * connection while its mails go out over the SMTP pool (10 connections, libs/mail); see
 * WORKER_DATABASE_POOL.
 */
export const INVITATION_BATCHES_IN_FLIGHT = 4;
/** A school whose first action is nearer than this is started at once, without a delay. */
export const MIN_START_DELAY_MS = 10 * 60_000;

/** See AccountabilityActivityDeps.maxStartsInFlight. */
export const MAX_STARTS_IN_FLIGHT = 200;

/** A counting semaphore: at most `size` holders at once, served in arrival order. */
function semaphore(size: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let free = size;
  const queue: (() => void)[] = [];
  return async (fn) => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await fn();
    } finally {
      const next = queue.shift();
      if (next) next();
      else free += 1;
    }
  };
}

interface PersonRow {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}

interface SchoolRow {
  id: string;
  name: string;
  board_id: string;
  board_name: string;
  bestuurder_person_id: string | null;
  ect_member_person_id: string | null;
  fixed_amount_cents: string;
}

export type AccountabilityWorkerActivities = AccountabilityActivities;

/** Title of a school contact's 'submit' task, as the task inbox shows it. */
function submitTaskTitle(accountingYear: number, schoolName: string): string {
  return `Verantwoording ${accountingYear} indienen: ${schoolName}`;
}

/** Name under which the worker registers the school workflow (the exported function's name). */
const SCHOOL_WORKFLOW_TYPE = 'schoolAccountabilityWorkflow';

/** Progress of `startSchoolWorkflows`, heartbeated: the first `done` schools are settled. */
interface FanOutProgress {
  done: number;
  started: number;
  alreadyStarted: number;
}

export function createAccountabilityActivities(
  deps: AccountabilityActivityDeps,
): AccountabilityWorkerActivities {
  const { dataSource: ds, outbox } = deps;
  const startSlot = semaphore(deps.maxStartsInFlight ?? MAX_STARTS_IN_FLIGHT);
  const deliverySlot = semaphore(INVITATION_BATCHES_IN_FLIGHT);
  const clock = deps.now ?? Date.now;
  const publicUrl = deps.publicUrl.replace(/\/+$/, '');
  const taskUrl = (taskId: string | undefined): string | null =>
    taskId ? `${publicUrl}/app/tasks/${taskId}` : null;

  async function organisationName(organisationId: string): Promise<string> {
    const rows = (await ds.query(`SELECT name FROM organisation WHERE id = $1`, [
      organisationId,
    ])) as { name: string }[];
    const row = rows[0];
    if (!row) refuse('NOT_FOUND', `Organisation ${organisationId} does not exist`);
    return row.name;
  }

  async function school(organisationId: string, schoolId: string): Promise<SchoolRow> {
    const rows = (await ds.query(
      `SELECT s.id, s.name, s.board_id, b.name AS board_name, b.bestuurder_person_id,
              s.ect_member_person_id, s.fixed_amount_cents
         FROM school s
         JOIN school_board b ON b.organisation_id = s.organisation_id AND b.id = s.board_id
        WHERE s.organisation_id = $1 AND s.id = $2`,
      [organisationId, schoolId],
    )) as SchoolRow[];
    const row = rows[0];
    if (!row) refuse('NOT_FOUND', `School ${schoolId} is not a school of this organisation`);
    return row;
  }

  /** Active persons of the tenant among `ids`; inactive people get no mail. */
  async function persons(organisationId: string, ids: string[]): Promise<Map<string, PersonRow>> {
    if (ids.length === 0) return new Map();
    const rows = (await ds.query(
      `SELECT id, name, email, locale FROM person
        WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND active`,
      [organisationId, ids],
    )) as PersonRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Why the school was waived: the reason of its latest 'waived' audit event, which the school
   * workflow records before it tells the school (the workflow passes no reason to the mail).
   */
  async function waiverReasonOf(
    organisationId: string,
    workflowId: string,
  ): Promise<string | null> {
    const rows = (await ds.query(
      `SELECT payload->>'reason' AS reason FROM audit_event
        WHERE organisation_id = $1 AND workflow_id = $2 AND action = 'waived'
        ORDER BY id DESC LIMIT 1`,
      [organisationId, workflowId],
    )) as { reason: string | null }[];
    return rows[0]?.reason ?? null;
  }

  /** A permanent refusal of one address is logged and skipped; anything else is thrown (retried). */
  function skipPermanentRefusal(err: unknown, idempotencyKey: string, personId: string): void {
    if (!(err instanceof MailDeliveryError && err.permanent)) throw err;
    log.warn('mail permanently refused; skipped', { idempotencyKey, personId, error: err.message });
  }

  /** Sends through the outbox; a permanent refusal of one address is logged, not retried. */
  async function deliver(
    organisationId: string,
    idempotencyKey: string,
    to: PersonRow,
    mail: RenderedMail,
  ): Promise<void> {
    try {
      await outbox.deliver({
        idempotencyKey,
        organisationId,
        to: to.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    } catch (err) {
      skipPermanentRefusal(err, idempotencyKey, to.id);
    }
  }

  async function upsertTask(t: {
    organisationId: string;
    personId: string;
    workflowId: string;
    kind: 'submit' | 'review';
    refKey: string;
    title: string;
    dueAt: string | null;
    payload: Record<string, unknown>;
  }): Promise<string> {
    const rows = (await ds.query(
      `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workflow_id, person_id, kind, ref_key) DO UPDATE SET due_at = EXCLUDED.due_at
       RETURNING id`,
      [
        t.organisationId,
        t.personId,
        t.workflowId,
        t.kind,
        t.refKey,
        t.title,
        t.dueAt,
        JSON.stringify(t.payload),
      ],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** The person's latest 'submit' task of this school workflow, for the link in a mail. */
  async function latestSubmitTasks(workflowId: string): Promise<Map<string, string>> {
    const rows = (await ds.query(
      `SELECT DISTINCT ON (person_id) person_id, id FROM task
        WHERE workflow_id = $1 AND kind = 'submit'
        ORDER BY person_id, created_at DESC, id`,
      [workflowId],
    )) as { person_id: string; id: string }[];
    return new Map(rows.map((r) => [r.person_id, r.id]));
  }

  async function appendAudit(
    em: EntityManager,
    e: {
      organisationId: string;
      workflowId: string;
      idempotencyKey: string;
      action: string;
      actorPersonId: string | null;
      occurredAt: string;
      payload: Record<string, unknown>;
    },
  ): Promise<void> {
    // Append-only table without a key column: the key lives in the payload and is checked
    // under a transaction-scoped advisory lock, so a retry never writes a second row.
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [e.idempotencyKey]);
    const existing = (await em.query(
      `SELECT 1 FROM audit_event
        WHERE organisation_id = $1 AND workflow_id = $2 AND payload->>'idempotencyKey' = $3 LIMIT 1`,
      [e.organisationId, e.workflowId, e.idempotencyKey],
    )) as unknown[];
    if (existing.length > 0) return;
    await em.query(
      `INSERT INTO audit_event (organisation_id, workflow_id, actor_person_id, action, occurred_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        e.organisationId,
        e.workflowId,
        e.actorPersonId,
        e.action,
        e.occurredAt,
        JSON.stringify({ ...e.payload, idempotencyKey: e.idempotencyKey }),
      ],
    );
  }

  /**
   * The Cycle read model (kind 'accountability') and the cycle's pinned settings. 'upsert'
   * updates status and counts of existing rows; 'insert' only adds rows that are missing. The
   * pinned format version is never changed once stored.
   */
  async function writeCycle(
    em: EntityManager,
    input: RecordAccountabilityCycleInput,
    mode: 'upsert' | 'insert',
  ): Promise<void> {
    const onCycle =
      mode === 'upsert'
        ? 'DO UPDATE SET status = EXCLUDED.status, title = EXCLUDED.title, updated_at = now()'
        : 'DO NOTHING';
    await em.query(
      `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, created_by_person_id)
       VALUES ($1, 'accountability', $2, $3, $4, $5, $6)
       ON CONFLICT (workflow_id) ${onCycle}`,
      [
        input.organisationId,
        input.accountingYear,
        input.workflowId,
        input.title,
        input.status,
        input.createdByPersonId,
      ],
    );
    await ensureDefaultAccountabilityFormat(em, input.organisationId);
    const onSettings =
      mode === 'upsert'
        ? `DO UPDATE
             SET deadline = EXCLUDED.deadline, schools = EXCLUDED.schools, started = EXCLUDED.started,
                 already_started = EXCLUDED.already_started, updated_at = now()`
        : 'DO NOTHING';
    await em.query(
      `INSERT INTO accountability_cycle
         (organisation_id, workflow_id, accounting_year, format_version, deadline, schools, started, already_started)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workflow_id) ${onSettings}`,
      [
        input.organisationId,
        input.workflowId,
        input.accountingYear,
        input.formatVersion,
        input.deadline,
        input.schools,
        input.started,
        input.alreadyStarted,
      ],
    );
  }

  /** A school's invitation as the fan-out sends it: one mail per contact, stored in the outbox. */
  interface PreparedInvitation {
    at: string;
    mails: { key: string; person: PersonRow; mail: RenderedMail }[];
  }

  /**
   * The invitations of a chunk of schools (index in `schoolIds` → invitation), for schools with
   * at least one active contact: their submit tasks upserted in one statement and their mails
   * stored in the outbox in one, exactly as `notifySchool` would for the school workflow's
   * invitation step (task ref `accountability:<year>:submit:v1`, key `<workflowId>:invitation`).
   */
  async function prepareInvitations(
    school: Omit<SchoolAccountabilityInput, 'schoolId'>,
    schoolIds: string[],
    workflowIds: string[],
    nowMs: number,
  ): Promise<Map<number, PreparedInvitation>> {
    const org = school.organisationId;
    const [orgName, schools, contacts] = await Promise.all([
      organisationName(org),
      ds.query(`SELECT id, name FROM school WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [
        org,
        schoolIds,
      ]) as Promise<{ id: string; name: string }[]>,
      ds.query(
        `SELECT school_id, id, name, email, locale FROM person
          WHERE organisation_id = $1 AND school_id = ANY($2::uuid[]) AND active AND 'school_contact' = ANY(roles)
          ORDER BY name, id`,
        [org, schoolIds],
      ) as Promise<(PersonRow & { school_id: string })[]>,
    ]);
    const nameOf = new Map(schools.map((r) => [r.id, r.name]));
    const contactsOf = new Map<string, PersonRow[]>();
    for (const c of contacts)
      contactsOf.set(c.school_id, [...(contactsOf.get(c.school_id) ?? []), c]);
    const deadline = new Date(Date.parse(school.deadline)).toISOString();
    const refKey = submitTaskRef(school.accountingYear, 1);
    const rows: { i: number; person: PersonRow }[] = [];
    schoolIds.forEach((schoolId, i) => {
      if (!nameOf.has(schoolId)) return;
      for (const person of contactsOf.get(schoolId) ?? []) rows.push({ i, person });
    });
    if (rows.length === 0) return new Map();
    const tasks = (await ds.query(
      `INSERT INTO task (organisation_id, person_id, workflow_id, kind, ref_key, title, due_at, payload)
       SELECT $1, x.p, x.w, 'submit', $2, x.t, $3,
              jsonb_build_object('schoolId', x.s, 'accountingYear', $4::int, 'formatVersion', $5::int)
         FROM unnest($6::uuid[], $7::text[], $8::text[], $9::uuid[]) AS x(p, w, t, s)
       ON CONFLICT (workflow_id, person_id, kind, ref_key) DO UPDATE SET due_at = EXCLUDED.due_at
       RETURNING id, workflow_id, person_id`,
      [
        org,
        refKey,
        deadline,
        school.accountingYear,
        school.formatVersion,
        rows.map((r) => r.person.id),
        rows.map((r) => workflowIds[r.i]!),
        rows.map(
          (r) =>
            `Verantwoording ${school.accountingYear} indienen: ${nameOf.get(schoolIds[r.i]!)!}`,
        ),
        rows.map((r) => schoolIds[r.i]!),
      ],
    )) as { id: string; workflow_id: string; person_id: string }[];
    const taskOf = new Map(tasks.map((t) => [`${t.workflow_id}|${t.person_id}`, t.id]));
    const at = new Date(nowMs).toISOString();
    const prepared = new Map<number, PreparedInvitation>();
    for (const { i, person } of rows) {
      const mail = renderSchoolMail(person.locale, 'invitation', {
        organisationName: orgName,
        recipientName: person.name,
        schoolName: nameOf.get(schoolIds[i]!)!,
        accountingYear: school.accountingYear,
        deadline,
        daysLate: 0,
        formatVersion: school.formatVersion,
        taskUrl: taskUrl(taskOf.get(`${workflowIds[i]!}|${person.id}`)),
      });
      const key = sideEffectKey(stepKey(workflowIds[i]!, INVITATION_STEP), person.id);
      const entry = prepared.get(i) ?? { at, mails: [] };
      entry.mails.push({ key, person, mail });
      prepared.set(i, entry);
    }
    await outbox.store(
      [...prepared.values()].flatMap((p) =>
        p.mails.map((m) => ({
          idempotencyKey: m.key,
          organisationId: org,
          to: m.person.email,
          subject: m.mail.subject,
          text: m.mail.text,
          html: m.mail.html,
        })),
      ),
    );
    return prepared;
  }

  /**
   * Sends prepared invitations in batches of schools (up to INVITATIONS_PER_DELIVERY mails,
   * one outbox transaction each), all batches under way at once within this worker's limit.
   * Returns, per school index, a wait for that school's mails: it throws when one of them
   * failed in a way worth a retry; a permanently refused address is logged and skipped. A
   * batch itself never rejects unobserved: its outcome waits for the schools that look at it.
   */
  function sendInvitations(
    invitationOf: Map<number, PreparedInvitation>,
  ): (i: number) => Promise<void> {
    const delivered = new Map<
      number,
      Promise<Map<string, DeliveryResult | MailDeliveryError> | Error>
    >();
    let batch: number[] = [];
    let batchMails = 0;
    const flush = (): void => {
      if (batch.length === 0) return;
      const keys = batch.flatMap((i) => invitationOf.get(i)!.mails.map((m) => m.key));
      const outcome = deliverySlot(() => outbox.deliverStored(keys)).catch((err: Error) => err);
      for (const i of batch) delivered.set(i, outcome);
      batch = [];
      batchMails = 0;
    };
    for (const [i, prepared] of [...invitationOf.entries()].sort(([x], [y]) => x - y)) {
      if (batchMails + prepared.mails.length > INVITATIONS_PER_DELIVERY) flush();
      batch.push(i);
      batchMails += prepared.mails.length;
    }
    flush();
    return async (i) => {
      const outcome = await delivered.get(i);
      if (outcome === undefined) return;
      if (outcome instanceof Error) throw outcome;
      for (const m of invitationOf.get(i)!.mails) {
        const result = outcome.get(m.key);
        if (result instanceof MailDeliveryError) skipPermanentRefusal(result, m.key, m.person.id);
      }
    };
  }

  return {
    async pinFormatVersion({ organisationId, workflowId, accountingYear }): Promise<number> {
      return ds.transaction(async (em) => {
        await ensureDefaultAccountabilityFormat(em, organisationId);
        // First call per workflow id stores the tenant's latest version; later calls (and a
        // restarted cycle) read what was stored. A row the api wrote at start wins the same way.
        await em.query(
          `INSERT INTO accountability_cycle (organisation_id, workflow_id, accounting_year, format_version)
           SELECT $1, $2, $3, max(version) FROM accountability_format WHERE organisation_id = $1
           ON CONFLICT (workflow_id) DO NOTHING`,
          [organisationId, workflowId, accountingYear],
        );
        const rows = (await em.query(
          `SELECT format_version FROM accountability_cycle WHERE organisation_id = $1 AND workflow_id = $2`,
          [organisationId, workflowId],
        )) as { format_version: number }[];
        const row = rows[0];
        if (!row) refuse('CONFLICT', `Workflow id ${workflowId} belongs to another organisation`);
        return row.format_version;
      });
    },

    async recordCycle(input): Promise<void> {
      await ds.transaction((em) => writeCycle(em, input, 'upsert'));
    },

    async loadSchoolContacts({ organisationId, schoolId }): Promise<SchoolContacts> {
      const s = await school(organisationId, schoolId);
      const contacts = (await ds.query(
        `SELECT id FROM person
          WHERE organisation_id = $1 AND school_id = $2 AND active AND 'school_contact' = ANY(roles)
          ORDER BY name, id`,
        [organisationId, schoolId],
      )) as { id: string }[];
      const secretariat = (await ds.query(
        `SELECT id FROM person
          WHERE organisation_id = $1 AND active AND 'secretariat' = ANY(roles)
          ORDER BY name, id`,
        [organisationId],
      )) as { id: string }[];
      // An inactive bestuurder or ECT member is nobody to escalate to.
      const active = await persons(
        organisationId,
        [s.bestuurder_person_id, s.ect_member_person_id].filter((id): id is string => id !== null),
      );
      const ifActive = (id: string | null): string | null => (id && active.has(id) ? id : null);
      return {
        schoolId: s.id,
        schoolName: s.name,
        boardId: s.board_id,
        boardName: s.board_name,
        contactPersonIds: contacts.map((c) => c.id),
        bestuurderPersonId: ifActive(s.bestuurder_person_id),
        ectMemberPersonId: ifActive(s.ect_member_person_id),
        secretariatPersonIds: secretariat.map((p) => p.id),
      };
    },

    async notifySchool(input): Promise<void> {
      const [org, s, people, waiverReason] = await Promise.all([
        organisationName(input.organisationId),
        school(input.organisationId, input.schoolId),
        persons(input.organisationId, input.recipientPersonIds),
        input.kind === 'waived' && input.comments === undefined
          ? waiverReasonOf(input.organisationId, input.workflowId)
          : Promise.resolve(null),
      ]);
      // All tasks first: contacts see their task in the app even while the mail server is down.
      const tasks = new Map<string, string>();
      if (input.task) {
        for (const personId of input.recipientPersonIds) {
          if (!people.has(personId)) continue;
          tasks.set(
            personId,
            await upsertTask({
              organisationId: input.organisationId,
              personId,
              workflowId: input.workflowId,
              kind: 'submit',
              refKey: input.task.refKey,
              title: submitTaskTitle(input.accountingYear, s.name),
              dueAt: input.task.dueAt,
              payload: {
                schoolId: input.schoolId,
                accountingYear: input.accountingYear,
                formatVersion: input.formatVersion,
              },
            }),
          );
        }
      } else {
        for (const [personId, taskId] of await latestSubmitTasks(input.workflowId)) {
          tasks.set(personId, taskId);
        }
      }
      const u = input.underspending;
      for (const personId of input.recipientPersonIds) {
        const person = people.get(personId);
        if (!person) continue;
        await deliver(
          input.organisationId,
          `${input.idempotencyKeyPrefix}:${personId}`,
          person,
          renderSchoolMail(person.locale, input.kind, {
            organisationName: org,
            recipientName: person.name,
            schoolName: s.name,
            accountingYear: input.accountingYear,
            deadline: input.deadline,
            daysLate: input.daysLate,
            formatVersion: input.formatVersion,
            ...(input.version !== undefined ? { version: input.version } : {}),
            ...(input.comments !== undefined ? { comments: input.comments } : {}),
            ...(waiverReason ? { comments: waiverReason } : {}),
            ...(u
              ? {
                  underspending: u,
                  allocationYear: deductionAllocationYear(input.accountingYear),
                }
              : {}),
            taskUrl: taskUrl(tasks.get(personId)),
          }),
        );
      }
    },

    async escalateLate(input): Promise<void> {
      const [org, s, people] = await Promise.all([
        organisationName(input.organisationId),
        school(input.organisationId, input.schoolId),
        persons(
          input.organisationId,
          input.recipients.map((r) => r.personId),
        ),
      ]);
      for (const r of input.recipients) {
        const person = people.get(r.personId);
        if (!person) continue;
        await deliver(
          input.organisationId,
          `${input.idempotencyKeyPrefix}:${r.personId}`,
          person,
          renderAccountabilityEscalationMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            role: r.role,
            schoolName: s.name,
            boardName: s.board_name,
            accountingYear: input.accountingYear,
            deadline: input.deadline,
            daysLate: input.daysLate,
            // The school's page under "Mijn scholen" (apps/api MySchoolsController), which the
            // ECT member and the board's bestuurder both may read.
            schoolUrl: `${publicUrl}/app/my-schools/${input.accountingYear}/schools/${input.schoolId}`,
          }),
        );
      }
    },

    async requestReview(input): Promise<void> {
      const [org, s, people] = await Promise.all([
        organisationName(input.organisationId),
        school(input.organisationId, input.schoolId),
        persons(input.organisationId, input.reviewerPersonIds),
      ]);
      const tasks = new Map<string, string>();
      for (const personId of input.reviewerPersonIds) {
        if (!people.has(personId)) continue;
        tasks.set(
          personId,
          await upsertTask({
            organisationId: input.organisationId,
            personId,
            workflowId: input.workflowId,
            kind: 'review',
            refKey: input.taskRefKey,
            title: `Verantwoording ${input.accountingYear} beoordelen: ${s.name} (versie ${input.version})`,
            dueAt: null,
            payload: {
              schoolId: input.schoolId,
              accountingYear: input.accountingYear,
              submissionId: input.submissionId,
              version: input.version,
            },
          }),
        );
      }
      for (const personId of input.reviewerPersonIds) {
        const person = people.get(personId);
        if (!person) continue;
        await deliver(
          input.organisationId,
          `${input.idempotencyKeyPrefix}:${personId}`,
          person,
          renderReviewRequestMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            schoolName: s.name,
            accountingYear: input.accountingYear,
            version: input.version,
            daysLate: input.daysLate,
            taskUrl: taskUrl(tasks.get(personId)),
          }),
        );
      }
    },

    /** Completes, re-dates or cancels the open tasks of one school workflow. */
    async updateAccountabilityTasks(input: AccountabilityTaskUpdate): Promise<void> {
      await ds.query(
        `UPDATE task
            SET status = COALESCE($4, status),
                completed_at = CASE WHEN $4::text IS NULL THEN completed_at ELSE $6::timestamptz END,
                due_at = COALESCE($5::timestamptz, due_at)
          WHERE workflow_id = $1 AND kind = $2 AND ($3::text IS NULL OR ref_key = $3) AND status = 'open'`,
        [
          input.workflowId,
          input.kind,
          input.refKey ?? null,
          input.status ?? null,
          input.dueAt ?? null,
          input.at,
        ],
      );
    },

    async recordStatus(input): Promise<void> {
      await ds.transaction(async (em) => {
        const sub = input.submission;
        // The submission row first: the status row refers to it.
        if (sub) {
          await em.query(
            `UPDATE accountability_submission
                SET status = $3, version = $4,
                    review_comments = COALESCE($5, review_comments),
                    reviewed_by_person_id = COALESCE($6, reviewed_by_person_id),
                    reviewed_at = CASE WHEN $3 IN ('returned', 'accepted') THEN COALESCE(reviewed_at, $7::timestamptz)
                                       ELSE reviewed_at END,
                    updated_at = now()
              WHERE organisation_id = $1 AND id = $2`,
            [
              input.organisationId,
              sub.submissionId,
              sub.status,
              sub.version,
              sub.reviewComments ?? null,
              sub.reviewedByPersonId ?? null,
              input.audit.occurredAt,
            ],
          );
        }
        await em.query(
          `INSERT INTO school_accountability
             (organisation_id, workflow_id, cycle_workflow_id, accounting_year, school_id, format_version,
              status, version, current_submission_id, deadline, days_late, submitted_at, late_since, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
           ON CONFLICT (workflow_id) DO UPDATE
             SET format_version = EXCLUDED.format_version, status = EXCLUDED.status,
                 version = EXCLUDED.version, current_submission_id = EXCLUDED.current_submission_id,
                 deadline = EXCLUDED.deadline, days_late = EXCLUDED.days_late,
                 submitted_at = EXCLUDED.submitted_at, late_since = EXCLUDED.late_since, updated_at = now()`,
          [
            input.organisationId,
            input.workflowId,
            input.cycleWorkflowId,
            input.accountingYear,
            input.schoolId,
            input.formatVersion,
            input.status,
            input.version,
            input.submissionId,
            input.deadline,
            input.daysLate,
            input.submittedAt,
            input.lateSince,
          ],
        );
        await appendAudit(em, {
          organisationId: input.organisationId,
          workflowId: input.workflowId,
          idempotencyKey: input.audit.idempotencyKey,
          action: input.audit.action,
          actorPersonId: input.audit.actorPersonId,
          occurredAt: input.audit.occurredAt,
          payload: { ...input.audit.payload, schoolId: input.schoolId, status: input.status },
        });
      });
    },

    async startSchoolWorkflows(input): Promise<StartSchoolWorkflowsResult> {
      const ctx = Context.current();
      const { school } = input;
      const resumed = ctx.info.heartbeatDetails as FanOutProgress | undefined;
      const progress: FanOutProgress = resumed ?? { done: 0, started: 0, alreadyStarted: 0 };
      const todo = input.schoolIds.slice(progress.done);
      const ids = todo.map((s) =>
        schoolAccountabilityWorkflowId(school.organisationId, school.accountingYear, s),
      );

      // 1. Every school's 'started' status and audit event, in one transaction, before any
      //    start: a school workflow's own later writes (status-2 …) always come after it.
      //    The same audit key as the workflow's own first write (status-1), so a school that
      //    recorded it itself, or a retry, adds nothing; an existing status row stays as it is.
      const keys = ids.map((w, i) => sideEffectKey(stepKey(w, 'status-1'), todo[i]!));
      const statusWritten = (async (): Promise<void> => {
        if (todo.length === 0) return;
        await ds.transaction(async (em) => {
          await writeCycle(em, input.cycle, 'insert');
          // The same per-key advisory lock as appendAudit, taken in one order (no deadlocks).
          await em.query(
            `SELECT pg_advisory_xact_lock(h)
               FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS x`,
            [keys],
          );
          await em.query(
            `INSERT INTO school_accountability
               (organisation_id, workflow_id, cycle_workflow_id, accounting_year, school_id, format_version,
                status, version, current_submission_id, deadline, days_late, submitted_at, late_since, updated_at)
             SELECT $1, t.w, $2, $3, t.s, $4, 'not_started', 0, NULL, $5, 0, NULL, NULL, now()
               FROM unnest($6::text[], $7::uuid[]) AS t(w, s)
             ON CONFLICT DO NOTHING`,
            [
              school.organisationId,
              school.cycleWorkflowId,
              school.accountingYear,
              school.formatVersion,
              school.deadline,
              ids,
              todo,
            ],
          );
          await em.query(
            `INSERT INTO audit_event (organisation_id, workflow_id, actor_person_id, action, occurred_at, payload)
             SELECT $1, t.w, NULL, 'started', now(),
                    jsonb_build_object('deadline', $2::text, 'formatVersion', $3::int,
                                       'cycleWorkflowId', $4::text, 'schoolId', t.s,
                                       'status', 'not_started', 'idempotencyKey', t.k)
               FROM unnest($5::text[], $6::text[], $7::text[]) AS t(w, s, k)
              WHERE NOT EXISTS (
                SELECT 1 FROM audit_event a
                 WHERE a.organisation_id = $1 AND a.workflow_id = t.w AND a.payload->>'idempotencyKey' = t.k)`,
            [
              school.organisationId,
              school.deadline,
              school.formatVersion,
              school.cycleWorkflowId,
              ids,
              todo,
              keys,
            ],
          );
        });
      })();

      // 2. In business hours: the invitations, sent here instead of by each school workflow:
      //    the same submit task and mail as the workflow's own invitation step, under its
      //    outbox key. The tasks and the outbox rows of the whole chunk are written in one
      //    statement each, and the mails go out as soon as they are stored, in batches (see
      //    sendInvitations), while the status rows are written and the schools start: no
      //    school needs a workflow task to be invited. A school without a contact is left to
      //    its workflow, which records that nobody could be invited. No school starts before
      //    its status row is written, and none counts as settled before its mails are out.
      const nowMs = clock();
      const inviteNow = todo.length > 0 && nextBusinessMoment(new Date(nowMs)).getTime() <= nowMs;
      let invitationSent: (i: number) => Promise<void> = async () => {};
      const invitationsUnderWay = inviteNow
        ? prepareInvitations(school, todo, ids, nowMs).then((prepared) => {
            invitationSent = sendInvitations(prepared);
            return prepared;
          })
        : Promise.resolve(new Map<number, PreparedInvitation>());
      const [, invitationOf] = await Promise.all([statusWritten, invitationsUnderWay]);

      // 3. The starts, `concurrency` in flight. A school whose first own step (the invitation
      //    at the next business moment, or, once invited, its first reminder) lies ahead is
      //    started with a start delay until shortly before it: it exists and takes Updates at
      //    once (an Update starts it early), but costs no workflow task now. Otherwise eager
      //    start: the first workflow task comes back with the start's answer to this worker (it
      //    shares the client's connection), which saves the server a task dispatch.
      const outcome: ('started' | 'already')[] = [];
      let next = 0;
      let settled = 0;
      const advance = (): void => {
        // Heartbeat the settled prefix (the SDK throttles the calls to the server).
        while (outcome[settled] !== undefined) {
          if (outcome[settled] === 'started') progress.started += 1;
          else progress.alreadyStarted += 1;
          progress.done += 1;
          settled += 1;
        }
        ctx.heartbeat({ ...progress });
      };
      const startOne = async (): Promise<void> => {
        while (next < todo.length) {
          const i = next++;
          const prepared = invitationOf.get(i);
          const invitation = prepared && {
            at: prepared.at,
            recipientPersonIds: prepared.mails.map((m) => m.person.id),
          };
          const args: SchoolAccountabilityInput = {
            ...school,
            schoolId: todo[i]!,
            ...(invitation ? { invitation } : {}),
          };
          const startMs = clock();
          const first = firstTimedAction(args, startMs);
          const delayMs = first ? first.atMs - WAKE_BEFORE_FIRST_ACTION_MS - startMs : 0;
          const delayed = delayMs >= MIN_START_DELAY_MS;
          const start = async (): Promise<'started' | 'already'> => {
            try {
              await startSlot(() =>
                ctx.client.workflow.start(SCHOOL_WORKFLOW_TYPE, {
                  taskQueue: input.taskQueue,
                  workflowId: ids[i]!,
                  args: [args],
                  workflowIdReusePolicy: 'REJECT_DUPLICATE',
                  ...(delayed ? { startDelay: delayMs } : { requestEagerStart: true }),
                }),
              );
              return 'started';
            } catch (err) {
              if ((err as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw err;
              return 'already';
            }
          };
          // The mail and the start side by side; the school counts as settled (and is skipped
          // by a retry) only when both are done. A failed send fails this attempt: the retry
          // sends the stored mail and finds the school started.
          const [, started] = await Promise.all([invitationSent(i), start()]);
          outcome[i] = started;
          advance();
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, startOne));
      return { started: progress.started, alreadyStarted: progress.alreadyStarted };
    },

    async computeUnderspending(input): Promise<UnderspendingFigures> {
      const rows = (await ds.query(
        `SELECT a.status, a.format_version, a.figures, s.fixed_amount_cents
           FROM accountability_submission a
           JOIN school s ON s.organisation_id = a.organisation_id AND s.id = a.school_id
          WHERE a.organisation_id = $1 AND a.id = $2 AND a.school_id = $3 AND a.accounting_year = $4`,
        [input.organisationId, input.submissionId, input.schoolId, input.accountingYear],
      )) as {
        status: string;
        format_version: number;
        figures: AccountabilitySubmissionFigures;
        fixed_amount_cents: string;
      }[];
      const row = rows[0];
      if (!row) {
        refuse(
          'NOT_FOUND',
          `Submission ${input.submissionId} of school ${input.schoolId} for ${input.accountingYear} does not exist`,
        );
      }
      if (row.status === 'draft') {
        refuse('RULE_VIOLATION', `Submission ${input.submissionId} is a draft, not a submission`);
      }
      // Received = the school's fixed amount (the SWV's own figure, 001 §7.2) + the variable
      // amount as the school reports it (see SWV_VARIABLE_INCOME_LINE_KEY). The fixed amount is
      // the school's current one: the allocation is not stored per year.
      const variableCents =
        row.figures.income.find((l) => l.lineKey === SWV_VARIABLE_INCOME_LINE_KEY)?.amountCents ??
        0;
      const receivedCents = Number(row.fixed_amount_cents) + variableCents;
      const { spentCents, underspendingCents } = asRefusal(() =>
        computeUnderspending({ receivedCents, expenses: row.figures.expenses }),
      );
      return { receivedCents, spentCents, underspendingCents };
    },

    async recordDeduction(input): Promise<RecordDeductionResult> {
      if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
        refuse('VALIDATION', 'A deduction must be a positive integer number of cents');
      }
      const s = await school(input.organisationId, input.schoolId);
      const inserted = (await ds.query(
        `INSERT INTO accountability_deduction
           (organisation_id, school_id, board_id, accounting_year, allocation_year, amount_cents, reason,
            submission_id, idempotency_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          input.organisationId,
          input.schoolId,
          s.board_id,
          input.accountingYear,
          input.allocationYear,
          input.amountCents,
          input.reason,
          input.submissionId,
          input.idempotencyKey,
          input.at,
        ],
      )) as { id: string }[];
      if (inserted[0]) return { deductionId: inserted[0].id, created: true };
      // A retry (same key) or, defensively, another key for the same school and year: the
      // deduction that exists stands; one school is never deducted twice for one year.
      const existing = (await ds.query(
        `SELECT id FROM accountability_deduction
          WHERE idempotency_key = $1
             OR (organisation_id = $2 AND school_id = $3 AND accounting_year = $4)
          ORDER BY (idempotency_key = $1) DESC LIMIT 1`,
        [input.idempotencyKey, input.organisationId, input.schoolId, input.accountingYear],
      )) as { id: string }[];
      if (!existing[0])
        throw new Error(`deduction ${input.idempotencyKey} was neither inserted nor found`);
      return { deductionId: existing[0].id, created: false };
    },
  };
}
