import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError } from './config-error';

/**
 * METRICS_TOKEN (api and worker): the bearer token a Prometheus scraper presents at `/metrics`.
 * Unset or empty: no `/metrics`. Else at least 16 characters without spaces; never echoed in
 * the error, it is a secret.
 */
export function metricsToken(value: string | undefined): string | null {
  const token = value?.trim();
  if (!token) return null;
  if (!/^\S{16,}$/.test(token)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters without spaces');
  }
  return token;
}

/** Whether an Authorization header carries `Bearer <token>` (compared in constant time). */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!presented) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(token));
}
