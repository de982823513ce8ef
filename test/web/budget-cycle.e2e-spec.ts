import { readFile } from 'node:fs/promises';
import {
  addBusinessDays,
  amsterdamDate,
  amsterdamInstant,
  amsterdamParts,
  escalationTime,
  formatDateTimeNl,
  reminderTimes,
} from '@jaarcyclus/domain';
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

const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;
/** Jolanda Dekker represents the largest board (4,010 pupils) in the ALV. */
const ALV_MEMBER = DEMO_EMAILS.stadsring.alvMember;
const RVT_CHAIR = DEMO_EMAILS.stadsring.rvtChair;

/** A small but real PDF: the proposal the secretariat uploads through the form. */
const PROPOSAL_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);

jest.setTimeout(120_000);

/** datetime-local value of an instant on Amsterdam clocks. */
function localInput(instant: Date): string {
  const { date, hour, minute } = amsterdamParts(instant);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Text as a reader sees it: whitespace of the markup collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Elements wider than the viewport (for a readable failure when the page scrolls sideways). */
function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`),
  );
}

describe('web app: the budget cycle of the secretariat, board members and director', () => {
  let app: BrowserStack;
  let secretariat: Page;
  const budgetYear = Number(amsterdamDate(new Date()).slice(0, 4)) + 1;
  // Short, explicit dates (not December's defaults), so the test runs on any day of the year:
  // a deadline three working weeks ahead leaves room for both default reminders.
  const deadlineDate = addBusinessDays(amsterdamDate(new Date()), 15);
  const voteDeadline = amsterdamInstant(deadlineDate, 17);
  const lettersDate = amsterdamInstant(addBusinessDays(deadlineDate, 3), 9);
  const cyclePath = `/app/cycles/budget/${budgetYear}`;

  const bodyCard = (page: Page, name: string) =>
    page.getByRole('region', { name: new RegExp(`^${name}`) });

  beforeAll(async () => {
    app = await startBrowserStack();
    // These pages show live tallies and each member's vote: the bodies vote openly (the other
    // vote secrecy rules: test/web/vote-secrecy.e2e-spec.ts).
    await app.stack.ds.query(`UPDATE body SET vote_secrecy = 'open'`);
    secretariat = await app.signedInPage(SECRETARIAT);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('previews a budget cycle with every planned date, then starts it', async () => {
    const page = secretariat;
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Cycli' })
      .click();
    await page.waitForURL('**/app/cycles');
    await expect(page.getByText('Er is nog geen begrotingscyclus.').isVisible()).resolves.toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cycles-empty');

    await page.getByRole('link', { name: 'Nieuwe begrotingscyclus' }).click();
    await page.waitForURL('**/app/cycles/budget/new');
    await expect(page.getByLabel('Begrotingsjaar', { exact: true }).inputValue()).resolves.toBe(
      String(budgetYear),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cycle-new-form');

    await page.getByLabel('Bedrag per leerling (€)').fill('185,005');
    await page.getByLabel('Eigen vermogen (€)').fill('250.000,00');
    await page.getByLabel('Totale baten (€)').fill('15.000.000,00');
    await page.getByLabel('Deadline van de stemming').fill(localInput(voteDeadline));
    await page.getByLabel('Verzending toekenningsbrieven').fill(localInput(lettersDate));
    await page.getByLabel('Herinneringen (werkdagen voor de deadline)').fill('7, 2');
    await page.getByRole('button', { name: 'Voorbeeld' }).click();

    // Neither a file nor a link, and an amount with three decimals: each is refused next to its
    // field and in the summary, in Dutch.
    const summary = page.getByRole('alert');
    expect(await textOf(summary)).toContain(
      'Bestand met het voorstel: Kies een bestand met het voorstel of vul de link naar het voorstel in.',
    );
    expect(await textOf(summary)).toContain(
      'Bedrag per leerling (€): Gebruik hoogstens twee cijfers achter de komma.',
    );
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    const amount = page.getByLabel('Bedrag per leerling (€)');
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await textOf(page.locator('#field-amountPerPupil-error'))).toContain(
      'Gebruik hoogstens twee cijfers achter de komma.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cycle-new-form-errors');
    await amount.fill('185,00');

    // A file and a link at once: the file is kept, the form asks for one of the two.
    const fileName = `begroting-${budgetYear}.pdf`;
    await page
      .getByLabel('Bestand met het voorstel')
      .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PROPOSAL_PDF });
    await page
      .getByLabel('Link naar het voorstel')
      .fill(`https://intranet.example/begroting-${budgetYear}.pdf`);
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    expect(await textOf(page.locator('#field-proposalFile-error'))).toBe(
      'Geef een bestand óf een link, niet allebei. Maak de link leeg of kies ‘Dit bestand niet gebruiken’.',
    );
    await expect(
      page.getByLabel('Bestand met het voorstel').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    expect(await textOf(page.locator('.uploaded-document'))).toContain(
      `Geüpload bestand: ${fileName}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Link naar het voorstel').fill('');
    await page.getByRole('button', { name: 'Voorbeeld' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Voorbeeld van de begrotingscyclus',
    );
    const schedule = page.getByRole('region', { name: 'Planning' });
    const rows = await schedule.locator('tbody tr').allTextContents();
    const row = (when: Date) => rows.find((r) => r.includes(formatDateTimeNl(when))) ?? '';
    const reminders = reminderTimes(
      voteDeadline,
      { offsetsBusinessDays: [7, 2], sendHour: 9 },
      new Date(),
    );
    expect(reminders).toHaveLength(2);
    for (const at of reminders) expect(row(at)).toContain('Herinnering');
    expect(row(voteDeadline)).toContain('Deadline');
    expect(row(escalationTime(voteDeadline))).toContain('Escalatie');
    expect(row(lettersDate)).toContain('Toekenningsbrieven');
    expect(rows).toHaveLength(5);
    const details = await page.locator('dl.details').textContent();
    for (const text of [
      '€ 185,00',
      '€ 250.000,00',
      '€ 15.000.000,00',
      'Algemene Ledenvergadering',
      'Raad van Toezicht',
      'Ondersteuningsplanraad',
    ]) {
      expect(details).toContain(text);
    }
    expect(await textOf(page.locator('dl.details'))).toContain(
      `Concept v1 – Download het voorstel (${fileName}, ${PROPOSAL_PDF.length} bytes)`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cycle-preview');

    // "Wijzigen" keeps what was typed, and the uploaded file.
    await page.getByRole('button', { name: 'Wijzigen' }).click();
    await expect(page.getByLabel('Eigen vermogen (€)').inputValue()).resolves.toBe('250.000,00');
    expect(await textOf(page.locator('.uploaded-document'))).toContain(fileName);
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    await page.getByRole('button', { name: 'Start de cyclus' }).click();
    await page.waitForURL(`**${cyclePath}?started=1`);
    expect(await textOf(page.getByRole('status').first())).toContain(
      'De begrotingscyclus is gestart.',
    );
    // The cycle uses the uploaded file: it is recorded as used, so it is never removed as unused.
    const [upload] = (await app.stack.ds.query(`SELECT used_at FROM document WHERE filename = $1`, [
      fileName,
    ])) as { used_at: Date | null }[];
    expect(upload!.used_at).not.toBeNull();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Begroting ${budgetYear}`,
    );

    // The roster is snapshotted by an activity: reload until every body has opened.
    await reloadUntil(
      page,
      async () => (await page.getByText('Nog niemand heeft gestemd.').count()) === 3,
    );
    const main = await page.locator('main').textContent();
    expect(main).toContain('Ronde 1');
    expect(main).toContain('Stemming loopt');
    for (const [name, members] of [
      ['Algemene Ledenvergadering', 10],
      ['Raad van Toezicht', 3],
      ['Ondersteuningsplanraad', 6],
    ] as const) {
      const card = bodyCard(page, name);
      expect(await textOf(card)).toContain(`Nog niet gestemd (${members})`);
      expect(await textOf(card)).toContain('Stemming open');
    }
    expect(await textOf(bodyCard(page, 'Raad van Toezicht'))).toContain('goedkeuring');
    expect(await textOf(bodyCard(page, 'Ondersteuningsplanraad'))).toContain('instemming');
    await expect(
      page
        .getByRole('progressbar', { name: /Quorum/ })
        .first()
        .getAttribute('value'),
    ).resolves.toBe('0');
    expect(await textOf(page.getByRole('region', { name: 'Verloop' }))).toContain(
      'Cyclus gestart door Ingrid Wolters',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cycle-page');

    // The list shows the running cycle with its phase in Dutch.
    await page.goto(`${app.baseUrl}/app/cycles`);
    const running = page.locator('section[aria-labelledby="running-cycles"]');
    expect(await textOf(running)).toContain(`Begroting ${budgetYear}`);
    expect(await textOf(running)).toContain('Stemming loopt');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cycles-list');
  });

  it('refuses a proposal file of the wrong type or over 20 MB next to the field, keeping what was typed', async () => {
    const page = secretariat;
    const documents = async (): Promise<number> =>
      ((await app.stack.ds.query(`SELECT count(*)::int AS n FROM document`)) as { n: number }[])[0]!
        .n;
    const before = await documents();
    await page.goto(`${app.baseUrl}/app/cycles/budget/new`);
    await page.getByLabel('Bedrag per leerling (€)').fill('185,00');
    await page.getByLabel('Eigen vermogen (€)').fill('250.000,00');
    await page.getByLabel('Totale baten (€)').fill('15.000.000,00');
    const file = page.getByLabel('Bestand met het voorstel');
    const error = page.locator('#field-proposalFile-error');

    await file.setInputFiles({
      name: 'begroting.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a proposal'),
    });
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    expect(await textOf(error)).toBe('Kies een PDF-, Word-, Excel- of OpenDocument-bestand.');
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Bestand met het voorstel: Kies een PDF-, Word-, Excel- of OpenDocument-bestand.',
    );
    await expect(page.getByLabel('Totale baten (€)').inputValue()).resolves.toBe('15.000.000,00');
    expect(await axeViolations(page)).toEqual([]);

    await file.setInputFiles({
      name: 'begroting-groot.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([PROPOSAL_PDF, Buffer.alloc(20 * 1024 * 1024)]),
    });
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    expect(await textOf(error)).toBe(
      'Het bestand is groter dan 20 MB. Kies een kleiner bestand of geef een link.',
    );
    // The fields after the file in the form still arrived.
    await expect(page.getByLabel('Totale baten (€)').inputValue()).resolves.toBe('15.000.000,00');
    await expect(page.getByLabel('Versie').inputValue()).resolves.toBe('Concept v1');
    expect(await documents()).toBe(before);
  });

  it('answers a form whose file is beyond even the upload limit (100 MB) with a page that names the 20 MB limit', async () => {
    const session = (await secretariat.context().cookies()).find((c) => c.name === 'jc_session');
    const form = new FormData();
    form.set('proposalAmountPerPupil', '185,00');
    form.set(
      'proposalFile',
      new Blob([Buffer.alloc(100 * 1024 * 1024 + 1)], { type: 'application/pdf' }),
      'begroting-enorm.pdf',
    );

    const res = await fetch(`${app.baseUrl}/app/cycles/budget`, {
      method: 'POST',
      headers: { cookie: `jc_session=${session!.value}` },
      body: form,
    });

    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const body = await res.text();
    expect(body).toContain('Dit bestand is te groot');
    expect(body).toContain('Een voorstel mag hoogstens 20 MB zijn.');
    expect(body).not.toMatch(/PayloadTooLarge|at .*\.js:\d+/);
  });

  it('lets an ALV member vote from the e-mailed invitation; the tally moves by the board’s pupil count', async () => {
    // The invitation to vote links to the task; opening it signed out asks to sign in first.
    const taskLink = await app.mailedLink(ALV_MEMBER, /^\/app\/tasks\/[0-9a-f-]{36}$/);
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(taskLink);
    await page.waitForURL(/\/login\?reason=sign-in&next=%2Fapp%2Ftasks%2F/);
    await app.signIn(page, ALV_MEMBER);
    await page.goto(taskLink);

    // The ALV's tally before anyone voted: weights, quorum, how many voted; no names.
    const tally = page.getByRole('region', { name: 'Stand van de stemming' });
    expect(await textOf(tally.locator('table.tally tbody tr').first())).toBe('Voor 0 –');
    expect(await textOf(tally)).toContain('Quorum: Quorum nog niet gehaald');
    expect(await textOf(tally)).toContain('0 van 16.500 stemgewicht uitgebracht');
    expect(await textOf(tally)).toContain('0 van 10 leden hebben gestemd');
    await expect(tally.getByRole('progressbar').getAttribute('value')).resolves.toBe('0');
    expect(await axeViolations(page)).toEqual([]);

    // The uploaded proposal downloads with the member's session: the very bytes uploaded.
    const proposal = page.getByRole('region', { name: 'Voorstel' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      proposal.getByRole('link', { name: 'Download het voorstel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`begroting-${budgetYear}.pdf`);
    expect((await readFile(await download.path())).equals(PROPOSAL_PDF)).toBe(true);
    // Another SWV's secretariat, and nobody signed in, cannot fetch it.
    const href = await proposal
      .getByRole('link', { name: 'Download het voorstel' })
      .getAttribute('href');
    expect(href).toMatch(/^\/api\/documents\/[0-9a-f-]{36}$/);
    const otherSwv = await app.token(DEMO_EMAILS.rijnoever.secretariat);
    await expect(app.stack.call('GET', href!, { token: otherSwv })).resolves.toMatchObject({
      status: 404,
    });
    await expect(app.stack.call('GET', href!)).resolves.toMatchObject({ status: 401 });

    await page.getByRole('radio', { name: 'Voor' }).check();
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    expect(await textOf(page.getByRole('region', { name: 'Controleer uw stem' }))).toContain(
      'Voor',
    );
    await page.getByRole('button', { name: 'Stem versturen' }).click();
    await page.waitForURL('**?voted=1');
    expect(await textOf(page.getByRole('status').first())).toContain('Uw stem is ontvangen.');

    // The tally on the member's page moved by the board's pupil count, and shows their vote.
    await reloadUntil(page, async () =>
      (await textOf(tally.locator('table.tally tbody tr').first())).includes('4.010'),
    );
    expect(await textOf(tally.locator('table.tally tbody tr').first())).toBe('Voor 4.010 100%');
    await expect(tally.getByRole('progressbar').getAttribute('value')).resolves.toBe('4010');
    expect(await textOf(tally)).toContain('4.010 van 16.500 stemgewicht uitgebracht');
    expect(await textOf(tally)).toContain('1 van 10 leden heeft gestemd');
    expect(await textOf(tally)).toContain('Uw stem Voor');
    expect(await textOf(page.locator('main'))).not.toContain('Nog niet gestemd');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'vote-task-tally');
    await context.close();

    const alv = bodyCard(secretariat, 'Algemene Ledenvergadering');
    await secretariat.goto(app.baseUrl + cyclePath);
    await reloadUntil(secretariat, async () =>
      ((await alv.locator('table.tally tbody tr').first().textContent()) ?? '').includes('4.010'),
    );
    expect(await textOf(alv.locator('table.tally tbody tr').first())).toBe('Voor 4.010 100%');
    await expect(alv.getByRole('progressbar').getAttribute('value')).resolves.toBe('4010');
    await expect(alv.getByRole('progressbar').getAttribute('max')).resolves.toBe('16500');
    expect(await textOf(alv)).toContain('4.010 van 16.500 stemgewicht uitgebracht');
    expect(await textOf(alv)).toContain('Nog niet gestemd (9)');
    expect(await textOf(alv)).toContain('Jolanda Dekker: voor, gewicht 4.010');
    expect(await textOf(secretariat.getByRole('region', { name: 'Verloop' }))).toContain(
      'Jolanda Dekker (Algemene Ledenvergadering) stemde voor, gewicht 4.010',
    );
  });

  it('lets an RvT member vote with the keyboard only', async () => {
    const page = await app.signedInPage(RVT_CHAIR);
    await reloadUntil(
      page,
      async () => (await page.getByRole('link', { name: /Raad van Toezicht/ }).count()) > 0,
    );
    await page.getByRole('link', { name: /Raad van Toezicht/ }).click();
    await page.waitForURL('**/app/tasks/*');

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el
          ? `${el.tagName.toLowerCase()}:${el.type ?? ''}:${el.value || el.textContent?.trim()}`
          : '';
      });
    const tabTo = async (target: string): Promise<void> => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if ((await focused()) === target) return;
      }
      throw new Error(`Tab never reached ${target}`);
    };
    await tabTo('input:radio:for');
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: 'Voor' }).isChecked()).resolves.toBe(true);
    await tabTo('button:submit:Verder naar controleren');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Controleer uw stem' }).waitFor();
    await tabTo('button:submit:send');
    await page.keyboard.press('Enter');
    await page.waitForURL('**?voted=1');
    expect(await textOf(page.getByRole('status').first())).toContain('Uw stem is ontvangen.');
    await page.context().close();

    await secretariat.goto(app.baseUrl + cyclePath);
    const rvt = bodyCard(secretariat, 'Raad van Toezicht');
    expect(await textOf(rvt)).toContain('1 van 3 leden heeft gestemd');
    expect(await textOf(rvt)).toContain('Anneke Veenstra: voor');
  });

  it('shows refusals of the workflow as an alert and carries out the secretariat’s actions', async () => {
    const page = secretariat;
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(app.baseUrl + cyclePath);

    // Closing is only possible after a deadline passed without quorum: the workflow refuses.
    const closeForm = page.locator('form[action$="/close"]');
    await closeForm.getByRole('button', { name: 'Sluit ronde' }).click();
    await page.waitForURL(`**${cyclePath}/close`);
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Er is geen orgaan waarvan de deadline verstreek zonder quorum.',
    );
    expect(await axeViolations(page)).toEqual([]);

    // An extension must be later than the current deadline: said next to the field.
    const extendForm = page.locator('form[action$="/deadline"]');
    await extendForm
      .getByLabel('Nieuwe deadline')
      .fill(localInput(new Date(voteDeadline.getTime() - 60 * 60_000)));
    await extendForm.getByRole('button', { name: 'Verleng deadline' }).click();
    expect(await textOf(page.locator('#field-extendDeadline-error'))).toContain(
      `Kies een deadline na de huidige deadline van`,
    );
    const extended = amsterdamInstant(addBusinessDays(deadlineDate, 2), 17);
    await page
      .locator('form[action$="/deadline"]')
      .getByLabel('Nieuwe deadline')
      .fill(localInput(extended));
    await page
      .locator('form[action$="/deadline"]')
      .getByRole('button', { name: 'Verleng deadline' })
      .click();
    await page.waitForURL(`**${cyclePath}?done=extended`);
    expect(await textOf(page.getByRole('status').first())).toContain('De deadline is verlengd.');
    for (const name of [
      'Algemene Ledenvergadering',
      'Raad van Toezicht',
      'Ondersteuningsplanraad',
    ]) {
      expect(await textOf(bodyCard(page, name))).toContain(formatDateTimeNl(extended));
    }

    await page
      .locator('form[action$="/remind"]')
      .getByLabel('Orgaan')
      .selectOption({ label: 'Ondersteuningsplanraad' });
    await page.getByRole('button', { name: 'Herinner nu' }).click();
    await page.waitForURL(`**${cyclePath}?done=reminded`);
    expect(await textOf(page.getByRole('status').first())).toContain(
      'De herinnering is aangevraagd.',
    );
  });

  it('answers an unknown year, another SWV’s year and a board member with the existing error pages', async () => {
    const unknown = await secretariat.goto(`${app.baseUrl}/app/cycles/budget/${budgetYear + 3}`);
    expect(unknown?.status()).toBe(404);
    await expect(secretariat.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Niet gevonden',
    );
    const malformed = await secretariat.goto(`${app.baseUrl}/app/cycles/budget/twintig`);
    expect(malformed?.status()).toBe(404);

    const other = await app.signedInPage(DEMO_EMAILS.rijnoever.secretariat);
    const theirs = await other.goto(app.baseUrl + cyclePath);
    expect(theirs?.status()).toBe(404);
    await expect(other.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Niet gevonden',
    );
    await other.context().close();

    const member = await app.signedInPage(ALV_MEMBER);
    const nav = member.getByRole('navigation', { name: 'Hoofdmenu' });
    // No cycles: this ALV member is also her board's bestuurder, so she reads its schools and
    // its allocation letters.
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Mijn taken',
      'Mijn scholen',
      'Agenda',
      'Toekenningsbrieven',
    ]);
    const forbidden = await member.goto(`${app.baseUrl}/app/cycles`);
    expect(forbidden?.status()).toBe(403);
    await member.context().close();
  });

  it('fits a phone screen', async () => {
    const phone = await app.signedInPage(SECRETARIAT, { width: 360, height: 780 });
    await phone.goto(app.baseUrl + cyclePath);
    expect(await tooWide(phone)).toEqual([]);
    expect(await hasHorizontalScroll(phone)).toBe(false);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'cycle-page-360px');
    await phone.goto(`${app.baseUrl}/app/cycles/budget/new`);
    expect(await tooWide(phone)).toEqual([]);
    expect(await hasHorizontalScroll(phone)).toBe(false);
    await phone.context().close();
  });
});
