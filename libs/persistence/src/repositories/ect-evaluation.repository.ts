import type { Db } from './db';

export interface EctEvaluationRecord {
  schoolId: string;
  year: number;
  ectPersonId: string | null;
  findings: string;
  agreements: string;
  submittedAt: Date;
}

export interface EctEvaluationToStore {
  organisationId: string;
  schoolId: string;
  year: number;
  workflowId: string;
  ectPersonId: string;
  findings: string;
  agreements: string;
  /** ISO, workflow time. */
  at: string;
}

interface Row {
  school_id: string;
  year: number;
  ect_person_id: string | null;
  findings: string;
  agreements: string;
  submitted_at: Date;
}

const toRecord = (r: Row): EctEvaluationRecord => ({
  schoolId: r.school_id,
  year: r.year,
  ectPersonId: r.ect_person_id,
  findings: r.findings,
  agreements: r.agreements,
  submittedAt: r.submitted_at,
});

/** The autumn ECT evaluations (ect_evaluation): one per school and year. */
export class EctEvaluationRepository {
  constructor(private readonly db: Db) {}

  /** Stores the evaluation once; a retry (the same school and year) keeps the first. */
  async store(e: EctEvaluationToStore): Promise<void> {
    await this.db.query(
      `INSERT INTO ect_evaluation
         (organisation_id, school_id, year, workflow_id, ect_person_id, findings, agreements, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organisation_id, school_id, year) DO NOTHING`,
      [
        e.organisationId,
        e.schoolId,
        e.year,
        e.workflowId,
        e.ectPersonId,
        e.findings,
        e.agreements,
        e.at,
      ],
    );
  }

  /** Every evaluation of the year, by school id. */
  async forYear(organisationId: string, year: number): Promise<Map<string, EctEvaluationRecord>> {
    const rows = (await this.db.query(
      `SELECT school_id, year, ect_person_id, findings, agreements, submitted_at
         FROM ect_evaluation WHERE organisation_id = $1 AND year = $2`,
      [organisationId, year],
    )) as Row[];
    return new Map(rows.map((r) => [r.school_id, toRecord(r)]));
  }

  /**
   * The regular schools whose ECT member is an active person of the SWV: the schools an
   * evaluation is for (docs/domain.md, source 001 §7.4: "de ECT'er van de school"), by name.
   */
  async schoolsWithEctMember(
    organisationId: string,
  ): Promise<{ schoolId: string; name: string; ectPersonId: string }[]> {
    const rows = (await this.db.query(
      `SELECT s.id, s.name, s.ect_member_person_id
         FROM school s
         JOIN person p ON p.organisation_id = s.organisation_id AND p.id = s.ect_member_person_id
        WHERE s.organisation_id = $1 AND s.kind = 'regular' AND p.active
        ORDER BY s.name, s.id`,
      [organisationId],
    )) as { id: string; name: string; ect_member_person_id: string }[];
    return rows.map((r) => ({ schoolId: r.id, name: r.name, ectPersonId: r.ect_member_person_id }));
  }

  async forSchool(
    organisationId: string,
    schoolId: string,
    year: number,
  ): Promise<EctEvaluationRecord | null> {
    const rows = (await this.db.query(
      `SELECT school_id, year, ect_person_id, findings, agreements, submitted_at
         FROM ect_evaluation WHERE organisation_id = $1 AND school_id = $2 AND year = $3`,
      [organisationId, schoolId, year],
    )) as Row[];
    return rows[0] ? toRecord(rows[0]) : null;
  }
}
