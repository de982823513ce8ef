import { DEFAULT_PLAYBOOKS } from '@jaarcyclus/domain';
import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { seedDemoData } from '../seed';
import { Repositories } from './repositories';

/** Visitation programmes on real PostgreSQL: stored whole, read per tenant, published once. */
describe('VisitationRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repos: Repositories;
  let org: string;
  let otherOrg: string;
  let schools: { id: string; name: string; board_id: string }[];
  let people: { id: string; school_id: string }[];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
    await seedDemoData(ds);
    repos = new Repositories(ds);
    const orgs = (await ds.query(`SELECT id, slug FROM organisation`)) as {
      id: string;
      slug: string;
    }[];
    org = orgs.find((o) => o.slug === 'stadsring')!.id;
    otherOrg = orgs.find((o) => o.slug === 'rijnoever')!.id;
    schools = await ds.query(
      `SELECT id, name, board_id FROM school WHERE organisation_id = $1 ORDER BY name LIMIT 3`,
      [org],
    );
    people = await ds.query(
      `SELECT id, school_id FROM person WHERE organisation_id = $1 AND school_id IS NOT NULL ORDER BY email`,
      [org],
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const create = () =>
    repos.visitation.createProgramme({
      organisationId: org,
      title: 'Collegiale visitaties 2026-2027',
      schoolYear: '2026-2027',
      kind: 'collegiale-visitatie',
      playbook: DEFAULT_PLAYBOOKS['collegiale-visitatie'],
      teamSize: 2,
      maxVisitsPerVisitor: 2,
      windows: [{ start: '2027-02-01', end: '2027-03-31' }],
      createdByPersonId: null,
      hosts: [
        ...schools.map((s) => ({
          kind: 'school' as const,
          name: s.name,
          schoolId: s.id,
          region: 'noord' as const,
          contactPersonIds: [],
        })),
        {
          kind: 'process' as const,
          name: 'TLV-route vso',
          schoolId: null,
          region: 'noord' as const,
          contactPersonIds: [people[0]!.id],
          unavailable: ['2027-02-10'],
        },
      ],
      visitors: people.map((p, i) => ({ personId: p.id, trainedChair: i % 2 === 0 })),
    });

  it('stores a programme whole and reads it back as the solver’s instance, with boards', async () => {
    const id = await create();
    const p = await repos.visitation.programme(org, id);
    expect(p).toMatchObject({ status: 'draft', teamSize: 2, kind: 'collegiale-visitatie' });
    expect(p!.hosts).toHaveLength(4);
    expect(p!.visitors).toHaveLength(people.length);
    const instance = await repos.visitation.instance(org, id);
    const host = instance!.hosts.find((h) => h.schoolId === schools[0]!.id)!;
    expect(host.boardId).toBe(schools[0]!.board_id);
    const process = instance!.hosts.find((h) => h.kind === 'process')!;
    expect(process).toMatchObject({
      unavailable: ['2027-02-10'],
      excludedVisitorIds: [people[0]!.id],
    });
    expect(instance!.visitors.every((v) => v.boardId !== undefined)).toBe(true);
  });

  it('answers another SWV’s programme as unknown', async () => {
    const id = await create();
    expect(await repos.visitation.programme(otherOrg, id)).toBeNull();
    expect(await repos.visitation.instance(otherOrg, id)).toBeNull();
    expect(await repos.visitation.latestProposal(otherOrg, id)).toBeNull();
    expect(await repos.visitation.listProgrammes(otherOrg)).toEqual([]);
  });

  it('refuses a host that is a process with a school, writing nothing of the programme', async () => {
    const before = (await repos.visitation.listProgrammes(org)).length;
    await expect(
      repos.visitation.createProgramme({
        organisationId: org,
        title: 'Fout',
        schoolYear: '2026-2027',
        kind: 'audit',
        playbook: DEFAULT_PLAYBOOKS.audit,
        teamSize: 2,
        maxVisitsPerVisitor: 1,
        windows: [{ start: '2027-02-01', end: '2027-03-31' }],
        createdByPersonId: null,
        hosts: [
          {
            kind: 'process',
            name: 'x',
            schoolId: schools[0]!.id,
            region: 'noord',
            contactPersonIds: [],
          },
        ],
        visitors: [],
      }),
    ).rejects.toThrow();
    expect(await repos.visitation.listProgrammes(org)).toHaveLength(before);
  });

  it('keeps locks and the newest proposal, publishes once, and keeps the newest visit state', async () => {
    const id = await create();
    const p = (await repos.visitation.programme(org, id))!;
    const [h1, h2] = p.hosts;
    await repos.visitation.setLocks(id, [
      { kind: 'date', hostId: h1!.id, date: '2027-02-04' },
      { kind: 'seat', hostId: h2!.id, visitorId: people[1]!.id, role: 'chair' },
    ]);
    expect(await repos.visitation.locks(id)).toHaveLength(2);
    const schedule = {
      visits: [
        {
          hostId: h1!.id,
          date: '2027-02-04',
          team: [
            { visitorId: people[1]!.id, role: 'chair' as const },
            { visitorId: people[2]!.id, role: 'member' as const },
          ],
        },
      ],
    };
    await repos.visitation.saveProposal(id, {
      status: 'infeasible',
      objective: null,
      schedule: null,
      report: {},
    });
    await repos.visitation.saveProposal(id, {
      status: 'optimal',
      objective: 3,
      schedule,
      report: {},
    });
    expect(await repos.visitation.latestProposal(org, id)).toMatchObject({
      status: 'optimal',
      objective: 3,
      schedule,
    });
    const publish = () =>
      repos.visitation.publish({
        organisationId: org,
        programmeId: id,
        schedule,
        programmeWorkflowId: `visitation:${org}:${id}`,
        visitWorkflowId: (v) => `visitation:${org}:${id}:visit:${v}`,
      });
    expect(await publish()).toBe(true);
    expect(await publish()).toBe(false);
    const [visit] = await repos.visitation.visits(org, id);
    expect(visit).toMatchObject({
      visitDate: '2027-02-04',
      hostName: h1!.name,
      team: schedule.visits[0]!.team,
    });
    expect(await repos.visitation.visitsAfter(org, id, visit!.id, 10)).toEqual([]);
    expect(await repos.visitation.visitsOfPerson(org, people[2]!.id)).toHaveLength(1);
    expect(await repos.visitation.visit(otherOrg, visit!.id)).toBeNull();

    const state = (seq: number, status: string) => ({
      organisationId: org,
      visitId: visit!.id,
      workflowId: visit!.workflowId,
      seq,
      status,
      visitDate: '2027-02-04',
      team: schedule.visits[0]!.team,
      state: { overdue: ['self_evaluation'] },
      followUps: [
        {
          key: 'a1',
          description: 'Zorgplan bijwerken',
          ownerPersonId: people[2]!.id,
          dueDate: '2027-05-01',
          status: 'open' as const,
          doneAt: null,
        },
      ],
      audit: [
        {
          idempotencyKey: `${visit!.workflowId}:event-${seq}:${visit!.id}`,
          organisationId: org,
          workflowId: visit!.workflowId,
          actorPersonId: null,
          action: status,
          occurredAt: null,
          payload: {},
        },
      ],
    });
    await repos.visitation.publishVisitState(state(2, 'held'));
    await repos.visitation.publishVisitState(state(1, 'scheduled'));
    expect((await repos.visitation.visit(org, visit!.id))!.status).toBe('held');
    expect(await repos.visitation.overview(org, id)).toEqual([
      expect.objectContaining({ status: 'held', overdue: ['self_evaluation'], openFollowUps: 1 }),
    ]);
  });
});
