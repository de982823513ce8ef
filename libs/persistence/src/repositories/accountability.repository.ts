import type { AccountabilitySubmissionFigures } from '@jaarcyclus/domain';
import { ensureDefaultAccountabilityFormat } from '../entities/accountability-format.entity';
import { type Db, inTransaction } from './db';

/** The settings an accountability cycle pins (table accountability_cycle). */
export interface AccountabilityCycleSettings {
  organisationId: string;
  workflowId: string;
  accountingYear: number;
  formatVersion: number;
  /** ISO. */
  deadline: string;
  schools: number;
  started: number;
  alreadyStarted: number;
}

/** One school's row in the accountability overview (table school_accountability). */
export interface SchoolAccountabilityRow {
  organisationId: string;
  workflowId: string;
  cycleWorkflowId: string;
  accountingYear: number;
  schoolId: string;
  formatVersion: number;
  status: string;
  version: number;
  submissionId: string | null;
  deadline: string;
  daysLate: number;
  submittedAt: string | null;
  lateSince: string | null;
}

/** A review outcome (or a submission) as the school workflow records it on the submission row. */
export interface SubmissionReview {
  submissionId: string;
  version: number;
  status: 'submitted' | 'returned' | 'accepted';
  reviewComments?: string;
  reviewedByPersonId?: string;
}

/** The schools of a fan-out chunk that have no status row yet; see insertNotStartedSchools. */
export interface NotStartedSchools {
  organisationId: string;
  cycleWorkflowId: string;
  accountingYear: number;
  formatVersion: number;
  deadline: string;
  /** The school workflows' ids, one per school. */
  workflowIds: readonly string[];
  schoolIds: readonly string[];
}

export interface SubmissionForUnderspending {
  status: string;
  formatVersion: number;
  figures: AccountabilitySubmissionFigures;
  /** The school's current fixed amount (the allocation is not stored per year). */
  fixedAmountCents: number;
}

/** The accountability cycle's own tables: pinned settings, the schools' status and submissions. */
export class AccountabilityRepository {
  constructor(private readonly db: Db) {}

  /**
   * The format version pinned for the cycle: the first call per workflow id stores the
   * tenant's latest version (the default format first, when the tenant has none); later calls
   * read what was stored. Null when the workflow id belongs to another tenant.
   */
  async pinFormatVersion(
    organisationId: string,
    workflowId: string,
    accountingYear: number,
  ): Promise<number | null> {
    return inTransaction(this.db, async (em) => {
      await ensureDefaultAccountabilityFormat(em, organisationId);
      await em.query(
        `INSERT INTO accountability_cycle (organisation_id, workflow_id, accounting_year, format_version)
         SELECT $1, $2, $3, max(version) FROM accountability_format WHERE organisation_id = $1
         ON CONFLICT (workflow_id) DO NOTHING`,
        [organisationId, workflowId, accountingYear],
      );
      const rows = (await em.query(
        `SELECT format_version FROM accountability_cycle WHERE organisation_id = $1 AND workflow_id = $2`,
        [organisationId, workflowId],
      )) as { format_version: number }[];
      return rows[0]?.format_version ?? null;
    });
  }

  /**
   * The cycle's pinned settings: 'upsert' updates deadline and counts of an existing row,
   * 'insert' only adds a missing one. The pinned format version never changes once stored.
   */
  async writeCycleSettings(
    s: AccountabilityCycleSettings,
    mode: 'upsert' | 'insert',
  ): Promise<void> {
    await ensureDefaultAccountabilityFormat(this.db, s.organisationId);
    const onConflict =
      mode === 'upsert'
        ? `DO UPDATE
             SET deadline = EXCLUDED.deadline, schools = EXCLUDED.schools, started = EXCLUDED.started,
                 already_started = EXCLUDED.already_started, updated_at = now()`
        : 'DO NOTHING';
    await this.db.query(
      `INSERT INTO accountability_cycle
         (organisation_id, workflow_id, accounting_year, format_version, deadline, schools, started, already_started)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workflow_id) ${onConflict}`,
      [
        s.organisationId,
        s.workflowId,
        s.accountingYear,
        s.formatVersion,
        s.deadline,
        s.schools,
        s.started,
        s.alreadyStarted,
      ],
    );
  }

  /** Records the review outcome on the submission row; the first review time is kept. */
  async updateSubmission(organisationId: string, sub: SubmissionReview, at: string): Promise<void> {
    await this.db.query(
      `UPDATE accountability_submission
          SET status = $3, version = $4,
              review_comments = COALESCE($5, review_comments),
              reviewed_by_person_id = COALESCE($6, reviewed_by_person_id),
              reviewed_at = CASE WHEN $3 IN ('returned', 'accepted') THEN COALESCE(reviewed_at, $7::timestamptz)
                                 ELSE reviewed_at END,
              updated_at = now()
        WHERE organisation_id = $1 AND id = $2`,
      [
        organisationId,
        sub.submissionId,
        sub.status,
        sub.version,
        sub.reviewComments ?? null,
        sub.reviewedByPersonId ?? null,
        at,
      ],
    );
  }

  /** Upserts the school's status row by workflow id. */
  async upsertSchoolStatus(r: SchoolAccountabilityRow): Promise<void> {
    await this.db.query(
      `INSERT INTO school_accountability
         (organisation_id, workflow_id, cycle_workflow_id, accounting_year, school_id, format_version,
          status, version, current_submission_id, deadline, days_late, submitted_at, late_since, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       ON CONFLICT (workflow_id) DO UPDATE
         SET format_version = EXCLUDED.format_version, status = EXCLUDED.status,
             version = EXCLUDED.version, current_submission_id = EXCLUDED.current_submission_id,
             deadline = EXCLUDED.deadline, days_late = EXCLUDED.days_late,
             submitted_at = EXCLUDED.submitted_at, late_since = EXCLUDED.late_since, updated_at = now()`,
      [
        r.organisationId,
        r.workflowId,
        r.cycleWorkflowId,
        r.accountingYear,
        r.schoolId,
        r.formatVersion,
        r.status,
        r.version,
        r.submissionId,
        r.deadline,
        r.daysLate,
        r.submittedAt,
        r.lateSince,
      ],
    );
  }

  /** A 'not_started' status row for each school that has none (an existing row stays as it is). */
  async insertNotStartedSchools(s: NotStartedSchools): Promise<void> {
    await this.db.query(
      `INSERT INTO school_accountability
         (organisation_id, workflow_id, cycle_workflow_id, accounting_year, school_id, format_version,
          status, version, current_submission_id, deadline, days_late, submitted_at, late_since, updated_at)
       SELECT $1, t.w, $2, $3, t.s, $4, 'not_started', 0, NULL, $5, 0, NULL, NULL, now()
         FROM unnest($6::text[], $7::uuid[]) AS t(w, s)
       ON CONFLICT DO NOTHING`,
      [
        s.organisationId,
        s.cycleWorkflowId,
        s.accountingYear,
        s.formatVersion,
        s.deadline,
        s.workflowIds,
        s.schoolIds,
      ],
    );
  }

  /** The school's submission with the school's fixed amount; null when there is no such submission. */
  async submissionForUnderspending(
    organisationId: string,
    submissionId: string,
    schoolId: string,
    accountingYear: number,
  ): Promise<SubmissionForUnderspending | null> {
    const rows = (await this.db.query(
      `SELECT a.status, a.format_version, a.figures, s.fixed_amount_cents
         FROM accountability_submission a
         JOIN school s ON s.organisation_id = a.organisation_id AND s.id = a.school_id
        WHERE a.organisation_id = $1 AND a.id = $2 AND a.school_id = $3 AND a.accounting_year = $4`,
      [organisationId, submissionId, schoolId, accountingYear],
    )) as {
      status: string;
      format_version: number;
      figures: AccountabilitySubmissionFigures;
      fixed_amount_cents: string;
    }[];
    const r = rows[0];
    return r
      ? {
          status: r.status,
          formatVersion: r.format_version,
          figures: r.figures,
          fixedAmountCents: Number(r.fixed_amount_cents),
        }
      : null;
  }
}
