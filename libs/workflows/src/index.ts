/**
 * Workflow bundle entry point (see libs/temporal bundleWorkflows): every function exported here
 * is a workflow type, so only workflows are exported as functions (helpers such as
 * budgetWorkflowId come through ./api and are harmless there). Messages, types, task queues and helpers are
 * re-exported from ./api so the api can import everything from '@jaarcyclus/workflows'.
 * Deterministic code only: `@temporalio/workflow`, `@jaarcyclus/domain` and this library.
 */
export { budgetCycleWorkflow } from './budget/budget-cycle.workflow';
export * from './api';
export { accountabilityCycleWorkflow, schoolAccountabilityWorkflow } from './accountability';
export { housekeepingWorkflow } from './housekeeping';
export { supportPlanCycleWorkflow } from './support-plan/support-plan.workflow';
export { ectEvaluationWorkflow } from './ect-evaluation/ect-evaluation.workflow';
export { visitWorkflow, visitationProgrammeWorkflow } from './visitation';
export { transitionCaseWorkflow } from './transition';
