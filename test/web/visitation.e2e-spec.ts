import { addBusinessDays, amsterdamDate } from '@jaarcyclus/domain';
import { DEMO_EMAILS, Repositories, seedVisitationDemo } from '@jaarcyclus/persistence';
import type { Page } from 'playwright-core';
import { lastBusinessMomentClock } from '../support/stack';
import {
  axeViolations,
  hasHorizontalScroll,
  screenshot,
  startBrowserStack,
  type BrowserStack,
} from './stack-browser';

/**
 * Collegial visitations in the browser: the secretariat has the demo programme proposed by the
 * planner, sees it as a table and per month, locks a visit, moves one onto a Saturday (the
 * page says what is wrong and offers no publish), plans again and publishes; a visitor then
 * confirms the date on a phone; after a visit the secretariat records a follow-up action and
 * its owner marks it done on a phone (nobody else of the visit can). Every page passes axe, at
 * 1366×768 and at 360 px. The worker's clock starts at the last business moment
 * (lastBusinessMomentClock), so the invitations these tests wait for go out at any hour.
 */
jest.setTimeout(120_000);

describe('web app: a visitation programme from proposal to a visitor’s confirmation', () => {
  let app: BrowserStack;
  let secretariat: Page;
  let programmeId: string;

  beforeAll(async () => {
    // Planned at the last business moment: invitations go out at once, whatever the hour.
    app = await startBrowserStack({ workerClock: lastBusinessMomentClock() });
    await seedVisitationDemo(app.stack.ds);
    programmeId = (
      (await app.stack.ds.query(`SELECT id FROM visitation_programme LIMIT 1`)) as { id: string }[]
    )[0]!.id;
    secretariat = await app.signedInPage(DEMO_EMAILS.stadsring.secretariat, {
      width: 1366,
      height: 768,
    });
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  /**
   * A programme of its own with one visit on `date` (a school of Stadsring, a trained chair and
   * one member of the SWV's own people), published as it stands: the planner only plans ahead,
   * and a test may need a visit of the past. Publishing through the api then starts its flows.
   */
  async function publishOwnVisit(title: string, date: string) {
    const ds = app.stack.ds;
    const repos = new Repositories(ds);
    const orgId = (
      (await ds.query(`SELECT id FROM organisation WHERE slug = 'stadsring'`)) as { id: string }[]
    )[0]!.id;
    const demo = (await repos.visitation.programme(orgId, programmeId))!;
    const ownPeople = new Set(
      (
        (await ds.query(`SELECT id FROM person WHERE organisation_id = $1`, [orgId])) as {
          id: string;
        }[]
      ).map((p) => p.id),
    );
    const token = await app.token(DEMO_EMAILS.stadsring.secretariat);
    const created = await app.stack.call('POST', '/api/visitation-programmes', {
      token,
      body: {
        title,
        schoolYear: '2026-2027',
        kind: 'collegiale-visitatie',
        teamSize: 2,
        maxVisitsPerVisitor: 1,
        windows: [{ start: '2026-10-01', end: '2027-06-30' }],
        hosts: [
          { kind: 'school', schoolId: demo.hosts.find((h) => h.kind === 'school')!.schoolId },
        ],
        // The SWV's own people (the partner's nominee of the first test is not theirs to pick).
        visitors: demo.visitors
          .filter((v) => ownPeople.has(v.personId))
          .map((v) => ({ personId: v.personId, trainedChair: v.trainedChair })),
      },
    });
    expect([created.status, created.body.errors]).toEqual([201, undefined]);
    const id = created.body.id as string;
    const instance = (await repos.visitation.instance(orgId, id))!;
    const chair = instance.visitors.find((v) => v.trainedChair)!;
    const member = instance.visitors.find((v) => v.id !== chair.id)!;
    await repos.visitation.publish({
      organisationId: orgId,
      programmeId: id,
      schedule: {
        visits: [
          {
            hostId: instance.hosts[0]!.id,
            date,
            team: [
              { visitorId: chair.id, role: 'chair' },
              { visitorId: member.id, role: 'member' },
            ],
          },
        ],
      },
      programmeWorkflowId: `visitation:${orgId}:${id}`,
      visitWorkflowId: (v) => `visitation:${orgId}:${id}:visit:${v}`,
    });
    // Published already: this only starts the programme's flow, which starts the visit's.
    expect(
      (await app.stack.call('POST', `/api/visitation-programmes/${id}/publish`, { token })).status,
    ).toBe(200);
    return { programme: id, chair, member };
  }

  it('a partner SWV is linked; its secretariat accepts and nominates a visitor', async () => {
    const page = secretariat;
    await page.goto(`${app.baseUrl}/app/visitations/${programmeId}`);
    await page.getByLabel('Code van het samenwerkingsverband').fill('bestaat-niet');
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await expect(
      page.getByText('Er is geen samenwerkingsverband met deze code.').count(),
    ).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Code van het samenwerkingsverband').fill('rijnoever');
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await expect(page.getByText('is uitgenodigd voor dit programma').count()).resolves.toBe(1);

    const partner = await app.signedInPage(DEMO_EMAILS.rijnoever.secretariat, {
      width: 1366,
      height: 768,
    });
    await partner.goto(`${app.baseUrl}/app/visitations`);
    await expect(
      partner
        .getByRole('heading', { name: 'Uitnodigingen van andere samenwerkingsverbanden' })
        .count(),
    ).resolves.toBe(1);
    expect(await axeViolations(partner)).toEqual([]);
    await partner.getByRole('button', { name: 'Uitnodiging accepteren' }).click();
    await partner.waitForURL('**?done=accepted');
    expect(await axeViolations(partner)).toEqual([]);
    const director = (
      (await app.stack.ds.query(`SELECT id, name FROM person WHERE email = $1`, [
        DEMO_EMAILS.rijnoever.director,
      ])) as { id: string; name: string }[]
    )[0]!;
    await partner.getByLabel('Persoon').selectOption(director.id);
    await partner.getByRole('button', { name: 'Voordragen' }).click();
    await partner.waitForURL('**?done=nominated');
    await expect(partner.getByText('De visitator is voorgedragen.').count()).resolves.toBe(1);
    const rows = (await app.stack.ds.query(
      `SELECT 1 FROM visitation_visitor WHERE programme_id = $1 AND person_id = $2`,
      [programmeId, director.id],
    )) as unknown[];
    expect(rows).toHaveLength(1);
    // The partner sees nothing else of the host SWV: its programme page is not found.
    const res = await partner.goto(`${app.baseUrl}/app/visitations/${programmeId}`);
    expect(res?.status()).toBe(404);
    await partner.close();
  });

  it('the secretariat previews, adjusts and publishes the schedule', async () => {
    const page = secretariat;
    await page.goto(`${app.baseUrl}/app/cycles`);
    await page.getByRole('link', { name: 'Visitaties' }).click();
    await page.getByRole('link', { name: 'Collegiale visitaties 2026-2027' }).click();
    await page.waitForURL(`**/app/visitations/${programmeId}`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Rooster voorstellen' }).click();
    const table = page.getByRole('region', { name: 'Rooster als tabel' });
    const hosts = (await app.stack.ds.query(
      `SELECT count(*)::int AS n FROM visitation_host WHERE programme_id = $1`,
      [programmeId],
    )) as { n: number }[];
    await expect(table.locator('tbody tr').count()).resolves.toBe(hosts[0]!.n);
    await expect(page.getByRole('heading', { name: 'Rooster per maand' }).count()).resolves.toBe(1);
    await expect(page.getByText(/Optimaal rooster|Geldig rooster/).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'visitation-proposal');

    // Lock the first visit; it keeps its date and team when the planner plans again.
    const first = table.locator('tbody tr').first();
    const firstText = (await first.textContent()) ?? '';
    await first.getByRole('button', { name: 'Vastzetten' }).click();
    await expect(table.locator('tbody tr').first().getByText('Vast').count()).resolves.toBe(1);

    // A visit moved onto a Saturday: the page names the problem and offers no publish.
    await page.getByLabel('Nieuwe datum').fill('2027-02-06');
    await page.getByRole('button', { name: 'Verplaatsen' }).click();
    await expect(
      page.getByRole('heading', { name: 'Wat niet klopt in dit rooster' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('button', { name: 'Publiceren en uitnodigingen versturen' }).count(),
    ).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Opnieuw plannen rond wat vastligt' }).click();
    await expect(
      page.getByRole('heading', { name: 'Wat niet klopt in dit rooster' }).count(),
    ).resolves.toBe(0);
    const lockedRow = table
      .locator('tbody tr', { hasText: firstText.split('\n')[0]!.trim() })
      .first();
    expect(((await lockedRow.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
      firstText
        .replace(/\s+/g, ' ')
        .replace(/Vastzetten|Vast/g, '')
        .trim()
        .slice(0, 20),
    );

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Publiceren en uitnodigingen versturen' }).click();
    await page.waitForURL('**?done=published');
    await expect(page.getByRole('status').getByText('gepubliceerd').count()).resolves.toBe(1);
    await expect(
      page.getByRole('region', { name: 'Overzicht van de visites' }).locator('tbody tr').count(),
    ).resolves.toBe(hosts[0]!.n);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'visitation-published');
  });

  it('a visitor confirms the date on a phone', async () => {
    const row = (
      (await app.stack.ds.query(
        `SELECT v.id, p.email FROM visitation_visit v
           CROSS JOIN LATERAL jsonb_array_elements(v.team) s
           JOIN person p ON p.id::text = s->>'visitorId'
          WHERE v.programme_id = $1 AND s->>'role' = 'member' LIMIT 1`,
        [programmeId],
      )) as { id: string; email: string }[]
    )[0]!;
    // The visit's flow runs once it has published its first state.
    const until = Date.now() + 30_000;
    while (
      (
        (await app.stack.ds.query(`SELECT seq FROM visitation_visit WHERE id = $1`, [row.id])) as {
          seq: number;
        }[]
      )[0]!.seq === 0
    ) {
      if (Date.now() > until) throw new Error('the visit flow did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await app.signedInPage(row.email, { width: 360, height: 740 });
    await page.goto(`${app.baseUrl}/app/visits/${row.id}`);
    await expect(page.getByText('Nog niet beantwoord').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('button', { name: 'Ik kom op deze datum' }).click();
    await page.waitForURL('**?answered=1');
    await expect(page.getByText('Uw antwoord is opgeslagen.').count()).resolves.toBe(1);
    await expect(page.getByText('Bevestigd', { exact: true }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'visitation-confirm');
    // The visit is in the visitor's private calendar feed, on its day.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${app.baseUrl}/app/calendar`);
    await page.getByRole('button', { name: 'Agenda-link aanmaken' }).click();
    const feedUrl = await page.getByRole('textbox', { name: 'Agenda-link' }).inputValue();
    expect(await axeViolations(page)).toEqual([]);
    const feed = await page.request.get(app.local(feedUrl));
    expect(feed.status()).toBe(200);
    const lines = (await feed.text()).replace(/\r\n /g, '').split('\r\n');
    const visitRow = (
      (await app.stack.ds.query(
        `SELECT v.visit_date::text AS date, h.name FROM visitation_visit v
           JOIN visitation_host h ON h.id = v.host_id WHERE v.id = $1`,
        [row.id],
      )) as { date: string; name: string }[]
    )[0]!;
    const begin = lines.indexOf(`UID:visit-${row.id}@jaarcyclus`);
    expect(begin).toBeGreaterThan(0);
    const event = lines.slice(begin, lines.indexOf('END:VEVENT', begin));
    const summary = event.find((l) => l.startsWith('SUMMARY:'))!;
    expect(summary.replace(/\\([,;\\])/g, '$1')).toContain(visitRow.name);
    expect(event.find((l) => l.startsWith('DTSTART'))).toContain(visitRow.date.replace(/-/g, ''));
    // Someone outside the visit gets the not-found page, not the visit.
    const outsider = await app.signedInPage(DEMO_EMAILS.rijnoever.secretariat);
    const res = await outsider.goto(`${app.baseUrl}/app/visits/${row.id}`);
    expect(res?.status()).toBe(404);
  });
  it('a host hands in the self-evaluation and the secretariat downloads it', async () => {
    // A visit twelve business days ahead: its invitation is due already and goes out at once
    // (planned at publication by the worker's clock, a business moment), which opens the
    // host's self-evaluation. The secretariat then moves it: every timer re-armed, the
    // self-evaluation stays open.
    const today = amsterdamDate(new Date());
    const { programme: ownProgramme } = await publishOwnVisit(
      'Zelfevaluatie',
      addBusinessDays(today, 12, { region: 'noord' }),
    );
    let visitId: string | undefined;
    const opened = Date.now() + 30_000;
    while (!visitId) {
      visitId = (
        (await app.stack.ds.query(
          `SELECT v.id FROM visitation_visit v
             CROSS JOIN LATERAL jsonb_array_elements(v.state->'steps') st
            WHERE v.programme_id = $1 AND st->>'key' = 'self_evaluation'
              AND st->>'openedAt' IS NOT NULL`,
          [ownProgramme],
        )) as { id: string }[]
      )[0]?.id;
      if (!visitId && Date.now() > opened) throw new Error('the invitation did not go out');
      if (!visitId) await new Promise((r) => setTimeout(r, 300));
    }
    await secretariat.goto(`${app.baseUrl}/app/visits/${visitId}`);
    expect(await axeViolations(secretariat)).toEqual([]);
    await secretariat
      .getByLabel('Nieuwe datum van de visite')
      .fill(addBusinessDays(today, 14, { region: 'noord' }));
    await secretariat.getByRole('button', { name: 'Verzetten' }).click();
    await secretariat.waitForURL('**?done=rescheduled');
    let row: { id: string; contact: string } | undefined;
    const until = Date.now() + 30_000;
    while (!row) {
      row = (
        (await app.stack.ds.query(
          `SELECT v.id, p.email AS contact FROM visitation_visit v
             CROSS JOIN LATERAL jsonb_array_elements(v.state->'steps') st
             JOIN person p ON p.id::text = v.state->'hostPersonIds'->>0
            WHERE v.id = $1 AND st->>'key' = 'self_evaluation'
              AND st->>'openedAt' IS NOT NULL AND (v.state->>'generation')::int = 1 LIMIT 1`,
          [visitId],
        )) as { id: string; contact: string }[]
      )[0];
      if (!row && Date.now() > until) throw new Error('the self-evaluation did not open');
      if (!row) await new Promise((r) => setTimeout(r, 500));
    }
    const host = await app.signedInPage(row.contact, { width: 1366, height: 768 });
    await host.goto(`${app.baseUrl}/app/visits/${row.id}`);
    expect(await axeViolations(host)).toEqual([]);
    // Without a file the page names the field.
    await host.getByRole('button', { name: 'Inleveren' }).click();
    await expect(host.locator('.field-error').count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(host)).toEqual([]);
    await host.getByLabel('Stap', { exact: true }).selectOption('self_evaluation');
    await host.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'zelfevaluatie.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% zelfevaluatie\n%%EOF\n'),
    });
    await host.getByRole('button', { name: 'Inleveren' }).click();
    await host.waitForURL('**?done=uploaded');
    await expect(host.getByRole('link', { name: /zelfevaluatie\.pdf/ }).count()).resolves.toBe(1);
    expect(await axeViolations(host)).toEqual([]);
    // A corrected self-evaluation is a second version; the first one stays.
    await host.getByLabel('Stap', { exact: true }).selectOption('self_evaluation');
    await host.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'zelfevaluatie-herzien.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% zelfevaluatie herzien\n%%EOF\n'),
    });
    await host.getByRole('button', { name: 'Inleveren' }).click();
    await host.waitForURL('**?done=uploaded');
    await expect(host.getByText('Zelfevaluatie (versie 2)').count()).resolves.toBe(1);
    await expect(host.getByText('Zelfevaluatie (versie 1)').count()).resolves.toBe(1);
    expect(await axeViolations(host)).toEqual([]);
    await host.close();

    await secretariat.goto(`${app.baseUrl}/app/visits/${row.id}`);
    const link = secretariat.getByRole('link', { name: /^zelfevaluatie\.pdf/ });
    await expect(link.count()).resolves.toBe(1);
    await expect(secretariat.getByText('Zelfevaluatie (versie 1)').count()).resolves.toBe(1);
    expect(await axeViolations(secretariat)).toEqual([]);
    const href = (await link.getAttribute('href'))!;
    const download = await secretariat.request.get(`${app.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).toString()).toContain('zelfevaluatie');

    // Someone of a third SWV gets the not-found page for the visit and the report.
    const org = (
      (await app.stack.ds.query(
        `INSERT INTO organisation (slug, name, region, sector) VALUES ('derde', 'SWV Derde', 'midden', 'po') RETURNING id`,
      )) as { id: string }[]
    )[0]!.id;
    await app.stack.ds.query(
      `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, 'secretariaat@derde.example', 'Secretariaat Derde', ARRAY['secretariat'])`,
      [org],
    );
    const outsider = await app.signedInPage('secretariaat@derde.example', {
      width: 1366,
      height: 768,
    });
    for (const path of [
      `/app/visits/${row.id}`,
      href,
      `/app/visitations/${programmeId}`,
      `/app/visitations/${programmeId}/schedule`,
    ]) {
      const res = await outsider.goto(`${app.baseUrl}${path}`);
      expect(res?.status()).toBe(404);
    }
    expect(await axeViolations(outsider)).toEqual([]);
    await outsider.close();
  });

  it('after a visit the secretariat records a follow-up action and only its owner marks it done', async () => {
    // A visit held two business days ago: a programme of its own, published with that date
    // (the planner only plans ahead), so that its flow is past the visit day at once.
    const ds = app.stack.ds;
    const today = amsterdamDate(new Date());
    const {
      programme: id,
      chair,
      member,
    } = await publishOwnVisit('Na de visite', addBusinessDays(today, -2, { region: 'noord' }));
    let visit: { id: string; owner: string; ownerEmail: string; memberEmail: string } | undefined;
    const until = Date.now() + 30_000;
    while (!visit) {
      visit = (
        (await ds.query(
          `SELECT v.id, p.id AS owner, p.email AS "ownerEmail", m.email AS "memberEmail"
             FROM visitation_visit v
             JOIN person p ON p.id::text = v.state->'hostPersonIds'->>0
             JOIN person m ON m.id = $2
            WHERE v.programme_id = $1 AND (v.state->'history') @> '[{"code": "held"}]'`,
          [id, member.id],
        )) as { id: string; owner: string; ownerEmail: string; memberEmail: string }[]
      )[0];
      if (!visit && Date.now() > until) throw new Error('the visit was not held');
      if (!visit) await new Promise((r) => setTimeout(r, 300));
    }

    // The secretariat records the action, with the host contact as its owner.
    const page = secretariat;
    await page.goto(`${app.baseUrl}/app/visits/${visit.id}`);
    const due = addBusinessDays(today, 20);
    await page.getByLabel('Wat moet er gebeuren').fill('Zorgroute op de website zetten');
    await page.getByLabel('Eigenaar').selectOption(visit.owner);
    await page.getByLabel('Streefdatum').fill(due);
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.waitForURL('**?done=followUp');
    await expect(page.getByText('De verbeteractie is toegevoegd.').count()).resolves.toBe(1);
    const actions = page.getByRole('region', { name: 'Verbeteracties' });
    await expect(
      actions.getByRole('row', { name: /Zorgroute op de website zetten/ }).count(),
    ).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // "Herinner nu": the chair owes the draft report and gets the timer's reminder now.
    const chairEmail = (
      (await ds.query(`SELECT email FROM person WHERE id = $1`, [chair.id])) as {
        email: string;
      }[]
    )[0]!.email;
    await page.getByRole('button', { name: 'Herinner nu: conceptrapport' }).click();
    await page.waitForURL('**?done=reminded');
    await expect(
      page.getByText('De herinnering is verstuurd aan wie de stap nog moet doen.').count(),
    ).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await app.stack.smtp.waitFor(() =>
      app.stack.smtp.to(chairEmail).some((m) => /herinnering conceptrapport/.test(m.subject)),
    );

    // A team member sees the action but cannot mark it done.
    const teamMember = await app.signedInPage(visit.memberEmail, { width: 1366, height: 768 });
    await teamMember.goto(`${app.baseUrl}/app/visits/${visit.id}`);
    await expect(teamMember.getByText('Zorgroute op de website zetten').count()).resolves.toBe(1);
    await expect(teamMember.getByRole('button', { name: /^Afgerond/ }).count()).resolves.toBe(0);
    expect(await axeViolations(teamMember)).toEqual([]);
    await teamMember.close();

    // The owner marks it done on a phone.
    const owner = await app.signedInPage(visit.ownerEmail, { width: 360, height: 740 });
    await owner.goto(`${app.baseUrl}/app/visits/${visit.id}`);
    expect(await axeViolations(owner)).toEqual([]);
    expect(await hasHorizontalScroll(owner)).toBe(false);
    await owner.getByRole('button', { name: 'Afgerond: Zorgroute op de website zetten' }).click();
    await owner.waitForURL('**?done=followUpDone');
    await expect(owner.getByText('De verbeteractie is afgerond.').count()).resolves.toBe(1);
    const row = owner
      .getByRole('region', { name: 'Verbeteracties' })
      .getByRole('row', { name: /Zorgroute op de website zetten/ });
    await expect(row.getByRole('cell', { name: 'Afgerond', exact: true }).count()).resolves.toBe(1);
    await expect(owner.getByRole('button', { name: /^Afgerond/ }).count()).resolves.toBe(0);
    expect(await axeViolations(owner)).toEqual([]);
    expect(await hasHorizontalScroll(owner)).toBe(false);
    await screenshot(owner, 'visitation-follow-up-done');
    await owner.close();
    const stored = (await ds.query(`SELECT status FROM visitation_follow_up WHERE visit_id = $1`, [
      visit.id,
    ])) as { status: string }[];
    expect(stored).toEqual([{ status: 'done' }]);
  });
});
