import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import {
  axeViolations,
  get,
  hasHorizontalScroll,
  screenshot,
  startWeb,
  type WebHarness,
} from './web-harness';

const MEMBER = DEMO_EMAILS.stadsring.alvMember; // Jolanda Dekker, ALV member
const OTHER = DEMO_EMAILS.stadsring.rvtChair;

const DAY = 24 * 60 * 60 * 1000;

jest.setTimeout(60_000);

/** RFC 5545 §3.1: a long line continues on the next one after CRLF and one space. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('web app: tasks, voting and the calendar feed', () => {
  let web: WebHarness;
  const ids: Record<string, string> = {};
  let voteDue: Date;

  beforeAll(async () => {
    web = await startWeb();
    const now = Date.now();
    voteDue = new Date(Math.floor((now + 2 * DAY) / 60_000) * 60_000);
    const [{ organisation_id: organisationId }] = (await web.ds.query(
      `SELECT organisation_id FROM person WHERE email = $1`,
      [MEMBER],
    )) as [{ organisation_id: string }];
    ids.vote = await web.insertTask(MEMBER, {
      kind: 'vote',
      // The SWV's real cycle id: the page asks that cycle for its tally (no Temporal here).
      workflowId: `budget:${organisationId}:2027`,
      title: 'Stem over de begroting 2027; ALV, ronde 1',
      dueAt: voteDue,
      payload: {
        subject: 'Begroting 2027',
        round: 1,
        weight: 4010,
        body: { key: 'alv', name: 'Algemene Ledenvergadering', decisionKind: 'goedkeuring' },
        proposal: { versionLabel: 'Concept v1', url: 'https://docs.example/begroting-2027.pdf' },
      },
    });
    ids.submit = await web.insertTask(MEMBER, {
      kind: 'submit',
      title:
        'Verantwoording 2026 van het Stadsring College indienen, met de bijlage over de extra ondersteuning per school en per vestiging',
      dueAt: new Date(now + 20 * DAY),
    });
    ids.late = await web.insertTask(MEMBER, {
      kind: 'review',
      title: 'Ondersteuningsplan lezen',
      dueAt: new Date(now - DAY),
    });
    ids.noDeadline = await web.insertTask(MEMBER, {
      kind: 'adopt',
      title: 'Jaarverslag doornemen',
      dueAt: null,
    });
    ids.done = await web.insertTask(MEMBER, {
      kind: 'vote',
      title: 'Stem over de begrotingsuitgangspunten',
      dueAt: new Date(now - 10 * DAY),
      status: 'done',
    });
    ids.other = await web.insertTask(OTHER, {
      kind: 'vote',
      title: 'Stem van de RvT',
      dueAt: new Date(now + DAY),
    });
  }, 600_000);

  afterAll(async () => {
    await web?.close();
  });

  it('lists open tasks most urgent first with days left, done tasks below, readable at 360 px', async () => {
    const page = await web.signedInPage(MEMBER, { width: 360, height: 780 });
    await page.goto(`${web.baseUrl}/app/tasks`);
    const open = page.locator('section[aria-labelledby="open-tasks"] li');
    await expect(open.locator('h3').allTextContents()).resolves.toEqual([
      'Ondersteuningsplan lezen',
      'Stem over de begroting 2027; ALV, ronde 1',
      'Verantwoording 2026 van het Stadsring College indienen, met de bijlage over de extra ondersteuning per school en per vestiging',
      'Jaarverslag doornemen',
    ]);
    await expect(open.nth(0).textContent()).resolves.toContain('1 dag te laat');
    await expect(open.nth(1).textContent()).resolves.toMatch(/nog 2 dagen|morgen/);
    await expect(open.nth(3).textContent()).resolves.toContain('Geen deadline');
    const done = page.locator('section[aria-labelledby="done-tasks"] li');
    await expect(done.allTextContents()).resolves.toEqual([
      expect.stringContaining('Stem over de begrotingsuitgangspunten'),
    ]);
    await expect(page.getByText('Stem van de RvT').count()).resolves.toBe(0);

    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'tasks-360px');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a vote task with its proposal and a vote form that asks for confirmation before sending', async () => {
    const page = await web.signedInPage(MEMBER);
    await page.goto(`${web.baseUrl}/app/tasks/${ids.vote}`);
    const proposal = page.getByRole('region', { name: 'Voorstel' });
    for (const text of [
      'Begroting 2027',
      'Algemene Ledenvergadering',
      'goedkeuring',
      'Concept v1',
      '4.010',
    ]) {
      await expect(proposal.textContent()).resolves.toContain(text);
    }
    await expect(
      proposal.getByRole('link', { name: 'Open het voorstel' }).getAttribute('href'),
    ).resolves.toBe('https://docs.example/begroting-2027.pdf');
    // Without Temporal the cycle cannot tell its tally: the page says so and still works.
    await expect(
      page.getByRole('region', { name: 'Stand van de stemming' }).textContent(),
    ).resolves.toContain(
      'De stand van de stemming is op dit moment niet beschikbaar. Probeer het over enkele minuten opnieuw.',
    );
    expect(await axeViolations(page)).toEqual([]);

    // Without a choice the form says what is missing.
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    await expect(page.getByRole('group', { name: 'Uw stem' }).textContent()).resolves.toContain(
      'Kies voor, tegen of onthouding.',
    );

    await page.getByRole('radio', { name: 'Voor' }).check();
    await page.getByLabel('Toelichting (niet verplicht)').fill('Akkoord, met dank aan het bureau.');
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();
    const check = page.getByRole('region', { name: 'Controleer uw stem' });
    await expect(check.textContent()).resolves.toContain('Voor');
    await expect(check.textContent()).resolves.toContain('Akkoord, met dank aan het bureau.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'vote-confirm');

    // "Wijzigen" goes back to the form with the choices kept.
    await page.getByRole('button', { name: 'Wijzigen' }).click();
    await expect(page.getByRole('radio', { name: 'Voor' }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Verder naar controleren' }).click();

    // This harness runs without Temporal: the vote cannot reach its cycle, the person is told
    // to try again and keeps the choices made (the vote itself is covered by test/budget e2e).
    await page.getByRole('button', { name: 'Stem versturen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Stemmen lukt op dit moment niet.',
    );
    await expect(page.getByRole('radio', { name: 'Voor' }).isChecked()).resolves.toBe(true);
    await page.context().close();
  });

  it('answers another person’s task with "Niet gevonden"', async () => {
    const page = await web.signedInPage(MEMBER);
    const response = await page.goto(`${web.baseUrl}/app/tasks/${ids.other}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Niet gevonden',
    );
    const ics = await page.goto(`${web.baseUrl}/app/tasks/${ids.other}.ics`);
    expect(ics?.status()).toBe(404);
    await page.context().close();
  });

  it('downloads one deadline as an .ics file', async () => {
    const token = await web.sessionToken(MEMBER);
    const res = await get(`${web.baseUrl}/app/tasks/${ids.vote}.ics`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="deadline-/);
    expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('publishes open deadlines in a private calendar feed that stops working when revoked', async () => {
    const page = await web.signedInPage(MEMBER);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${web.baseUrl}/app/calendar`);
    await expect(page.getByText('U heeft nog geen agenda-link.').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Agenda-link aanmaken' }).click();
    const url = await page.getByRole('textbox', { name: 'Agenda-link' }).inputValue();
    expect(url).toMatch(new RegExp(`^${web.baseUrl}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'calendar-feed-created');

    const feed = await get(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = feed.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const lines = unfold(ics);
    expect(lines).toContain('X-WR-TIMEZONE:Europe/Amsterdam');
    // Open tasks with a deadline: the vote, the submission and the late review.
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines).toContain('SUMMARY:Deadline: Stem over de begroting 2027\\; ALV\\, ronde 1');
    const utc = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    expect(lines).toContain(`DTEND:${utc(voteDue)}`);
    expect(lines).toContain(`DTSTART:${utc(new Date(voteDue.getTime() - 30 * 60_000))}`);
    expect(lines).toContain(`UID:task-${ids.vote}@jaarcyclus`);
    expect(ics).not.toContain('begrotingsuitgangspunten'); // done
    expect(ics).not.toContain('Jaarverslag'); // no deadline
    expect(ics).not.toContain('Stem van de RvT'); // someone else's
    expect(lines.some((l) => l.startsWith('SUMMARY:Deadline: Verantwoording 2026'))).toBe(true);

    // Only a hash is stored, so the page no longer shows the link once it is left.
    await page.goto(`${web.baseUrl}/app/calendar`);
    await expect(page.getByText(/U heeft een agenda-link sinds/).isVisible()).resolves.toBe(true);
    const stored = (await web.ds.query(`SELECT token_hash FROM calendar_feed`)) as {
      token_hash: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(url).not.toContain(stored[0]!.token_hash);

    // A new link replaces the old one.
    await page.getByRole('button', { name: 'Nieuwe agenda-link aanmaken' }).click();
    const newUrl = await page.getByRole('textbox', { name: 'Agenda-link' }).inputValue();
    expect(newUrl).not.toBe(url);
    expect((await get(url)).status).toBe(404);
    expect((await get(newUrl)).status).toBe(200);

    await page.getByRole('button', { name: 'Agenda-link intrekken' }).click();
    await page.waitForURL('**/app/calendar?revoked=1');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'De agenda-link is ingetrokken.',
    );
    expect((await get(newUrl)).status).toBe(404);
    await page.context().close();
  });

  it('without Temporal, starting the accountability says so and writes nothing; what was typed is kept', async () => {
    const page = await web.signedInPage(DEMO_EMAILS.stadsring.secretariat);
    await page.goto(`${web.baseUrl}/app/cycles/accountability/new`);
    await page.getByLabel('Verantwoordingsjaar').fill('2027');
    await page.getByLabel('Herinneringen (werkdagen voor de deadline)').fill('10, 3');
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Verantwoording starten' }).click();

    expect((await response).status()).toBe(503);
    await expect(page.getByRole('alert').innerText()).resolves.toContain(
      'Starten lukt op dit moment niet. Probeer het over enkele minuten opnieuw.',
    );
    await expect(page.getByLabel('Verantwoordingsjaar').inputValue()).resolves.toBe('2027');
    await expect(
      page.getByLabel('Herinneringen (werkdagen voor de deadline)').inputValue(),
    ).resolves.toBe('10, 3');
    const written = (await web.ds.query(
      `SELECT (SELECT count(*) FROM cycle WHERE kind = 'accountability')::int AS cycles,
              (SELECT count(*) FROM accountability_cycle)::int AS settings`,
    )) as { cycles: number; settings: number }[];
    expect(written).toEqual([{ cycles: 0, settings: 0 }]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
