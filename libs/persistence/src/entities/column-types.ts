import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL returns bigint as a string (it may exceed 2^53). Amounts in cents and byte sizes in
 * this service stay far below that, so they are mapped to `number`; a value that would lose
 * precision fails loudly instead of being rounded silently.
 */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null): number | null => {
    if (value === null || value === undefined) return null;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(n))
      throw new Error(`bigint value ${String(value)} does not fit in a JavaScript number`);
    return n;
  },
};
