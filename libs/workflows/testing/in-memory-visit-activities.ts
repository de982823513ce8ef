import { Context } from '@temporalio/activity';
import type {
  EscalateVisitInput,
  NotifyVisitInput,
  PublishVisitStateInput,
  ResolveVisitSeatInput,
  ResolveVisitSeatResult,
  StartVisitWorkflowsInput,
  StartVisitWorkflowsResult,
  UpdateVisitTasksInput,
  VisitActivities,
  VisitationProgrammeActivities,
  VisitView,
} from '../src/visitation/visitation.types';

/** One mail as a person receives it: who, which kind, when (workflow time). */
export interface FakeVisitMail {
  key: string;
  to: string;
  kind: NotifyVisitInput['kind'];
  step?: string;
  at: number;
}

/**
 * The visit flow's activities over memory, for workflow tests: mails, escalations and tasks
 * are recorded by idempotency key (a repeat changes nothing), the read model keeps the newest
 * state per visit, and a seat is re-solved by the test's `replacements` (visitor → newcomer).
 */
export function createInMemoryVisitActivities(deps: {
  startVisit?: (input: StartVisitWorkflowsInput) => Promise<StartVisitWorkflowsResult>;
}) {
  const mails = new Map<string, FakeVisitMail>();
  const escalations = new Map<string, EscalateVisitInput & { at: number }>();
  const taskUpdates: UpdateVisitTasksInput[] = [];
  const tasks = new Map<
    string,
    { personId: string; kind: string; refKey: string; status: string }
  >();
  const states = new Map<string, { seq: number; view: VisitView }>();
  const audit = new Map<string, string>();
  const seatCalls: ResolveVisitSeatInput[] = [];
  const replacements = new Map<string, { visitorId: string; role: 'chair' | 'member' }>();
  const secretariat = ['p-secretariat'];
  // Workflow time: when the workflow scheduled this attempt (the test server's clock).
  const now = (): number => Context.current().info.currentAttemptScheduledTimestampMs;

  const activities: VisitActivities & VisitationProgrammeActivities = {
    async notifyVisit(input) {
      const to = input.to === 'secretariat' ? secretariat : input.to;
      for (const person of to) {
        const key = `${input.idempotencyKeyPrefix}:${person}`;
        if (!mails.has(key))
          mails.set(key, {
            key,
            to: person,
            kind: input.kind,
            ...(input.step ? { step: input.step } : {}),
            at: now(),
          });
        if (input.task) {
          const taskKey = `${input.workflowId}:${person}:${input.task.kind}:${input.task.refKey}`;
          if (!tasks.has(taskKey))
            tasks.set(taskKey, {
              personId: person,
              kind: input.task.kind,
              refKey: input.task.refKey,
              status: 'open',
            });
        }
      }
      return to.length;
    },
    async escalateVisit(input) {
      const key = `${input.idempotencyKeyPrefix}:secretariat`;
      if (!escalations.has(key)) escalations.set(key, { ...input, at: now() });
      return 1;
    },
    async updateVisitTasks(input) {
      taskUpdates.push(input);
      for (const t of tasks.values()) {
        if (t.kind !== input.kind || t.status !== 'open') continue;
        if (input.refKey !== undefined && t.refKey !== input.refKey) continue;
        if (input.personIds && !input.personIds.includes(t.personId)) continue;
        if (input.status) t.status = input.status;
      }
    },
    async resolveVisitSeat(input): Promise<ResolveVisitSeatResult> {
      seatCalls.push(input);
      const r = replacements.get(input.visitorId);
      return r
        ? { status: 'resolved', replacement: r }
        : { status: 'infeasible', reasons: ['none'] };
    },
    async publishVisitState(input: PublishVisitStateInput) {
      for (const w of input.writes) audit.set(w.idempotencyKey, w.action);
      const current = states.get(input.visitId);
      if (!current || current.seq < input.seq)
        states.set(input.visitId, { seq: input.seq, view: input.view });
    },
    async startVisitWorkflows(input) {
      if (!deps.startVisit) throw new Error('no startVisit in this test');
      return deps.startVisit(input);
    },
  };
  return {
    activities,
    mails,
    escalations,
    taskUpdates,
    tasks,
    states,
    audit,
    seatCalls,
    replacements,
  };
}
