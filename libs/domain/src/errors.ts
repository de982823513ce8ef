/**
 * Error taxonomy of the domain layer. Adapters map the code to a transport status
 * (e.g. VALIDATION → 400, NOT_FOUND → 404, CONFLICT → 409, RULE_VIOLATION → 422) and
 * `field` to the offending input, so the domain never knows about HTTP or Temporal.
 */
export type DomainErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'RULE_VIOLATION';

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Narrowing helper for adapters: `catch (e) { if (isDomainError(e)) ... }`. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
