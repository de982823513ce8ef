import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_TRANSITION_CONFIG,
  type TransitionState,
  applyTransitionMove,
  openTransition,
} from '@jaarcyclus/domain';
import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { FieldCipher, FieldDecryptionError, type FieldKeys } from '../crypto/field-cipher';
import { createDataSource } from '../data-source';
import { DEMO_EMAILS, seedDemoData } from '../seed';
import { TransitionRepository } from './transition.repository';

function ring(keys: Record<string, Buffer>, current: string): FieldKeys {
  return { currentKeyId: current, key: (id) => keys[id] };
}

/** Schakeltraject cases on real PostgreSQL: encrypted at rest, need to know, an access log. */
describe('TransitionRepository (PostgreSQL)', () => {
  const K1 = randomBytes(32);
  const K2 = randomBytes(32);
  let db: TestDatabase;
  let ds: DataSource;
  let repo: TransitionRepository;
  let org: string;
  let otherOrg: string;
  let vso: string;
  let regular: string;
  let otherRegular: string;
  let parent: string;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;
  const personId = async (email: string): Promise<string> =>
    (await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [email])).id;
  const schoolId = async (name: string): Promise<string> =>
    (await one<{ id: string }>(`SELECT id FROM school WHERE name = $1`, [name])).id;
  /** Everything the case tables hold, as text: what a dump or a backup would show. */
  const dump = async (): Promise<string> =>
    JSON.stringify(
      await ds.query(
        `SELECT (SELECT json_agg(c) FROM transition_case c) AS cases,
                (SELECT json_agg(n) FROM transition_note n) AS notes,
                (SELECT json_agg(s) FROM transition_step s) AS steps`,
      ),
    );

  async function openCase(
    r: TransitionRepository,
    pupil: { name: string; birthDate: string },
  ): Promise<{ id: string; state: TransitionState }> {
    const id = randomUUID();
    const state = openTransition(vso, '2027-03-01');
    await r.create({
      id,
      organisationId: org,
      workflowId: `transition:${org}:${id}`,
      vsoSchoolId: vso,
      pupil,
      parentPersonIds: [parent],
      ectPersonIds: [await personId(DEMO_EMAILS.stadsring.ectMember)],
      state,
      config: DEFAULT_TRANSITION_CONFIG,
      createdByPersonId: null,
    });
    return { id, state };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url, { logging: false }).initialize();
    await seedDemoData(ds);
    repo = new TransitionRepository(ds, new FieldCipher(ring({ k1: K1 }, 'k1')));
    org = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`)).id;
    otherOrg = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'rijnoever'`))
      .id;
    vso = await schoolId('VSO De Klimop');
    regular = await schoolId('Stadsring College');
    otherRegular = await schoolId('Praktijkschool De Wierde');
    ({ id: parent } = await one<{ id: string }>(
      `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, 'ouder.test@example.org', 'Ouder Test', '{parent}') RETURNING id`,
      [org],
    ));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('round trip: the people on the case read the pupil; the tables hold no clear text', async () => {
    const pupil = { name: 'Zoë Kwartelkoning', birthDate: '2012-04-17' };
    const { id } = await openCase(repo, pupil);
    const vsoContact = await personId('zorg@vso-deklimop.example');
    const note = await repo.addNote(id, vsoContact, 'step', 'Zoë rekent graag; heeft rust nodig');

    const view = await repo.read(org, id, vsoContact);
    expect(view).toMatchObject({ viewer: 'vso', pupil, vsoSchoolName: 'VSO De Klimop' });
    expect(view!.notes).toEqual([
      expect.objectContaining({ id: note, body: 'Zoë rekent graag; heeft rust nodig' }),
    ]);
    expect((await repo.read(org, id, parent))!.viewer).toBe('parent');

    const raw = await dump();
    for (const clear of ['Kwartelkoning', 'Zoë', '2012-04-17', '17-04-2012', 'rekent graag']) {
      expect(raw).not.toContain(clear);
    }
    expect(raw).toContain('v1.k1.');
  });

  it('key rotation: old rows still decrypt, new rows use the new key', async () => {
    const before = await openCase(repo, { name: 'Oud Sleutelkind', birthDate: '2011-01-02' });
    const rotated = new TransitionRepository(ds, new FieldCipher(ring({ k1: K1, k2: K2 }, 'k2')));
    const after = await openCase(rotated, { name: 'Nieuw Sleutelkind', birthDate: '2011-03-04' });
    const enc = async (id: string): Promise<string> =>
      (
        await one<{ pupil_enc: string }>(`SELECT pupil_enc FROM transition_case WHERE id = $1`, [
          id,
        ])
      ).pupil_enc;
    expect(await enc(before.id)).toMatch(/^v1\.k1\./);
    expect(await enc(after.id)).toMatch(/^v1\.k2\./);
    expect((await rotated.read(org, before.id, parent))!.pupil!.name).toBe('Oud Sleutelkind');
    expect((await rotated.read(org, after.id, parent))!.pupil!.name).toBe('Nieuw Sleutelkind');
    // Without the old key the old row is unreadable: the key ring must keep it.
    const newOnly = new TransitionRepository(ds, new FieldCipher(ring({ k2: K2 }, 'k2')));
    await expect(newOnly.read(org, before.id, parent)).rejects.toThrow(FieldDecryptionError);
  });

  it('key rotation of handover documents: an old file keeps its key, a new one uses the new key', async () => {
    const { id } = await openCase(repo, { name: 'Bijlage Kind', birthDate: '2011-05-06' });
    const vsoContact = await personId('zorg@vso-deklimop.example');
    const file = (text: string) => {
      const content = Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
      return {
        organisationId: org,
        filename: `${text}.pdf`,
        extension: 'pdf',
        contentType: 'application/pdf',
        sizeBytes: content.length,
        sha256: 'x'.repeat(64),
        content,
      };
    };
    const old = await repo.attachDocument(id, vsoContact, file('Oude Kanariebijlage'));
    const rotated = new TransitionRepository(ds, new FieldCipher(ring({ k1: K1, k2: K2 }, 'k2')));
    const fresh = await rotated.attachDocument(id, vsoContact, file('Nieuwe Kanariebijlage'));
    const keyOf = async (attachmentId: string): Promise<string | null> =>
      FieldCipher.fileKeyIdOf(
        (
          await one<{ content: Buffer }>(
            `SELECT d.content FROM transition_document td JOIN document d ON d.id = td.document_id WHERE td.id = $1`,
            [attachmentId],
          )
        ).content,
      );
    expect(await keyOf(old)).toBe('k1');
    expect(await keyOf(fresh)).toBe('k2');
    const download = async (r: TransitionRepository, attachmentId: string): Promise<string> => {
      const found = await r.openDocument(org, id, attachmentId, parent, 1024);
      const parts: Buffer[] = [];
      for await (const part of found!.content) parts.push(part);
      return Buffer.concat(parts).toString('utf8');
    };
    expect(await download(rotated, old)).toContain('Oude Kanariebijlage');
    expect(await download(rotated, fresh)).toContain('Nieuwe Kanariebijlage');
    const hits = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM document WHERE position($1::bytea IN content) > 0`,
      [Buffer.from('Kanariebijlage')],
    );
    expect(hits.n).toBe(0);
    const newOnly = new TransitionRepository(ds, new FieldCipher(ring({ k2: K2 }, 'k2')));
    await expect(download(newOnly, old)).rejects.toThrow(FieldDecryptionError);
  });

  it('a ciphertext copied into another case does not decrypt there', async () => {
    const a = await openCase(repo, { name: 'Kind A', birthDate: '2010-05-05' });
    const b = await openCase(repo, { name: 'Kind B', birthDate: '2010-06-06' });
    await ds.query(
      `UPDATE transition_case SET pupil_enc = (SELECT pupil_enc FROM transition_case WHERE id = $1) WHERE id = $2`,
      [a.id, b.id],
    );
    await expect(repo.read(org, b.id, parent)).rejects.toThrow(FieldDecryptionError);
  });

  it('writes an access log row for every read, and the log cannot be rewritten', async () => {
    const { id } = await openCase(repo, { name: 'Log Kind', birthDate: '2012-02-02' });
    const ect = await personId(DEMO_EMAILS.stadsring.ectMember);
    await repo.read(org, id, ect);
    await repo.read(org, id, parent, 'export');
    const log = await repo.accessLog(org, id);
    expect(log.map((l) => [l.personId, l.action])).toEqual([
      [parent, 'export'],
      [ect, 'read'],
    ]);
    await expect(
      ds.query(`UPDATE transition_access_log SET person_id = NULL WHERE case_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      ds.query(`DELETE FROM transition_access_log WHERE case_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
  });

  it('answers null (404) to everyone not on the case, and logs nothing for them', async () => {
    const { id, state } = await openCase(repo, { name: 'Buiten Kind', birthDate: '2012-03-03' });
    const outsiders = [
      DEMO_EMAILS.stadsring.schoolContact, // the regular school, before consent
      'zorg@praktijkschool-dewierde.example', // another school
      DEMO_EMAILS.stadsring.secretariat, // the secretariat: the overview only
      DEMO_EMAILS.rijnoever.secretariat, // another SWV
    ];
    for (const email of outsiders) {
      const who = await personId(email);
      expect(await repo.read(org, id, who)).toBeNull();
      expect(await repo.read(otherOrg, id, who)).toBeNull();
    }
    expect(await repo.accessLog(org, id)).toEqual([]);

    // Once the parents consent for Stadsring College, its contact is on the case; Praktijkschool De Wierde is not.
    let s = applyTransitionMove(
      state,
      { kind: 'chooseSchool', schoolId: regular, priorConsultationOn: '2027-03-01' },
      'vso',
      '2027-03-01',
      DEFAULT_TRANSITION_CONFIG,
    );
    await repo.recordStep({
      organisationId: org,
      caseId: id,
      seq: 1,
      kind: 'chooseSchool',
      phaseBefore: 'orientation',
      actorPersonId: null,
      occurredOn: '2027-03-01',
      facts: { schoolId: regular },
      noteId: null,
      state: s,
    });
    const regularContact = await personId(DEMO_EMAILS.stadsring.schoolContact);
    expect(await repo.accessOf(org, id, regularContact)).toBeNull();
    s = applyTransitionMove(
      s,
      { kind: 'recordConsent', schoolId: regular },
      'parent',
      '2027-03-02',
      DEFAULT_TRANSITION_CONFIG,
    );
    const step = {
      organisationId: org,
      caseId: id,
      seq: 2,
      kind: 'recordConsent',
      phaseBefore: 'orientation' as const,
      actorPersonId: parent,
      occurredOn: '2027-03-02',
      facts: { schoolId: regular },
      noteId: null,
      state: s,
    };
    await repo.recordStep(step);
    await repo.recordStep(step); // a retry adds nothing
    expect(await repo.accessOf(org, id, regularContact)).toBe('regular');
    expect(
      await repo.accessOf(org, id, await personId('zorg@praktijkschool-dewierde.example')),
    ).toBeNull();
    expect(otherRegular).not.toBe(regular);
    const view = await repo.read(org, id, regularContact);
    expect(view!.steps.map((x) => x.seq)).toEqual([1, 2]);
    expect(view!.regularSchoolName).toBe('Stadsring College');
  });

  it('erases a closed case: no pupil, no notes, the parent anonymous; the numbers stay', async () => {
    const { id, state } = await openCase(repo, {
      name: 'Wissel Kind',
      birthDate: '2012-09-09',
    });
    await repo.addNote(id, parent, 'parent_view', 'Wij vinden het spannend');
    expect(await repo.erase(org, id)).toBe(false); // still open
    const closed = applyTransitionMove(
      state,
      { kind: 'end', reason: 'parents_withdrew' },
      'vso',
      '2027-04-01',
      DEFAULT_TRANSITION_CONFIG,
    );
    await repo.recordStep({
      organisationId: org,
      caseId: id,
      seq: 1,
      kind: 'end',
      phaseBefore: 'orientation',
      actorPersonId: null,
      occurredOn: '2027-04-01',
      facts: { reason: 'parents_withdrew' },
      noteId: null,
      state: closed,
    });
    // The parent is on other cases of this file as well: make a parent of this case only.
    const { id: soleParent } = await one<{ id: string }>(
      `INSERT INTO person (organisation_id, email, name, roles) VALUES ($1, 'alleen.ouder@example.org', 'Alleen Ouder', '{parent}') RETURNING id`,
      [org],
    );
    await ds.query(
      `INSERT INTO transition_participant (case_id, person_id, role) VALUES ($1, $2, 'parent')`,
      [id, soleParent],
    );

    expect(await repo.erase(org, id)).toBe(true);
    expect(await repo.erase(org, id)).toBe(false);
    const row = await one<{ status: string; pupil_enc: string | null; outcome: string }>(
      `SELECT status, pupil_enc, outcome FROM transition_case WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'erased', pupil_enc: null, outcome: 'ended' });
    expect(await ds.query(`SELECT 1 FROM transition_note WHERE case_id = $1`, [id])).toEqual([]);
    expect(await one(`SELECT name, active, roles FROM person WHERE id = $1`, [soleParent])).toEqual(
      { name: 'Verwijderd', active: false, roles: [] },
    );
    // The parent of other cases keeps their account.
    expect(await one(`SELECT active FROM person WHERE id = $1`, [parent])).toEqual({
      active: true,
    });
    expect(await repo.read(org, id, parent)).toBeNull();
    expect((await repo.accessLog(org, id))[0]).toMatchObject({ action: 'erase', personId: null });
    const facts = await repo.yearFacts(org);
    expect(facts).toContainEqual({
      openedOn: '2027-03-01',
      closedOn: '2027-04-01',
      outcome: 'ended',
      phases: [{ phase: 'orientation', enteredOn: '2027-03-01', leftOn: '2027-04-01' }],
    });
  });

  it('the overview lists cases without pupil data', async () => {
    const rows = await repo.overview(org);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/Kind|Kwartelkoning|2012-/);
    expect(await repo.overview(otherOrg)).toEqual([]);
  });
});
