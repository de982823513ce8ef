import { DEMO_EMAILS, DocumentRepository } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';
import { DOWNLOAD_CHUNK_BYTES, MAX_DOCUMENT_BYTES } from './documents.service';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** POST /api/documents and GET /api/documents/:id, now through DocumentsService. */
describe('documents api', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let secretariat: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    secretariat = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
  });

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  });

  it('stores a PDF for the SWV and lets its members download the same bytes; another SWV gets 404', async () => {
    const uploaded = await api
      .http()
      .post('/api/documents')
      .set('Authorization', `Bearer ${secretariat}`)
      .attach('file', PDF, { filename: 'begroting-2027.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(uploaded.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      filename: 'begroting-2027.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const id = (uploaded.body as { id: string }).id;

    // Until a cycle uses it, the upload is the office's: a member gets 404.
    const member = await api.signIn(DEMO_EMAILS.stadsring.alvMember);
    await api
      .http()
      .get(`/api/documents/${id}`)
      .set('Authorization', `Bearer ${member}`)
      .expect(404);
    await api.ds.query(`UPDATE document SET used_at = now() WHERE id = $1`, [id]);
    const download = await api
      .http()
      .get(`/api/documents/${id}`)
      .set('Authorization', `Bearer ${member}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      "attachment; filename*=UTF-8''begroting-2027.pdf",
    );
    expect((download.body as Buffer).equals(PDF)).toBe(true);

    const other = await api.signIn(DEMO_EMAILS.rijnoever.secretariat);
    await api
      .http()
      .get(`/api/documents/${id}`)
      .set('Authorization', `Bearer ${other}`)
      .expect(404);
  });

  it('streams a large file in pieces with its length, byte for byte', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024 + 17, 7)]);
    const uploaded = await api
      .http()
      .post('/api/documents')
      .set('Authorization', `Bearer ${secretariat}`)
      .attach('file', big, { filename: 'groot.pdf', contentType: 'application/pdf' })
      .expect(201);
    const id = (uploaded.body as { id: string }).id;
    const pieces: number[] = [];
    const download = await api
      .http()
      .get(`/api/documents/${id}`)
      .set('Authorization', `Bearer ${secretariat}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-length']).toBe(String(big.length));
    expect((download.body as Buffer).equals(big)).toBe(true);

    const repo = new DocumentRepository(api.ds);
    const org = (
      (await api.ds.query(`SELECT organisation_id FROM document WHERE id = $1`, [id])) as {
        organisation_id: string;
      }[]
    )[0]!.organisation_id;
    for await (const piece of repo.contentChunks(org, id, big.length, DOWNLOAD_CHUNK_BYTES)) {
      pieces.push(piece.length);
    }
    expect(pieces).toEqual([
      DOWNLOAD_CHUNK_BYTES,
      DOWNLOAD_CHUNK_BYTES,
      DOWNLOAD_CHUNK_BYTES,
      big.length - 3 * DOWNLOAD_CHUNK_BYTES,
    ]);
  });

  it('keeps a file name with accents and dashes as the secretariat typed it', async () => {
    const name = 'Begroting 2027 – concept één.pdf';
    const uploaded = await api
      .http()
      .post('/api/documents')
      .set('Authorization', `Bearer ${secretariat}`)
      .attach('file', PDF, { filename: name, contentType: 'application/pdf' })
      .expect(201);
    expect((uploaded.body as { filename: string }).filename).toBe(name);
  });

  it('refuses other file types, empty and missing files (422) and files over the limit (413), storing none', async () => {
    const count = async (): Promise<number> =>
      ((await api.ds.query(`SELECT count(*)::int AS n FROM document`)) as [{ n: number }])[0].n;
    const before = await count();
    const post = () =>
      api.http().post('/api/documents').set('Authorization', `Bearer ${secretariat}`);
    const image = await post()
      .attach('file', Buffer.from('png'), { filename: 'logo.png', contentType: 'image/png' })
      .expect(422);
    expect(image.body).toMatchObject({
      message: 'file must be a PDF, Word, Excel or OpenDocument file (got image/png)',
    });
    await post()
      .attach('file', Buffer.alloc(0), { filename: 'leeg.pdf', contentType: 'application/pdf' })
      .expect(422);
    // A web page renamed to .pdf: the browser sends it as a PDF, its content says otherwise.
    const renamed = await post()
      .attach('file', Buffer.from('<!doctype html><script>alert(1)</script>'), {
        filename: 'begroting.pdf',
        contentType: 'application/pdf',
      })
      .expect(422);
    expect(renamed.body).toMatchObject({
      message: 'file content does not match its type (sent as PDF)',
    });
    await post().expect(422);
    await post()
      .attach('file', Buffer.alloc(MAX_DOCUMENT_BYTES + 1), {
        filename: 'groot.pdf',
        contentType: 'application/pdf',
      })
      .expect(413);
    expect(await count()).toBe(before);
  });
});
