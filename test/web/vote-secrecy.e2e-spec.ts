import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import type { Locator, Page } from 'playwright-core';
import {
  axeViolations,
  hasHorizontalScroll,
  reloadUntil,
  startBrowserStack,
  type BrowserStack,
} from './stack-browser';

jest.setTimeout(180_000);

/** Text as a reader sees it: whitespace of the markup collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Issue 14 item 6 and issue 16 (the vote comment): vote secrecy as a rule of the body, on the
 * cycle page of the secretariat, the directeur-bestuurder and a body's chair. Stadsring's bodies
 * keep their defaults (ALV and RvT: totals after closing; OPR: secret) until the secretariat
 * makes the RvT an open vote under Beheer.
 */
describe('web app: who sees which votes and comments', () => {
  let app: BrowserStack;
  const YEAR = 2028;
  const cyclePath = `/app/cycles/budget/${YEAR}`;
  let opr: string[];
  let rvt: string[];
  let rvtId: string;
  const COMMENTS = {
    oprAgainst: 'Ouders missen een paragraaf over thuiszitters.',
    oprFor: 'Goed dat de reserve wordt aangevuld.',
    rvtChair: 'Akkoord, mits de reserve in 2029 op peil is.',
    rvtMember: 'Te krap begroot voor de ondersteuning in het vso.',
  };

  async function emails(bodyKey: string): Promise<string[]> {
    const rows = (await app.stack.ds.query(
      `SELECT p.email FROM body_member m JOIN body b ON b.id = m.body_id JOIN person p ON p.id = m.person_id
        JOIN organisation o ON o.id = b.organisation_id
       WHERE o.slug = 'stadsring' AND b.key = $1 ORDER BY (p.id = b.chair_person_id) DESC, p.email`,
      [bodyKey],
    )) as { email: string }[];
    return rows.map((r) => r.email);
  }

  /** Votes over the api (not under test here), once the round has opened. */
  async function vote(email: string, bodyKey: string, value: string, comment?: string) {
    const token = await app.token(email);
    const until = Date.now() + 60_000;
    for (;;) {
      const res = await app.stack.call('POST', `/api/budget-cycles/${YEAR}/votes`, {
        token,
        body: { bodyKey, value, ...(comment ? { comment } : {}) },
      });
      if (res.status === 200) return res.body as { status: string; tally: unknown };
      if (res.status !== 409 || Date.now() > until)
        throw new Error(`vote answered ${res.status}: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  const card = (page: Page, name: string) =>
    page.getByRole('region', { name: new RegExp(`^${name}`) });

  beforeAll(async () => {
    app = await startBrowserStack();
    opr = await emails('opr');
    rvt = await emails('rvt');
    expect(rvt[0]).toBe(DEMO_EMAILS.stadsring.rvtChair);
    const [body] = (await app.stack.ds.query(
      `SELECT b.id FROM body b JOIN organisation o ON o.id = b.organisation_id
        WHERE o.slug = 'stadsring' AND b.key = 'rvt'`,
    )) as { id: string }[];
    rvtId = body!.id;
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('the secretariat makes the RvT an open vote under Beheer, then starts the budget cycle', async () => {
    const page = await app.signedInPage(DEMO_EMAILS.stadsring.secretariat, {
      width: 1366,
      height: 768,
    });
    await page.goto(`${app.baseUrl}/app/admin/bodies/${rvtId}`);
    expect(await textOf(page.getByTestId('vote-secrecy'))).toBe(
      'Totalen pas na sluiting (standaard voor deze soort besluit)',
    );
    const select = page.getByLabel('Stemgeheim');
    expect((await select.locator('option').allTextContents()).map((o) => o.trim())).toEqual([
      'Standaard voor deze soort besluit (Totalen pas na sluiting)',
      'Open stemming',
      'Totalen pas na sluiting',
      'Geheime stemming',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await select.selectOption({ label: 'Open stemming' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(`**/app/admin/bodies/${rvtId}**`);
    expect(await textOf(page.getByTestId('vote-secrecy'))).toBe('Open stemming');

    await page.context().close();

    const secretariat = await app.token(DEMO_EMAILS.stadsring.secretariat);
    const start = await app.stack.call('POST', '/api/budget-cycles', {
      token: secretariat,
      body: {
        budgetYear: YEAR,
        proposal: { url: 'https://docs.example/begroting-2028.pdf', versionLabel: 'Concept v1' },
        allocation: {
          amountPerPupilCents: 18_550,
          equityCents: 25_000_000,
          turnoverCents: 1_000_000_000,
        },
      },
    });
    expect(start.status).toBe(201);
    // The answer to a sealed vote does not carry the live count either.
    const answer = await vote(opr[1]!, 'opr', 'against', COMMENTS.oprAgainst);
    expect(answer.tally).toBeNull();
    await vote(rvt[0]!, 'rvt', 'for', COMMENTS.rvtChair);
    await vote(rvt[1]!, 'rvt', 'against', COMMENTS.rvtMember);
    // Loosening the OPR's rule now does not reveal the round it already votes in.
    const [oprBody] = (await app.stack.ds.query(
      `SELECT b.id FROM body b JOIN organisation o ON o.id = b.organisation_id
        WHERE o.slug = 'stadsring' AND b.key = 'opr'`,
    )) as { id: string }[];
    const loosened = await app.stack.call('PATCH', `/api/bodies/${oprBody!.id}`, {
      token: secretariat,
      body: { voteSecrecy: 'open' },
    });
    expect(loosened.status).toBe(200);
  });

  it('while the OPR votes on the budget, the director sees who voted, never how, and no totals or comments', async () => {
    const page = await app.signedInPage(DEMO_EMAILS.stadsring.director, {
      width: 1366,
      height: 768,
    });
    await page.goto(`${app.baseUrl}${cyclePath}`);
    const oprCard = card(page, 'Ondersteuningsplanraad');
    await reloadUntil(page, async () =>
      /1 van \d+ leden heeft gestemd/.test(await textOf(oprCard)),
    );
    const text = await textOf(oprCard);
    expect(text).toContain('Stemgeheim Geheime stemming');
    expect(text).toContain(
      'Geheime stemming: hoe er is gestemd, blijft verborgen tot de stemming sluit, ook voor het secretariaat en de directeur-bestuurder.',
    );
    expect(text).toContain('stem niet zichtbaar');
    expect(text).toContain('Geheime stemming: wie wat stemde, wordt nooit getoond.');
    expect(await oprCard.locator('table.tally').count()).toBe(0);
    // No OPR comment anywhere on the page; the history says who voted in the OPR, not how.
    const all = await textOf(page.locator('main'));
    expect(all).not.toContain(COMMENTS.oprAgainst);
    expect(all).toContain('(Ondersteuningsplanraad) heeft gestemd');
    expect(all).not.toMatch(/\(Ondersteuningsplanraad\) stemde/);
    // The RvT votes openly: the director reads its votes and comments by name.
    const rvtCard = card(page, 'Raad van Toezicht');
    expect(await rvtCard.locator('table.tally').count()).toBe(1);
    expect(await textOf(rvtCard.getByRole('region', { name: /^Toelichtingen/ }))).toContain(
      COMMENTS.rvtMember,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the secretariat reads the open RvT’s votes and comments by name, and nothing of the secret OPR', async () => {
    const page = await app.signedInPage(DEMO_EMAILS.stadsring.secretariat, {
      width: 1366,
      height: 768,
    });
    await page.goto(`${app.baseUrl}${cyclePath}`);
    const rvtCard = card(page, 'Raad van Toezicht');
    expect(await rvtCard.locator('table.tally').count()).toBe(1);
    const comments = rvtCard.getByRole('region', { name: /^Toelichtingen/ });
    const rvtText = await textOf(comments);
    expect(rvtText).toContain(COMMENTS.rvtChair);
    expect(rvtText).toContain(COMMENTS.rvtMember);
    expect(rvtText).toContain('(tegen)');
    // The OPR stays secret: no comments region, no names with votes.
    const oprCard = card(page, 'Ondersteuningsplanraad');
    expect(await oprCard.getByRole('region', { name: /^Toelichtingen/ }).count()).toBe(0);
    expect(await textOf(oprCard)).not.toContain(COMMENTS.oprAgainst);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the RvT chair reaches the cycle page from the vote task and reads the comments by name; a member cannot', async () => {
    const chair = await app.signedInPage(rvt[0]!, { width: 360, height: 740 });
    const [task] = (await app.stack.ds.query(
      `SELECT t.id FROM task t JOIN person p ON p.id = t.person_id
        WHERE p.email = $1 AND t.kind = 'vote' AND t.workflow_id LIKE $2`,
      [rvt[0], `budget:%:${YEAR}`],
    )) as { id: string }[];
    await chair.goto(`${app.baseUrl}/app/tasks/${task!.id}`);
    await chair
      .getByRole('link', {
        name: 'Als voorzitter van de Raad van Toezicht: bekijk de stemming en de toelichtingen van de leden',
      })
      .click();
    await chair.waitForURL(`**${cyclePath}#body-rvt`);
    const rvtCard = card(chair, 'Raad van Toezicht');
    const comments = await textOf(rvtCard.getByRole('region', { name: /^Toelichtingen/ }));
    expect(comments).toContain(COMMENTS.rvtChair);
    expect(comments).toContain(COMMENTS.rvtMember);
    // The chair of the RvT is no reader of the OPR's votes, nor does the chair manage the cycle.
    expect(await textOf(chair.locator('main'))).not.toContain(COMMENTS.oprAgainst);
    expect(await chair.getByRole('button', { name: 'Sluit ronde' }).count()).toBe(0);
    expect(await axeViolations(chair)).toEqual([]);
    expect(await hasHorizontalScroll(chair)).toBe(false);
    await chair.context().close();

    const member = await app.signedInPage(rvt[1]!);
    const res = await member.goto(`${app.baseUrl}${cyclePath}`);
    expect(res?.status()).toBe(403);
    expect(await textOf(member.locator('main'))).not.toContain(COMMENTS.rvtChair);
    await member.context().close();
  });

  it('once the OPR has decided: totals for all; comments without names for the secretariat and the OPR chair, none for the director', async () => {
    // For, until the OPR has decided (a majority of all its members).
    for (const email of opr.slice(2)) {
      if ((await vote(email, 'opr', 'for', COMMENTS.oprFor)).status === 'approved') break;
    }
    const office = await app.signedInPage(DEMO_EMAILS.stadsring.secretariat);
    await office.goto(`${app.baseUrl}${cyclePath}`);
    const oprCard = card(office, 'Ondersteuningsplanraad');
    await reloadUntil(office, async () => (await oprCard.locator('table.tally').count()) === 1);
    const comments = oprCard.getByRole('region', { name: /^Toelichtingen/ });
    const text = await textOf(comments);
    expect(text).toContain('Zonder naam en op alfabet: dit orgaan stemt geheim.');
    expect(text).toContain(COMMENTS.oprAgainst);
    expect(text).toContain('Stem: tegen');
    // No name of an OPR member in the comments, and still no vote by name on the card.
    const names = (await app.stack.ds.query(
      `SELECT name FROM person WHERE email = ANY($1::text[])`,
      [opr],
    )) as { name: string }[];
    for (const { name } of names) expect(text).not.toContain(name);
    expect(await textOf(oprCard.getByTestId('voted-opr'))).not.toMatch(/: (voor|tegen)/);
    expect(await axeViolations(office)).toEqual([]);
    await office.context().close();

    const director = await app.signedInPage(DEMO_EMAILS.stadsring.director);
    await director.goto(`${app.baseUrl}${cyclePath}`);
    const seen = card(director, 'Ondersteuningsplanraad');
    expect(await seen.locator('table.tally').count()).toBe(1);
    expect(await seen.getByRole('region', { name: /^Toelichtingen/ }).count()).toBe(0);
    expect(await textOf(director.locator('main'))).not.toContain(COMMENTS.oprAgainst);
    await director.context().close();

    // The OPR's chair reads them as the secretariat does.
    const oprChair = await app.signedInPage(opr[0]!);
    await oprChair.goto(`${app.baseUrl}${cyclePath}`);
    expect(
      await textOf(
        card(oprChair, 'Ondersteuningsplanraad').getByRole('region', { name: /^Toelichtingen/ }),
      ),
    ).toContain(COMMENTS.oprAgainst);
    await oprChair.context().close();
  });
});
