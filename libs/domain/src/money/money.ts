import * as i18n from '@jaarcyclus/i18n/core';
import type { Locale } from '@jaarcyclus/i18n/core';
import { DomainError } from '../errors';

/** An amount of money in euro cents (integer). All money arithmetic is integer arithmetic. */
export type Cents = number;

function invalid(message: string, field: string): DomainError {
  return new DomainError('VALIDATION', message, field);
}

const DUTCH_THOUSANDS = /^\d{1,3}(\.\d{3})+$/;
const DIGITS = /^\d+$/;

/**
 * Parses an amount in euros into cents. Accepts numbers and strings in Dutch or plain
 * notation: '1234,56', '1.234,56', '1234.56', '1234', '€ 1.234,56', '-1.234,56'.
 *
 * A single dot followed by exactly three digits is a Dutch thousands separator: '30.000' is
 * thirty thousand euros (money has no third decimal, so nobody means 30,000 euro cents).
 *
 * Rejects, with DomainError VALIDATION: more than two decimals (no silent rounding of
 * money) and non-finite numbers.
 */
export function eurosToCents(input: string | number, field = 'amount'): Cents {
  if (typeof input === 'number') return numberToCents(input, field);
  if (typeof input !== 'string') throw invalid('Amount must be a number or a string', field);

  let s = input.trim();
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (s.startsWith('€')) s = s.slice(1).trim();
  if (!negative && s.startsWith('-')) {
    negative = true;
    s = s.slice(1).trim();
  }
  const notAnAmount = (): DomainError =>
    DomainError.of('VALIDATION', field, 'validation.notAnAmount', { field, value: input });
  if (s === '') throw notAnAmount();

  let integerDigits: string;
  let fraction = '';
  if (s.includes(',')) {
    const parts = s.split(',');
    const [intRaw, fracRaw] = parts;
    if (
      parts.length !== 2 ||
      intRaw === undefined ||
      fracRaw === undefined ||
      !DIGITS.test(fracRaw)
    ) {
      throw notAnAmount();
    }
    if (DIGITS.test(intRaw)) integerDigits = intRaw;
    else if (DUTCH_THOUSANDS.test(intRaw)) integerDigits = intRaw.replace(/\./g, '');
    else throw notAnAmount();
    fraction = fracRaw;
  } else if (s.includes('.')) {
    const parts = s.split('.');
    if (parts.length > 2) {
      if (!DUTCH_THOUSANDS.test(s)) throw notAnAmount();
      integerDigits = s.replace(/\./g, '');
    } else {
      const [intRaw = '', fracRaw = ''] = parts;
      if (!DIGITS.test(intRaw) || !DIGITS.test(fracRaw)) throw notAnAmount();
      if (fracRaw.length === 3 && DUTCH_THOUSANDS.test(s)) {
        // '30.000', '450.000': a Dutch reader reads a dot followed by exactly three digits (and
        // no comma) as a thousands separator, and money never has three decimals.
        integerDigits = `${intRaw}${fracRaw}`;
      } else {
        integerDigits = intRaw;
        fraction = fracRaw;
      }
    }
  } else {
    if (!DIGITS.test(s)) throw notAnAmount();
    integerDigits = s;
  }
  if (fraction.length > 2) {
    throw DomainError.of('VALIDATION', field, 'validation.amountDecimals', { field, value: input });
  }
  const cents = Number(integerDigits) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) {
    throw DomainError.of('VALIDATION', field, 'validation.amountTooLarge', { field, value: input });
  }
  return negative && cents !== 0 ? -cents : cents;
}

function numberToCents(n: number, field: string): Cents {
  if (!Number.isFinite(n)) throw invalid(`Amount must be finite, got ${String(n)}`, field);
  const cents = Math.round(n * 100);
  // cents / 100 is the double nearest to the decimal value with two decimals; it equals n
  // exactly when n had at most two decimals (1234.56 → 123456; 1.005 → rejected).
  if (cents / 100 !== n) {
    throw DomainError.of('VALIDATION', field, 'validation.amountDecimals', { field, value: n });
  }
  if (!Number.isSafeInteger(cents)) {
    throw DomainError.of('VALIDATION', field, 'validation.amountTooLarge', { field, value: n });
  }
  return cents === 0 ? 0 : cents;
}

function assertCents(cents: Cents, field = 'cents'): void {
  if (!Number.isSafeInteger(cents)) {
    throw invalid(`${field} must be an integer number of cents, got ${String(cents)}`, field);
  }
}

/** A count (pupils, members, vote weight) as the reader writes it: 16.500 in Dutch, 16,500 in English. */
export function formatCount(locale: Locale, n: number): string {
  return i18n.formatCount(locale, n);
}

export { groupThousands } from '@jaarcyclus/i18n/core';

/** Dutch display format (libs/i18n): '€ 1.234,56', negative '€ -1.234,56'. */
export function formatEuro(cents: Cents): string {
  assertCents(cents);
  return i18n.formatEuro(cents);
}

/** Plain Dutch decimal for CSV exports: '1234,56', negative '-1234,56' (no symbol, no grouping). */
export function formatEuroPlain(cents: Cents): string {
  assertCents(cents);
  return i18n.formatEuroPlain(cents);
}

/** Basis points as a Dutch percentage with two decimals: 350 → '3,50%'. */
export function formatBasisPoints(basisPoints: number): string {
  assertCents(basisPoints, 'basisPoints');
  return i18n.formatBasisPoints(basisPoints);
}
