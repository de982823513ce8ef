import { amsterdamParts } from '@jaarcyclus/domain';
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
 * The support-plan decision and the autumn ECT evaluation in a real browser, on the whole stack
 * (Temporal dev server, worker with the real activities, PostgreSQL, SMTP): the secretariat
 * starts each from its page (a mistake refused next to its field, the preview, the start), the
 * cycle and progress pages show them; the ECT member fills in the form beside the school's
 * accountability of the year before. Every page passes axe.
 */
jest.setTimeout(120_000);

const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;
const ECT = DEMO_EMAILS.stadsring.ectMember; // ECT member of Stadsring College

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

const field = (page: Page, name: string): Locator => page.locator(`#field-${name}`);

/** The evaluation's year: this year until 20 December, so a deadline on 22 December lies ahead. */
function evaluationYear(now = new Date()): number {
  const { date } = amsterdamParts(now);
  const year = Number(date.slice(0, 4));
  return date > `${year}-12-20` ? year + 1 : year;
}

describe('web app: the support-plan decision and the ECT evaluation', () => {
  let app: BrowserStack;
  let secretariat: Page;
  let ect: Page;
  const firstYear = new Date().getUTCFullYear() + 1;
  const period = `${firstYear}-${firstYear + 4}`;
  const year = evaluationYear();

  beforeAll(async () => {
    app = await startBrowserStack();
    [secretariat, ect] = await Promise.all([
      app.signedInPage(SECRETARIAT),
      app.signedInPage(ECT, { width: 390, height: 844 }),
    ]);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('the secretariat puts the support plan to the SWV’s own bodies: form, refusal, preview, cycle page', async () => {
    const page = secretariat;
    await page.goto(`${app.baseUrl}/app/cycles`);
    await page.getByRole('link', { name: 'Ondersteuningsplan ter besluitvorming' }).click();
    await page.waitForURL('**/app/cycles/support-plan/new');
    // The bodies come from the SWV's configuration, every one ticked.
    const boxes = page.locator('input[name="bodyKeys"]');
    await expect(boxes.count()).resolves.toBe(3);
    expect(await textOf(page.locator('fieldset'))).toContain('Ondersteuningsplanraad');
    expect(await axeViolations(page)).toEqual([]);

    // A plan without a version is refused next to its field, with what was typed kept.
    await field(page, 'firstYear').fill(String(firstYear));
    await field(page, 'url').fill('https://docs.example/ondersteuningsplan.pdf');
    await page.getByRole('button', { name: 'Bekijk de planning' }).click();
    expect(await textOf(page.locator('#field-versionLabel-error'))).not.toBe('');
    await expect(field(page, 'url').inputValue()).resolves.toBe(
      'https://docs.example/ondersteuningsplan.pdf',
    );
    expect(await axeViolations(page)).toEqual([]);

    await field(page, 'versionLabel').fill('Concept 1');
    await page.getByRole('button', { name: 'Bekijk de planning' }).click();
    await page.getByRole('heading', { name: 'Planning van het ondersteuningsplan' }).waitFor();
    expect(await textOf(page.locator('main'))).toContain('Het plan gaat in');
    // Which calendar its dates follow: the bodies' and the office's working days.
    expect(await textOf(page.locator('main'))).toContain(
      'Werkdagen van het bureau en de bestuursleden',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'support-plan-preview');

    await page.getByRole('button', { name: 'Start de besluitvorming' }).click();
    await page.waitForURL(`**/app/cycles/support-plan/${period}?done=started`);
    await reloadUntil(page, async () =>
      (await textOf(page.locator('main'))).includes('Ondersteuningsplanraad'),
    );
    expect(await textOf(page.locator('main'))).toContain('Organen besluiten');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'support-plan-cycle');

    // It is listed on the cycles page.
    await page.goto(`${app.baseUrl}/app/cycles`);
    const row = page.getByRole('region', { name: 'Ondersteuningsplan' }).locator('tbody tr');
    await expect(row.count()).resolves.toBe(1);

    // An OPR member votes on the plan with the budget's vote task, from "Mijn taken".
    const member = await app.signedInPage(DEMO_EMAILS.stadsring.oprMember);
    await reloadUntil(
      member,
      async () => (await member.getByRole('link', { name: /Ondersteuningsplan/ }).count()) > 0,
    );
    await member
      .getByRole('link', { name: /Ondersteuningsplan/ })
      .first()
      .click();
    await member.getByRole('radio', { name: 'Voor' }).check();
    await member.getByRole('button', { name: 'Verder naar controleren' }).click();
    await member.getByRole('button', { name: 'Stem versturen' }).click();
    await member.waitForURL('**?voted=1');
    expect(await textOf(member.getByRole('status').first())).toContain('Uw stem is ontvangen.');
    expect(await axeViolations(member)).toEqual([]);
    await member.context().close();
    // The RvT's chair reaches the plan's cycle page from their own vote task, as for the budget;
    // another RvT member may not read it (403).
    const rvt = async () =>
      (await app.stack.ds.query(
        `SELECT p.email, t.id AS task FROM body_member m JOIN body b ON b.id = m.body_id
           JOIN person p ON p.id = m.person_id JOIN organisation o ON o.id = b.organisation_id
           LEFT JOIN task t ON t.person_id = p.id AND t.kind = 'vote' AND t.workflow_id LIKE $1
          WHERE o.slug = 'stadsring' AND b.key = 'rvt'
          ORDER BY (p.id = b.chair_person_id) DESC, p.email`,
        [`support-plan:%:${period}`],
      )) as { email: string; task: string | null }[];
    const [rvtChair, rvtMember] = await rvt();
    expect(rvtChair!.email).toBe(DEMO_EMAILS.stadsring.rvtChair);
    const chair = await app.signedInPage(rvtChair!.email);
    const chairLink = chair.getByRole('link', { name: /^Als voorzitter van de Raad van Toezicht/ });
    await reloadUntil(chair, async () => {
      const task = (await rvt())[0]!.task;
      if (!task) return false;
      if (!chair.url().endsWith(task)) await chair.goto(`${app.baseUrl}/app/tasks/${task}`);
      return (await chairLink.count()) > 0;
    });
    await chairLink.click();
    await chair.waitForURL(`**/app/cycles/support-plan/${period}#body-rvt`);
    expect(await textOf(chair.getByRole('region', { name: /^Raad van Toezicht/ }))).toContain(
      'Raad van Toezicht',
    );
    expect(await chair.getByRole('button', { name: 'Sluit ronde' }).count()).toBe(0);
    expect(await axeViolations(chair)).toEqual([]);
    await chair.context().close();
    const other = await app.signedInPage(rvtMember!.email);
    const refused = await other.goto(`${app.baseUrl}/app/cycles/support-plan/${period}`);
    expect(refused?.status()).toBe(403);
    await other.context().close();

    // The secretariat's cycle page lists that the OPR member voted, but not how: the OPR's
    // consent is a secret vote by default (README, "Vote secrecy").
    const [{ name }] = (await app.stack.ds.query(`SELECT name FROM person WHERE email = $1`, [
      DEMO_EMAILS.stadsring.oprMember,
    ])) as [{ name: string }];
    await page.goto(`${app.baseUrl}/app/cycles/support-plan/${period}`);
    const main = await textOf(page.locator('main'));
    expect(main).toContain(`${name}: stem niet zichtbaar`);
    expect(main).not.toContain(`${name}: voor`);
  });

  it('the secretariat starts the ECT evaluation; the ECT member fills in the form; the progress shows it', async () => {
    const page = secretariat;
    await page.goto(`${app.baseUrl}/app/cycles/ect-evaluation/new`);
    expect(await axeViolations(page)).toEqual([]);
    await field(page, 'year').fill(String(year));
    await field(page, 'deadline').fill(`${year + 1}-04-01T17:00`);
    await page.getByRole('button', { name: 'Bekijk de planning' }).click();
    // A spring deadline is refused: the evaluation is in the autumn.
    expect(await textOf(page.locator('.error-summary'))).toContain('oktober');
    await field(page, 'deadline').fill(`${year}-12-22T17:00`);
    await page.getByRole('button', { name: 'Bekijk de planning' }).click();
    await page.getByRole('heading', { name: `Planning evaluatie ECT ${year}` }).waitFor();
    expect(await textOf(page.locator('main'))).toContain('Stadsring College');
    expect(await textOf(page.locator('main'))).toContain('kantoorrooster');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start de evaluatie' }).click();
    await page.waitForURL(`**/app/cycles/ect-evaluation/${year}?done=started`);
    await reloadUntil(page, async () =>
      (await textOf(page.locator('main'))).includes('Stadsring College'),
    );
    expect(await axeViolations(page)).toEqual([]);

    // The ECT member's form for Stadsring College, beside last year's accountability.
    const [school] = (await app.stack.ds.query(
      `SELECT id FROM school WHERE name = 'Stadsring College'`,
    )) as { id: string }[];
    const formPath = `/app/ect-evaluations/${year}/schools/${school!.id}`;
    await ect.goto(app.baseUrl + formPath);
    expect(await textOf(ect.locator('h1'))).toBe(`Evaluatie ${year}: Stadsring College`);
    expect(await textOf(ect.locator('aside'))).toContain(`Verantwoording ${year - 1}`);
    await field(ect, 'agreements').fill('Twee extra consultaties per periode.');
    await ect.getByRole('button', { name: 'Evaluatie indienen' }).click();
    expect(await textOf(ect.locator('#field-findings-error'))).toBe('Vul dit veld in.');
    await expect(field(ect, 'agreements').inputValue()).resolves.toBe(
      'Twee extra consultaties per periode.',
    );
    expect(await axeViolations(ect)).toEqual([]);
    expect(await hasHorizontalScroll(ect)).toBe(false);
    await field(ect, 'findings').fill('Het ondersteuningsteam werkt goed samen met de mentoren.');
    await ect.getByRole('button', { name: 'Evaluatie indienen' }).click();
    await ect.waitForURL(`**${formPath}?done=submitted`);
    expect(await textOf(ect.locator('main'))).toContain('De evaluatie is ingediend');
    expect(await textOf(ect.locator('main'))).toContain('Twee extra consultaties per periode.');
    expect(await axeViolations(ect)).toEqual([]);
    await screenshot(ect, 'ect-evaluation-form');

    await page.reload();
    const row = page.locator('tbody tr', { hasText: 'Stadsring College' });
    expect(await textOf(row)).toContain('Ingediend');
    await screenshot(page, 'ect-evaluation-progress');
  });
});
