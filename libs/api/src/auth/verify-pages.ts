import { escapeHtml } from './html';

/**
 * The pages behind the sign-in link. Mail scanners follow links in emails, so opening the link
 * (GET) only shows a button; the token is consumed by pressing it (POST).
 */

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Jaarcyclus</title>${head ? `\n${head}` : ''}
<style>
  body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #f5f5f5; margin: 0; }
  main { max-width: 32rem; margin: 4rem auto; padding: 2rem; background: #ffffff; border-radius: 8px; }
  button { font: inherit; padding: 0.6rem 1.4rem; background: #0b5394; color: #ffffff; border: 0; border-radius: 4px; cursor: pointer; }
  button:focus-visible { outline: 3px solid #f1c232; outline-offset: 2px; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function confirmSignInPage(token: string): string {
  return page(
    'Inloggen',
    `<h1>Inloggen bij Jaarcyclus</h1>
<p>Klik op de knop om in te loggen. De link in uw e-mail werkt één keer.</p>
<form method="post" action="/auth/verify">
  <input type="hidden" name="token" value="${escapeHtml(token)}">
  <button type="submit">Inloggen</button>
</form>`,
  );
}

/** Where the web app starts after sign-in. */
export const AFTER_SIGN_IN_PATH = '/app/tasks';

/**
 * Shown after the form post; the browser moves on to the person's tasks at once (an instant
 * meta refresh, which needs no script and keeps the JSON/HTML contract of POST /auth/verify).
 */
export function signedInPage(name: string, organisationName: string): string {
  return page(
    'U bent ingelogd',
    `<h1>U bent ingelogd</h1>
<p>Welkom, ${escapeHtml(name)}. U bent ingelogd bij Jaarcyclus van ${escapeHtml(organisationName)}.</p>
<p><a href="${AFTER_SIGN_IN_PATH}">Ga verder naar uw taken</a></p>`,
    `<meta http-equiv="refresh" content="0; url=${AFTER_SIGN_IN_PATH}">`,
  );
}

/** Shown for unknown, used and expired links alike: which of the three does not matter to the reader. */
export const INVALID_LINK_MESSAGE =
  'Deze inloglink is ongeldig, verlopen of al gebruikt. Vraag een nieuwe link aan. (This sign-in link is invalid, expired or already used; request a new one.)';

export function invalidLinkPage(): string {
  return page(
    'Link ongeldig',
    `<h1>Deze link werkt niet meer</h1>
<p>Deze inloglink is ongeldig, verlopen of al gebruikt. Vraag een nieuwe inloglink aan.</p>
<p lang="en">This sign-in link is invalid, expired or already used. Please request a new one.</p>`,
  );
}
