import type {
  HostKind,
  LocalDate,
  Playbook,
  Schedule,
  ScheduleLock,
  SchoolRegion,
  TeamRole,
  TeamSeat,
  VisitWindow,
  VisitationInstance,
  VisitationKind,
} from '@jaarcyclus/domain';
import type { AuditEntry } from './audit.repository';
import { AuditRepository } from './audit.repository';
import { type Db, inTransaction } from './db';

/**
 * Collegial visitations and audits (docs/domain.md §3): programmes with their hosts and
 * visitor pool, the solver's proposals, the secretariat's locks, the published visits with the
 * read model their flows publish, follow-up actions and reports (documents). Every read is
 * filtered by the SWV's organisation id: another SWV's programme is answered like an unknown one.
 */

export interface HostToAdd {
  kind: HostKind;
  name: string;
  schoolId: string | null;
  region: SchoolRegion;
  contactPersonIds: string[];
  unavailable?: LocalDate[];
}

export interface VisitorToAdd {
  personId: string;
  trainedChair: boolean;
  maxVisits?: number | null;
  unavailable?: LocalDate[];
}

export interface ProgrammeToCreate {
  organisationId: string;
  title: string;
  schoolYear: string;
  kind: VisitationKind;
  playbook: Playbook;
  teamSize: number;
  maxVisitsPerVisitor: number;
  windows: VisitWindow[];
  createdByPersonId: string | null;
  hosts: HostToAdd[];
  visitors: VisitorToAdd[];
}

export interface ProgrammeHost extends HostToAdd {
  id: string;
  unavailable: LocalDate[];
}

export interface ProgrammeVisitor {
  personId: string;
  name: string;
  schoolId: string | null;
  trainedChair: boolean;
  maxVisits: number | null;
  unavailable: LocalDate[];
}

export interface ProgrammeRecord {
  id: string;
  organisationId: string;
  title: string;
  schoolYear: string;
  kind: VisitationKind;
  playbook: Playbook;
  teamSize: number;
  maxVisitsPerVisitor: number;
  windows: VisitWindow[];
  status: 'draft' | 'published';
  workflowId: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface ProgrammeDetail extends ProgrammeRecord {
  hosts: ProgrammeHost[];
  visitors: ProgrammeVisitor[];
}

export interface ProposalRecord {
  id: string;
  status: 'optimal' | 'feasible' | 'infeasible' | 'no-solution';
  objective: number | null;
  schedule: Schedule | null;
  report: Record<string, unknown>;
  createdAt: string;
}

export interface VisitRecord {
  id: string;
  organisationId: string;
  programmeId: string;
  hostId: string;
  hostName: string;
  hostKind: HostKind;
  region: SchoolRegion;
  schoolId: string | null;
  contactPersonIds: string[];
  visitDate: LocalDate;
  team: TeamSeat[];
  workflowId: string;
  status: string;
  state: Record<string, unknown>;
}

export interface VisitStateToPublish {
  organisationId: string;
  visitId: string;
  workflowId: string;
  seq: number;
  status: string;
  visitDate: LocalDate;
  team: TeamSeat[];
  state: unknown;
  followUps: {
    key: string;
    description: string;
    ownerPersonId: string;
    dueDate: LocalDate;
    status: 'open' | 'done';
    doneAt: string | null;
  }[];
  audit: AuditEntry[];
}

export interface OverviewRow {
  visitId: string;
  hostName: string;
  visitDate: LocalDate;
  status: string;
  chairName: string | null;
  overdue: string[];
  openFollowUps: number;
}

type Row = Record<string, unknown>;

const dateText = (d: unknown): LocalDate =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

function programmeOf(r: Row): ProgrammeRecord {
  return {
    id: r.id as string,
    organisationId: r.organisation_id as string,
    title: r.title as string,
    schoolYear: r.school_year as string,
    kind: r.kind as VisitationKind,
    playbook: r.playbook as Playbook,
    teamSize: Number(r.team_size),
    maxVisitsPerVisitor: Number(r.max_visits_per_visitor),
    windows: r.windows as VisitWindow[],
    status: r.status as 'draft' | 'published',
    workflowId: (r.workflow_id as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    publishedAt: r.published_at ? (r.published_at as Date).toISOString() : null,
  };
}

export class VisitationRepository {
  constructor(private readonly db: Db) {}

  // ---- programmes ----

  /** Stores a programme with its hosts and visitors in one transaction; returns its id. */
  createProgramme(p: ProgrammeToCreate): Promise<string> {
    return inTransaction(this.db, async (em) => {
      const rows = (await em.query(
        `INSERT INTO visitation_programme
           (organisation_id, title, school_year, kind, playbook, team_size, max_visits_per_visitor,
            windows, created_by_person_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          p.organisationId,
          p.title,
          p.schoolYear,
          p.kind,
          JSON.stringify(p.playbook),
          p.teamSize,
          p.maxVisitsPerVisitor,
          JSON.stringify(p.windows),
          p.createdByPersonId,
        ],
      )) as { id: string }[];
      const id = rows[0]!.id;
      for (const h of p.hosts) {
        await em.query(
          `INSERT INTO visitation_host
             (organisation_id, programme_id, kind, name, school_id, region, contact_person_ids, unavailable)
           VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::date[])`,
          [
            p.organisationId,
            id,
            h.kind,
            h.name,
            h.schoolId,
            h.region,
            h.contactPersonIds,
            h.unavailable ?? [],
          ],
        );
      }
      for (const v of p.visitors) {
        await em.query(
          `INSERT INTO visitation_visitor
             (programme_id, person_id, organisation_id, school_id, trained_chair, max_visits, unavailable)
           SELECT $1, p.id, p.organisation_id, p.school_id, $3, $4, $5::date[]
             FROM person p WHERE p.id = $2 AND p.organisation_id = $6`,
          [
            id,
            v.personId,
            v.trainedChair,
            v.maxVisits ?? null,
            v.unavailable ?? [],
            p.organisationId,
          ],
        );
      }
      return id;
    });
  }

  async listProgrammes(organisationId: string): Promise<ProgrammeRecord[]> {
    const rows = (await this.db.query(
      `SELECT * FROM visitation_programme WHERE organisation_id = $1
        ORDER BY school_year DESC, created_at DESC`,
      [organisationId],
    )) as Row[];
    return rows.map(programmeOf);
  }

  /** The tenant's programme with hosts and visitors, or null (another SWV's id included). */
  async programme(organisationId: string, id: string): Promise<ProgrammeDetail | null> {
    const rows = (await this.db.query(
      `SELECT * FROM visitation_programme WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    )) as Row[];
    if (!rows[0]) return null;
    const hosts = (await this.db.query(
      `SELECT id, kind, name, school_id, region, contact_person_ids, unavailable::text[] AS unavailable
         FROM visitation_host WHERE programme_id = $1 ORDER BY name, id`,
      [id],
    )) as Row[];
    const visitors = (await this.db.query(
      `SELECT v.person_id, p.name, v.school_id, v.trained_chair, v.max_visits,
              v.unavailable::text[] AS unavailable
         FROM visitation_visitor v JOIN person p ON p.id = v.person_id
        WHERE v.programme_id = $1 ORDER BY p.name, p.id`,
      [id],
    )) as Row[];
    return {
      ...programmeOf(rows[0]),
      hosts: hosts.map((h) => ({
        id: h.id as string,
        kind: h.kind as HostKind,
        name: h.name as string,
        schoolId: (h.school_id as string | null) ?? null,
        region: h.region as SchoolRegion,
        contactPersonIds: h.contact_person_ids as string[],
        unavailable: (h.unavailable as string[]) ?? [],
      })),
      visitors: visitors.map((v) => ({
        personId: v.person_id as string,
        name: v.name as string,
        schoolId: (v.school_id as string | null) ?? null,
        trainedChair: v.trained_chair as boolean,
        maxVisits: v.max_visits === null ? null : Number(v.max_visits),
        unavailable: (v.unavailable as string[]) ?? [],
      })),
    };
  }

  /**
   * The programme as the solver reads it: hosts with their school's board, visitors with
   * theirs (nobody visits their own school or board), each SWV's id for a joint programme.
   */
  async instance(organisationId: string, id: string): Promise<VisitationInstance | null> {
    const p = await this.programme(organisationId, id);
    if (!p) return null;
    // Boards of the schools the programme refers to, partner SWVs' schools included.
    const boards = (await this.db.query(
      `SELECT s.id, s.board_id FROM school s
        WHERE s.id IN (SELECT school_id FROM visitation_host WHERE programme_id = $1
                       UNION SELECT school_id FROM visitation_visitor WHERE programme_id = $1)`,
      [id],
    )) as { id: string; board_id: string }[];
    const visitorOrg = new Map(
      (
        (await this.db.query(
          `SELECT person_id, organisation_id FROM visitation_visitor WHERE programme_id = $1`,
          [id],
        )) as { person_id: string; organisation_id: string }[]
      ).map((r) => [r.person_id, r.organisation_id]),
    );
    const boardOf = new Map(boards.map((b) => [b.id, b.board_id]));
    return {
      programmeId: p.id,
      schoolYear: p.schoolYear,
      kind: p.kind,
      playbook: p.playbook.key,
      teamSize: p.teamSize,
      maxVisitsPerVisitor: p.maxVisitsPerVisitor,
      windows: p.windows,
      hosts: p.hosts.map((h) => ({
        id: h.id,
        name: h.name,
        kind: h.kind,
        region: h.region,
        swvId: organisationId,
        ...(h.schoolId ? { schoolId: h.schoolId } : {}),
        ...(h.schoolId && boardOf.get(h.schoolId) ? { boardId: boardOf.get(h.schoolId)! } : {}),
        ...(h.unavailable.length > 0 ? { unavailable: h.unavailable } : {}),
        ...(h.kind === 'process' && h.contactPersonIds.length > 0
          ? { excludedVisitorIds: h.contactPersonIds }
          : {}),
      })),
      visitors: p.visitors.map((v) => ({
        id: v.personId,
        name: v.name,
        trainedChair: v.trainedChair,
        swvId: visitorOrg.get(v.personId) ?? organisationId,
        ...(v.schoolId ? { schoolId: v.schoolId } : {}),
        ...(v.schoolId && boardOf.get(v.schoolId) ? { boardId: boardOf.get(v.schoolId)! } : {}),
        ...(v.unavailable.length > 0 ? { unavailable: v.unavailable } : {}),
        ...(v.maxVisits !== null ? { maxVisits: v.maxVisits } : {}),
      })),
    };
  }

  // ---- proposals and locks ----

  async saveProposal(
    programmeId: string,
    p: Omit<ProposalRecord, 'id' | 'createdAt'>,
  ): Promise<ProposalRecord> {
    const rows = (await this.db.query(
      `INSERT INTO visitation_proposal (programme_id, status, objective, schedule, report)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
      [
        programmeId,
        p.status,
        p.objective,
        p.schedule === null ? null : JSON.stringify(p.schedule),
        JSON.stringify(p.report),
      ],
    )) as { id: string; created_at: Date }[];
    return { ...p, id: rows[0]!.id, createdAt: rows[0]!.created_at.toISOString() };
  }

  /** The newest proposal of the tenant's programme, or null. */
  async latestProposal(
    organisationId: string,
    programmeId: string,
  ): Promise<ProposalRecord | null> {
    const rows = (await this.db.query(
      `SELECT pr.* FROM visitation_proposal pr
         JOIN visitation_programme p ON p.id = pr.programme_id
        WHERE p.organisation_id = $1 AND pr.programme_id = $2
        ORDER BY pr.created_at DESC, pr.id LIMIT 1`,
      [organisationId, programmeId],
    )) as Row[];
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      status: r.status as ProposalRecord['status'],
      objective: r.objective === null ? null : Number(r.objective),
      schedule: (r.schedule as Schedule | null) ?? null,
      report: r.report as Record<string, unknown>,
      createdAt: (r.created_at as Date).toISOString(),
    };
  }

  /** Replaces the programme's locks (the secretariat's fixed dates and seats). */
  async setLocks(programmeId: string, locks: readonly ScheduleLock[]): Promise<void> {
    await inTransaction(this.db, async (em) => {
      await em.query(`DELETE FROM visitation_lock WHERE programme_id = $1`, [programmeId]);
      for (const l of locks) {
        await em.query(
          `INSERT INTO visitation_lock (programme_id, host_id, kind, lock_date, person_id, role)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            programmeId,
            l.hostId,
            l.kind,
            l.kind === 'date' ? l.date : null,
            l.kind === 'seat' ? l.visitorId : null,
            l.kind === 'seat' ? (l.role ?? null) : null,
          ],
        );
      }
    });
  }

  async locks(programmeId: string): Promise<ScheduleLock[]> {
    const rows = (await this.db.query(
      `SELECT host_id, kind, lock_date::text AS lock_date, person_id, role
         FROM visitation_lock WHERE programme_id = $1 ORDER BY host_id, kind, person_id`,
      [programmeId],
    )) as Row[];
    return rows.map((r) =>
      r.kind === 'date'
        ? { kind: 'date', hostId: r.host_id as string, date: r.lock_date as string }
        : {
            kind: 'seat',
            hostId: r.host_id as string,
            visitorId: r.person_id as string,
            ...(r.role ? { role: r.role as TeamRole } : {}),
          },
    );
  }

  // ---- publish and visits ----

  /**
   * Publishes the schedule: one visit per host, the programme marked published with its
   * workflow id. False when it was published already (nothing written).
   */
  publish(input: {
    organisationId: string;
    programmeId: string;
    schedule: Schedule;
    programmeWorkflowId: string;
    visitWorkflowId: (visitId: string) => string;
  }): Promise<boolean> {
    return inTransaction(this.db, async (em) => {
      const claimed = (await em.query(
        // A CTE, so that the driver answers with the rows (an UPDATE answers [rows, count]).
        `WITH claimed AS (
           UPDATE visitation_programme SET status = 'published', published_at = now(), workflow_id = $3
            WHERE organisation_id = $1 AND id = $2 AND status = 'draft' RETURNING id)
         SELECT id FROM claimed`,
        [input.organisationId, input.programmeId, input.programmeWorkflowId],
      )) as unknown[];
      if (claimed.length === 0) return false;
      for (const v of input.schedule.visits) {
        const ids = (await em.query(`SELECT gen_random_uuid() AS id`)) as { id: string }[];
        const visitId = ids[0]!.id;
        await em.query(
          `INSERT INTO visitation_visit
             (id, organisation_id, programme_id, host_id, visit_date, team, workflow_id)
           SELECT $1, $2, $3, h.id, $5, $6, $7 FROM visitation_host h
            WHERE h.id = $4 AND h.programme_id = $3`,
          [
            visitId,
            input.organisationId,
            input.programmeId,
            v.hostId,
            v.date,
            JSON.stringify(v.team),
            input.visitWorkflowId(visitId),
          ],
        );
      }
      return true;
    });
  }

  private visitOf(r: Row): VisitRecord {
    return {
      id: r.id as string,
      organisationId: r.organisation_id as string,
      programmeId: r.programme_id as string,
      hostId: r.host_id as string,
      hostName: r.host_name as string,
      hostKind: r.host_kind as HostKind,
      region: r.region as SchoolRegion,
      schoolId: (r.school_id as string | null) ?? null,
      contactPersonIds: r.contact_person_ids as string[],
      visitDate: dateText(r.visit_date),
      team: r.team as TeamSeat[],
      workflowId: r.workflow_id as string,
      status: r.status as string,
      state: r.state as Record<string, unknown>,
    };
  }

  private static VISIT_SELECT = `
    SELECT v.id, v.organisation_id, v.programme_id, v.host_id, v.visit_date::text AS visit_date,
           v.team, v.workflow_id, v.status, v.state, h.name AS host_name, h.kind AS host_kind,
           h.region, h.school_id, h.contact_person_ids
      FROM visitation_visit v JOIN visitation_host h ON h.id = v.host_id`;

  /** Visits of a programme after `afterVisitId` in id order, `limit` at most (the fan-out). */
  async visitsAfter(
    organisationId: string,
    programmeId: string,
    afterVisitId: string | null,
    limit: number,
  ): Promise<VisitRecord[]> {
    const rows = (await this.db.query(
      `${VisitationRepository.VISIT_SELECT}
        WHERE v.organisation_id = $1 AND v.programme_id = $2 AND ($3::uuid IS NULL OR v.id > $3::uuid)
        ORDER BY v.id LIMIT $4`,
      [organisationId, programmeId, afterVisitId, limit],
    )) as Row[];
    return rows.map((r) => this.visitOf(r));
  }

  async visits(organisationId: string, programmeId: string): Promise<VisitRecord[]> {
    const rows = (await this.db.query(
      `${VisitationRepository.VISIT_SELECT}
        WHERE v.organisation_id = $1 AND v.programme_id = $2 ORDER BY v.visit_date, h.name, v.id`,
      [organisationId, programmeId],
    )) as Row[];
    return rows.map((r) => this.visitOf(r));
  }

  /** The tenant's visit, or null. */
  async visit(organisationId: string, visitId: string): Promise<VisitRecord | null> {
    const rows = (await this.db.query(
      `${VisitationRepository.VISIT_SELECT} WHERE v.organisation_id = $1 AND v.id = $2`,
      [organisationId, visitId],
    )) as Row[];
    return rows[0] ? this.visitOf(rows[0]) : null;
  }

  /** The visits a person takes part in (host contact or team member), soonest first. */
  async visitsOfPerson(organisationId: string, personId: string): Promise<VisitRecord[]> {
    const rows = (await this.db.query(
      `${VisitationRepository.VISIT_SELECT}
        WHERE (v.organisation_id = $1
               OR EXISTS (SELECT 1 FROM visitation_partner vp
                           WHERE vp.programme_id = v.programme_id
                             AND vp.partner_organisation_id = $1 AND vp.accepted_at IS NOT NULL))
          AND ($2::uuid = ANY (h.contact_person_ids)
               OR v.team @> jsonb_build_array(jsonb_build_object('visitorId', $2::text)))
        ORDER BY v.visit_date, v.id`,
      [organisationId, personId],
    )) as Row[];
    return rows.map((r) => this.visitOf(r));
  }

  /** The published schedule as it stands (teams after every replaced seat). */
  async schedule(organisationId: string, programmeId: string): Promise<Schedule> {
    const visits = await this.visits(organisationId, programmeId);
    return {
      visits: visits.map((v) => ({ hostId: v.hostId, date: v.visitDate, team: v.team })),
    };
  }

  /** Records a replaced seat at once, so a second decline the same day sees the new team. */
  async setTeam(organisationId: string, visitId: string, team: TeamSeat[]): Promise<void> {
    await this.db.query(
      `UPDATE visitation_visit SET team = $3, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
      [organisationId, visitId, JSON.stringify(team)],
    );
  }

  /**
   * In one transaction: the audit rows, the visit's read model (only when newer than the
   * stored one) and its follow-up actions.
   */
  async publishVisitState(s: VisitStateToPublish): Promise<void> {
    await inTransaction(this.db, async (em) => {
      await new AuditRepository(em).append(s.audit);
      const updated = (await em.query(
        `WITH updated AS (
           UPDATE visitation_visit
              SET status = $3, visit_date = $4, team = $5, state = $6, seq = $7, updated_at = now()
            WHERE organisation_id = $1 AND id = $2 AND seq < $7 RETURNING id)
         SELECT id FROM updated`,
        [
          s.organisationId,
          s.visitId,
          s.status,
          s.visitDate,
          JSON.stringify(s.team),
          JSON.stringify(s.state),
          s.seq,
        ],
      )) as unknown[];
      if (updated.length === 0) return;
      for (const f of s.followUps) {
        await em.query(
          `INSERT INTO visitation_follow_up
             (organisation_id, visit_id, action_key, description, owner_person_id, due_date, status, done_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (visit_id, action_key) DO UPDATE
             SET status = EXCLUDED.status, done_at = EXCLUDED.done_at, due_date = EXCLUDED.due_date`,
          [
            s.organisationId,
            s.visitId,
            f.key,
            f.description,
            f.ownerPersonId,
            f.dueDate,
            f.status,
            f.doneAt,
          ],
        );
      }
    });
  }

  /** Links an uploaded document to a visit's step as its next version; returns the version. */
  async addReport(input: {
    organisationId: string;
    visitId: string;
    step: string;
    documentId: string;
    personId: string;
  }): Promise<number> {
    const rows = (await this.db.query(
      `INSERT INTO visitation_report (visit_id, step, version, document_id, submitted_by_person_id)
       SELECT v.id, $3, coalesce(max(r.version), 0) + 1, d.id, $5
         FROM visitation_visit v
         JOIN document d ON d.id = $4 AND d.organisation_id = v.organisation_id
         LEFT JOIN visitation_report r ON r.visit_id = v.id AND r.step = $3
        WHERE v.organisation_id = $1 AND v.id = $2
        GROUP BY v.id, d.id
       RETURNING version`,
      [input.organisationId, input.visitId, input.step, input.documentId, input.personId],
    )) as { version: number }[];
    if (!rows[0])
      throw new Error(`visit ${input.visitId} or document ${input.documentId} not found`);
    return rows[0].version;
  }

  /** Every version of every report of a visit, oldest step and version first, with the file. */
  async reports(visitId: string): Promise<
    {
      step: string;
      version: number;
      documentId: string;
      filename: string;
      sizeBytes: number;
      submittedAt: string;
      submittedBy: string;
    }[]
  > {
    const rows = (await this.db.query(
      `SELECT r.step, r.version, r.document_id, d.filename, d.size_bytes, r.submitted_at,
              p.name AS submitted_by
         FROM visitation_report r
         JOIN document d ON d.id = r.document_id
         JOIN person p ON p.id = r.submitted_by_person_id
        WHERE r.visit_id = $1
        ORDER BY array_position(ARRAY['self_evaluation','draft_report','host_reaction','final_report'], r.step),
                 r.version DESC`,
      [visitId],
    )) as Row[];
    return rows.map((r) => ({
      step: r.step as string,
      version: Number(r.version),
      documentId: r.document_id as string,
      filename: r.filename as string,
      sizeBytes: Number(r.size_bytes),
      submittedAt: new Date(r.submitted_at as string).toISOString(),
      submittedBy: r.submitted_by as string,
    }));
  }

  // ---- joint programmes (partner SWVs) ----

  /**
   * The host's secretariat links a partner SWV (by its slug) to a programme of its own;
   * returns the partner's name, or null when there is no such SWV (or it is the host itself).
   */
  async linkPartner(input: {
    organisationId: string;
    programmeId: string;
    partnerSlug: string;
    personId: string;
  }): Promise<{ organisationId: string; name: string } | null> {
    const rows = (await this.db.query(
      `INSERT INTO visitation_partner (programme_id, partner_organisation_id, linked_by_person_id)
       SELECT p.id, o.id, $4 FROM visitation_programme p, organisation o
        WHERE p.organisation_id = $1 AND p.id = $2 AND o.slug = $3 AND o.id <> $1
       ON CONFLICT (programme_id, partner_organisation_id) DO UPDATE
         SET linked_at = visitation_partner.linked_at
       RETURNING partner_organisation_id`,
      [input.organisationId, input.programmeId, input.partnerSlug, input.personId],
    )) as { partner_organisation_id: string }[];
    if (!rows[0]) return null;
    const org = (await this.db.query(`SELECT name FROM organisation WHERE id = $1`, [
      rows[0].partner_organisation_id,
    ])) as { name: string }[];
    return { organisationId: rows[0].partner_organisation_id, name: org[0]!.name };
  }

  /** The programmes other SWVs linked this SWV to, with the host's name and title only. */
  async partnerships(partnerOrganisationId: string): Promise<
    {
      programmeId: string;
      title: string;
      schoolYear: string;
      hostName: string;
      accepted: boolean;
    }[]
  > {
    const rows = (await this.db.query(
      `SELECT p.id, p.title, p.school_year, o.name AS host_name, vp.accepted_at IS NOT NULL AS accepted
         FROM visitation_partner vp
         JOIN visitation_programme p ON p.id = vp.programme_id
         JOIN organisation o ON o.id = p.organisation_id
        WHERE vp.partner_organisation_id = $1
        ORDER BY p.school_year DESC, p.title`,
      [partnerOrganisationId],
    )) as Row[];
    return rows.map((r) => ({
      programmeId: r.id as string,
      title: r.title as string,
      schoolYear: r.school_year as string,
      hostName: r.host_name as string,
      accepted: r.accepted as boolean,
    }));
  }

  /** The partner's secretariat accepts the link; false when there is none for it. */
  async acceptPartnership(
    partnerOrganisationId: string,
    programmeId: string,
    personId: string,
  ): Promise<boolean> {
    const rows = (await this.db.query(
      `WITH accepted AS (
         UPDATE visitation_partner SET accepted_at = coalesce(accepted_at, now()),
                accepted_by_person_id = coalesce(accepted_by_person_id, $3)
          WHERE partner_organisation_id = $1 AND programme_id = $2 RETURNING programme_id)
       SELECT programme_id FROM accepted`,
      [partnerOrganisationId, programmeId, personId],
    )) as unknown[];
    return rows.length > 0;
  }

  async isAcceptedPartner(programmeId: string, organisationId: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM visitation_partner
        WHERE programme_id = $1 AND partner_organisation_id = $2 AND accepted_at IS NOT NULL`,
      [programmeId, organisationId],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Adds a visitor to a draft programme: a person of the host SWV, or of an accepted partner
   * when `partnerOrganisationId` nominates them. False when the person is not of that SWV,
   * the partnership is not accepted or the programme is no draft.
   */
  async addVisitor(input: {
    programmeId: string;
    personOrganisationId: string;
    personId: string;
    trainedChair: boolean;
  }): Promise<boolean> {
    const rows = (await this.db.query(
      `INSERT INTO visitation_visitor (programme_id, person_id, organisation_id, school_id, trained_chair)
       SELECT p.id, pe.id, pe.organisation_id, pe.school_id, $4
         FROM visitation_programme p JOIN person pe ON pe.id = $3 AND pe.organisation_id = $2
        WHERE p.id = $1 AND p.status = 'draft'
          AND (p.organisation_id = $2 OR EXISTS (
                SELECT 1 FROM visitation_partner vp WHERE vp.programme_id = p.id
                   AND vp.partner_organisation_id = $2 AND vp.accepted_at IS NOT NULL))
       ON CONFLICT (programme_id, person_id) DO UPDATE SET trained_chair = EXCLUDED.trained_chair
       RETURNING person_id`,
      [input.programmeId, input.personOrganisationId, input.personId, input.trainedChair],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * A visit seen by a person of an accepted partner SWV who takes part in it (host contact or
   * team member); null otherwise, so that anything else of the host SWV answers 404.
   */
  async visitAsPartner(
    partnerOrganisationId: string,
    personId: string,
    visitId: string,
  ): Promise<VisitRecord | null> {
    const rows = (await this.db.query(
      `${VisitationRepository.VISIT_SELECT}
        WHERE v.id = $3
          AND EXISTS (SELECT 1 FROM visitation_partner vp WHERE vp.programme_id = v.programme_id
                         AND vp.partner_organisation_id = $1 AND vp.accepted_at IS NOT NULL)
          AND ($2::uuid = ANY (h.contact_person_ids)
               OR v.team @> jsonb_build_array(jsonb_build_object('visitorId', $2::text)))`,
      [partnerOrganisationId, personId, visitId],
    )) as Row[];
    return rows[0] ? this.visitOf(rows[0]) : null;
  }

  /** The programme's public schedule: which host is visited on which date, no people. */
  async publicSchedule(
    programmeId: string,
  ): Promise<{ hostName: string; visitDate: LocalDate; status: string }[]> {
    const rows = (await this.db.query(
      `SELECT h.name AS host_name, v.visit_date::text AS visit_date, v.status
         FROM visitation_visit v JOIN visitation_host h ON h.id = v.host_id
        WHERE v.programme_id = $1 ORDER BY v.visit_date, h.name`,
      [programmeId],
    )) as Row[];
    return rows.map((r) => ({
      hostName: r.host_name as string,
      visitDate: dateText(r.visit_date),
      status: r.status as string,
    }));
  }

  /**
   * Contacts of the people of a programme (host SWV and accepted partners), with their own
   * SWV: a partner's visitor gets mail and tasks in their own tenant.
   */
  async participantContacts(
    programmeId: string,
    personIds: readonly string[],
  ): Promise<
    { id: string; name: string; email: string; locale: 'nl' | 'en'; organisationId: string }[]
  > {
    if (personIds.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT pe.id, pe.name, pe.email, pe.locale, pe.organisation_id
         FROM person pe JOIN visitation_programme p ON p.id = $1
        WHERE pe.id = ANY ($2::uuid[]) AND pe.active
          AND (pe.organisation_id = p.organisation_id OR EXISTS (
                SELECT 1 FROM visitation_partner vp WHERE vp.programme_id = p.id
                   AND vp.partner_organisation_id = pe.organisation_id AND vp.accepted_at IS NOT NULL))`,
      [programmeId, personIds],
    )) as {
      id: string;
      name: string;
      email: string;
      locale: 'nl' | 'en';
      organisation_id: string;
    }[];
    return rows.map(({ organisation_id, ...r }) => ({ ...r, organisationId: organisation_id }));
  }

  /** The programme's overview: status per visit, overdue steps, open follow-up actions. */
  async overview(organisationId: string, programmeId: string): Promise<OverviewRow[]> {
    const rows = (await this.db.query(
      `SELECT v.id, h.name AS host_name, v.visit_date::text AS visit_date, v.status,
              (SELECT p.name FROM person p
                WHERE p.id::text = (SELECT s->>'visitorId' FROM jsonb_array_elements(v.team) s
                                     WHERE s->>'role' = 'chair' LIMIT 1)) AS chair_name,
              coalesce(v.state->'overdue', '[]'::jsonb) AS overdue,
              (SELECT count(*)::int FROM visitation_follow_up f
                WHERE f.visit_id = v.id AND f.status = 'open') AS open_follow_ups
         FROM visitation_visit v JOIN visitation_host h ON h.id = v.host_id
        WHERE v.organisation_id = $1 AND v.programme_id = $2
        ORDER BY v.visit_date, h.name, v.id`,
      [organisationId, programmeId],
    )) as Row[];
    return rows.map((r) => ({
      visitId: r.id as string,
      hostName: r.host_name as string,
      visitDate: dateText(r.visit_date),
      status: r.status as string,
      chairName: (r.chair_name as string | null) ?? null,
      overdue: r.overdue as string[],
      openFollowUps: Number(r.open_follow_ups),
    }));
  }
}
