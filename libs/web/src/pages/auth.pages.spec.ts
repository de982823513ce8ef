import { messagesFor } from '../i18n';
import type { WebContext } from '../layout';
import { invalidSignInLinkPage, signedInPage, signInLinkPage } from './auth.pages';

/** Nobody is signed in behind the e-mailed link, and the pages post no form of the web app. */
const anonymous = (locale: 'nl' | 'en'): WebContext => ({
  locale,
  t: messagesFor(locale),
  person: null,
  csrfToken: '',
  path: '/',
});

describe('the pages behind the e-mailed sign-in link, in the one page shell', () => {
  it('shows a button that posts the token, and no form that needs a form token', () => {
    const page = signInLinkPage(anonymous('nl'), 'tok"en', null);
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('<title>Inloggen – Jaarcyclus</title>');
    expect(page).toContain('<h1>Inloggen bij Jaarcyclus</h1>');
    expect(page).toMatch(
      /<form method="post" action="\/auth\/verify">\s*<input type="hidden" name="token" value="tok&quot;en" \/>\s*<button type="submit">Inloggen<\/button>/,
    );
    expect(page).not.toContain('action="/lang"');
    expect(page).not.toContain('_csrf');
  });

  it('moves on to the person’s home at once after signing in (/app chooses it by role)', () => {
    const page = signedInPage(anonymous('nl'), 'Ingrid Wolters', 'SWV Stadsring');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/app" />');
    expect(page).toContain(
      'Welkom, Ingrid Wolters. U bent ingelogd bij Jaarcyclus van SWV Stadsring.',
    );
    expect(page).toContain('<a href="/app">Ga verder naar Jaarcyclus</a>');
  });

  it('says a spent link no longer works, in the reader’s language and the other one', () => {
    const nl = invalidSignInLinkPage(anonymous('nl'));
    expect(nl).toContain('<h1>Deze link werkt niet meer</h1>');
    expect(nl).toContain(
      '<p lang="en">This sign-in link is invalid, expired or already used. Please request a new one.</p>',
    );
    const en = invalidSignInLinkPage(anonymous('en'));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>This link no longer works</h1>');
    expect(en).toContain('<p lang="nl">Deze inloglink is ongeldig');
  });
});
