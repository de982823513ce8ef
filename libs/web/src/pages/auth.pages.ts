import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { errorSummary, notice, textField } from '../components';
import { html } from '../html';
import { csrfField, page, type WebContext } from '../layout';

export type LoginReason = 'expired' | 'sign-in' | 'signed-out' | null;

export function loginPage(
  ctx: WebContext,
  input: { email: string; errors: FieldError[]; reason: LoginReason },
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
