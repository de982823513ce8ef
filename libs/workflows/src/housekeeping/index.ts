/** The daily housekeeping: workflow, activity and result types. Deterministic code only. */
export { housekeepingWorkflow } from './housekeeping.workflow';
export type * from './housekeeping.activities';
export * from './housekeeping.types';
