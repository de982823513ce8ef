import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type {
  AuthenticatedPerson,
  AuthenticatedRequest,
} from '@jaarcyclus/api/auth/authenticated-person';
import { ApiConfig } from '@jaarcyclus/api/config';
import { CsrfTokens } from './csrf';
import { isLocale, messagesFor } from './i18n';
import type { WebContext } from './layout';

/** The language switch stores the choice here; it wins over the person's own setting. */
export const LOCALE_COOKIE = 'jc_lang';

/**
 * Pages load nothing from elsewhere and cannot be framed; scripts and styles come from this
 * origin only (no inline script, no inline style).
 */
const HTML_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/** Only a path on this site: never `//evil.example` or an absolute URL (no open redirect). */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return /[\r\n]/.test(value) ? fallback : value;
}

@Injectable()
export class WebPages {
  constructor(
    private readonly csrf: CsrfTokens,
    private readonly config: ApiConfig,
  ) {}

  /** `path`: where the language switch returns to (for pages answering a POST). */
  context(req: AuthenticatedRequest, res: Response, path?: string): WebContext {
    const person: AuthenticatedPerson | null = req.person ?? null;
    const chosen = (req as { cookies?: Record<string, unknown> }).cookies?.[LOCALE_COOKIE];
    const locale = isLocale(chosen) ? chosen : (person?.locale ?? 'nl');
    return {
      locale,
      t: messagesFor(locale),
      person,
      csrfToken: this.csrf.tokenFor(req, res),
      path: safeLocalPath(path ?? (req.method === 'GET' ? req.originalUrl : '/')),
    };
  }

  /**
   * For the pages behind the e-mailed sign-in link: nobody is signed in there yet, and the page
   * sets no cookie (no form token, so no language switch): opening a link changes nothing.
   */
  anonymousContext(req: AuthenticatedRequest): WebContext {
    const chosen = (req as { cookies?: Record<string, unknown> }).cookies?.[LOCALE_COOKIE];
    const locale = isLocale(chosen) ? chosen : 'nl';
    return { locale, t: messagesFor(locale), person: null, csrfToken: '', path: '/' };
  }

  send(res: Response, status: number, body: string, headers: Record<string, string> = {}): void {
    res
      .status(status)
      .set({ ...HTML_HEADERS, ...headers })
      .send(body);
  }

  /** 303: after a POST the browser follows with a GET, so reloading does not post again. */
  redirect(res: Response, location: string): void {
    res.status(303).set('Cache-Control', 'no-store').location(location).send();
  }

  get publicUrl(): string {
    return this.config.publicUrl;
  }

  get secureCookies(): boolean {
    return this.config.secureCookies;
  }

  /** jc_session, or __Host-jc_session over https. */
  get sessionCookie(): string {
    return this.config.sessionCookie;
  }
}
