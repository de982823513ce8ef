import { DomainError } from '../errors';
import {
  type CastVote,
  type Tally,
  type Voter,
  type VoteValue,
  type VotingRule,
  DEFAULT_RULES,
  decideAtDeadline,
  tallyVotes,
  validateVotingRule,
  voterWeight,
} from './voting';

const { alv: ALV, rvt: RVT, opr: OPR } = DEFAULT_RULES;

/** Voters from a compact spec: { a: 6000, b: 500 }. */
function roster(weights: Record<string, number>): Voter[] {
  return Object.entries(weights).map(([memberId, weight]) => ({ memberId, weight }));
}
/** Votes from a compact spec: { a: 'for', b: 'against' }. */
function ballots(values: Record<string, VoteValue>): CastVote[] {
  return Object.entries(values).map(([memberId, value]) => ({ memberId, value }));
}
function tally(
  rule: VotingRule,
  weights: Record<string, number>,
  values: Record<string, VoteValue>,
): Tally {
  return tallyVotes(roster(weights), ballots(values), rule);
}

const THREE = { a: 1, b: 1, c: 1 };
const FIVE = { a: 1, b: 1, c: 1, d: 1, e: 1 };

/** Groningen-like ALV: 10 boards, 16,500 pupils (docs/domain.md, source 001 §1.1). */
const GRONINGEN: Record<string, number> = {
  b1: 4200,
  b2: 3100,
  b3: 2400,
  b4: 1900,
  b5: 1500,
  b6: 1100,
  b7: 900,
  b8: 600,
  b9: 500,
  b10: 300,
};

describe('voterWeight', () => {
  it.each([
    [ALV, 4200, 4200],
    [ALV, 0, 0],
    [ALV, null, 0],
    [ALV, undefined, 0],
    [RVT, 4200, 1],
    [RVT, null, 1],
    [OPR, undefined, 1],
  ] as const)('%#: rule weighting, pupils %s → %i', (rule, pupils, expected) => {
    expect(voterWeight(rule, pupils)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects pupil count %s', (pupils) => {
    expect(() => voterWeight(ALV, pupils)).toThrow(DomainError);
  });
});

describe('tallyVotes — outcomes', () => {
  it.each<[string, VotingRule, Record<string, number>, Record<string, VoteValue>, Partial<Tally>]>([
    [
      'RvT 2 for, 1 against',
      RVT,
      THREE,
      { a: 'for', b: 'for', c: 'against' },
      {
        forWeight: 2,
        againstWeight: 1,
        votedMembers: 3,
        quorumReached: true,
        outcome: 'approved',
        final: true,
      },
    ],
    [
      'RvT tie with one abstention (excluded) is rejected',
      RVT,
      THREE,
      { a: 'for', b: 'against', c: 'abstain' },
      { forWeight: 1, againstWeight: 1, abstainWeight: 1, outcome: 'rejected', final: true },
    ],
    [
      'RvT 1 for, 2 abstain, abstentions excluded → approved (1 of 1 cast)',
      RVT,
      THREE,
      { a: 'for', b: 'abstain', c: 'abstain' },
      { outcome: 'approved', final: true },
    ],
    [
      'RvT 1 for, 2 abstain, abstentions count against → rejected',
      { ...RVT, abstentions: 'count_against' },
      THREE,
      { a: 'for', b: 'abstain', c: 'abstain' },
      { outcome: 'rejected', final: true },
    ],
    [
      'RvT 2 for, 1 abstain, abstentions count against → approved (2 of 3)',
      { ...RVT, abstentions: 'count_against' },
      THREE,
      { a: 'for', b: 'for', c: 'abstain' },
      { outcome: 'approved', final: true },
    ],
    [
      'everyone abstains (excluded): empty base, nothing passes',
      RVT,
      THREE,
      { a: 'abstain', b: 'abstain', c: 'abstain' },
      { quorumReached: true, outcome: 'rejected', final: true },
    ],
    [
      'everyone abstains under a non-strict rule: still nothing passes',
      { ...RVT, majority: { basis: 'votes_cast', strict: false, numerator: 1, denominator: 2 } },
      THREE,
      { a: 'abstain', b: 'abstain', c: 'abstain' },
      { outcome: 'rejected' },
    ],
    [
      'RvT one vote only: quorum (2 of 3) missed',
      RVT,
      THREE,
      { a: 'for' },
      { votedMembers: 1, quorumReached: false, outcome: 'undecided', final: false },
    ],
    [
      'RvT 1 for, 1 against, 1 pending: rejected for now, not final',
      RVT,
      THREE,
      { a: 'for', b: 'against' },
      {
        quorumReached: true,
        outcome: 'rejected',
        final: false,
        remainingMembers: 1,
        remainingWeight: 1,
      },
    ],
    [
      'RvT 2 for, 1 pending: approved and final (the last vote cannot flip it)',
      RVT,
      THREE,
      { a: 'for', b: 'for' },
      { outcome: 'approved', final: true },
    ],
    [
      'non-strict 2/3 majority reached by 2 of 3',
      { ...RVT, majority: { basis: 'votes_cast', strict: false, numerator: 2, denominator: 3 } },
      THREE,
      { a: 'for', b: 'for', c: 'against' },
      { outcome: 'approved' },
    ],
    [
      'strict 2/3 majority not reached by exactly 2 of 3',
      { ...RVT, majority: { basis: 'votes_cast', strict: true, numerator: 2, denominator: 3 } },
      THREE,
      { a: 'for', b: 'for', c: 'against' },
      { outcome: 'rejected' },
    ],
    [
      'OPR: 3 of 5 members for → approved and final although two have not voted',
      OPR,
      FIVE,
      { a: 'for', b: 'for', c: 'for' },
      { outcome: 'approved', final: true },
    ],
    [
      'OPR: 2 for, 0 against of 5 → not (yet) a majority of all members',
      OPR,
      FIVE,
      { a: 'for', b: 'for' },
      { outcome: 'rejected', final: false },
    ],
    [
      'OPR: 3 against → can no longer reach a majority of all members: rejected, final',
      OPR,
      FIVE,
      { a: 'against', b: 'against', c: 'against' },
      { outcome: 'rejected', final: true },
    ],
    [
      'OPR: abstentions do not count for the all-members majority',
      OPR,
      FIVE,
      { a: 'for', b: 'for', c: 'abstain', d: 'abstain', e: 'abstain' },
      { outcome: 'rejected', final: true },
    ],
  ])('%s', (_label, rule, weights, values, expected) => {
    expect(tally(rule, weights, values)).toMatchObject(expected);
  });
});

describe('tallyVotes — weighted ALV', () => {
  const boards = { big: 6000, s1: 500, s2: 500, s3: 500 };

  it('a majority of boards against but a majority of pupils for → approved when weighted', () => {
    const votes = { big: 'for', s1: 'against', s2: 'against', s3: 'against' } as const;
    expect(tally(ALV, boards, votes)).toMatchObject({
      forWeight: 6000,
      againstWeight: 1500,
      outcome: 'approved',
      final: true,
    });
    // The same ballots under one member one vote: 1 for, 3 against.
    expect(tally({ ...ALV, weighting: 'one_member_one_vote' }, boards, votes)).toMatchObject({
      forWeight: 1,
      againstWeight: 3,
      outcome: 'rejected',
    });
  });

  it('a majority of boards for but a majority of pupils against → rejected when weighted', () => {
    const votes = { big: 'against', s1: 'for', s2: 'for', s3: 'for' } as const;
    expect(tally(ALV, boards, votes)).toMatchObject({
      forWeight: 1500,
      againstWeight: 6000,
      outcome: 'rejected',
    });
    expect(tally({ ...ALV, weighting: 'one_member_one_vote' }, boards, votes).outcome).toBe(
      'approved',
    );
  });

  it('members without weight count as present for a members quorum but add no weight', () => {
    const weights = { a: 1000, b: 0, c: 0 };
    const t = tally(ALV, weights, { b: 'for', c: 'for' });
    expect(t).toMatchObject({
      forWeight: 0,
      votedMembers: 2,
      votedWeight: 0,
      quorumReached: false,
      outcome: 'undecided',
    });
    const membersQuorum: VotingRule = {
      ...ALV,
      quorum: { basis: 'members', numerator: 1, denominator: 2 },
    };
    expect(tally(membersQuorum, weights, { b: 'for', c: 'for' })).toMatchObject({
      quorumReached: true,
      outcome: 'rejected', // zero for-weight never carries a decision
      final: false, // a (1000) can still vote for
    });
  });

  it('Groningen-like ALV of 10 boards / 16,500 pupils', () => {
    const total = Object.values(GRONINGEN).reduce((s, w) => s + w, 0);
    expect(total).toBe(16_500);

    // Three big boards for (9,700), the seven others against (6,800): approved; by head count 3–7.
    const bigThreeFor = Object.fromEntries(
      Object.keys(GRONINGEN).map((id) => [id, ['b1', 'b2', 'b3'].includes(id) ? 'for' : 'against']),
    ) as Record<string, VoteValue>;
    expect(tally(ALV, GRONINGEN, bigThreeFor)).toMatchObject({
      forWeight: 9700,
      againstWeight: 6800,
      totalWeight: 16_500,
      votedMembers: 10,
      outcome: 'approved',
      final: true,
    });

    // Part of the boards voted (8,900 ≥ the quorum of 8,250): approved for now, not final.
    const partial = tally(ALV, GRONINGEN, { b1: 'for', b2: 'for', b6: 'against', b9: 'abstain' });
    expect(partial.votedWeight).toBe(4200 + 3100 + 1100 + 500);
    expect(partial).toMatchObject({ quorumReached: true, outcome: 'approved', final: false });

    // Quorum missed: 8,100 of 16,500 present.
    const below = tally(ALV, GRONINGEN, { b1: 'for', b3: 'for', b5: 'against' });
    expect(below).toMatchObject({
      votedWeight: 8100,
      quorumReached: false,
      outcome: 'undecided',
      final: false,
    });
    expect(decideAtDeadline(below)).toBe('no_quorum');
    // One more small board (300) lifts it over half the weight.
    expect(
      tally(ALV, GRONINGEN, { b1: 'for', b3: 'for', b5: 'against', b10: 'abstain' }).quorumReached,
    ).toBe(true);
  });

  it('the weight quorum is reached at exactly half (non-strict)', () => {
    const half: Record<string, number> = { x: 8250, y: 8250 };
    expect(tally(ALV, half, { x: 'against' })).toMatchObject({
      quorumReached: true,
      outcome: 'rejected',
    });
    expect(tally(ALV, { x: 8250, y: 8251 }, { x: 'for' })).toMatchObject({
      quorumReached: false,
      outcome: 'undecided',
    });
  });

  it('early finality, votes_cast basis: final only once the remaining weight cannot flip it', () => {
    // 8,800 for vs 2,400 against, 5,300 outstanding: even all against gives 7,700 < 8,800.
    expect(tally(ALV, GRONINGEN, { b1: 'for', b2: 'for', b5: 'for', b3: 'against' })).toMatchObject(
      {
        forWeight: 8800,
        againstWeight: 2400,
        remainingWeight: 5300,
        outcome: 'approved',
        final: true,
      },
    );
    // 7,300 for vs 2,400 against, 6,800 outstanding: all against gives 9,200 > 7,300 → not final.
    expect(tally(ALV, GRONINGEN, { b1: 'for', b2: 'for', b3: 'against' })).toMatchObject({
      outcome: 'approved',
      final: false,
    });
  });

  it('early finality, all_members basis: approved once > 50% of the total weight voted for', () => {
    const rule: VotingRule = {
      ...ALV,
      majority: { basis: 'all_members', strict: true, numerator: 1, denominator: 2 },
    };
    // 4,200 + 3,100 + 1,100 = 8,400 > 8,250 while seven boards have not voted.
    expect(tally(rule, GRONINGEN, { b1: 'for', b2: 'for', b6: 'for' })).toMatchObject({
      forWeight: 8400,
      votedMembers: 3,
      outcome: 'approved',
      final: true,
    });
    // Exactly half (8,250) is not more than half.
    const half: Record<string, number> = { x: 8250, y: 8250 };
    expect(tally(rule, half, { x: 'for' })).toMatchObject({ outcome: 'rejected', final: false });
  });
});

describe('tallyVotes — input handling', () => {
  it('the last vote of a member counts', () => {
    const votes: CastVote[] = [
      { memberId: 'a', value: 'for' },
      { memberId: 'b', value: 'for' },
      { memberId: 'a', value: 'against' },
    ];
    expect(tallyVotes(roster(THREE), votes, RVT)).toMatchObject({
      forWeight: 1,
      againstWeight: 1,
      votedMembers: 2,
    });
  });

  it('under one member one vote the rule, not the roster weight, decides', () => {
    expect(
      tally(RVT, { a: 5000, b: 7, c: 0 }, { a: 'for', b: 'against', c: 'against' }),
    ).toMatchObject({
      forWeight: 1,
      againstWeight: 2,
      totalWeight: 3,
      outcome: 'rejected',
    });
  });

  it.each<[string, Voter[], CastVote[], string]>([
    [
      'vote of an unknown member',
      roster(THREE),
      [{ memberId: 'zz', value: 'for' }],
      'votes[0].memberId',
    ],
    [
      'unknown vote value',
      roster(THREE),
      [{ memberId: 'a', value: 'yes' as VoteValue }],
      'votes[0].value',
    ],
    ['duplicate voter', [...roster(THREE), { memberId: 'a', weight: 1 }], [], 'voters[3].memberId'],
    ['negative weight', [{ memberId: 'a', weight: -1 }], [], 'voters[0].weight'],
    ['fractional weight', [{ memberId: 'a', weight: 0.5 }], [], 'voters[0].weight'],
    ['empty memberId', [{ memberId: '', weight: 1 }], [], 'voters[0].memberId'],
  ])('%s → VALIDATION (%s)', (_label, voters, votes, field) => {
    try {
      tallyVotes(voters, votes, ALV);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION');
      expect((e as DomainError).field).toBe(field);
    }
  });

  it('an empty body has nothing to approve', () => {
    expect(tallyVotes([], [], OPR)).toMatchObject({
      totalMembers: 0,
      outcome: 'rejected',
      final: true,
    });
  });
});

describe('decideAtDeadline', () => {
  const base: Tally = {
    forWeight: 0,
    againstWeight: 0,
    abstainWeight: 0,
    totalWeight: 3,
    votedWeight: 0,
    votedMembers: 0,
    totalMembers: 3,
    remainingWeight: 3,
    remainingMembers: 3,
    quorumReached: true,
    outcome: 'approved',
    final: false,
  };
  it.each<[Partial<Tally>, string]>([
    [{ quorumReached: false, outcome: 'undecided' }, 'no_quorum'],
    [{ quorumReached: true, outcome: 'approved' }, 'approved'],
    [{ quorumReached: true, outcome: 'rejected' }, 'rejected'],
  ])('%j → %s', (patch, expected) => {
    expect(decideAtDeadline({ ...base, ...patch })).toBe(expected);
  });

  it('a tie at the deadline is rejected', () => {
    expect(
      decideAtDeadline(
        tally(RVT, { a: 1, b: 1, c: 1, d: 1 }, { a: 'for', b: 'for', c: 'against', d: 'against' }),
      ),
    ).toBe('rejected');
  });
});

describe('validateVotingRule', () => {
  it.each(Object.entries(DEFAULT_RULES))('default rule %s is valid', (_name, rule) => {
    expect(() => validateVotingRule(rule)).not.toThrow();
  });

  it('defaults match the Groningen statutes as summarised in docs/domain.md', () => {
    expect(DEFAULT_RULES.alv.weighting).toBe('pupil_count');
    expect(DEFAULT_RULES.alv.majority).toMatchObject({
      basis: 'votes_cast',
      numerator: 1,
      denominator: 2,
      strict: true,
    });
    expect(DEFAULT_RULES.alv.quorum).toMatchObject({
      basis: 'weight',
      numerator: 1,
      denominator: 2,
    });
    expect(DEFAULT_RULES.rvt.weighting).toBe('one_member_one_vote');
    expect(DEFAULT_RULES.rvt.quorum).toMatchObject({
      basis: 'members',
      numerator: 2,
      denominator: 3,
    });
    expect(DEFAULT_RULES.opr.majority.basis).toBe('all_members');
  });

  it.each<[string, VotingRule, string]>([
    [
      'zero denominator',
      { ...ALV, majority: { ...ALV.majority, denominator: 0 } },
      'majority.denominator',
    ],
    [
      'zero numerator',
      { ...ALV, majority: { ...ALV.majority, numerator: 0 } },
      'majority.numerator',
    ],
    [
      'numerator above denominator',
      { ...ALV, quorum: { basis: 'weight', numerator: 3, denominator: 2 } },
      'quorum.numerator',
    ],
    [
      'fractional numerator',
      { ...ALV, quorum: { basis: 'weight', numerator: 0.5, denominator: 1 } },
      'quorum.numerator',
    ],
    [
      'strict 100% majority',
      { ...ALV, majority: { basis: 'votes_cast', strict: true, numerator: 1, denominator: 1 } },
      'majority.strict',
    ],
    [
      'unknown weighting',
      { ...ALV, weighting: 'per_school' as VotingRule['weighting'] },
      'weighting',
    ],
    [
      'unknown quorum basis',
      { ...ALV, quorum: { basis: 'seats' as 'members', numerator: 1, denominator: 2 } },
      'quorum.basis',
    ],
    [
      'unknown majority basis',
      { ...ALV, majority: { ...ALV.majority, basis: 'present' as 'votes_cast' } },
      'majority.basis',
    ],
    [
      'unknown abstention policy',
      { ...ALV, abstentions: 'count_for' as VotingRule['abstentions'] },
      'abstentions',
    ],
  ])('%s → VALIDATION on %s', (_label, rule, field) => {
    try {
      validateVotingRule(rule);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
    }
    expect(() => tallyVotes(roster(THREE), [], rule)).toThrow(DomainError);
  });

  it('unanimity is expressible as a non-strict 1/1 majority', () => {
    const unanimity: VotingRule = {
      ...RVT,
      majority: { basis: 'votes_cast', strict: false, numerator: 1, denominator: 1 },
    };
    expect(tally(unanimity, THREE, { a: 'for', b: 'for', c: 'for' }).outcome).toBe('approved');
    expect(tally(unanimity, THREE, { a: 'for', b: 'for', c: 'against' }).outcome).toBe('rejected');
  });
});

describe('finality agrees with brute force over every completion of the remaining votes', () => {
  // Deterministic pseudo-random rosters (Park–Miller MINSTD: every product stays below 2^53,
  // so the sequence is exact in doubles), so failures are reproducible.
  let seed = 20_261_212;
  const next = (n: number): number => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed % n;
  };
  const rules: VotingRule[] = [
    ALV,
    RVT,
    OPR,
    { ...ALV, abstentions: 'count_against' },
    { ...ALV, majority: { basis: 'all_members', strict: false, numerator: 2, denominator: 3 } },
    { ...RVT, quorum: { basis: 'weight', numerator: 3, denominator: 4 }, weighting: 'pupil_count' },
    { ...OPR, quorum: { basis: 'members', numerator: 1, denominator: 2 } },
  ];
  const options: (VoteValue | null)[] = ['for', 'against', 'abstain', null];

  it('for 7 rules × 60 random partial votes', () => {
    const mismatches: string[] = [];
    for (const rule of rules) {
      for (let round = 0; round < 60; round += 1) {
        const size = 1 + next(5);
        const voters: Voter[] = Array.from({ length: size }, (_, i) => ({
          memberId: `m${i}`,
          weight: next(4) * 100,
        }));
        const cast: CastVote[] = [];
        const remaining: string[] = [];
        for (const v of voters) {
          const choice = options[next(4)];
          if (choice) cast.push({ memberId: v.memberId, value: choice });
          else remaining.push(v.memberId);
        }
        const t = tallyVotes(voters, cast, rule);
        const outcomes = new Set<string>();
        const combos = 4 ** remaining.length;
        for (let c = 0; c < combos; c += 1) {
          const extra: CastVote[] = [];
          let code = c;
          for (const memberId of remaining) {
            const choice = options[code % 4];
            code = Math.floor(code / 4);
            if (choice) extra.push({ memberId, value: choice });
          }
          outcomes.add(tallyVotes(voters, [...cast, ...extra], rule).outcome);
        }
        const bruteFinal = outcomes.size === 1;
        if (bruteFinal !== t.final || (t.final && !outcomes.has(t.outcome))) {
          mismatches.push(
            JSON.stringify({ rule, voters, cast, final: t.final, outcomes: [...outcomes] }),
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
