import { addBusinessDays, amsterdamDate, amsterdamInstant } from '@jaarcyclus/domain';
import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { Locator, Page } from 'playwright-core';
import {
  axeViolations,
  reloadUntil,
  screenshot,
  startBrowserStack,
  type BrowserStack,
} from './stack-browser';

const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;
const DIRECTOR = DEMO_EMAILS.stadsring.director;

jest.setTimeout(120_000);

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * After a rejection the secretariat uploads a revised version (a new round for every body);
 * once ALV and RvT approved and the OPR consented, the directeur-bestuurder adopts from the task.
 * Members' votes that are not under test here go through the JSON api.
 */
describe('web app: rejection, revised version and adoption of the budget', () => {
  let app: BrowserStack;
  let secretariat: Page;
  const budgetYear = Number(amsterdamDate(new Date()).slice(0, 4)) + 1;
  const cyclePath = `/app/cycles/budget/${budgetYear}`;
  const deadlineDate = addBusinessDays(amsterdamDate(new Date()), 15);
  const tokens = new Map<string, string>();

  const token = async (email: string): Promise<string> => {
    if (!tokens.has(email)) tokens.set(email, await app.token(email));
    return tokens.get(email)!;
  };
  const members = async (bodyKey: string): Promise<string[]> =>
    (
      (await app.stack.ds.query(
        `SELECT p.email FROM body_member m
           JOIN body b ON b.id = m.body_id
           JOIN person p ON p.id = m.person_id
           JOIN organisation o ON o.id = b.organisation_id
          WHERE o.slug = 'stadsring' AND b.key = $1
          ORDER BY p.name`,
        [bodyKey],
      )) as { email: string }[]
    ).map((r) => r.email);
  const status = async (): Promise<{
    phase: string;
    round: number;
    bodies: { status: string }[];
  }> =>
    (
      await app.stack.call('GET', `/api/budget-cycles/${budgetYear}`, {
        token: await token(SECRETARIAT),
      })
    ).body;
  const waitFor = async (
    check: (s: Awaited<ReturnType<typeof status>>) => boolean,
  ): Promise<void> => {
    const until = Date.now() + 20_000;
    while (!check(await status())) {
      if (Date.now() > until)
        throw new Error(`cycle never reached the state: ${JSON.stringify(await status())}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const vote = async (email: string, bodyKey: string, value: 'for' | 'against'): Promise<void> => {
    const res = await app.stack.call('POST', `/api/budget-cycles/${budgetYear}/votes`, {
      token: await token(email),
      body: { bodyKey, value },
    });
    if (res.status !== 200)
      throw new Error(`vote of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };

  beforeAll(async () => {
    app = await startBrowserStack();
    const started = await app.stack.call('POST', '/api/budget-cycles', {
      token: await token(SECRETARIAT),
      body: {
        budgetYear,
        proposal: { url: 'https://intranet.example/begroting-v1.pdf', versionLabel: 'Concept v1' },
        allocation: {
          amountPerPupilCents: 18_500,
          equityCents: 25_000_000,
          turnoverCents: 1_500_000_000,
        },
        voteDeadline: amsterdamInstant(deadlineDate, 17).toISOString(),
        lettersDate: amsterdamInstant(addBusinessDays(deadlineDate, 3), 9).toISOString(),
      },
    });
    if (started.status !== 201)
      throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
    await waitFor((s) => s.bodies.every((b) => b.status === 'open'));
    secretariat = await app.signedInPage(SECRETARIAT);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('offers a revised version after the RvT rejects, and opens round 2 with it', async () => {
    const [first, second] = await members('rvt');
    await vote(first!, 'rvt', 'against');
    await vote(second!, 'rvt', 'against');
    await waitFor((s) => s.phase === 'rejected_awaiting_revision');

    const page = secretariat;
    await page.goto(app.baseUrl + cyclePath);
    expect(await textOf(page.locator('dl.details').first())).toContain(
      'Afgewezen: wacht op een herziene versie',
    );
    expect(await textOf(page.getByRole('region', { name: /^Raad van Toezicht/ }))).toContain(
      'Afgekeurd',
    );
    expect(await textOf(page.getByRole('region', { name: /^Ondersteuningsplanraad/ }))).toContain(
      'Vervallen',
    );
    // Voting has ended, so the voting actions are gone; the revision form is there.
    await expect(page.getByRole('button', { name: 'Sluit ronde' }).count()).resolves.toBe(0);
    const revision = page.getByRole('region', { name: 'Herziene versie' });
    await expect(revision.getByLabel('Versie').inputValue()).resolves.toBe('Concept v2');
    expect(await axeViolations(page)).toEqual([]);

    // Neither a file nor a link: refused at the file field, which names both.
    await revision.getByRole('button', { name: 'Upload herziene versie' }).click();
    await expect(page.locator('#field-revisionFile-error').textContent()).resolves.toContain(
      'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
    );
    await expect(
      page.getByLabel('Bestand met het voorstel').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Bestand met het voorstel: Kies een bestand met het voorstel of vul de link naar het voorstel in.',
    );
    expect(await axeViolations(page)).toEqual([]);

    // A file and a link: refused, the file is kept; "Dit bestand niet gebruiken" drops it again.
    await page.getByLabel('Bestand met het voorstel').setInputFiles({
      name: 'begroting-v2.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004 herziene begroting'),
    });
    await page
      .getByLabel('Link naar het voorstel')
      .fill('https://intranet.example/begroting-v2.pdf');
    await page.getByRole('button', { name: 'Upload herziene versie' }).click();
    await expect(page.locator('#field-revisionFile-error').textContent()).resolves.toContain(
      'Geef een bestand óf een link, niet allebei.',
    );
    expect(await textOf(page.locator('.uploaded-document'))).toContain(
      'Geüpload bestand: begroting-v2.docx',
    );
    await expect(page.getByLabel('Link naar het voorstel').inputValue()).resolves.toBe(
      'https://intranet.example/begroting-v2.pdf',
    );
    expect(await axeViolations(page)).toEqual([]);
    // Dropping the file and emptying the link leaves no proposal: refused, nothing kept.
    await page.getByLabel('Dit bestand niet gebruiken').check();
    await page.getByLabel('Link naar het voorstel').fill('');
    await page.getByRole('button', { name: 'Upload herziene versie' }).click();
    await expect(page.locator('#field-revisionFile-error').textContent()).resolves.toContain(
      'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
    );
    await expect(page.locator('.uploaded-document').count()).resolves.toBe(0);
    // Another file it is.
    await page.getByLabel('Bestand met het voorstel').setInputFiles({
      name: 'begroting-v2-definitief.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004 herziene begroting, definitief'),
    });
    await page.getByRole('button', { name: 'Upload herziene versie' }).click();
    await page.waitForURL(`**${cyclePath}?done=revised`);
    expect(await textOf(page.getByRole('status').first())).toContain(
      'De herziene versie is ingediend.',
    );
    const summary = await textOf(page.locator('dl.details').first());
    expect(summary).toContain('Ronde 2');
    expect(summary).toContain('Concept v2');
    const uses = (await app.stack.ds.query(
      `SELECT id, filename, used_at FROM document WHERE filename LIKE 'begroting-v2%' ORDER BY filename`,
    )) as { id: string; filename: string; used_at: Date | null }[];
    expect(uses.map((d) => [d.filename, d.used_at !== null])).toEqual([
      // The revision uses the second file: recorded as used, so it is never removed as unused.
      ['begroting-v2-definitief.docx', true],
      // The dropped one is not used: removed after UNUSED_DOCUMENT_DAYS.
      ['begroting-v2.docx', false],
    ]);
    await expect(
      page
        .locator('dl.details')
        .first()
        .getByRole('link', { name: 'Open het voorstel' })
        .getAttribute('href'),
    ).resolves.toMatch(new RegExp(`/api/documents/${uses[0]!.id}$`));
    expect(await textOf(page.getByRole('region', { name: 'Verloop' }))).toContain(
      'Herziene versie ingediend door Ingrid Wolters; ronde 2 geopend',
    );
  });

  it('lets the directeur-bestuurder adopt from the adoption task once every body agreed', async () => {
    await waitFor((s) => s.round === 2 && s.bodies.every((b) => b.status === 'open'));
    // ALV: the three largest boards carry more than half of the 16,500 pupils.
    for (const email of [
      DEMO_EMAILS.stadsring.alvMember,
      'g.hoekstra@hunzeborg.example',
      'b.vos@sint-ludger.example',
    ]) {
      await vote(email, 'alv', 'for');
    }
    for (const email of (await members('rvt')).slice(0, 2)) await vote(email, 'rvt', 'for');
    for (const email of (await members('opr')).slice(0, 4)) await vote(email, 'opr', 'for');
    await waitFor((s) => s.phase === 'awaiting_adoption');

    // The secretariat sees the phase, but adopting is the director's alone.
    await secretariat.goto(app.baseUrl + cyclePath);
    expect(await textOf(secretariat.locator('dl.details').first())).toContain(
      'Wacht op vaststelling door de directeur-bestuurder',
    );
    await expect(secretariat.getByRole('button', { name: 'Vaststellen' }).count()).resolves.toBe(0);

    const page = await app.signedInPage(DIRECTOR);
    page.on('dialog', (dialog) => void dialog.accept());
    const task = page.getByRole('link', { name: `Begroting ${budgetYear} vaststellen` });
    await reloadUntil(page, async () => (await task.count()) > 0);
    await task.click();
    await page.getByRole('link', { name: 'Naar de begrotingscyclus om vast te stellen' }).click();
    await page.waitForURL(`**${cyclePath}#vaststellen`);
    const adopt = page.getByRole('region', { name: 'Vaststellen' });
    expect(await textOf(adopt)).toContain(
      'ALV en RvT hebben goedgekeurd en de OPR heeft ingestemd.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'cycle-awaiting-adoption');

    await adopt.getByRole('button', { name: 'Vaststellen' }).click();
    await page.waitForURL(`**${cyclePath}?done=adopted`);
    expect(await textOf(page.getByRole('status').first())).toContain(
      'De begroting is vastgesteld.',
    );
    expect(await textOf(page.locator('dl.details').first())).toContain(
      'Vastgesteld: toekenningsbrieven gepland',
    );
    expect(await textOf(page.getByRole('region', { name: 'Verloop' }))).toContain(
      'Begroting vastgesteld door Hendrik Mulder',
    );
    await expect(page.getByRole('button', { name: 'Vaststellen' }).count()).resolves.toBe(0);

    // The adoption task is done.
    await page.goto(`${app.baseUrl}/app/tasks`);
    await reloadUntil(page, async () =>
      (await textOf(page.locator('section[aria-labelledby="done-tasks"]'))).includes(
        `Begroting ${budgetYear} vaststellen`,
      ),
    );
    await page.context().close();
  });
});
