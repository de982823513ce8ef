import { isDomainError } from '../errors';
import { computeAllocation } from './allocation';
import {
  type ReserveRuleSetting,
  reserveRuleForYear,
  validateReserveRuleSetting,
} from './reserve-rule';

/** Groningen Stad: target 2%, OCW maximum 3.5%, made up in the following year(s) (docs/domain.md, source 001 §7.1, §7.2). */
const GRONINGEN: ReserveRuleSetting = {
  targetBasisPoints: 200,
  ceilingBasisPoints: 350,
  recoveryYears: 2,
};
/** Midden Kennemerland: below 3.5% of gross turnover, at most EUR 300,000 in 2025 (docs/domain.md, source 004). */
const KENNEMERLAND: ReserveRuleSetting = {
  targetBasisPoints: 0,
  ceilingBasisPoints: 350,
  recoveryYears: 1,
  capCents: 300_000_00,
  capFromYear: 2025,
};

const EUR = 100;
/** Turnover EUR 10 million: 1% is EUR 100,000. */
const TURNOVER = 10_000_000 * EUR;

function reserveOf(setting: ReserveRuleSetting, year: number, equityEuros: number) {
  return computeAllocation({
    boards: [{ boardId: 'b1', name: 'Bestuur', pupilCount: 1_000 }],
    schools: [],
    amountPerPupilCents: 200 * EUR,
    equityCents: equityEuros * EUR,
    turnoverCents: TURNOVER,
    reserve: reserveRuleForYear(setting, year),
  }).reserve;
}

describe('the reserve rule as configuration, per SWV', () => {
  it.each([
    // [seed, year, equity EUR, status, shortfall EUR, made up this year EUR, cut per pupil EUR]
    ['001', 2026, 150_000, 'below_target', 50_000, 25_000, 25],
    ['001', 2026, 200_000, 'within_range', 0, 0, 0],
    ['001', 2026, 350_000, 'within_range', 0, 0, 0],
    ['001', 2026, 360_000, 'above_ceiling', 0, 0, 0],
    ['004', 2025, 290_000, 'within_range', 0, 0, 0],
    ['004', 2025, 320_000, 'above_cap', 0, 0, 0],
    ['004', 2026, 320_000, 'above_cap', 0, 0, 0],
    ['004', 2024, 320_000, 'within_range', 0, 0, 0],
    ['004', 2025, 360_000, 'above_ceiling', 0, 0, 0],
    ['004', 2025, -10_000, 'below_target', 10_000, 10_000, 10],
  ] as const)(
    'rule of %s in %i with equity EUR %i: %s',
    (seed, year, equity, status, shortfall, recovery, cut) => {
      const r = reserveOf(seed === '001' ? GRONINGEN : KENNEMERLAND, year, equity);
      expect({
        status: r.status,
        shortfall: r.shortfallCents,
        recovery: r.recoveryCents,
        cut: r.perPupilReductionCents,
      }).toEqual({
        status,
        shortfall: shortfall * EUR,
        recovery: recovery * EUR,
        cut: cut * EUR,
      });
    },
  );

  it('says which rule applied, and why the reserve is too high', () => {
    const r = reserveOf(KENNEMERLAND, 2025, 320_000);
    expect(r.rule).toEqual({
      targetBasisPoints: 0,
      ceilingBasisPoints: 350,
      recoveryYears: 1,
      capCents: 300_000_00,
    });
    expect(r.warning).toContain('€ 300.000,00');
    expect(reserveOf(KENNEMERLAND, 2024, 320_000).rule).not.toHaveProperty('capCents');
  });

  it('without a setting applies the default: 2%, 3.5%, made up in one year', () => {
    expect(reserveRuleForYear(undefined, 2026)).toEqual({
      targetBasisPoints: 200,
      ceilingBasisPoints: 350,
      recoveryYears: 1,
    });
  });

  it.each([
    [{ ...GRONINGEN, targetBasisPoints: -1 }, 'reserveRule.targetBasisPoints'],
    [{ ...GRONINGEN, ceilingBasisPoints: 10_001 }, 'reserveRule.ceilingBasisPoints'],
    [{ ...GRONINGEN, ceilingBasisPoints: 150 }, 'reserveRule.ceilingBasisPoints'],
    [{ ...GRONINGEN, recoveryYears: 0 }, 'reserveRule.recoveryYears'],
    [{ ...GRONINGEN, recoveryYears: 1.5 }, 'reserveRule.recoveryYears'],
    [{ ...KENNEMERLAND, capCents: -1 }, 'reserveRule.capCents'],
  ])('refuses a setting that cannot hold, naming its field (%o)', (setting, field) => {
    let refused: string | undefined;
    try {
      validateReserveRuleSetting(setting);
    } catch (err) {
      if (isDomainError(err)) refused = err.field;
      else throw err;
    }
    expect(refused).toBe(field);
  });

  it('accepts the rules of 001 and 004', () => {
    expect(() => validateReserveRuleSetting(GRONINGEN)).not.toThrow();
    expect(() => validateReserveRuleSetting(KENNEMERLAND)).not.toThrow();
  });
});
