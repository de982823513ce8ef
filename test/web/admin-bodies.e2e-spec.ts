import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { axeViolations, screenshot, startWeb, type WebHarness } from './web-harness';

/**
 * The administrator edits a body: name, kind of decision and the voting rule as form fields,
 * members added and removed. Refusals of the api's DTOs, the domain's validateVotingRule and
 * BodiesService next to the field, in Dutch. No Temporal needed.
 */
const ADMIN = DEMO_EMAILS.stadsring.secretariat; // secretariat and admin of Stadsring
const DIRECTOR = DEMO_EMAILS.stadsring.director; // may read, not change

jest.setTimeout(60_000);

type Page = import('playwright-core').Page;

async function errorText(page: Page, field: string): Promise<string> {
  return ((await page.locator(`#field-${field}-error`).innerText()) ?? '').trim();
}

async function openRvt(page: Page, web: WebHarness): Promise<void> {
  await page.goto(`${web.baseUrl}/app/admin`);
  await page.getByRole('link', { name: 'Raad van Toezicht', exact: true }).click();
  await page.waitForURL('**/app/admin/bodies/*');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
    'Raad van Toezicht',
  );
}

describe('web app: administration of bodies', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  it('refuses a quorum fraction above 1 next to the field, then saves a valid rule', async () => {
    const page = await web.signedInPage(ADMIN);
    await openRvt(page, web);

    await page.getByLabel('Quorum', { exact: true }).selectOption('members');
    await page.getByLabel('Quorum: teller').fill('3');
    await page.getByLabel('Quorum: noemer').fill('2');
    await page.getByRole('button', { name: 'Opslaan' }).click();

    const numerator = page.getByLabel('Quorum: teller');
    await expect(numerator.inputValue()).resolves.toBe('3');
    await expect(numerator.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(((await numerator.getAttribute('aria-describedby')) ?? '').split(' ')).toContain(
      'field-votingRule-quorum-numerator-error',
    );
    expect(await errorText(page, 'votingRule-quorum-numerator')).toBe(
      'Vul een teller in van 1 of meer die niet groter is dan de noemer.',
    );
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    // What was chosen stays; the saved rule is unchanged.
    await expect(page.getByLabel('Quorum: noemer').inputValue()).resolves.toBe('2');
    await expect(page.getByTestId('voting-rule').textContent()).resolves.not.toContain('3/2');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-body-error');

    await page.getByLabel('Naam', { exact: true }).fill('Raad van Toezicht');
    await page.getByLabel('Soort besluit').selectOption('goedkeuring');
    await numerator.fill('3');
    await page.getByLabel('Quorum: noemer').fill('4');
    await page.getByLabel('Drempel').selectOption('false');
    await page.getByLabel('Meerderheid: teller').fill('2');
    await page.getByLabel('Meerderheid: noemer').fill('3');
    await page.getByLabel('Onthoudingen').selectOption('count_against');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin/bodies/*?done=saved');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'De wijzigingen aan ‘Raad van Toezicht’ zijn opgeslagen.',
    );
    await expect(page.getByTestId('voting-rule').textContent()).resolves.toBe(
      'één lid, één stem, quorum 3/4 van de leden, ten minste 2/3 van de uitgebrachte stemmen; onthoudingen tellen mee als uitgebrachte stem',
    );
    await expect(page.getByLabel('Quorum: teller').inputValue()).resolves.toBe('3');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('adds a member to the RvT and removes it again', async () => {
    const page = await web.signedInPage(ADMIN);
    await openRvt(page, web);
    const members = page.getByRole('region', { name: /^Leden/ }).locator('.member-list');
    const before = await members.locator('li').count();

    // No person chosen: refused next to the field.
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    expect(await errorText(page, 'personId')).toBe('Kies een waarde uit de lijst.');
    expect(await axeViolations(page)).toEqual([]);

    // The person picker: type, and take a suggestion (a datalist: "Naam (e-mailadres)").
    const person = page.getByLabel('Persoon', { exact: true });
    const label = await page.locator('#field-personId-list option').first().getAttribute('value');
    await person.fill(label ?? '');
    const name = (label ?? '').replace(/\s*\(.*\)\s*$/, '').trim();
    expect(name).not.toBe('');
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await page.waitForURL('**/app/admin/bodies/*?done=added*');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      `${name} is toegevoegd als lid.`,
    );
    await expect(members.locator('li').count()).resolves.toBe(before + 1);
    await expect(members.textContent()).resolves.toContain(name);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `${name} verwijderen als lid` }).click();
    await page.waitForURL('**/app/admin/bodies/*?done=removed*');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Het lid is verwijderd.',
    );
    await expect(members.locator('li').count()).resolves.toBe(before);
    await expect(members.textContent()).resolves.not.toContain(name);
    await page.context().close();
  });

  it('is read-only for the director', async () => {
    const page = await web.signedInPage(DIRECTOR);
    await openRvt(page, web);
    await expect(page.getByTestId('voting-rule').textContent()).resolves.toContain(
      'quorum 3/4 van de leden',
    );
    await expect(page.getByRole('button', { name: 'Opslaan' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Lid toevoegen' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /verwijderen als lid/ }).count()).resolves.toBe(
      0,
    );
    await expect(page.getByText('Alleen een beheerder kan ze wijzigen.').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
