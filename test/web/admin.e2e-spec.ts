import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { axeViolations, get, screenshot, startWeb, type WebHarness } from './web-harness';

const ADMIN = DEMO_EMAILS.stadsring.secretariat; // secretariat and admin of Stadsring
const DIRECTOR = DEMO_EMAILS.stadsring.director; // may read, not change
const SCHOOL_CONTACT = DEMO_EMAILS.stadsring.schoolContact;

jest.setTimeout(60_000);

describe('web app: administration of the SWV', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  it('adds a board: an invalid pupil count is refused next to the field in Dutch, the fixed form succeeds', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    await page.getByRole('link', { name: 'Schoolbestuur toevoegen' }).click();
    await page.waitForURL('**/app/admin/boards/new');

    await page.getByLabel('Naam').fill('Stichting Openbaar Onderwijs Noorderpoort');
    await page.getByLabel('Aantal leerlingen').fill('-25');
    await page.getByRole('button', { name: 'Opslaan' }).click();

    const pupils = page.getByLabel('Aantal leerlingen');
    await expect(pupils.inputValue()).resolves.toBe('-25');
    await expect(pupils.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(((await pupils.getAttribute('aria-describedby')) ?? '').split(' ')).toContain(
      'field-pupilCount-error',
    );
    await expect(page.locator('#field-pupilCount-error').innerText()).resolves.toBe(
      'Vul een heel getal in van 0 of meer.',
    );
    // The error summary links to the field, and the name field carries no error.
    await expect(
      page
        .getByRole('alert')
        .getByRole('link', { name: /Aantal leerlingen/ })
        .getAttribute('href'),
    ).resolves.toBe('#field-pupilCount');
    await expect(page.getByLabel('Naam').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-board-error');

    await pupils.fill('1.250');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?added=*');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Schoolbestuur ‘Stichting Openbaar Onderwijs Noorderpoort’ is toegevoegd.',
    );
    const row = page.getByRole('row', { name: /Stichting Openbaar Onderwijs Noorderpoort/ });
    await expect(row.getByRole('cell').first().textContent()).resolves.toBe('1.250');
    await page.context().close();
  });

  it('edits a board and refuses a name that is already taken', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    const boards = page.getByRole('region', { name: 'Schoolbesturen' });
    const first = boards.getByRole('rowheader').getByRole('link').first();
    const second = (await boards.getByRole('rowheader').getByRole('link').nth(1).textContent())!;
    await first.click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Schoolbestuur wijzigen',
    );

    await page.getByLabel('Naam').fill(second);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.locator('#field-name-error').innerText()).resolves.toBe(
      'Deze naam is al in gebruik. Kies een andere naam.',
    );

    await page.getByLabel('Naam').fill('Bestuur met een nieuwe naam');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?saved=*');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'De wijzigingen aan ‘Bestuur met een nieuwe naam’ zijn opgeslagen.',
    );
    await page.context().close();
  });

  it('shows schools with euro amounts, people with roles and bodies with a readable voting rule', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    const schools = page.getByRole('region', { name: 'Scholen' });
    const college = schools.getByRole('row', { name: /Stadsring College/ });
    await expect(college.textContent()).resolves.toContain('€ 58.000,00');
    await expect(college.textContent()).resolves.toContain('Regulier');

    const people = page.getByRole('region', { name: 'Personen' });
    await expect(
      people.getByRole('row', { name: /Ingrid Wolters/ }).textContent(),
    ).resolves.toContain('secretariaat, beheerder');

    const bodies = page.locator('#organen').locator('..');
    await expect(bodies.textContent()).resolves.toContain(
      'gewogen naar leerlingaantal, quorum 1/2 van het gewicht, gewone meerderheid van de uitgebrachte stemmen',
    );
    await expect(bodies.textContent()).resolves.toContain('namens');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-overview');
    await page.context().close();
  });

  it('answers a board of another SWV with "Niet gevonden", like an unknown one', async () => {
    const rows = (await web.ds.query(
      `SELECT b.id FROM school_board b JOIN organisation o ON o.id = b.organisation_id WHERE o.slug = 'rijnoever' LIMIT 1`,
    )) as { id: string }[];
    const page = await web.signedInPage(ADMIN);
    for (const path of [
      `/app/admin/boards/${rows[0]!.id}`,
      '/app/admin/boards/00000000-0000-4000-8000-000000000000',
      '/app/admin/boards/not-a-uuid',
      '/app/does-not-exist',
    ]) {
      const response = await page.goto(`${web.baseUrl}${path}`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toMatch(/text\/html/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Niet gevonden',
      );
    }
    expect(await axeViolations(page)).toEqual([]);

    // The same refusal for a change: nothing of the other SWV is touched.
    const token = await web.sessionToken(ADMIN);
    const res = await get(`${web.baseUrl}/app/admin/boards/${rows[0]!.id}`, token);
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/"statusCode"/);
    await page.context().close();
  });

  it('sets the SWV’s reminder days and OPR rounds: a duplicate refused in Dutch, an empty field restoring the default', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    await page.getByRole('link', { name: 'Instellingen van het samenwerkingsverband' }).click();
    await page.waitForURL('**/app/admin/settings');
    const budget = page.getByLabel(
      'Herinneringen bij stemmingen over de begroting (werkdagen voor de deadline)',
    );
    const accountability = page.getByLabel(
      'Herinneringen bij de verantwoording (werkdagen voor de inleverdatum)',
    );
    const rounds = page.getByLabel('Geschil met de OPR na dit aantal rondes zonder instemming');
    // Nothing set yet: empty fields, the defaults named in the hints.
    await expect(accountability.inputValue()).resolves.toBe('');
    await expect(
      page.locator('#field-accountabilityReminderOffsetsBusinessDays-hint').innerText(),
    ).resolves.toContain('de standaard (14, 7, 1)');
    await expect(
      page.locator('#field-reminderOffsetsBusinessDays-hint').innerText(),
    ).resolves.toContain('de standaard (7, 2)');
    expect(await axeViolations(page)).toEqual([]);

    await accountability.fill('20, 10, 3');
    await budget.fill('7, 7');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(budget.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(
      page.locator('#field-reminderOffsetsBusinessDays-error').innerText(),
    ).resolves.toBe('Noem elk getal maar één keer.');
    await expect(accountability.inputValue()).resolves.toBe('20, 10, 3');
    expect(await axeViolations(page)).toEqual([]);
    const settings = async () =>
      (
        (await web.ds.query(`SELECT settings FROM organisation WHERE slug = 'stadsring'`)) as {
          settings: Record<string, unknown>;
        }[]
      )[0]!.settings;
    expect(await settings()).not.toHaveProperty('accountabilityReminderOffsetsBusinessDays');

    await budget.fill('5, 1');
    await rounds.fill('3');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin/settings?saved=1');
    await expect(page.getByRole('status').innerText()).resolves.toContain(
      'De instellingen zijn opgeslagen.',
    );
    await expect(accountability.inputValue()).resolves.toBe('20, 10, 3');
    expect(await settings()).toMatchObject({
      reminderOffsetsBusinessDays: [5, 1],
      accountabilityReminderOffsetsBusinessDays: [20, 10, 3],
      opRDisputeAfterRounds: 3,
    });

    // Emptied: the default applies again.
    await accountability.fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin/settings?saved=1');
    expect(await settings()).not.toHaveProperty('accountabilityReminderOffsetsBusinessDays');
    expect(await settings()).toMatchObject({ reminderOffsetsBusinessDays: [5, 1] });

    // The director reads them, with the defaults filled in, and cannot change them.
    const director = await web.signedInPage(DIRECTOR);
    await director.goto(`${web.baseUrl}/app/admin/settings`);
    await expect(director.locator('dl').innerText()).resolves.toMatch(
      /5, 1[\s\S]*14, 7, 1[\s\S]*3/,
    );
    await expect(director.getByRole('button', { name: 'Opslaan' }).count()).resolves.toBe(0);
    await director.context().close();
    await page.context().close();
  });

  it('is read-only for the director and closed to a school contact', async () => {
    const director = await web.signedInPage(DIRECTOR);
    await director.goto(`${web.baseUrl}/app/admin`);
    await expect(
      director
        .getByText('U kunt deze gegevens bekijken. Alleen een beheerder kan ze wijzigen.')
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      director.getByRole('link', { name: 'Schoolbestuur toevoegen' }).count(),
    ).resolves.toBe(0);
    const added = await director.goto(`${web.baseUrl}/app/admin/boards/new`);
    expect(added?.status()).toBe(403);
    await expect(director.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Geen toegang',
    );
    await director.context().close();

    const contact = await web.signedInPage(SCHOOL_CONTACT);
    await contact.goto(`${web.baseUrl}/app/tasks`);
    await expect(
      contact.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents(),
    ).resolves.toEqual(['Mijn taken', 'Schakeltrajecten', 'Agenda']);
    const admin = await contact.goto(`${web.baseUrl}/app/admin`);
    expect(admin?.status()).toBe(403);
    await expect(contact.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Geen toegang',
    );
    await contact.context().close();
  });

  it('deletes a board nothing refers to after a confirmation, and refuses in Dutch what is still in use', async () => {
    const [board] = (await web.ds.query(
      `INSERT INTO school_board (organisation_id, name, pupil_count)
       SELECT id, 'Stichting Tijdelijk Bestuur', 10 FROM organisation WHERE slug = 'stadsring' RETURNING id`,
    )) as { id: string }[];
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin/boards/${board!.id}`);
    await page.getByRole('link', { name: 'Dit schoolbestuur verwijderen' }).click();
    await page.waitForURL(`**/app/admin/boards/${board!.id}/delete`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Stichting Tijdelijk Bestuur verwijderen',
    );
    // Opening the confirmation deletes nothing.
    const exists = async (table: string, id: string) =>
      (
        (await web.ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [id])) as {
          n: number;
        }[]
      )[0]!.n;
    expect(await exists('school_board', board!.id)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
    await page.waitForURL('**/app/admin?deleted=boards#besturen');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Het schoolbestuur is verwijderd.',
    );
    expect(await exists('school_board', board!.id)).toBe(0);
    // The notice comes from the kind alone: anything else in the url shows none.
    for (const other of ['toString', 'Uw account is verwijderd']) {
      await page.goto(`${web.baseUrl}/app/admin?deleted=${encodeURIComponent(other)}`);
      await expect(page.getByRole('status').count()).resolves.toBe(0);
    }

    // A school with people linked to it stays, with the reason in Dutch at once: no button to press.
    const [school] = (await web.ds.query(
      `SELECT id FROM school WHERE name = 'Stadsring College'`,
    )) as { id: string }[];
    await page.goto(`${web.baseUrl}/app/admin/schools/${school!.id}/delete`);
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(
      /Dit kan niet worden verwijderd\s+Deze school is nog in gebruik\. Koppel de personen hieronder eerst aan een andere school/,
    );
    await expect(
      page.getByRole('button', { name: 'Ja, definitief verwijderen' }).count(),
    ).resolves.toBe(0);
    expect(await exists('school', school!.id)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-delete-refused');

    // A body member is not deleted; making them inactive is offered instead.
    const [member] = (await web.ds.query(`SELECT id FROM person WHERE email = $1`, [
      DEMO_EMAILS.stadsring.alvMember,
    ])) as {
      id: string;
    }[];
    await page.goto(`${web.baseUrl}/app/admin/persons/${member!.id}/delete`);
    await page.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
    const refusal = await page.getByRole('alert').innerText();
    expect(refusal).toMatch(/Dit is nog in gebruik bij .+\. Wijzig of verwijder die eerst\./);
    expect(refusal).toContain('Zet de persoon in plaats daarvan op inactief');
    expect(await exists('person', member!.id)).toBe(1);
    await page.context().close();

    // Only an administrator deletes; another SWV's record is not found.
    const director = await web.signedInPage(DIRECTOR);
    const closed = await director.goto(`${web.baseUrl}/app/admin/schools/${school!.id}/delete`);
    expect(closed?.status()).toBe(403);
    await director.goto(`${web.baseUrl}/app/admin/schools/${school!.id}`);
    await expect(
      director.getByRole('link', { name: 'Deze school verwijderen' }).count(),
    ).resolves.toBe(0);
    await director.context().close();
    const [foreign] = (await web.ds.query(
      `SELECT s.id FROM school s JOIN organisation o ON o.id = s.organisation_id WHERE o.slug = 'rijnoever' LIMIT 1`,
    )) as { id: string }[];
    const admin = await web.signedInPage(ADMIN);
    const other = await admin.goto(`${web.baseUrl}/app/admin/schools/${foreign!.id}/delete`);
    expect(other?.status()).toBe(404);
    await admin.context().close();
  });
});
