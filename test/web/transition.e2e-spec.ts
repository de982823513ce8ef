import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { temporal } from '@temporalio/proto';
import { axeViolations, screenshot, startBrowserStack, type BrowserStack } from './stack-browser';

jest.setTimeout(240_000);

const VSO = 'zorg@vso-deklimop.example';
const REGULAR = 'zorg@stadsring-college.example';
const OTHER_SCHOOL = 'zorg@praktijkschool-dewierde.example';

/**
 * The schakeltraject end to end (dev server, PostgreSQL, SMTP, Chromium): the vso school opens a
 * case, the parent signs in and consents, the regular school decides, the parent sees the case.
 * Then the canary: the pupil's unique name and date of birth appear nowhere in clear text
 * outside the case pages: not in the Temporal history (raw payloads), the api and worker logs,
 * the stored outbox messages or the SMTP capture.
 */
describe('schakeltraject (browser, whole stack)', () => {
  let s: BrowserStack;
  const captured: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const tag = `${randomInt(100_000, 999_999)}`;
  const PUPIL = `Kanarie Zwaluwstaart${tag}`;
  const BIRTH = `2011-0${randomInt(1, 9)}-${randomInt(10, 28)}`;
  const PARENT = `ouder.${randomInt(100_000, 999_999)}x@example.org`;
  let caseId = '';

  beforeAll(async () => {
    // Everything this process logs (api, worker, SDK) is searched by the canary.
    const capture =
      (original: typeof process.stdout.write) =>
      (chunk: unknown, ...rest: unknown[]): boolean => {
        captured.push(
          typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'),
        );
        return (original as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
      };
    process.stdout.write = capture(writes.out) as typeof process.stdout.write;
    process.stderr.write = capture(writes.err) as typeof process.stderr.write;
    s = await startBrowserStack();
  });
  afterAll(async () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await s?.close();
  });

  /** Presses the button of the form in the section headed `heading`. */
  async function step(page: Page, heading: string, button = 'Vastleggen'): Promise<void> {
    const section = page.locator('section', { has: page.getByRole('heading', { name: heading }) });
    await section.getByRole('button', { name: button }).click();
    await page.waitForURL(/done=step/);
  }

  it('runs a case from opening to the decision, with the parent on it, and leaks the pupil nowhere', async () => {
    // The vso school opens the case.
    const vso = await s.signedInPage(VSO);
    await vso.goto(`${s.baseUrl}/app/transitions/new`);
    expect(await axeViolations(vso)).toEqual([]);
    await vso.getByLabel('Naam van de leerling').fill(PUPIL);
    await vso.getByLabel('Geboortedatum van de leerling').fill(BIRTH);
    await vso.getByLabel('Naam van de ouder of verzorger').fill('Ouder Kanarie');
    await vso.getByLabel('E-mailadres van de ouder of verzorger').fill(PARENT);
    await vso.getByRole('button', { name: 'Traject openen' }).click();
    await vso.waitForURL(/\/app\/transitions\/[0-9a-f-]{36}\?opened=1$/);
    const caseUrl = vso.url().replace(/\?.*$/, '');
    caseId = caseUrl.split('/').at(-1)!;
    expect(await vso.locator('h1').textContent()).toContain(PUPIL);
    await vso.getByLabel('Reguliere school').selectOption({ label: 'Stadsring College' });
    await step(vso, 'School van eerste voorkeur kiezen');

    // The regular school cannot see the case before the parents consent; another school never.
    const regular = await s.signedInPage(REGULAR);
    expect((await regular.goto(caseUrl))!.status()).toBe(404);
    const other = await s.signedInPage(OTHER_SCHOOL);
    expect((await other.goto(caseUrl))!.status()).toBe(404);

    // The parent was mailed, signs in, sees the case and consents.
    await s.mailedLink(PARENT, new RegExp(`/app/transitions/${caseId}$`));
    const parent = await s.signedInPage(PARENT);
    await parent.goto(caseUrl);
    expect(await parent.locator('h1').textContent()).toContain(PUPIL);
    expect(await axeViolations(parent)).toEqual([]);
    await parent
      .getByRole('button', { name: 'Toestemming geven om gegevens te delen met de gekozen school' })
      .click();
    await parent.waitForURL(/done=step/);

    // The vso school completes orientation and consultation.
    await vso.goto(caseUrl);
    await step(vso, 'Oriëntatie afronden');
    await step(vso, 'Overleg vastleggen');

    // The regular school now sees the case and decides.
    const seen = await regular.goto(caseUrl);
    expect(seen!.status()).toBe(200);
    expect(await axeViolations(regular)).toEqual([]);
    await regular.getByLabel('Besluit', { exact: true }).selectOption('proceed');
    await step(regular, 'Besluit van de reguliere school');
    await screenshot(regular, 'transition-case-regular');

    // At the handover the vso school attaches the OPP; the file names the pupil inside.
    const opp = Buffer.from(`%PDF-1.4\n% OPP van ${PUPIL}, geboren ${BIRTH}\n%%EOF\n`);
    await vso.goto(caseUrl);
    await vso
      .getByLabel('Bestand')
      .setInputFiles({ name: 'OPP.pdf', mimeType: 'application/pdf', buffer: opp });
    await vso.getByRole('button', { name: 'Document toevoegen' }).click();
    await vso.waitForURL(/done=document/);

    // The parent sees the case in handover and downloads the OPP as it was written.
    await parent.goto(caseUrl);
    expect(await parent.locator('dl').textContent()).toContain('Overdracht');
    const href = await parent.getByRole('link', { name: /OPP\.pdf/ }).getAttribute('href');
    const download = await parent.request.get(`${s.baseUrl}${href!}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).equals(opp)).toBe(true);
    expect((await other.goto(caseUrl))!.status()).toBe(404);

    // -- the canary ------------------------------------------------------------------------
    const needles = [PUPIL, `Zwaluwstaart${tag}`, BIRTH];
    const hits = (where: string, haystack: string) =>
      needles.filter((n) => haystack.includes(n)).map((n) => `${where}: ${n}`);

    // Temporal: the whole history, raw as the server stores it (payloads undecoded).
    const workflowId = (
      (await s.stack.ds.query(`SELECT workflow_id FROM transition_case WHERE id = $1`, [
        caseId,
      ])) as {
        workflow_id: string;
      }[]
    )[0]!.workflow_id;
    const raw = await s.stack.env.client.workflowService.getWorkflowExecutionHistory({
      namespace: s.stack.env.namespace ?? 'default',
      execution: { workflowId },
    });
    const history = Buffer.from(
      temporal.api.history.v1.History.encode(raw.history!).finish(),
    ).toString('latin1');
    expect(raw.history!.events!.length).toBeGreaterThan(10);
    const described = await s.stack.env.client.workflow.getHandle(workflowId).describe();
    const outbox = JSON.stringify(await s.stack.ds.query(`SELECT * FROM outbox_message`));
    const mails = JSON.stringify(
      s.stack.smtp.messages.map((m) => [m.subject, m.text, m.html, m.to]),
    );
    // Every stored file, as a dump shows bytea (hex) and as text.
    const files = (
      (await s.stack.ds.query(
        `SELECT encode(content, 'hex') AS hex, encode(content, 'escape') AS text FROM document`,
      )) as { hex: string; text: string }[]
    )
      .map((f) => `${f.hex}\n${f.text}`)
      .join('\n');
    const hexHits = needles
      .filter((n) => files.includes(Buffer.from(n, 'utf8').toString('hex')))
      .map((n) => `stored files (hex): ${n}`);
    const tables = JSON.stringify(
      await s.stack.ds.query(
        `SELECT (SELECT json_agg(c) FROM transition_case c) AS c, (SELECT json_agg(t) FROM transition_step t) AS t,
                (SELECT json_agg(a) FROM audit_event a) AS a, (SELECT json_agg(k) FROM task k) AS k`,
      ),
    );
    expect([
      ...hits('temporal history', history),
      ...hits(
        'workflow id and search attributes',
        JSON.stringify([
          workflowId,
          described.searchAttributes,
          described.raw.workflowExecutionInfo?.memo,
        ]),
      ),
      ...hits('api and worker logs', captured.join('')),
      ...hits('outbox', outbox),
      ...hits('smtp', mails),
      ...hits('database tables', tables),
      ...hits('stored files', files),
      ...hexHits,
    ]).toEqual([]);
    // The search looks in the right places: the mails and the history are there.
    expect(s.stack.smtp.to(PARENT).length).toBeGreaterThan(0);
    expect(outbox).toContain(PARENT);
  });

  it('answers the JSON api by the same rules: refusals, 404 for outsiders, the export, the access log', async () => {
    expect(caseId).not.toBe('');
    const api = s.stack;
    const regular = await api.signIn(REGULAR);
    const refused = await api.call('POST', `/api/transitions/${caseId}/steps`, {
      token: regular,
      body: { kind: 'end', reason: 'other' },
    });
    // The regular school may end a case only once the pupil is with it.
    expect(refused.status).toBe(422);
    const bad = await api.call('POST', `/api/transitions/${caseId}/steps`, {
      token: regular,
      body: { kind: 'recordHandover', startOn: '14-05-2027' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('startOn');

    const otherSwv = await api.signIn('secretariaat@rijnoever.example');
    // Another SWV learns nothing, not even that the case exists: 404, whatever its roles.
    expect((await api.call('GET', `/api/transitions/${caseId}`, { token: otherSwv })).status).toBe(
      404,
    );
    const secretariat = await api.signIn('secretariaat@stadsring.example');
    const overview = await api.call('GET', '/api/transitions', { token: secretariat });
    expect(overview.status).toBe(200);
    expect(JSON.stringify(overview.body)).not.toContain(PUPIL);
    expect(overview.body).toContainEqual(
      expect.objectContaining({ id: caseId, phase: 'handover', overdue: false }),
    );

    const parent = await api.signIn(PARENT);
    const exported = await fetch(`${api.baseUrl}/api/transitions/${caseId}/export`, {
      headers: { authorization: `Bearer ${parent}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    const file = (await exported.json()) as {
      case: { pupil: { name: string; birthDate: string } };
    };
    expect(file.case.pupil).toEqual({ name: PUPIL, birthDate: BIRTH });

    // The FG's view: every read and the export, by whom.
    const log = await api.call('GET', `/api/transitions/${caseId}/access-log`, {
      token: secretariat,
    });
    expect(log.status).toBe(200);
    const actions = (log.body as { action: string; personName: string }[]).map((l) => l.action);
    expect(actions[0]).toBe('export');
    expect(actions.filter((a) => a === 'read').length).toBeGreaterThanOrEqual(5);
  });
  it('tells the parent by mail that something changed, without pupil data; the link leads to the case after signing in', async () => {
    expect(caseId).not.toBe('');
    const smtp = s.stack.smtp;
    const changed = () => smtp.to(PARENT).filter((m) => m.subject.endsWith('er is iets veranderd'));
    // A school was chosen (consent asked), then consultation, decision and handover began.
    await smtp.waitFor(() => changed().length >= 4);
    for (const m of changed()) {
      expect([m.subject, m.text, m.html].join(' ')).not.toContain(`Zwaluwstaart${tag}`);
      expect(m.text).not.toContain(BIRTH);
      expect(m.text).toContain('Log in om te zien wat er is veranderd');
    }
    const link = new RegExp(`https?://\\S+/app/transitions/${caseId}`).exec(
      changed().at(-1)!.text,
    )![0];

    // Not signed in: the link leads through the sign-in page to the case.
    const context = await s.browser.newContext();
    const page = await context.newPage();
    await page.goto(s.local(link));
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mailadres').fill(PARENT);
    const before = smtp.signInLinks(PARENT).length;
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.waitForURL(/\/login\/check-email/);
    await smtp.waitFor(() => smtp.signInLinks(PARENT).length > before);
    await page.goto(s.local(smtp.signInLinks(PARENT).at(-1)!));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(new RegExp(`/app/transitions/${caseId}$`));
    expect(await page.locator('h1').textContent()).toContain(PUPIL);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("opens a new case with the SWV's own settings from Beheer", async () => {
    const api = s.stack;
    const admin = await api.signIn('secretariaat@stadsring.example');
    const current = await api.call('GET', '/api/transitions/settings', { token: admin });
    const settings = (current.body as { settings: Record<string, number> }).settings;
    const put = await api.call('PUT', '/api/transitions/settings', {
      token: admin,
      body: { ...settings, decisionDays: 12, evaluationWeeks: 8, retentionMonths: 30 },
    });
    expect(put.status).toBe(200);
    const vso = await api.signIn(VSO);
    const schools = (await api.ds.query(`SELECT id FROM school WHERE name = 'VSO De Klimop'`)) as {
      id: string;
    }[];
    const opened = await api.call('POST', '/api/transitions', {
      token: vso,
      body: {
        vsoSchoolId: schools[0]!.id,
        pupilName: `Instelling Kind${tag}`,
        pupilBirthDate: '2012-02-03',
        parentName: 'Ouder Instelling',
        parentEmail: `instelling.${tag}@example.org`,
      },
    });
    expect(opened.status).toBe(201);
    const id = (opened.body as { id: string }).id;
    const [row] = (await api.ds.query(`SELECT config FROM transition_case WHERE id = $1`, [
      id,
    ])) as {
      config: {
        phaseDueBusinessDays: { decision: number };
        evaluationWeeks: number;
        retentionMonths: number;
      };
    }[];
    expect(row!.config).toMatchObject({
      phaseDueBusinessDays: { decision: 12 },
      evaluationWeeks: 8,
      retentionMonths: 30,
    });
    // The earlier case keeps the settings it started with.
    const [old] = (await api.ds.query(`SELECT config FROM transition_case WHERE id = $1`, [
      caseId,
    ])) as { config: { retentionMonths: number } }[];
    expect(old!.config.retentionMonths).toBe(24);
  });
});
