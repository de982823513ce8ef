import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { DEMO_EMAILS, seedDemoData } from '../seed';
import { Repositories } from './repositories';

/** The repositories on real PostgreSQL: every write idempotent, every read scoped to a tenant. */
describe('repositories (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repos: Repositories;
  let org: string;
  let otherOrg: string;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;
  const personId = async (email: string): Promise<string> =>
    (await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [email])).id;

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

  describe('TaskRepository', () => {
    const WF = 'budget:repo-test:2027';

    it('opens a task once per workflow, person, kind and step; a second open only re-dates it', async () => {
      const person = await personId(DEMO_EMAILS.stadsring.rvtChair);
      const task = {
        organisationId: org,
        personId: person,
        workflowId: WF,
        kind: 'vote' as const,
        refKey: 'round:1:body:rvt',
        title: 'Stemmen',
        dueAt: '2026-12-11T16:00:00.000Z',
        payload: { round: 1 },
      };
      const id = await repos.tasks.open(task);
      expect(await repos.tasks.open({ ...task, dueAt: '2026-12-18T16:00:00.000Z' })).toBe(id);
      const rows = await ds.query(`SELECT id, due_at, payload FROM task WHERE workflow_id = $1`, [
        WF,
      ]);
      expect(rows).toEqual([
        { id, due_at: new Date('2026-12-18T16:00:00.000Z'), payload: { round: 1 } },
      ]);
      expect(await repos.tasks.idsByPerson(WF, 'vote', 'round:1:body:rvt')).toEqual(
        new Map([[person, id]]),
      );
    });

    it('opens many tasks in one statement, as open would each', async () => {
      const [a, b] = await Promise.all([
        personId(DEMO_EMAILS.stadsring.schoolContact),
        personId(DEMO_EMAILS.stadsring.secretariat),
      ]);
      const input = {
        organisationId: org,
        kind: 'submit' as const,
        refKey: 'accountability:2026:submit:v1',
        dueAt: '2027-02-01T22:59:59.999Z',
        tasks: [
          { personId: a, workflowId: `${WF}:a`, title: 'A', payload: { schoolId: 'x', n: 1 } },
          { personId: b, workflowId: `${WF}:b`, title: 'B', payload: { schoolId: 'y', n: 2 } },
        ],
      };
      const first = await repos.tasks.openMany(input);
      expect(await repos.tasks.openMany(input)).toEqual(first);
      expect(first.map((t) => [t.workflowId, t.personId])).toEqual([
        [`${WF}:a`, a],
        [`${WF}:b`, b],
      ]);
      const stored = await one<{ payload: unknown; kind: string }>(
        `SELECT payload, kind FROM task WHERE id = $1`,
        [first[1]!.id],
      );
      expect(stored).toEqual({ payload: { schoolId: 'y', n: 2 }, kind: 'submit' });
      expect(await repos.tasks.latestByPerson(`${WF}:a`, 'submit')).toEqual(
        new Map([[a, first[0]!.id]]),
      );
    });

    it('changes only open tasks, of the given step and persons', async () => {
      const [x, y] = await Promise.all([
        personId(DEMO_EMAILS.stadsring.oprMember),
        personId(DEMO_EMAILS.stadsring.alvMember),
      ]);
      const base = { organisationId: org, workflowId: WF, kind: 'vote' as const, title: 'T' };
      for (const p of [x, y]) {
        await repos.tasks.open({ ...base, personId: p, refKey: 'r2', dueAt: null, payload: {} });
      }
      await repos.tasks.update({
        workflowId: WF,
        kind: 'vote',
        refKey: 'r2',
        personIds: [x],
        status: 'done',
        at: '2026-12-01T10:00:00.000Z',
      });
      // No refKey: every open task of the kind; the done one stays done.
      await repos.tasks.update({
        workflowId: WF,
        kind: 'vote',
        status: 'cancelled',
        at: '2026-12-02T10:00:00.000Z',
      });
      const rows = (await ds.query(
        `SELECT person_id, status, completed_at FROM task WHERE workflow_id = $1 AND ref_key = 'r2'`,
        [WF],
      )) as { person_id: string; status: string; completed_at: Date }[];
      const of = (p: string) => rows.find((r) => r.person_id === p)!;
      expect(of(x)).toMatchObject({
        status: 'done',
        completed_at: new Date('2026-12-01T10:00:00.000Z'),
      });
      expect(of(y)).toMatchObject({
        status: 'cancelled',
        completed_at: new Date('2026-12-02T10:00:00.000Z'),
      });
    });
  });

  describe('AuditRepository', () => {
    const WF = 'accountability:repo-test:2026:school:s';

    it('appends each key once, in order, with the transaction time when none is given', async () => {
      const entry = (key: string, action: string, payload: Record<string, unknown> = {}) => ({
        idempotencyKey: key,
        organisationId: org,
        workflowId: WF,
        actorPersonId: null,
        action,
        occurredAt: null,
        payload,
      });
      await repos.audit.append([
        entry('k1', 'started'),
        entry('k2', 'waived', { reason: 'Fusie' }),
      ]);
      await repos.audit.append([
        entry('k1', 'started'),
        entry('k3', 'waived', { reason: 'Nieuw' }),
      ]);
      const rows = (await ds.query(
        `SELECT action, payload->>'idempotencyKey' AS key, occurred_at FROM audit_event WHERE workflow_id = $1 ORDER BY id`,
        [WF],
      )) as { action: string; key: string; occurred_at: Date }[];
      expect(rows.map((r) => r.key)).toEqual(['k1', 'k2', 'k3']);
      expect(rows.every((r) => r.occurred_at instanceof Date)).toBe(true);
      expect(await repos.audit.latestPayloadText(org, WF, 'waived', 'reason')).toBe('Nieuw');
      expect(await repos.audit.latestPayloadText(otherOrg, WF, 'waived', 'reason')).toBeNull();
    });
  });

  describe('CycleRepository', () => {
    const WF = 'budget:repo-test-cycle:2027';
    const row = {
      organisationId: org,
      kind: 'budget',
      year: 2027,
      workflowId: WF,
      title: 'Begroting 2027',
      status: 'running',
      createdByPersonId: null,
    };
    const stored = () =>
      one<{ status: string; title: string; state: unknown; state_seq: number }>(
        `SELECT status, title, state, state_seq FROM cycle WHERE workflow_id = $1`,
        [WF],
      );

    it('records the list row, changing of an existing one only the columns asked for', async () => {
      await repos.cycles.record({ ...row, organisationId: org }, ['status']);
      await repos.cycles.record({ ...row, organisationId: org, status: 'x', title: 'Y' }, []);
      expect(await stored()).toMatchObject({ status: 'running', title: 'Begroting 2027' });
      await repos.cycles.record({ ...row, organisationId: org, status: 'adopted', title: 'Y' }, [
        'status',
      ]);
      expect(await stored()).toMatchObject({ status: 'adopted', title: 'Begroting 2027' });
      await repos.cycles.record({ ...row, organisationId: org, status: 'closed', title: 'Z' }, [
        'status',
        'title',
      ]);
      expect(await stored()).toMatchObject({ status: 'closed', title: 'Z' });
    });

    it('publishes a state only over an older one', async () => {
      await repos.cycles.publishState({ ...row, organisationId: org, state: { n: 2 }, seq: 2 });
      await repos.cycles.publishState({ ...row, organisationId: org, state: { n: 1 }, seq: 1 });
      expect(await stored()).toMatchObject({ state: { n: 2 }, state_seq: 2, status: 'closed' });
    });
  });

  describe('PersonRepository', () => {
    it('finds only the tenant’s persons, and only active ones when asked', async () => {
      const [secretariat, otherTenant] = await Promise.all([
        personId(DEMO_EMAILS.stadsring.secretariat),
        personId(DEMO_EMAILS.rijnoever.secretariat),
      ]);
      await ds.query(`UPDATE person SET active = false WHERE id = $1`, [secretariat]);
      try {
        const ids = [secretariat, otherTenant];
        expect(
          (await repos.persons.contacts(org, ids, { activeOnly: false })).map((p) => p.id),
        ).toEqual([secretariat]);
        expect(await repos.persons.contacts(org, ids, { activeOnly: true })).toEqual([]);
        expect(await repos.persons.activeWithRole(org, 'secretariat')).toEqual([]);
      } finally {
        await ds.query(`UPDATE person SET active = true WHERE id = $1`, [secretariat]);
      }
      expect(await repos.persons.activeWithRole(org, 'secretariat')).toEqual([
        { id: secretariat, name: expect.any(String) },
      ]);
    });
  });

  describe('AccountabilityRepository and DeductionRepository', () => {
    it('pin the format, find a submission, and record its deduction once for its allocation year', async () => {
      const school = await one<{ id: string; board_id: string }>(
        `SELECT id, board_id FROM school WHERE organisation_id = $1 AND name = 'Stadsring College'`,
        [org],
      );
      const cycle = `accountability:${org}:2024`;
      expect(await repos.accountability.pinFormatVersion(org, cycle, 2024)).toBe(1);
      expect(await repos.accountability.pinFormatVersion(otherOrg, cycle, 2024)).toBeNull();
      const { id: submissionId } = await one<{ id: string }>(
        `INSERT INTO accountability_submission
           (organisation_id, school_id, accounting_year, cycle_workflow_id, format_version, version, status, figures, submitted_by_person_id)
         VALUES ($1, $2, 2024, $3, 1, 1, 'submitted', '{"income": [], "expenses": []}', $4) RETURNING id`,
        [org, school.id, cycle, await personId(DEMO_EMAILS.stadsring.schoolContact)],
      );
      expect(
        await repos.accountability.submissionForUnderspending(org, submissionId, school.id, 2024),
      ).toEqual({
        status: 'submitted',
        formatVersion: 1,
        figures: { income: [], expenses: [] },
        fixedAmountCents: 58_000_00,
      });
      expect(
        await repos.accountability.submissionForUnderspending(org, submissionId, school.id, 2025),
      ).toBeNull();

      const d = {
        idempotencyKey: `${cycle}:school:${school.id}:deduction:${school.id}`,
        organisationId: org,
        schoolId: school.id,
        boardId: school.board_id,
        accountingYear: 2024,
        allocationYear: 2026,
        amountCents: 1_234_00,
        reason: 'Onderbesteding 2024',
        submissionId,
        at: '2025-03-01T10:00:00.000Z',
      };
      const first = await repos.deductions.record(d);
      expect(first.created).toBe(true);
      expect(await repos.deductions.record(d)).toEqual({ ...first, created: false });
      expect(
        await repos.deductions.record({ ...d, idempotencyKey: 'another', amountCents: 1 }),
      ).toEqual({ ...first, created: false });
      expect(await repos.deductions.forAllocation(org, 2026)).toEqual([
        { schoolId: school.id, amountCents: 1_234_00, reason: 'Onderbesteding 2024' },
      ]);
      expect(await repos.deductions.forAllocation(org, 2025)).toEqual([]);
      expect(await repos.deductions.forAllocation(otherOrg, 2026)).toEqual([]);
    });
  });

  describe('transactions', () => {
    it('read a prepared statement in the caller’s transaction, and on the pool only what is committed', async () => {
      const WF = 'budget:repo-test-prepared:2027';
      const person = await personId(DEMO_EMAILS.stadsring.secretariat);
      const inbox = async (r: Repositories) =>
        (await r.tasks.listForPerson(org, person, { offset: 0, limit: 500 }))
          .filter((t) => t.workflowId === WF)
          .map((t) => t.title);
      let resume!: () => void;
      const held = new Promise<void>((resolve) => (resume = resolve));
      let opened!: () => void;
      const isOpen = new Promise<void>((resolve) => (opened = resolve));

      const tx = repos.transaction(async (r) => {
        await r.tasks.open({
          organisationId: org,
          personId: person,
          workflowId: WF,
          kind: 'vote',
          refKey: 'round:1:body:alv',
          title: 'Stemmen (nog niet vastgelegd)',
          dueAt: null,
          payload: {},
        });
        // The inbox's prepared statement, in this transaction: sees its own task.
        expect(await inbox(r)).toEqual(['Stemmen (nog niet vastgelegd)']);
        opened();
        await held;
      });
      await isOpen;
      // On the pool (prepared, another connection): not before the commit ...
      expect(await inbox(repos)).toEqual([]);
      resume();
      await tx;
      // ... and after it, on every connection.
      expect(await Promise.all([inbox(repos), inbox(repos), inbox(repos)])).toEqual([
        ['Stemmen (nog niet vastgelegd)'],
        ['Stemmen (nog niet vastgelegd)'],
        ['Stemmen (nog niet vastgelegd)'],
      ]);
    });

    it('commit the writes of several repositories together, or none of them', async () => {
      const WF = 'budget:repo-test-tx:2027';
      const failing = repos.transaction(async (tx) => {
        await tx.audit.append([
          {
            idempotencyKey: 'tx-1',
            organisationId: org,
            workflowId: WF,
            actorPersonId: null,
            action: 'x',
            occurredAt: null,
            payload: {},
          },
        ]);
        // Nested: runs in the same transaction, no savepoint.
        await tx.transaction((inner) =>
          inner.cycles.record(
            {
              organisationId: org,
              kind: 'budget',
              year: 2027,
              workflowId: WF,
              title: 'T',
              status: 's',
              createdByPersonId: null,
            },
            [],
          ),
        );
        throw new Error('rolled back');
      });
      await expect(failing).rejects.toThrow('rolled back');
      expect(await ds.query(`SELECT 1 FROM audit_event WHERE workflow_id = $1`, [WF])).toEqual([]);
      expect(await ds.query(`SELECT 1 FROM cycle WHERE workflow_id = $1`, [WF])).toEqual([]);
    });
  });
});
