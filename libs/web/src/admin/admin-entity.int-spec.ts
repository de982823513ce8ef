import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';
import { escapeHtml } from '../html';
import { messagesFor } from '../i18n';

/**
 * The pages every AdminEntityController gives (boards, schools, persons), run over each of
 * them through HTTP: who may add, read and change, the form's errors (the DTO's and the
 * service's refusals, on the form's own fields), the redirect after a save, CSRF and the tenant.
 */
const t = messagesFor('nl');

interface Kind {
  kind: 'boards' | 'schools' | 'persons';
  section: string;
  table: string;
  addTitle: string;
  editTitle: string;
  added: (name: string) => string;
  /** A valid form; `boardId` is a board of Stadsring. */
  valid: (boardId: string) => Record<string, string | string[]>;
  /** A form the DTO refuses, and the form field it names. */
  invalid: (boardId: string) => Record<string, string | string[]>;
  invalidField: string;
  /** A well-formed form the service refuses, and the form field the page shows it on. */
  refused: (boardId: string) => Record<string, string | string[]>;
  refusedField: string;
}

const KINDS: Kind[] = [
  {
    kind: 'boards',
    section: 'besturen',
    table: 'school_board',
    addTitle: t.addBoard,
    editTitle: t.editBoard,
    added: t.boardAdded,
    valid: () => ({ name: 'Stichting Webtabel', pupilCount: '1.250', bestuurderPersonId: '' }),
    invalid: () => ({ name: 'Stichting Webtabel', pupilCount: '-25', bestuurderPersonId: '' }),
    invalidField: 'pupilCount',
    // The name of a board that exists already.
    refused: () => ({
      name: 'Stichting Openbaar Voortgezet Onderwijs Stadsring',
      pupilCount: '10',
      bestuurderPersonId: '',
    }),
    refusedField: 'name',
  },
  {
    kind: 'schools',
    section: 'scholen',
    table: 'school',
    addTitle: t.addSchool,
    editTitle: t.editSchool,
    added: t.schoolAdded,
    valid: (boardId) => ({
      name: 'Webtabelschool',
      boardId,
      brin: '',
      kind: 'regular',
      locationCount: '1',
      fixedAmount: '12.345,67',
      ectMemberPersonId: '',
    }),
    invalid: (boardId) => ({ ...KINDS[1]!.valid(boardId), fixedAmount: 'twaalf' }),
    invalidField: 'fixedAmount',
    // A special school gets no fixed amount: the service names fixedAmountCents, the page the euros.
    refused: (boardId) => ({ ...KINDS[1]!.valid(boardId), kind: 'special', fixedAmount: '100' }),
    refusedField: 'fixedAmount',
  },
  {
    kind: 'persons',
    section: 'personen',
    table: 'person',
    addTitle: t.addPerson,
    editTitle: t.editPerson,
    added: t.personAdded,
    valid: () => ({
      name: 'Web Tabel',
      email: 'web.tabel@stadsring.example',
      roles: ['ect_member'],
      locale: 'nl',
      schoolId: '',
      boardId: '',
      active: 'true',
    }),
    invalid: () => ({ ...KINDS[2]!.valid(''), email: 'geen adres' }),
    invalidField: 'email',
    // An e-mail address that is taken.
    refused: () => ({ ...KINDS[2]!.valid(''), email: DEMO_EMAILS.stadsring.director }),
    refusedField: 'email',
  },
];

describe.each(KINDS)('the administration pages of /app/admin/$kind', (k) => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let admin: string;
  let director: string;
  let csrf: string;
  let boardId: string;
  let otherSwvId: string;

  const idOf = async (sql: string): Promise<string> =>
    ((await api.ds.query(sql)) as { id: string }[])[0]!.id;
  const get = (session: string, path: string) =>
    api.http().get(path).set('Cookie', `jc_session=${session}`);
  const post = (
    session: string,
    path: string,
    fields: Record<string, string | string[]>,
    token = csrf,
  ) => {
    const form = new URLSearchParams({ _csrf: token });
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    }
    return api
      .http()
      .post(path)
      .set('Cookie', `jc_session=${session}`)
      .type('form')
      .send(form.toString());
  };
  const fieldError = (field: string) => `id="field-${field}-error"`;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    admin = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
    director = await api.signIn(DEMO_EMAILS.stadsring.director);
    const page = await get(admin, `/app/admin/${k.kind}/new`).expect(200);
    csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    boardId = await idOf(
      `SELECT id FROM school_board WHERE name = 'Stichting Openbaar Voortgezet Onderwijs Stadsring'`,
    );
    otherSwvId = await idOf(
      `SELECT t.id FROM ${k.table} t JOIN organisation o ON o.id = t.organisation_id
        WHERE o.slug = 'rijnoever' ORDER BY t.id LIMIT 1`,
    );
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  it('shows administrators an empty form; the office may not add', async () => {
    const page = await get(admin, `/app/admin/${k.kind}/new`).expect(200);
    expect(page.text).toContain(`<h1>${k.addTitle}</h1>`);
    expect(page.text).toContain(`action="/app/admin/${k.kind}"`);
    expect(page.text).toContain(`<a href="/app/admin#${k.section}">${t.cancel}</a>`);
    expect(page.text).not.toContain('class="delete-link"');
    await get(director, `/app/admin/${k.kind}/new`).expect(403);
  });

  it("answers the DTO's errors (422) on the form's fields, keeping what was typed", async () => {
    const res = await post(admin, `/app/admin/${k.kind}`, k.invalid(boardId)).expect(422);
    expect(res.text).toMatch(/<title>Fout: /);
    expect(res.text).toContain(t.errorSummary);
    expect(res.text).toContain(fieldError(k.invalidField));
    const typed = k.invalid(boardId)[k.invalidField] as string;
    expect(res.text).toContain(`value="${escapeHtml(typed)}"`);
  });

  it("answers the service's refusal (422) on the form's own field", async () => {
    const res = await post(admin, `/app/admin/${k.kind}`, k.refused(boardId)).expect(422);
    expect(res.text).toContain(fieldError(k.refusedField));
  });

  it('adds, shows and changes a record, redirecting to its section of the overview', async () => {
    const added = await post(admin, `/app/admin/${k.kind}`, k.valid(boardId)).expect(303);
    const [, id] = new RegExp(`^/app/admin\\?added=([0-9a-f-]{36})#${k.section}$`).exec(
      added.headers.location as string,
    )!;
    const name = k.valid(boardId).name as string;
    const overview = await get(admin, `/app/admin?added=${id}`).expect(200);
    expect(overview.text).toContain(escapeHtml(k.added(name)));

    const edit = await get(admin, `/app/admin/${k.kind}/${id}`).expect(200);
    expect(edit.text).toContain(`<h1>${k.editTitle}</h1>`);
    expect(edit.text).toContain(`action="/app/admin/${k.kind}/${id}"`);
    expect(edit.text).toContain(`href="/app/admin/${k.kind}/${id}/delete"`);

    const read = await get(director, `/app/admin/${k.kind}/${id}`).expect(200);
    expect(read.text).toContain(`<h1>${escapeHtml(name)}</h1>`);
    expect(read.text).toContain(t.readOnlyNote);
    expect(read.text).not.toContain(`action="/app/admin/${k.kind}/${id}"`);
    expect(read.text).not.toContain('class="delete-link"');

    const renamed = { ...k.valid(boardId), name: `${name} 2` };
    await post(director, `/app/admin/${k.kind}/${id}`, renamed).expect(403);
    await post(admin, `/app/admin/${k.kind}/${id}`, renamed, 'not-the-token').expect(403);
    const saved = await post(admin, `/app/admin/${k.kind}/${id}`, renamed).expect(303);
    expect(saved.headers.location).toBe(`/app/admin?saved=${id}#${k.section}`);
    const [row] = (await api.ds.query(`SELECT name FROM ${k.table} WHERE id = $1`, [id])) as {
      name: string;
    }[];
    expect(row!.name).toBe(`${name} 2`);
  });

  it("answers another SWV's record and a malformed id with 'Niet gevonden' (404)", async () => {
    for (const id of [otherSwvId, 'not-a-uuid']) {
      const page = await get(admin, `/app/admin/${k.kind}/${id}`).expect(404);
      expect(page.text).toContain('Niet gevonden');
      await post(admin, `/app/admin/${k.kind}/${id}`, k.valid(boardId)).expect(404);
    }
    const [row] = (await api.ds.query(`SELECT name FROM ${k.table} WHERE id = $1`, [
      otherSwvId,
    ])) as { name: string }[];
    expect(row!.name).not.toBe(k.valid(boardId).name);
  });
});
