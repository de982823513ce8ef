/**
 * Messages of the accountability workflows. Updates are commands that can be refused: their
 * validators throw an ApplicationFailure whose `type` is a domain error code (VALIDATION,
 * CONFLICT, RULE_VIOLATION) and whose `details[0]` is `{ reason, field? }`, the same shape as
 * the budget cycle's refusals, so the api's exception filter maps both alike. A refused Update
 * leaves no trace in the history. The draft signal (kept for old runs) is fire-and-forget; the
 * queries are pure. A school workflow started asleep (a start delay) takes Updates at once but
 * Signals and Queries only once it has woken.
 *
 * Authorisation by role is the api's job (school contact of this school for submit and
 * draft, secretariat for review, extend and waive); the workflow checks what only it knows
 * (the state of the school's accountability) and records the actor.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AccountabilityCycleStatus,
  ExtendSchoolDeadlineInput,
  ExtendSchoolDeadlineResult,
  ReviewSubmissionInput,
  ReviewSubmissionResult,
  RecordDraftResult,
  RemindSchoolNowInput,
  RemindSchoolNowResult,
  SaveDraftInput,
  SchoolAccountabilityView,
  SubmitAccountabilityInput,
  SubmitAccountabilityResult,
  WaiveSchoolInput,
  WaiveSchoolResult,
} from './accountability.types';

/** The school submits (or, after a return, resubmits) the figures the api stored as `submissionId`. */
export const submitAccountabilityUpdate = defineUpdate<
  SubmitAccountabilityResult,
  [SubmitAccountabilityInput]
>('submitAccountability');

/** The secretariat accepts the submitted figures or returns them for correction. */
export const reviewSubmissionUpdate = defineUpdate<ReviewSubmissionResult, [ReviewSubmissionInput]>(
  'reviewSubmission',
);

/** The secretariat moves this school's deadline later; reminders are re-armed, lateness ends. */
export const extendSchoolDeadlineUpdate = defineUpdate<
  ExtendSchoolDeadlineResult,
  [ExtendSchoolDeadlineInput]
>('extendSchoolDeadline');

/**
 * The secretariat reminds a school that still owes a submission, at the school's next business
 * moment (school calendar, 08:00–18:00). Only school workflows started with the patch
 * `accountability-remind-now` have a handler; older ones answer "unknown update".
 */
export const remindSchoolNowUpdate = defineUpdate<RemindSchoolNowResult, [RemindSchoolNowInput]>(
  'remindSchoolNow',
);

/** The secretariat releases the school from this year's accountability (final). */
export const waiveSchoolUpdate = defineUpdate<WaiveSchoolResult, [WaiveSchoolInput]>('waiveSchool');

/**
 * The school saved figures without submitting: not_started becomes draft. An Update, so that it
 * also reaches a school workflow whose start is delayed (a Signal would wait for the delay to
 * end) and the api knows it was recorded. Never refused: anything but a first draft of a school
 * that has not started changes nothing.
 */
export const recordDraftUpdate = defineUpdate<RecordDraftResult, [SaveDraftInput]>('recordDraft');

/**
 * The same as a Signal, as the api sent it before recordDraftUpdate existed; kept for school
 * workflows started before it (their code has no handler for the Update).
 */
export const saveDraftSignal = defineSignal<[SaveDraftInput]>('saveDraft');

/** One school: status, version, deadline, days late, deduction and history. */
export const getSchoolAccountabilityQuery =
  defineQuery<SchoolAccountabilityView>('getSchoolAccountability');

/** The parent cycle's fan-out progress. */
export const getAccountabilityCycleQuery =
  defineQuery<AccountabilityCycleStatus>('getAccountabilityCycle');
