/**
 * Messages of `supportPlanCycleWorkflow`. Voting, extending, closing, revising and reminding
 * use the decision round's messages of the budget cycle (same names: the vote task of the web
 * app and the api address any cycle's round by its workflow id). Refusals as in
 * budget-cycle.messages.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AdoptSupportPlanInput,
  AdoptSupportPlanResult,
  ReferDisputeInput,
  ResolveDisputeInput,
  SupportPlanDispute,
  SupportPlanStatus,
} from './support-plan.types';

/** The secretariat records that the withheld consent went to the Commissie voor Geschillen Medezeggenschap. */
export const referDisputeUpdate = defineUpdate<SupportPlanDispute, [ReferDisputeInput]>(
  'referSupportPlanDispute',
);

/** The secretariat records the Commissie's ruling; adoption waits for it. */
export const resolveDisputeUpdate = defineUpdate<SupportPlanDispute, [ResolveDisputeInput]>(
  'resolveSupportPlanDispute',
);

/** The directeur-bestuurder adopts (stelt vast) the plan once the bodies decided. */
export const adoptSupportPlanUpdate = defineUpdate<AdoptSupportPlanResult, [AdoptSupportPlanInput]>(
  'adoptSupportPlan',
);

/** The whole cycle: phase, rounds, disputes, timeline. */
export const getSupportPlanStatusQuery = defineQuery<SupportPlanStatus>('getSupportPlanStatus');
