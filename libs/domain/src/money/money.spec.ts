import { DomainError } from '../errors';
import { divCeil, mulDivRound, sumSafe } from './arithmetic';
import { eurosToCents, formatBasisPoints, formatEuro, formatEuroPlain } from './money';

function expectValidation(fn: () => unknown, field?: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION');
    if (field !== undefined) expect((e as DomainError).field).toBe(field);
    return;
  }
  throw new Error('expected a DomainError');
}

describe('eurosToCents', () => {
  it.each<[string | number, number]>([
    ['1234,56', 123_456],
    ['1.234,56', 123_456],
    ['1234.56', 123_456],
    ['1234', 123_400],
    ['1234,5', 123_450],
    ['0,01', 1],
    ['0.1', 10],
    [' 12,30 ', 1230],
    ['€ 1.234,56', 123_456],
    ['€1234,56', 123_456],
    ['-1.234,56', -123_456],
    ['-€ 1.234,56', -123_456],
    ['€ -12,00', -1200],
    ['1.234.567,89', 123_456_789],
    ['1.234.567', 123_456_700], // several dots can only be thousands separators
    ['30.000', 3_000_000], // a dot and exactly three digits: a Dutch thousands separator
    ['450.000', 45_000_000],
    ['0', 0],
    [1234.56, 123_456],
    [0.29, 29], // 0.29 × 100 = 28.999… in binary; must still be 29
    [0.1, 10],
    [-5, -500],
    [1e6, 100_000_000],
    [0, 0],
  ])('%j → %i cents', (input, cents) => {
    expect(eurosToCents(input)).toBe(cents);
  });

  it('never returns negative zero', () => {
    expect(Object.is(eurosToCents('-0,00'), 0)).toBe(true);
    expect(Object.is(eurosToCents(-0), 0)).toBe(true);
  });

  it.each<[string | number]>([
    ['1234,567'], // three decimals
    ['12.3456'],
    ['1234.567'], // three decimals: not a thousands separator after four digits
    ['1,234,56'],
    ['1.23,45'],
    ['12,'],
    [',5'],
    ['abc'],
    [''],
    ['€'],
    ['1 234,56'],
    ['1e3'],
    ['--5'],
    [1.005],
    [0.001],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [1e300],
    ['99999999999999999999'],
  ])('rejects %j', (input) => {
    expectValidation(() => eurosToCents(input, 'fixedAmount'), 'fixedAmount');
  });

  it('round-trips formatted amounts', () => {
    for (const cents of [0, 1, 99, 100, 123_456, -123_456, 100_000_000, 987_654_321_012, -5]) {
      expect(eurosToCents(formatEuro(cents))).toBe(cents);
      expect(eurosToCents(formatEuroPlain(cents))).toBe(cents);
    }
  });
});

describe('formatEuro / formatEuroPlain', () => {
  it.each([
    [123_456, '€ 1.234,56', '1234,56'],
    [-123_456, '€ -1.234,56', '-1234,56'],
    [0, '€ 0,00', '0,00'],
    [5, '€ 0,05', '0,05'],
    [-1, '€ -0,01', '-0,01'],
    [99, '€ 0,99', '0,99'],
    [100_000, '€ 1.000,00', '1000,00'],
    [100_000_000, '€ 1.000.000,00', '1000000,00'],
    [1_650_000_000, '€ 16.500.000,00', '16500000,00'],
  ])('%i → %s / %s', (cents, display, plain) => {
    expect(formatEuro(cents)).toBe(display);
    expect(formatEuroPlain(cents)).toBe(plain);
  });

  it.each([1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])('rejects %s cents', (cents) => {
    expectValidation(() => formatEuro(cents));
    expectValidation(() => formatEuroPlain(cents));
  });
});

describe('formatBasisPoints', () => {
  it.each([
    [350, '3,50%'],
    [200, '2,00%'],
    [5, '0,05%'],
    [-150, '-1,50%'],
    [10_000, '100,00%'],
  ])('%i → %s', (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });
});

describe('mulDivRound', () => {
  it.each<[number, number, number, 'half_up' | 'floor' | 'ceil' | undefined, number]>([
    [5, 1, 2, undefined, 3], // 2.5 → 3 (half away from zero)
    [-5, 1, 2, undefined, -3], // -2.5 → -3 (symmetric)
    [5, 1, -2, undefined, -3],
    [7, 1, 2, 'half_up', 4],
    [1, 1, 3, 'half_up', 0],
    [2, 1, 3, 'half_up', 1],
    [10, 3, 4, 'half_up', 8], // 7.5 → 8
    [-10, 3, 4, 'half_up', -8],
    [6, 1, 3, 'half_up', 2], // exact
    [7, 1, 2, 'floor', 3],
    [-7, 1, 2, 'floor', -4],
    [7, 1, 2, 'ceil', 4],
    [-7, 1, 2, 'ceil', -3],
    [6, 1, 3, 'ceil', 2],
    // The product exceeds 2^53 but the result is exact.
    [Number.MAX_SAFE_INTEGER, 10, 10, 'half_up', Number.MAX_SAFE_INTEGER],
    [16_500, 123_456_789, 16_500, 'half_up', 123_456_789],
  ])('%i × %i / %i (%s) = %i', (a, b, c, mode, expected) => {
    expect(mulDivRound(a, b, c, mode)).toBe(expected);
  });

  it('rejects division by zero, non-integers and unsafe results', () => {
    expectValidation(() => mulDivRound(1, 1, 0), 'c');
    expectValidation(() => mulDivRound(1.5, 1, 1), 'a');
    expectValidation(() => mulDivRound(Number.MAX_SAFE_INTEGER, 10, 1));
  });

  it('divCeil and sumSafe', () => {
    expect(divCeil(500_000, 1500)).toBe(334);
    expect(divCeil(3000, 1500)).toBe(2);
    expect(sumSafe([1, 2, -3])).toBe(0);
    expectValidation(() => sumSafe([Number.MAX_SAFE_INTEGER, 1]));
  });
});
