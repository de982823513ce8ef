/** Messages of `ectEvaluationWorkflow`; refusals as in budget-cycle.messages.ts. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  CloseEctEvaluationInput,
  EctEvaluationStatus,
  SubmitEctEvaluationInput,
  SubmitEctEvaluationResult,
} from './ect-evaluation.types';

/** The school's ECT member submits the evaluation (findings, agreements for next year). */
export const submitEctEvaluationUpdate = defineUpdate<
  SubmitEctEvaluationResult,
  [SubmitEctEvaluationInput]
>('submitEctEvaluation');

/** The secretariat closes the cycle: schools that did not submit are closed, their tasks withdrawn. */
export const closeEctEvaluationUpdate = defineUpdate<
  EctEvaluationStatus,
  [CloseEctEvaluationInput]
>('closeEctEvaluation');

export const getEctEvaluationStatusQuery =
  defineQuery<EctEvaluationStatus>('getEctEvaluationStatus');
