import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ForbiddenException,
  Injectable,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { Request, Response } from 'express';
import { ApiConfig } from '@jaarcyclus/api/config';

/** The hidden form field that carries the token. */
export const CSRF_FIELD = '_csrf';
/** Before sign-in there is no session to bind the token to: a random cookie (double submit). */
export const ANONYMOUS_CSRF_COOKIE = 'jc_csrf';

/** A state-changing form post without a valid token: rendered as "Formulier verlopen". */
export class CsrfRejectedException extends ForbiddenException {
  constructor() {
    super('Missing or invalid form token');
  }
}

function cookie(req: Request, name: string): string | null {
  const value = (req as { cookies?: Record<string, unknown> }).cookies?.[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null;
}

/**
 * Signed in, the token is an HMAC of the session token (the HttpOnly cookie a cross-site page
 * cannot read), so it needs no storage and dies with the session. Before sign-in it is the
 * value of a random cookie that must be posted back (double submit).
 */
function expectedToken(req: Request, sessionCookie: string): string | null {
  const session = cookie(req, sessionCookie);
  if (session)
    return createHmac('sha256', session).update('jaarcyclus:csrf:v1').digest('base64url');
  return cookie(req, ANONYMOUS_CSRF_COOKIE);
}

@Injectable()
export class CsrfTokens {
  constructor(private readonly config: ApiConfig) {}

  /** The token for forms on this page; sets the anonymous cookie when there is none yet. */
  tokenFor(req: Request, res: Response): string {
    const existing = expectedToken(req, this.config.sessionCookie);
    if (existing) return existing;
    const token = randomBytes(32).toString('base64url');
    res.cookie(ANONYMOUS_CSRF_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: '/',
    });
    // Later forms of the same response must render the same token.
    (req as { cookies?: Record<string, unknown> }).cookies = {
      ...((req as { cookies?: Record<string, unknown> }).cookies ?? {}),
      [ANONYMOUS_CSRF_COOKIE]: token,
    };
    return token;
  }
}

/** `sessionCookie`: ApiConfig.sessionCookie, the one the session guard reads. */
export function hasValidCsrfToken(req: Request, sessionCookie: string): boolean {
  const expected = expectedToken(req, sessionCookie);
  const body = req.body as Record<string, unknown> | undefined;
  const given = body?.[CSRF_FIELD];
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** On every state-changing form post of the web app. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly config: ApiConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!hasValidCsrfToken(req, this.config.sessionCookie)) {
      throw new CsrfRejectedException();
    }
    return true;
  }
}

/**
 * The same check for a form with a file (multipart): its fields, the token among them, are only
 * read by the upload interceptor, and interceptors run after guards. Bound right after that
 * interceptor (see uploads.ts), so nothing is stored before the token is checked.
 */
@Injectable()
export class CsrfInterceptor implements NestInterceptor {
  constructor(private readonly config: ApiConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!hasValidCsrfToken(req, this.config.sessionCookie)) {
      throw new CsrfRejectedException();
    }
    return next.handle();
  }
}

/**
 * Whether a request may come from a browser page of another site (login CSRF on POST
 * /auth/verify, where there is no session yet to bind a form token to). A browser sends Origin
 * with every POST, and Sec-Fetch-Site too (all current browsers): both must say this site. The
 * page behind the sign-in link sends no Referer (Referrer-Policy: no-referrer), so its form
 * posts `Origin: null`: that passes only with `Sec-Fetch-Site: same-origin`. A request with
 * neither header is no browser's (curl, an API client) and passes: it cannot sign a victim's
 * browser in.
 */
export function isCrossSiteRequest(req: Request, publicUrl: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return site !== 'same-origin';
  return origin !== new URL(publicUrl).origin;
}
