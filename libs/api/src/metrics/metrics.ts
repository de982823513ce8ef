import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

/**
 * The api's counters and histograms, in prom-client's default registry (with the outbox's mail
 * counters, libs/mail). Labels are route patterns, methods, statuses and outcomes: never an id,
 * an address or a name.
 */
// Node's own: CPU, memory, event loop lag, heap (process_*, nodejs_*), once per process.
collectDefaultMetrics({ register });

export const httpDuration = new Histogram({
  name: 'jaarcyclus_http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern (never ids) and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [register],
});

export type SignInOutcome =
  /** A sign-in link was mailed. */
  | 'link_sent'
  /** No active person has the address: nothing mailed (the answer is the same). */
  | 'unknown_address'
  /** LOGIN_LINKS_PER_PERSON reached: nothing mailed. */
  | 'limited'
  /** A link was exchanged for a session. */
  | 'signed_in'
  /** An unknown, used or expired link was presented. */
  | 'link_refused';

export const signInAttempts = new Counter({
  name: 'jaarcyclus_sign_in_attempts_total',
  help: 'Sign-in requests and link exchanges by outcome',
  labelNames: ['outcome'] as const,
  registers: [register],
});

/** Counts a sign-in step (see SignInOutcome). */
export function countSignIn(outcome: SignInOutcome): void {
  signInAttempts.inc({ outcome });
}

/**
 * Express middleware: times every request and labels it with the route pattern Express
 * matched (`/api/budget-cycles/:year/votes`), so ids never become labels. A request no route
 * matched (assets, unknown paths) is `unmatched`.
 */
export function httpMetrics(): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const end = httpDuration.startTimer();
    res.once('finish', () => {
      end({ method: req.method, route: routePattern(req), status: String(res.statusCode) });
    });
    next();
  };
}

/** The route pattern Express matched (`/api/budget-cycles/:year/votes`), or `unmatched`. */
export function routePattern(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched';
}
