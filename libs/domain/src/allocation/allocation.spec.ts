import { DomainError } from '../errors';
import { type AllocationInput, DEFAULT_RESERVE_RULE, computeAllocation } from './allocation';

/**
 * Base case, computed by hand:
 * - board A: 1,000 pupils, schools A1 (€ 50.000) and A2 (€ 25.000);
 * - board B: 500 pupils, school B1 (€ 10.000);
 * - € 100 per pupil; turnover € 1.000.000, so the 2% target is € 20.000 and the 3.5%
 *   ceiling € 35.000.
 */
function input(overrides: Partial<AllocationInput> = {}): AllocationInput {
  return {
    boards: [
      { boardId: 'A', name: 'Stichting Alfa', pupilCount: 1000 },
      { boardId: 'B', name: 'Vereniging Beta', pupilCount: 500 },
    ],
    schools: [
      { schoolId: 'A1', boardId: 'A', name: 'Alfa College', fixedAmountCents: 5_000_000 },
      { schoolId: 'B1', boardId: 'B', name: 'Beta Lyceum', fixedAmountCents: 1_000_000 },
      { schoolId: 'A2', boardId: 'A', name: 'Alfa Mavo', fixedAmountCents: 2_500_000 },
    ],
    amountPerPupilCents: 10_000,
    equityCents: 2_500_000,
    turnoverCents: 100_000_000,
    reserve: { ...DEFAULT_RESERVE_RULE },
    ...overrides,
  };
}

describe('computeAllocation — within range', () => {
  it('pays fixed amounts per school and pupils × amount per board (equity 2.5%)', () => {
    const result = computeAllocation(input());
    expect(result.reserve).toEqual({
      rule: { targetBasisPoints: 200, ceilingBasisPoints: 350, recoveryYears: 1 },
      equityBasisPoints: 250,
      status: 'within_range',
      shortfallCents: 0,
      recoveryCents: 0,
      perPupilReductionCents: 0,
    });
    expect(result.boards).toEqual([
      {
        boardId: 'A',
        name: 'Stichting Alfa',
        schools: [
          { schoolId: 'A1', name: 'Alfa College', fixedAmountCents: 5_000_000 },
          { schoolId: 'A2', name: 'Alfa Mavo', fixedAmountCents: 2_500_000 },
        ],
        pupilCount: 1000,
        amountPerPupilCents: 10_000,
        variableCents: 10_000_000,
        deductions: [],
        totalCents: 17_500_000, // 7.500.000 fixed + 10.000.000 variable
      },
      {
        boardId: 'B',
        name: 'Vereniging Beta',
        schools: [{ schoolId: 'B1', name: 'Beta Lyceum', fixedAmountCents: 1_000_000 }],
        pupilCount: 500,
        amountPerPupilCents: 10_000,
        variableCents: 5_000_000,
        deductions: [],
        totalCents: 6_000_000,
      },
    ]);
    expect(result.totalCents).toBe(23_500_000);
    expect(result.totalPupils).toBe(1500);
    expect(result.baseAmountPerPupilCents).toBe(10_000);
  });

  it.each([
    [2_000_000, 200, 'within_range'], // exactly at the target is not below it
    [3_500_000, 350, 'within_range'], // exactly at the ceiling is not above it
    [1_999_999, 199, 'below_target'], // truncated for display, decided exactly
    [3_500_001, 350, 'above_ceiling'],
  ] as const)('boundary: equity %i cents → %i bp, %s', (equityCents, bp, status) => {
    const { reserve } = computeAllocation(input({ equityCents }));
    expect(reserve.equityBasisPoints).toBe(bp);
    expect(reserve.status).toBe(status);
  });
});

describe('computeAllocation — below target (docs/domain.md, source 001 §7.2: aanzuiveren via het variabel bedrag)', () => {
  it('recovers the shortfall in one year via the amount per pupil, rounded up', () => {
    // Equity € 15.000 = 1.5%; target € 20.000 → shortfall € 5.000 = 500.000 cents.
    // Reduction per pupil = ceil(500.000 / 1.500) = ceil(333,33…) = 334 cents → € 96,66 per pupil.
    const result = computeAllocation(input({ equityCents: 1_500_000 }));
    expect(result.reserve).toMatchObject({
      equityBasisPoints: 150,
      status: 'below_target',
      shortfallCents: 500_000,
      recoveryCents: 500_000,
      perPupilReductionCents: 334,
    });
    expect(
      result.boards.map((b) => [b.amountPerPupilCents, b.variableCents, b.totalCents]),
    ).toEqual([
      [9666, 9_666_000, 17_166_000],
      [9666, 4_833_000, 5_833_000],
    ]);
    expect(result.totalCents).toBe(22_999_000);
    // The payout falls by 501.000 cents: the full shortfall plus 1.000 cents of rounding.
    expect(23_500_000 - result.totalCents).toBe(501_000);
    expect(result.reserve.warning).toBe(
      'Het eigen vermogen (1,50% van de omzet) ligt onder de streefwaarde van 2,00%. Het tekort van € 5.000,00 ' +
        'wordt aangezuiverd door het bedrag per leerling met € 3,34 te verlagen.',
    );
  });

  it('spreads the recovery over recoveryYears', () => {
    // 500.000 / 2 years = 250.000 this year; ceil(250.000 / 1.500) = 167 cents per pupil.
    const result = computeAllocation(
      input({ equityCents: 1_500_000, reserve: { ...DEFAULT_RESERVE_RULE, recoveryYears: 2 } }),
    );
    expect(result.reserve).toMatchObject({
      shortfallCents: 500_000,
      recoveryCents: 250_000,
      perPupilReductionCents: 167,
    });
    expect(result.boards[0]!.variableCents).toBe(1000 * 9833);
  });

  it('rounds the target amount up to whole cents', () => {
    // 2% of 12.345.678 cents = 246.913,56 → 246.914 cents; with zero equity that is the shortfall.
    const result = computeAllocation(input({ turnoverCents: 12_345_678, equityCents: 0 }));
    expect(result.reserve.shortfallCents).toBe(246_914);
    expect(result.reserve.perPupilReductionCents).toBe(165); // ceil(246.914 / 1.500) = ceil(164,61)
  });

  it('handles negative equity (after deficits)', () => {
    // Equity -€ 5.000: shortfall = 2.000.000 + 500.000; ceil(2.500.000 / 1.500) = 1.667.
    const result = computeAllocation(input({ equityCents: -500_000 }));
    expect(result.reserve).toMatchObject({
      equityBasisPoints: -50,
      status: 'below_target',
      shortfallCents: 2_500_000,
      perPupilReductionCents: 1667,
    });
  });

  it('never lowers the amount per pupil below zero, and says the recovery is incomplete', () => {
    // € 2 per pupil, equity 0: the wanted reduction ceil(2.000.000 / 1.500) = 1.334 is capped at 200.
    const result = computeAllocation(input({ amountPerPupilCents: 200, equityCents: 0 }));
    expect(result.reserve.perPupilReductionCents).toBe(200);
    expect(result.boards.map((b) => b.variableCents)).toEqual([0, 0]);
    expect(result.boards.map((b) => b.totalCents)).toEqual([7_500_000, 1_000_000]);
    expect(result.reserve.warning).toContain('maar € 3.000,00 van de beoogde € 20.000,00');
    expect(result.reserve.warning).toContain('aanvullende maatregelen');
  });

  it('with no pupils at all nothing can be recovered via the variable amount', () => {
    const result = computeAllocation(
      input({ boards: [{ boardId: 'A', name: 'A', pupilCount: 0 }], schools: [], equityCents: 0 }),
    );
    expect(result.reserve).toMatchObject({ status: 'below_target', perPupilReductionCents: 0 });
    expect(result.reserve.warning).toContain('aanvullende maatregelen');
  });
});

describe('computeAllocation — above the OCW ceiling', () => {
  it('warns in Dutch and leaves the amounts unchanged', () => {
    const result = computeAllocation(input({ equityCents: 4_000_000 }));
    expect(result.reserve).toMatchObject({
      equityBasisPoints: 400,
      status: 'above_ceiling',
      shortfallCents: 0,
      perPupilReductionCents: 0,
    });
    expect(result.reserve.warning).toBe(
      'Het eigen vermogen (4,00% van de omzet) ligt boven de signaleringswaarde van OCW (3,50%). ' +
        'Overweeg de middelen extra in te zetten voor de scholen.',
    );
    expect(result.totalCents).toBe(23_500_000);
  });
});

describe('computeAllocation — deductions for underspending (docs/domain.md, source 001 §7.4)', () => {
  it('deducts from the letter of the school’s board', () => {
    const result = computeAllocation(
      input({
        deductions: [
          { schoolId: 'A2', amountCents: 120_000, reason: 'Onderbesteding 2025' },
          { schoolId: 'A1', amountCents: 30_000, reason: 'Niet ingezette fte' },
          { schoolId: 'A2', amountCents: 5_000, reason: 'Correctie' },
        ],
      }),
    );
    const [a, b] = result.boards;
    expect(a!.deductions).toEqual([
      { schoolId: 'A2', amountCents: 120_000, reason: 'Onderbesteding 2025' },
      { schoolId: 'A1', amountCents: 30_000, reason: 'Niet ingezette fte' },
      { schoolId: 'A2', amountCents: 5_000, reason: 'Correctie' },
    ]);
    expect(a!.totalCents).toBe(17_500_000 - 155_000);
    expect(b!.deductions).toEqual([]);
    expect(b!.totalCents).toBe(6_000_000);
    expect(result.totalCents).toBe(23_500_000 - 155_000);
  });

  it('a deduction larger than the allocation leaves the board owing money', () => {
    const result = computeAllocation(
      input({ deductions: [{ schoolId: 'B1', amountCents: 7_000_000, reason: 'Terugbetaling' }] }),
    );
    expect(result.boards[1]!.totalCents).toBe(-1_000_000);
  });
});

describe('computeAllocation — invariants', () => {
  it('board total = fixed + variable − deductions, and the grand total sums the boards', () => {
    for (const equityCents of [-1_000_000, 0, 1_234_567, 2_000_000, 5_000_000]) {
      const result = computeAllocation(
        input({ equityCents, deductions: [{ schoolId: 'A1', amountCents: 1, reason: 'x' }] }),
      );
      let grand = 0;
      for (const board of result.boards) {
        const fixed = board.schools.reduce((s, x) => s + x.fixedAmountCents, 0);
        const deducted = board.deductions.reduce((s, x) => s + x.amountCents, 0);
        expect(board.variableCents).toBe(board.pupilCount * board.amountPerPupilCents);
        expect(board.totalCents).toBe(fixed + board.variableCents - deducted);
        grand += board.totalCents;
      }
      expect(result.totalCents).toBe(grand);
      // When below target the payout falls by at least the recovery (unless capped at zero).
      if (result.reserve.status === 'below_target') {
        expect(result.reserve.perPupilReductionCents * result.totalPupils).toBeGreaterThanOrEqual(
          result.reserve.recoveryCents,
        );
      }
    }
  });

  it('does not mutate its input', () => {
    const data = input({
      equityCents: 0,
      deductions: [{ schoolId: 'A1', amountCents: 10, reason: 'x' }],
    });
    const copy = JSON.parse(JSON.stringify(data)) as AllocationInput;
    computeAllocation(data);
    expect(data).toEqual(copy);
  });
});

describe('computeAllocation — validation', () => {
  const base = input();
  it.each<[string, Partial<AllocationInput>, string]>([
    [
      'negative fixed amount',
      { schools: [{ ...base.schools[0]!, fixedAmountCents: -1 }] },
      'schools[0].fixedAmountCents',
    ],
    [
      'fractional fixed amount',
      { schools: [{ ...base.schools[0]!, fixedAmountCents: 1.5 }] },
      'schools[0].fixedAmountCents',
    ],
    [
      'school of an unknown board',
      { schools: [{ ...base.schools[0]!, boardId: 'Z' }] },
      'schools[0].boardId',
    ],
    ['duplicate board', { boards: [base.boards[0]!, { ...base.boards[0]! }] }, 'boards[1].boardId'],
    [
      'duplicate school',
      { schools: [base.schools[0]!, { ...base.schools[0]! }] },
      'schools[1].schoolId',
    ],
    [
      'empty board id',
      { boards: [{ boardId: '', name: 'x', pupilCount: 1 }], schools: [] },
      'boards[0].boardId',
    ],
    [
      'negative pupil count',
      { boards: [{ ...base.boards[0]!, pupilCount: -1 }], schools: [] },
      'boards[0].pupilCount',
    ],
    ['negative amount per pupil', { amountPerPupilCents: -1 }, 'amountPerPupilCents'],
    ['fractional equity', { equityCents: 1.5 }, 'equityCents'],
    ['zero turnover', { turnoverCents: 0 }, 'turnoverCents'],
    ['negative turnover', { turnoverCents: -5 }, 'turnoverCents'],
    [
      'deduction for an unknown school',
      { deductions: [{ schoolId: 'Z9', amountCents: 1, reason: 'x' }] },
      'deductions[0].schoolId',
    ],
    [
      'zero deduction',
      { deductions: [{ schoolId: 'A1', amountCents: 0, reason: 'x' }] },
      'deductions[0].amountCents',
    ],
    [
      'negative deduction',
      { deductions: [{ schoolId: 'A1', amountCents: -10, reason: 'x' }] },
      'deductions[0].amountCents',
    ],
    [
      'deduction without reason',
      { deductions: [{ schoolId: 'A1', amountCents: 10, reason: ' ' }] },
      'deductions[0].reason',
    ],
    [
      'target above ceiling',
      { reserve: { targetBasisPoints: 400, ceilingBasisPoints: 350, recoveryYears: 1 } },
      'reserve.targetBasisPoints',
    ],
    [
      'negative target',
      { reserve: { targetBasisPoints: -1, ceilingBasisPoints: 350, recoveryYears: 1 } },
      'reserve.targetBasisPoints',
    ],
    [
      'zero recovery years',
      { reserve: { targetBasisPoints: 200, ceilingBasisPoints: 350, recoveryYears: 0 } },
      'reserve.recoveryYears',
    ],
  ])('%s → VALIDATION on %s', (_label, overrides, field) => {
    try {
      computeAllocation(input(overrides));
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION');
      expect((e as DomainError).field).toBe(field);
    }
  });
});
