import type {
  DecisionKind,
  ReminderPolicy,
  Tally,
  VoteValue,
  VotingRule,
} from '@jaarcyclus/domain';

/** The document put to the vote: an uploaded document or a link, plus a version label people recognise. */
export interface ProposalRef {
  documentId?: string;
  url?: string;
  /** e.g. 'Concept v1' or 'v2 (na afwijzing ALV)'. */
  versionLabel: string;
}

export interface PersonRef {
  personId: string;
  name: string;
}

/** A member as snapshotted when the round opens. */
export interface RosterMember extends PersonRef {
  /** Vote weight: 1, or the represented board's pupil count under pupil-count weighting (ALV, docs/domain.md, source 001 §1.1). */
  weight: number;
  /** The board an ALV member represents. */
  boardId: string | null;
}

export interface BodyRoster {
  key: string;
  name: string;
  decisionKind: DecisionKind;
  votingRule: VotingRule;
  chair: PersonRef | null;
  members: RosterMember[];
}

/** Who may vote, with which weight, fixed at the moment the round opens (later roster edits do not change a running round). */
export interface RosterSnapshot {
  bodies: BodyRoster[];
  /** The SWV's secretariat: receives escalations. */
  secretariat: PersonRef[];
}

/** Who is told when a body's deadline passes without quorum (docs/domain.md §1: "escalation to chair and secretariat"). */
export interface EscalationPolicy {
  notifyChair: boolean;
  notifySecretariat: boolean;
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = Object.freeze({
  notifyChair: true,
  notifySecretariat: true,
});

export interface BodyRoundConfig {
  bodyKey: string;
  /** ISO instant. */
  deadline: string;
  reminderPolicy: ReminderPolicy;
  escalation: EscalationPolicy;
}

export interface DecisionRoundSpec {
  workflowId: string;
  organisationId: string;
  /** 1-based; part of every idempotency key and task reference. */
  round: number;
  /** What is decided, e.g. 'Begroting 2027': used in mails and task titles. */
  subject: string;
  proposal: ProposalRef;
  bodies: BodyRoundConfig[];
  /**
   * Each body's members get a mail with its outcome once it decided, at the next business
   * moment (DecisionRoundActivities.sendRoundResult). Default false: runs from before it.
   */
  resultMails?: boolean;
}

/**
 * opening: roster being snapshotted; open: voting; escalated: deadline passed without quorum,
 * waiting for the secretariat to extend or close; approved / rejected: decided by the domain;
 * no_quorum: closed by the secretariat without quorum; cancelled: another body already
 * rejected, so the round ended before this body decided.
 */
export type BodyRoundStatus =
  'opening' | 'open' | 'escalated' | 'approved' | 'rejected' | 'no_quorum' | 'cancelled';

export type BodyDecision = 'approved' | 'rejected' | 'no_quorum';

export interface VoteRecord extends PersonRef {
  value: VoteValue;
  weight: number;
  comment: string | null;
  /** ISO; the latest change. */
  castAt: string;
  /** How often the member changed the vote. */
  changes: number;
}

export interface BodyRoundView {
  bodyKey: string;
  name: string;
  decisionKind: DecisionKind | null;
  votingRule: VotingRule | null;
  chair: PersonRef | null;
  status: BodyRoundStatus;
  deadline: string;
  tally: Tally | null;
  quorumReached: boolean;
  voted: VoteRecord[];
  notVoted: (PersonRef & { weight: number })[];
  remindersSent: number;
  nextReminderAt: string | null;
  escalatedAt: string | null;
  escalationSentAt: string | null;
  decidedAt: string | null;
  decidedBy: 'votes' | 'deadline' | 'secretariat' | null;
  closedByPersonId: string | null;
}

export type RoundStatus = 'opening' | 'voting' | 'approved' | 'rejected';

export interface RoundView {
  round: number;
  proposal: ProposalRef;
  openedAt: string;
  status: RoundStatus;
  bodies: BodyRoundView[];
}

export type RoundOutcome =
  | { outcome: 'approved' }
  | {
      outcome: 'rejected';
      failedBodies: {
        bodyKey: string;
        decisionKind: DecisionKind;
        result: 'rejected' | 'no_quorum';
      }[];
    };

// Commands (payloads of the parent workflow's Updates and Signals).

export interface CastVoteCommand {
  personId: string;
  bodyKey: string;
  value: VoteValue;
  comment?: string;
}

export interface CastVoteResult {
  round: number;
  bodyKey: string;
  value: VoteValue;
  /** Whether this replaced an earlier vote of the same member in this round. */
  changed: boolean;
  status: BodyRoundStatus;
  tally: Tally;
}

export interface ExtendDeadlineCommand {
  actorPersonId: string;
  /** Omitted: every body of the round that is still open or escalated. */
  bodyKey?: string;
  /** ISO 8601 instant with offset, e.g. '2026-12-18T17:00:00+01:00'. */
  deadline: string;
}

export interface ExtendDeadlineResult {
  round: number;
  bodies: {
    bodyKey: string;
    previousDeadline: string;
    deadline: string;
    nextReminderAt: string | null;
  }[];
}

export interface CloseRoundCommand {
  actorPersonId: string;
  /** Omitted: every escalated body of the round. */
  bodyKey?: string;
}

export interface CloseRoundResult {
  round: number;
  bodies: { bodyKey: string; result: BodyDecision }[];
}

export interface RemindNowCommand {
  actorPersonId: string;
  /** Omitted: every open body of the round. */
  bodyKey?: string;
}
