import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
} from '@nestjs/common';
import { codedText, renderText } from '@jaarcyclus/i18n';
import type { Request, Response } from 'express';
import { ApiConfig } from '../config';

/** The window of the sign-in rate limits: a sign-in link's validity. */
export const LOGIN_RATE_WINDOW_MINUTES = 15;

/**
 * Counts hits per key in fixed windows, in memory: enough for one api process (several
 * processes each allow the limit; the per-person limit on links in the database still holds).
 * Keys of a past window are dropped when it ends, so memory stays bounded by one window's keys.
 */
export class FixedWindowCounter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit for `key`; false when it is over the limit in the current window. */
  hit(key: string, nowMs: number): boolean {
    if (nowMs - this.windowStart >= this.windowMs) {
      this.windowStart = nowMs - (nowMs % this.windowMs);
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= this.limit;
  }

  /** Whole seconds until the current window ends. */
  retryAfterSeconds(nowMs: number): number {
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - nowMs) / 1000));
  }
}

/** 429 for a sign-in request over a limit, naming the rule; the web filter makes it a page. */
export class TooManySignInsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    const text = codedText('refusal.tooManySignIns', {
      minutes: Math.ceil(retryAfterSeconds / 60),
    });
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: renderText('en', text),
        code: 'RATE_LIMITED',
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** The counters, one set per api process, shared by the JSON route and the web form. */
@Injectable()
export class LoginRateLimits {
  readonly perIp: FixedWindowCounter;
  readonly perAddress: FixedWindowCounter;

  constructor(config: ApiConfig) {
    const windowMs = LOGIN_RATE_WINDOW_MINUTES * 60_000;
    this.perIp = new FixedWindowCounter(config.loginRatePerIp, windowMs);
    this.perAddress = new FixedWindowCounter(config.loginRatePerAddress, windowMs);
  }
}

/**
 * Rate limits of the sign-in request (POST /api/auth/login and the web form POST /login), per
 * client IP (LOGIN_RATE_PER_IP) and per e-mail address (LOGIN_RATE_PER_ADDRESS) within
 * LOGIN_RATE_WINDOW_MINUTES: a burst of requests cannot flood an inbox, the outbox or the
 * database. A limited request answers 429 with Retry-After whether or not the address has an
 * account, so the limit reveals nothing about who has one. Counted before validation: a flood of
 * malformed requests counts too. The IP is Express's `req.ip` (behind a reverse proxy, set the
 * app's `trust proxy` so it is the client's, not the proxy's).
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  constructor(private readonly limits: LoginRateLimits) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const now = Date.now();
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const body = req.body as Record<string, unknown> | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    // Both counted, so a blocked address does not spare the IP's budget and vice versa.
    const { perIp, perAddress } = this.limits;
    const ipOk = perIp.hit(ip, now);
    const addressOk = email === '' || perAddress.hit(email, now);
    if (ipOk && addressOk) return true;
    const retryAfter = (ipOk ? perAddress : perIp).retryAfterSeconds(now);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new TooManySignInsException(retryAfter);
  }
}
