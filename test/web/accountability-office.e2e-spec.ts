import {
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  DEFAULT_BUSINESS_HOURS,
  amsterdamInstant,
  nextBusinessMoment,
  schoolCalendar,
} from '@jaarcyclus/domain';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { schoolSchedulePreview } from '@jaarcyclus/workflows';
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
 * Issue 16, the accountability as a secretariat expects it: the start page previews every date
 * a school will see (computed by the workflow's own planning), "Herinner alle late scholen"
 * reminds each late school once (also after a double click), the school's page lists the mails
 * about it, the school and the secretariat talk about a returned version, the secretariat sees
 * what changed in the next version, and the CSV has what the school received and spent.
 */
const YEAR = 2025;
const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;
const CONTACT = DEMO_EMAILS.stadsring.schoolContact; // Stadsring College
const COMMENT = 'Licht de materiële kosten toe.';
const REPLY = 'De materiële kosten zijn de licenties van de leerlingvolgsystemen.';

jest.setTimeout(120_000);

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

const field = (page: Page, name: string): Locator =>
  page.locator(`#field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`);

const figures = (materieel: string) => ({
  income: [
    { lineKey: 'swv_vast_bedrag', amount: '58.000,00' },
    { lineKey: 'swv_variabel_bedrag', amount: '120.000,00' },
  ],
  expenses: [
    { lineKey: 'personeel_extra_ondersteuning', fte: '1,5', amount: '110000' },
    { lineKey: 'personeel_ondersteuningsteam', fte: '0,4', amount: '40.000,00' },
    { lineKey: 'materiele_kosten', amount: materieel },
  ],
  appendix: [
    { description: 'Ambulante begeleiding', fte: '1,0', targetGroup: 'Leerlingen met TOS' },
    { description: 'Reboundvoorziening', fte: '0,5', targetGroup: 'Onderbouw' },
  ],
});

describe('web app: the accountability for the office (issue 16)', () => {
  let app: BrowserStack;
  let office: Page;
  let school: Page;
  let schoolId: string;
  let secretariatToken: string;
  let contactToken: string;
  const dialogs: string[] = [];
  /** Whether "Herinner alle late scholen" was pressed in the school's office hours (then it mails at once). */
  let remindedInOfficeHours = false;
  const overviewPath = `/app/cycles/accountability/${YEAR}`;
  const schoolPath = () => `${overviewPath}/schools/${schoolId}`;
  const formPath = `/app/accountability/${YEAR}`;
  const status = (page: Page): Promise<string> => textOf(page.locator('[data-status]').first());
  const statusRow = async (): Promise<string | undefined> =>
    (
      (await app.stack.ds.query(
        `SELECT status FROM school_accountability WHERE school_id = $1 AND accounting_year = $2`,
        [schoolId, YEAR],
      )) as { status: string }[]
    )[0]?.status;
  const waitForStatus = async (wanted: string): Promise<void> => {
    const until = Date.now() + 60_000;
    while ((await statusRow()) !== wanted) {
      if (Date.now() > until) throw new Error(`the school did not become ${wanted}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    app = await startBrowserStack();
    const rows = (await app.stack.ds.query(
      `SELECT id FROM school WHERE name = 'Stadsring College'`,
    )) as { id: string }[];
    schoolId = rows[0]!.id;
    [secretariatToken, contactToken] = await Promise.all([
      app.token(SECRETARIAT),
      app.token(CONTACT),
    ]);
    [office, school] = await Promise.all([
      app.signedInPage(SECRETARIAT, { width: 1366, height: 768 }),
      app.signedInPage(CONTACT, { width: 360, height: 780 }),
    ]);
    for (const page of [office, school]) {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.accept();
      });
    }
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('the start page previews the dates a school will see, as the workflow plans them', async () => {
    const page = office;
    await page.goto(`${app.baseUrl}/app/cycles/accountability/new`);
    const preview = page.locator('section#schedule');
    await expect(
      preview.getByRole('heading', { name: 'Data voor elke school' }).count(),
    ).resolves.toBe(1);
    // The defaults at once: three reminders before the deadline, the escalation, overdue reminders.
    expect(await preview.locator('tbody tr', { hasText: /Herinnering \d vóór/ }).count()).toBe(
      DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.offsetsBusinessDays.length,
    );
    expect(await textOf(preview)).toContain(
      'Melding aan de bestuurder en het ECT-lid als de school te laat is',
    );
    expect(await axeViolations(page)).toEqual([]);

    // The typed deadline and reminder days, without starting anything.
    const deadline = '2027-03-01T17:00';
    await field(page, 'deadline').fill(deadline);
    await field(page, 'reminderOffsets').fill('10, 2');
    await page.getByRole('button', { name: 'Bekijk de data' }).click();
    // The answer opens at the dates (without script too: the button's formaction has the anchor).
    await page.waitForURL('**/app/cycles/accountability#schedule');
    expect(await textOf(preview)).toContain(
      'De data hieronder gelden voor de ingevulde deadline en herinneringsdagen.',
    );
    const expected = schoolSchedulePreview(
      {
        deadline: amsterdamInstant('2027-03-01', 17).toISOString(),
        reminderPolicy: { offsetsBusinessDays: [10, 2], sendHour: 9 },
        maxOverdueReminders: 12,
        region: 'noord',
      },
      Date.now(),
    );
    const times = await preview
      .locator('tbody tr', { hasText: /Herinnering \d vóór/ })
      .locator('time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(times).toEqual(expected.reminders);
    expect(
      await preview
        .locator('tbody tr', { hasText: 'Melding aan de bestuurder' })
        .locator('time')
        .getAttribute('datetime'),
    ).toBe(expected.escalationAt);
    // Nothing started: the year has no cycle.
    expect(await app.stack.ds.query(`SELECT 1 FROM cycle WHERE kind = 'accountability'`)).toEqual(
      [],
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-start-preview');

    await page.setViewportSize({ width: 360, height: 780 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('"Herinner alle late scholen" asks first and reminds each late school once, also after a double click', async () => {
    // A cycle whose deadline passes in a few seconds: the school becomes late.
    const started = await app.stack.call('POST', '/api/accountability-cycles', {
      token: secretariatToken,
      body: {
        accountingYear: YEAR,
        schoolIds: [schoolId],
        deadline: new Date(Date.now() + 8_000).toISOString(),
      },
    });
    expect(started.status).toBe(201);
    // The worker's clock (the stack's default, the last business moment) invites the school at
    // once at any hour, but then starts it asleep until its first step by that clock; the
    // contact's draft wakes it (as any Update does), so that it sees its deadline pass.
    const until = Date.now() + 30_000;
    for (;;) {
      const draft = await app.stack.call(
        'PUT',
        `/api/accountability-cycles/${YEAR}/schools/${schoolId}/draft`,
        { token: contactToken, body: figures('20000,50') },
      );
      if (draft.status === 200) break;
      if (Date.now() > until) throw new Error(`the draft was not saved: ${draft.status}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await waitForStatus('late');

    const page = office;
    await page.goto(app.baseUrl + overviewPath);
    const panel = page.getByRole('region', { name: 'Late scholen herinneren' });
    expect(await textOf(panel)).toContain('Eén school is te laat.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-remind-late');
    const requestId = await panel.locator('input[name="requestId"]').inputValue();
    const csrf = await panel.locator('input[name="_csrf"]').inputValue();

    const asked = dialogs.length;
    await panel.getByRole('button', { name: 'Herinner alle late scholen' }).click();
    await page.waitForURL(`**${overviewPath}?reminded=*`);
    expect(dialogs[asked]).toBe('Eén late school nu een herinnering sturen?');
    expect(await textOf(page.getByRole('status').first())).toContain(
      'Eén late school krijgt een herinnering.',
    );

    // The same form sent again (a double click): no second reminder.
    const again = await page.request.post(`${app.baseUrl}${overviewPath}/remind-late`, {
      form: { requestId, _csrf: csrf },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    expect(again.headers()['location']).toContain('reminded=0&already=1&skipped=0');

    const calendar = schoolCalendar('noord');
    const officeHours =
      nextBusinessMoment(new Date(), DEFAULT_BUSINESS_HOURS, calendar).getTime() <= Date.now();
    remindedInOfficeHours = officeHours;
    const keys = async (): Promise<string[]> =>
      (
        (await app.stack.ds.query(
          `SELECT idempotency_key AS key FROM outbox_message WHERE idempotency_key LIKE '%:remind-now-%'`,
        )) as { key: string }[]
      ).map((r) => r.key);
    if (officeHours) {
      // In office hours the contacts are reminded at once, each once.
      await app.stack.smtp.waitFor(() =>
        app.stack.smtp.to(CONTACT).some((m) => /te laat|herinnering/i.test(m.subject)),
      );
      const until = Date.now() + 20_000;
      while ((await keys()).length === 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
      }
      const sent = await keys();
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((k) => k.includes(':remind-now-1:'))).toBe(true);
      expect(new Set(sent).size).toBe(sent.length);
    } else {
      // Outside office hours the reminder waits for the school's next working moment.
      expect(await keys()).toEqual([]);
    }
  });

  it('the school’s page lists the mails about it: invitation, the secretariat’s reminder, with recipient and status', async () => {
    const page = office;
    await page.goto(app.baseUrl + schoolPath());
    const history = page.getByRole('region', { name: 'Herinneringen en meldingen' }).first();
    const text = await textOf(history);
    expect(text).toContain('Datum Wat Aan Status');
    // The invitation the fan-out sent (in business hours by the worker's clock) to the contact.
    const invited = page.locator('tr[data-step="invitation"]');
    expect(await invited.count()).toBe(1);
    expect(await textOf(invited)).toContain('Uitnodiging');
    const reminded = page.locator('tr[data-step="remind"]');
    if (!remindedInOfficeHours) {
      // Outside office hours the secretariat's reminder waits for the school's next working moment.
      expect(await reminded.count()).toBe(0);
    } else {
      // And the secretariat's reminder.
      expect(await reminded.count()).toBe(1);
      expect(await textOf(reminded)).toContain('Herinnering door het secretariaat');
      expect(await textOf(reminded)).toMatch(/Verzonden|Wacht op verzending/);
      expect(await textOf(reminded)).not.toContain('Onbekende ontvanger');
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-mail-history');
  });

  it('the school answers the secretariat’s comments; the secretariat answers back', async () => {
    const submitted = await app.stack.call(
      'POST',
      `/api/accountability-cycles/${YEAR}/schools/${schoolId}/submissions`,
      { token: contactToken, body: figures('20000,50') },
    );
    expect(submitted.status).toBe(201);
    await waitForStatus('submitted');
    const returned = await app.stack.call(
      'POST',
      `/api/accountability-cycles/${YEAR}/schools/${schoolId}/review`,
      { token: secretariatToken, body: { decision: 'return', comments: COMMENT, version: 1 } },
    );
    expect(returned.status).toBe(200);
    await waitForStatus('returned');

    const page = school;
    await page.goto(app.baseUrl + formPath);
    await reloadUntil(page, async () => (await status(page)).includes('Teruggestuurd'));
    const thread = page.getByRole('region', { name: 'Gesprek over de verantwoording' });
    // An empty reply is refused next to its field.
    await thread.getByRole('button', { name: 'Reactie plaatsen' }).click();
    const reply = page.getByLabel('Uw reactie');
    await expect(reply.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await textOf(page.locator('#field-comment-error'))).toContain('Schrijf uw reactie');
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    expect(await axeViolations(page)).toEqual([]);

    await reply.fill(REPLY);
    await page.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await page.waitForURL(`**${formPath}?replied=1*`);
    expect(await textOf(page.getByRole('status').first())).toContain('Uw reactie is geplaatst.');
    expect(await textOf(thread)).toContain(`Reactie van de school`);
    expect(await textOf(thread.locator('.thread-body').last())).toBe(REPLY);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-thread-school');

    // The secretariat member who wrote the comments is told by mail, without the reply's text;
    // the link opens the conversation on the school's page of the office.
    const notice = (to: string) =>
      app.stack.smtp.to(to).filter((m) => m.subject.includes('nieuwe reactie – Stadsring College'));
    await app.stack.smtp.waitFor(() => notice(SECRETARIAT).length === 1);
    const toOffice = notice(SECRETARIAT)[0]!;
    expect(toOffice.subject).toBe(
      `[Samenwerkingsverband VO Stadsring] Verantwoording ${YEAR}: nieuwe reactie – Stadsring College`,
    );
    expect(toOffice.text).toContain(
      `Stadsring College heeft gereageerd in het gesprek over de verantwoording ${YEAR}.`,
    );
    expect(toOffice.text).toContain(`Gesprek openen: http://jaarcyclus.test${schoolPath()}#thread`);
    expect(toOffice.text).not.toContain(REPLY);
    expect(notice(CONTACT)).toHaveLength(0);

    const o = office;
    // The overview marks the school whose reply waits for the secretariat.
    await o.goto(app.baseUrl + overviewPath);
    const row = o
      .getByRole('region', { name: 'Scholen en hun verantwoording' })
      .locator('tbody tr', { hasText: 'Stadsring College' });
    expect(await textOf(row)).toContain('Nieuwe reactie van de school');
    await o.goto(app.baseUrl + schoolPath());
    const officeThread = o.getByRole('region', { name: 'Gesprek over de verantwoording' });
    expect(await textOf(officeThread)).toContain(REPLY);
    await o
      .getByLabel('Uw reactie')
      .fill('Dank u, dat is duidelijk. Wilt u dat ook in de bijlage zetten?');
    await officeThread.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await o.waitForURL('**?done=replied*');
    expect(await textOf(officeThread)).toContain('Reactie van het secretariaat');
    expect(await axeViolations(o)).toEqual([]);
    // The school's contact is told of the answer, with a link to its own page.
    await app.stack.smtp.waitFor(() => notice(CONTACT).length === 1);
    const toSchool = notice(CONTACT)[0]!;
    expect(toSchool.text).toContain(
      `Het secretariaat heeft gereageerd in het gesprek over de verantwoording ${YEAR} van Stadsring College.`,
    );
    expect(toSchool.text).toContain(`Gesprek openen: http://jaarcyclus.test${formPath}#thread`);
    expect(toSchool.text).not.toContain('Wilt u dat ook in de bijlage zetten?');
    expect(notice(SECRETARIAT)).toHaveLength(1);
    // The link opens the conversation for the contact, with the answer in it.
    await school.goto(app.local(/Gesprek openen: (\S+)/.exec(toSchool.text)![1]!));
    expect(
      await textOf(school.getByRole('region', { name: 'Gesprek over de verantwoording' })),
    ).toContain('Wilt u dat ook in de bijlage zetten?');
    // Answered: the mark is gone.
    await o.goto(app.baseUrl + overviewPath);
    expect(await textOf(row)).not.toContain('Nieuwe reactie van de school');

    // Another SWV's secretariat neither reads nor posts in this conversation: 404.
    const other = await app.signedInPage(DEMO_EMAILS.rijnoever.secretariat);
    const seen = await other.goto(app.baseUrl + schoolPath());
    expect(seen?.status()).toBe(404);
    await other.goto(`${app.baseUrl}/app/cycles/accountability/new`);
    const otherCsrf = await other.locator('input[name="_csrf"]').first().inputValue();
    const forged = await other.request.post(`${app.baseUrl}${schoolPath()}/reply`, {
      form: { comment: 'Niet van u', _csrf: otherCsrf },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(404);
    await other.context().close();
    const count = (await app.stack.ds.query(
      `SELECT count(*)::int AS n FROM accountability_comment WHERE school_id = $1`,
      [schoolId],
    )) as { n: number }[];
    expect(count[0]!.n).toBe(2);
  });

  it('the secretariat sees what changed in version 2, and the CSV has received and spent', async () => {
    const resubmitted = await app.stack.call(
      'POST',
      `/api/accountability-cycles/${YEAR}/schools/${schoolId}/submissions`,
      { token: contactToken, body: figures('25.000,00') },
    );
    expect(resubmitted.status).toBe(201);
    await waitForStatus('submitted');

    const page = office;
    await page.goto(app.baseUrl + schoolPath());
    const diff = page.getByRole('region', { name: 'Wat is veranderd in versie 2' }).first();
    const rows = diff.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await textOf(rows.first())).toBe('Uitgaven: Materiële kosten € 20.000,50 € 25.000,00');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-version-diff');
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.setViewportSize({ width: 1366, height: 768 });

    const csv = await page.request.get(
      `${app.baseUrl}/api/accountability-cycles/${YEAR}/overview.csv`,
    );
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'School;Bestuur;Status;Dagen te laat;Ingediend op;Ontvangen (EUR);Uitgegeven (EUR);Korting (EUR);Reden vrijstelling',
    );
    // Received: fixed amount (58.000) + the reported variable amount (120.000); spent: 175.000.
    expect(lines.find((l) => l.startsWith('Stadsring College;'))).toMatch(
      /;178000,00;175000,00;;$/,
    );
  });
});
