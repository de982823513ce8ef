import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { Page } from 'playwright-core';
import { axeViolations, get, screenshot, startWeb, type WebHarness } from './web-harness';

const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;
const DIRECTOR = DEMO_EMAILS.stadsring.director;

jest.setTimeout(60_000);

describe('web app: signing in and out', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
  }

  it('signs in from the e-mailed link: the link shows a button, pressing it lands on the tasks page', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();

    await page.goto(web.baseUrl);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible(page);

    const before = web.smtp.messages.length;
    await page.getByLabel('E-mailadres').fill('Secretariaat@Stadsring.example');
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.waitForURL('**/login/check-email');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Controleer uw e-mail',
    );
    // The limit on sign-in links as configured (this stack raises it for its many sign-ins).
    await expect(page.getByText('hoogstens 1000 links per 15 minuten').count()).resolves.toBe(1);
    await expectAccessible(page);

    const link = await web.latestSignInLink(SECRETARIAT, before);
    expect(link.startsWith(`${web.baseUrl}/auth/verify?token=`)).toBe(true);
    await page.goto(link);
    const button = page.getByRole('button', { name: 'Inloggen' });
    await expect(button.isVisible()).resolves.toBe(true);
    // Opening the link (as mail scanners do) does not sign in.
    expect((await context.cookies()).some((c) => c.name === 'jc_session')).toBe(false);
    await expectAccessible(page);

    await button.click();
    // The secretariat lands on the office's overview, not on an empty "Mijn taken" (issue #16).
    await page.waitForURL('**/app/office');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Overzicht');
    await expect(page.locator('header').textContent()).resolves.toContain(
      'Ingelogd als Ingrid Wolters',
    );
    await expect(page.locator('header').textContent()).resolves.toContain(
      'Samenwerkingsverband VO Stadsring',
    );
    await context.close();
  });

  it("refuses another site's page posting a sign-in link (login CSRF), in the reader's language", async () => {
    const before = web.smtp.messages.length;
    const login = await fetch(`${web.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: DIRECTOR }),
    });
    expect(login.status).toBe(202);
    const link = await web.latestSignInLink(DIRECTOR, before);
    const token = new URL(link).searchParams.get('token')!;

    // The attacker's page, on another origin, posts its own link's token to this site.
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.route('http://attacker.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body><form method="post" action="${web.baseUrl}/auth/verify"><input type="hidden" name="token" value="${token}"><button>Go</button></form></body></html>`,
      }),
    );
    await page.goto('http://attacker.example/');
    const [response] = await Promise.all([
      page.waitForResponse(`${web.baseUrl}/auth/verify`),
      page.getByRole('button', { name: 'Go' }).click(),
    ]);
    expect(response.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Formulier verlopen',
    );
    expect((await context.cookies()).some((c) => c.name === 'jc_session')).toBe(false);
    await context.close();

    // The link was not used up: the page behind it still signs in.
    const own = await web.browser.newContext();
    const ownPage = await own.newPage();
    await ownPage.goto(link);
    await ownPage.getByRole('button', { name: 'Inloggen' }).click();
    await ownPage.waitForURL('**/app/tasks');
    expect((await own.cookies()).some((c) => c.name === 'jc_session')).toBe(true);
    await own.close();
  });

  it('shows a clear empty state to a person without tasks', async () => {
    const page = await web.signedInPage(SECRETARIAT);
    await page.goto(`${web.baseUrl}/app/tasks`);
    await expect(page.getByText('U heeft geen openstaande taken.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Nog geen afgeronde taken.').isVisible()).resolves.toBe(true);
    // Navigation follows the roles: the secretariat (also admin) sees its overview, Cycli, the
    // year agenda, the overview of the schakeltrajecten and Beheer.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Overzicht',
      'Mijn taken',
      'Cycli',
      'Jaaragenda',
      'Schakeltrajecten',
      'Agenda',
      'Beheer',
    ]);
    await expect(
      nav.getByRole('link', { name: 'Mijn taken' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await expectAccessible(page);
    await screenshot(page, 'tasks-empty');
    await page.context().close();
  });

  it('can be used with the keyboard only: tab through the login form and submit with Enter', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/login`);

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.tagName.toLowerCase()}:${el.id || el.textContent?.trim()}` : '';
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('a:Naar de inhoud');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('a:Jaarcyclus');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:English');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input:field-email');
    await page.keyboard.type(DIRECTOR);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:Stuur mij een inloglink');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('input:field-email');

    const before = web.smtp.messages.length;
    await page.keyboard.press('Enter');
    await page.waitForURL('**/login/check-email');
    await web.latestSignInLink(DIRECTOR, before);

    // The skip link moves focus past the header to the main content.
    await page.goto(`${web.baseUrl}/login`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    await context.close();
  });

  it('refuses an invalid address next to the field, in Dutch, linked for screen readers', async () => {
    const page = await (await web.browser.newContext()).newPage();
    await page.goto(`${web.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill('geen-adres');
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();

    const input = page.getByLabel('E-mailadres');
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('field-email-error');
    await expect(page.locator('#field-email-error').textContent()).resolves.toContain(
      'Vul een geldig e-mailadres in',
    );
    await expect(page.title()).resolves.toMatch(/^Fout: Inloggen/);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Er is een probleem');
    await expectAccessible(page);
    await page.context().close();
  });

  it('answers an unknown address exactly like a known one (no account enumeration)', async () => {
    const page = await (await web.browser.newContext()).newPage();
    const before = web.smtp.messages.length;
    await page.goto(`${web.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill('niemand@stadsring.example');
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.waitForURL('**/login/check-email');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Als dit e-mailadres bij een account hoort',
    );
    await web.sessionToken(SECRETARIAT); // a later mail has arrived, so the unknown one would have too
    expect(web.smtp.messages.slice(before).flatMap((m) => m.to)).not.toContain(
      'niemand@stadsring.example',
    );
    await page.context().close();
  });

  it('sends a person whose session expired to the sign-in page, saying so', async () => {
    const context = await web.browser.newContext();
    await context.addCookies([
      { name: 'jc_session', value: 'A'.repeat(43), url: web.baseUrl, httpOnly: true },
    ]);
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/app/tasks`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(
      page.getByText('Uw sessie is verlopen. Log opnieuw in.').isVisible(),
    ).resolves.toBe(true);
    await context.close();

    // Without any session the page asks to sign in; never JSON on an HTML route.
    const anonymous = await get(`${web.baseUrl}/app/admin`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?reason=sign-in&next=%2Fapp%2Fadmin');
  });

  it('switches to English and remembers the choice', async () => {
    const page = await (await web.browser.newContext()).newPage();
    await page.goto(`${web.baseUrl}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForURL('**/login');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in');
    await page.reload();
    await expect(page.getByLabel('Email address').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Inloggen');
    await page.context().close();
  });

  it('refuses state-changing form posts without the form token', async () => {
    const token = await web.sessionToken(SECRETARIAT);
    const res = await fetch(`${web.baseUrl}/app/calendar/feed`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Cookie: `jc_session=${token}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: '_csrf=forged',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Formulier verlopen');
    const rows = (await web.ds.query(`SELECT count(*)::int AS n FROM calendar_feed`)) as {
      n: number;
    }[];
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a form with a file without the form token, and stores nothing', async () => {
    const token = await web.sessionToken(SECRETARIAT);
    const form = new FormData();
    form.append('_csrf', 'forged');
    form.append('step', 'preview');
    form.append(
      'proposalFile',
      new Blob(['%PDF-1.4 forged'], { type: 'application/pdf' }),
      'begroting.pdf',
    );
    const res = await fetch(`${web.baseUrl}/app/cycles/budget`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: `jc_session=${token}` },
      body: form,
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Formulier verlopen');
    const rows = (await web.ds.query(`SELECT count(*)::int AS n FROM document`)) as {
      n: number;
    }[];
    expect(rows[0]!.n).toBe(0);
  });

  it('signs out: the session ends and the page says so', async () => {
    const page = await web.signedInPage(SECRETARIAT);
    await page.goto(`${web.baseUrl}/app/tasks`);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL('**/login?reason=signed-out');
    await expect(page.getByText('U bent uitgelogd.').isVisible()).resolves.toBe(true);
    await page.goto(`${web.baseUrl}/app/tasks`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });
});
