/**
 * In-memory ECT evaluation activities for the workflow tier: tasks, mails (with the server
 * time they were sent at), stored evaluations and the published read model, idempotent on the
 * same keys as the real ones.
 */
import type {
  EctEvaluationActivities,
  EctEvaluationStatus,
} from '../src/ect-evaluation/ect-evaluation.types';
import { ectTaskRef } from '../src/ect-evaluation/ect-evaluation.types';

export interface EctFake {
  activities: EctEvaluationActivities;
  tasks: {
    workflowId: string;
    personId: string;
    refKey: string;
    status: 'open' | 'done' | 'cancelled';
  }[];
  mails: {
    key: string;
    kind: 'invitation' | 'reminder' | 'overdue';
    to: string;
    atMs: number;
    schoolIds: string[];
  }[];
  stored: { workflowId: string; schoolId: string; findings: string; agreements: string }[];
  states: Map<string, { seq: number; state: EctEvaluationStatus }>;
}

/** `now` gives the test server's time (the activity runs while the server clock stands still). */
export function createInMemoryEctActivities(
  now: () => Promise<number>,
  secretariat = 'p-secr',
): EctFake {
  const fake: EctFake = {
    activities: undefined as never,
    tasks: [],
    mails: [],
    stored: [],
    states: new Map(),
  };
  const mail = async (m: Omit<EctFake['mails'][number], 'atMs'>): Promise<void> => {
    if (fake.mails.some((x) => x.key === m.key)) return;
    fake.mails.push({ ...m, atMs: await now() });
  };
  fake.activities = {
    async openEctEvaluations(input) {
      for (const s of input.schools) {
        const refKey = ectTaskRef(input.year, s.schoolId);
        if (!fake.tasks.some((t) => t.workflowId === input.workflowId && t.refKey === refKey))
          fake.tasks.push({
            workflowId: input.workflowId,
            personId: s.ectPersonId,
            refKey,
            status: 'open',
          });
        await mail({
          key: `${input.idempotencyKeyPrefix}:${s.schoolId}`,
          kind: 'invitation',
          to: s.ectPersonId,
          schoolIds: [s.schoolId],
        });
      }
    },
    async sendEctReminders(input) {
      for (const s of input.schools)
        await mail({
          key: `${input.idempotencyKeyPrefix}:${s.schoolId}`,
          kind: 'reminder',
          to: s.ectPersonId,
          schoolIds: [s.schoolId],
        });
    },
    async storeEctEvaluation(input) {
      if (
        !fake.stored.some((x) => x.workflowId === input.workflowId && x.schoolId === input.schoolId)
      )
        fake.stored.push({
          workflowId: input.workflowId,
          schoolId: input.schoolId,
          findings: input.findings,
          agreements: input.agreements,
        });
      for (const t of fake.tasks)
        if (
          t.workflowId === input.workflowId &&
          t.refKey === input.taskRefKey &&
          t.status === 'open'
        )
          t.status = 'done';
    },
    async escalateEctOverdue(input) {
      await mail({
        key: `${input.idempotencyKeyPrefix}:${secretariat}`,
        kind: 'overdue',
        to: secretariat,
        schoolIds: input.schoolIds,
      });
    },
    async cancelEctTasks(input) {
      const refs = input.schoolIds.map((id) => ectTaskRef(input.year, id));
      for (const t of fake.tasks)
        if (t.workflowId === input.workflowId && refs.includes(t.refKey) && t.status === 'open')
          t.status = 'cancelled';
    },
    async publishEctEvaluationState(input) {
      const stored = fake.states.get(input.workflowId);
      if (!stored || stored.seq < input.seq)
        fake.states.set(input.workflowId, { seq: input.seq, state: structuredClone(input.state) });
    },
  };
  return fake;
}
