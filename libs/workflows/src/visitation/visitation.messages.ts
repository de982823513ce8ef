/**
 * Messages of a visit's flow. Every command is an Update with a validator: a refused one
 * leaves no trace in the history and answers with a domain error code (NOT_FOUND for someone
 * who takes no part in the visit, CONFLICT for a step done already, RULE_VIOLATION for a date
 * that cannot be). Role and tenant are the api's checks; the workflow checks what only it knows
 * (who is in the team now, which step is open) and records the actor.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AddFollowUpActionInput,
  AnswerVisitDateInput,
  AnswerVisitDateResult,
  CancelVisitInput,
  CompleteFollowUpActionInput,
  CompleteFollowUpCheckInput,
  RemindVisitStepNowInput,
  RemindVisitStepNowResult,
  RescheduleVisitInput,
  RescheduleVisitResult,
  SubmitVisitReportInput,
  SubmitVisitReportResult,
  VisitView,
} from './visitation.types';

/** The host (one of its contacts) or a team member confirms or declines the date. */
export const answerVisitDateUpdate = defineUpdate<AnswerVisitDateResult, [AnswerVisitDateInput]>(
  'answerVisitDate',
);

/** The host hands in its self-evaluation or reaction, the chair a draft or final report. */
export const submitVisitReportUpdate = defineUpdate<
  SubmitVisitReportResult,
  [SubmitVisitReportInput]
>('submitVisitReport');

/** The secretariat moves the visit to another date: every timer is re-armed. */
export const rescheduleVisitUpdate = defineUpdate<RescheduleVisitResult, [RescheduleVisitInput]>(
  'rescheduleVisit',
);

/** The secretariat cancels the visit: tasks are cancelled, everyone is told, the flow ends. */
export const cancelVisitUpdate = defineUpdate<VisitView, [CancelVisitInput]>('cancelVisit');

/** The secretariat or the chair records a follow-up action with an owner and a due date. */
export const addFollowUpActionUpdate = defineUpdate<VisitView, [AddFollowUpActionInput]>(
  'addFollowUpAction',
);

/** The owner (or the secretariat) marks a follow-up action done. */
export const completeFollowUpActionUpdate = defineUpdate<VisitView, [CompleteFollowUpActionInput]>(
  'completeFollowUpAction',
);

/** The secretariat records the check on the follow-up, M months after the visit. */
export const completeFollowUpCheckUpdate = defineUpdate<VisitView, [CompleteFollowUpCheckInput]>(
  'completeFollowUpCheck',
);

/**
 * The secretariat reminds whoever still owes an open step now, with the timer's reminder mail
 * ("herinner nu"): a deliberate act, sent at once like the mails after any other act.
 */
export const remindVisitStepNowUpdate = defineUpdate<
  RemindVisitStepNowResult,
  [RemindVisitStepNowInput]
>('remindVisitStepNow');

export const getVisitQuery = defineQuery<VisitView>('getVisit');
