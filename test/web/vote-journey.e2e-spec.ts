import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { Locator } from 'playwright-core';
import { axeViolations, reloadUntil, startBrowserStack, type BrowserStack } from './stack-browser';

jest.setTimeout(120_000);

/** Text as a reader sees it: whitespace of the markup collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Issue 16, items 3 and 4: the vote's review step is where eye and focus are; a cast vote can be
 * changed while the body's vote is open; a member whose task lapsed is told why and the outcome.
 */
describe('web app: a board member reviews, changes, or misses a vote', () => {
  let app: BrowserStack;
  const YEAR = 2027;
  let rvt: string[];

  async function voteTaskId(email: string): Promise<string> {
    const until = Date.now() + 30_000;
    for (;;) {
      const rows = (await app.stack.ds.query(
        `SELECT t.id FROM task t JOIN person p ON p.id = t.person_id
          WHERE p.email = $1 AND t.kind = 'vote' AND t.workflow_id LIKE $2`,
        [email, `budget:%:${YEAR}`],
      )) as { id: string }[];
      if (rows[0]) return rows[0].id;
      if (Date.now() > until) throw new Error(`no vote task for ${email}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    app = await startBrowserStack();
    // The journey reads live tallies: the bodies vote openly (the other vote secrecy rules:
    // test/web/vote-secrecy.e2e-spec.ts).
    await app.stack.ds.query(`UPDATE body SET vote_secrecy = 'open'`);
    const rows = (await app.stack.ds.query(
      `SELECT p.email FROM body_member m JOIN body b ON b.id = m.body_id JOIN person p ON p.id = m.person_id
        JOIN organisation o ON o.id = b.organisation_id WHERE o.slug = 'stadsring' AND b.key = 'rvt' ORDER BY p.email`,
    )) as { email: string }[];
    rvt = rows.map((r) => r.email);
    const secretariat = await app.token(DEMO_EMAILS.stadsring.secretariat);
    const start = await app.stack.call('POST', '/api/budget-cycles', {
      token: secretariat,
      body: {
        budgetYear: YEAR,
        proposal: { url: 'https://docs.example/begroting-2027.pdf', versionLabel: 'Concept v1' },
        allocation: {
          amountPerPupilCents: 18_550,
          equityCents: 25_000_000,
          turnoverCents: 1_000_000_000,
        },
      },
    });
    expect(start.status).toBe(201);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('the cycle page names the bodies and their decisions from the start, and updates itself', async () => {
    // Opened right after the start (the round may still be opening: names come from Beheer).
    const page = await app.signedInPage(DEMO_EMAILS.stadsring.secretariat);
    await page.goto(`${app.baseUrl}/app/cycles/budget/${YEAR}`);
    const alv = page.getByRole('region', { name: /^Algemene Ledenvergadering/ });
    expect(await textOf(alv)).toMatch(/Soort besluit goedkeuring/i);
    const close = page.getByLabel('Orgaan').last();
    const options = (await close.locator('option').allTextContents()).map((o) => o.trim());
    expect(options).toContain('Algemene Ledenvergadering');
    expect(options).not.toContain('alv');
    // No reload by the test: the page's own script brings the opened round.
    await alv.locator('table.tally').waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);

    // On paper: no menu, no forms or buttons; the cycle on fewer A4 pages than the four of before.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).resolves.toBe(
      false,
    );
    await expect(page.getByRole('button', { name: 'Sluit ronde' }).isVisible()).resolves.toBe(
      false,
    );
    expect(await textOf(alv)).toContain('Algemene Ledenvergadering');
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    await page.context().close();
  });

  it('shows the review at the top of a 1366×768 screen, says the vote is not sent, and takes the focus', async () => {
    const member = rvt[0]!;
    const taskId = await voteTaskId(member);
    const page = await app.signedInPage(member, { width: 1366, height: 768 });
    await page.goto(`${app.baseUrl}/app/tasks/${taskId}`);
    // The form appears once the round has opened.
    await reloadUntil(
      page,
      async () => (await page.getByRole('radio', { name: 'Tegen' }).count()) > 0,
    );
    await page.getByRole('radio', { name: 'Tegen' }).check();
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await page.waitForURL('**#stem-controleren');

    const review = page.getByRole('region', { name: 'Controleer uw stem' });
    expect(await textOf(review)).toContain('Uw stem is nog niet verstuurd.');
    expect(await textOf(review)).toContain('Tegen');
    // The send button is on screen without scrolling further, and one Tab away.
    const send = review.getByRole('button', { name: 'Stem versturen' });
    const box = (await send.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('stem-controleren');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Stem versturen',
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await page.waitForURL('**?voted=1');
    expect(await textOf(page.getByRole('status').first())).toContain('Uw stem is ontvangen.');
    await page.context().close();
  });

  it('offers changing the vote while the vote is open; the latest vote counts', async () => {
    const member = rvt[0]!;
    const taskId = await voteTaskId(member);
    const page = await app.signedInPage(member);
    await page.goto(`${app.baseUrl}/app/tasks/${taskId}`);
    const change = page.getByRole('form', { name: 'Uw stem wijzigen' });
    await reloadUntil(page, async () => (await change.count()) > 0);
    await expect(change.getByRole('radio', { name: 'Tegen' }).isChecked()).resolves.toBe(true);
    await change.getByRole('radio', { name: 'Voor' }).check();
    await change.getByRole('button', { name: 'Verder naar controleren' }).click();
    await page.getByRole('button', { name: 'Stem versturen' }).click();
    await page.waitForURL('**?voted=1');
    const tally = page.getByRole('region', { name: 'Stand van de stemming' });
    await reloadUntil(page, async () => (await textOf(tally)).includes('Uw stem Voor'));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('tells a member whose task lapsed why, and what the body decided', async () => {
    // A second "voor" decides the RvT (two of its three members) before the third votes.
    const second = await app.token(rvt[1]!);
    const vote = await app.stack.call('POST', `/api/budget-cycles/${YEAR}/votes`, {
      token: second,
      body: { bodyKey: 'rvt', value: 'for' },
    });
    expect(vote.status).toBe(200);

    const late = rvt[2]!;
    const taskId = await voteTaskId(late);
    const page = await app.signedInPage(late, { width: 360, height: 780 });
    await page.goto(`${app.baseUrl}/app/tasks/${taskId}`);
    await reloadUntil(page, async () => (await textOf(page.locator('main'))).includes('Vervallen'));
    expect(await textOf(page.locator('main'))).toContain(
      'Deze taak is vervallen omdat de stemming van Raad van Toezicht al was afgerond voordat u stemde. Uitkomst: goedgekeurd.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    // The first member's vote can no longer change: the RvT has decided.
    const first = await app.signedInPage(rvt[0]!);
    await first.goto(`${app.baseUrl}/app/tasks/${await voteTaskId(rvt[0]!)}`);
    await expect(first.getByRole('form', { name: 'Uw stem wijzigen' }).count()).resolves.toBe(0);
    await first.context().close();
  });
});
