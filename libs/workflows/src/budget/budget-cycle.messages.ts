/**
 * Messages of `budgetCycleWorkflow`. Updates are commands that can be refused: their
 * validators throw an ApplicationFailure whose `type` is a domain error code (VALIDATION,
 * NOT_FOUND, CONFLICT, RULE_VIOLATION) and whose `details[0]` is `{ reason, field? }` (see
 * ../refusal.ts); the client receives it as `WorkflowUpdateFailedError.cause`. A refused Update
 * leaves no trace in the history. Signals are fire-and-forget; the Query is pure.
 *
 * Authorisation by role (secretariat for extend/close/revise/remind) is the api's job: the
 * workflow checks what only it can know (membership of the round's roster, the configured
 * directeur-bestuurder, the state of the round) and records the actor in the audit log.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AdoptBudgetInput,
  AdoptBudgetResult,
  BudgetCycleStatus,
  CastVoteInput,
  CastVoteResult,
  CloseRoundInput,
  CloseRoundResult,
  ExtendDeadlineInput,
  ExtendDeadlineResult,
  RemindNowInput,
  SubmitRevisionInput,
  SubmitRevisionResult,
} from './budget-cycle.types';

/** A body member votes (or changes the vote) until the body's round closes; returns the body's tally. */
export const castVoteUpdate = defineUpdate<CastVoteResult, [CastVoteInput]>('castVote');

/** The secretariat moves a body's (or every open body's) deadline later; reminders are re-armed. */
export const extendDeadlineUpdate = defineUpdate<ExtendDeadlineResult, [ExtendDeadlineInput]>(
  'extendDeadline',
);

/** The secretariat closes an escalated body (deadline passed without quorum); the domain decides on the votes as they stand. */
export const closeRoundUpdate = defineUpdate<CloseRoundResult, [CloseRoundInput]>('closeRound');

/** After a rejection: a revised proposal opens the next round for all bodies. */
export const submitRevisionUpdate = defineUpdate<SubmitRevisionResult, [SubmitRevisionInput]>(
  'submitRevision',
);

/** The directeur-bestuurder adopts (stelt vast) the budget once ALV and RvT approved and the OPR consented. */
export const adoptBudgetUpdate = defineUpdate<AdoptBudgetResult, [AdoptBudgetInput]>('adoptBudget');

/** Remind the members who have not voted, now or at the next business moment. */
export const remindNowSignal = defineSignal<[RemindNowInput]>('remindNow');

/** The whole cycle: phase, round, per-body tallies and voters, timeline. */
export const getCycleStatusQuery = defineQuery<BudgetCycleStatus>('getCycleStatus');
