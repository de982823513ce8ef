import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { pdfTextLines } from '@jaarcyclus/web/testing/pdf-text';
import {
  axeViolations,
  hasHorizontalScroll,
  screenshot,
  startWeb,
  type WebHarness,
} from './web-harness';

const ADMIN = DEMO_EMAILS.stadsring.secretariat; // secretariat and admin of Stadsring
/** Bestuurder of Stadsring's largest board. */
const BESTUURDER = DEMO_EMAILS.stadsring.alvMember;

jest.setTimeout(90_000);

/** Issue 16, "Beheer at the size of a real SWV" and "Results: allocation letters readable in the app". */
describe('web app: Beheer at the size of a real SWV, and the allocation letters as PDF', () => {
  let web: WebHarness;
  let orgId: string;

  beforeAll(async () => {
    web = await startWeb();
    const [org] = (await web.ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as {
      id: string;
    }[];
    orgId = org!.id;
    // A real SWV: 60 more people than the demo has.
    await web.ds.query(
      `INSERT INTO person (organisation_id, name, email, locale, roles)
       SELECT $1, 'Testpersoon ' || lpad(i::text, 2, '0'), 'testpersoon' || i || '@school.example', 'nl', '{body_member}'
         FROM generate_series(1, 60) AS i`,
      [orgId],
    );
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  it('pages the people 50 at a time and finds one by name, with a plain GET form', async () => {
    const page = await web.signedInPage(ADMIN, { width: 1366, height: 768 });
    await page.goto(`${web.baseUrl}/app/admin`);
    const people = page.locator('section[aria-labelledby="personen"]');
    const total = Number(
      /(\d+) personen/.exec(await people.locator('.list-count').innerText())![1],
    );
    expect(total).toBeGreaterThanOrEqual(60);
    expect(await people.locator('tbody tr').count()).toBe(50);
    const pages = Math.ceil(total / 50);
    await expect(people.getByRole('navigation').innerText()).resolves.toContain(
      `Pagina 1 van ${pages}`,
    );
    expect(await axeViolations(page)).toEqual([]);

    await people.getByRole('link', { name: 'Volgende pagina' }).click();
    await page.waitForURL(/page-persons=2#personen$/);
    await expect(people.getByRole('navigation').innerText()).resolves.toContain(
      `Pagina 2 van ${pages}`,
    );
    expect(await people.locator('tbody tr').count()).toBe(Math.min(50, total - 50));

    await page.getByRole('searchbox', { name: 'Zoek een persoon' }).fill('testpersoon 07');
    await page.getByRole('searchbox', { name: 'Zoek een persoon' }).press('Enter');
    await page.waitForURL(/q-persons=testpersoon\+07/);
    expect(await people.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringContaining('Testpersoon 07'),
    ]);
    expect(await people.locator('.list-count').innerText()).toBe(
      `1 van de ${total} personen gevonden met „testpersoon 07”`,
    );
    // The search of one list leaves the others whole.
    expect(
      await page.locator('section[aria-labelledby="besturen"] tbody tr').count(),
    ).toBeGreaterThan(1);
    expect(await people.getByRole('navigation').count()).toBe(0);

    await page.getByRole('searchbox', { name: 'Zoek een persoon' }).fill('niemand-zo-genaamd');
    await page.getByRole('searchbox', { name: 'Zoek een persoon' }).press('Enter');
    await page.waitForURL(/niemand-zo-genaamd/);
    expect(await people.innerText()).toContain('Niets gevonden met „niemand-zo-genaamd”');
    await page.context().close();
  });

  it('searches schools by board at 360 px, without sideways scrolling', async () => {
    const page = await web.signedInPage(ADMIN, { width: 360, height: 780 });
    const board = 'Stichting Openbaar Voortgezet Onderwijs Stadsring';
    await page.goto(`${web.baseUrl}/app/admin?q-schools=${encodeURIComponent(board)}#scholen`);
    const schools = page.locator('section[aria-labelledby="scholen"]');
    const rows = await schools.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toContain(board);
    await expect(
      page.getByRole('searchbox', { name: 'Zoek een school' }).inputValue(),
    ).resolves.toBe(board);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-search-360');
    await page.context().close();
  });

  it('adds a body member with the person picker, without JavaScript: a vague text is refused in Dutch, a precise one added', async () => {
    const context = await web.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1366, height: 768 },
    });
    await context.addCookies([
      {
        name: 'jc_session',
        value: await web.sessionToken(ADMIN),
        url: web.baseUrl,
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${web.baseUrl}/app/admin?q-bodies=raad+van+toezicht#organen`);
    await page.getByRole('link', { name: 'Raad van Toezicht', exact: true }).click();
    await page.waitForURL('**/app/admin/bodies/*');
    const picker = page.getByLabel('Persoon', { exact: true });
    // Suggestions, not a list of 70 options: a text field with a datalist.
    expect(await page.locator('input#field-personId').count()).toBe(1);
    expect(await page.locator('select#field-personId').count()).toBe(0);
    expect(await picker.getAttribute('list')).toBe('field-personId-list');
    expect(
      await page.locator('#field-personId-list option[value^="Testpersoon 42 ("]').count(),
    ).toBe(1);

    await picker.fill('testpersoon 3');
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    expect(await page.locator('#field-personId-error').innerText()).toMatch(
      /^„testpersoon 3” past bij \d+ personen\. Kies er één uit de lijst; de lijst toont het e-mailadres achter de naam\.$/,
    );
    expect(await picker.inputValue()).toBe('testpersoon 3');
    // (axe needs a script: the picker's page is checked with JavaScript in the next test.)

    await picker.fill('Niemand Bekend');
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    expect(await page.locator('#field-personId-error').innerText()).toMatch(
      /^Niemand gevonden met „Niemand Bekend”/,
    );

    await picker.fill('testpersoon 42');
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await page.waitForURL('**/app/admin/bodies/*?done=added*');
    expect(await page.getByRole('status').innerText()).toContain(
      'Testpersoon 42 is toegevoegd als lid.',
    );
    await context.close();
  });

  it('a board keeps its bestuurder shown by name and e-mail; a new one is picked by e-mail address', async () => {
    const [board] = (await web.ds.query(
      `SELECT b.id, p.name, p.email FROM school_board b JOIN person p ON p.id = b.bestuurder_person_id
        WHERE b.organisation_id = $1 ORDER BY b.pupil_count ASC LIMIT 1`,
      [orgId],
    )) as { id: string; name: string; email: string }[];
    const page = await web.signedInPage(ADMIN, { width: 360, height: 780 });
    // The body page's picker, refused, with a script (axe): accessible at 360 px.
    await page.goto(`${web.baseUrl}/app/admin?q-bodies=raad+van+toezicht#organen`);
    await page.getByRole('link', { name: 'Raad van Toezicht', exact: true }).click();
    await page.waitForURL('**/app/admin/bodies/*');
    await page.getByLabel('Persoon', { exact: true }).fill('testpersoon');
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await expect(page.locator('#field-personId-error').innerText()).resolves.toMatch(
      /past bij \d+ personen/,
    );
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'person-picker-refused-360');

    await page.goto(`${web.baseUrl}/app/admin/boards/${board!.id}`);
    const picker = page.getByLabel('Bestuurder');
    expect(await picker.inputValue()).toBe(`${board!.name} (${board!.email})`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?saved=*');

    await page.goto(`${web.baseUrl}/app/admin/boards/${board!.id}`);
    await picker.fill('niet-bestaand@school.example');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await page.locator('#field-bestuurderPersonId-error').innerText()).toMatch(
      /^Niemand gevonden/,
    );
    expect(await page.getByRole('alert').innerText()).toContain('Bestuurder');
    expect(await axeViolations(page)).toEqual([]);
    await picker.fill('TESTPERSOON5@school.example');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin?saved=*');
    const [saved] = (await web.ds.query(
      `SELECT p.name FROM school_board b JOIN person p ON p.id = b.bestuurder_person_id WHERE b.id = $1`,
      [board!.id],
    )) as { name: string }[];
    expect(saved!.name).toBe('Testpersoon 05');
    await page.context().close();
  });

  it('a spent sign-in link offers a new one, and notices who is still signed in (issue 16, item 11)', async () => {
    const context = await web.browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const before = web.smtp.messages.length;
    await page.goto(`${web.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(ADMIN);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.waitForURL('**/login/check-email');
    const link = await web.latestSignInLink(ADMIN, before);
    await page.goto(link);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // The office lands on its overview.
    await page.waitForURL('**/app/office');

    // The same link again, still signed in: no dead end, the way on.
    await page.goto(link);
    expect(await page.locator('h1').innerText()).toBe('Deze link werkt niet meer');
    expect(await page.locator('main').innerText()).toContain('Ingrid Wolters');
    expect(await page.locator('main a').first().getAttribute('href')).toMatch(/^\/app/);
    expect(await axeViolations(page)).toEqual([]);

    // Signed out (another browser): a link to ask for a new one.
    const other = await web.browser.newContext({ viewport: { width: 360, height: 780 } });
    const fresh = await other.newPage();
    await fresh.goto(link);
    const again = fresh.getByRole('link', { name: 'Vraag een nieuwe inloglink aan' });
    expect(await again.getAttribute('href')).toBe('/login');
    expect(await axeViolations(fresh)).toEqual([]);
    await other.close();
    await context.close();
  });

  describe('allocation letters', () => {
    let ownId: string;
    let otherId: string;
    let ownBoard: string;
    let foreignId: string;

    const letterData = (board: { id: string; name: string }, total: number, org: string) => ({
      organisationName: org,
      recipientName: 'Jolanda Dekker',
      budgetYear: 2027,
      decisions: [{ name: 'Algemene Ledenvergadering', decisionKind: 'goedkeuring' }],
      date: '2026-12-15T08:00:00.000Z',
      board: {
        boardId: board.id,
        name: board.name,
        schools: [],
        pupilCount: 1000,
        amountPerPupilCents: 150_00,
        variableCents: total,
        deductions: [],
        totalCents: total,
      },
      reserve: {
        rule: null,
        status: 'within_range',
        equityBasisPoints: 300,
        shortfallCents: 0,
        recoveryCents: 0,
        perPupilReductionCents: 0,
      },
    });

    const insertLetter = async (
      org: string,
      board: { id: string; name: string },
      total: number,
      orgName: string,
    ) => {
      const [row] = (await web.ds.query(
        `INSERT INTO allocation_letter (organisation_id, workflow_id, board_id, budget_year, total_cents, data, letter_date)
         VALUES ($1, 'budget:test:2027', $2, 2027, $3, $4::jsonb, '2026-12-15T08:00:00Z') RETURNING id`,
        [org, board.id, total, JSON.stringify(letterData(board, total, orgName))],
      )) as { id: string }[];
      return row!.id;
    };

    beforeAll(async () => {
      const boards = (await web.ds.query(
        `SELECT b.id, b.name, p.email FROM school_board b LEFT JOIN person p ON p.id = b.bestuurder_person_id
          WHERE b.organisation_id = $1 ORDER BY b.pupil_count DESC`,
        [orgId],
      )) as { id: string; name: string; email: string | null }[];
      const own = boards.find((b) => b.email === BESTUURDER)!;
      const other = boards.find((b) => b.email !== BESTUURDER)!;
      ownBoard = own.name;
      ownId = await insertLetter(orgId, own, 150_000_00, 'Samenwerkingsverband VO Stadsring');
      otherId = await insertLetter(orgId, other, 99_000_00, 'Samenwerkingsverband VO Stadsring');
      const [rijn] = (await web.ds.query(
        `SELECT b.id, b.name, b.organisation_id FROM school_board b JOIN organisation o ON o.id = b.organisation_id
          WHERE o.slug = 'rijnoever' LIMIT 1`,
      )) as { id: string; name: string; organisation_id: string }[];
      foreignId = await insertLetter(rijn!.organisation_id, rijn!, 10_000_00, 'SWV PO Rijnoever');
    });

    it('the office finds every board’s letter under Beheer and opens it as a PDF', async () => {
      const page = await web.signedInPage(ADMIN, { width: 1366, height: 768 });
      await page.goto(`${web.baseUrl}/app/admin`);
      await page.getByRole('link', { name: 'Toekenningsbrieven' }).click();
      await page.waitForURL('**/app/letters');
      const links = page.getByRole('link', { name: /^Brief .* 2027 \(PDF\)$/ });
      expect(await links.count()).toBe(2);
      expect(await axeViolations(page)).toEqual([]);
      const href = await page
        .getByRole('link', { name: `Brief ${ownBoard} 2027 (PDF)` })
        .getAttribute('href');
      const res = await page.request.get(`${web.baseUrl}${href}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect(res.headers()['content-disposition']).toMatch(/^inline; /);
      const text = (await pdfTextLines(await res.body())).join(' ');
      expect(text).toContain(`Toekenning middelen 2027: ${ownBoard}`);
      expect(text).toContain('Totaal € 150.000,00');
      expect(text).toContain('Beste Jolanda Dekker,');
      await page.context().close();
    });

    it('a bestuurder reads the own board’s letter only; another board’s and another SWV’s are "Niet gevonden"', async () => {
      const page = await web.signedInPage(BESTUURDER, { width: 360, height: 780 });
      await page.goto(`${web.baseUrl}/app/tasks`);
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Toekenningsbrieven' })
        .click();
      await page.waitForURL('**/app/letters');
      const links = page.getByRole('link', { name: /\(PDF\)$/ });
      expect(await links.allInnerTexts()).toEqual([`Brief ${ownBoard} 2027 (PDF)`]);
      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'letters-bestuurder-360');
      const own = await page.request.get(`${web.baseUrl}/app/letters/${ownId}`);
      expect(own.status()).toBe(200);
      for (const id of [otherId, foreignId, 'not-a-uuid']) {
        await page.goto(`${web.baseUrl}/app/letters/${id}`);
        expect(await page.locator('h1').innerText()).toBe('Niet gevonden');
      }
      const other = await page.request.get(`${web.baseUrl}/app/letters/${otherId}`);
      expect(other.status()).toBe(404);
      await page.context().close();
    });

    it('another SWV’s secretariat gets 404 for this SWV’s letter and does not see it listed', async () => {
      const page = await web.signedInPage(DEMO_EMAILS.rijnoever.secretariat);
      await page.goto(`${web.baseUrl}/app/letters`);
      expect(await page.getByRole('link', { name: /\(PDF\)$/ }).allInnerTexts()).toEqual([
        expect.stringMatching(/ 2027 \(PDF\)$/),
      ]);
      const res = await page.request.get(`${web.baseUrl}/app/letters/${ownId}`);
      expect(res.status()).toBe(404);
      expect(res.headers()['content-type']).toContain('text/html');
      await page.context().close();
    });
  });
});
