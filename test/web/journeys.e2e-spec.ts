import { DEMO_EMAILS, DocumentRepository } from '@jaarcyclus/persistence';
import type { Page } from 'playwright-core';
import { axeViolations, get, screenshot, startWeb, type WebHarness } from './web-harness';

const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;
const MEMBER = DEMO_EMAILS.stadsring.alvMember;

jest.setTimeout(60_000);

/** Issue 16, item 2: every link in an e-mail survives signing in; every error is a page. */
describe('web app: links from e-mails and the errors a browser can reach', () => {
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

  /** Asks for a link on the sign-in page the browser is on, then opens it and presses the button. */
  async function signInFromLoginPage(page: Page, email: string): Promise<string> {
    const before = web.smtp.messages.length;
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.waitForURL('**/login/check-email');
    const link = await web.latestSignInLink(email, before);
    await page.goto(link);
    return link;
  }

  it('"Stem nu" opened while signed out lands on the vote after signing in, not on "Mijn taken"', async () => {
    const taskId = await web.insertTask(MEMBER, {
      title: 'Stem over de begroting 2027 (ALV)',
      dueAt: new Date(Date.now() + 7 * 86_400_000),
    });
    const context = await web.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/app/tasks/${taskId}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.getByText('Log in om verder te gaan.').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    const link = await signInFromLoginPage(page, MEMBER);
    // The page to return to travels in the link, so it works in another browser too.
    expect(new URL(link).searchParams.get('next')).toBe(`/app/tasks/${taskId}`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`**/app/tasks/${taskId}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Stem over de begroting 2027',
    );
    await context.close();
  });

  it('the proposal link (/api/documents/…) opened signed out asks to sign in, then downloads the file', async () => {
    const token = await web.sessionToken(SECRETARIAT);
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 begroting'], { type: 'application/pdf' }), 'b.pdf');
    const upload = await fetch(`${web.baseUrl}/api/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    // The budget cycle's proposal: a document a cycle uses is readable by every member of the
    // SWV (an upload no cycle uses yet stays the office's draft).
    const [org] = (await web.ds.query(`SELECT organisation_id AS id FROM document WHERE id = $1`, [
      id,
    ])) as { id: string }[];
    await new DocumentRepository(web.ds).markUsed(org!.id, id);

    const context = await web.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${web.baseUrl}/api/documents/${id}`);
    expect(response?.headers()['content-type']).toMatch(/text\/html/);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('body').textContent()).not.toContain('statusCode');

    await signInFromLoginPage(page, MEMBER);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Inloggen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('b.pdf');
    await context.close();

    // API clients keep their JSON.
    const api = await fetch(`${web.baseUrl}/api/documents/${id}`);
    expect(api.status).toBe(401);
    expect(((await api.json()) as { statusCode: number }).statusCode).toBe(401);
  });

  it('a missing document, an unknown address and GET /logout are pages in the reader’s language', async () => {
    const page = await web.signedInPage(MEMBER, { width: 360, height: 780 });
    const missing = await page.goto(
      `${web.baseUrl}/api/documents/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Niet gevonden',
    );
    await expectAccessible(page);

    const unknown = await page.goto(`${web.baseUrl}/begroting-2027`);
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Niet gevonden',
    );

    await page.goto(`${web.baseUrl}/logout`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Uitloggen');
    await expectAccessible(page);
    await screenshot(page, 'logout-page');
    await page.getByRole('button', { name: 'Uitloggen' }).last().click();
    await page.waitForURL('**/login?reason=signed-out');
    await page.context().close();

    // In English for whoever chose English; JSON still for API clients.
    const english = await web.browser.newContext();
    await english.addCookies([{ name: 'jc_lang', value: 'en', url: web.baseUrl }]);
    const en = await english.newPage();
    const res = await en.goto(`${web.baseUrl}/nothing-here`);
    expect(res?.status()).toBe(404);
    await expect(en.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not found');
    await english.close();
    const json = await get(`${web.baseUrl}/nothing-here`);
    expect(json.status).toBe(404);
    expect(JSON.parse(json.text)).toMatchObject({ statusCode: 404 });
  });

  it('a used sign-in link links to asking for a new one, and notices who is still signed in', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/login`);
    const link = await signInFromLoginPage(page, MEMBER);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/app/tasks');

    // The same mail opened again in the same browser.
    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'maar u bent nog ingelogd als',
    );
    await page.getByRole('link', { name: 'Ga verder' }).click();
    await page.waitForURL('**/app/tasks');
    await context.close();

    // In another browser: a link to ask for a new one.
    const other = await (await web.browser.newContext()).newPage();
    await other.goto(link);
    await other.getByRole('link', { name: 'Vraag een nieuwe inloglink aan' }).click();
    await other.waitForURL('**/login');
    await expect(other.getByLabel('E-mailadres').isVisible()).resolves.toBe(true);
    await expectAccessible(other);
    await other.context().close();
  });

  it('never returns to another site after signing in', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await get(`${web.baseUrl}/login?next=${encodeURIComponent(next)}`);
      expect(res.status).toBe(200);
      const form = /<form method="post" action="\/login"[\s\S]*?<\/form>/.exec(res.text)?.[0];
      expect(form).toContain('name="email"');
      expect(form).not.toContain('name="next"');
    }
  });
});
