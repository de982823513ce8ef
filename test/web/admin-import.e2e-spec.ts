import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { axeViolations, get, screenshot, startWeb, type WebHarness } from './web-harness';

const ADMIN = DEMO_EMAILS.rijnoever.secretariat; // secretariat and admin of Rijnoever
const DIRECTOR = DEMO_EMAILS.rijnoever.director; // reads Beheer, may not import

jest.setTimeout(60_000);

/** "Beheer" → importeren (issue #15) in Chromium: the upload form, the report and a refused file, each a page that passes axe. */
describe('web app: importing boards from a CSV file', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  it('uploads a file from Dutch Excel and shows what happened to every line, refusals explained in Dutch', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    await page.getByRole('link', { name: /importeren uit Excel/ }).click();
    await page.waitForURL('**/app/admin/import');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-import-form');

    await page.getByLabel('Wat importeert u?').selectOption('boards');
    await page.getByLabel('CSV-bestand').setInputFiles({
      name: 'besturen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '\uFEFFNaam;Bestuursnummer;Leerlingen\r\nStichting Openbaar Primair Onderwijs Rijnoever;;2.450\r\nStichting Kindcentra De Liemers;41777;1.320\r\nStichting Zonder Leerlingen;;-3\r\n',
        'utf8',
      ),
    });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.waitForURL('**/app/admin/import');

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Verslag van de import: schoolbesturen',
    );
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      '1 toegevoegd, 0 gewijzigd, 1 ongewijzigd, 1 geweigerd.',
    );
    const refused = page.getByRole('row', { name: /Stichting Zonder Leerlingen/ });
    await expect(refused.textContent()).resolves.toContain(
      'Kolom Leerlingen: -3 is geen aantal: vul een heel getal in van 0 of meer, zoals 1.250.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-import-report');

    await page.goto(`${web.baseUrl}/app/admin`);
    await expect(
      page.getByRole('region', { name: 'Schoolbesturen' }).first().textContent(),
    ).resolves.toContain('Stichting Kindcentra De Liemers');
    await page.context().close();
  });

  it('shows a file saved with commas as an error next to the file field (422), nothing imported', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin/import`);
    await page.getByLabel('Wat importeert u?').selectOption('boards');
    await page.getByLabel('CSV-bestand').setInputFiles({
      name: 'besturen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('naam,leerlingen\nStichting Komma,12\n', 'utf8'),
    });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Importeren' }).click(),
    ]);
    expect(response.status()).toBe(422);
    await expect(page.locator('#field-file-error').innerText()).resolves.toContain(
      'gebruik de puntkomma (;)',
    );
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-import-error');
    const boards = (await web.ds.query(
      `SELECT count(*)::int AS n FROM school_board WHERE name = 'Stichting Komma'`,
    )) as { n: number }[];
    expect(boards[0]!.n).toBe(0);
    await page.context().close();
  });

  it('is for administrators only: the director gets the refusal as a page', async () => {
    const token = await web.sessionToken(DIRECTOR);
    const res = await get(`${web.baseUrl}/app/admin/import`, token);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('Geen toegang');
  });
});
