import {
  codedText,
  renderText,
  type CodedText,
  type TextArgs,
  type TextCode,
} from '@jaarcyclus/i18n/core';

/**
 * Error taxonomy of the domain layer. Adapters map the code to a transport status
 * (e.g. VALIDATION → 400, NOT_FOUND → 404, CONFLICT → 409, RULE_VIOLATION → 422) and
 * `field` to the offending input, so the domain never knows about HTTP or Temporal.
 */
export type DomainErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  /** A part the request needs (Temporal, the database) is not reachable now: try again later. */
  | 'UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly field?: string,
    /** What a person reads, by code (libs/i18n): the edge writes it in the reader's language. */
    public readonly text?: CodedText,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /**
   * A refusal a person may read: named by its text code and parameters; the message is the
   * English text (what the JSON api answers and the log shows).
   */
  static of<C extends TextCode>(
    code: DomainErrorCode,
    field: string | undefined,
    text: C,
    ...params: TextArgs<C>
  ): DomainError {
    const coded = codedText(text, ...params);
    return new DomainError(code, renderText('en', coded), field, coded);
  }
}

/** Narrowing helper for adapters: `catch (e) { if (isDomainError(e)) ... }`. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
