import {
  addBusinessDays,
  amsterdamDate,
  amsterdamInstant,
  amsterdamParts,
} from '@jaarcyclus/domain';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { Locator, Page } from 'playwright-core';
import {
  axeViolations,
  reloadUntil,
  screenshot,
  startBrowserStack,
  type BrowserStack,
} from './stack-browser';

/** Rijnoever is governed by an Algemeen Bestuur, not an ALV (demo seed, like source 003). */
const SECRETARIAT = DEMO_EMAILS.rijnoever.secretariat;

jest.setTimeout(180_000);

function localInput(instant: Date): string {
  const { date, hour, minute } = amsterdamParts(instant);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('web app: a budget cycle per SWV governance (Rijnoever, an Algemeen Bestuur)', () => {
  let app: BrowserStack;
  let page: Page;
  const budgetYear = Number(amsterdamDate(new Date()).slice(0, 4)) + 1;
  const deadlineDate = addBusinessDays(amsterdamDate(new Date()), 15);
  const voteDeadline = amsterdamInstant(deadlineDate, 17);
  const lettersDate = amsterdamInstant(addBusinessDays(deadlineDate, 3), 9);
  const cyclePath = `/app/cycles/budget/${budgetYear}`;

  beforeAll(async () => {
    app = await startBrowserStack();
    page = await app.signedInPage(SECRETARIAT);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  /** Fills the form (year already set), previews and starts; ends on the cycle page. */
  async function previewAndStart(): Promise<void> {
    await page.getByLabel('Link naar het voorstel').fill('https://intranet.example/begroting.pdf');
    await page.getByLabel('Bedrag per leerling (€)').fill('160,00');
    await page.getByLabel('Eigen vermogen (€)').fill('120.000,00');
    await page.getByLabel('Totale baten (€)').fill('6.000.000,00');
    await page.getByLabel('Deadline van de stemming').fill(localInput(voteDeadline));
    await page.getByLabel('Verzending toekenningsbrieven').fill(localInput(lettersDate));
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Voorbeeld van de begrotingscyclus',
    );
    const details = await textOf(page.locator('dl.details'));
    for (const line of [
      'Algemeen Bestuur: goedkeuring',
      'Raad van Toezicht: goedkeuring',
      'Ondersteuningsplanraad: instemming',
    ]) {
      expect(details).toContain(line);
    }
    expect(details).not.toContain('ALV');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start de cyclus' }).click();
    await page.waitForURL(`**${cyclePath}?started=1`);
  }

  it('starts its budget from the web form with its own bodies, by name and decision kind', async () => {
    await page.goto(`${app.baseUrl}/app/cycles/budget/new`);
    const bodies = page.getByRole('region', { name: 'Besluitvorming' });
    expect(await bodies.locator('li').allTextContents()).toEqual([
      'Algemeen Bestuur: goedkeuring',
      'Raad van Toezicht: goedkeuring',
      'Ondersteuningsplanraad: instemming',
    ]);
    // When the members will be invited: at once in office hours, else the next business moment.
    expect(await textOf(bodies)).toMatch(
      /Uitnodigingen: (Direct na de start|.* het eerste moment op een werkdag tussen 08:00 en 18:00)/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'governance-budget-form');

    await previewAndStart();
    // The round opens for the Algemeen Bestuur: the cycle does not fail on a missing ALV.
    await reloadUntil(
      page,
      async () => (await page.getByText('Nog niemand heeft gestemd.').count()) === 3,
    );
    const main = await textOf(page.locator('main'));
    expect(main).toContain('Algemeen Bestuur');
    expect(main).toContain('Stemming loopt');
    expect(main).not.toContain('Mislukt');
    // Every member of the Algemeen Bestuur is invited (the board's bestuurder among them).
    await app.stack.smtp.waitFor(
      () => app.stack.smtp.to(DEMO_EMAILS.rijnoever.abMember).length > 0,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a cycle whose workflow failed as failed, with what to do, and starts the year again', async () => {
    const token = await app.token(SECRETARIAT);
    const { body } = await app.stack.call('GET', `/api/budget-cycles/${budgetYear}`, { token });
    // Whatever the cause: here an operator terminates the run.
    await app.stack.env.client.workflow
      .getHandle(body.workflowId as string)
      .terminate('forced failure in a test');

    await page.goto(`${app.baseUrl}${cyclePath}`);
    const failed = page.getByRole('region', { name: 'Deze cyclus is mislukt' });
    expect(await textOf(failed)).toContain('Het begrotingsjaar is weer vrij.');
    expect(await textOf(page.locator('main'))).toContain('start de cyclus opnieuw');
    expect(await page.getByText('Stemming wordt geopend').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'governance-cycle-failed');

    // The list no longer shows it as running.
    await page.goto(`${app.baseUrl}/app/cycles`);
    const finished = page.getByRole('region', { name: 'Afgeronde cycli' }).first();
    expect(await textOf(finished)).toContain('Mislukt: gestopt');

    await page.goto(`${app.baseUrl}${cyclePath}`);
    await page.getByRole('link', { name: 'Cyclus opnieuw starten' }).click();
    await page.waitForURL('**/app/cycles/budget/new?year=*');
    await expect(page.getByLabel('Begrotingsjaar', { exact: true }).inputValue()).resolves.toBe(
      String(budgetYear),
    );
    await previewAndStart();
    expect(await textOf(page.getByRole('status').first())).toContain(
      'De begrotingscyclus is gestart.',
    );
    await reloadUntil(
      page,
      async () => (await page.getByText('Nog niemand heeft gestemd.').count()) === 3,
    );
    expect(await textOf(page.locator('main'))).not.toContain('Deze cyclus is mislukt');
  });

  it('sets its own reserve rule on the settings page; the preview names the rule that applies', async () => {
    await page.goto(`${app.baseUrl}/app/admin/settings`);
    const fill = async (values: Record<string, string>): Promise<void> => {
      for (const [label, value] of Object.entries(values)) {
        await page.getByLabel(label, { exact: true }).fill(value);
      }
      await page.getByRole('button', { name: 'Opslaan' }).click();
    };
    const rule = {
      'Streefwaarde (% van de omzet)': '2',
      'Maximum (% van de omzet)': '1,5',
      'Tekort aanzuiveren in (jaren)': '1',
      'Maximumbedrag (€, niet verplicht)': '300.000,00',
      'Maximumbedrag geldt vanaf (jaar, niet verplicht)': '2025',
    };
    // A maximum below the target is refused at its field, in Dutch, keeping what was typed.
    await fill(rule);
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Maximum (% van de omzet): Het maximum moet minstens zo hoog zijn als het streefpercentage.',
    );
    await expect(
      page.getByLabel('Maximumbedrag (€, niet verplicht)', { exact: true }).inputValue(),
    ).resolves.toBe('300.000,00');
    expect(await axeViolations(page)).toEqual([]);
    // Midden Kennemerland's rule (source 004): below 3.5%, at most EUR 300,000 from 2025.
    await fill({
      ...rule,
      'Streefwaarde (% van de omzet)': '0',
      'Maximum (% van de omzet)': '3,5',
    });
    await page.waitForURL('**/app/admin/settings?saved=1');
    await expect(
      page.getByLabel('Maximum (% van de omzet)', { exact: true }).inputValue(),
    ).resolves.toBe('3,5');
    await expect(
      page.getByLabel('Maximumbedrag (€, niet verplicht)', { exact: true }).inputValue(),
    ).resolves.toBe('300.000,00');
    await screenshot(page, 'governance-reserve-rule');

    await page.goto(`${app.baseUrl}/app/cycles/budget/new?year=${budgetYear + 1}`);
    await page.getByLabel('Deadline van de stemming').fill('');
    await page.getByLabel('Verzending toekenningsbrieven').fill('');
    await page.getByLabel('Link naar het voorstel').fill('https://intranet.example/begroting.pdf');
    await page.getByLabel('Bedrag per leerling (€)').fill('160,00');
    await page.getByLabel('Eigen vermogen (€)').fill('320.000,00');
    await page.getByLabel('Totale baten (€)').fill('10.000.000,00');
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    const details = await textOf(page.locator('dl.details'));
    expect(details).toContain(
      'Toegepaste reserveregel: streefwaarde 0,00% van de omzet, maximum 3,50% en ten hoogste € 300.000,00; een tekort wordt aangezuiverd in 1 jaar',
    );
    expect(details).toContain('Kalender');
  });
});
