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
  SchoolContacts,
  SchoolNotificationKind,
} from '../accountability.types';

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
  addTenant(tenant: FakeTenant): FakeTenant;
  mailsOf(workflowId: string, kind?: SentMail['kind']): SentMail[];
}

export function createInMemoryAccountability(): InMemoryAccountability {
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
    recordDeduction(input) {
      deductionCalls.push({ ...input });
      const existing = deductions.get(input.idempotencyKey);
      if (existing) return Promise.resolve({ deductionId: existing.deductionId, created: false });
      const deductionId = `deduction-${deductions.size + 1}`;
      deductions.set(input.idempotencyKey, { ...input, deductionId });
      return Promise.resolve({ deductionId, created: true });
    },
  };

  return {
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
