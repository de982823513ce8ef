/**
 * Pure helpers of the decision round: state shape, tallies and the validation of commands.
 * No Temporal API here, so they are unit-tested directly (decision-round.logic.spec.ts) and the
 * Update validators stay synchronous and side-effect free, as Temporal requires.
 */
import {
  type ReminderPolicy,
  type Tally,
  type VoteValue,
  escalationTime,
  isDomainError,
  reminderTimes,
  tallyVotes,
} from '@jaarcyclus/domain';
import { refusalOf, type Refusal } from '../refusal';
import type {
  BodyDecision,
  BodyRoster,
  BodyRoundConfig,
  BodyRoundStatus,
  BodyRoundView,
  CastVoteCommand,
  CloseRoundCommand,
  ExtendDeadlineCommand,
  ProposalRef,
  VoteRecord,
} from './decision-round.types';

export const VOTE_VALUES: readonly VoteValue[] = ['for', 'against', 'abstain'];
export const MAX_COMMENT_LENGTH = 2000;

export interface BodyState {
  config: BodyRoundConfig;
  /** Undefined until the roster snapshot is in. */
  roster?: BodyRoster;
  status: BodyRoundStatus;
  deadlineMs: number;
  votes: Map<string, VoteRecord>;
  /** Number of votes cast (changes included): part of the audit idempotency key. */
  voteSeq: number;
  tally?: Tally;
  /** Reminder instants still to come (ms, ascending), as computed by the domain. */
  plannedReminders: number[];
  /** Reminders the secretariat asked for, at the next business moment (ms, ascending). */
  requestedReminders: number[];
  remindersSent: number;
  escalationDueMs: number | null;
  escalations: number;
  escalatedAtMs: number | null;
  escalationSentAtMs: number | null;
  decidedAtMs: number | null;
  decidedBy: 'votes' | 'deadline' | 'secretariat' | null;
  closedByPersonId: string | null;
  /** Deadline extensions so far: part of the audit idempotency key. */
  extensions: number;
  /** The decision's (or cancellation's) side effects have been done. */
  settled: boolean;
}

export function newBodyState(config: BodyRoundConfig): BodyState {
  return {
    config,
    status: 'opening',
    deadlineMs: Date.parse(config.deadline),
    votes: new Map(),
    voteSeq: 0,
    plannedReminders: [],
    requestedReminders: [],
    remindersSent: 0,
    escalationDueMs: null,
    escalations: 0,
    escalatedAtMs: null,
    escalationSentAtMs: null,
    decidedAtMs: null,
    decidedBy: null,
    closedByPersonId: null,
    extensions: 0,
    settled: false,
  };
}

export function isLive(status: BodyRoundStatus): boolean {
  return status === 'open' || status === 'escalated';
}

export function isDecided(status: BodyRoundStatus): status is BodyDecision {
  return status === 'approved' || status === 'rejected' || status === 'no_quorum';
}

/** The domain's tally of the current votes; members are identified by person id. */
export function computeTally(roster: BodyRoster, votes: Map<string, VoteRecord>): Tally {
  return tallyVotes(
    roster.members.map((m) => ({ memberId: m.personId, weight: m.weight })),
    [...votes.values()].map((v) => ({ memberId: v.personId, value: v.value })),
    roster.votingRule,
  );
}

/** Next instant at which the body's loop must act, or null when only a command can move it. */
export function nextWakeMs(b: BodyState): number | null {
  const candidates: number[] = [];
  if (b.status === 'open') {
    candidates.push(b.deadlineMs);
    const planned = b.plannedReminders[0];
    if (planned !== undefined) candidates.push(planned);
    const requested = b.requestedReminders[0];
    if (requested !== undefined) candidates.push(requested);
  } else if (b.status === 'escalated' && b.escalationDueMs !== null) {
    candidates.push(b.escalationDueMs);
  }
  return candidates.length === 0 ? null : Math.min(...candidates);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant with explicit offset; null when it is not one. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function validateProposal(
  proposal: ProposalRef | undefined,
  field = 'proposal',
): Refusal | null {
  if (proposal === null || typeof proposal !== 'object') {
    return refusalOf('VALIDATION', 'INVALID_PROPOSAL', field, 'refusal.proposalRequired');
  }
  if (!isNonEmptyString(proposal.versionLabel)) {
    return refusalOf(
      'VALIDATION',
      'INVALID_PROPOSAL',
      `${field}.versionLabel`,
      'refusal.proposalVersion',
    );
  }
  if (!isNonEmptyString(proposal.documentId) && !isNonEmptyString(proposal.url)) {
    return refusalOf('VALIDATION', 'INVALID_PROPOSAL', field, 'refusal.proposalSourceRequired');
  }
  return null;
}

/**
 * Whether the domain can schedule reminders and the escalation for this deadline (e.g. the
 * holiday calendar covers its year). A refusal here keeps a bad deadline out of the workflow,
 * where a domain error would otherwise fail workflow tasks over and over.
 */
export function checkSchedulable(
  deadlineMs: number,
  policy: ReminderPolicy,
  nowMs: number,
  field = 'deadline',
): Refusal | null {
  try {
    reminderTimes(new Date(deadlineMs), policy, new Date(nowMs));
    escalationTime(new Date(deadlineMs));
    return null;
  } catch (err) {
    if (isDomainError(err)) {
      return {
        code: 'VALIDATION',
        reason: 'INVALID_DEADLINE',
        message: err.message,
        field,
        ...(err.text ? { text: err.text } : {}),
      };
    }
    throw err;
  }
}

function findBody(bodies: BodyState[], bodyKey: string): BodyState | undefined {
  return bodies.find((b) => b.config.bodyKey === bodyKey);
}

function unknownBody(bodyKey: string): Refusal {
  return refusalOf('NOT_FOUND', 'UNKNOWN_BODY', 'bodyKey', 'refusal.unknownBody', {
    body: bodyKey,
  });
}

function closed(b: BodyState): Refusal {
  return refusalOf('CONFLICT', 'ROUND_CLOSED', 'bodyKey', 'refusal.votingClosed', {
    body: b.roster?.name ?? b.config.bodyKey,
    status: b.status,
  });
}

/**
 * Who may vote: a member of the body in this round's roster, before the body's deadline and
 * while the body is undecided. A member may change the vote until then.
 */
export function validateVote(
  bodies: BodyState[],
  cmd: CastVoteCommand,
  nowMs: number,
): Refusal | null {
  if (
    cmd === null ||
    typeof cmd !== 'object' ||
    !isNonEmptyString(cmd.personId) ||
    !isNonEmptyString(cmd.bodyKey)
  ) {
    return {
      code: 'VALIDATION',
      reason: 'INVALID_INPUT',
      message: 'personId and bodyKey are required',
    };
  }
  if (!VOTE_VALUES.includes(cmd.value)) {
    return {
      code: 'VALIDATION',
      reason: 'INVALID_VOTE_VALUE',
      message: `Vote value must be one of ${VOTE_VALUES.join(', ')}, got '${String(cmd.value)}'`,
      field: 'value',
    };
  }
  if (
    cmd.comment !== undefined &&
    (typeof cmd.comment !== 'string' || cmd.comment.length > MAX_COMMENT_LENGTH)
  ) {
    return {
      code: 'VALIDATION',
      reason: 'INVALID_INPUT',
      message: `A comment is text of at most ${MAX_COMMENT_LENGTH} characters`,
      field: 'comment',
    };
  }
  const body = findBody(bodies, cmd.bodyKey);
  if (!body) return unknownBody(cmd.bodyKey);
  if (!body.roster) {
    return refusalOf('CONFLICT', 'ROUND_NOT_OPEN', 'bodyKey', 'refusal.notOpenYetRetry');
  }
  if (!body.roster.members.some((m) => m.personId === cmd.personId)) {
    const other = bodies.find((b) => b.roster?.members.some((m) => m.personId === cmd.personId));
    if (other?.roster) {
      return refusalOf(
        'RULE_VIOLATION',
        'MEMBER_OF_OTHER_BODY',
        'bodyKey',
        'refusal.memberOfOtherBody',
        {
          other: other.roster.name,
          body: body.roster.name,
        },
      );
    }
    return refusalOf('RULE_VIOLATION', 'NOT_A_MEMBER', 'personId', 'refusal.notAMember', {
      body: body.roster.name,
    });
  }
  if (!isLive(body.status)) return closed(body);
  if (body.status === 'escalated' || nowMs >= body.deadlineMs) {
    return refusalOf('CONFLICT', 'DEADLINE_PASSED', 'bodyKey', 'refusal.votingDeadlinePassed', {
      body: body.roster.name,
      deadline: new Date(body.deadlineMs).toISOString(),
    });
  }
  return null;
}

function targets(
  bodies: BodyState[],
  bodyKey: string | undefined,
  wanted: (b: BodyState) => boolean,
): BodyState[] | Refusal {
  if (bodyKey !== undefined) {
    if (!isNonEmptyString(bodyKey))
      return {
        code: 'VALIDATION',
        reason: 'INVALID_INPUT',
        message: 'bodyKey must be a non-empty string',
        field: 'bodyKey',
      };
    const body = findBody(bodies, bodyKey);
    return body ? [body] : unknownBody(bodyKey);
  }
  return bodies.filter(wanted);
}

/** Bodies an extension applies to, or why it is refused. New deadline: later than now and than each old one. */
export function validateExtend(
  bodies: BodyState[],
  cmd: ExtendDeadlineCommand,
  nowMs: number,
): BodyState[] | Refusal {
  if (cmd === null || typeof cmd !== 'object' || !isNonEmptyString(cmd.actorPersonId)) {
    return {
      code: 'VALIDATION',
      reason: 'INVALID_INPUT',
      message: 'actorPersonId is required',
      field: 'actorPersonId',
    };
  }
  const deadlineMs = parseInstant(cmd.deadline);
  if (deadlineMs === null) {
    return refusalOf(
      'VALIDATION',
      'INVALID_DEADLINE',
      'deadline',
      'validation.deadlineNotAnInstant',
      {
        value: String(cmd.deadline),
      },
    );
  }
  if (deadlineMs <= nowMs) {
    return refusalOf('VALIDATION', 'DEADLINE_NOT_LATER', 'deadline', 'refusal.newDeadlinePast');
  }
  const found = targets(bodies, cmd.bodyKey, (b) => isLive(b.status));
  if (!Array.isArray(found)) return found;
  if (found.length === 0) {
    return refusalOf('CONFLICT', 'NO_OPEN_BODY', undefined, 'refusal.noBodyVoting');
  }
  for (const b of found) {
    if (!isLive(b.status))
      return b.status === 'opening'
        ? refusalOf('CONFLICT', 'ROUND_NOT_OPEN', 'bodyKey', 'refusal.notOpenYet')
        : closed(b);
    if (deadlineMs <= b.deadlineMs) {
      return refusalOf(
        'VALIDATION',
        'DEADLINE_NOT_LATER',
        'deadline',
        'refusal.deadlineNotLaterThanBody',
        {
          body: b.roster?.name ?? b.config.bodyKey,
          current: new Date(b.deadlineMs).toISOString(),
        },
      );
    }
    const schedulable = checkSchedulable(deadlineMs, b.config.reminderPolicy, nowMs);
    if (schedulable) return schedulable;
  }
  return found;
}

/** Bodies the secretariat may close: only escalated ones (deadline passed without quorum). */
export function validateClose(bodies: BodyState[], cmd: CloseRoundCommand): BodyState[] | Refusal {
  if (cmd === null || typeof cmd !== 'object' || !isNonEmptyString(cmd.actorPersonId)) {
    return {
      code: 'VALIDATION',
      reason: 'INVALID_INPUT',
      message: 'actorPersonId is required',
      field: 'actorPersonId',
    };
  }
  const found = targets(bodies, cmd.bodyKey, (b) => b.status === 'escalated');
  if (!Array.isArray(found)) return found;
  if (found.length === 0) {
    return refusalOf('CONFLICT', 'NOT_ESCALATED', undefined, 'refusal.nothingEscalated');
  }
  for (const b of found) {
    if (b.status === 'escalated') continue;
    if (b.status === 'open' || b.status === 'opening') {
      return refusalOf('CONFLICT', 'NOT_ESCALATED', 'bodyKey', 'refusal.stillVoting', {
        body: b.roster?.name ?? b.config.bodyKey,
        until: new Date(b.deadlineMs).toISOString(),
      });
    }
    return closed(b);
  }
  return found;
}

export function bodyView(b: BodyState): BodyRoundView {
  const roster = b.roster;
  const voted = [...b.votes.values()].map((v) => ({ ...v }));
  const notVoted = (roster?.members ?? [])
    .filter((m) => !b.votes.has(m.personId))
    .map((m) => ({ personId: m.personId, name: m.name, weight: m.weight }));
  const nextReminder =
    b.status === 'open'
      ? Math.min(b.plannedReminders[0] ?? Infinity, b.requestedReminders[0] ?? Infinity)
      : Infinity;
  const iso = (ms: number | null): string | null =>
    ms === null ? null : new Date(ms).toISOString();
  return {
    bodyKey: b.config.bodyKey,
    name: roster?.name ?? b.config.bodyKey,
    decisionKind: roster?.decisionKind ?? null,
    votingRule: roster?.votingRule ?? null,
    chair: roster?.chair ?? null,
    status: b.status,
    deadline: new Date(b.deadlineMs).toISOString(),
    tally: b.tally ? { ...b.tally } : null,
    quorumReached: b.tally?.quorumReached ?? false,
    voted,
    notVoted,
    remindersSent: b.remindersSent,
    nextReminderAt: Number.isFinite(nextReminder) ? new Date(nextReminder).toISOString() : null,
    escalatedAt: iso(b.escalatedAtMs),
    escalationSentAt: iso(b.escalationSentAtMs),
    decidedAt: iso(b.decidedAtMs),
    decidedBy: b.decidedBy,
    closedByPersonId: b.closedByPersonId,
  };
}
