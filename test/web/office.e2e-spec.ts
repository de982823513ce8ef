import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import {
  type OfficeFixture,
  seedOfficeFixture,
} from '@jaarcyclus/api/office/testing/office-fixture';
import {
  axeViolations,
  get,
  hasHorizontalScroll,
  screenshot,
  startWeb,
  type WebHarness,
} from './web-harness';

const SECRETARIAT = DEMO_EMAILS.stadsring.secretariat;
const OTHER_SWV = DEMO_EMAILS.rijnoever.secretariat;
const MEMBER = DEMO_EMAILS.stadsring.alvMember;

jest.setTimeout(90_000);

/** RFC 5545 §3.1: a long line continues on the next one after CRLF and one space. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

/** The VEVENTs of a calendar as property maps (the first value of each name; VALARM kept apart). */
function events(ics: string): { props: Record<string, string>; alarm: Record<string, string> }[] {
  const out: { props: Record<string, string>; alarm: Record<string, string> }[] = [];
  let current: { props: Record<string, string>; alarm: Record<string, string> } | null = null;
  let inAlarm = false;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = { props: {}, alarm: {} };
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = null;
    } else if (line === 'BEGIN:VALARM') inAlarm = true;
    else if (line === 'END:VALARM') inAlarm = false;
    else if (current) {
      const i = line.indexOf(':');
      const target = inAlarm ? current.alarm : current.props;
      target[line.slice(0, i)] ??= line.slice(i + 1);
    }
  }
  return out;
}

describe('web app: the office’s overview and the year agenda (issue #16)', () => {
  let web: WebHarness;
  let fixture: OfficeFixture;

  beforeAll(async () => {
    web = await startWeb();
    fixture = await seedOfficeFixture((sql, params) => web.ds.query(sql, params));
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  for (const [width, height] of [
    [1366, 768],
    [360, 780],
  ] as const) {
    it(`lands the secretariat on the overview: what runs, what needs attention, the next dates (${width} px)`, async () => {
      const page = await web.signedInPage(SECRETARIAT, { width, height });
      await page.goto(`${web.baseUrl}/app`);
      await page.waitForURL('**/app/office');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Overzicht',
      );
      const attention = page.getByRole('region', { name: 'Vraagt vandaag uw aandacht' });
      const text = (await attention.textContent()) ?? '';
      expect(text).toContain(`${fixture.lateSchoolName}: verantwoording`);
      expect(text).toContain('10 dagen te laat');
      expect(text).toContain(
        'Algemene Ledenvergadering (Begroting', // no quorum three days before the deadline
      );
      expect(text).toContain('2 leden hebben niet gestemd');
      expect(text).toContain('Raad van Toezicht');
      expect(text).toContain('geëscaleerd naar voorzitter en secretariaat');
      expect(text).toContain('1 adres weigerde een e-mail definitief');
      expect(text).toContain('weg@school.example');
      expect(text).toMatch(/Indienen \(Verantwoording \d{4}\): 1 taak open/);
      expect(text).not.toContain('Rijnoever');

      const running = page.getByRole('region', { name: 'Wat loopt er' });
      await expect(running.textContent()).resolves.toMatch(/Stemming loopt/);
      await expect(running.textContent()).resolves.toMatch(/1 te laat/);
      const next = page.getByRole('region', { name: 'Eerstvolgende data' });
      await expect(next.textContent()).resolves.toMatch(/Deadline stemmen – Begroting \d{4}/);
      await expect(next.textContent()).resolves.toContain('2 van 2 open');
      await expect(next.textContent()).resolves.toMatch(/Toekenningsbrieven gaan uit/);

      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `office-home-${width}px`);
      await page.context().close();
    });
  }

  it('keeps a board member on their tasks, and the overview and agenda are not theirs (404)', async () => {
    const page = await web.signedInPage(MEMBER);
    await page.goto(`${web.baseUrl}/app`);
    await page.waitForURL('**/app/tasks');
    await expect(page.getByRole('link', { name: 'Overzicht' }).count()).resolves.toBe(0);
    for (const path of ['/app/office', '/app/agenda']) {
      const res = await page.goto(`${web.baseUrl}${path}`);
      expect([403, 404]).toContain(res?.status());
      await expect(page.locator('main').textContent()).resolves.not.toContain(
        'Algemene Ledenvergadering',
      );
    }
    await page.context().close();
  });

  it("shows another SWV's office only its own cycles", async () => {
    const page = await web.signedInPage(OTHER_SWV);
    await page.goto(`${web.baseUrl}/app/office`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Begroting Rijnoever');
    expect(main).not.toContain(fixture.lateSchoolName);
    expect(main).not.toContain('weg@school.example');
    await page.goto(`${web.baseUrl}/app/agenda`);
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/Verantwoording \d{4}/);
    await page.context().close();
  });

  for (const [width, height] of [
    [1366, 768],
    [360, 780],
  ] as const) {
    it(`lists every date of the SWV by month in Dutch (${width} px)`, async () => {
      const page = await web.signedInPage(SECRETARIAT, { width, height });
      await page.goto(`${web.baseUrl}/app/agenda`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Jaaragenda',
      );
      const months = await page.locator('main h2').allTextContents();
      // Month headings in Dutch, in time order, then the feed section.
      expect(
        months
          .slice(0, -1)
          .every((m) =>
            /^(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/.test(
              m,
            ),
          ),
      ).toBe(true);
      expect(months.at(-1)).toBe('Jaaragenda in uw eigen agenda');
      const rows = await page.locator('main tbody tr').allTextContents();
      expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
        expect.stringMatching(/Deadline indienen – Verantwoording \d{4} 1 van 1 open$/),
        expect.stringMatching(/Deadline stemmen – Begroting \d{4} 2 van 2 open$/),
        expect.stringMatching(/Toekenningsbrieven gaan uit – Begroting \d{4}$/),
      ]);
      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `office-agenda-${width}px`);
      await page.context().close();
    });
  }

  it('publishes the year agenda as a calendar feed with reminders, for the office only', async () => {
    const page = await web.signedInPage(SECRETARIAT);
    page.on('dialog', (dialog) => void dialog.accept());
    // The person's own feed first: the agenda's link must neither reuse nor replace it.
    await page.goto(`${web.baseUrl}/app/calendar`);
    await page.getByRole('button', { name: 'Agenda-link aanmaken' }).click();
    const personal = await page.getByRole('textbox', { name: 'Agenda-link' }).inputValue();
    await page.goto(`${web.baseUrl}/app/agenda`);
    await page.getByRole('button', { name: 'Agenda-link voor de jaaragenda aanmaken' }).click();
    const url = await page.getByRole('textbox', { name: 'Agenda-link jaaragenda' }).inputValue();
    expect(url).toMatch(new RegExp(`^${web.baseUrl}/agenda/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await page.getByRole('textbox').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // Each link opens its own feed only: neither token works on the other's path.
    const tokenOf = (u: string) => u.slice(u.lastIndexOf('/') + 1);
    expect(tokenOf(url)).not.toBe(tokenOf(personal));
    expect((await get(url.replace('/agenda/', '/calendar/'))).status).toBe(404);
    expect((await get(personal.replace('/calendar/', '/agenda/'))).status).toBe(404);

    const feed = await get(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = feed.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(unfold(ics)).toContain('X-WR-CALNAME:Jaaragenda Samenwerkingsverband VO Stadsring');
    const parsed = events(ics);
    expect(parsed.map((e) => e.props['SUMMARY'])).toEqual([
      expect.stringMatching(/^Deadline indienen – Verantwoording \d{4}$/),
      expect.stringMatching(/^Deadline stemmen – Begroting \d{4}$/),
      expect.stringMatching(/^Toekenningsbrieven gaan uit – Begroting \d{4}$/),
    ]);
    const vote = parsed[1]!;
    const utc = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    expect(vote.props['DTEND']).toBe(utc(fixture.voteDeadline));
    expect(vote.props['DESCRIPTION']).toContain('2 van 2 open');
    expect(vote.alarm).toEqual({
      ACTION: 'DISPLAY',
      TRIGGER: '-P1D',
      DESCRIPTION: vote.props['SUMMARY'],
    });
    expect(new Set(parsed.map((e) => e.props['UID'])).size).toBe(3);
    expect(ics).not.toContain('Rijnoever');

    // A new agenda link ends the old one; the personal link keeps working throughout.
    await page.goto(`${web.baseUrl}/app/agenda`);
    expect(await page.getByText(/U heeft een agenda-link sinds/).isVisible()).toBe(true);
    await page
      .getByRole('button', { name: 'Nieuwe agenda-link voor de jaaragenda aanmaken' })
      .click();
    const renewed = await page
      .getByRole('textbox', { name: 'Agenda-link jaaragenda' })
      .inputValue();
    expect(renewed).not.toBe(url);
    expect((await get(url)).status).toBe(404);
    expect((await get(renewed)).status).toBe(200);
    expect((await get(personal)).status).toBe(200);

    // Revoking the agenda link leaves the personal one.
    await page.getByRole('button', { name: 'Agenda-link intrekken' }).click();
    await page.waitForURL('**/app/agenda?revoked=1');
    expect(
      await page
        .getByText('De agenda-link van de jaaragenda is ingetrokken.', { exact: false })
        .isVisible(),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect((await get(renewed)).status).toBe(404);
    expect((await get(personal)).status).toBe(200);
    await page.context().close();

    // A board member's feed token does not open the SWV's agenda.
    const member = await web.signedInPage(MEMBER);
    member.on('dialog', (dialog) => void dialog.accept());
    await member.goto(`${web.baseUrl}/app/calendar`);
    await member.getByRole('button', { name: 'Agenda-link aanmaken' }).click();
    const memberUrl = await member.getByRole('textbox', { name: 'Agenda-link' }).inputValue();
    expect((await get(memberUrl)).status).toBe(200);
    expect((await get(memberUrl.replace('/calendar/', '/agenda/'))).status).toBe(404);
    await member.context().close();
    expect((await get(`${web.baseUrl}/agenda/${'x'.repeat(43)}.ics`)).status).toBe(404);
  });
});
