/**
 * The 1 February accountability (docs/domain.md §2): workflows, messages, types, ids and the input
 * validation the api applies before starting a cycle. Deterministic code only.
 */
export { accountabilityCycleWorkflow } from './accountability-cycle.workflow';
export {
  schoolAccountabilityWorkflow,
  type SchoolAccountabilityResult,
} from './school-accountability.workflow';
export * from './accountability.messages';
export type * from './accountability.types';
export {
  accountabilityWorkflowId,
  schoolAccountabilityWorkflowId,
  INVITATION_STEP,
  submitTaskRef,
} from '../ids';
export {
  DEFAULT_BATCHES_PER_RUN,
  DEFAULT_BATCH_SIZE,
  DEFAULT_LINGER_AFTER_FINAL_DAYS,
  MAX_BATCH_SIZE,
  MAX_CHILDREN_PER_RUN,
  MAX_SCHOOLS,
  MAX_SUBMISSION_VERSIONS,
  WAKE_BEFORE_FIRST_ACTION_MS,
  firstTimedAction,
  resolveAccountabilityCycleInput,
  schoolSchedulePreview,
  validateAccountabilityCycleInput,
  type SchoolSchedulePreview,
} from './accountability.logic';
