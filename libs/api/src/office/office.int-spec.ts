import { DEMO_EMAILS } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi, type ApiHarness } from '@jaarcyclus/api-app/testing/api-harness';
import { type OfficeFixture, seedOfficeFixture } from './testing/office-fixture';
import type { OfficeAgenda, OfficeOverview } from './office.service';

/** The office's home and the SWV's agenda as JSON (issue #16): every cycle, one SWV only. */
describe('GET /api/office/overview and /api/office/agenda', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;
  let api: ApiHarness;
  let fixture: OfficeFixture;
  let secretariat: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
    api = await startApi(db.url, smtp);
    fixture = await seedOfficeFixture((sql, params) => api.ds.query(sql, params));
    secretariat = await api.signIn(DEMO_EMAILS.stadsring.secretariat);
  }, 60_000);

  afterAll(async () => {
    await api.close();
    await smtp.stop();
    await db.drop();
  }, 60_000);

  const get = (path: string, token: string) =>
    api.http().get(path).set('Authorization', `Bearer ${token}`);

  it('shows what runs, what needs attention today and the next dates of the own SWV', async () => {
    const res = await get('/api/office/overview', secretariat).expect(200);
    const overview = res.body as OfficeOverview;

    expect(overview.running.map((c) => c.kind).sort()).toEqual(['accountability', 'budget']);
    expect(overview.running.find((c) => c.kind === 'accountability')!.schools).toEqual({ late: 1 });
    // The demo schakeltraject, counted by phase: no pupil in the answer.
    const cases = (await api.ds.query(
      `SELECT count(*)::int AS n FROM transition_case WHERE organisation_id = $1 AND status = 'open'`,
      [fixture.stadsring],
    )) as { n: number }[];
    expect(overview.transitions.open).toBe(cases[0]!.n);
    expect(JSON.stringify(overview.transitions)).not.toMatch(/pupil|leerling/i);

    expect(overview.attention.lateSchools).toEqual([
      expect.objectContaining({ schoolName: fixture.lateSchoolName, daysLate: 10 }),
    ]);
    // The ALV has no quorum three days before its deadline, the RvT was escalated; the OPR decided.
    expect(overview.attention.bodies.map((b) => b.bodyName).sort()).toEqual([
      'Algemene Ledenvergadering',
      'Raad van Toezicht',
    ]);
    expect(overview.attention.bodies.find((b) => b.bodyKey === 'alv')).toMatchObject({
      notVoted: 2,
      quorumReached: false,
      deadline: fixture.voteDeadline.toISOString(),
    });
    expect(overview.attention.escalations.map((b) => b.bodyKey)).toEqual(['rvt']);
    expect(overview.attention.mail).toMatchObject({
      refused: 1,
      refusedRecent: [expect.objectContaining({ to: 'weg@school.example' })],
    });
    expect(overview.attention.overdueTasks).toEqual([
      expect.objectContaining({ cycleKind: 'accountability', taskKind: 'submit', count: 1 }),
    ]);
    // Next dates: the vote deadline (two open votes, grouped), then the allocation letters.
    expect(overview.next.map((e) => [e.what, e.cycleKind, e.taskKind, e.open])).toEqual([
      ['deadline', 'budget', 'vote', 2],
      ['letters', 'budget', null, 0],
    ]);
    expect(overview.next[1]!.at).toBe(fixture.lettersDate.toISOString());

    // Nothing of the other SWV.
    expect(JSON.stringify(overview)).not.toMatch(/Rijnoever|weg@rijnoever/);
  }, 60_000);

  it("gives another SWV's office its own (empty) overview, never this SWV's data", async () => {
    const other = await api.signIn(DEMO_EMAILS.rijnoever.secretariat);
    const overview = (await get('/api/office/overview', other).expect(200)).body as OfficeOverview;
    expect(overview.running.map((c) => c.title)).toEqual(['Begroting Rijnoever']);
    expect(overview.attention.lateSchools).toEqual([]);
    expect(overview.attention.overdueTasks).toEqual([]);
    expect(overview.attention.mail.refusedRecent.map((m) => m.to)).toEqual([
      'weg@rijnoever.example',
    ]);
    expect(JSON.stringify(overview)).not.toMatch(/Stadsring|Algemene Ledenvergadering/);
    const agenda = (await get('/api/office/agenda', other).expect(200)).body as OfficeAgenda;
    expect(agenda.entries.map((e) => e.title)).toEqual(['Begroting Rijnoever']);
  }, 60_000);

  it('lists every date of the SWV in the agenda, the past month included', async () => {
    const agenda = (await get('/api/office/agenda', secretariat).expect(200)).body as OfficeAgenda;
    const rows = agenda.entries.map((e) => [e.what, e.cycleKind, e.taskKind, e.total, e.open]);
    expect(rows).toEqual([
      ['deadline', 'accountability', 'submit', 1, 1],
      ['deadline', 'budget', 'vote', 2, 2],
      ['letters', 'budget', null, 0, 0],
    ]);
    expect(Date.parse(agenda.from)).toBeLessThan(Date.now() - 10 * 24 * 3600 * 1000);
  }, 60_000);

  it('is for the secretariat and the administrator only', async () => {
    for (const email of [
      DEMO_EMAILS.stadsring.director,
      DEMO_EMAILS.stadsring.alvMember,
      DEMO_EMAILS.stadsring.schoolContact,
    ]) {
      const token = await api.signIn(email);
      await get('/api/office/overview', token).expect(403);
      await get('/api/office/agenda', token).expect(403);
    }
    await api.http().get('/api/office/overview').expect(401);
  }, 120_000);
});
