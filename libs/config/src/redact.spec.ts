import { logLine, redactText, redactValue } from './redact';

describe('log redaction', () => {
  it.each([
    [
      "Can't send mail - all recipients were rejected: 554 5.7.1 <j.dekker@ovo-stadsring.example>: Relay access denied",
      "Can't send mail - all recipients were rejected: 554 5.7.1 <[email]>: Relay access denied",
    ],
    [
      'Authorization: Bearer q5v9W_abcdefghijklmnopqrstuvwxyz012345',
      'Authorization: Bearer [token]',
    ],
    [
      'GET /auth/verify?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-xy&x=1',
      'GET /auth/verify?token=[token]&x=1',
    ],
    [
      'query failed: INSERT INTO person (email, name) VALUES ($1, $2) -- PARAMETERS: ["a@b.example","Femke de Boer"]',
      'query failed: INSERT INTO person (email, name) VALUES ($1, $2) -- PARAMETERS: [redacted]',
    ],
    [
      'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 of a token',
      'hash [token] of a token',
    ],
    // Ids and workflow ids stay: they name records, not people.
    [
      'budget:0b4c8a5e-8a8e-4a52-9f0e-3d7b0b1a2c3d:2026 person 6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
      'budget:0b4c8a5e-8a8e-4a52-9f0e-3d7b0b1a2c3d:2026 person 6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
    ],
  ])('redacts %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('replaces the values of personal keys in structured data, at any depth', () => {
    expect(
      redactValue({
        idempotencyKey: 'login:6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
        to: 'zorg@stadsring-college.example',
        person: { name: 'Femke de Boer', comment: 'Tegen, want…', id: 7 },
        error: new Error('550 5.1.1 <zorg@stadsring-college.example> unknown'),
      }),
    ).toEqual({
      idempotencyKey: 'login:6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
      to: '[redacted]',
      person: { name: '[redacted]', comment: '[redacted]', id: 7 },
      error: expect.objectContaining({ message: '550 5.1.1 <[email]> unknown' }),
    });
  });

  it('writes one JSON line per entry', () => {
    const line = JSON.parse(
      logLine('api', 'warn', 'mail to a@b.example failed', 'MailDispatcher', { to: 'a@b.example' }),
    );
    expect(line).toEqual({
      time: expect.any(String),
      level: 'warn',
      process: 'api',
      context: 'MailDispatcher',
      msg: 'mail to [email] failed',
      meta: { to: '[redacted]' },
    });
  });
});
