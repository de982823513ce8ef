import { createHash, randomUUID } from 'node:crypto';
import type {
  LocalDate,
  TransitionActor,
  TransitionCaseFacts,
  TransitionConfig,
  TransitionOutcome,
  TransitionPhase,
  TransitionState,
} from '@jaarcyclus/domain';
import type { FieldCipher } from '../crypto/field-cipher';
import { type Db, inTransaction } from './db';
import { DocumentRepository, type DocumentToStore } from './document.repository';

/** The only pupil data a case holds (README "Personal data at rest": field, why, who, how long). */
export interface TransitionPupil {
  /** As the school writes it; shown to the people on the case only. */
  name: string;
  /** 'YYYY-MM-DD': tells two pupils of the same name apart. */
  birthDate: LocalDate;
}

export interface NewTransitionCase {
  id: string;
  organisationId: string;
  workflowId: string;
  vsoSchoolId: string;
  pupil: TransitionPupil;
  parentPersonIds: readonly string[];
  ectPersonIds: readonly string[];
  state: TransitionState;
  config: TransitionConfig;
  createdByPersonId: string | null;
}

export interface TransitionNote {
  id: string;
  kind: 'step' | 'parent_view';
  authorPersonId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface TransitionStepRow {
  seq: number;
  kind: string;
  phaseBefore: TransitionPhase;
  phaseAfter: TransitionPhase;
  actorPersonId: string | null;
  actorName: string | null;
  occurredOn: LocalDate;
  facts: Record<string, unknown>;
  noteId: string | null;
}

export interface TransitionParticipant {
  personId: string;
  role: 'parent' | 'ect';
  name: string;
}

/** A case as the people on it see it: decrypted, with its notes, steps and participants. */
export interface TransitionCaseView {
  id: string;
  organisationId: string;
  workflowId: string;
  vsoSchoolId: string;
  vsoSchoolName: string;
  regularSchoolId: string | null;
  regularSchoolName: string | null;
  status: 'open' | 'closed' | 'erased';
  state: TransitionState;
  config: TransitionConfig;
  /** Null once erased. */
  pupil: TransitionPupil | null;
  notes: TransitionNote[];
  steps: TransitionStepRow[];
  participants: TransitionParticipant[];
  /** Who reads: the side they are on. */
  viewer: TransitionActor;
}

/** A document attached to a case (the handover), its name decrypted. */
export interface TransitionDocument {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

/** A row of the overview: codes, dates and school names, never the pupil. */
export interface TransitionOverviewRow {
  id: string;
  status: 'open' | 'closed' | 'erased';
  phase: TransitionPhase;
  outcome: TransitionOutcome | null;
  vsoSchoolName: string;
  regularSchoolName: string | null;
  state: TransitionState;
  config: TransitionConfig;
  region: string;
}

export interface TransitionStepInput {
  organisationId: string;
  caseId: string;
  /** The workflow's step counter: a retried write of the same step adds nothing. */
  seq: number;
  kind: string;
  phaseBefore: TransitionPhase;
  actorPersonId: string | null;
  occurredOn: LocalDate;
  facts: Record<string, unknown>;
  noteId: string | null;
  state: TransitionState;
}

export interface TransitionAccessLogRow {
  personId: string | null;
  personName: string | null;
  action: 'read' | 'export' | 'erase' | 'download';
  occurredAt: string;
}

/** Who is on a case, for mail: ids only (the kit reads names and addresses). */
export interface TransitionPeople {
  vso: string[];
  regular: string[];
  ect: string[];
  parents: string[];
  secretariat: string[];
}

const pupilPlace = (caseId: string): string => `transition_case:${caseId}:pupil`;
/** The associated data of an attachment's encrypted name: its table, row and column. */
const docPlace = (id: string): string => `transition_document:${id}:filename`;
/** The associated data of an attachment's encrypted content. */
const docContentPlace = (id: string): string => `transition_document:${id}:content`;
const notePlace = (caseId: string, noteId: string): string =>
  `transition_note:${caseId}:${noteId}:body`;

/**
 * Schakeltrajecten (transition_case and its tables). Pupil data and free text go in and come out
 * through the FieldCipher only; every read of a case by a person writes an access log row in the
 * same statement batch; a person who is not on the case (another school, another SWV, the
 * secretariat) gets null, which the api answers with 404.
 */
export class TransitionRepository {
  /**
   * `cipher` null: a repository that never touches personal data (the worker: it records steps,
   * mails by id and erases, and so holds no key); reading or writing pupil data then throws.
   */
  constructor(
    private readonly db: Db,
    private readonly fieldCipher: FieldCipher | null = null,
  ) {}

  private get cipher(): FieldCipher {
    if (!this.fieldCipher)
      throw new Error('no personal data key ring: this process may not read pupil data');
    return this.fieldCipher;
  }

  async create(c: NewTransitionCase): Promise<void> {
    await inTransaction(this.db, async (em) => {
      await em.query(
        `INSERT INTO transition_case (id, organisation_id, workflow_id, vso_school_id, phase, status, state, config,
                                      opened_on, pupil_enc, created_by_person_id)
         VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10)`,
        [
          c.id,
          c.organisationId,
          c.workflowId,
          c.vsoSchoolId,
          c.state.phase,
          JSON.stringify(c.state),
          JSON.stringify(c.config),
          c.state.openedOn,
          this.cipher.encrypt(JSON.stringify(c.pupil), pupilPlace(c.id)),
          c.createdByPersonId,
        ],
      );
      const participants = [
        ...c.parentPersonIds.map((id) => ({ id, role: 'parent' })),
        ...c.ectPersonIds.map((id) => ({ id, role: 'ect' })),
      ];
      if (participants.length > 0) {
        await em.query(
          `INSERT INTO transition_participant (case_id, person_id, role)
           SELECT $1, p.id, p.role FROM jsonb_to_recordset($2::jsonb) AS p(id uuid, role text)
               ON CONFLICT DO NOTHING`,
          [c.id, JSON.stringify(participants)],
        );
      }
    });
  }

  /**
   * The side `personId` is on in the case, or null: the vso school's contacts; the regular
   * school's contacts once the parents consented to share data with that school; the case's
   * ECT members and parents. Scoped to the SWV: another SWV's case is null.
   */
  async accessOf(
    organisationId: string,
    caseId: string,
    personId: string,
  ): Promise<TransitionActor | null> {
    const rows = (await this.db.query(
      `SELECT CASE
                WHEN tp.role = 'parent' AND 'parent' = ANY(p.roles) THEN 'parent'
                WHEN tp.role = 'ect' THEN 'ect'
                WHEN 'school_contact' = ANY(p.roles) AND p.school_id = c.vso_school_id THEN 'vso'
                WHEN 'school_contact' = ANY(p.roles) AND p.school_id = c.regular_school_id
                     AND c.state->'consentSchoolIds' ? c.regular_school_id::text THEN 'regular'
              END AS actor
         FROM transition_case c
         JOIN person p ON p.id = $3 AND p.organisation_id = c.organisation_id AND p.active
         LEFT JOIN transition_participant tp ON tp.case_id = c.id AND tp.person_id = p.id
        WHERE c.organisation_id = $1 AND c.id = $2 AND c.status <> 'erased'`,
      [organisationId, caseId, personId],
    )) as { actor: TransitionActor | null }[];
    return rows[0]?.actor ?? null;
  }

  /** The ids of the cases `personId` is on (as accessOf decides), oldest first. */
  async caseIdsOf(organisationId: string, personId: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT c.id FROM transition_case c
         JOIN person p ON p.id = $2 AND p.organisation_id = c.organisation_id AND p.active
         LEFT JOIN transition_participant tp ON tp.case_id = c.id AND tp.person_id = p.id
        WHERE c.organisation_id = $1 AND c.status <> 'erased' AND (
              (tp.role = 'parent' AND 'parent' = ANY(p.roles)) OR tp.role = 'ect'
           OR ('school_contact' = ANY(p.roles) AND p.school_id = c.vso_school_id)
           OR ('school_contact' = ANY(p.roles) AND p.school_id = c.regular_school_id
               AND c.state->'consentSchoolIds' ? c.regular_school_id::text))
        ORDER BY c.opened_on, c.id`,
      [organisationId, personId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The tenant's vso schools (kind special), by name: where a case can start. */
  async vsoSchools(organisationId: string): Promise<{ id: string; name: string }[]> {
    return (await this.db.query(
      `SELECT id, name FROM school WHERE organisation_id = $1 AND kind = 'special' ORDER BY name, id`,
      [organisationId],
    )) as { id: string; name: string }[];
  }

  /** The case's workflow id in the tenant, or null. */
  async workflowIdOf(organisationId: string, caseId: string): Promise<string | null> {
    const rows = (await this.db.query(
      `SELECT workflow_id FROM transition_case WHERE organisation_id = $1 AND id = $2`,
      [organisationId, caseId],
    )) as { workflow_id: string }[];
    return rows[0]?.workflow_id ?? null;
  }

  /**
   * The case as `personId` may see it, decrypted, and an access log row (`read`, or `export`
   * for the parents' AVG export); null when the person is not on the case.
   */
  async read(
    organisationId: string,
    caseId: string,
    personId: string,
    action: 'read' | 'export' = 'read',
  ): Promise<TransitionCaseView | null> {
    const viewer = await this.accessOf(organisationId, caseId, personId);
    if (viewer === null) return null;
    await this.log(organisationId, caseId, personId, action);
    return this.load(organisationId, caseId, viewer);
  }

  private async log(
    organisationId: string,
    caseId: string,
    personId: string | null,
    action: 'read' | 'export' | 'erase' | 'download',
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO transition_access_log (organisation_id, case_id, person_id, action) VALUES ($1, $2, $3, $4)`,
      [organisationId, caseId, personId, action],
    );
  }

  private async load(
    organisationId: string,
    caseId: string,
    viewer: TransitionActor,
  ): Promise<TransitionCaseView | null> {
    const rows = (await this.db.query(
      `SELECT c.id, c.organisation_id, c.workflow_id, c.vso_school_id, v.name AS vso_school_name,
              c.regular_school_id, r.name AS regular_school_name, c.status, c.state, c.config, c.pupil_enc
         FROM transition_case c
         JOIN school v ON v.id = c.vso_school_id
         LEFT JOIN school r ON r.id = c.regular_school_id
        WHERE c.organisation_id = $1 AND c.id = $2`,
      [organisationId, caseId],
    )) as {
      id: string;
      organisation_id: string;
      workflow_id: string;
      vso_school_id: string;
      vso_school_name: string;
      regular_school_id: string | null;
      regular_school_name: string | null;
      status: TransitionCaseView['status'];
      state: TransitionState;
      config: TransitionConfig;
      pupil_enc: string | null;
    }[];
    const row = rows[0];
    if (!row) return null;
    const notes = (await this.db.query(
      `SELECT n.id, n.kind, n.author_person_id, p.name AS author_name, n.body_enc, n.created_at
         FROM transition_note n LEFT JOIN person p ON p.id = n.author_person_id
        WHERE n.case_id = $1 ORDER BY n.created_at, n.id`,
      [caseId],
    )) as {
      id: string;
      kind: TransitionNote['kind'];
      author_person_id: string | null;
      author_name: string | null;
      body_enc: string;
      created_at: Date;
    }[];
    const steps = (await this.db.query(
      `SELECT s.seq, s.kind, s.phase_before, s.phase_after, s.actor_person_id, p.name AS actor_name,
              to_char(s.occurred_on, 'YYYY-MM-DD') AS occurred_on, s.facts, s.note_id
         FROM transition_step s LEFT JOIN person p ON p.id = s.actor_person_id
        WHERE s.case_id = $1 ORDER BY s.seq`,
      [caseId],
    )) as {
      seq: number;
      kind: string;
      phase_before: TransitionPhase;
      phase_after: TransitionPhase;
      actor_person_id: string | null;
      actor_name: string | null;
      occurred_on: string;
      facts: Record<string, unknown>;
      note_id: string | null;
    }[];
    const participants = (await this.db.query(
      `SELECT tp.person_id, tp.role, p.name FROM transition_participant tp JOIN person p ON p.id = tp.person_id
        WHERE tp.case_id = $1 ORDER BY tp.role, p.name`,
      [caseId],
    )) as { person_id: string; role: 'parent' | 'ect'; name: string }[];
    return {
      id: row.id,
      organisationId: row.organisation_id,
      workflowId: row.workflow_id,
      vsoSchoolId: row.vso_school_id,
      vsoSchoolName: row.vso_school_name,
      regularSchoolId: row.regular_school_id,
      regularSchoolName: row.regular_school_name,
      status: row.status,
      state: row.state,
      config: row.config,
      pupil:
        row.pupil_enc === null
          ? null
          : (JSON.parse(this.cipher.decrypt(row.pupil_enc, pupilPlace(row.id))) as TransitionPupil),
      notes: notes.map((n) => ({
        id: n.id,
        kind: n.kind,
        authorPersonId: n.author_person_id,
        authorName: n.author_name,
        body: this.cipher.decrypt(n.body_enc, notePlace(caseId, n.id)),
        createdAt: n.created_at.toISOString(),
      })),
      steps: steps.map((s) => ({
        seq: s.seq,
        kind: s.kind,
        phaseBefore: s.phase_before,
        phaseAfter: s.phase_after,
        actorPersonId: s.actor_person_id,
        actorName: s.actor_name,
        occurredOn: s.occurred_on,
        facts: s.facts,
        noteId: s.note_id,
      })),
      participants: participants.map((p) => ({
        personId: p.person_id,
        role: p.role,
        name: p.name,
      })),
      viewer,
    };
  }

  /** Stores a free text on the case, encrypted; returns its id. */
  async addNote(
    caseId: string,
    authorPersonId: string | null,
    kind: TransitionNote['kind'],
    body: string,
  ): Promise<string> {
    const rows = (await this.db.query(`SELECT gen_random_uuid() AS id`)) as { id: string }[];
    const id = rows[0]!.id;
    await this.db.query(
      `INSERT INTO transition_note (id, case_id, author_person_id, kind, body_enc) VALUES ($1, $2, $3, $4, $5)`,
      [id, caseId, authorPersonId, kind, this.cipher.encrypt(body, notePlace(caseId, id))],
    );
    return id;
  }

  /** Removes a note whose step was refused, so that no text remains without its step. */
  async removeNote(caseId: string, noteId: string): Promise<void> {
    await this.db.query(`DELETE FROM transition_note WHERE case_id = $1 AND id = $2`, [
      caseId,
      noteId,
    ]);
  }

  /**
   * Records a step the workflow took and the state after it, in one transaction; a step whose
   * sequence number is stored already changes nothing (activity retries). When a regular school
   * is chosen, its ECT member joins the case.
   */
  async recordStep(s: TransitionStepInput): Promise<void> {
    await inTransaction(this.db, async (em) => {
      const inserted = (await em.query(
        `INSERT INTO transition_step (case_id, seq, kind, phase_before, phase_after, actor_person_id, occurred_on, facts, note_id)
         SELECT c.id, $3, $4, $5, $6, $7, $8, $9, $10 FROM transition_case c
          WHERE c.organisation_id = $1 AND c.id = $2 AND c.status <> 'erased'
         ON CONFLICT (case_id, seq) DO NOTHING
         RETURNING id`,
        [
          s.organisationId,
          s.caseId,
          s.seq,
          s.kind,
          s.phaseBefore,
          s.state.phase,
          s.actorPersonId,
          s.occurredOn,
          JSON.stringify(s.facts),
          s.noteId,
        ],
      )) as unknown[];
      if (inserted.length === 0) return;
      await this.writeState(em, s.organisationId, s.caseId, s.seq, s.state);
    });
  }

  /** Stores the workflow's state when it is newer than the stored one (e.g. after opening). */
  async publishState(
    organisationId: string,
    caseId: string,
    seq: number,
    state: TransitionState,
  ): Promise<void> {
    await this.writeState(this.db, organisationId, caseId, seq, state);
  }

  private async writeState(
    db: Db,
    organisationId: string,
    caseId: string,
    seq: number,
    state: TransitionState,
  ): Promise<void> {
    await db.query(
      `UPDATE transition_case
          SET state = $4, state_seq = $3, phase = $5, regular_school_id = $6,
              status = CASE WHEN status = 'erased' THEN status ELSE $7 END,
              outcome = $8, closed_on = $9, updated_at = now()
        WHERE organisation_id = $1 AND id = $2 AND state_seq < $3`,
      [
        organisationId,
        caseId,
        seq,
        JSON.stringify(state),
        state.phase,
        state.regularSchoolId,
        state.status,
        state.outcome,
        state.closedOn,
      ],
    );
    if (state.regularSchoolId !== null) {
      await db.query(
        `INSERT INTO transition_participant (case_id, person_id, role)
         SELECT $2, s.ect_member_person_id, 'ect' FROM school s
          WHERE s.organisation_id = $1 AND s.id = $3 AND s.ect_member_person_id IS NOT NULL
         ON CONFLICT DO NOTHING`,
        [organisationId, caseId, state.regularSchoolId],
      );
    }
  }

  /**
   * What opening a case needs to know of a school of the tenant: its kind, its ECT member and
   * the SWV's holiday region; null when it is no school of this tenant.
   */
  async schoolForOpening(
    organisationId: string,
    schoolId: string,
  ): Promise<{
    kind: 'regular' | 'special';
    ectMemberPersonId: string | null;
    region: string;
  } | null> {
    const rows = (await this.db.query(
      `SELECT s.kind, s.ect_member_person_id, o.region FROM school s JOIN organisation o ON o.id = s.organisation_id
        WHERE s.organisation_id = $1 AND s.id = $2`,
      [organisationId, schoolId],
    )) as { kind: 'regular' | 'special'; ect_member_person_id: string | null; region: string }[];
    const row = rows[0];
    return row
      ? { kind: row.kind, ectMemberPersonId: row.ect_member_person_id, region: row.region }
      : null;
  }

  /**
   * The parent's person: an existing person of the tenant with this address gets the role
   * `parent` as well; otherwise a new one is made (they sign in by e-mail like anyone).
   * 'taken' when the address belongs to a person of another SWV.
   */
  async ensureParent(
    organisationId: string,
    email: string,
    name: string,
    locale: 'nl' | 'en',
  ): Promise<string | 'taken'> {
    const address = email.trim().toLowerCase();
    const rows = (await this.db.query(
      `INSERT INTO person (organisation_id, email, name, locale, roles) VALUES ($1, $2, $3, $4, '{parent}')
       ON CONFLICT (organisation_id, email) DO UPDATE
         SET roles = CASE WHEN 'parent' = ANY(person.roles) THEN person.roles ELSE person.roles || '{parent}'::text[] END,
             active = true
       RETURNING id`,
      [organisationId, address, name.trim(), locale],
    )) as { id: string }[];
    return rows[0]?.id ?? 'taken';
  }

  /** The names of the case's schools (mails name the case by them), or null. */
  async schoolNames(
    organisationId: string,
    caseId: string,
  ): Promise<{ vso: string; regular: string | null } | null> {
    const rows = (await this.db.query(
      `SELECT v.name AS vso, r.name AS regular FROM transition_case c
         JOIN school v ON v.id = c.vso_school_id LEFT JOIN school r ON r.id = c.regular_school_id
        WHERE c.organisation_id = $1 AND c.id = $2`,
      [organisationId, caseId],
    )) as { vso: string; regular: string | null }[];
    return rows[0] ?? null;
  }

  /** Who is on the case, by side (for reminders and escalations). */
  async people(organisationId: string, caseId: string): Promise<TransitionPeople> {
    const rows = (await this.db.query(
      `SELECT 'vso' AS side, p.id FROM transition_case c JOIN person p
           ON p.organisation_id = c.organisation_id AND p.school_id = c.vso_school_id AND 'school_contact' = ANY(p.roles) AND p.active
        WHERE c.organisation_id = $1 AND c.id = $2
       UNION ALL
       SELECT 'regular', p.id FROM transition_case c JOIN person p
           ON p.organisation_id = c.organisation_id AND p.school_id = c.regular_school_id AND 'school_contact' = ANY(p.roles) AND p.active
        WHERE c.organisation_id = $1 AND c.id = $2 AND c.state->'consentSchoolIds' ? c.regular_school_id::text
       UNION ALL
       SELECT CASE tp.role WHEN 'parent' THEN 'parents' ELSE 'ect' END, tp.person_id FROM transition_case c
         JOIN transition_participant tp ON tp.case_id = c.id
        WHERE c.organisation_id = $1 AND c.id = $2
       UNION ALL
       SELECT 'secretariat', p.id FROM person p WHERE p.organisation_id = $1 AND p.active AND 'secretariat' = ANY(p.roles)`,
      [organisationId, caseId],
    )) as { side: keyof TransitionPeople; id: string }[];
    const people: TransitionPeople = {
      vso: [],
      regular: [],
      ect: [],
      parents: [],
      secretariat: [],
    };
    for (const r of rows) people[r.side].push(r.id);
    return people;
  }

  /** Every case of the SWV, without pupil data (the secretariat's and the ECT's overview). */
  async overview(organisationId: string): Promise<TransitionOverviewRow[]> {
    const rows = (await this.db.query(
      `SELECT c.id, c.status, c.phase, c.outcome, v.name AS vso_school_name, r.name AS regular_school_name,
              c.state, c.config, o.region
         FROM transition_case c
         JOIN organisation o ON o.id = c.organisation_id
         JOIN school v ON v.id = c.vso_school_id
         LEFT JOIN school r ON r.id = c.regular_school_id
        WHERE c.organisation_id = $1
        ORDER BY c.status, c.opened_on, c.id`,
      [organisationId],
    )) as {
      id: string;
      status: TransitionOverviewRow['status'];
      phase: TransitionPhase;
      outcome: TransitionOutcome | null;
      vso_school_name: string;
      regular_school_name: string | null;
      state: TransitionState;
      config: TransitionConfig;
      region: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      phase: r.phase,
      outcome: r.outcome,
      vsoSchoolName: r.vso_school_name,
      regularSchoolName: r.regular_school_name,
      state: r.state,
      config: r.config,
      region: r.region,
    }));
  }

  /** The facts of every case for the yearly numbers: dates, phases and outcomes only. */
  async yearFacts(organisationId: string): Promise<TransitionCaseFacts[]> {
    const cases = (await this.db.query(
      `SELECT id, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on, outcome
         FROM transition_case WHERE organisation_id = $1`,
      [organisationId],
    )) as {
      id: string;
      opened_on: string;
      closed_on: string | null;
      outcome: TransitionOutcome | null;
    }[];
    const steps = (await this.db.query(
      `SELECT s.case_id, s.phase_before, s.phase_after, s.kind, to_char(s.occurred_on, 'YYYY-MM-DD') AS occurred_on
         FROM transition_step s JOIN transition_case c ON c.id = s.case_id
        WHERE c.organisation_id = $1 ORDER BY s.case_id, s.seq`,
      [organisationId],
    )) as {
      case_id: string;
      phase_before: TransitionPhase;
      phase_after: TransitionPhase;
      kind: string;
      occurred_on: string;
    }[];
    return cases.map((c) => {
      const phases: TransitionCaseFacts['phases'][number][] = [];
      let current = { phase: 'orientation' as TransitionPhase, enteredOn: c.opened_on };
      let open = true;
      for (const s of steps.filter((x) => x.case_id === c.id)) {
        const closes = s.kind === 'close' || s.kind === 'end';
        if (open && (s.phase_after !== s.phase_before || s.kind === 'decide' || closes)) {
          phases.push({ ...current, leftOn: s.occurred_on });
          current = { phase: s.phase_after, enteredOn: s.occurred_on };
          open = !closes;
        }
      }
      if (open) phases.push({ ...current, leftOn: null });
      return { openedOn: c.opened_on, closedOn: c.closed_on, outcome: c.outcome, phases };
    });
  }

  /** The access log of a case, newest first, for the SWV's privacy officer. */
  async accessLog(organisationId: string, caseId: string): Promise<TransitionAccessLogRow[]> {
    const rows = (await this.db.query(
      `SELECT l.person_id, p.name AS person_name, l.action, l.occurred_at
         FROM transition_access_log l LEFT JOIN person p ON p.id = l.person_id
        WHERE l.organisation_id = $1 AND l.case_id = $2 ORDER BY l.id DESC`,
      [organisationId, caseId],
    )) as {
      person_id: string | null;
      person_name: string | null;
      action: TransitionAccessLogRow['action'];
      occurred_at: Date;
    }[];
    return rows.map((r) => ({
      personId: r.person_id,
      personName: r.person_name,
      action: r.action,
      occurredAt: r.occurred_at.toISOString(),
    }));
  }

  /**
   * Attaches a document to the case: the file is stored as a `document` under a neutral name
   * (never offered by /api/documents), its content encrypted (FieldCipher.encryptFile, bound to
   * this attachment), the name it came with encrypted here, as it may name the pupil. The
   * document's size and sha256 are those of the stored bytes (no hash of the file in clear
   * remains); the size in clear is the attachment's. Returns the attachment's id.
   */
  async attachDocument(
    caseId: string,
    personId: string,
    file: Omit<DocumentToStore, 'filename'> & { filename: string; extension: string },
  ): Promise<string> {
    const cipher = this.cipher;
    return inTransaction(this.db, async (em) => {
      const { filename, extension, content, organisationId, contentType } = file;
      const id = randomUUID();
      const stored = cipher.encryptFile(content, docContentPlace(id));
      const doc = await new DocumentRepository(em).insert({
        organisationId,
        contentType,
        content: stored,
        sizeBytes: stored.length,
        sha256: createHash('sha256').update(stored).digest('hex'),
        filename: `schakeltraject-bijlage.${extension}`,
      });
      // Used by the case: housekeeping never removes it as an unused upload.
      await em.query(`UPDATE document SET used_at = now() WHERE id = $1`, [doc.id]);
      await em.query(
        `INSERT INTO transition_document (id, case_id, document_id, filename_enc, uploaded_by_person_id, content_encrypted, size_bytes)
         VALUES ($1, $2, $3, $4, $5, true, $6)`,
        [id, caseId, doc.id, cipher.encrypt(filename, docPlace(id)), personId, content.length],
      );
      return id;
    });
  }

  /**
   * Encrypts the content of documents attached before it was encrypted at rest (migration
   * 1764000000100), one per transaction, the row locked; returns how many. The api runs it at
   * start-up: it holds the key.
   */
  async encryptPlainDocuments(): Promise<number> {
    const cipher = this.cipher;
    let done = 0;
    for (;;) {
      const more = await inTransaction(this.db, async (em) => {
        const rows = (await em.query(
          `SELECT td.id, td.document_id, d.content FROM transition_document td
             JOIN document d ON d.id = td.document_id
            WHERE NOT td.content_encrypted
            LIMIT 1 FOR UPDATE OF td SKIP LOCKED`,
        )) as { id: string; document_id: string; content: Buffer }[];
        const row = rows[0];
        if (!row) return false;
        const stored = cipher.encryptFile(row.content, docContentPlace(row.id));
        await em.query(
          `UPDATE document SET content = $2, size_bytes = $3, sha256 = $4 WHERE id = $1`,
          [
            row.document_id,
            stored,
            stored.length,
            createHash('sha256').update(stored).digest('hex'),
          ],
        );
        await em.query(
          `UPDATE transition_document SET content_encrypted = true, size_bytes = $2 WHERE id = $1`,
          [row.id, row.content.length],
        );
        return true;
      });
      if (!more) return done;
      done += 1;
    }
  }

  /** The case's documents, oldest first, their names decrypted. */
  async documents(caseId: string): Promise<TransitionDocument[]> {
    const rows = (await this.db.query(
      `SELECT td.id, td.filename_enc, d.content_type, COALESCE(td.size_bytes, d.size_bytes) AS size_bytes, td.created_at
         FROM transition_document td JOIN document d ON d.id = td.document_id
        WHERE td.case_id = $1 ORDER BY td.created_at, td.id`,
      [caseId],
    )) as {
      id: string;
      filename_enc: string;
      content_type: string;
      size_bytes: number;
      created_at: Date;
    }[];
    return rows.map((r) => ({
      id: r.id,
      filename: this.cipher.decrypt(r.filename_enc, docPlace(r.id)),
      contentType: r.content_type,
      sizeBytes: Number(r.size_bytes),
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  /**
   * A document of the case for `personId`, or null when they are not on the case (need to
   * know) or it is not the case's; the download is written to the access log.
   */
  async openDocument(
    organisationId: string,
    caseId: string,
    attachmentId: string,
    personId: string,
    chunkBytes: number,
  ): Promise<{ document: TransitionDocument; content: AsyncIterable<Buffer> } | null> {
    if ((await this.accessOf(organisationId, caseId, personId)) === null) return null;
    const rows = (await this.db.query(
      `SELECT td.document_id, td.content_encrypted FROM transition_document td WHERE td.case_id = $1 AND td.id = $2`,
      [caseId, attachmentId],
    )) as { document_id: string; content_encrypted: boolean }[];
    const documentId = rows[0]?.document_id;
    const document = (await this.documents(caseId)).find((d) => d.id === attachmentId);
    if (!documentId || !document) return null;
    await this.log(organisationId, caseId, personId, 'download');
    if (!rows[0]!.content_encrypted) {
      return {
        document,
        content: new DocumentRepository(this.db).contentChunks(
          organisationId,
          documentId,
          document.sizeBytes,
          chunkBytes,
        ),
      };
    }
    // One sealed segment per statement: the download holds one segment in memory at a time.
    const read = async (offset: number, length: number): Promise<Buffer | null> => {
      const [row] = (await this.db.query(
        `SELECT substring(content FROM $3::int FOR $4::int) AS part
           FROM document WHERE id = $1 AND organisation_id = $2`,
        [documentId, organisationId, offset + 1, length],
      )) as { part: Buffer }[];
      return row ? row.part : null;
    };
    return {
      document,
      content: this.cipher.decryptFile(read, document.sizeBytes, docContentPlace(attachmentId)),
    };
  }

  /**
   * Erases a closed case's personal data for good (the retention timer): the encrypted pupil
   * data and every note are removed, the parents leave the case, and a parent who is on no
   * other case is made anonymous and inactive. Dates, phases and outcomes stay for the yearly
   * numbers. True when this call erased it; false when it was erased already or is not closed.
   */
  async erase(organisationId: string, caseId: string): Promise<boolean> {
    return inTransaction(this.db, async (em) => {
      const done = (await em.query(
        `UPDATE transition_case SET status = 'erased', erased_at = now(), pupil_enc = NULL, updated_at = now()
          WHERE organisation_id = $1 AND id = $2 AND status = 'closed'
          RETURNING id`,
        [organisationId, caseId],
      )) as [unknown[], number];
      if ((done[0] ?? []).length === 0) return false;
      await em.query(`UPDATE transition_step SET note_id = NULL WHERE case_id = $1`, [caseId]);
      await em.query(`DELETE FROM transition_note WHERE case_id = $1`, [caseId]);
      // The attached files and their rows (transition_document goes with them: ON DELETE CASCADE).
      await em.query(
        `DELETE FROM document WHERE id IN (SELECT document_id FROM transition_document WHERE case_id = $1)`,
        [caseId],
      );
      const parents = (await em.query(
        `DELETE FROM transition_participant WHERE case_id = $1 AND role = 'parent' RETURNING person_id`,
        [caseId],
      )) as [{ person_id: string }[], number];
      const ids = (parents[0] ?? []).map((p) => p.person_id);
      if (ids.length > 0) {
        await em.query(
          `UPDATE person SET name = 'Verwijderd', email = 'erased-' || id || '@invalid', active = false, roles = '{}'
            WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND roles = ARRAY['parent']::text[]
              AND NOT EXISTS (SELECT 1 FROM transition_participant tp WHERE tp.person_id = person.id)`,
          [organisationId, ids],
        );
      }
      await em.query(
        `INSERT INTO transition_access_log (organisation_id, case_id, person_id, action) VALUES ($1, $2, NULL, 'erase')`,
        [organisationId, caseId],
      );
      return true;
    });
  }
}
