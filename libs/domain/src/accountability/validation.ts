import type { Locale } from '@jaarcyclus/i18n/core';

/**
 * Result of validating user or administrator input that may contain several mistakes at once:
 * a form shows every error next to its field, so validation collects instead of throwing.
 */
export interface FieldError {
  /** Path of the offending input, e.g. 'expenses[2].amount' or 'appendix'. */
  field: string;
  /** Stable machine-readable rule, e.g. 'amount_decimals', 'unknown_line'. */
  rule: string;
  /** Dutch, or English for who chose it (MessageLocale), from libs/i18n; names the field so that it can be shown on its own. */
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The language of validation messages: Dutch by default, English for people who chose it. */
export type MessageLocale = Locale;
