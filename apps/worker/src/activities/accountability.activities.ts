/**
 * Activities of the 1 February accountability (verantwoording, docs/domain.md, source 001 §7.4): the business
 * steps of `accountabilityCycleWorkflow` and `schoolAccountabilityWorkflow` (format pinning,
 * the schools' status and submissions, deductions, the fan-out) on top of the cycle kit
 * (libs/cycles), which holds the shared machinery: tasks, audit trail, the cycle read model,
 * mail through the outbox, active recipients. Idempotency, refusals and retries: see CycleKit;
 * a deduction is inserted once per idempotency key (and per school and accounting year).
 *
 * Workflows pass ids only (AVG, docs/domain.md, source 001 §1.4); names and addresses are read here, when the
 * mail is written.
 */
import { Context } from '@temporalio/activity';
import {
  underspendingOfFigures,
  deductionAllocationYear,
  schoolCalendar,
} from '@jaarcyclus/domain';
import {
  type CycleKitDeps,
  type StoredMail,
  type Recipient,
  asRefusal,
  createCycleKit,
  defineCycle,
  refuse,
  semaphore,
} from '@jaarcyclus/cycles';
import type {
  AuditEntry,
  OwingSchoolRow,
  Repositories,
  SchoolWithBoard,
} from '@jaarcyclus/persistence';
import {
  type AccountabilityActivities,
  type AccountabilityTaskUpdate,
  type SchoolAccountabilityInput,
  type RecordAccountabilityCycleInput,
  type RecordDeductionResult,
  type RemindSchoolResult,
  type RemindSchoolsInput,
  type RemindSchoolsResult,
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

/** The accountability cycle: read-model rows of kind 'accountability'; schools submit, the secretariat reviews. */
export const ACCOUNTABILITY_CYCLE = defineCycle({
  kind: 'accountability',
  taskKinds: ['submit', 'review'],
});

export interface AccountabilityActivityDeps extends CycleKitDeps {
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
  /** Schools `remindSchools` reads and reminds per page (default REMIND_SCHOOLS_PAGE). */
  remindSchoolsPageSize?: number;
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

/**
 * Schools `remindSchools` handles per page: one query each for the page's schools, their
 * contacts, their names and their submit tasks, one statement storing the page's mails and one
 * appending its audit events; then a heartbeat.
 */
export const REMIND_SCHOOLS_PAGE = 200;

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

/**
 * Progress of `remindSchools`, heartbeated after each page: every owing school up to and
 * including the school workflow `after` is settled (ids and counts only, never a name or an
 * address: heartbeats end up in Temporal's history).
 */
interface ReminderSweepProgress {
  after: string | null;
  reminded: number;
  withoutContacts: number;
  mails: number;
}

export function createAccountabilityActivities(
  deps: AccountabilityActivityDeps,
): AccountabilityWorkerActivities {
  const kit = createCycleKit(ACCOUNTABILITY_CYCLE, deps);
  const { repos } = kit;
  const startSlot = semaphore(deps.maxStartsInFlight ?? MAX_STARTS_IN_FLIGHT);
  const deliverySlot = semaphore(INVITATION_BATCHES_IN_FLIGHT);
  const clock = deps.now ?? Date.now;
  const remindPageSize = Math.max(1, deps.remindSchoolsPageSize ?? REMIND_SCHOOLS_PAGE);
  const taskUrl = (taskId: string | undefined): string | null =>
    taskId ? kit.taskUrl(taskId) : null;

  async function school(organisationId: string, schoolId: string): Promise<SchoolWithBoard> {
    const found = await repos.schools.findWithBoard(organisationId, schoolId);
    if (!found) refuse('NOT_FOUND', `School ${schoolId} is not a school of this organisation`);
    return found;
  }

  /**
   * The Cycle read model (kind 'accountability') and the cycle's pinned settings. 'upsert'
   * updates status and counts of existing rows; 'insert' only adds rows that are missing. The
   * pinned format version is never changed once stored.
   */
  async function writeCycle(
    tx: Repositories,
    input: RecordAccountabilityCycleInput,
    mode: 'upsert' | 'insert',
  ): Promise<void> {
    await tx.cycles.record(
      {
        organisationId: input.organisationId,
        kind: ACCOUNTABILITY_CYCLE.kind,
        year: input.accountingYear,
        workflowId: input.workflowId,
        title: input.title,
        status: input.status,
        createdByPersonId: input.createdByPersonId,
      },
      mode === 'upsert' ? ['status', 'title'] : [],
    );
    await tx.accountability.writeCycleSettings(input, mode);
  }

  /** A school's invitation as the fan-out sends it: one mail per contact, stored in the outbox. */
  interface PreparedInvitation {
    at: string;
    mails: StoredMail[];
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
    const [orgName, nameOf, contacts] = await Promise.all([
      kit.organisationName(org),
      repos.schools.names(org, schoolIds),
      repos.persons.activeSchoolContacts(org, schoolIds),
    ]);
    const contactsOf = new Map<string, Recipient[]>();
    for (const { schoolId, ...c } of contacts)
      contactsOf.set(schoolId, [...(contactsOf.get(schoolId) ?? []), c]);
    const deadline = new Date(Date.parse(school.deadline)).toISOString();
    const rows: { i: number; person: Recipient }[] = [];
    schoolIds.forEach((schoolId, i) => {
      if (!nameOf.has(schoolId)) return;
      for (const person of contactsOf.get(schoolId) ?? []) rows.push({ i, person });
    });
    if (rows.length === 0) return new Map();
    const tasks = await kit.openTasks({
      organisationId: org,
      kind: 'submit',
      refKey: submitTaskRef(school.accountingYear, 1),
      dueAt: deadline,
      tasks: rows.map((r) => ({
        personId: r.person.id,
        workflowId: workflowIds[r.i]!,
        title: submitTaskTitle(school.accountingYear, nameOf.get(schoolIds[r.i]!)!),
        payload: {
          schoolId: schoolIds[r.i]!,
          accountingYear: school.accountingYear,
          formatVersion: school.formatVersion,
        },
      })),
    });
    const taskOf = new Map(tasks.map((t) => [`${t.workflowId}|${t.personId}`, t.id]));
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
      entry.mails.push({ key, to: person, mail });
      prepared.set(i, entry);
    }
    await kit.storeMails(
      org,
      [...prepared.values()].flatMap((p) => p.mails),
    );
    return prepared;
  }

  /**
   * One page of a reminder sweep (remindSchools): the reminder each school's own workflow would
   * send (notifySchool, kind 'reminder', before the deadline: daysLate 0; the returned version
   * for a returned school; the link to the contact's latest submit task), to its active
   * contacts, under that workflow's keys; stored in one statement, sent in outbox batches of
   * whole schools, and then one audit event per school in one statement ('reminder_sent', or
   * 'no_recipients' for a school without an active contact). Returns the page's counts.
   */
  async function remindPage(
    input: RemindSchoolsInput,
    orgName: string,
    page: readonly OwingSchoolRow[],
    onSchoolSent: () => void,
  ): Promise<Omit<ReminderSweepProgress, 'after'>> {
    const org = input.organisationId;
    const schoolIds = [...new Set(page.map((r) => r.schoolId))];
    const [nameOf, contacts, tasksOf] = await Promise.all([
      repos.schools.names(org, schoolIds),
      repos.persons.activeSchoolContacts(org, schoolIds),
      // Each contact's latest submit task per school workflow, for the link (as notifySchool).
      repos.tasks.latestByPersonOfWorkflows(
        page.map((r) => r.workflowId),
        'submit',
      ),
    ]);
    const contactsOf = new Map<string, Recipient[]>();
    for (const { schoolId, ...c } of contacts)
      contactsOf.set(schoolId, [...(contactsOf.get(schoolId) ?? []), c]);
    const deadline = new Date(Date.parse(input.deadline)).toISOString();

    const mailsOf = new Map<string, StoredMail[]>();
    const audit: AuditEntry[] = [];
    let withoutContacts = 0;
    for (const row of page) {
      const prefix = stepKey(row.workflowId, input.step);
      const event = {
        idempotencyKey: sideEffectKey(prefix, row.schoolId),
        organisationId: org,
        workflowId: row.workflowId,
        actorPersonId: null,
        occurredAt: input.at,
      };
      const people = contactsOf.get(row.schoolId) ?? [];
      const schoolName = nameOf.get(row.schoolId);
      if (people.length === 0 || schoolName === undefined) {
        // As the school workflow records a reminder nobody could receive.
        withoutContacts += 1;
        audit.push({
          ...event,
          action: 'no_recipients',
          payload: {
            step: input.step,
            role: 'school_contact',
            schoolId: row.schoolId,
            status: row.status,
          },
        });
        continue;
      }
      const tasks = tasksOf.get(row.workflowId);
      mailsOf.set(
        row.workflowId,
        people.map((person) => ({
          key: sideEffectKey(prefix, person.id),
          to: person,
          mail: renderSchoolMail(person.locale, 'reminder', {
            organisationName: orgName,
            recipientName: person.name,
            schoolName,
            accountingYear: input.accountingYear,
            deadline,
            daysLate: 0,
            formatVersion: input.formatVersion,
            ...(row.status === 'returned' ? { version: row.version } : {}),
            taskUrl: taskUrl(tasks?.get(person.id)),
          }),
        })),
      );
      audit.push({
        ...event,
        action: 'reminder_sent',
        payload: {
          recipients: people.map((p) => p.id),
          scheduledAt: input.at,
          daysLate: 0,
          schoolId: row.schoolId,
          status: row.status,
        },
      });
    }

    const mails = [...mailsOf.values()].flat();
    if (mails.length > 0) {
      // A key stored before (by an earlier attempt, or by the school workflow itself) keeps its
      // mail, and a mail sent before is not sent again.
      await kit.storeMails(org, mails);
      const sent = kit.sendStoredInBatches(mailsOf, {
        mailsPerBatch: INVITATIONS_PER_DELIVERY,
        slot: deliverySlot,
      });
      await Promise.all(
        [...mailsOf.keys()].map(async (workflowId) => {
          await sent(workflowId);
          onSchoolSent();
        }),
      );
    }
    // After the mails: an event never claims a reminder that was not sent.
    await repos.audit.append(audit);
    return { reminded: mailsOf.size, withoutContacts, mails: mails.length };
  }

  const activities: AccountabilityWorkerActivities = {
    async pinFormatVersion({ organisationId, workflowId, accountingYear }): Promise<number> {
      // First call per workflow id stores the tenant's latest version; later calls (and a
      // restarted cycle) read what was stored. A row the api wrote at start wins the same way.
      const version = await repos.accountability.pinFormatVersion(
        organisationId,
        workflowId,
        accountingYear,
      );
      if (version === null) {
        refuse('CONFLICT', `Workflow id ${workflowId} belongs to another organisation`);
      }
      return version;
    },

    async recordCycle(input): Promise<void> {
      await repos.transaction((tx) => writeCycle(tx, input, 'upsert'));
    },

    async loadSchoolContacts({ organisationId, schoolId }): Promise<SchoolContacts> {
      const s = await school(organisationId, schoolId);
      const contacts = await repos.persons.activeSchoolContacts(organisationId, [schoolId]);
      const secretariat = await repos.persons.activeWithRole(organisationId, 'secretariat');
      // An inactive bestuurder or ECT member is nobody to escalate to.
      const active = await kit.recipients(
        organisationId,
        [s.bestuurderPersonId, s.ectMemberPersonId].filter((id): id is string => id !== null),
      );
      const ifActive = (id: string | null): string | null => (id && active.has(id) ? id : null);
      return {
        schoolId: s.id,
        schoolName: s.name,
        boardId: s.boardId,
        boardName: s.boardName,
        contactPersonIds: contacts.map((c) => c.id),
        bestuurderPersonId: ifActive(s.bestuurderPersonId),
        ectMemberPersonId: ifActive(s.ectMemberPersonId),
        secretariatPersonIds: secretariat.map((p) => p.id),
      };
    },

    async remindSchool(input): Promise<RemindSchoolResult> {
      // Only the contacts: a reminder needs no bestuurder, ECT member or secretariat (one
      // query where loadSchoolContacts takes four; notifySchool checks the school).
      const contacts = await repos.persons.activeSchoolContacts(input.organisationId, [
        input.schoolId,
      ]);
      const recipientPersonIds = contacts.map((c) => c.id);
      if (recipientPersonIds.length > 0) {
        await activities.notifySchool({ ...input, recipientPersonIds });
      }
      return { recipientPersonIds };
    },

    async remindSchools(input): Promise<RemindSchoolsResult> {
      const ctx = Context.current();
      const resumed = ctx.info.heartbeatDetails as ReminderSweepProgress | undefined;
      const progress: ReminderSweepProgress = resumed
        ? { ...resumed }
        : { after: null, reminded: 0, withoutContacts: 0, mails: 0 };
      const orgName = await kit.organisationName(input.organisationId);
      // Keeps the attempt alive while a page's mails go out; the progress moves per page only.
      const alive = (): void => ctx.heartbeat({ ...progress });
      for (;;) {
        const page = await repos.accountability.schoolsOwingSubmission({
          organisationId: input.organisationId,
          cycleWorkflowId: input.cycleWorkflowId,
          deadline: input.deadline,
          after: progress.after,
          limit: remindPageSize,
        });
        if (page.length === 0) break;
        const done = await remindPage(input, orgName, page, alive);
        progress.after = page[page.length - 1]!.workflowId;
        progress.reminded += done.reminded;
        progress.withoutContacts += done.withoutContacts;
        progress.mails += done.mails;
        ctx.heartbeat({ ...progress });
        if (page.length < remindPageSize) break;
      }
      return {
        reminded: progress.reminded,
        withoutContacts: progress.withoutContacts,
        mails: progress.mails,
      };
    },

    async notifySchool(input): Promise<void> {
      const [org, s, recipients, waiverReason] = await Promise.all([
        kit.organisationName(input.organisationId),
        school(input.organisationId, input.schoolId),
        kit.recipients(input.organisationId, input.recipientPersonIds),
        // Why the school was waived: the reason of its latest 'waived' audit event, which the
        // school workflow records before it tells the school (it passes no reason to the mail).
        input.kind === 'waived' && input.comments === undefined
          ? repos.audit.latestPayloadText(
              input.organisationId,
              input.workflowId,
              'waived',
              'reason',
            )
          : Promise.resolve(null),
      ]);
      // All tasks first: contacts see their task in the app even while the mail server is down.
      const tasks = new Map<string, string>();
      if (input.task) {
        for (const personId of input.recipientPersonIds) {
          if (!recipients.has(personId)) continue;
          tasks.set(
            personId,
            await kit.openTask({
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
        // The person's latest 'submit' task of this school workflow, for the link in the mail.
        for (const [personId, taskId] of await repos.tasks.latestByPerson(
          input.workflowId,
          'submit',
        )) {
          tasks.set(personId, taskId);
        }
      }
      const u = input.underspending;
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: input.recipientPersonIds,
        recipients,
        render: (person) =>
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
            taskUrl: taskUrl(tasks.get(person.id)),
          }),
      });
    },

    async escalateLate(input): Promise<void> {
      const [org, s, recipients] = await Promise.all([
        kit.organisationName(input.organisationId),
        school(input.organisationId, input.schoolId),
        kit.recipients(
          input.organisationId,
          input.recipients.map((r) => r.personId),
        ),
      ]);
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: input.recipients,
        recipients,
        render: (person, r) =>
          renderAccountabilityEscalationMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            role: r.role,
            schoolName: s.name,
            boardName: s.boardName,
            accountingYear: input.accountingYear,
            deadline: input.deadline,
            daysLate: input.daysLate,
            // The school's page under "Mijn scholen" (apps/api MySchoolsController), which the
            // ECT member and the board's bestuurder both may read.
            schoolUrl: kit.url(`/app/my-schools/${input.accountingYear}/schools/${input.schoolId}`),
          }),
      });
    },

    async requestReview(input): Promise<void> {
      const [org, s, recipients] = await Promise.all([
        kit.organisationName(input.organisationId),
        school(input.organisationId, input.schoolId),
        kit.recipients(input.organisationId, input.reviewerPersonIds),
      ]);
      const tasks = new Map<string, string>();
      for (const personId of input.reviewerPersonIds) {
        if (!recipients.has(personId)) continue;
        tasks.set(
          personId,
          await kit.openTask({
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
      await kit.mailEach({
        organisationId: input.organisationId,
        idempotencyKeyPrefix: input.idempotencyKeyPrefix,
        to: input.reviewerPersonIds,
        recipients,
        render: (person) =>
          renderReviewRequestMail(person.locale, {
            organisationName: org,
            recipientName: person.name,
            schoolName: s.name,
            accountingYear: input.accountingYear,
            version: input.version,
            daysLate: input.daysLate,
            taskUrl: taskUrl(tasks.get(person.id)),
          }),
      });
    },

    /** Completes, re-dates or cancels the open tasks of one school workflow. */
    async updateAccountabilityTasks(input: AccountabilityTaskUpdate): Promise<void> {
      await kit.updateTasks(input);
    },

    async recordStatus(input): Promise<void> {
      await repos.transaction(async (tx) => {
        // The submission row first: the status row refers to it.
        if (input.submission) {
          await tx.accountability.updateSubmission(
            input.organisationId,
            input.submission,
            input.audit.occurredAt,
          );
        }
        await tx.accountability.upsertSchoolStatus(input);
        await tx.audit.append([
          {
            idempotencyKey: input.audit.idempotencyKey,
            organisationId: input.organisationId,
            workflowId: input.workflowId,
            action: input.audit.action,
            actorPersonId: input.audit.actorPersonId,
            occurredAt: input.audit.occurredAt,
            payload: { ...input.audit.payload, schoolId: input.schoolId, status: input.status },
          },
        ]);
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
        await repos.transaction(async (tx) => {
          await writeCycle(tx, input.cycle, 'insert');
          await tx.accountability.insertNotStartedSchools({
            organisationId: school.organisationId,
            cycleWorkflowId: school.cycleWorkflowId,
            accountingYear: school.accountingYear,
            formatVersion: school.formatVersion,
            deadline: school.deadline,
            workflowIds: ids,
            schoolIds: todo,
          });
          await tx.audit.append(
            todo.map((schoolId, i) => ({
              idempotencyKey: keys[i]!,
              organisationId: school.organisationId,
              workflowId: ids[i]!,
              actorPersonId: null,
              action: 'started',
              occurredAt: null,
              payload: {
                deadline: school.deadline,
                formatVersion: school.formatVersion,
                cycleWorkflowId: school.cycleWorkflowId,
                schoolId,
                status: 'not_started',
              },
            })),
          );
        });
      })();

      // 2. In business hours: the invitations, sent here instead of by each school workflow:
      //    the same submit task and mail as the workflow's own invitation step, under its
      //    outbox key. The tasks and the outbox rows of the whole chunk are written in one
      //    statement each, and the mails go out as soon as they are stored, in batches (see
      //    CycleKit.sendStoredInBatches), while the status rows are written and the schools start: no
      //    school needs a workflow task to be invited. A school without a contact is left to
      //    its workflow, which records that nobody could be invited. No school starts before
      //    its status row is written, and none counts as settled before its mails are out.
      const nowMs = clock();
      // Schools are invited on their own calendar: never in their region's school holidays.
      const inviteNow =
        todo.length > 0 &&
        kit.inBusinessHours(nowMs, school.region ? schoolCalendar(school.region) : undefined);
      let invitationSent: (i: number) => Promise<void> = async () => {};
      const invitationsUnderWay = inviteNow
        ? prepareInvitations(school, todo, ids, nowMs).then((prepared) => {
            // Batches of whole schools, up to INVITATIONS_PER_DELIVERY mails each, by school.
            invitationSent = kit.sendStoredInBatches(
              new Map([...prepared].sort(([x], [y]) => x - y).map(([i, p]) => [i, p.mails])),
              { mailsPerBatch: INVITATIONS_PER_DELIVERY, slot: deliverySlot },
            );
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
            recipientPersonIds: prepared.mails.map((m) => m.to.id),
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
      const row = await repos.accountability.submissionForUnderspending(
        input.organisationId,
        input.submissionId,
        input.schoolId,
        input.accountingYear,
      );
      if (!row) {
        refuse(
          'NOT_FOUND',
          `Submission ${input.submissionId} of school ${input.schoolId} for ${input.accountingYear} does not exist`,
        );
      }
      if (row.status === 'draft') {
        refuse('RULE_VIOLATION', `Submission ${input.submissionId} is a draft, not a submission`);
      }
      // Received = the school's fixed amount + the variable amount as the school reports it
      // (underspendingOfFigures). The fixed amount is the school's current one: the allocation is
      // not stored per year.
      return asRefusal(() => underspendingOfFigures(row.fixedAmountCents, row.figures));
    },

    async recordDeduction(input): Promise<RecordDeductionResult> {
      if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
        refuse('VALIDATION', 'A deduction must be a positive integer number of cents');
      }
      const s = await school(input.organisationId, input.schoolId);
      // A retry (same key) or, defensively, another key for the same school and year: the
      // deduction that exists stands; one school is never deducted twice for one year.
      return repos.deductions.record({ ...input, boardId: s.boardId });
    },
  };
  return activities;
}
