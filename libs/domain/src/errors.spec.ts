import { DomainError, isDomainError } from './errors';

describe('DomainError', () => {
  it.each([
    ['VALIDATION', 'bad', 'field'],
    ['NOT_FOUND', 'missing', undefined],
    ['CONFLICT', 'clash', undefined],
    ['RULE_VIOLATION', 'not allowed', 'x'],
  ] as const)('carries code %s, message and field', (code, message, field) => {
    const error = new DomainError(code, message, field);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.field).toBe(field);
    expect(error.name).toBe('DomainError');
    expect(isDomainError(error)).toBe(true);
  });

  it('isDomainError rejects other errors', () => {
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ code: 'VALIDATION' })).toBe(false);
  });
});
