import { LOGIN_RATE_WINDOW_MINUTES } from '@jaarcyclus/api/auth/login-rate-limit';
import { MAX_DOCUMENT_BYTES } from '@jaarcyclus/api/documents/documents.service';
import { html } from '../html';
import { page, type WebContext } from '../layout';

export type ErrorKind =
  | 'not-found'
  | 'forbidden'
  | 'csrf'
  | 'bad-request'
  | 'too-large'
  | 'too-many'
  | 'unavailable'
  | 'error';

/** Friendly pages for every failure of an HTML route: never JSON, never a stack trace. */
export function errorPage(ctx: WebContext, kind: ErrorKind): string {
  const { t } = ctx;
  const [title, body] =
    kind === 'not-found'
      ? [t.notFoundTitle, t.notFoundBody]
      : kind === 'forbidden'
        ? [t.forbiddenTitle, t.forbiddenBody]
        : kind === 'csrf'
          ? [t.csrfTitle, t.csrfBody]
          : kind === 'bad-request'
            ? [t.badRequestTitle, t.badRequestBody]
            : kind === 'too-large'
              ? [t.tooLargeTitle, t.tooLargeBody(Math.round(MAX_DOCUMENT_BYTES / (1024 * 1024)))]
              : kind === 'too-many'
                ? [t.tooManyTitle, t.tooManyBody(LOGIN_RATE_WINDOW_MINUTES)]
                : kind === 'unavailable'
                  ? [t.unavailableTitle, t.unavailableBody]
                  : [t.errorTitle, t.errorBody];
  return page(ctx, {
    title,
    body: html`<div class="narrow">
      <h1>${title}</h1>
      <p class="lead">${body}</p>
      <p><a href="/">${t.toHome}</a></p>
    </div>`,
  });
}
