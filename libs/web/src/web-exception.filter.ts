import {
  Catch,
  ForbiddenException,
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { DomainError } from '@jaarcyclus/domain';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '@jaarcyclus/api/auth/authenticated-person';
import { safeReturnPath } from '@jaarcyclus/api/auth/return-path';
import { TooManySignInsException } from '@jaarcyclus/api/auth/login-rate-limit';
import {
  ApiExceptionFilter,
  RETRY_AFTER_SECONDS,
} from '@jaarcyclus/api/common/api-exception.filter';
import { isDatabaseUnavailable } from '@jaarcyclus/api/common/database-errors';
import { isTemporalUnavailable } from '@jaarcyclus/api/budget/workflow-errors';
import { isUnavailable } from '@jaarcyclus/api/temporal/temporal-client.holder';
import { CsrfRejectedException } from './csrf';
import { errorPage, type ErrorKind } from './pages/error.pages';
import { WebPages } from './web-pages';

/**
 * Errors of HTML routes become pages: 401 redirects to the sign-in page (saying so when a
 * session expired), 403 and 404 are pages in the reader's language, anything unexpected is
 * logged and shown as a friendly 500. Scoped to the web controllers, so the api's JSON filter
 * never answers an HTML route.
 */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebExceptionFilter');

  constructor(private readonly pages: WebPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;

    if (exception instanceof UnauthorizedException) {
      const hadSession = Boolean(
        (req as { cookies?: Record<string, unknown> }).cookies?.[this.pages.sessionCookie],
      );
      // A page opened from an e-mail (GET) is where the sign-in link leads back to.
      const next = req.method === 'GET' ? safeReturnPath(req.originalUrl) : null;
      this.pages.redirect(
        res,
        `/login?reason=${hadSession ? 'expired' : 'sign-in'}${
          next ? `&next=${encodeURIComponent(next)}` : ''
        }`,
      );
      return;
    }
    const [status, kind] = this.classify(exception);
    if (status === 503) {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    } else if (status >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    this.pages.send(res, status, errorPage(this.pages.context(req, res), kind));
  }

  private classify(exception: unknown): [number, ErrorKind] {
    if (exception instanceof CsrfRejectedException) return [403, 'csrf'];
    // Retry-After is set by the guard that refused the sign-in request.
    if (exception instanceof TooManySignInsException) return [429, 'too-many'];
    if (exception instanceof ForbiddenException) return [403, 'forbidden'];
    if (exception instanceof NotFoundException) return [404, 'not-found'];
    // A form whose file is beyond even the upload hard limit (UPLOAD_HARD_LIMIT_BYTES).
    if (exception instanceof PayloadTooLargeException) return [413, 'too-large'];
    if (exception instanceof DomainError && exception.code === 'NOT_FOUND')
      return [404, 'not-found'];
    // Temporal or the database is down or did not answer in time: a page saying to try again.
    if (
      isUnavailable(exception) ||
      isTemporalUnavailable(exception) ||
      isDatabaseUnavailable(exception)
    ) {
      return [503, 'unavailable'];
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return [exception.getStatus(), 'bad-request'];
    }
    return [500, 'error'];
  }
}

/**
 * The application-wide filter: what a browser asked for outside the web controllers (a proposal
 * file at /api/documents/… from an e-mail, a mistyped address, a missing document) is answered
 * like a page of the web app — the sign-in page that leads back, or an error page in the reader's
 * language — never the api's JSON. Everything else (API clients, scripts, fetch) gets the JSON
 * of ApiExceptionFilter as before. A browser is a GET whose Accept prefers HTML over JSON.
 */
@Catch()
@Injectable()
export class BrowserAwareExceptionFilter implements ExceptionFilter {
  private readonly api = new ApiExceptionFilter();

  constructor(private readonly web: WebExceptionFilter) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<AuthenticatedRequest>();
    if (wantsPage(req)) this.web.catch(exception, host);
    else this.api.catch(exception, host);
  }
}

export function wantsPage(req: AuthenticatedRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}
