import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startWeb, type WebHarness } from './web-harness';

const ADMIN = DEMO_EMAILS.stadsring.secretariat; // secretariat and admin of Stadsring

jest.setTimeout(60_000);

async function errorText(page: Page, field: string): Promise<string> {
  return ((await page.locator(`#field-${field}-error`).innerText()) ?? '').trim();
}

/** Issue 16, item 8: the administration's messages read as Dutch written for the reader. */
describe('web app: Dutch messages in the administration', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  it('a school: Dutch BRIN message, the summary in field order, and 30.000 read as thirty thousand', async () => {
    const page = await web.signedInPage(ADMIN, { width: 1366, height: 768 });
    await page.goto(`${web.baseUrl}/app/admin/schools/new`);
    await page.getByLabel('Naam').fill('Het Kompas');
    await page.getByLabel('BRIN').fill('abc');
    await page.getByLabel('Vestigingen').fill('1');
    await page.getByLabel('Vast bedrag').fill('12,345');
    await page.getByRole('button', { name: 'Opslaan' }).click();

    expect(await errorText(page, 'brin')).toMatch(/^Vul een BRIN-code in/);
    const summary = (await page.getByRole('alert').locator('li').allInnerTexts()).map((l) =>
      l.split(':')[0]!.trim(),
    );
    expect(summary).toEqual(['Bestuur', 'BRIN', 'Vast bedrag']);
    expect(await page.locator('main').innerText()).not.toMatch(/must be|brin /);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Bestuur').selectOption({ index: 1 });
    await page.getByLabel('BRIN').fill('20ZZ');
    await page.getByLabel('Vast bedrag').fill('30.000');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?added=*');
    const rows = (await web.ds.query(
      `SELECT fixed_amount_cents::int AS cents FROM school WHERE name = 'Het Kompas'`,
    )) as { cents: number }[];
    expect(rows[0]!.cents).toBe(3_000_000);
    await page.context().close();
  });

  it('a person: a taken e-mail address and a school contact without a school, said plainly', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin/persons/new`);
    await page.getByLabel('Naam').fill('Kees Jansen');
    await page.getByLabel('E-mailadres').fill(DEMO_EMAILS.stadsring.director);
    await page.getByLabel('contactpersoon school').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await errorText(page, 'schoolId')).toContain(
      'Kies de school van deze schoolcontactpersoon',
    );
    // The database refuses the address once the rest is right.
    await page.getByLabel('School (voor een contactpersoon)').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await errorText(page, 'email')).toBe(
      'Dit e-mailadres is al in gebruik bij Hendrik Mulder. Zoek die persoon op in de lijst, of vul een ander adres in.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('deleting a board in use names the people and schools linked to it, and offers no delete button', async () => {
    const [board] = (await web.ds.query(
      `SELECT b.id, array_agg(DISTINCT p.name) AS names, array_agg(DISTINCT s.name) AS schools
         FROM school_board b
         JOIN person p ON p.board_id = b.id JOIN school s ON s.board_id = b.id
         JOIN organisation o ON o.id = b.organisation_id
        WHERE o.slug = 'stadsring' GROUP BY b.id LIMIT 1`,
    )) as { id: string; names: string[]; schools: string[] }[];
    const page = await web.signedInPage(ADMIN, { width: 360, height: 780 });
    // Said on opening the confirmation: there is no button to press first.
    await page.goto(`${web.baseUrl}/app/admin/boards/${board!.id}/delete`);
    const alert = await page.getByRole('alert').innerText();
    expect(alert).toContain('Dit schoolbestuur is nog in gebruik.');
    for (const name of board!.names) expect(alert).toContain(name);
    expect(alert).toContain('Deze scholen horen bij dit bestuur:');
    for (const name of board!.schools) expect(alert).toContain(name);
    await expect(
      page.getByRole('button', { name: 'Ja, definitief verwijderen' }).count(),
    ).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-delete-board-in-use');
    await page.context().close();
  });
});
