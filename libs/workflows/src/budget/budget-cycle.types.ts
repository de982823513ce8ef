import type { Cents, ReminderPolicy, ReserveRule } from '@jaarcyclus/domain';
import type {
  BodyRoundView,
  CastVoteCommand,
  CloseRoundCommand,
  EscalationPolicy,
  ExtendDeadlineCommand,
  ProposalRef,
  RemindNowCommand,
  RoundView,
} from '../decision-round/decision-round.types';
import type { TimelineEvent } from '../timeline';

/** The figures the secretariat enters for the allocation (docs/domain.md, source 001 §7.1–7.2); fixed amounts per school come from the School rows. */
export interface AllocationFigures {
  amountPerPupilCents: Cents;
  /** Current equity (eigen vermogen); may be negative. */
  equityCents: Cents;
  /** Gross turnover, the base of the 2% reserve target. */
  turnoverCents: Cents;
  /** Default: the domain's DEFAULT_RESERVE_RULE (target 2%, OCW ceiling 3.5%, recovered in 1 year). */
  reserve?: ReserveRule;
}

/** Input of `budgetCycleWorkflow`; start with id `budgetWorkflowId(organisationId, budgetYear)` on TASK_QUEUES.cycles. */
export interface BudgetCycleInput {
  organisationId: string;
  /** The calendar year the budget is for; the vote happens in December of the year before. */
  budgetYear: number;
  /** Default `Begroting ${budgetYear}`. */
  title?: string;
  /** The secretariat member who starts the cycle. */
  startedByPersonId: string;
  /** The directeur-bestuurder: the only person who may adopt (vaststellen) the budget. */
  directorPersonId: string;
  proposal: ProposalRef;
  allocation: AllocationFigures;
  /** Bodies that decide, by Body.key. Default ['alv', 'rvt', 'opr'] (docs/domain.md, source 001 §7: goedkeuring ALV and RvT, instemming OPR). */
  bodyKeys?: string[];
  /** ISO instant. Default: `defaultBudgetDates(budgetYear).voteDeadline`. */
  voteDeadline?: string;
  /** ISO instant. Default: `defaultBudgetDates(budgetYear).lettersDate`. */
  lettersDate?: string;
  /** Default DEFAULT_REMINDER_POLICY.offsetsBusinessDays ([7, 2]); the api may pass Organisation.settings.reminderOffsetsBusinessDays. */
  reminderOffsetsBusinessDays?: number[];
  /** Amsterdam hour at which reminders go out; default DEFAULT_REMINDER_POLICY.sendHour. */
  reminderSendHour?: number;
  /** After consent is withheld (instemming body rejects) in this many rounds, a dispute is recorded. Default 2 (Organisation.settings.opRDisputeAfterRounds). */
  oprDisputeAfterRounds?: number;
  /** Default: chair and secretariat. */
  escalation?: EscalationPolicy;
}

/** Input with every default applied; kept in the workflow and shown by the status query. */
export interface BudgetCycleConfig {
  organisationId: string;
  budgetYear: number;
  title: string;
  startedByPersonId: string;
  directorPersonId: string;
  proposal: ProposalRef;
  allocation: AllocationFigures;
  bodyKeys: string[];
  voteDeadline: string;
  lettersDate: string;
  reminderPolicy: ReminderPolicy;
  oprDisputeAfterRounds: number;
  escalation: EscalationPolicy;
}

export type BudgetPhase =
  | 'voting'
  | 'rejected_awaiting_revision'
  | 'dispute'
  | 'awaiting_adoption'
  | 'awaiting_letters'
  | 'letters_sent';

// Message payloads. Vote, extension, close and reminder commands are those of the reusable decision round.
export type CastVoteInput = CastVoteCommand;
export type ExtendDeadlineInput = ExtendDeadlineCommand;
export type CloseRoundInput = CloseRoundCommand;
export type RemindNowInput = RemindNowCommand;
export type {
  CastVoteResult,
  CloseRoundResult,
  ExtendDeadlineResult,
} from '../decision-round/decision-round.types';

export interface SubmitRevisionInput {
  actorPersonId: string;
  proposal: ProposalRef;
  /** ISO instant for the new round. Default: the cycle's vote deadline if it is still ahead; required otherwise. */
  deadline?: string;
}

export interface SubmitRevisionResult {
  round: number;
  deadline: string;
}

export interface AdoptBudgetInput {
  actorPersonId: string;
}

export interface AdoptBudgetResult {
  adoptedAt: string;
  /** When the allocation letters go out: the letters date, or right away when it has passed. */
  lettersAt: string;
}

export interface AllocationLettersResult {
  boards: number;
  lettersSent: number;
  /** Boards without a bestuurder or other contact person: nobody could be mailed. */
  boardsWithoutRecipient: string[];
  totalCents: Cents;
  reserveStatus: 'below_target' | 'within_range' | 'above_ceiling' | 'above_cap';
  reserveWarning: string | null;
}

export interface DisputeRecord {
  recordedAt: string;
  round: number;
  bodyKey: string;
  /** Rounds in which consent was withheld. */
  rounds: number[];
}

export interface BudgetCycleStatus {
  workflowId: string;
  organisationId: string;
  budgetYear: number;
  title: string;
  phase: BudgetPhase;
  round: number;
  proposal: ProposalRef;
  voteDeadline: string;
  lettersDate: string;
  directorPersonId: string;
  oprDisputeAfterRounds: number;
  /** The current round's bodies: tally, quorum, who has and has not voted, deadline, status. */
  bodies: BodyRoundView[];
  /** Every round, oldest first: earlier votes stay visible but do not count. */
  rounds: RoundView[];
  /** Rounds in which an instemming body (OPR) withheld consent. */
  consentWithheldRounds: number[];
  dispute: DisputeRecord | null;
  adoption: {
    requestedAt: string | null;
    adoptedAt: string | null;
    adoptedByPersonId: string | null;
  };
  letters: {
    scheduledFor: string | null;
    sentAt: string | null;
    result: AllocationLettersResult | null;
  };
  timeline: TimelineEvent[];
  /**
   * When the current round's invitations go out, while they wait for business hours (a cycle
   * started at 06:50 invites at 08:00); null or absent once they went, and in runs from before.
   */
  invitationsAt?: string | null;
}

export interface BudgetCycleResult {
  workflowId: string;
  budgetYear: number;
  rounds: number;
  adoptedAt: string;
  adoptedByPersonId: string;
  lettersSentAt: string;
  letters: AllocationLettersResult;
  dispute: DisputeRecord | null;
}
