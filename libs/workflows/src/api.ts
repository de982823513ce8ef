/**
 * What the api and the worker need from the workflows library, without the workflow
 * functions themselves: message definitions, payload and activity types, task queues, ids and
 * the input validation the workflow applies. (`src/index.ts`, the bundle entry, re-exports
 * all of this too, so `import { castVoteUpdate } from '@jaarcyclus/workflows'` works.)
 */
export { TASK_QUEUES, type TaskQueueName } from './task-queues';
export {
  budgetWorkflowId,
  visitationProgrammeWorkflowId,
  visitWorkflowId,
  accountabilityWorkflowId,
  schoolAccountabilityWorkflowId,
  supportPlanWorkflowId,
  ectEvaluationWorkflowId,
  transitionWorkflowId,
  stepKey,
  sideEffectKey,
  sideEffectKeyPrefix,
  INVITATION_STEP,
  submitTaskRef,
} from './ids';
export type { Refusal, RefusalDetails, RefusalReason } from './refusal';
export type { TimelineCode, TimelineEvent } from './timeline';
export * from './budget/budget-cycle.messages';
export type * from './budget/budget-cycle.types';
export type * from './budget/budget-cycle.activities';
export {
  DEFAULT_BUDGET_BODY_KEYS,
  DEFAULT_OPR_DISPUTE_AFTER_ROUNDS,
  resolveBudgetCycleConfig,
  validateBudgetCycleInput,
} from './budget/budget-cycle.config';
export type * from './decision-round/decision-round.types';
export type * from './decision-round/decision-round.activities';
export { DEFAULT_ESCALATION_POLICY } from './decision-round/decision-round.types';
export * from './accountability/accountability.messages';
export type * from './accountability/accountability.types';
export type { SchoolAccountabilityResult } from './accountability/school-accountability.workflow';
export {
  resolveAccountabilityCycleInput,
  validateAccountabilityCycleInput,
  DEFAULT_BATCH_SIZE,
  DEFAULT_BATCHES_PER_RUN,
  MAX_BATCH_SIZE,
  MAX_CHILDREN_PER_RUN,
  MAX_SCHOOLS,
  MAX_SUBMISSION_VERSIONS,
  DEFAULT_LINGER_AFTER_FINAL_DAYS,
  WAKE_BEFORE_FIRST_ACTION_MS,
  firstTimedAction,
  reminderStep,
  schoolSchedulePreview,
  type SchoolSchedulePreview,
} from './accountability/accountability.logic';
export type * from './housekeeping/housekeeping.activities';
export * from './housekeeping/housekeeping.types';
export * from './support-plan/support-plan.messages';
export type * from './support-plan/support-plan.types';
export { SUPPORT_PLAN_YEARS, DISPUTE_OUTCOMES } from './support-plan/support-plan.types';
export {
  defaultSupportPlanDeadline,
  isCalendarDate,
  resolveSupportPlanConfig,
  supportPlanSchedule,
  supportPlanStart,
  type SupportPlanScheduleKind,
} from './support-plan/support-plan.config';
export * from './ect-evaluation/ect-evaluation.messages';
export type * from './ect-evaluation/ect-evaluation.types';
export { ECT_TEXT_MAX, ectTaskRef } from './ect-evaluation/ect-evaluation.types';
export {
  defaultEctDeadline,
  ectEvaluationSchedule,
  resolveEctEvaluationConfig,
  type EctScheduleKind,
} from './ect-evaluation/ect-evaluation.config';
export * from './visitation/visitation.messages';
export type * from './visitation/visitation.types';
export { DEFAULT_VISIT_START_BATCH } from './visitation/programme.workflow';
export {
  nextVisitAction,
  overdueSteps,
  plannedVisitActions,
  statusOf as visitStatusOf,
} from './visitation/visitation.logic';
export * from './transition/transition.messages';
export type * from './transition/transition.types';
