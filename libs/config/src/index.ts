/**
 * Checks of environment variables shared by the api and the worker, so that both refuse a bad
 * value alike: the message names the variable and the rule, and echoes the value except where it
 * may hold a secret (a URL can carry a password). A process that gets a ConfigError prints its
 * message and exits before it opens any connection.
 */
import { ConfigError } from './config-error';

export { ConfigError };
export * from './payload-keys';
export * from './metrics-token';

/** A URL with one of `protocols` (e.g. ['smtp:', 'smtps:']) and a host. */
export function url(name: string, value: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    // The value itself is not echoed: it may contain a password.
    throw new ConfigError(
      `${name} is not a valid URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`,
    );
  }
  if (!protocols.includes(parsed.protocol) || !parsed.hostname) {
    throw new ConfigError(
      `${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL with a host`,
    );
  }
  return value;
}

/** host:port with a port from 1 to 65535; the host a name, an IPv4 address or a bracketed IPv6 one. */
export function hostPort(name: string, value: string): string {
  const match = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
    throw new ConfigError(`${name} must be host:port, e.g. 127.0.0.1:7233 (got '${value}')`);
  }
  return value;
}

/** A value matching `re`; `expected` says in words what that is. */
export function pattern(name: string, value: string, re: RegExp, expected: string): string {
  if (!re.test(value)) throw new ConfigError(`${name} must be ${expected} (got '${value}')`);
  return value;
}

/** A whole number from `min` to `max`, written as digits only. */
export function integer(name: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
  }
  return n;
}

/** DATABASE_URL: required, a postgres:// or postgresql:// URL. */
export function databaseUrl(env: NodeJS.ProcessEnv): string {
  const value = env.DATABASE_URL?.trim();
  if (!value) {
    throw new ConfigError(
      'DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus',
    );
  }
  return url('DATABASE_URL', value, ['postgres:', 'postgresql:']);
}

/** TEMPORAL_NAMESPACE: a Temporal namespace name. */
export function temporalNamespace(value: string): string {
  return pattern(
    'TEMPORAL_NAMESPACE',
    value,
    /^[A-Za-z0-9._-]{1,255}$/,
    'a Temporal namespace name',
  );
}

/** MAIL_FROM: an address, with or without a display name. */
export function mailFrom(value: string): string {
  return pattern(
    'MAIL_FROM',
    value,
    /^([^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
    'an address such as "Jaarcyclus <noreply@example.org>"',
  );
}

/** PUBLIC_URL: the web app's base URL (links in mails and pages point here), without a trailing slash. */
export function publicUrl(value: string): string {
  return url('PUBLIC_URL', value, ['http:', 'https:']).replace(/\/+$/, '');
}

/** SMTP_URL: smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), with a host. */
export function smtpUrl(value: string): string {
  return url('SMTP_URL', value, ['smtp:', 'smtps:']);
}

/**
 * Browser origins (scheme, host and port; no path), comma-separated, e.g. the Temporal Web UI's
 * `https://temporal.swv.example`. Empty: none.
 */
export function origins(name: string, value: string): string[] {
  const list = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const origin of list) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (
      !parsed ||
      !['http:', 'https:'].includes(parsed.protocol) ||
      parsed.origin !== origin.replace(/\/$/, '')
    ) {
      throw new ConfigError(
        `${name} must be origins such as https://temporal.example.org (scheme, host and port; no path), comma-separated (got '${origin}')`,
      );
    }
  }
  return list.map((origin) => origin.replace(/\/$/, ''));
}
export * from './redact';
