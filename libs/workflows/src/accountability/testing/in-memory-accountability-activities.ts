/**
 * In-memory AccountabilityActivities for workflow tests: they record every mail, task, status
 * write, audit event and deduction, apply the same idempotency keys the worker's database
 * implementation must honour, and compute the underspending with the domain function. A
 * side effect attempted twice with the same key is recorded in `duplicateKeys` (a workflow
 * bug unless an activity was retried, which these fakes never need).
 */
import { computeUnderspending } from '@jaarcyclus/domain';
import type {
  AccountabilityActivities,
  AccountabilityTaskUpdate,
  RecordAccountabilityCycleInput,
  RecordDeductionInput,
  RecordSchoolStatusInput,
  RemindSchoolsInput,
  SchoolAccountabilityInput,
  SchoolContacts,
  SchoolNotificationKind,
} from '../accountability.types';
import { schoolAccountabilityWorkflowId, sideEffectKey, stepKey } from '../../ids';

/**
 * Starts one school workflow for the fake fan-out (the test wires it to its Temporal client):
 * 'already' when the id is taken.
 */
export type StartSchoolWorkflow = (
  workflowId: string,
  input: SchoolAccountabilityInput,
  taskQueue: string,
) => Promise<'started' | 'already'>;

export interface SentMail {
  key: string;
  kind: SchoolNotificationKind | 'escalation' | 'review';
  workflowId: string;
  schoolId: string;
  to: string;
  role?: string;
  /** Workflow time the step was due (ISO). */
  at: string;
  deadline?: string;
  daysLate?: number;
  version?: number;
  comments?: string;
}

export interface FakeTask {
  workflowId: string;
  personId: string;
  kind: 'submit' | 'review';
  refKey: string;
  status: 'open' | 'done' | 'cancelled';
  dueAt: string | null;
}

export interface FakeSubmission {
  schoolId: string;
  expensesCents: number[];
}

export interface FakeTenant {
  organisationId: string;
  /** The current published format version; `pinFormatVersion` reads it. */
  formatVersion: number;
  /** Simulates an administrator publishing a new format right after a cycle pinned its version. */
  publishNewFormatAfterPin?: boolean;
  schools: Map<string, SchoolContacts>;
  /** Received funds per school from the accounting year's allocation, in cents. */
  receivedCents: Map<string, number>;
  submissions: Map<string, FakeSubmission>;
}

export interface InMemoryAccountability {
  activities: AccountabilityActivities;
  tenants: Map<string, FakeTenant>;
  mails: SentMail[];
  tasks: FakeTask[];
  /** Latest status write per school workflow id. */
  statuses: Map<string, RecordSchoolStatusInput>;
  statusWrites: RecordSchoolStatusInput[];
  audit: RecordSchoolStatusInput['audit'][];
  deductions: Map<string, RecordDeductionInput & { deductionId: string }>;
  deductionCalls: RecordDeductionInput[];
  underspendingCalls: { schoolId: string; submissionId: string; formatVersion: number }[];
  cycles: Map<string, RecordAccountabilityCycleInput>;
  pinned: Map<string, number>;
  duplicateKeys: string[];
  /** Every remindSchools call (the cycle's reminder moments), in order. */
  remindSchoolsCalls: RemindSchoolsInput[];
  /** Every startSchoolWorkflows call, in order. */
  fanOutCalls: { schoolIds: string[]; concurrency: number }[];
  /**
   * Simulates a worker crash: the next startSchoolWorkflows call that has started this many
   * schools fails (retryably) before starting more; then it is reset to null.
   */
  failNextFanOutAfter: number | null;
  addTenant(tenant: FakeTenant): FakeTenant;
  mailsOf(workflowId: string, kind?: SentMail['kind']): SentMail[];
}

export function createInMemoryAccountability(
  options: { startSchoolWorkflow?: StartSchoolWorkflow } = {},
): InMemoryAccountability {
  const tenants = new Map<string, FakeTenant>();
  const mails: SentMail[] = [];
  const mailKeys = new Set<string>();
  const tasks: FakeTask[] = [];
  const statuses = new Map<string, RecordSchoolStatusInput>();
  const statusWrites: RecordSchoolStatusInput[] = [];
  const audit: RecordSchoolStatusInput['audit'][] = [];
  const auditKeys = new Set<string>();
  const deductions = new Map<string, RecordDeductionInput & { deductionId: string }>();
  const deductionCalls: RecordDeductionInput[] = [];
  const underspendingCalls: InMemoryAccountability['underspendingCalls'] = [];
  const cycles = new Map<string, RecordAccountabilityCycleInput>();
  const pinned = new Map<string, number>();
  const duplicateKeys: string[] = [];
  const fanOutCalls: InMemoryAccountability['fanOutCalls'] = [];
  const remindSchoolsCalls: InMemoryAccountability['remindSchoolsCalls'] = [];

  const tenant = (organisationId: string): FakeTenant => {
    const t = tenants.get(organisationId);
    if (!t) throw new Error(`unknown tenant ${organisationId}`);
    return t;
  };
  const mail = (m: SentMail): void => {
    if (mailKeys.has(m.key)) {
      duplicateKeys.push(m.key);
      return;
    }
    mailKeys.add(m.key);
    mails.push(m);
  };
  const upsertTask = (t: Omit<FakeTask, 'status'>): void => {
    const existing = tasks.find(
      (x) =>
        x.workflowId === t.workflowId &&
        x.personId === t.personId &&
        x.kind === t.kind &&
        x.refKey === t.refKey,
    );
    if (existing) existing.dueAt = t.dueAt;
    else tasks.push({ ...t, status: 'open' });
  };

  const activities: AccountabilityActivities = {
    pinFormatVersion({ organisationId, workflowId }) {
      const t = tenant(organisationId);
      const existing = pinned.get(workflowId);
      if (existing !== undefined) return Promise.resolve(existing);
      pinned.set(workflowId, t.formatVersion);
      const version = t.formatVersion;
      if (t.publishNewFormatAfterPin) t.formatVersion += 1;
      return Promise.resolve(version);
    },
    recordCycle(input) {
      cycles.set(input.workflowId, { ...input });
      return Promise.resolve();
    },
    loadSchoolContacts({ organisationId, schoolId }) {
      const school = tenant(organisationId).schools.get(schoolId);
      if (!school) throw new Error(`unknown school ${schoolId}`);
      return Promise.resolve(structuredClone(school));
    },
    async remindSchool(input) {
      const { contactPersonIds } = await activities.loadSchoolContacts({
        organisationId: input.organisationId,
        schoolId: input.schoolId,
      });
      if (contactPersonIds.length > 0) {
        await activities.notifySchool({ ...input, recipientPersonIds: contactPersonIds });
      }
      return { recipientPersonIds: contactPersonIds };
    },
    async remindSchools(input) {
      // As the worker does: the read model's schools of this cycle that still owe a submission
      // for the cycle's deadline, reminded under their own workflow's keys.
      remindSchoolsCalls.push({ ...input });
      const deadlineMs = Date.parse(input.deadline);
      const result = { reminded: 0, withoutContacts: 0, mails: 0 };
      const owing = [...statuses.values()]
        .filter(
          (s) =>
            s.cycleWorkflowId === input.cycleWorkflowId &&
            (s.status === 'not_started' || s.status === 'draft' || s.status === 'returned') &&
            Date.parse(s.deadline) === deadlineMs,
        )
        .sort((a, b) => a.workflowId.localeCompare(b.workflowId));
      for (const s of owing) {
        const { contactPersonIds } = await activities.loadSchoolContacts({
          organisationId: s.organisationId,
          schoolId: s.schoolId,
        });
        const prefix = stepKey(s.workflowId, input.step);
        if (contactPersonIds.length === 0) {
          result.withoutContacts += 1;
          continue;
        }
        // A mail stored under its key before (a school that reminded itself, started before
        // the cycle reminded) is not sent again: the outbox keeps the first one.
        const toMail = contactPersonIds.filter((p) => !mailKeys.has(sideEffectKey(prefix, p)));
        const before = mails.length;
        if (toMail.length > 0)
          await activities.notifySchool({
            organisationId: s.organisationId,
            workflowId: s.workflowId,
            accountingYear: input.accountingYear,
            schoolId: s.schoolId,
            formatVersion: input.formatVersion,
            idempotencyKeyPrefix: prefix,
            at: input.at,
            kind: 'reminder',
            recipientPersonIds: toMail,
            deadline: input.deadline,
            daysLate: 0,
            ...(s.status === 'returned' ? { version: s.version } : {}),
          });
        result.mails += mails.length - before;
        result.reminded += 1;
        // One audit event per school and moment; a retry adds none (as the audit log's key).
        const auditKey = sideEffectKey(prefix, s.schoolId);
        if (!auditKeys.has(auditKey)) {
          auditKeys.add(auditKey);
          audit.push({
            idempotencyKey: auditKey,
            action: 'reminder_sent',
            actorPersonId: null,
            occurredAt: input.at,
            payload: { recipients: contactPersonIds, scheduledAt: input.at, daysLate: 0 },
          });
        }
      }
      return result;
    },
    notifySchool(input) {
      for (const personId of input.recipientPersonIds) {
        mail({
          key: `${input.idempotencyKeyPrefix}:${personId}`,
          kind: input.kind,
          workflowId: input.workflowId,
          schoolId: input.schoolId,
          to: personId,
          at: input.at,
          deadline: input.deadline,
          daysLate: input.daysLate,
          ...(input.version !== undefined ? { version: input.version } : {}),
          ...(input.comments !== undefined ? { comments: input.comments } : {}),
        });
        if (input.task) {
          upsertTask({
            workflowId: input.workflowId,
            personId,
            kind: 'submit',
            refKey: input.task.refKey,
            dueAt: input.task.dueAt,
          });
        }
      }
      return Promise.resolve();
    },
    escalateLate(input) {
      for (const r of input.recipients) {
        mail({
          key: `${input.idempotencyKeyPrefix}:${r.personId}`,
          kind: 'escalation',
          workflowId: input.workflowId,
          schoolId: input.schoolId,
          to: r.personId,
          role: r.role,
          at: input.at,
          deadline: input.deadline,
          daysLate: input.daysLate,
        });
      }
      return Promise.resolve();
    },
    requestReview(input) {
      for (const personId of input.reviewerPersonIds) {
        mail({
          key: `${input.idempotencyKeyPrefix}:${personId}`,
          kind: 'review',
          workflowId: input.workflowId,
          schoolId: input.schoolId,
          to: personId,
          at: input.at,
          version: input.version,
          daysLate: input.daysLate,
        });
        upsertTask({
          workflowId: input.workflowId,
          personId,
          kind: 'review',
          refKey: input.taskRefKey,
          dueAt: null,
        });
      }
      return Promise.resolve();
    },
    updateAccountabilityTasks(input: AccountabilityTaskUpdate) {
      for (const t of tasks) {
        if (t.workflowId !== input.workflowId || t.kind !== input.kind || t.status !== 'open')
          continue;
        if (input.refKey !== undefined && t.refKey !== input.refKey) continue;
        if (input.dueAt !== undefined) t.dueAt = input.dueAt;
        if (input.status !== undefined) t.status = input.status;
      }
      return Promise.resolve();
    },
    recordStatus(input) {
      statuses.set(input.workflowId, structuredClone(input));
      statusWrites.push(structuredClone(input));
      if (auditKeys.has(input.audit.idempotencyKey)) duplicateKeys.push(input.audit.idempotencyKey);
      else {
        auditKeys.add(input.audit.idempotencyKey);
        audit.push(structuredClone(input.audit));
      }
      return Promise.resolve();
    },
    computeUnderspending({ organisationId, schoolId, submissionId, formatVersion }) {
      const t = tenant(organisationId);
      const submission = t.submissions.get(submissionId);
      if (!submission || submission.schoolId !== schoolId)
        throw new Error(`unknown submission ${submissionId}`);
      underspendingCalls.push({ schoolId, submissionId, formatVersion });
      const receivedCents = t.receivedCents.get(schoolId) ?? 0;
      const { spentCents, underspendingCents } = computeUnderspending({
        receivedCents,
        expenses: submission.expensesCents.map((amountCents) => ({ amountCents })),
      });
      return Promise.resolve({ receivedCents, spentCents, underspendingCents });
    },
    async startSchoolWorkflows(input) {
      const start = options.startSchoolWorkflow;
      if (!start) throw new Error('createInMemoryAccountability: no startSchoolWorkflow given');
      fanOutCalls.push({ schoolIds: [...input.schoolIds], concurrency: input.concurrency });
      // The cycle's rows when absent, as the worker does.
      if (!cycles.has(input.cycle.workflowId))
        cycles.set(input.cycle.workflowId, { ...input.cycle });
      const { school } = input;
      const ids = input.schoolIds.map((s) =>
        schoolAccountabilityWorkflowId(school.organisationId, school.accountingYear, s),
      );
      // The bulk 'started' writes first, as the worker does (a retry or a school that wrote
      // them itself adds nothing: the same audit key).
      for (const [i, schoolId] of input.schoolIds.entries()) {
        const workflowId = ids[i]!;
        const key = sideEffectKey(stepKey(workflowId, 'status-1'), schoolId);
        if (auditKeys.has(key)) continue;
        auditKeys.add(key);
        const write: RecordSchoolStatusInput = {
          organisationId: school.organisationId,
          workflowId,
          cycleWorkflowId: school.cycleWorkflowId,
          accountingYear: school.accountingYear,
          schoolId,
          formatVersion: school.formatVersion,
          status: 'not_started',
          version: 0,
          submissionId: null,
          deadline: school.deadline,
          daysLate: 0,
          submittedAt: null,
          lateSince: null,
          audit: {
            idempotencyKey: key,
            action: 'started',
            actorPersonId: null,
            occurredAt: new Date().toISOString(),
            payload: {
              deadline: school.deadline,
              formatVersion: school.formatVersion,
              cycleWorkflowId: school.cycleWorkflowId,
            },
          },
        };
        if (!statuses.has(workflowId)) statuses.set(workflowId, structuredClone(write));
        statusWrites.push(write);
        audit.push(structuredClone(write.audit));
      }
      let started = 0;
      let alreadyStarted = 0;
      let next = 0;
      let startedThisCall = 0;
      await Promise.all(
        Array.from({ length: Math.max(1, input.concurrency) }, async () => {
          while (next < ids.length) {
            if (
              result.failNextFanOutAfter !== null &&
              startedThisCall >= result.failNextFanOutAfter
            ) {
              result.failNextFanOutAfter = null;
              throw new Error('simulated worker crash during the fan-out');
            }
            const i = next++;
            startedThisCall += 1;
            const outcome = await start(
              ids[i]!,
              { ...school, schoolId: input.schoolIds[i]! },
              input.taskQueue,
            );
            if (outcome === 'started') started += 1;
            else alreadyStarted += 1;
          }
        }),
      );
      return { started, alreadyStarted };
    },
    recordDeduction(input) {
      deductionCalls.push({ ...input });
      const existing = deductions.get(input.idempotencyKey);
      if (existing) return Promise.resolve({ deductionId: existing.deductionId, created: false });
      const deductionId = `deduction-${deductions.size + 1}`;
      deductions.set(input.idempotencyKey, { ...input, deductionId });
      return Promise.resolve({ deductionId, created: true });
    },
  };

  const result: InMemoryAccountability = {
    activities,
    tenants,
    mails,
    tasks,
    statuses,
    statusWrites,
    audit,
    deductions,
    deductionCalls,
    underspendingCalls,
    cycles,
    pinned,
    duplicateKeys,
    fanOutCalls,
    remindSchoolsCalls,
    failNextFanOutAfter: null,
    addTenant(t) {
      tenants.set(t.organisationId, t);
      return t;
    },
    mailsOf(workflowId, kind) {
      return mails.filter(
        (m) => m.workflowId === workflowId && (kind === undefined || m.kind === kind),
      );
    },
  };
  return result;
}

/**
 * A small SWV: two boards; each school has two contacts, a bestuurder for its board and an
 * ECT member; the secretariat has two people. Other persons (another board's bestuurder,
 * another school's ECT member) exist so that a test can see they are not mailed.
 */
export function sampleTenant(
  organisationId: string,
  schoolIds: string[] = ['s1', 's2', 's3'],
): FakeTenant {
  const schools = new Map<string, SchoolContacts>();
  schoolIds.forEach((schoolId, i) => {
    const board = i % 2 === 0 ? 'a' : 'b';
    schools.set(schoolId, {
      schoolId,
      schoolName: `School ${schoolId}`,
      boardId: `board-${board}`,
      boardName: `Stichting ${board.toUpperCase()}`,
      contactPersonIds: [`p-contact-${schoolId}-1`, `p-contact-${schoolId}-2`],
      bestuurderPersonId: `p-bestuurder-${board}`,
      ectMemberPersonId: `p-ect-${schoolId}`,
      secretariatPersonIds: ['p-secr-1', 'p-secr-2'],
    });
  });
  return {
    organisationId,
    formatVersion: 1,
    schools,
    receivedCents: new Map(schoolIds.map((id) => [id, 5_000_000])),
    submissions: new Map(),
  };
}
