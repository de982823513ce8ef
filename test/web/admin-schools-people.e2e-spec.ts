import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { axeViolations, screenshot, startWeb, type WebHarness } from './web-harness';

/**
 * Issue 5: the administrator adds and edits schools (the fixed amount typed in euros) and
 * people (roles as checkboxes); refusals of the api's DTOs and services next to the field, in
 * Dutch. No Temporal needed.
 */
const ADMIN = DEMO_EMAILS.stadsring.secretariat; // secretariat and admin of Stadsring
const DIRECTOR = DEMO_EMAILS.stadsring.director; // may read, not change

jest.setTimeout(60_000);

async function errorText(page: import('playwright-core').Page, field: string): Promise<string> {
  return ((await page.locator(`#field-${field}-error`).innerText()) ?? '').trim();
}

describe('web app: administration of schools and people', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  it('adds a school with a euro amount, refusing a bad amount and a missing board next to their fields', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    await page.getByRole('link', { name: 'School toevoegen' }).click();
    await page.waitForURL('**/app/admin/schools/new');

    await page.getByLabel('Naam').fill('Noorderpoort Lyceum');
    await page.getByLabel('Vestigingen').fill('2');
    await page.getByLabel('Vast bedrag').fill('12.345,6,7');
    await page.getByRole('button', { name: 'Opslaan' }).click();

    const amount = page.getByLabel('Vast bedrag');
    await expect(amount.inputValue()).resolves.toBe('12.345,6,7');
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(((await amount.getAttribute('aria-describedby')) ?? '').split(' ')).toContain(
      'field-fixedAmount-error',
    );
    expect(await errorText(page, 'fixedAmount')).toMatch(/^Vul een bedrag/);
    expect(await errorText(page, 'boardId')).toBe('Kies een waarde uit de lijst.');
    await expect(page.getByLabel('Naam').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-school-error');

    await page.getByLabel('Bestuur').selectOption({ index: 1 });
    await amount.fill('12.345,67');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?added=*');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'School ‘Noorderpoort Lyceum’ is toegevoegd.',
    );
    const row = page
      .getByRole('region', { name: 'Scholen' })
      .getByRole('row', { name: /Noorderpoort Lyceum/ });
    await expect(row.textContent()).resolves.toContain('€ 12.345,67');
    await page.context().close();
  });

  it('edits a school: the amount comes back in euros, too few locations are refused', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    await page
      .getByRole('region', { name: 'Scholen' })
      .getByRole('link', { name: 'Noorderpoort Lyceum' })
      .click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'School wijzigen',
    );
    await expect(page.getByLabel('Vast bedrag').inputValue()).resolves.toBe('12.345,67');
    await expect(page.getByLabel('Vestigingen').inputValue()).resolves.toBe('2');

    await page.getByLabel('Vestigingen').fill('0');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await errorText(page, 'locationCount')).toBe('Vul een heel getal in van 1 of meer.');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Vestigingen').fill('3');
    await page.getByLabel('Soort').selectOption('special');
    await page.getByLabel('Vast bedrag').fill('0');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?saved=*');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'De wijzigingen aan ‘Noorderpoort Lyceum’ zijn opgeslagen.',
    );
    const row = page
      .getByRole('region', { name: 'Scholen' })
      .getByRole('row', { name: /Noorderpoort Lyceum/ });
    await expect(row.textContent()).resolves.toContain('Speciaal (vso)');
    await page.context().close();
  });

  it('adds a person with roles, refusing a wrong e-mail address next to the field', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    await page.getByRole('link', { name: 'Persoon toevoegen' }).click();
    await page.waitForURL('**/app/admin/persons/new');

    await page.getByLabel('Naam').fill('Sanne Bakker');
    await page.getByLabel('E-mailadres').fill('sanne.bakker');
    await page.getByLabel('contactpersoon school').check();
    await page.getByLabel('School (voor een contactpersoon)').selectOption({
      label: 'Noorderpoort Lyceum',
    });
    await page.getByRole('button', { name: 'Opslaan' }).click();

    const email = page.getByLabel('E-mailadres');
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await errorText(page, 'email')).toBe(
      'Vul een geldig e-mailadres in, zoals naam@school.nl.',
    );
    // What was chosen stays.
    await expect(page.getByLabel('contactpersoon school').isChecked()).resolves.toBe(true);
    await expect(email.inputValue()).resolves.toBe('sanne.bakker');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-person-error');

    await email.fill('s.bakker@noorderpoort.example');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?added=*');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Sanne Bakker is toegevoegd.',
    );
    const row = page
      .getByRole('region', { name: 'Personen' })
      .getByRole('row', { name: /Sanne Bakker/ });
    await expect(row.textContent()).resolves.toContain('contactpersoon school');
    await page.context().close();
  });

  it('edits a person: an e-mail address in use is refused; roles and language are saved', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    await page
      .getByRole('region', { name: 'Personen' })
      .getByRole('link', { name: 'Sanne Bakker' })
      .click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Persoon wijzigen',
    );
    await page.getByLabel('E-mailadres').fill(DIRECTOR);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByLabel('E-mailadres').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await errorText(page, 'email')).toMatch(
      /^Dit e-mailadres is al in gebruik bij Hendrik Mulder\./,
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('E-mailadres').fill('sanne@noorderpoort.example');
    await page.getByLabel('ECT-lid').check();
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?saved=*');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'De wijzigingen aan Sanne Bakker zijn opgeslagen.',
    );
    const row = page
      .getByRole('region', { name: 'Personen' })
      .getByRole('row', { name: /Sanne Bakker/ });
    await expect(row.textContent()).resolves.toContain('contactpersoon school, ECT-lid');
    await expect(row.textContent()).resolves.toContain('Engels');
    await page.context().close();
  });

  it('is read-only for the director', async () => {
    const page = await web.signedInPage(DIRECTOR);
    await page.goto(`${web.baseUrl}/app/admin`);
    await expect(page.getByRole('link', { name: 'School toevoegen' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Persoon toevoegen' }).count()).resolves.toBe(0);
    const added = await page.goto(`${web.baseUrl}/app/admin/persons/new`);
    expect(added?.status()).toBe(403);
    await page.context().close();
  });
});
