import type { Locale } from '@jaarcyclus/persistence';
import { escapeHtml } from './html';

export interface LoginMailInput {
  locale: Locale;
  name: string;
  organisationName: string;
  link: string;
  validMinutes: number;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const TEXTS: Record<
  Locale,
  {
    subject: string;
    greeting: (name: string) => string;
    intro: (org: string, minutes: number) => string;
    button: string;
    ignore: string;
  }
> = {
  nl: {
    subject: 'Inloggen bij Jaarcyclus',
    greeting: (name) => `Beste ${name},`,
    intro: (org, minutes) =>
      `Met de link hieronder logt u in bij Jaarcyclus van ${org}. De link werkt één keer en is ${minutes} minuten geldig.`,
    button: 'Inloggen bij Jaarcyclus',
    ignore: 'Heeft u niet gevraagd om in te loggen? Dan kunt u deze e-mail negeren.',
  },
  en: {
    subject: 'Sign in to Jaarcyclus',
    greeting: (name) => `Dear ${name},`,
    intro: (org, minutes) =>
      `Use the link below to sign in to Jaarcyclus of ${org}. The link works once and is valid for ${minutes} minutes.`,
    button: 'Sign in to Jaarcyclus',
    ignore: 'Did not ask to sign in? Then you can ignore this email.',
  },
};

/** The sign-in email, in the person's language (Dutch unless they chose English). */
export function renderLoginMail(input: LoginMailInput): RenderedMail {
  const t = TEXTS[input.locale] ?? TEXTS.nl;
  const intro = t.intro(input.organisationName, input.validMinutes);
  const text = [t.greeting(input.name), '', intro, '', input.link, '', t.ignore, ''].join('\n');
  const html = `<!doctype html>
<html lang="${input.locale}">
<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<p>${escapeHtml(t.greeting(input.name))}</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 10px 18px; background: #0b5394; color: #ffffff; text-decoration: none; border-radius: 4px">${escapeHtml(t.button)}</a></p>
<p style="font-size: 90%">${escapeHtml(input.link)}</p>
<p style="font-size: 90%; color: #555555">${escapeHtml(t.ignore)}</p>
</body>
</html>`;
  return { subject: t.subject, text, html };
}
