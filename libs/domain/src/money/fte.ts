import { formatFte as formatFteText } from '@jaarcyclus/i18n/core';
import { DomainError } from '../errors';

/**
 * FTE (formation) as integer hundredths: 0,8 FTE = 80. The 1 February accountability format
 * reports expenses in FTE and euros (docs/domain.md, source 001 §7.4); integers keep sums exact.
 */
export type FteHundredths = number;

/** Upper bound per line: no single school line plausibly exceeds 100 FTE; guards typos. */
export const MAX_FTE = 100;

/** Parses '0,8', '0.80', '12,5', 1.25 … into hundredths; 0–100 FTE, at most two decimals. */
export function parseFte(input: string | number, field = 'fte'): FteHundredths {
  let hundredths: number;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new DomainError('VALIDATION', `FTE must be finite`, field);
    hundredths = Math.round(input * 100);
    if (hundredths / 100 !== input) {
      throw new DomainError('VALIDATION', `FTE ${String(input)} has more than two decimals`, field);
    }
  } else if (typeof input === 'string') {
    const match = /^(\d+)(?:[.,](\d+))?$/.exec(input.trim());
    if (!match) throw new DomainError('VALIDATION', `'${input}' is not an FTE value`, field);
    const fraction = match[2] ?? '';
    if (fraction.length > 2) {
      throw new DomainError('VALIDATION', `FTE '${input}' has more than two decimals`, field);
    }
    hundredths = Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
  } else {
    throw new DomainError('VALIDATION', 'FTE must be a number or a string', field);
  }
  if (hundredths < 0 || hundredths > MAX_FTE * 100) {
    throw new DomainError('VALIDATION', `FTE must be between 0 and ${MAX_FTE}`, field);
  }
  return hundredths === 0 ? 0 : hundredths;
}

/** 80 → '0,80'; 1250 → '12,50'. */
export function formatFte(hundredths: FteHundredths): string {
  if (!Number.isSafeInteger(hundredths) || hundredths < 0) {
    throw new DomainError('VALIDATION', `FTE hundredths must be a non-negative integer`, 'fte');
  }
  return formatFteText(hundredths);
}
