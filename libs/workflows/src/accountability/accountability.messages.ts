/**
 * Messages of the accountability workflows. Updates are commands that can be refused: their
 * validators throw an ApplicationFailure whose `type` is a domain error code (VALIDATION,
 * CONFLICT, RULE_VIOLATION) and whose `details[0]` is `{ reason, field? }`, the same shape as
 * the budget cycle's refusals, so the api's exception filter maps both alike. A refused Update
 * leaves no trace in the history. The signal is fire-and-forget; the queries are pure.
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

/** The secretariat releases the school from this year's accountability (final). */
export const waiveSchoolUpdate = defineUpdate<WaiveSchoolResult, [WaiveSchoolInput]>('waiveSchool');

/** The school saved figures without submitting: not_started becomes draft. */
export const saveDraftSignal = defineSignal<[SaveDraftInput]>('saveDraft');

/** One school: status, version, deadline, days late, deduction and history. */
export const getSchoolAccountabilityQuery =
  defineQuery<SchoolAccountabilityView>('getSchoolAccountability');

/** The parent cycle's fan-out progress. */
export const getAccountabilityCycleQuery =
  defineQuery<AccountabilityCycleStatus>('getAccountabilityCycle');
