import { runInNewContext } from 'node:vm';
import { isDatabaseUnavailable, translateDatabaseError } from './database-errors';

describe('isDatabaseUnavailable', () => {
  it('takes a socket error from another realm (as Node makes it under a vm sandbox) as unavailable', () => {
    // Before: `instanceof Error` was false for it, and the api answered 500 instead of 503.
    const foreign = runInNewContext(
      `Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })`,
    ) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(isDatabaseUnavailable(foreign)).toBe(true);
    expect(translateDatabaseError(foreign)).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('knows a terminated connection by its message, and nothing else', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('syntax error'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
