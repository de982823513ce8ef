import { DomainError } from '../errors';

/**
 * Voting of governance bodies. Bodies and their rules are data, not code (docs/domain.md: governance
 * differs per SWV), so one rule type covers ALV, RvT, OPR, Algemeen Bestuur, …
 */

/** goedkeuring (approval, ALV/RvT), instemming (consent, OPR), advies (non-binding). */
export type DecisionKind = 'goedkeuring' | 'instemming' | 'advies';

/** Dutch labels for user-facing text. */
export const DECISION_KIND_LABELS: Readonly<Record<DecisionKind, string>> = Object.freeze({
  goedkeuring: 'goedkeuring',
  instemming: 'instemming',
  advies: 'advies',
});

export type VoteValue = 'for' | 'against' | 'abstain';

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface VotingRule {
  weighting: 'one_member_one_vote' | 'pupil_count';
  /** Share of members (or of total weight) that must have voted; abstentions count as present. */
  quorum: ({ basis: 'members' | 'weight' } & Fraction) | null;
  /** strict: the for-weight must exceed the threshold; otherwise reaching it suffices. */
  majority: { basis: 'votes_cast' | 'all_members'; strict: boolean } & Fraction;
  /** excluded: abstentions are not part of the votes_cast base; count_against: they are. */
  abstentions: 'excluded' | 'count_against';
}

/** A member of the voting body; weight is a non-negative integer. */
export interface Voter {
  memberId: string;
  weight: number;
}

export interface CastVote {
  memberId: string;
  value: VoteValue;
}

export interface Tally {
  forWeight: number;
  againstWeight: number;
  abstainWeight: number;
  totalWeight: number;
  votedWeight: number;
  votedMembers: number;
  totalMembers: number;
  /** Weight and number of members that have not voted yet. */
  remainingWeight: number;
  remainingMembers: number;
  quorumReached: boolean;
  /**
   * The outcome if voting closed now: 'undecided' while the quorum is not reached, otherwise
   * 'approved' or 'rejected'.
   */
  outcome: 'approved' | 'rejected' | 'undecided';
  /**
   * True when every voter voted, or no combination of the remaining voters' votes (including
   * not voting at all) can change the outcome. Assumes cast votes stand: the workflow closes
   * the round once final, so later changes of vote cannot arrive.
   */
  final: boolean;
}

/**
 * Vote weight of a member: 1 under one-member-one-vote; the board's pupil count under
 * pupil-count weighting (ALV, docs/domain.md, source 001 §1.1: "Het aantal stemmen dat een ALV-lid kan
 * uitbrengen wordt bepaald door het aantal leerlingen"). A missing pupil count weighs 0: a
 * board without registered pupils carries no weight rather than blocking the vote.
 */
export function voterWeight(rule: VotingRule, pupilCount: number | null | undefined): number {
  if (rule.weighting === 'one_member_one_vote') return 1;
  if (pupilCount === null || pupilCount === undefined) return 0;
  if (!Number.isSafeInteger(pupilCount) || pupilCount < 0) {
    throw DomainError.of('VALIDATION', 'pupilCount', 'validation.notNonNegativeInteger', {
      field: 'pupilCount',
    });
  }
  return pupilCount;
}

function validateFraction(fraction: Fraction, field: string): void {
  const { numerator, denominator } = fraction;
  if (!Number.isSafeInteger(denominator) || denominator < 1) {
    throw DomainError.of('VALIDATION', `${field}.denominator`, 'validation.notPositiveInteger', {
      field: 'denominator',
    });
  }
  if (!Number.isSafeInteger(numerator) || numerator < 1 || numerator > denominator) {
    throw DomainError.of('VALIDATION', `${field}.numerator`, 'validation.numerator', {
      field: 'numerator',
    });
  }
}

export function validateVotingRule(rule: VotingRule): void {
  if (rule === null || typeof rule !== 'object') {
    throw new DomainError('VALIDATION', 'A voting rule is required', 'rule');
  }
  if (rule.weighting !== 'one_member_one_vote' && rule.weighting !== 'pupil_count') {
    throw new DomainError(
      'VALIDATION',
      `Unknown weighting '${String(rule.weighting)}'`,
      'weighting',
    );
  }
  if (rule.quorum !== null) {
    if (typeof rule.quorum !== 'object' || rule.quorum === undefined) {
      throw new DomainError('VALIDATION', 'quorum must be an object or null', 'quorum');
    }
    if (rule.quorum.basis !== 'members' && rule.quorum.basis !== 'weight') {
      throw new DomainError(
        'VALIDATION',
        `Unknown quorum basis '${String(rule.quorum.basis)}'`,
        'quorum.basis',
      );
    }
    validateFraction(rule.quorum, 'quorum');
  }
  if (rule.majority === null || typeof rule.majority !== 'object') {
    throw new DomainError('VALIDATION', 'majority is required', 'majority');
  }
  if (rule.majority.basis !== 'votes_cast' && rule.majority.basis !== 'all_members') {
    throw new DomainError(
      'VALIDATION',
      `Unknown majority basis '${String(rule.majority.basis)}'`,
      'majority.basis',
    );
  }
  if (typeof rule.majority.strict !== 'boolean') {
    throw new DomainError('VALIDATION', 'majority.strict must be a boolean', 'majority.strict');
  }
  validateFraction(rule.majority, 'majority');
  if (rule.majority.strict && rule.majority.numerator === rule.majority.denominator) {
    // "More than all" can never be reached; unanimity is { 1/1, strict: false }.
    throw DomainError.of('VALIDATION', 'majority.strict', 'refusal.strictUnanimity');
  }
  if (rule.abstentions !== 'excluded' && rule.abstentions !== 'count_against') {
    throw new DomainError(
      'VALIDATION',
      `Unknown abstention policy '${String(rule.abstentions)}'`,
      'abstentions',
    );
  }
}

interface Counts {
  forWeight: number;
  againstWeight: number;
  abstainWeight: number;
  votedMembers: number;
}

function quorumMet(
  rule: VotingRule,
  c: Counts,
  totalWeight: number,
  totalMembers: number,
): boolean {
  if (rule.quorum === null) return true;
  const { basis, numerator, denominator } = rule.quorum;
  if (basis === 'members') return c.votedMembers * denominator >= numerator * totalMembers;
  const voted = c.forWeight + c.againstWeight + c.abstainWeight;
  return voted * denominator >= numerator * totalWeight;
}

function majorityMet(rule: VotingRule, c: Counts, totalWeight: number): boolean {
  const { basis, numerator, denominator, strict } = rule.majority;
  // Nothing passes without support: with no for-votes (e.g. everyone abstained and abstentions
  // are excluded, leaving an empty base) a non-strict rule would otherwise read 0 ≥ 0.
  if (c.forWeight === 0) return false;
  const base =
    basis === 'all_members'
      ? totalWeight
      : c.forWeight +
        c.againstWeight +
        (rule.abstentions === 'count_against' ? c.abstainWeight : 0);
  const lhs = c.forWeight * denominator;
  const rhs = numerator * base;
  return strict ? lhs > rhs : lhs >= rhs;
}

function outcomeOf(
  rule: VotingRule,
  c: Counts,
  totalWeight: number,
  totalMembers: number,
): 'approved' | 'rejected' | 'undecided' {
  if (!quorumMet(rule, c, totalWeight, totalMembers)) return 'undecided';
  return majorityMet(rule, c, totalWeight) ? 'approved' : 'rejected';
}

/**
 * Counts the votes. Votes of unknown members throw DomainError VALIDATION; when a member
 * voted more than once, the last vote counts. The rule decides the weighting: under
 * one-member-one-vote every voter weighs 1 whatever `weight` says, so one roster serves all
 * rules; under pupil-count weighting `weight` is used as given (see voterWeight).
 */
export function tallyVotes(voters: Voter[], votes: CastVote[], rule: VotingRule): Tally {
  validateVotingRule(rule);
  const weights = new Map<string, number>();
  voters.forEach((voter, i) => {
    if (typeof voter.memberId !== 'string' || voter.memberId === '') {
      throw new DomainError('VALIDATION', 'memberId is required', `voters[${i}].memberId`);
    }
    if (weights.has(voter.memberId)) {
      throw new DomainError(
        'VALIDATION',
        `Duplicate voter '${voter.memberId}'`,
        `voters[${i}].memberId`,
      );
    }
    if (!Number.isSafeInteger(voter.weight) || voter.weight < 0) {
      throw new DomainError(
        'VALIDATION',
        'weight must be a non-negative integer',
        `voters[${i}].weight`,
      );
    }
    weights.set(voter.memberId, rule.weighting === 'one_member_one_vote' ? 1 : voter.weight);
  });

  const lastVote = new Map<string, VoteValue>();
  votes.forEach((vote, i) => {
    if (!weights.has(vote.memberId)) {
      throw new DomainError(
        'VALIDATION',
        `Vote of unknown member '${String(vote.memberId)}'`,
        `votes[${i}].memberId`,
      );
    }
    if (vote.value !== 'for' && vote.value !== 'against' && vote.value !== 'abstain') {
      throw new DomainError(
        'VALIDATION',
        `Unknown vote value '${String(vote.value)}'`,
        `votes[${i}].value`,
      );
    }
    lastVote.set(vote.memberId, vote.value);
  });

  const counts: Counts = { forWeight: 0, againstWeight: 0, abstainWeight: 0, votedMembers: 0 };
  let totalWeight = 0;
  let remainingWeight = 0;
  for (const [memberId, weight] of weights) {
    totalWeight += weight;
    const value = lastVote.get(memberId);
    if (value === undefined) {
      remainingWeight += weight;
      continue;
    }
    counts.votedMembers += 1;
    if (value === 'for') counts.forWeight += weight;
    else if (value === 'against') counts.againstWeight += weight;
    else counts.abstainWeight += weight;
  }
  const totalMembers = weights.size;
  const remainingMembers = totalMembers - counts.votedMembers;
  const outcome = outcomeOf(rule, counts, totalWeight, totalMembers);

  // Finality. Quorum only grows as more members vote; the majority only grows with more
  // for-votes and only shrinks with more against-votes. So the reachable outcomes are spanned
  // by three extremes: nobody else votes (= current outcome), everyone else votes for (best
  // case for approval), everyone else votes against (best case for rejection).
  const allFor: Counts = {
    ...counts,
    forWeight: counts.forWeight + remainingWeight,
    votedMembers: totalMembers,
  };
  const allAgainst: Counts = {
    ...counts,
    againstWeight: counts.againstWeight + remainingWeight,
    votedMembers: totalMembers,
  };
  const reachable = new Set([
    outcome,
    outcomeOf(rule, allFor, totalWeight, totalMembers),
    outcomeOf(rule, allAgainst, totalWeight, totalMembers),
  ]);

  return {
    ...counts,
    totalWeight,
    votedWeight: counts.forWeight + counts.againstWeight + counts.abstainWeight,
    totalMembers,
    remainingWeight,
    remainingMembers,
    quorumReached: quorumMet(rule, counts, totalWeight, totalMembers),
    outcome,
    final: remainingMembers === 0 || reachable.size === 1,
  };
}

/**
 * The decision when the voting deadline passes: no quorum → 'no_quorum' (the workflow
 * escalates or extends); otherwise approved only with the required majority — a tie is not
 * a majority, so it is rejected.
 */
export function decideAtDeadline(tally: Tally): 'approved' | 'rejected' | 'no_quorum' {
  if (!tally.quorumReached) return 'no_quorum';
  return tally.outcome === 'approved' ? 'approved' : 'rejected';
}

/**
 * Defaults for SWV VO Groningen Stad (docs/domain.md, source 001 §1.1), configurable per SWV:
 * - alv: weighted by pupil count; simple (strict) majority of the votes cast, abstentions
 *   not counted; quorum: half of the total weight present.
 * - rvt: three members, one vote each; simple majority of the votes cast; quorum 2 of 3.
 * - opr: instemming needs a majority of all members (not just of those voting), so no
 *   separate quorum is needed.
 */
export const DEFAULT_RULES: { alv: VotingRule; rvt: VotingRule; opr: VotingRule } = Object.freeze({
  alv: Object.freeze({
    weighting: 'pupil_count',
    quorum: Object.freeze({ basis: 'weight', numerator: 1, denominator: 2 }),
    majority: Object.freeze({ basis: 'votes_cast', strict: true, numerator: 1, denominator: 2 }),
    abstentions: 'excluded',
  }) as VotingRule,
  rvt: Object.freeze({
    weighting: 'one_member_one_vote',
    quorum: Object.freeze({ basis: 'members', numerator: 2, denominator: 3 }),
    majority: Object.freeze({ basis: 'votes_cast', strict: true, numerator: 1, denominator: 2 }),
    abstentions: 'excluded',
  }) as VotingRule,
  opr: Object.freeze({
    weighting: 'one_member_one_vote',
    quorum: null,
    majority: Object.freeze({ basis: 'all_members', strict: true, numerator: 1, denominator: 2 }),
    abstentions: 'excluded',
  }) as VotingRule,
});
