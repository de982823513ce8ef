import { PayloadKeyRing } from '@jaarcyclus/config';
import {
  DEMO_EMAILS,
  DEMO_PARENT_EMAIL,
  FieldCipher,
  TransitionRepository,
  seedDemoTransition,
} from '@jaarcyclus/persistence';
import { axeViolations, screenshot, startWeb, type WebHarness } from './web-harness';

const ADMIN = DEMO_EMAILS.stadsring.secretariat; // secretariat and admin of Stadsring
const DIRECTOR = DEMO_EMAILS.stadsring.director; // may read, not change
const SCHOOL_CONTACT = DEMO_EMAILS.stadsring.schoolContact;

jest.setTimeout(90_000);

/**
 * The SWV's administration of its schakeltrajecten in the browser: the settings under "Beheer"
 * (and through the JSON api), and a case's access log for the privacy officer (FG).
 */
describe('web app: schakeltraject settings and access log', () => {
  let web: WebHarness;
  const stored = async (): Promise<unknown> =>
    (
      (await web.ds.query(`SELECT settings FROM organisation WHERE slug = 'stadsring'`)) as {
        settings: Record<string, unknown>;
      }[]
    )[0]!.settings.transition;

  beforeAll(async () => {
    web = await startWeb();
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  it('an administrator sets the due days, OPP weeks, stall days and retention; a wrong value is refused next to its field in Dutch', async () => {
    const page = await web.signedInPage(ADMIN);
    await page.goto(`${web.baseUrl}/app/admin`);
    await page.getByRole('link', { name: 'Instellingen van de schakeltrajecten' }).click();
    await page.waitForURL('**/app/admin/transitions');
    await expect(page.locator('h1').textContent()).resolves.toBe('Instellingen schakeltrajecten');
    await expect(page.getByText('Nu gelden de standaardinstellingen.').isVisible()).resolves.toBe(
      true,
    );
    const decision = page.getByLabel('Besluit');
    const weeks = page.getByLabel('Evaluatie van het OPP in de uitvoering, elke … weken');
    const retention = page.getByLabel('Bewaartermijn na afsluiten (maanden)');
    await expect(decision.inputValue()).resolves.toBe('10');
    await expect(weeks.inputValue()).resolves.toBe('10');
    await expect(retention.inputValue()).resolves.toBe('24');
    expect(await axeViolations(page)).toEqual([]);

    await decision.fill('15');
    await weeks.fill('60');
    await retention.fill('twee jaar');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.title()).resolves.toMatch(/^Fout: /);
    await expect(weeks.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#field-evaluationWeeks-error').innerText()).resolves.toBe(
      'Kies een geheel getal van 1 tot en met 52.',
    );
    await expect(page.locator('#field-retentionMonths-error').innerText()).resolves.toBe(
      'Kies een geheel getal van 1 tot en met 120.',
    );
    await expect(
      page
        .getByRole('alert')
        .getByRole('link', { name: /Bewaartermijn/ })
        .getAttribute('href'),
    ).resolves.toBe('#field-retentionMonths');
    // What was typed stays; nothing was stored.
    await expect(decision.inputValue()).resolves.toBe('15');
    await expect(retention.inputValue()).resolves.toBe('twee jaar');
    expect(await stored()).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'transition-settings-error');

    await weeks.fill('6');
    await retention.fill('36');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin/transitions?saved=1');
    await expect(page.getByRole('status').innerText()).resolves.toContain(
      'De instellingen van de schakeltrajecten zijn opgeslagen.',
    );
    await expect(decision.inputValue()).resolves.toBe('15');
    expect(await stored()).toEqual({
      phaseDueBusinessDays: { orientation: 30, consultation: 20, decision: 15, handover: 20 },
      evaluationWeeks: 6,
      stallBusinessDays: 10,
      escalationBusinessDays: 5,
      retentionMonths: 36,
      sendHour: 9,
    });
    await page.context().close();
  });

  it('fits a phone screen and works without JavaScript', async () => {
    const phone = await web.signedInPage(ADMIN, { width: 360, height: 740 });
    await phone.goto(`${web.baseUrl}/app/admin/transitions`);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(phone)).toEqual([]);
    const state = await phone.context().storageState();
    await phone.context().close();

    const plain = await web.browser.newContext({ javaScriptEnabled: false, storageState: state });
    const page = await plain.newPage();
    await page.goto(`${web.baseUrl}/app/admin/transitions`);
    await page.getByLabel('Overleg').fill('25');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/app/admin/transitions?saved=1');
    expect(await stored()).toMatchObject({ phaseDueBusinessDays: { consultation: 25 } });
    await plain.close();
  });

  it('is read-only for the director, closed to a school contact; the JSON api says the same', async () => {
    const director = await web.signedInPage(DIRECTOR);
    await director.goto(`${web.baseUrl}/app/admin/transitions`);
    await expect(director.locator('dl').innerText()).resolves.toMatch(/Besluit\s+15/);
    await expect(director.getByRole('button', { name: 'Opslaan' }).count()).resolves.toBe(0);
    await director.context().close();
    const contact = await web.signedInPage(SCHOOL_CONTACT);
    const closed = await contact.goto(`${web.baseUrl}/app/admin/transitions`);
    expect(closed?.status()).toBe(403);
    await contact.context().close();

    const call = async (token: string, method: string, body?: unknown) => {
      const res = await fetch(`${web.baseUrl}/api/transitions/settings`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const admin = await web.sessionToken(ADMIN);
    const read = await call(admin, 'GET');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      custom: true,
      settings: { decisionDays: 15, consultationDays: 25, evaluationWeeks: 6 },
      defaults: { decisionDays: 10, evaluationWeeks: 10, retentionMonths: 24 },
    });
    const settings = read.body.settings as Record<string, number>;
    const bad = await call(admin, 'PUT', { ...settings, stallBusinessDays: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('stallBusinessDays');
    const ok = await call(admin, 'PUT', { ...settings, stallBusinessDays: 8 });
    expect(ok.status).toBe(200);
    expect(await stored()).toMatchObject({
      stallBusinessDays: 8,
      phaseDueBusinessDays: { decision: 15 },
    });
    const other = await web.sessionToken(DEMO_EMAILS.rijnoever.secretariat);
    expect((await call(other, 'GET')).body).toMatchObject({ custom: false });
    const contactToken = await web.sessionToken(SCHOOL_CONTACT);
    expect((await call(contactToken, 'PUT', settings)).status).toBe(403);
  });
  it("the administrator opens a case's access log from the overview for the FG: who, what, when, never the pupil", async () => {
    const ring = PayloadKeyRing.generate('pd');
    const demo = (await seedDemoTransition(web.ds.manager, ring))!;
    const cases = new TransitionRepository(web.ds, new FieldCipher(ring));
    const parent = await web.personId(DEMO_PARENT_EMAIL);
    const pupil = (await cases.read(demo.organisationId, demo.caseId, parent))!.pupil!;
    await cases.read(demo.organisationId, demo.caseId, parent, 'export');

    for (const size of [
      { width: 1366, height: 768 },
      { width: 360, height: 740 },
    ]) {
      const page = await web.signedInPage(ADMIN, size);
      await page.goto(`${web.baseUrl}/app/transitions`);
      await page
        .getByRole('link', { name: 'Toegangslog van het traject van VSO De Klimop' })
        .click();
      await page.waitForURL(`**/app/transitions/${demo.caseId}/access-log`);
      await expect(page.locator('h1').textContent()).resolves.toBe(
        'Toegangslog van een schakeltraject',
      );
      const rows = await page.getByRole('row').allInnerTexts();
      expect(rows[1]).toMatch(/Marieke Jansen\s+AVG-export gedownload/);
      expect(rows[2]).toMatch(/Marieke Jansen\s+Traject bekeken/);
      expect((await page.content()).includes(pupil.name)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      if (size.width === 360) await screenshot(page, 'transition-access-log-phone');
      await page.context().close();
    }

    // The director reads the overview but not the log: 404, like everyone not allowed.
    const director = await web.signedInPage(DIRECTOR);
    const res = await director.goto(`${web.baseUrl}/app/transitions/${demo.caseId}/access-log`);
    expect(res?.status()).toBe(404);
    await expect(director.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Niet gevonden',
    );
    await director.context().close();
  });
});
