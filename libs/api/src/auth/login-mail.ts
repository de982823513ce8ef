import { catalogueFor, escapeHtml, type Locale } from '@jaarcyclus/i18n';
import type { RenderedMail } from '@jaarcyclus/mail';

export interface LoginMailInput {
  locale: Locale;
  name: string;
  organisationName: string;
  link: string;
  validMinutes: number;
}

/** The sign-in email, in the person's language (Dutch unless they chose English). */
export function renderLoginMail(input: LoginMailInput): RenderedMail {
  const mail = catalogueFor(input.locale).mail;
  const t = mail.signIn;
  const greeting = mail.greeting(input.name);
  const intro = t.intro(input.organisationName, input.validMinutes);
  const text = [greeting, '', intro, '', input.link, '', t.ignore, ''].join('\n');
  const html = `<!doctype html>
<html lang="${input.locale}">
<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 10px 18px; background: #0b5394; color: #ffffff; text-decoration: none; border-radius: 4px">${escapeHtml(t.button)}</a></p>
<p style="font-size: 90%">${escapeHtml(input.link)}</p>
<p style="font-size: 90%; color: #555555">${escapeHtml(t.ignore)}</p>
</body>
</html>`;
  return { subject: t.subject, text, html };
}
