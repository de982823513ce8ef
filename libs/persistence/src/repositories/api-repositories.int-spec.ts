import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import { type DataSource, QueryFailedError } from 'typeorm';
import { createDataSource } from '../data-source';
import { DEMO_EMAILS, seedDemoData } from '../seed';
import { Repositories } from './repositories';

/**
 * The repositories' methods for the api and the web app on real PostgreSQL: every read scoped
 * to a tenant (and a person where it is theirs), the orders the pages rely on, and the
 * database's refusals surfacing as QueryFailedError, which the api turns into 409/422.
 */
describe('repositories of the api and the web app (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repos: Repositories;
  let org: string;
  let otherOrg: string;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;
  const personId = async (email: string): Promise<string> =>
    (await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [email])).id;
  const pgCode = (err: unknown): string | undefined =>
    err instanceof QueryFailedError
      ? (err as QueryFailedError & { driverError: { code?: string } }).driverError.code
      : undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
    await seedDemoData(ds);
    repos = new Repositories(ds);
    org = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`)).id;
    otherOrg = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'rijnoever'`))
      .id;
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  describe('tenant records (BoardRepository, PersonRepository, …)', () => {
    it('list, get and check only the tenant’s rows, by name', async () => {
      const boards = await repos.boards.list(org);
      expect(boards.length).toBeGreaterThan(1);
      expect(boards.every((b) => b.organisationId === org)).toBe(true);
      const ordered = (await ds.query(
        `SELECT id FROM school_board WHERE organisation_id = $1 ORDER BY name, id`,
        [org],
      )) as { id: string }[];
      expect(boards.map((b) => b.id)).toEqual(ordered.map((b) => b.id));

      const board = boards[0]!;
      expect(await repos.boards.get(org, board.id)).toMatchObject({ id: board.id });
      expect(await repos.boards.get(otherOrg, board.id)).toBeNull();
      expect(await repos.boards.exists(org, board.id)).toBe(true);
      expect(await repos.boards.exists(otherOrg, board.id)).toBe(false);
    });

    it('create, change and delete a row; another tenant deletes nothing', async () => {
      const created = await repos.boards.save(
        repos.boards.create({ organisationId: org, name: 'Stichting Proef', pupilCount: 12 }),
      );
      expect(created).toMatchObject({
        organisationId: org,
        pupilCount: 12,
        bestuurderPersonId: null,
      });
      created.pupilCount = 40;
      await repos.boards.save(created);
      expect(await repos.boards.get(org, created.id)).toMatchObject({ pupilCount: 40 });

      expect(await repos.boards.delete(otherOrg, created.id)).toBe(false);
      expect(await repos.boards.delete(org, created.id)).toBe(true);
      expect(await repos.boards.delete(org, created.id)).toBe(false);
    });

    it('leave the refusals to the database: a duplicate name, a board still in use', async () => {
      const [first] = await repos.boards.list(org);
      const duplicate = repos.boards.create({
        organisationId: org,
        name: first!.name,
        pupilCount: 1,
      });
      const refused = await repos.boards.save(duplicate).catch((e: unknown) => e);
      expect(pgCode(refused)).toBe('23505');
      const inUse = await repos.boards.delete(org, first!.id).catch((e: unknown) => e);
      expect(pgCode(inUse)).toBe('23503');
    });

    it('lock a row for the rest of a transaction', async () => {
      const person = await personId(DEMO_EMAILS.stadsring.secretariat);
      const name = await repos.transaction(async (tx) => {
        const row = await tx.persons.get(org, person, { lock: true });
        return row?.name;
      });
      expect(name).toEqual(expect.any(String));
      expect(await repos.persons.get(otherOrg, person)).toBeNull();
    });
  });

  describe('PersonRepository', () => {
    it('knows a contact’s school and counts the active administrators', async () => {
      const contact = await personId(DEMO_EMAILS.stadsring.schoolContact);
      const school = await one<{ id: string }>(
        `SELECT id FROM school WHERE organisation_id = $1 AND name = 'Stadsring College'`,
        [org],
      );
      expect(await repos.persons.schoolIdOf(org, contact)).toBe(school.id);
      expect(await repos.persons.schoolIdOf(otherOrg, contact)).toBeNull();
      expect(
        await repos.persons.schoolIdOf(org, await personId(DEMO_EMAILS.stadsring.director)),
      ).toBeNull();

      const admins = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM person WHERE organisation_id = $1 AND active AND 'admin' = ANY (roles)`,
        [org],
      );
      expect(admins.n).toBeGreaterThan(0);
      expect(await repos.persons.countActiveAdmins(org)).toBe(admins.n);
    });
  });

  describe('SchoolRepository', () => {
    it('finds a school with what decides access, and the schools a person is linked to', async () => {
      const [contact, ect, director] = await Promise.all([
        personId(DEMO_EMAILS.stadsring.schoolContact),
        personId(DEMO_EMAILS.stadsring.ectMember),
        personId(DEMO_EMAILS.stadsring.director),
      ]);
      const school = await one<{ id: string; board_id: string; bestuurder: string }>(
        `SELECT s.id, s.board_id, b.bestuurder_person_id AS bestuurder
           FROM school s JOIN school_board b ON b.id = s.board_id
          WHERE s.organisation_id = $1 AND s.name = 'Stadsring College'`,
        [org],
      );
      await ds.query(`UPDATE school SET ect_member_person_id = $2 WHERE id = $1`, [school.id, ect]);
      const ids = async (sql: string, param: string) =>
        ((await ds.query(sql, [param])) as { id: string }[]).map((r) => r.id).sort();

      expect(await repos.schools.findForAccess(org, school.id, contact)).toMatchObject({
        id: school.id,
        name: 'Stadsring College',
        kind: 'regular',
        boardId: school.board_id,
        boardName: expect.any(String),
        ectMemberPersonId: ect,
        bestuurderPersonId: school.bestuurder,
        personSchoolId: school.id,
      });
      expect(await repos.schools.findForAccess(org, school.id, director)).toMatchObject({
        personSchoolId: null,
      });
      expect(await repos.schools.findForAccess(otherOrg, school.id, contact)).toBeNull();

      const none = { asContact: false, asEct: false };
      expect(await repos.schools.idsLinkedTo(org, contact, { ...none, asContact: true })).toEqual([
        school.id,
      ]);
      expect(await repos.schools.idsLinkedTo(org, contact, none)).toEqual([]);
      const ofEct = await ids(`SELECT id FROM school WHERE ect_member_person_id = $1`, ect);
      expect(ofEct).toContain(school.id);
      expect((await repos.schools.idsLinkedTo(org, ect, { ...none, asEct: true })).sort()).toEqual(
        ofEct,
      );
      expect(await repos.schools.idsLinkedTo(org, ect, none)).toEqual([]);
      expect((await repos.schools.idsLinkedTo(org, school.bestuurder, none)).sort()).toEqual(
        await ids(`SELECT id FROM school WHERE board_id = $1`, school.board_id),
      );
      expect(await repos.schools.idsLinkedTo(otherOrg, school.bestuurder, none)).toEqual([]);
    });
  });

  describe('BodyRepository', () => {
    it('adds, lists, checks and removes members', async () => {
      const [secretariat, director] = await Promise.all([
        personId(DEMO_EMAILS.stadsring.secretariat),
        personId(DEMO_EMAILS.stadsring.director),
      ]);
      const [board] = await repos.boards.list(org);
      const body = await repos.bodies.save(
        repos.bodies.create({
          organisationId: org,
          key: 'proef',
          name: 'Proefcommissie',
          decisionKind: 'advies',
          votingRule: {
            weighting: 'one_member_one_vote',
            quorum: null,
            majority: { basis: 'votes_cast', strict: true, numerator: 1, denominator: 2 },
            abstentions: 'excluded',
          },
          chairPersonId: null,
        }),
      );
      const a = await repos.bodies.addMember({
        bodyId: body.id,
        personId: secretariat,
        boardId: null,
      });
      const b = await repos.bodies.addMember({
        bodyId: body.id,
        personId: director,
        boardId: board!.id,
      });
      expect(a).toMatchObject({ bodyId: body.id, personId: secretariat, boardId: null });

      const members = await repos.bodies.membersWithPersons(org, body.id);
      expect(members.map((m) => m.member.id)).toEqual([a.id, b.id].sort());
      expect(members.find((m) => m.member.id === b.id)).toMatchObject({
        member: { personId: director, boardId: board!.id },
        person: { name: expect.any(String), email: DEMO_EMAILS.stadsring.director },
      });
      expect(await repos.bodies.membersWithPersons(otherOrg, body.id)).toEqual([]);
      expect(await repos.bodies.countMembersWithoutBoard(body.id)).toBe(1);
      expect(await repos.bodies.isBoardRepresented(body.id, board!.id)).toBe(true);

      const twice = await repos.bodies
        .addMember({ bodyId: body.id, personId: secretariat, boardId: null })
        .catch((e: unknown) => e);
      expect(pgCode(twice)).toBe('23505');

      expect(await repos.bodies.removeMember(body.id, a.id)).toBe(true);
      expect(await repos.bodies.removeMember(body.id, a.id)).toBe(false);
      expect(await repos.bodies.countMembersWithoutBoard(body.id)).toBe(0);
      expect(await repos.bodies.delete(org, body.id)).toBe(true);
    });
  });

  describe('OrganisationRepository', () => {
    it('reads and changes the SWV, locked in a transaction', async () => {
      const before = await repos.organisations.getOrFail(org);
      await repos.transaction(async (tx) => {
        await tx.organisations.lock(org);
        const locked = await tx.organisations.get(org, { lock: true });
        locked!.settings = { ...locked!.settings, opRDisputeAfterRounds: 3 };
        await tx.organisations.save(locked!);
      });
      expect((await repos.organisations.get(org))?.settings).toEqual({
        ...before.settings,
        opRDisputeAfterRounds: 3,
      });
      expect(await repos.organisations.get('ffffffff-ffff-4fff-8fff-ffffffffffff')).toBeNull();
      await expect(
        repos.organisations.getOrFail('ffffffff-ffff-4fff-8fff-ffffffffffff'),
      ).rejects.toThrow();
      await repos.organisations.save(before);
    });
  });

  describe('TaskRepository (a person’s tasks)', () => {
    const WF = 'budget:repo-api-test:2027';

    it('lists, overviews and finds only the person’s own tasks, in the pages’ order', async () => {
      const [me, other] = await Promise.all([
        personId(DEMO_EMAILS.stadsring.rvtChair),
        personId(DEMO_EMAILS.stadsring.oprMember),
      ]);
      const open = (refKey: string, dueAt: string | null, personId = me) =>
        repos.tasks.open({
          organisationId: org,
          personId,
          workflowId: WF,
          kind: 'vote',
          refKey,
          title: refKey,
          dueAt,
          payload: {},
        });
      const late = await open('late', '2026-12-20T10:00:00.000Z');
      const soon = await open('soon', '2026-12-10T10:00:00.000Z');
      const undated = await open('undated', null);
      const done = await open('done', '2026-12-01T10:00:00.000Z');
      const notMine = await open('other', '2026-12-05T10:00:00.000Z', other);
      await repos.tasks.update({
        workflowId: WF,
        kind: 'vote',
        refKey: 'done',
        status: 'done',
        at: '2026-12-02T10:00:00.000Z',
      });

      expect((await repos.tasks.listForPerson(org, me)).map((t) => t.id)).toEqual([
        soon,
        late,
        undated,
        done,
      ]);
      expect(await repos.tasks.listForPerson(otherOrg, me)).toEqual([]);

      const overview = await repos.tasks.overviewForPerson(org, me);
      expect(overview.open.map((t) => t.id)).toEqual([soon, late, undated]);
      expect(overview.closed.map((t) => t.id)).toEqual([done]);

      expect((await repos.tasks.openWithDeadline(org, me)).map((t) => t.id)).toEqual([soon, late]);

      expect(await repos.tasks.findForPerson(org, me, soon)).toMatchObject({ id: soon });
      expect(await repos.tasks.findForPerson(org, me, soon, 'vote')).toMatchObject({ id: soon });
      expect(await repos.tasks.findForPerson(org, me, soon, 'adopt')).toBeNull();
      expect(await repos.tasks.findForPerson(org, me, notMine)).toBeNull();
      expect(await repos.tasks.findForPerson(otherOrg, me, soon)).toBeNull();
    });
  });

  describe('CycleRepository and AuditRepository (the api’s reads)', () => {
    it('know a cycle, list a kind newest first, read its published state and its trail', async () => {
      const row = (year: number) => ({
        organisationId: org,
        kind: 'budget',
        year,
        workflowId: `budget:repo-api-cycles:${year}`,
        title: `Begroting ${year}`,
        status: 'voting',
        createdByPersonId: null,
      });
      await repos.cycles.record(row(2030), []);
      await repos.cycles.record(row(2031), []);
      expect(await repos.cycles.exists('budget:repo-api-cycles:2030')).toBe(true);
      expect(await repos.cycles.exists('budget:repo-api-cycles:2032')).toBe(false);
      const years = (await repos.cycles.list(org, 'budget')).map((c) => c.year);
      expect(years.slice(0, 2)).toEqual([2031, 2030]);
      expect(await repos.cycles.list(otherOrg, 'budget')).toEqual([]);

      expect(await repos.cycles.publishedState(org, 'budget:repo-api-cycles:2030')).toBeNull();
      await repos.cycles.publishState({ ...row(2030), state: { round: 1 }, seq: 1 });
      expect(await repos.cycles.publishedState(org, 'budget:repo-api-cycles:2030')).toEqual({
        round: 1,
      });
      expect(await repos.cycles.publishedState(otherOrg, 'budget:repo-api-cycles:2030')).toBeNull();

      const entry = (key: string, action: string, occurredAt: string) => ({
        idempotencyKey: key,
        organisationId: org,
        workflowId: 'budget:repo-api-cycles:2030',
        actorPersonId: null,
        action,
        occurredAt,
        payload: {},
      });
      await repos.audit.append([
        entry('b', 'vote_cast', '2026-12-02T10:00:00.000Z'),
        entry('a', 'started', '2026-12-01T10:00:00.000Z'),
      ]);
      const trail = await repos.audit.trail(org, 'budget:repo-api-cycles:2030');
      expect(trail.map((e) => e.action)).toEqual(['started', 'vote_cast']);
      expect(await repos.audit.trail(otherOrg, 'budget:repo-api-cycles:2030')).toEqual([]);
    });
  });

  describe('DocumentRepository', () => {
    it('stores a document, reads it without and with its content, and marks its first use', async () => {
      const content = Buffer.from('%PDF-1.7 proef');
      const stored = await repos.documents.insert({
        organisationId: org,
        filename: 'begroting.pdf',
        contentType: 'application/pdf',
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      });
      const found = await repos.documents.find(org, stored.id);
      expect(found).toMatchObject({ filename: 'begroting.pdf', sizeBytes: content.length });
      expect(found?.content).toBeUndefined();
      const pieces: Buffer[] = [];
      for await (const p of repos.documents.contentChunks(org, stored.id, content.length, 4)) {
        pieces.push(p);
      }
      expect(Buffer.concat(pieces)).toEqual(content);
      expect(await repos.documents.find(otherOrg, stored.id)).toBeNull();
      const foreign: Buffer[] = [];
      for await (const p of repos.documents.contentChunks(otherOrg, stored.id, content.length, 4)) {
        foreign.push(p);
      }
      expect(foreign).toEqual([]);
      expect(await repos.documents.exists(org, stored.id)).toBe(true);
      expect(await repos.documents.exists(otherOrg, stored.id)).toBe(false);

      await repos.documents.markUsed(otherOrg, stored.id);
      expect((await repos.documents.find(org, stored.id))?.usedAt).toBeNull();
      await repos.documents.markUsed(org, stored.id);
      const first = (await repos.documents.find(org, stored.id))?.usedAt;
      expect(first).toBeInstanceOf(Date);
      await repos.documents.markUsed(org, stored.id);
      expect((await repos.documents.find(org, stored.id))?.usedAt).toEqual(first);
    });
  });

  describe('CalendarFeedRepository', () => {
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');

    it('keeps one feed per person and kind under its latest token hash, for active persons only', async () => {
      const me = await personId(DEMO_EMAILS.stadsring.oprMember);
      await repos.calendarFeeds.replace(org, me, 'personal', hash('one'));
      await repos.calendarFeeds.replace(org, me, 'personal', hash('two'));
      expect(await repos.calendarFeeds.current(org, me, 'personal')).toMatchObject({
        tokenHash: hash('two'),
        kind: 'personal',
      });
      expect(await repos.calendarFeeds.current(otherOrg, me, 'personal')).toBeNull();
      expect(await repos.calendarFeeds.ownerOf(hash('one'), 'personal')).toBeNull();
      expect(await repos.calendarFeeds.ownerOf(hash('two'), 'personal')).toEqual({
        personId: me,
        organisationId: org,
        organisationName: expect.any(String),
        locale: 'nl',
        roles: expect.any(Array),
      });
      await ds.query(`UPDATE person SET active = false WHERE id = $1`, [me]);
      try {
        expect(await repos.calendarFeeds.ownerOf(hash('two'), 'personal')).toBeNull();
      } finally {
        await ds.query(`UPDATE person SET active = true WHERE id = $1`, [me]);
      }
      await repos.calendarFeeds.delete(otherOrg, me, 'personal');
      expect(await repos.calendarFeeds.current(org, me, 'personal')).not.toBeNull();
      await repos.calendarFeeds.delete(org, me, 'personal');
      expect(await repos.calendarFeeds.current(org, me, 'personal')).toBeNull();
    });

    it('gives the year agenda a token of its own: neither token opens the other feed, and replacing or revoking one leaves the other', async () => {
      const me = await personId(DEMO_EMAILS.stadsring.secretariat);
      await repos.calendarFeeds.replace(org, me, 'personal', hash('mine'));
      await repos.calendarFeeds.replace(org, me, 'agenda', hash('agenda'));
      expect(await repos.calendarFeeds.ownerOf(hash('mine'), 'personal')).toMatchObject({
        personId: me,
      });
      expect(await repos.calendarFeeds.ownerOf(hash('agenda'), 'agenda')).toMatchObject({
        personId: me,
      });
      expect(await repos.calendarFeeds.ownerOf(hash('mine'), 'agenda')).toBeNull();
      expect(await repos.calendarFeeds.ownerOf(hash('agenda'), 'personal')).toBeNull();

      // A personal feed whose token also opened the agenda (migration 180) loses the mark when renewed.
      await ds.query(`UPDATE calendar_feed SET opened_agenda = true WHERE person_id = $1`, [me]);
      expect(await repos.calendarFeeds.current(org, me, 'personal')).toMatchObject({
        openedAgenda: true,
      });
      await repos.calendarFeeds.replace(org, me, 'personal', hash('mine'));
      expect(await repos.calendarFeeds.current(org, me, 'personal')).toMatchObject({
        openedAgenda: false,
      });
      await repos.calendarFeeds.replace(org, me, 'agenda', hash('agenda 2'));
      expect(await repos.calendarFeeds.ownerOf(hash('agenda'), 'agenda')).toBeNull();
      expect(await repos.calendarFeeds.ownerOf(hash('mine'), 'personal')).not.toBeNull();

      await repos.calendarFeeds.delete(org, me, 'agenda');
      expect(await repos.calendarFeeds.current(org, me, 'agenda')).toBeNull();
      expect(await repos.calendarFeeds.current(org, me, 'personal')).not.toBeNull();
      await repos.calendarFeeds.delete(org, me, 'personal');
    });
  });

  describe('AccountabilityRepository (format, start, overview, submissions)', () => {
    it('stores the default format on first use and numbers published versions', async () => {
      expect(await repos.accountability.formats(otherOrg)).toEqual([]);
      expect(await repos.accountability.hasFormats(otherOrg)).toBe(false);
      expect(await repos.accountability.latestFormatVersion(otherOrg)).toBe(1);
      expect(await repos.accountability.hasFormats(otherOrg)).toBe(true);
      const v1 = await repos.accountability.formatOrFail(otherOrg, 1);

      const publisher = await personId(DEMO_EMAILS.rijnoever.secretariat);
      const v2 = await repos.transaction(async (tx) => {
        await tx.accountability.lockFormats(otherOrg);
        const latest = await tx.accountability.latestFormatVersion(otherOrg);
        return tx.accountability.insertFormat({
          organisationId: otherOrg,
          version: latest + 1,
          incomeLines: v1.incomeLines,
          expenseLines: v1.expenseLines,
          appendix: v1.appendix,
          createdByPersonId: publisher,
        });
      });
      expect(v2).toMatchObject({ version: 2, createdByPersonId: publisher });
      expect(v2.publishedAt).toBeInstanceOf(Date);
      expect((await repos.accountability.formats(otherOrg)).map((f) => f.version)).toEqual([2, 1]);
      expect(await repos.accountability.format(otherOrg, 2)).toMatchObject({ id: v2.id });
      expect(await repos.accountability.format(org, 2)).toBeNull();
      await expect(repos.accountability.formatOrFail(otherOrg, 3)).rejects.toThrow();

      const twice = await repos.accountability
        .insertFormat({ ...v2, organisationId: otherOrg, createdByPersonId: publisher })
        .catch((e: unknown) => e);
      expect(pgCode(twice)).toBe('23505');

      await repos.accountability.recordCycleStart({
        organisationId: otherOrg,
        workflowId: `accountability:${otherOrg}:2029`,
        accountingYear: 2029,
        formatVersion: 2,
        deadline: '2030-02-01T22:59:59.999Z',
        reminderPolicy: { offsetsBusinessDays: [5], sendHour: 9 },
        schools: 0,
      });
      expect(await repos.accountability.formatUses(otherOrg)).toEqual([
        {
          version: 2,
          publishedAt: v2.publishedAt,
          createdByPersonId: publisher,
          publishedBy: expect.any(String),
          accountingYears: [2029],
        },
        {
          version: 1,
          publishedAt: expect.any(Date),
          createdByPersonId: null,
          publishedBy: null,
          accountingYears: [],
        },
      ]);
    });

    it('starts a cycle, lists its schools with deduction and waiver, and keeps a school’s submissions', async () => {
      const year = 2028;
      const cycleWf = `accountability:${org}:${year}`;
      const schools = await repos.schools.regularSchools(org);
      const [waived, submitting] = [schools[0]!, schools[1]!];
      const schoolWf = (id: string) => `${cycleWf}:school:${id}`;
      const formatVersion = await repos.accountability.latestFormatVersion(org);

      expect(await repos.accountability.cycleSummary(org, cycleWf)).toBeNull();
      await repos.transaction(async (tx) => {
        await tx.cycles.record(
          {
            organisationId: org,
            kind: 'accountability',
            year,
            workflowId: cycleWf,
            title: `Verantwoording ${year}`,
            status: 'fanning_out',
            createdByPersonId: null,
          },
          [],
        );
        await tx.accountability.recordCycleStart({
          organisationId: org,
          workflowId: cycleWf,
          accountingYear: year,
          formatVersion,
          deadline: '2029-02-01T22:59:59.999Z',
          reminderPolicy: { offsetsBusinessDays: [14, 7, 1], sendHour: 9 },
          schools: 2,
        });
        await tx.accountability.insertNotStartedSchools({
          organisationId: org,
          cycleWorkflowId: cycleWf,
          accountingYear: year,
          formatVersion,
          deadline: '2029-02-01T22:59:59.999Z',
          workflowIds: [waived.id, submitting.id].map(schoolWf),
          schoolIds: [waived.id, submitting.id],
        });
      });
      // A second start keeps the stored settings.
      await repos.accountability.recordCycleStart({
        organisationId: org,
        workflowId: cycleWf,
        accountingYear: year,
        formatVersion,
        deadline: '2029-03-01T22:59:59.999Z',
        reminderPolicy: { offsetsBusinessDays: [1], sendHour: 9 },
        schools: 5,
      });
      expect(await repos.accountability.cycleSummary(org, cycleWf)).toEqual({
        title: `Verantwoording ${year}`,
        status: 'fanning_out',
        formatVersion,
        deadline: new Date('2029-02-01T22:59:59.999Z'),
        schools: 2,
      });
      expect(await repos.accountability.cycleSummary(otherOrg, cycleWf)).toBeNull();

      // The waived school: its status and the latest 'waived' event of its workflow.
      const secretariat = await personId(DEMO_EMAILS.stadsring.secretariat);
      const status = (await repos.accountability.schoolStatus(org, year, waived.id))!;
      expect(status).toMatchObject({ status: 'not_started', version: 0, daysLate: 0 });
      expect(await repos.accountability.schoolStatus(otherOrg, year, waived.id)).toBeNull();
      await ds.query(`UPDATE school_accountability SET status = 'waived' WHERE id = $1`, [
        status.id,
      ]);
      expect(await repos.accountability.schoolStatusById(status.id)).toMatchObject({
        status: 'waived',
      });
      const waive = (key: string, reason: string, occurredAt: string) => ({
        idempotencyKey: key,
        organisationId: org,
        workflowId: schoolWf(waived.id),
        actorPersonId: secretariat,
        action: 'waived',
        occurredAt,
        payload: { reason },
      });
      await repos.audit.append([
        waive('w1', 'Fusie', '2029-01-10T10:00:00.000Z'),
        waive('w2', 'Fusie met De Hunze', '2029-01-11T10:00:00.000Z'),
      ]);
      const waiver = {
        reason: 'Fusie met De Hunze',
        at: new Date('2029-01-11T10:00:00.000Z'),
        byName: expect.any(String),
      };
      expect(await repos.accountability.waiver(org, schoolWf(waived.id))).toEqual(waiver);
      expect(await repos.accountability.waiver(org, schoolWf(submitting.id))).toBeNull();
      expect(await repos.accountability.waiver(otherOrg, schoolWf(waived.id))).toBeNull();

      // The submitting school: a draft saved twice is one row; a pending submission is
      // refused, or completed into its version, which removes the draft.
      const contact = await personId(DEMO_EMAILS.stadsring.schoolContact);
      const draft = {
        organisationId: org,
        schoolId: submitting.id,
        accountingYear: year,
        cycleWorkflowId: cycleWf,
        formatVersion,
        figures: { income: [] },
        savedByPersonId: contact,
      };
      const saved = await repos.accountability.saveDraft(draft);
      const again = await repos.accountability.saveDraft({ ...draft, figures: { income: [1] } });
      expect(again.id).toBe(saved.id);
      expect(await repos.accountability.draft(org, submitting.id, year)).toMatchObject({
        id: saved.id,
        figures: { income: [1] },
      });
      expect(await repos.accountability.draft(otherOrg, submitting.id, year)).toBeNull();

      const submission = {
        organisationId: org,
        schoolId: submitting.id,
        accountingYear: year,
        cycleWorkflowId: cycleWf,
        formatVersion,
        figures: { income: [], expenses: [] },
        submittedByPersonId: contact,
      };
      const refused = await repos.accountability.insertPendingSubmission(submission);
      await repos.accountability.refusePendingSubmission(refused);
      const accepted = await repos.accountability.insertPendingSubmission(submission);
      await repos.accountability.completeSubmission(org, submitting.id, year, {
        id: accepted,
        version: 1,
      });
      // Only a pending one is refused.
      await repos.accountability.refusePendingSubmission(accepted);
      const statuses = (await ds.query(
        `SELECT id, status, version FROM accountability_submission WHERE school_id = $1 AND accounting_year = $2`,
        [submitting.id, year],
      )) as { id: string; status: string; version: number | null }[];
      expect(statuses).toEqual(
        expect.arrayContaining([
          { id: refused, status: 'refused', version: null },
          { id: accepted, status: 'submitted', version: 1 },
        ]),
      );
      expect(statuses).toHaveLength(2);
      expect(await repos.accountability.draft(org, submitting.id, year)).toBeNull();
      expect(
        (await repos.accountability.submissionVersions(org, submitting.id, year)).map((s) => s.id),
      ).toEqual([accepted]);
      expect(await repos.accountability.submissionVersions(otherOrg, submitting.id, year)).toEqual(
        [],
      );

      // A deduction of the submitting school shows on its row.
      await repos.deductions.record({
        idempotencyKey: `${schoolWf(submitting.id)}:deduction`,
        organisationId: org,
        schoolId: submitting.id,
        boardId: submitting.boardId,
        accountingYear: year,
        allocationYear: year + 2,
        amountCents: 500_00,
        reason: 'Onderbesteding',
        submissionId: accepted,
        at: '2029-03-01T10:00:00.000Z',
      });
      expect(await repos.deductions.forSchool(org, submitting.id, year)).toMatchObject({
        amountCents: 500_00,
        allocationYear: year + 2,
      });
      expect(await repos.deductions.forSchool(org, waived.id, year)).toBeNull();
      expect(await repos.deductions.forSchool(otherOrg, submitting.id, year)).toBeNull();

      const overview = await repos.accountability.overview(org, year);
      const byId = new Map(overview.map((r) => [r.schoolId, r]));
      expect(overview).toHaveLength(2);
      expect(byId.get(waived.id)).toMatchObject({
        schoolName: waived.name,
        boardId: waived.boardId,
        status: 'waived',
        deadline: new Date('2029-02-01T22:59:59.999Z'),
        deductionCents: null,
        deductionAllocationYear: null,
        waiver,
      });
      expect(byId.get(submitting.id)).toMatchObject({
        status: 'not_started',
        deductionCents: 500_00,
        deductionAllocationYear: year + 2,
        waiver: null,
      });
      expect(await repos.accountability.overview(otherOrg, year)).toEqual([]);
    });
  });
});
