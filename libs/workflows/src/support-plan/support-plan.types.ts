import type { DecisionKind } from '@jaarcyclus/domain';
import type {
  AuditEventInput,
  BodyRef,
  UpdateTasksInput,
} from '../decision-round/decision-round.activities';
import type { BodyRoundView, ProposalRef, RoundView } from '../decision-round/decision-round.types';
import type { TimelineEvent } from '../timeline';

/** A support plan (ondersteuningsplan) covers four school years (docs/domain.md, source 001: 2023–2027). */
export const SUPPORT_PLAN_YEARS = 4;

export interface SupportPlanCycleInput {
  organisationId: string;
  /** The calendar year in which the plan's first school year starts (1 August). */
  firstYear: number;
  title?: string;
  startedByPersonId: string;
  directorPersonId: string;
  proposal: ProposalRef;
  /**
   * The SWV's bodies that decide, from its configuration (consenting OPR, approving ALV or
   * Algemeen Bestuur, …): read by the api, never assumed.
   */
  bodyKeys: string[];
  /** ISO instant with offset. */
  voteDeadline: string;
  reminderOffsetsBusinessDays?: number[];
}

export interface SupportPlanCycleConfig {
  organisationId: string;
  firstYear: number;
  lastYear: number;
  title: string;
  startedByPersonId: string;
  directorPersonId: string;
  proposal: ProposalRef;
  bodyKeys: string[];
  voteDeadline: string;
  reminderPolicy: { offsetsBusinessDays: number[]; sendHour: number };
}

/**
 * voting: a round is open; consent_withheld: the consenting body (OPR) withheld consent, the
 * secretariat refers the dispute or submits a revision; dispute: referred to the Commissie voor
 * Geschillen Medezeggenschap, adoption blocked until its outcome is recorded;
 * rejected_awaiting_revision: an approving body rejected (or the commission upheld the
 * refusal), a revision opens the next round; awaiting_adoption: the directeur-bestuurder
 * adopts; adopted: done.
 */
export type SupportPlanPhase =
  | 'voting'
  | 'consent_withheld'
  | 'dispute'
  | 'rejected_awaiting_revision'
  | 'awaiting_adoption'
  | 'adopted';

/**
 * What the Commissie decided: permission_granted (the SWV may take the decision without the
 * OPR's consent), consent_upheld (the OPR's refusal stands), withdrawn (the SWV withdrew the
 * request, e.g. after an agreement with the OPR).
 */
export type DisputeOutcome = 'permission_granted' | 'consent_upheld' | 'withdrawn';
export const DISPUTE_OUTCOMES: readonly DisputeOutcome[] = [
  'permission_granted',
  'consent_upheld',
  'withdrawn',
];

export interface SupportPlanDispute {
  /** The round in which consent was withheld. */
  round: number;
  bodyKey: string;
  /** YYYY-MM-DD: the day the SWV submitted the dispute to the Commissie. */
  referredOn: string;
  referredByPersonId: string;
  caseReference: string | null;
  outcome: DisputeOutcome | null;
  /** YYYY-MM-DD: the day of the Commissie's ruling. */
  decidedOn: string | null;
  recordedByPersonId: string | null;
}

export interface ReferDisputeInput {
  actorPersonId: string;
  referredOn: string;
  caseReference?: string;
}

export interface ResolveDisputeInput {
  actorPersonId: string;
  outcome: DisputeOutcome;
  decidedOn: string;
}

export interface AdoptSupportPlanInput {
  actorPersonId: string;
}

export interface AdoptSupportPlanResult {
  adoptedAt: string;
}

export interface SupportPlanStatus {
  workflowId: string;
  organisationId: string;
  firstYear: number;
  lastYear: number;
  title: string;
  phase: SupportPlanPhase;
  round: number;
  proposal: ProposalRef;
  voteDeadline: string;
  directorPersonId: string;
  bodies: BodyRoundView[];
  rounds: RoundView[];
  /** Every dispute of the cycle, oldest first; the last one may be unresolved. */
  disputes: SupportPlanDispute[];
  adoption: {
    requestedAt: string | null;
    adoptedAt: string | null;
    adoptedByPersonId: string | null;
  };
  timeline: TimelineEvent[];
}

export interface SupportPlanResult {
  workflowId: string;
  rounds: number;
  adoptedAt: string;
  adoptedByPersonId: string;
  disputes: SupportPlanDispute[];
}

/** A bookkeeping write that travels with a state publish. */
export type SupportPlanWrite = { audit: AuditEventInput } | { tasks: UpdateTasksInput };

interface StepContext {
  organisationId: string;
  workflowId: string;
  round: number;
  subject: string;
  /** `${workflowId}:r${round}:${step}`; append `:${recipient}`. */
  idempotencyKeyPrefix: string;
}

/**
 * The support plan's own activities (types only; apps/worker `createSupportPlanActivities`).
 * The round itself uses the decision round's activities (snapshotRoster, openBallots,
 * sendVoteReminders, sendEscalation), registered once by the budget cycle.
 */
export interface SupportPlanActivities {
  publishSupportPlanState(input: {
    organisationId: string;
    workflowId: string;
    year: number;
    title: string;
    status: string;
    createdByPersonId: string | null;
    seq: number;
    state: SupportPlanStatus;
    writes: SupportPlanWrite[];
  }): Promise<void>;
  /** Adoption task (kind 'adopt') and mail to the directeur-bestuurder. */
  requestSupportPlanAdoption(
    input: StepContext & {
      directorPersonId: string;
      proposal: ProposalRef;
      taskRefKey: string;
      approvals: (BodyRef & { result: string })[];
    },
  ): Promise<void>;
  /** Consent withheld: a mail to the secretariat and the director (refer the dispute or revise). */
  notifySupportPlanConsentWithheld(
    input: StepContext & { directorPersonId: string; body: BodyRef },
  ): Promise<void>;
}

export type { DecisionKind };
