import { formatDateTimeNl, formatEuro, nextBusinessMoment } from '@jaarcyclus/domain';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { Locator, Page } from 'playwright-core';
import {
  axeViolations,
  hasHorizontalScroll,
  reloadUntil,
  screenshot,
  startBrowserStack,
  type BrowserStack,
} from './stack-browser';

/**
 * The 1 February accountability in the browser (issue 5): the secretariat starts the cycle
 * through the JSON api, the school contact fills in the form on a phone (a mistake is refused
 * next to its field with the api's Dutch message, then fixed), saves a draft and submits; the
 * secretariat returns it with a comment on the overview's review page; the school sees it.
 */
const YEAR = 2026;
const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;
const CONTACT = DEMO_EMAILS.stadsring.schoolContact; // Stadsring College
const COMMENT = 'Licht de inhuur van externe deskundigheid toe.';

jest.setTimeout(90_000);

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

const field = (page: Page, name: string): Locator =>
  page.locator(`#field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`);

describe('web app: the school’s accountability form and the secretariat’s overview', () => {
  let app: BrowserStack;
  let school: Page;
  let secretariat: Page;
  let schoolId: string;
  /** The questions the pages asked before acting (window.confirm), in order. */
  const dialogs: string[] = [];
  const formPath = `/app/accountability/${YEAR}`;
  const overviewPath = `/app/cycles/accountability/${YEAR}`;

  const status = (page: Page): Promise<string> => textOf(page.locator('[data-status]').first());

  beforeAll(async () => {
    app = await startBrowserStack();
    const rows = (await app.stack.ds.query(
      `SELECT id FROM school WHERE name = 'Stadsring College'`,
    )) as { id: string }[];
    schoolId = rows[0]!.id;
    const token = await app.token(SECRETARIAT);
    const started = await app.stack.call('POST', '/api/accountability-cycles', {
      token,
      body: { accountingYear: YEAR, schoolIds: [schoolId] },
    });
    expect(started.status).toBe(201);
    // The school's workflow writes its status row once it runs.
    const until = Date.now() + 30_000;
    for (;;) {
      const state = (await app.stack.ds.query(
        `SELECT status FROM school_accountability WHERE school_id = $1 AND accounting_year = $2`,
        [schoolId, YEAR],
      )) as { status: string }[];
      if (state.length) break;
      if (Date.now() > until) throw new Error('the school accountability did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    [school, secretariat] = await Promise.all([
      app.signedInPage(CONTACT, { width: 390, height: 844 }),
      app.signedInPage(SECRETARIAT),
    ]);
    // "Indienen" and "Accepteren" ask first (with the script); the reader says yes.
    for (const page of [school, secretariat]) {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.accept();
      });
    }
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('the secretariat finds the accountability cycle on /app/cycles and opens its overview', async () => {
    const page = secretariat;
    await page.goto(`${app.baseUrl}/app/cycles`);
    const table = page.getByRole('region', { name: 'Verantwoordingscycli' });
    const row = table.locator('tbody tr', { hasText: String(YEAR) });
    await expect(row.count()).resolves.toBe(1);
    const link = row.getByRole('link');
    await expect(link.getAttribute('href')).resolves.toBe(overviewPath);
    expect(await axeViolations(page)).toEqual([]);
    await link.click();
    await page.waitForURL(`**${overviewPath}`);
    await expect(
      page.getByRole('region', { name: 'Scholen en hun verantwoording' }).count(),
    ).resolves.toBe(1);
  });

  it('refuses a wrong FTE next to its field, keeps what was typed, saves a draft and submits', async () => {
    const page = school;
    // The task in the invitation mail leads to the form (when the mail has gone out already).
    const tasks = (await app.stack.ds.query(
      `SELECT t.id FROM task t JOIN person p ON p.id = t.person_id
        WHERE t.kind = 'submit' AND p.email = $1`,
      [CONTACT],
    )) as { id: string }[];
    if (tasks[0]) {
      await page.goto(`${app.baseUrl}/app/tasks/${tasks[0].id}`);
      await page.waitForURL(`**${formPath}`);
    } else {
      await page.goto(app.baseUrl + formPath);
    }
    expect(await status(page)).toContain('Niet gestart');
    expect(await textOf(page.locator('[data-status]'))).toContain('Op tijd');

    // A reader who switched to English gets the domain's field messages in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.waitForURL(`**${formPath}`);
    await field(page, 'expenses.personeel_extra_ondersteuning.fte').fill('120');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    expect(
      await textOf(page.locator('#field-expenses-personeel_extra_ondersteuning-fte-error')),
    ).toBe('Expenses, line 1 (Personeel extra ondersteuning): the FTE must be between 0 and 100.');
    await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await page.waitForURL(`**${formPath}`);

    await field(page, 'income.swv_vast_bedrag.amount').fill('58.000,00');
    await field(page, 'income.swv_variabel_bedrag.amount').fill('12.500,00');
    await field(page, 'expenses.personeel_extra_ondersteuning.fte').fill('120');
    await field(page, 'expenses.personeel_extra_ondersteuning.amount').fill('110000');
    await field(page, 'expenses.personeel_ondersteuningsteam.fte').fill('0,4');
    await field(page, 'expenses.personeel_ondersteuningsteam.amount').fill('40.000,00');
    await field(page, 'expenses.materiele_kosten.amount').fill('20000,50');
    await field(page, 'appendix.0.description').fill('Ambulante begeleiding');
    await field(page, 'appendix.0.fte').fill('1,0');
    await field(page, 'appendix.0.targetGroup').fill('Leerlingen met TOS');

    // A row is added without script: the form comes back with one more row, values kept.
    await page.getByRole('button', { name: 'Regel toevoegen' }).click();
    await expect(field(page, 'appendix.0.description').inputValue()).resolves.toBe(
      'Ambulante begeleiding',
    );
    await field(page, 'appendix.1.description').fill('Reboundvoorziening');
    await field(page, 'appendix.1.fte').fill('0,5');
    await field(page, 'appendix.1.targetGroup').fill('Onderbouw');

    await page.getByRole('button', { name: 'Indienen' }).click();
    const fte = field(page, 'expenses.personeel_extra_ondersteuning.fte');
    await expect(fte.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(fte.getAttribute('aria-describedby')).resolves.toContain(
      'field-expenses-personeel_extra_ondersteuning-fte-error',
    );
    // The same message as the JSON api (the domain's validateSubmission).
    expect(
      await textOf(page.locator('#field-expenses-personeel_extra_ondersteuning-fte-error')),
    ).toBe(
      'Uitgaven, regel 1 (Personeel extra ondersteuning): het aantal fte moet tussen 0 en 100 liggen.',
    );
    expect(await textOf(page.getByRole('alert'))).toContain('het aantal fte moet tussen 0 en 100');
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    await expect(fte.inputValue()).resolves.toBe('120');
    await expect(field(page, 'appendix.1.targetGroup').inputValue()).resolves.toBe('Onderbouw');
    expect(await axeViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'accountability-form');

    await fte.fill('1,5');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL(`**${formPath}?saved=1`);
    await reloadUntil(page, async () => (await status(page)).includes('Concept'));
    await expect(fte.inputValue()).resolves.toBe('1,5');

    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.waitForURL(`**${formPath}?submitted=1`);
    await reloadUntil(page, async () => (await status(page)).toLowerCase().includes('ingediend'));
    expect(await textOf(page.getByRole('region', { name: 'Versies' }).last())).toContain(
      'Ingediend',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-form-submitted');
  });

  it('the secretariat sees the overview and returns the submission with a comment', async () => {
    const page = secretariat;
    await page.goto(app.baseUrl + overviewPath);
    const table = page.getByRole('region', { name: 'Scholen en hun verantwoording' });
    const row = table.locator('tbody tr', { hasText: 'Stadsring College' });
    expect(await textOf(row)).toContain('Ingediend');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-overview');

    const csvLink = page.getByRole('link', { name: /Download het overzicht/ });
    const csv = await page.request.get(
      new URL((await csvLink.getAttribute('href'))!, app.baseUrl).href,
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Stadsring College');

    await row.getByRole('link', { name: 'Stadsring College' }).click();
    await page.waitForURL(`**${overviewPath}/schools/${schoolId}`);
    // Returning needs a comment: refused next to the field.
    await page.getByRole('button', { name: 'Terugsturen met opmerkingen' }).click();
    await expect(
      page.getByLabel('Opmerkingen voor de school').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    expect(await textOf(page.locator('#field-comments-error'))).toContain(
      'Schrijf op wat de school',
    );

    await page.getByLabel('Opmerkingen voor de school').fill(COMMENT);
    await page.getByRole('button', { name: 'Terugsturen met opmerkingen' }).click();
    await page.waitForURL(`**?reviewed=return`);
    expect(await textOf(page.getByRole('status'))).toContain('teruggestuurd');
    expect(await status(page)).toContain('Teruggestuurd met opmerkingen');
    await expect(page.getByRole('button', { name: 'Accepteren' }).count()).resolves.toBe(0);
    // The comment is told about the school here, not addressed to the secretariat as "u".
    expect(await textOf(page.locator('section[aria-labelledby="returned-title"] p'))).toBe(
      'Het secretariaat heeft de school gevraagd het volgende te verbeteren en opnieuw in te dienen:',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-review');
  });

  it('the school sees the comment and its figures back on the form', async () => {
    const page = school;
    await page.goto(app.baseUrl + formPath);
    await reloadUntil(page, async () =>
      (await status(page)).includes('Teruggestuurd met opmerkingen'),
    );
    expect(await textOf(page.locator('.review-comments'))).toBe(COMMENT);
    expect(await textOf(page.locator('section[aria-labelledby="returned-title"] p'))).toBe(
      'Het secretariaat vraagt u het volgende te verbeteren en opnieuw in te dienen:',
    );
    await expect(
      field(page, 'expenses.personeel_extra_ondersteuning.fte').inputValue(),
    ).resolves.toBe('1,50');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-returned');
  });

  it('the secretariat cannot extend to a too-early deadline, and waives the school with a reason', async () => {
    const page = secretariat;
    const schoolPath = `${overviewPath}/schools/${schoolId}`;
    await page.goto(app.baseUrl + schoolPath);

    // A deadline in the past is refused next to its field, with what was typed kept.
    const deadline = page.getByLabel('Nieuwe deadline');
    await deadline.fill('2020-01-06T17:00');
    await page.getByRole('button', { name: 'Deadline verlengen' }).click();
    await expect(deadline.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await textOf(page.locator('#field-deadline-error'))).toContain(
      'Kies een deadline in de toekomst.',
    );
    await expect(deadline.inputValue()).resolves.toBe('2020-01-06T17:00');
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    expect(await axeViolations(page)).toEqual([]);

    // Waiving needs a reason.
    await page.getByRole('button', { name: 'Vrijstellen' }).click();
    const reason = page.getByLabel('Reden van de vrijstelling');
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await textOf(page.locator('#field-reason-error'))).toContain('Vul dit veld in.');

    await reason.fill('School gefuseerd per 1 augustus');
    await page.getByRole('button', { name: 'Vrijstellen' }).click();
    await page.waitForURL(`**${schoolPath}?done=waived`);
    expect(await textOf(page.getByRole('status'))).toContain('vrijgesteld');
    await reloadUntil(page, async () => (await status(page)).includes('Vrijgesteld'));
    // Why, when and by whom stays with the school, on its page and in the overview.
    expect(await textOf(page.locator('.waiver-reason'))).toBe('School gefuseerd per 1 augustus');
    expect(await textOf(page.locator('[data-status="waived"]'))).toMatch(
      /Vrijgesteld \d{1,2} \w+ \d{4} om \d{2}:\d{2} door \S+/,
    );
    await page.goto(app.baseUrl + overviewPath);
    expect(
      await textOf(
        page.getByRole('row').filter({ hasText: 'Stadsring College' }).locator('td').nth(0),
      ),
    ).toBe('Vrijgesteld School gefuseerd per 1 augustus');
    // The school's contacts are told, with the reason.
    const contact = DEMO_EMAILS.stadsring.schoolContact;
    await app.stack.smtp.waitFor(() =>
      app.stack.smtp.to(contact).some((m) => m.subject.includes('vrijgesteld')),
    );
    const told = app.stack.smtp.to(contact).find((m) => m.subject.includes('vrijgesteld'))!;
    expect(told.text).toContain('Reden: School gefuseerd per 1 augustus');
    await page.goto(app.baseUrl + schoolPath);
    // A waived school has nothing left to extend or waive.
    await expect(page.getByRole('button', { name: 'Vrijstellen' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Deadline verlengen' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-waived');
  });

  it('the secretariat starts next year’s accountability in the browser: a mistake refused next to its field, one school left out', async () => {
    const page = secretariat;
    const NEXT = YEAR + 1;
    const regular = (await app.stack.ds.query(
      `SELECT s.id, s.name FROM school s JOIN organisation o ON o.id = s.organisation_id
        WHERE o.slug = 'stadsring' AND s.kind = 'regular' ORDER BY s.name`,
    )) as { id: string; name: string }[];
    expect(regular.length).toBeGreaterThan(1);
    const [leftOut, ...chosen] = regular;

    await page.goto(`${app.baseUrl}/app/cycles`);
    await page.getByRole('link', { name: 'Verantwoording starten' }).click();
    await page.waitForURL('**/app/cycles/accountability/new');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Verantwoording starten',
    );
    // Every regular school is ticked; empty reminder days mean the SWV's default.
    const boxes = page.getByRole('group', { name: 'Scholen' }).getByRole('checkbox');
    await expect(boxes.count()).resolves.toBe(regular.length);
    for (const school of regular) {
      await expect(page.getByRole('checkbox', { name: school.name }).isChecked()).resolves.toBe(
        true,
      );
    }
    expect(await textOf(page.locator('#field-reminderOffsets-hint'))).toContain(
      'de standaard (14, 7, 1)',
    );
    expect(await axeViolations(page)).toEqual([]);
    // With the script, the whole list can be unticked and ticked at once.
    await page.getByRole('button', { name: 'Niets aanvinken' }).click();
    await expect(
      page.getByRole('group', { name: 'Scholen' }).getByRole('checkbox', { checked: true }).count(),
    ).resolves.toBe(0);
    await page.getByRole('button', { name: 'Alles aanvinken' }).click();
    await expect(
      page.getByRole('group', { name: 'Scholen' }).getByRole('checkbox', { checked: true }).count(),
    ).resolves.toBe(regular.length);

    await page.getByLabel('Verantwoordingsjaar').fill(String(NEXT));
    await page.getByRole('checkbox', { name: leftOut!.name }).uncheck();
    const offsets = page.getByLabel('Herinneringen (werkdagen voor de deadline)');
    await offsets.fill('10, drie');
    await page.getByRole('button', { name: 'Verantwoording starten' }).click();

    await expect(offsets.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await textOf(page.locator('#field-reminderOffsets-error'))).toBe(
      'Vul hele getallen in, gescheiden door komma’s, zoals 14, 7, 1.',
    );
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Herinneringen (werkdagen voor de deadline)',
    );
    // What was typed and ticked is kept.
    await expect(page.getByLabel('Verantwoordingsjaar').inputValue()).resolves.toBe(String(NEXT));
    await expect(page.getByRole('checkbox', { name: leftOut!.name }).isChecked()).resolves.toBe(
      false,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-start-refused');
    expect(
      (
        await app.stack.ds.query(
          `SELECT 1 FROM cycle WHERE kind = 'accountability' AND year = $1`,
          [NEXT],
        )
      ).length,
    ).toBe(0);

    await offsets.fill('10, 3');
    await page.getByRole('button', { name: 'Verantwoording starten' }).click();
    await page.waitForURL(`**/app/cycles/accountability/${NEXT}?started=1`);
    // The notice says when the schools are invited: now, or the next moment in office hours.
    const notice = await textOf(page.getByRole('status'));
    const inviteAt = nextBusinessMoment(new Date());
    expect(notice).toContain(
      inviteAt.getTime() <= Date.now()
        ? 'De scholen krijgen nu een taak en een uitnodiging per e-mail.'
        : `per e-mail op ${formatDateTimeNl(inviteAt)}, het eerste moment binnen kantoortijd.`,
    );
    const table = page.getByRole('region', { name: 'Scholen' });
    for (const school of chosen) {
      await expect(table.getByText(school.name, { exact: true }).count()).resolves.toBe(1);
    }
    await expect(table.getByText(leftOut!.name, { exact: true }).count()).resolves.toBe(0);
    const [cycle] = (await app.stack.ds.query(
      `SELECT a.schools, a.reminder_policy, a.deadline FROM accountability_cycle a
        JOIN organisation o ON o.id = a.organisation_id WHERE o.slug = 'stadsring' AND a.accounting_year = $1`,
      [NEXT],
    )) as { schools: number; reminder_policy: { offsetsBusinessDays: number[] }; deadline: Date }[];
    expect(cycle!.schools).toBe(chosen.length);
    expect(cycle!.reminder_policy.offsetsBusinessDays).toEqual([10, 3]);
    // The empty deadline field: the end of 1 February of the year after.
    expect(cycle!.deadline.toISOString()).toBe(`${NEXT + 1}-02-01T22:59:59.999Z`);
    expect(await axeViolations(page)).toEqual([]);

    // Starting the same year again shows the running cycle.
    await page.goto(`${app.baseUrl}/app/cycles/accountability/new`);
    await page.getByLabel('Verantwoordingsjaar').fill(String(NEXT));
    await page.getByRole('button', { name: 'Verantwoording starten' }).click();
    await page.waitForURL(`**/app/cycles/accountability/${NEXT}?existing=1`);
    expect(await textOf(page.getByRole('status'))).toContain('loopt al een verantwoording');
  });

  it('the secretariat finds schools on the overview by name and status; the CSV link follows the search', async () => {
    const page = secretariat;
    const NEXT = YEAR + 1; // started by the test before
    await page.goto(`${app.baseUrl}/app/cycles/accountability/${NEXT}`);
    const table = page.getByRole('region', { name: 'Scholen en hun verantwoording' });
    const total = await table.locator('tbody tr').count();
    expect(total).toBeGreaterThan(2);

    await page.getByLabel('Schoolnaam bevat').fill('college');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/[?&]q=college/);
    const names = await table.locator('tbody th').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(total);
    for (const name of names) expect(name.toLowerCase()).toContain('college');
    await expect(page.getByText(`${names.length} van ${total} scholen`).count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('link', { name: 'Download het overzicht (CSV voor Excel)' })
        .getAttribute('href'),
    ).resolves.toBe(`/api/accountability-cycles/${NEXT}/overview.csv?q=college`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-overview-search');

    await page.getByLabel('Status').selectOption({ label: 'Geaccepteerd' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/[?&]status=accepted/);
    await expect(
      page.getByText('Geen school voldoet aan deze zoekopdracht.').count(),
    ).resolves.toBe(1);
    await expect(table.locator('tbody tr').count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Alle scholen tonen' }).click();
    await page.waitForURL(`**/app/cycles/accountability/${NEXT}`);
    await expect(table.locator('tbody tr').count()).resolves.toBe(total);
  });

  it('the secretariat publishes a new version of the format; running cycles keep theirs, the director only reads', async () => {
    const page = secretariat;
    const NEXT = YEAR + 1; // started by the tests before, like YEAR: both pinned version 1
    const formatPath = '/app/cycles/accountability/format';
    const versions = async () =>
      (await app.stack.ds.query(
        `SELECT f.version, f.income_lines, f.expense_lines, p.email FROM accountability_format f
           JOIN organisation o ON o.id = f.organisation_id
           LEFT JOIN person p ON p.id = f.created_by_person_id
          WHERE o.slug = 'stadsring' ORDER BY f.version`,
      )) as {
        version: number;
        income_lines: { key: string }[];
        expense_lines: { key: string; category: string; required: boolean }[];
        email: string | null;
      }[];

    await page.goto(`${app.baseUrl}/app/cycles`);
    await page.getByRole('link', { name: 'Verantwoordingsformat' }).click();
    await page.waitForURL(`**${formatPath}`);
    expect(await textOf(page.locator('main'))).toContain('Huidige versie: 1.');
    const table = page.getByRole('region', { name: 'Versies' });
    expect(await textOf(table.locator('tbody tr').first())).toBe(
      `Versie 1 Standaardformat Verantwoording ${YEAR}, Verantwoording ${NEXT}`,
    );
    expect(await axeViolations(page)).toEqual([]);

    // Publishing what is already there is refused: it would only add a version.
    await page.getByRole('button', { name: 'Publiceren als versie 2' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Er is niets gewijzigd ten opzichte van versie 1.',
    );

    // A line without a description is refused next to its field; what was typed is kept.
    const income = page.getByRole('group', { name: 'Ontvangsten' });
    await income.getByRole('group', { name: 'Regel 3' }).getByLabel('Omschrijving').fill('');
    await page
      .getByLabel('Fte in de bijlage')
      .selectOption({ label: 'Hoogstens de fte van de categorie extra ondersteuning' });
    await page.getByRole('button', { name: 'Publiceren als versie 2' }).click();
    expect(page.url()).toContain(formatPath);
    await expect(field(page, 'incomeLines.2.label').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    expect(await textOf(page.locator('#field-incomeLines-2-label-error'))).toBe(
      'De omschrijving is verplicht.',
    );
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Ontvangsten, regel 3, omschrijving: De omschrijving is verplicht.',
    );
    await expect(page.getByLabel('Fte in de bijlage').inputValue()).resolves.toBe(
      'at_most_extra_support_fte',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect((await versions()).map((v) => v.version)).toEqual([1]);

    // Remove that line instead, and add an expense line (its key is made from its description).
    await income.getByRole('group', { name: 'Regel 3' }).getByLabel('Regel verwijderen').check();
    await page.getByRole('button', { name: 'Uitgavenregel toevoegen' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('Er is een lege regel toegevoegd.');
    const expenses = page.getByRole('group', { name: 'Uitgaven' });
    await expect(expenses.getByRole('group', { name: /^Regel \d+$/ }).count()).resolves.toBe(6);
    // The removed line is gone from the form already.
    await expect(income.getByRole('group', { name: /^Regel \d+$/ }).count()).resolves.toBe(2);
    let added = expenses.getByRole('group', { name: 'Regel 6' });
    await added.getByLabel('Omschrijving').fill('Inhuur ambulante begeleiding (extern)');
    await added.getByLabel('Categorie').fill('extra_ondersteuning');
    await added.getByLabel('Verplicht voor elke school').check();
    // Moved up next to the other extra support lines, with what was typed.
    for (const line of [6, 5, 4]) {
      await expenses.getByRole('button', { name: `Omhoog: Regel ${line}` }).click();
      expect(await textOf(page.getByRole('status'))).toContain('De regel is verplaatst.');
    }
    added = expenses.getByRole('group', { name: 'Regel 3' });
    await expect(added.getByLabel('Omschrijving').inputValue()).resolves.toBe(
      'Inhuur ambulante begeleiding (extern)',
    );
    await expect(added.getByLabel('Verplicht voor elke school').isChecked()).resolves.toBe(true);
    await expect(
      expenses
        .getByRole('group', { name: 'Regel 1' })
        .getByRole('button', { name: /Omhoog/ })
        .count(),
    ).resolves.toBe(0);
    await screenshot(page, 'accountability-format-edit');

    // Meanwhile a colleague (here: through the api) publishes version 2 from version 1.
    const [v1] = await versions();
    const colleague = await app.stack.call('POST', '/api/accountability/formats', {
      token: await app.token(SECRETARIAT),
      body: {
        incomeLines: v1!.income_lines,
        expenseLines: v1!.expense_lines,
        appendix: { fteRule: 'none', extraSupportCategory: 'extra_ondersteuning' },
        baseVersion: 1,
      },
    });
    expect(colleague.status).toBe(201);
    // Publishing the form opened on version 1 is refused: nothing overwritten unseen, nothing lost.
    const refused = page.waitForResponse(
      (r) => r.url().endsWith(formatPath) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Publiceren als versie 2' }).click();
    expect((await refused).status()).toBe(409);
    expect(await textOf(page.getByRole('alert'))).toContain('Intussen is versie 2 gepubliceerd');
    await expect(added.getByLabel('Omschrijving').inputValue()).resolves.toBe(
      'Inhuur ambulante begeleiding (extern)',
    );
    expect((await versions()).map((v) => v.version)).toEqual([1, 2]);
    expect(await axeViolations(page)).toEqual([]);
    // Having looked, publishing again is a choice: it becomes version 3.
    await page.getByRole('button', { name: 'Publiceren als versie 3' }).click();
    await page.waitForURL(`**${formatPath}?published=3`);
    expect(await textOf(page.getByRole('status'))).toContain('Versie 3 is gepubliceerd.');
    expect(await textOf(page.locator('main'))).toContain('Huidige versie: 3.');

    const stored = await versions();
    expect(stored.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(stored[2]!.email).toBe(SECRETARIAT);
    expect(stored[2]!.income_lines.map((l) => l.key)).toEqual([
      'swv_vast_bedrag',
      'swv_variabel_bedrag',
    ]);
    expect(stored[2]!.expense_lines.map((l) => l.key)).toEqual([
      'personeel_extra_ondersteuning',
      'inhuur_extra_ondersteuning',
      'inhuur_ambulante_begeleiding_extern',
      'personeel_ondersteuningsteam',
      'professionalisering',
      'materiele_kosten',
    ]);
    expect(stored[2]!.expense_lines[2]).toEqual({
      key: 'inhuur_ambulante_begeleiding_extern',
      label: 'Inhuur ambulante begeleiding (extern)',
      category: 'extra_ondersteuning',
      required: true,
    });
    // The running cycles keep version 1; the list says who published the later versions.
    const rows = table.locator('tbody tr');
    const [publisher] = (await app.stack.ds.query(`SELECT name FROM person WHERE email = $1`, [
      SECRETARIAT,
    ])) as {
      name: string;
    }[];
    await expect(rows.count()).resolves.toBe(3);
    expect(await textOf(rows.nth(0))).toMatch(/^Versie 3 .*\d{4}.* Nog geen verantwoording$/);
    expect(await textOf(rows.nth(0))).toContain(publisher!.name);
    expect(await textOf(rows.nth(2))).toBe(
      `Versie 1 Standaardformat Verantwoording ${YEAR}, Verantwoording ${NEXT}`,
    );
    expect(await axeViolations(page)).toEqual([]);

    // Version 1 stays readable as it was.
    await table.getByRole('link', { name: 'Versie 1' }).click();
    await page.waitForURL(`**${formatPath}/1`);
    await expect(
      page
        .getByRole('region', { name: 'Ontvangsten' })
        .getByText('Overige ontvangsten voor passend onderwijs')
        .count(),
    ).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const missing = await page.goto(`${app.baseUrl}${formatPath}/9`);
    expect(missing?.status()).toBe(404);

    // A cycle started now pins version 3: the start form says so.
    await page.goto(`${app.baseUrl}/app/cycles/accountability/new`);
    expect(await textOf(page.locator('main'))).toContain(
      'De scholen vullen versie 3 van het verantwoordingsformat in.',
    );

    // The director reads the format and cannot publish; a school contact has no access.
    const director = await app.signedInPage(DEMO_EMAILS.stadsring.director);
    await director.goto(`${app.baseUrl}${formatPath}`);
    await expect(director.getByRole('button', { name: /Publiceren/ }).count()).resolves.toBe(0);
    await expect(
      director
        .getByRole('region', { name: 'Uitgaven' })
        .getByText('Inhuur ambulante begeleiding (extern)')
        .count(),
    ).resolves.toBe(1);
    expect(await axeViolations(director)).toEqual([]);
    await director.context().close();
    const closed = await school.goto(`${app.baseUrl}${formatPath}`);
    expect(closed?.status()).toBe(403);
  });

  it('an ECT member reads the accountability of their own schools, and of no other school', async () => {
    const NEXT = YEAR + 1;
    const [ect] = (await app.stack.ds.query(
      `SELECT p.email FROM school s JOIN person p ON p.id = s.ect_member_person_id WHERE s.id = $1`,
      [schoolId],
    )) as { email: string }[];
    const theirs = (await app.stack.ds.query(
      `SELECT s.id, s.name FROM school s JOIN person p ON p.id = s.ect_member_person_id
        WHERE p.email = $1 AND s.kind = 'regular' ORDER BY s.name`,
      [ect!.email],
    )) as { id: string; name: string }[];
    const [other] = (await app.stack.ds.query(
      `SELECT s.id FROM school s JOIN organisation o ON o.id = s.organisation_id
        JOIN person p ON p.id = s.ect_member_person_id
        WHERE o.slug = 'stadsring' AND s.kind = 'regular' AND p.email <> $1 LIMIT 1`,
      [ect!.email],
    )) as { id: string }[];
    const page = await app.signedInPage(ect!.email);
    await page.goto(`${app.baseUrl}/app/tasks`);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn scholen' })
      .click();
    await page.waitForURL('**/app/my-schools');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Mijn scholen',
    );

    // This year's cycle holds only Stadsring College; next year's every regular school but one.
    const thisYear = page.getByRole('region', { name: `Scholen in Verantwoording ${YEAR}` });
    await expect(thisYear.locator('tbody tr').count()).resolves.toBe(1);
    expect(await textOf(thisYear.locator('tbody tr'))).toMatch(
      /^Stadsring College Vrijgesteld School gefuseerd per 1 augustus – \S.+$/,
    );
    const nextYear = page.getByRole('region', { name: `Scholen in Verantwoording ${NEXT}` });
    const listed = await nextYear.locator('tbody th').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    for (const name of listed) expect(theirs.map((s) => s.name)).toContain(name.trim());
    expect(await axeViolations(page)).toEqual([]);

    // The school, read-only: the returned version and the secretariat's comment, no actions.
    await thisYear.getByRole('link', { name: 'Stadsring College' }).click();
    await page.waitForURL(`**/app/my-schools/${YEAR}/schools/${schoolId}`);
    expect(await textOf(page.locator('main'))).toContain(COMMENT);
    await expect(
      page
        .getByRole('button')
        .filter({ hasText: /Accepteren|Terugsturen|Vrijstellen|Deadline/ })
        .count(),
    ).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Terug naar mijn scholen' }).count()).resolves.toBe(
      1,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-ect-school');

    // Another ECT member's school is not found; the office's pages are closed.
    const foreign = await page.goto(`${app.baseUrl}/app/my-schools/${NEXT}/schools/${other!.id}`);
    expect(foreign?.status()).toBe(404);
    const office = await page.goto(`${app.baseUrl}/app/cycles/accountability/${YEAR}`);
    expect(office?.status()).toBe(403);
    await page.context().close();
  });

  it('the bestuurder of the school’s board reads its schools there too; a body member who is no bestuurder has no such page', async () => {
    const NEXT = YEAR + 1;
    const boardSchools = (await app.stack.ds.query(
      `SELECT s.name FROM school s JOIN school_board b ON b.id = s.board_id JOIN person p ON p.id = b.bestuurder_person_id
        WHERE p.email = $1 AND s.kind = 'regular' ORDER BY s.name`,
      [DEMO_EMAILS.stadsring.alvMember],
    )) as { name: string }[];
    expect(boardSchools.map((s) => s.name)).toContain('Stadsring College');
    const page = await app.signedInPage(DEMO_EMAILS.stadsring.alvMember);
    await page.goto(`${app.baseUrl}/app/tasks`);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn scholen' })
      .click();
    await page.waitForURL('**/app/my-schools');
    const thisYear = page.getByRole('region', { name: `Scholen in Verantwoording ${YEAR}` });
    expect(await textOf(thisYear.locator('tbody tr'))).toMatch(
      /^Stadsring College Vrijgesteld School gefuseerd per 1 augustus – \S.+$/,
    );
    // Next year's cycle: the board's schools that account, and no other board's.
    const listed = (
      await page
        .getByRole('region', { name: `Scholen in Verantwoording ${NEXT}` })
        .locator('tbody th')
        .allTextContents()
    ).map((n) => n.trim());
    expect(listed.length).toBeGreaterThan(0);
    for (const name of listed) expect(boardSchools.map((s) => s.name)).toContain(name);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${app.baseUrl}/app/my-schools/${YEAR}/schools/${schoolId}`);
    expect(await textOf(page.locator('main'))).toContain(COMMENT);
    await expect(
      page
        .getByRole('button')
        .filter({ hasText: /Accepteren|Terugsturen|Vrijstellen|Deadline/ })
        .count(),
    ).resolves.toBe(0);
    await page.context().close();

    const member = await app.signedInPage(DEMO_EMAILS.stadsring.oprMember);
    await member.goto(`${app.baseUrl}/app/tasks`);
    await expect(
      member
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Mijn scholen' })
        .count(),
    ).resolves.toBe(0);
    const closed = await member.goto(`${app.baseUrl}/app/my-schools`);
    expect(closed?.status()).toBe(403);
    await member.context().close();
  });
  describe('issue 16: the form as a school lives in it, and the deduction seen before accepting', () => {
    const EARLIER = YEAR - 1;
    const earlierForm = `/app/accountability/${EARLIER}`;

    beforeAll(async () => {
      const token = await app.token(SECRETARIAT);
      const started = await app.stack.call('POST', '/api/accountability-cycles', {
        token,
        body: {
          accountingYear: EARLIER,
          schoolIds: [schoolId],
          deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      });
      expect(started.status).toBe(201);
      await school.setViewportSize({ width: 1366, height: 768 });
      await school.goto(app.baseUrl + earlierForm);
      await reloadUntil(school, async () => (await school.locator('form').count()) > 1);
    });

    it('Enter in an amount field saves; a draft with -1.200,00 and 12.345,678 says what is wrong there', async () => {
      const page = school;
      const rows = () => page.locator('fieldset.line-group legend', { hasText: /^Regel \d+$/ });
      const rowsBefore = await rows().count();
      await field(page, 'expenses.materiele_kosten.amount').fill('-1.200,00');
      await field(page, 'expenses.personeel_ondersteuningsteam.amount').fill('12.345,678');
      await field(page, 'expenses.personeel_ondersteuningsteam.amount').press('Enter');
      await page.waitForLoadState();
      expect(await textOf(page.getByRole('status').first())).toContain('Uw concept is opgeslagen.');
      expect(await rows().count()).toBe(rowsBefore);
      expect(await textOf(page.locator('#field-expenses-materiele_kosten-amount-error'))).toContain(
        'niet negatief',
      );
      expect(
        await textOf(page.locator('#field-expenses-personeel_ondersteuningsteam-amount-error')),
      ).toContain('meer dan twee decimalen');
      // What was typed stays.
      await expect(field(page, 'expenses.materiele_kosten.amount').inputValue()).resolves.toBe(
        '-1.200,00',
      );
      expect(await axeViolations(page)).toEqual([]);
    });

    it('reads 30.000 as thirty thousand, shows the underspending before submitting, and asks first', async () => {
      const page = school;
      const fixed = (await app.stack.ds.query(
        `SELECT fixed_amount_cents::int AS cents FROM school WHERE id = $1`,
        [schoolId],
      )) as { cents: number }[];
      await field(page, 'income.swv_vast_bedrag.amount').fill('58.000,00');
      await field(page, 'income.swv_variabel_bedrag.amount').fill('30.000');
      await field(page, 'expenses.personeel_extra_ondersteuning.fte').fill('1,5');
      await field(page, 'expenses.personeel_extra_ondersteuning.amount').fill('20.000');
      await field(page, 'expenses.personeel_ondersteuningsteam.fte').fill('0,4');
      await field(page, 'expenses.personeel_ondersteuningsteam.amount').fill('10.000,00');
      await field(page, 'expenses.materiele_kosten.amount').fill('5.000');
      await field(page, 'appendix.0.description').fill('Ambulante begeleiding');
      await field(page, 'appendix.0.fte').fill('1,5');
      await field(page, 'appendix.0.targetGroup').fill(
        'Leerlingen met een taalontwikkelingsstoornis in de onderbouw en de bovenbouw',
      );
      // Lines a later format version added (earlier tests publish one): nothing spent there.
      for (const input of await page.locator('input[name^="expenses."]').all()) {
        if ((await input.inputValue()) === '') await input.fill('0');
      }
      await page.getByRole('button', { name: 'Concept opslaan' }).click();
      await page.waitForURL(`**${earlierForm}?saved=1`);

      const expected = formatEuro(fixed[0]!.cents + 3_000_000 - 3_500_000);
      const panel = page.getByRole('region', { name: 'Onderbesteding' });
      expect(await textOf(panel)).toContain(`Onderbesteding ${expected}`);
      expect(await textOf(panel)).toContain(
        `dan wordt ${expected} gekort op de toekenning van ${EARLIER + 2}`,
      );
      // The "Doelgroep" field shows its whole text.
      const target = field(page, 'appendix.0.targetGroup');
      expect(
        await target.evaluate((el) => (el as HTMLInputElement).scrollWidth <= el.clientWidth + 1),
      ).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'accountability-underspending-school');

      const asked = dialogs.length;
      await page.getByRole('button', { name: 'Indienen' }).click();
      await page.waitForURL(`**${earlierForm}?submitted=1`);
      expect(dialogs[asked]).toContain('Verantwoording indienen?');
      expect(dialogs[asked]).toContain(`${expected} gekort op de toekenning van ${EARLIER + 2}`);
    });

    it('the review task opens the submission; the secretariat sees the deduction and confirms accepting', async () => {
      const page = secretariat;
      const until = Date.now() + 30_000;
      let taskId: string | undefined;
      while (!taskId) {
        const rows = (await app.stack.ds.query(
          `SELECT t.id FROM task t JOIN person p ON p.id = t.person_id
            WHERE t.kind = 'review' AND t.status = 'open' AND p.email = $1 AND t.workflow_id LIKE $2`,
          [SECRETARIAT, `%${EARLIER}%`],
        )) as { id: string }[];
        taskId = rows[0]?.id;
        if (!taskId && Date.now() > until) throw new Error('no review task');
        if (!taskId) await new Promise((r) => setTimeout(r, 250));
      }
      await page.goto(`${app.baseUrl}/app/tasks/${taskId}`);
      await page.waitForURL(`**/app/cycles/accountability/${EARLIER}/schools/${schoolId}`);
      const panel = page.getByRole('region', { name: 'Onderbesteding' });
      expect(await textOf(panel)).toContain('gekort op de toekenning van');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'accountability-underspending-review');

      const asked = dialogs.length;
      await page.getByRole('button', { name: 'Accepteren' }).click();
      await page.waitForURL('**?reviewed=accept');
      expect(dialogs[asked]).toMatch(
        new RegExp(
          `^Verantwoording van Stadsring College accepteren\\? Dit legt een korting van € [\\d.]+,\\d{2} vast op de toekenning van ${EARLIER + 2}`,
        ),
      );
    });
    it('on a phone the overview keeps the status in view; the CSV and the screen use one term', async () => {
      const phone = await app.signedInPage(SECRETARIAT, { width: 360, height: 780 });
      await phone.goto(`${app.baseUrl}/app/cycles/accountability/${YEAR + 1}`);
      const table = phone.getByRole('region', { name: 'Scholen en hun verantwoording' });
      const status = table.getByRole('columnheader', { name: 'Status' });
      const box = (await status.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      // Nothing is due yet: no "0" days late.
      const firstRow = table.locator('tbody tr').first();
      expect(await textOf(firstRow.locator('td').nth(0))).toBe('Niet gestart');
      expect(await textOf(firstRow.locator('td').nth(1))).toBe('–');
      expect(await axeViolations(phone)).toEqual([]);
      await screenshot(phone, 'accountability-overview-phone');
      const csvLink = phone.getByRole('link', { name: /Download het overzicht/ });
      const csv = await phone.request.get(
        new URL((await csvLink.getAttribute('href'))!, app.baseUrl).href,
      );
      const body = await csv.text();
      expect(body).toContain('Niet gestart');
      expect(body).not.toContain('Niet begonnen');
      await phone.context().close();
    });
  });
});
