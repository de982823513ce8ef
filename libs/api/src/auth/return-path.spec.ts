import { safeReturnPath } from './return-path';

describe('safeReturnPath: where a sign-in link may lead back to', () => {
  it.each([
    ['/app/tasks/5f1c', '/app/tasks/5f1c'],
    ['/api/documents/9a3e', '/api/documents/9a3e'],
    ['/app/accountability/2027?status=late', '/app/accountability/2027?status=late'],
  ])('keeps a page of this site: %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/app'],
    ['a backslash trick', '/\\evil.example'],
    ['a header break', '/app\r\nSet-Cookie: x=1'],
    ['the sign-in link itself', '/auth/verify?token=abc'],
    ['the sign-in page', '/login?next=/app'],
    ['signing out', '/logout'],
    ['nothing', ''],
    ['not a string', 42],
    ['too long', `/app/${'x'.repeat(600)}`],
  ])('refuses %s', (_what, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });
});
