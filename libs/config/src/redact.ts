/**
 * Logs carry no personal data (issue #14, AVG): every line the api and the worker write goes
 * through these before it leaves the process. What is removed:
 *
 * - e-mail addresses (an SMTP reply often quotes the recipient): `[email]`;
 * - secrets: bearer and session tokens, sign-in link tokens (`token=…`), and any other long
 *   random-looking string: `[token]` (ids, UUIDs, stay: they name records, not people);
 * - the parameters TypeORM appends to a failed statement (`-- PARAMETERS: […]`);
 * - in structured data, the values of keys that hold personal data or secrets (REDACTED_KEYS).
 *
 * Names inside free text cannot be recognised, so the code logs ids, never names: this is the
 * safety net, not the rule.
 */

/** Keys whose values are never logged, whatever they hold (compared case-insensitively). */
export const REDACTED_KEYS = [
  'email',
  'to',
  'name',
  'recipientname',
  'comment',
  'comments',
  'token',
  'sessiontoken',
  'authorization',
  'cookie',
  'password',
  'text',
  'html',
  'subject',
  'filename',
];
const REDACTED = new Set(REDACTED_KEYS);

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer|Basic)\s+[^\s,;"']+/gi;
const TOKEN_PARAM = /\b(token|session|jc_session|__Host-jc_session)=[^\s&;,"']+/gi;
const PARAMETERS = /\s*-- PARAMETERS: .*$/gms;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** base64url/hex runs this long are secrets or hashes, not words. */
const LONG_RANDOM = /[A-Za-z0-9_-]{32,}/g;

/** The text with personal data and secrets replaced (see the module comment). */
export function redactText(text: string): string {
  return text
    .replace(PARAMETERS, ' -- PARAMETERS: [redacted]')
    .replace(BEARER, '$1 [token]')
    .replace(TOKEN_PARAM, '$1=[token]')
    .replace(EMAIL, '[email]')
    .replace(LONG_RANDOM, (run) =>
      UUID.test(run) || /^[a-z_]+(-[a-z_]+)*$/.test(run) ? run : '[token]',
    );
}

/** A copy of `value` fit to log: texts redacted, values of REDACTED_KEYS replaced. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      stack: value.stack ? redactText(value.stack) : undefined,
    };
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      REDACTED.has(k.toLowerCase()) ? '[redacted]' : redactValue(v, depth + 1),
    ]),
  );
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * One log line as JSON (`time`, `level`, `process`, `context`, `msg`, and the redacted `meta`):
 * structured, so a log collector can filter by level and context, and redacted.
 */
export function logLine(
  process: string,
  level: LogLevel,
  msg: string,
  context?: string,
  meta?: Record<string, unknown>,
): string {
  const line: Record<string, unknown> = {
    time: new Date().toISOString(),
    level,
    process,
    ...(context ? { context } : {}),
    msg: redactText(msg),
  };
  if (meta && Object.keys(meta).length > 0) line.meta = redactValue(meta);
  return JSON.stringify(line);
}
