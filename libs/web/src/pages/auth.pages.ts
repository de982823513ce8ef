import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { errorSummary, notice, textField } from '../components';
import { html } from '../html';
import { csrfField, page, type WebContext } from '../layout';

export type LoginReason = 'expired' | 'sign-in' | 'signed-out' | null;

export function loginPage(
  ctx: WebContext,
  input: { email: string; errors: FieldError[]; reason: LoginReason; next?: string | null },
): string {
  const { t } = ctx;
  const message =
    input.reason === 'expired'
      ? t.sessionExpired
      : input.reason === 'sign-in'
        ? t.signInFirst
        : input.reason === 'signed-out'
          ? t.signedOut
          : null;
  return page(ctx, {
    title: t.loginTitle,
    hasErrors: input.errors.length > 0,
    body: html`<div class="narrow">
      <h1>${t.loginTitle}</h1>
      ${notice(message, input.reason === 'signed-out' ? 'success' : 'info')}
      ${errorSummary(ctx, input.errors, { email: t.emailLabel })}
      <p class="lead">${t.loginIntro}</p>
      <form method="post" action="/login" novalidate class="panel">
        ${csrfField(ctx)}
        ${input.next ? html`<input type="hidden" name="next" value="${input.next}" />` : ''}
        ${textField(ctx, {
          name: 'email',
          label: t.emailLabel,
          hint: t.emailHint,
          value: input.email,
          errors: input.errors,
          type: 'email',
          autocomplete: 'email',
          inputmode: 'email',
          required: true,
        })}
        <button type="submit" class="button">${t.loginSubmit}</button>
      </form>
    </div>`,
  });
}

export function checkEmailPage(
  ctx: WebContext,
  validMinutes: number,
  linksPerPerson: number,
): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.checkEmailTitle,
    body: html`<div class="narrow">
      <h1>${t.checkEmailTitle}</h1>
      <div class="panel">
        <p class="lead">${t.checkEmailBody(validMinutes)}</p>
        <p>${t.checkEmailSpam}</p>
        <p>${t.checkEmailLimit(linksPerPerson, validMinutes)}</p>
        <p><a href="/login">${t.checkEmailAgain}</a></p>
      </div>
    </div>`,
  });
}

/** Where the web app starts after sign-in: /app sends each person to their home (layout homePathOf). */
export const AFTER_SIGN_IN_PATH = '/app';

/**
 * The page behind the e-mailed link. Mail scanners follow links in e-mails, so opening the link
 * (GET) only shows a button; the token is consumed by pressing it (POST /auth/verify).
 */
export function signInLinkPage(ctx: WebContext, token: string, next: string | null): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.linkTitle,
    body: html`<div class="narrow">
      <h1>${t.linkHeading}</h1>
      <div class="panel sign-in-link">
        <p class="lead">${t.linkIntro}</p>
        <form method="post" action="/auth/verify">
          <input type="hidden" name="token" value="${token}" />
          ${next ? html`<input type="hidden" name="next" value="${next}" />` : ''}
          <button type="submit">${t.linkButton}</button>
        </form>
      </div>
    </div>`,
  });
}

/**
 * Shown after the form post; the browser moves on at once (an instant meta refresh, which needs
 * no script and keeps the JSON/HTML contract of POST /auth/verify): to the page the e-mail
 * pointed at when the link carried one, else to the person's tasks.
 */
export function signedInPage(
  ctx: WebContext,
  name: string,
  organisationName: string,
  next: string | null = null,
): string {
  const { t } = ctx;
  const to = next ?? AFTER_SIGN_IN_PATH;
  return page(ctx, {
    title: t.signedInTitle,
    refreshTo: to,
    body: html`<div class="narrow">
      <h1>${t.signedInTitle}</h1>
      <div class="panel">
        <p class="lead">${t.signedInWelcome(name, organisationName)}</p>
        <p><a href="${to}">${next ? t.signedInContinueNext : t.signedInContinue}</a></p>
      </div>
    </div>`,
  });
}

/**
 * Unknown, used and expired links alike: which of the three does not matter to the reader. A
 * reader who is still signed in (they pressed the button earlier, then opened the mail again)
 * is told so and sent on; anyone else gets a link to ask for a new one.
 */
export function invalidSignInLinkPage(
  ctx: WebContext,
  opts: { next?: string | null; signedInAs?: string | null } = {},
): string {
  const { t } = ctx;
  const next = opts.next ?? null;
  const again = next ? `/login?next=${encodeURIComponent(next)}` : '/login';
  return page(ctx, {
    title: t.linkInvalidTitle,
    body: html`<div class="narrow">
      <h1>${t.linkInvalidHeading}</h1>
      <div class="panel">
        ${
          opts.signedInAs
            ? html`<p class="lead">${t.linkInvalidSignedIn(opts.signedInAs)}</p>
                <p><a href="${next ?? AFTER_SIGN_IN_PATH}">${t.linkInvalidContinue}</a></p>`
            : html`<p>${t.linkInvalidBody}</p>
                <p><a href="${again}">${t.checkEmailAgain}</a></p>
                <p lang="${t.linkInvalidOther.locale}">${t.linkInvalidOther.text}</p>`
        }
      </div>
    </div>`,
  });
}

/** GET /logout: signing out is a POST (a link prefetch must not sign anyone out). */
export function logoutPage(ctx: WebContext): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.logoutTitle,
    body: html`<div class="narrow">
      <h1>${t.logoutTitle}</h1>
      <form method="post" action="/logout" class="panel">
        ${csrfField(ctx)}
        <p class="lead">${t.logoutConfirm}</p>
        <button type="submit" class="button">${t.logoutButton}</button>
      </form>
    </div>`,
  });
}
