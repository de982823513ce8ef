/**
 * In-memory support-plan activities for the workflow tier: they record into the budget fake's
 * tasks, mails and audit (the support plan's rounds use the decision round's activities that
 * fake implements), and keep the published read model per workflow.
 */
import type {
  SupportPlanActivities,
  SupportPlanStatus,
} from '../src/support-plan/support-plan.types';
import type { InMemoryBudgetActivities } from './in-memory-budget-activities';

export interface InMemorySupportPlanActivities {
  activities: SupportPlanActivities;
  states: Map<string, { seq: number; state: SupportPlanStatus }>;
  /** Consent-withheld notices: workflow, round, recipients' key. */
  withheldNotices: { workflowId: string; round: number; key: string }[];
}

export function createInMemorySupportPlanActivities(
  budget: InMemoryBudgetActivities,
): InMemorySupportPlanActivities {
  const states = new Map<string, { seq: number; state: SupportPlanStatus }>();
  const withheldNotices: InMemorySupportPlanActivities['withheldNotices'] = [];
  const activities: SupportPlanActivities = {
    async publishSupportPlanState(input) {
      for (const w of input.writes) {
        if ('audit' in w) await budget.activities.recordAuditEvent(w.audit);
        else await budget.activities.updateTasks(w.tasks);
      }
      const stored = states.get(input.workflowId);
      if (!stored || stored.seq < input.seq)
        states.set(input.workflowId, { seq: input.seq, state: structuredClone(input.state) });
    },
    async requestSupportPlanAdoption(input) {
      await budget.activities.requestAdoption(input);
    },
    async notifySupportPlanConsentWithheld(input) {
      if (!withheldNotices.some((n) => n.key === input.idempotencyKeyPrefix))
        withheldNotices.push({
          workflowId: input.workflowId,
          round: input.round,
          key: input.idempotencyKeyPrefix,
        });
    },
  };
  return { activities, states, withheldNotices };
}
