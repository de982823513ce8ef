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
import type { Refusal } from '../refusal';
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

export function validateProposal(proposal: ProposalRef | undefined, field = 'proposal'): Refusal | null {
  if (proposal === null || typeof proposal !== 'object') {
    return { code: 'VALIDATION', reason: 'INVALID_PROPOSAL', message: 'A proposal is required', field };
  }
  if (!isNonEmptyString(proposal.versionLabel)) {
    return { code: 'VALIDATION', reason: 'INVALID_PROPOSAL', message: 'The proposal needs a version label', field: `${field}.versionLabel` };
  }
  if (!isNonEmptyString(proposal.documentId) && !isNonEmptyString(proposal.url)) {
    return { code: 'VALIDATION', reason: 'INVALID_PROPOSAL', message: 'The proposal needs a document id or a URL', field };
  }
  return null;
}

/**
 * Whether the domain can schedule reminders and the escalation for this deadline (e.g. the
 * holiday calendar covers its year). A refusal here keeps a bad deadline out of the workflow,
 * where a domain error would otherwise fail workflow tasks over and over.
 */
export function checkSchedulable(deadlineMs: number, policy: ReminderPolicy, nowMs: number, field = 'deadline'): Refusal | null {
  try {
    reminderTimes(new Date(deadlineMs), policy, new Date(nowMs));
    escalationTime(new Date(deadlineMs));
    return null;
  } catch (err) {
    if (isDomainError(err)) return { code: 'VALIDATION', reason: 'INVALID_DEADLINE', message: err.message, field };
    throw err;
  }
}

function findBody(bodies: BodyState[], bodyKey: string): BodyState | undefined {
  return bodies.find((b) => b.config.bodyKey === bodyKey);
}

function unknownBody(bodyKey: string): Refusal {
  return { code: 'NOT_FOUND', reason: 'UNKNOWN_BODY', message: `Body '${bodyKey}' does not vote in this round`, field: 'bodyKey' };
}

function closed(b: BodyState): Refusal {
  return {
    code: 'CONFLICT',
    reason: 'ROUND_CLOSED',
    message: `Voting of ${b.roster?.name ?? b.config.bodyKey} in this round is closed (${b.status})`,
    field: 'bodyKey',
  };
}

/**
 * Who may vote: a member of the body in this round's roster, before the body's deadline and
 * while the body is undecided. A member may change the vote until then.
 */
export function validateVote(bodies: BodyState[], cmd: CastVoteCommand, nowMs: number): Refusal | null {
  if (cmd === null || typeof cmd !== 'object' || !isNonEmptyString(cmd.personId) || !isNonEmptyString(cmd.bodyKey)) {
    return { code: 'VALIDATION', reason: 'INVALID_INPUT', message: 'personId and bodyKey are required' };
  }
  if (!VOTE_VALUES.includes(cmd.value)) {
    return {
      code: 'VALIDATION',
      reason: 'INVALID_VOTE_VALUE',
      message: `Vote value must be one of ${VOTE_VALUES.join(', ')}, got '${String(cmd.value)}'`,
      field: 'value',
    };
  }
  if (cmd.comment !== undefined && (typeof cmd.comment !== 'string' || cmd.comment.length > MAX_COMMENT_LENGTH)) {
    return { code: 'VALIDATION', reason: 'INVALID_INPUT', message: `A comment is text of at most ${MAX_COMMENT_LENGTH} characters`, field: 'comment' };
  }
  const body = findBody(bodies, cmd.bodyKey);
  if (!body) return unknownBody(cmd.bodyKey);
  if (!body.roster) {
    return { code: 'CONFLICT', reason: 'ROUND_NOT_OPEN', message: 'Voting has not opened yet; try again in a moment', field: 'bodyKey' };
  }
  if (!body.roster.members.some((m) => m.personId === cmd.personId)) {
    const other = bodies.find((b) => b.roster?.members.some((m) => m.personId === cmd.personId));
    if (other?.roster) {
      return {
        code: 'RULE_VIOLATION',
        reason: 'MEMBER_OF_OTHER_BODY',
        message: `This person is a member of ${other.roster.name}, not of ${body.roster.name}`,
        field: 'bodyKey',
      };
    }
    return { code: 'RULE_VIOLATION', reason: 'NOT_A_MEMBER', message: `This person is not a member of ${body.roster.name} in this round`, field: 'personId' };
  }
  if (!isLive(body.status)) return closed(body);
  if (body.status === 'escalated' || nowMs >= body.deadlineMs) {
    return {
      code: 'CONFLICT',
      reason: 'DEADLINE_PASSED',
      message: `The deadline of ${body.roster.name} (${new Date(body.deadlineMs).toISOString()}) has passed`,
      field: 'bodyKey',
    };
  }
  return null;
}

function targets(bodies: BodyState[], bodyKey: string | undefined, wanted: (b: BodyState) => boolean): BodyState[] | Refusal {
  if (bodyKey !== undefined) {
    if (!isNonEmptyString(bodyKey)) return { code: 'VALIDATION', reason: 'INVALID_INPUT', message: 'bodyKey must be a non-empty string', field: 'bodyKey' };
    const body = findBody(bodies, bodyKey);
    return body ? [body] : unknownBody(bodyKey);
  }
  return bodies.filter(wanted);
}

/** Bodies an extension applies to, or why it is refused. New deadline: later than now and than each old one. */
export function validateExtend(bodies: BodyState[], cmd: ExtendDeadlineCommand, nowMs: number): BodyState[] | Refusal {
  if (cmd === null || typeof cmd !== 'object' || !isNonEmptyString(cmd.actorPersonId)) {
    return { code: 'VALIDATION', reason: 'INVALID_INPUT', message: 'actorPersonId is required', field: 'actorPersonId' };
  }
  const deadlineMs = parseInstant(cmd.deadline);
  if (deadlineMs === null) {
    return {
      code: 'VALIDATION',
      reason: 'INVALID_DEADLINE',
      message: `Deadline must be an ISO 8601 instant with offset, e.g. 2026-12-18T17:00:00+01:00; got '${String(cmd.deadline)}'`,
      field: 'deadline',
    };
  }
  if (deadlineMs <= nowMs) {
    return { code: 'VALIDATION', reason: 'DEADLINE_NOT_LATER', message: 'The new deadline must be in the future', field: 'deadline' };
  }
  const found = targets(bodies, cmd.bodyKey, (b) => isLive(b.status));
  if (!Array.isArray(found)) return found;
  if (found.length === 0) {
    return { code: 'CONFLICT', reason: 'NO_OPEN_BODY', message: 'No body of this round is still voting' };
  }
  for (const b of found) {
    if (!isLive(b.status)) return b.status === 'opening' ? { code: 'CONFLICT', reason: 'ROUND_NOT_OPEN', message: 'Voting has not opened yet', field: 'bodyKey' } : closed(b);
    if (deadlineMs <= b.deadlineMs) {
      return {
        code: 'VALIDATION',
        reason: 'DEADLINE_NOT_LATER',
        message: `The new deadline must be later than the current one of ${b.roster?.name ?? b.config.bodyKey} (${new Date(b.deadlineMs).toISOString()})`,
        field: 'deadline',
      };
    }
    const schedulable = checkSchedulable(deadlineMs, b.config.reminderPolicy, nowMs);
    if (schedulable) return schedulable;
  }
  return found;
}

/** Bodies the secretariat may close: only escalated ones (deadline passed without quorum). */
export function validateClose(bodies: BodyState[], cmd: CloseRoundCommand): BodyState[] | Refusal {
  if (cmd === null || typeof cmd !== 'object' || !isNonEmptyString(cmd.actorPersonId)) {
    return { code: 'VALIDATION', reason: 'INVALID_INPUT', message: 'actorPersonId is required', field: 'actorPersonId' };
  }
  const found = targets(bodies, cmd.bodyKey, (b) => b.status === 'escalated');
  if (!Array.isArray(found)) return found;
  if (found.length === 0) {
    return {
      code: 'CONFLICT',
      reason: 'NOT_ESCALATED',
      message: 'No body has passed its deadline without quorum; a round can only be closed after escalation',
    };
  }
  for (const b of found) {
    if (b.status === 'escalated') continue;
    if (b.status === 'open' || b.status === 'opening') {
      return {
        code: 'CONFLICT',
        reason: 'NOT_ESCALATED',
        message: `${b.roster?.name ?? b.config.bodyKey} is still voting until ${new Date(b.deadlineMs).toISOString()}; it can be closed only after its deadline passed without quorum`,
        field: 'bodyKey',
      };
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
  const nextReminder = b.status === 'open' ? Math.min(b.plannedReminders[0] ?? Infinity, b.requestedReminders[0] ?? Infinity) : Infinity;
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
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
