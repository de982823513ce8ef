import { codedText, type CodedText } from '@jaarcyclus/i18n/core';
import { eurosToCents, type Cents } from '../money/money';
import type { SheetRow } from './sheet';

/**
 * Reading one cell of a row: each reader returns the value, or records a problem on the row
 * (naming the column as the file writes it) and returns `undefined`. Numbers as Dutch Excel
 * writes them: '1.250' is one thousand two hundred and fifty pupils, amounts with a decimal comma.
 */
export class Cells<K extends string> {
  constructor(private readonly r: SheetRow<K>) {}

  private fail(key: K, text: (column: string) => CodedText): undefined {
    this.r.problems.push({ column: this.r.column(key), text: text(this.r.column(key)) });
    return undefined;
  }

  has(key: K): boolean {
    return this.r.get(key) !== undefined;
  }

  raw(key: K): string {
    return this.r.get(key) ?? '';
  }

  /** A required text of at most `max` characters. */
  text(key: K, max = 200): string | undefined {
    const value = this.raw(key);
    if (value === '')
      return this.fail(key, (column) => codedText('csvImport.required', { column }));
    if (value.length > max) {
      return this.fail(key, (column) => codedText('csvImport.tooLong', { column, max }));
    }
    return value;
  }

  /** A whole number ≥ min ('1250', '1.250'); null when empty and not required. */
  count(key: K, opts: { required: boolean; min?: 0 | 1 }): number | null | undefined {
    const value = this.raw(key);
    if (value === '') {
      return opts.required
        ? this.fail(key, (column) => codedText('csvImport.required', { column }))
        : null;
    }
    const digits = /^\d{1,3}(\.\d{3})+$/.test(value) ? value.replace(/\./g, '') : value;
    const n = /^\d{1,7}$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isSafeInteger(n) || n < (opts.min ?? 0)) {
      return this.fail(key, (column) =>
        codedText(opts.min === 1 ? 'csvImport.positiveCount' : 'csvImport.count', {
          column,
          value,
        }),
      );
    }
    return n;
  }

  /** Euros in cents ('58.000,00', '1234,5', '€ 300'); 0 when empty. */
  amount(key: K): Cents | undefined {
    const value = this.raw(key);
    if (value === '') return 0;
    try {
      const cents = eurosToCents(value, key);
      if (cents < 0) throw new RangeError('negative');
      return cents;
    } catch {
      return this.fail(key, (column) => codedText('csvImport.amount', { column, value }));
    }
  }

  /** Empty → null; otherwise `parse` gives the value or null for "not valid" (problem `code`). */
  coded<T>(
    key: K,
    parse: (value: string) => T | null,
    problem: (column: string, value: string) => CodedText,
  ): T | null | undefined {
    const value = this.raw(key);
    if (value === '') return null;
    const parsed = parse(value);
    return parsed === null ? this.fail(key, (column) => problem(column, value)) : parsed;
  }

  /** Records a problem of the row's own making (unknown board, duplicate …). */
  refuse(key: K, text: (column: string) => CodedText): undefined {
    return this.fail(key, text);
  }
}

/** 'ja', 'nee' and their English and spreadsheet forms; null when not one of them. */
export function yesNo(value: string): boolean | null {
  const v = value.toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'x', '1', 'waar', 'true'].includes(v)) return true;
  if (['nee', 'n', 'no', '0', 'onwaar', 'false'].includes(v)) return false;
  return null;
}

/** Keys compare without case and surrounding spaces. */
export const keyOf = (value: string): string => value.trim().toLowerCase();
