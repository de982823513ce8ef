import { PERSONAL_DATA_KEY_VARIABLES, PayloadKeyRing } from '@jaarcyclus/config';
import {
  DEMO_EMAILS,
  DEMO_PARENT_EMAIL,
  FieldCipher,
  TransitionRepository,
  createDataSource,
  seedDemoData,
} from '@jaarcyclus/persistence';
import type request from 'supertest';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';

const VSO_CONTACT = 'zorg@vso-deklimop.example';

/**
 * The api on a database of its own with the demo data and its schakeltraject, pupil data
 * encrypted with `ring`, for one describe block: filled in before its tests, stopped after.
 */
function demoApi(ring: PayloadKeyRing): {
  api: ApiHarness;
  caseId: string;
  organisationId: string;
} {
  const demo = {} as { api: ApiHarness; caseId: string; organisationId: string };
  let db: TestDatabase | undefined;
  let smtp: SmtpCapture | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = await createDataSource(db.url, { logging: false }).initialize();
    const { transition } = await seedDemoData(ds, { personalDataKeys: ring });
    await ds.destroy();
    smtp = await new SmtpCapture().start();
    demo.api = await startApi(db.url, smtp, {
      seed: false,
      env: ring.toEnvAs(PERSONAL_DATA_KEY_VARIABLES),
    });
    demo.caseId = transition!.caseId;
    demo.organisationId = transition!.organisationId;
  });
  afterAll(async () => {
    await demo.api?.close();
    await smtp?.stop();
    await db?.drop();
  });
  return demo;
}

/** Need to know on /api/transitions and /app/transitions: everyone not on a case gets 404. */
describe('transitions api: need to know', () => {
  const ring = PayloadKeyRing.generate('pd');
  const demo = demoApi(ring);
  let api: ApiHarness;
  let caseId: string;
  const tokens = new Map<string, string>();
  const as = async (email: string): Promise<string> => {
    if (!tokens.has(email)) tokens.set(email, await api.signIn(email));
    return tokens.get(email)!;
  };

  beforeAll(() => {
    ({ api, caseId } = demo);
  });

  it('opens the case for the vso school and the parent', async () => {
    for (const email of [VSO_CONTACT, DEMO_PARENT_EMAIL]) {
      await api
        .http()
        .get(`/api/transitions/${caseId}`)
        .set('Authorization', `Bearer ${await as(email)}`)
        .expect(200);
    }
  });

  it.each([
    ['the secretariat of another SWV', DEMO_EMAILS.rijnoever.secretariat],
    ['the director of another SWV', DEMO_EMAILS.rijnoever.director],
    ['the own secretariat', DEMO_EMAILS.stadsring.secretariat],
    ['a board member', DEMO_EMAILS.stadsring.alvMember],
    ['the contact of a school not on the case', DEMO_EMAILS.stadsring.schoolContact],
  ])('answers 404, never 403, to %s on every case route', async (_who, email) => {
    const auth = `Bearer ${await as(email)}`;
    const base = `/api/transitions/${caseId}`;
    const app = `/app/transitions/${caseId}`;
    const gets = [base, `${base}/export`, app, `${app}/export`];
    if (email !== DEMO_EMAILS.stadsring.secretariat) gets.push(`${base}/access-log`);
    for (const path of gets) {
      const res = await api.http().get(path).set('Authorization', auth);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const posts: [string, object][] = [
      [`${base}/steps`, { kind: 'completeResearch' }],
      [`${base}/parent-view`, { view: 'Wij willen graag dat het lukt.' }],
    ];
    for (const [path, body] of posts) {
      const res = await api.http().post(path).set('Authorization', auth).send(body);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('keeps the overview and the numbers for the office of its own SWV', async () => {
    const own = await api
      .http()
      .get('/api/transitions')
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.stadsring.secretariat)}`)
      .expect(200);
    expect((own.body as { id: string }[]).map((c) => c.id)).toEqual([caseId]);
    const other = await api
      .http()
      .get('/api/transitions')
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.rijnoever.secretariat)}`)
      .expect(200);
    expect(other.body).toEqual([]);
    await api
      .http()
      .get('/api/transitions/numbers/2027')
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.rijnoever.secretariat)}`)
      .expect(200);
    // The SWV's administrators read the access log for the FG.
    await api
      .http()
      .get(`/api/transitions/${caseId}/access-log`)
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.stadsring.secretariat)}`)
      .expect(200);
  });
});

/** The FG reviews who read a case: a page for the SWV's administrators, 404 for everyone else. */
describe('transitions web app: the access log for the privacy officer', () => {
  const ring = PayloadKeyRing.generate('pd');
  const demo = demoApi(ring);
  let api: ApiHarness;
  let caseId: string;

  beforeAll(() => {
    ({ api, caseId } = demo);
  });

  it('lists every read, export and download with who and when; links it from the overview', async () => {
    const parent = await api.signIn(DEMO_PARENT_EMAIL);
    await api
      .http()
      .get(`/app/transitions/${caseId}`)
      .set('Authorization', `Bearer ${parent}`)
      .expect(200);
    await api
      .http()
      .get(`/app/transitions/${caseId}/export`)
      .set('Authorization', `Bearer ${parent}`)
      .expect(200);
    const admin = await api.signIn(DEMO_EMAILS.stadsring.secretariat); // secretariat and admin
    const overview = await api
      .http()
      .get('/app/transitions')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(overview.text).toContain(`href="/app/transitions/${caseId}/access-log"`);
    const page = await api
      .http()
      .get(`/app/transitions/${caseId}/access-log`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(page.text).toContain('<h1>Toegangslog van een schakeltraject</h1>');
    expect(page.text).toContain('Traject van VSO De Klimop');
    const rows = [
      ...page.text.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/g),
    ].map((m) => [m[2], m[3]]);
    // Newest first: the parent's export, then the parent's read (the demo's own reads before).
    expect(rows.slice(0, 2)).toEqual([
      ['Marieke Jansen', 'AVG-export gedownload'],
      ['Marieke Jansen', 'Traject bekeken'],
    ]);
    // No pupil on the page.
    const pupil = (
      (await api.ds.query(`SELECT pupil_enc FROM transition_case WHERE id = $1`, [caseId])) as {
        pupil_enc: string;
      }[]
    )[0]!.pupil_enc;
    const name = (
      JSON.parse(new FieldCipher(ring).decrypt(pupil, `transition_case:${caseId}:pupil`)) as {
        name: string;
      }
    ).name;
    expect(page.text).not.toContain(name);
  });

  it.each([
    ['the director (not an administrator)', DEMO_EMAILS.stadsring.director],
    ['the vso school on the case', VSO_CONTACT],
    ['the parent', DEMO_PARENT_EMAIL],
    ['another SWV', DEMO_EMAILS.rijnoever.secretariat],
  ])('answers 404 to %s', async (_who, email) => {
    const token = await api.signIn(email);
    const res = await api
      .http()
      .get(`/app/transitions/${caseId}/access-log`)
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('Toegangslog van een schakeltraject');
  });
});

/** Documents at the handover: attached by the vso school, need to know, logged, erased. */
describe('transitions api: documents of the handover', () => {
  const ring = PayloadKeyRing.generate('pd');
  /** The canary: a pupil named in the file's content, which a dump must never show. */
  const CANARY = 'Daan Kanariepiet, geboren 17-04-2012';
  const PDF = Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% OPP ${CANARY}\n%%EOF\n`,
  );
  /**
   * Every byte the database holds for documents and the case tables, as a dump shows it
   * (bytea in hex and as raw bytes): the canary must be found in neither form.
   */
  const dumpHits = async (): Promise<string[]> => {
    const rows = (await api.ds.query(
      `SELECT encode(d.content, 'hex') AS hex, d.content AS raw, d.filename FROM document d`,
    )) as { hex: string; raw: Buffer; filename: string }[];
    const tables = JSON.stringify(
      await api.ds.query(
        `SELECT (SELECT json_agg(t) FROM transition_document t) AS docs, (SELECT json_agg(c) FROM transition_case c) AS cases`,
      ),
    );
    const hits: string[] = [];
    for (const needle of ['Kanariepiet', '17-04-2012']) {
      const bytes = Buffer.from(needle, 'utf8');
      for (const r of rows) {
        if (r.raw.includes(bytes) || r.hex.includes(bytes.toString('hex'))) hits.push(needle);
        if (r.filename.includes(needle)) hits.push(needle);
      }
      if (tables.includes(needle)) hits.push(needle);
    }
    return hits;
  };
  const NAME = 'OPP Daan Jansen 2027.pdf';
  const demo = demoApi(ring);
  let api: ApiHarness;
  let caseId: string;
  let organisationId: string;
  let regularSchoolId: string;
  const tokens = new Map<string, string>();
  const as = async (email: string): Promise<string> => {
    if (!tokens.has(email)) tokens.set(email, await api.signIn(email));
    return tokens.get(email)!;
  };
  const bytes = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const setState = (sql: string, params: unknown[] = []) =>
    api.ds.query(`UPDATE transition_case SET ${sql} WHERE id = $1`, [caseId, ...params]);

  beforeAll(async () => {
    ({ api, caseId, organisationId } = demo);
    regularSchoolId = (
      (await api.ds.query(`SELECT school_id FROM person WHERE email = $1`, [
        DEMO_EMAILS.stadsring.schoolContact,
      ])) as { school_id: string }[]
    )[0]!.school_id;
    // The case at the handover with Stadsring College chosen; the parents have not consented yet.
    await setState(
      `phase = 'handover', regular_school_id = $2::uuid,
       state = state || jsonb_build_object('phase', 'handover', 'regularSchoolId', $2::text)`,
      [regularSchoolId],
    );
  });

  let attachmentId: string;

  it('lets the vso school attach a document, its name encrypted at rest', async () => {
    const res = await api
      .http()
      .post(`/api/transitions/${caseId}/documents`)
      .set('Authorization', `Bearer ${await as(VSO_CONTACT)}`)
      .attach('file', PDF, { filename: NAME, contentType: 'application/pdf' })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      filename: NAME,
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      createdAt: expect.any(String),
    });
    attachmentId = (res.body as { id: string }).id;
    const stored = JSON.stringify(
      await api.ds.query(
        `SELECT d.filename, td.filename_enc FROM transition_document td JOIN document d ON d.id = td.document_id`,
      ),
    );
    expect(stored).not.toContain('Daan');
    // Nor its content: a dump or a backup alone does not reveal the file.
    expect(await dumpHits()).toEqual([]);
    const view = await api
      .http()
      .get(`/api/transitions/${caseId}`)
      .set('Authorization', `Bearer ${await as(DEMO_PARENT_EMAIL)}`)
      .expect(200);
    expect((view.body as { documents: { filename: string }[] }).documents).toEqual([
      expect.objectContaining({ id: attachmentId, filename: NAME }),
    ]);
  });

  it('refuses a document from the parent (not theirs to attach) and a file of another type', async () => {
    await api
      .http()
      .post(`/api/transitions/${caseId}/documents`)
      .set('Authorization', `Bearer ${await as(DEMO_PARENT_EMAIL)}`)
      .attach('file', PDF, { filename: 'x.pdf', contentType: 'application/pdf' })
      .expect(422);
    await api
      .http()
      .post(`/api/transitions/${caseId}/documents`)
      .set('Authorization', `Bearer ${await as(VSO_CONTACT)}`)
      .attach('file', Buffer.from('<html>'), { filename: 'x.html', contentType: 'text/html' })
      .expect((r) => expect([400, 422]).toContain(r.status));
  });

  it('lets a participant download it, logged in the access log', async () => {
    const path = `/api/transitions/${caseId}/documents/${attachmentId}`;
    const res = await api
      .http()
      .get(path)
      .set('Authorization', `Bearer ${await as(DEMO_PARENT_EMAIL)}`)
      .buffer(true)
      .parse(bytes)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(NAME)}`,
    );
    expect((res.body as Buffer).equals(PDF)).toBe(true);
    const log = (await api.ds.query(
      `SELECT l.action, p.email FROM transition_access_log l JOIN person p ON p.id = l.person_id
        WHERE l.case_id = $1 AND l.action = 'download'`,
      [caseId],
    )) as { action: string; email: string }[];
    expect(log).toEqual([{ action: 'download', email: DEMO_PARENT_EMAIL }]);
  });

  it('answers 404 to outsiders, to the regular school before consent and on /api/documents', async () => {
    const path = `/api/transitions/${caseId}/documents/${attachmentId}`;
    for (const email of [
      DEMO_EMAILS.rijnoever.secretariat,
      DEMO_EMAILS.stadsring.secretariat,
      DEMO_EMAILS.stadsring.schoolContact,
    ]) {
      const auth = `Bearer ${await as(email)}`;
      const res = await api.http().get(path).set('Authorization', auth);
      expect({ email, status: res.status }).toEqual({ email, status: 404 });
      const upload = await api
        .http()
        .post(`/api/transitions/${caseId}/documents`)
        .set('Authorization', auth)
        .attach('file', PDF, { filename: 'x.pdf', contentType: 'application/pdf' });
      expect({ email, status: upload.status }).toEqual({ email, status: 404 });
    }
    const documentId = (
      (await api.ds.query(`SELECT document_id FROM transition_document WHERE id = $1`, [
        attachmentId,
      ])) as { document_id: string }[]
    )[0]!.document_id;
    await api
      .http()
      .get(`/api/documents/${documentId}`)
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.stadsring.secretariat)}`)
      .expect(404);
    // Once the parents consented to sharing with the regular school, its contact may download.
    await setState(`state = jsonb_set(state, '{consentSchoolIds}', jsonb_build_array($2::text))`, [
      regularSchoolId,
    ]);
    await api
      .http()
      .get(path)
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.stadsring.schoolContact)}`)
      .buffer(true)
      .parse(bytes)
      .expect(200);
  });

  it('encrypts a document stored in clear before the migration when the api starts', async () => {
    // A file attached before content encryption: in clear, as the old code stored it.
    const docs = new TransitionRepository(api.ds, new FieldCipher(ring));
    const vsoId = (
      (await api.ds.query(`SELECT id FROM person WHERE email = $1`, [VSO_CONTACT])) as {
        id: string;
      }[]
    )[0]!.id;
    const legacy = await docs.attachDocument(caseId, vsoId, {
      organisationId,
      filename: 'Oud verslag.pdf',
      extension: 'pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: 'x'.repeat(64),
      content: PDF,
    });
    await api.ds.query(
      `UPDATE document SET content = $2, size_bytes = $3
        WHERE id = (SELECT document_id FROM transition_document WHERE id = $1)`,
      [legacy, PDF, PDF.length],
    );
    await api.ds.query(
      `UPDATE transition_document SET content_encrypted = false, size_bytes = NULL WHERE id = $1`,
      [legacy],
    );
    expect(await dumpHits()).toContain('Kanariepiet');
    const path = `/api/transitions/${caseId}/documents/${legacy}`;
    const before = await api
      .http()
      .get(path)
      .set('Authorization', `Bearer ${await as(VSO_CONTACT)}`)
      .buffer(true)
      .parse(bytes)
      .expect(200);
    expect((before.body as Buffer).equals(PDF)).toBe(true);

    // What the api runs at start-up.
    expect(await docs.encryptPlainDocuments()).toBe(1);
    expect(await docs.encryptPlainDocuments()).toBe(0);
    expect(await dumpHits()).toEqual([]);
    const after = await api
      .http()
      .get(path)
      .set('Authorization', `Bearer ${await as(VSO_CONTACT)}`)
      .buffer(true)
      .parse(bytes)
      .expect(200);
    expect((after.body as Buffer).equals(PDF)).toBe(true);
  });

  it('lists the document with its download link on the case page of the web app', async () => {
    const page = await api
      .http()
      .get(`/app/transitions/${caseId}`)
      .set('Authorization', `Bearer ${await as(VSO_CONTACT)}`)
      .expect(200);
    const link = `/app/transitions/${caseId}/documents/${attachmentId}`;
    expect(page.text).toContain(`href="${link}"`);
    expect(page.text).toContain('enctype="multipart/form-data"');
    const res = await api
      .http()
      .get(link)
      .set('Authorization', `Bearer ${await as(DEMO_PARENT_EMAIL)}`)
      .buffer(true)
      .parse(bytes)
      .expect(200);
    expect((res.body as Buffer).equals(PDF)).toBe(true);
    await api
      .http()
      .get(link)
      .set('Authorization', `Bearer ${await as(DEMO_EMAILS.rijnoever.secretariat)}`)
      .expect(404);
  });

  it('erases the files and their rows with the case at the end of retention', async () => {
    await setState(`status = 'closed', state = state || '{"status": "closed"}'::jsonb`);
    const repo = new TransitionRepository(api.ds, new FieldCipher(ring));
    expect(await repo.erase(organisationId, caseId)).toBe(true);
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM transition_document`)).toEqual([
      { n: 0 },
    ]);
    expect(
      await api.ds.query(
        `SELECT count(*)::int AS n FROM document WHERE content_type = 'application/pdf' AND filename LIKE 'schakeltraject%'`,
      ),
    ).toEqual([{ n: 0 }]);
  });
});
