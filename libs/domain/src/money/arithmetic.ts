import { DomainError } from '../errors';

/**
 * Integer helpers for money arithmetic. All amounts in the domain are integer cents; products
 * such as pupils × cents or equity × 10 000 are computed with BigInt so that no intermediate
 * value silently loses precision beyond 2^53.
 */

export type RoundingMode = 'half_up' | 'floor' | 'ceil';

function assertSafeInteger(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError(
      'VALIDATION',
      `${field} must be a safe integer, got ${String(value)}`,
      field,
    );
  }
}

function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new DomainError('VALIDATION', `${what} exceeds the safe integer range`, what);
  }
  return n;
}

/**
 * a × b / c rounded to an integer, computed exactly.
 * - 'half_up' (default): round half away from zero, the "commercial" rounding used on
 *   Dutch invoices and in Java's RoundingMode.HALF_UP: 2.5 → 3, -2.5 → -3. Symmetric, so a
 *   negative correction rounds exactly like its positive counterpart.
 * - 'floor' / 'ceil': towards −∞ / +∞.
 */
export function mulDivRound(
  a: number,
  b: number,
  c: number,
  mode: RoundingMode = 'half_up',
): number {
  assertSafeInteger(a, 'a');
  assertSafeInteger(b, 'b');
  assertSafeInteger(c, 'c');
  if (c === 0) {
    throw new DomainError('VALIDATION', 'Division by zero', 'c');
  }
  const num = BigInt(a) * BigInt(b);
  const den = BigInt(c);
  let q = num / den; // truncates towards zero
  const r = num % den;
  if (r !== 0n) {
    const negative = num < 0n !== den < 0n;
    if (mode === 'half_up') {
      const twiceRemainder = (r < 0n ? -r : r) * 2n;
      const absDen = den < 0n ? -den : den;
      if (twiceRemainder >= absDen) q += negative ? -1n : 1n;
    } else if (mode === 'floor') {
      if (negative) q -= 1n;
    } else if (!negative) {
      q += 1n;
    }
  }
  return toSafeNumber(q, 'result');
}

/** ceil(a / b) for integers, b > 0. */
export function divCeil(a: number, b: number): number {
  return mulDivRound(a, 1, b, 'ceil');
}

/** Sum of safe integers, failing loudly instead of losing precision. */
export function sumSafe(values: readonly number[], what = 'sum'): number {
  let total = 0n;
  for (const v of values) {
    assertSafeInteger(v, what);
    total += BigInt(v);
  }
  return toSafeNumber(total, what);
}
