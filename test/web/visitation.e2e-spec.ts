import { DEMO_EMAILS, seedVisitationDemo } from '@jaarcyclus/persistence';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  hasHorizontalScroll,
  screenshot,
  startBrowserStack,
  type BrowserStack,
} from './stack-browser';

/**
 * Collegial visitations in the browser: the secretariat has the demo programme proposed by the
 * planner, sees it as a table and per month, locks a visit, moves one onto a Saturday (the
 * page says what is wrong and offers no publish), plans again and publishes; a visitor then
 * confirms the date on a phone. Every page passes axe, at 1366×768 and at 360 px.
 */
jest.setTimeout(120_000);

describe('web app: a visitation programme from proposal to a visitor’s confirmation', () => {
  let app: BrowserStack;
  let secretariat: Page;
  let programmeId: string;

  beforeAll(async () => {
    app = await startBrowserStack();
    await seedVisitationDemo(app.stack.ds);
    programmeId = (
      (await app.stack.ds.query(`SELECT id FROM visitation_programme LIMIT 1`)) as { id: string }[]
    )[0]!.id;
    secretariat = await app.signedInPage(DEMO_EMAILS.stadsring.secretariat, {
      width: 1366,
      height: 768,
    });
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('the secretariat previews, adjusts and publishes the schedule', async () => {
    const page = secretariat;
    await page.goto(`${app.baseUrl}/app/cycles`);
    await page.getByRole('link', { name: 'Visitaties' }).click();
    await page.getByRole('link', { name: 'Collegiale visitaties 2026-2027' }).click();
    await page.waitForURL(`**/app/visitations/${programmeId}`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Rooster voorstellen' }).click();
    const table = page.getByRole('region', { name: 'Rooster als tabel' });
    const hosts = (await app.stack.ds.query(
      `SELECT count(*)::int AS n FROM visitation_host WHERE programme_id = $1`,
      [programmeId],
    )) as { n: number }[];
    await expect(table.locator('tbody tr').count()).resolves.toBe(hosts[0]!.n);
    await expect(page.getByRole('heading', { name: 'Rooster per maand' }).count()).resolves.toBe(1);
    await expect(page.getByText(/Optimaal rooster|Geldig rooster/).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'visitation-proposal');

    // Lock the first visit; it keeps its date and team when the planner plans again.
    const first = table.locator('tbody tr').first();
    const firstText = (await first.textContent()) ?? '';
    await first.getByRole('button', { name: 'Vastzetten' }).click();
    await expect(table.locator('tbody tr').first().getByText('Vast').count()).resolves.toBe(1);

    // A visit moved onto a Saturday: the page names the problem and offers no publish.
    await page.getByLabel('Nieuwe datum').fill('2027-02-06');
    await page.getByRole('button', { name: 'Verplaatsen' }).click();
    await expect(
      page.getByRole('heading', { name: 'Wat niet klopt in dit rooster' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('button', { name: 'Publiceren en uitnodigingen versturen' }).count(),
    ).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Opnieuw plannen rond wat vastligt' }).click();
    await expect(
      page.getByRole('heading', { name: 'Wat niet klopt in dit rooster' }).count(),
    ).resolves.toBe(0);
    const lockedRow = table
      .locator('tbody tr', { hasText: firstText.split('\n')[0]!.trim() })
      .first();
    expect(((await lockedRow.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
      firstText
        .replace(/\s+/g, ' ')
        .replace(/Vastzetten|Vast/g, '')
        .trim()
        .slice(0, 20),
    );

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Publiceren en uitnodigingen versturen' }).click();
    await page.waitForURL('**?done=published');
    await expect(page.getByRole('status').getByText('gepubliceerd').count()).resolves.toBe(1);
    await expect(
      page.getByRole('region', { name: 'Overzicht van de visites' }).locator('tbody tr').count(),
    ).resolves.toBe(hosts[0]!.n);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'visitation-published');
  });

  it('a visitor confirms the date on a phone', async () => {
    const row = (
      (await app.stack.ds.query(
        `SELECT v.id, p.email FROM visitation_visit v
           CROSS JOIN LATERAL jsonb_array_elements(v.team) s
           JOIN person p ON p.id::text = s->>'visitorId'
          WHERE v.programme_id = $1 AND s->>'role' = 'member' LIMIT 1`,
        [programmeId],
      )) as { id: string; email: string }[]
    )[0]!;
    // The visit's flow runs once it has published its first state.
    const until = Date.now() + 30_000;
    while (
      (
        (await app.stack.ds.query(`SELECT seq FROM visitation_visit WHERE id = $1`, [row.id])) as {
          seq: number;
        }[]
      )[0]!.seq === 0
    ) {
      if (Date.now() > until) throw new Error('the visit flow did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await app.signedInPage(row.email, { width: 360, height: 740 });
    await page.goto(`${app.baseUrl}/app/visits/${row.id}`);
    await expect(page.getByText('Nog niet beantwoord').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('button', { name: 'Ik kom op deze datum' }).click();
    await page.waitForURL('**?answered=1');
    await expect(page.getByText('Uw antwoord is opgeslagen.').count()).resolves.toBe(1);
    await expect(page.getByText('Bevestigd', { exact: true }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'visitation-confirm');
    // Someone outside the visit gets the not-found page, not the visit.
    const outsider = await app.signedInPage(DEMO_EMAILS.rijnoever.secretariat);
    const res = await outsider.goto(`${app.baseUrl}/app/visits/${row.id}`);
    expect(res?.status()).toBe(404);
  });
});
