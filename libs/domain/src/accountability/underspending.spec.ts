import { DomainError } from '../errors';
import {
  computeUnderspending,
  deductionAllocationYear,
  underspendingDeductionReason,
} from './underspending';

describe('computeUnderspending (docs/domain.md, source 001 §7.4: underspending is deducted)', () => {
  it.each<[string, number, number[], number, number]>([
    ['spent less than received', 10_000_000, [6_000_000, 2_500_050], 8_500_050, 1_499_950],
    ['spent exactly what was received', 5_000_000, [5_000_000], 5_000_000, 0],
    [
      'spent more than received: no negative deduction',
      5_000_000,
      [4_000_000, 2_000_000],
      6_000_000,
      0,
    ],
    ['reported nothing', 1_234_56, [], 0, 1_234_56],
    ['received nothing', 0, [100], 100, 0],
    ['one cent left', 100_001, [100_000], 100_000, 1],
  ])('%s', (_label, receivedCents, amounts, spentCents, underspendingCents) => {
    expect(
      computeUnderspending({
        receivedCents,
        expenses: amounts.map((amountCents) => ({ amountCents })),
      }),
    ).toEqual({ spentCents, underspendingCents });
  });

  it('is exact in cents beyond what doubles add up exactly (0,10 + 0,20)', () => {
    expect(
      computeUnderspending({
        receivedCents: 30,
        expenses: [{ amountCents: 10 }, { amountCents: 20 }],
      }),
    ).toEqual({ spentCents: 30, underspendingCents: 0 });
  });

  it.each<[string, number, number[], string]>([
    ['negative received', -1, [], 'receivedCents'],
    ['fractional received', 10.5, [], 'receivedCents'],
    ['negative expense', 100, [10, -5], 'expenses[1].amountCents'],
    ['fractional expense', 100, [0.5], 'expenses[0].amountCents'],
  ])('rejects %s', (_label, receivedCents, amounts, field) => {
    try {
      computeUnderspending({
        receivedCents,
        expenses: amounts.map((amountCents) => ({ amountCents })),
      });
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe('deduction year and reason', () => {
  it('deducts the 2026 underspending from the 2028 allocation (2027 was sent in December 2026)', () => {
    expect(deductionAllocationYear(2026)).toBe(2028);
    expect(underspendingDeductionReason(2026)).toBe('Onderbesteding verantwoording 2026');
  });
});
