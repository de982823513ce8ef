import type {
  AccountabilityAppendixRule,
  AccountabilityExpenseLine,
  AccountabilityIncomeLine,
  AccountabilitySubmissionFigures,
  SchoolAccountabilityStatus,
} from '@jaarcyclus/domain';
import { IsNull, Not } from 'typeorm';
import {
  AccountabilityFormatVersion,
  ensureDefaultAccountabilityFormat,
} from '../entities/accountability-format.entity';
import { SchoolAccountability } from '../entities/accountability-school-status.entity';
import { AccountabilitySubmission } from '../entities/accountability-submission.entity';
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

/**
 * How long a 'pending' submission counts as one the school workflow is deciding on (the api's
 * submit Update takes milliseconds; a pending row this old is one whose Update was lost).
 */
export const PENDING_SUBMISSION_WINDOW = '10 minutes';

/** Which page of a cycle's owing schools to read; see schoolsOwingSubmission. */
export interface OwingSchoolsPage {
  organisationId: string;
  cycleWorkflowId: string;
  /** ISO; only schools whose (current) deadline is this moment. */
  deadline: string;
  /** The last school workflow id of the previous page; null for the first page. */
  after: string | null;
  limit: number;
}

/** A school that still owes a submission for its cycle's deadline (school_accountability). */
export interface OwingSchoolRow {
  /** The school workflow's id. */
  workflowId: string;
  schoolId: string;
  status: 'not_started' | 'draft' | 'returned';
  /** Submissions so far: the returned version when status is 'returned'. */
  version: number;
}

export interface SubmissionForUnderspending {
  status: string;
  formatVersion: number;
  figures: AccountabilitySubmissionFigures;
  /** The school's current fixed amount (the allocation is not stored per year). */
  fixedAmountCents: number;
}

/** A version of the tenant's format with its publisher and the cycles that pinned it. */
export interface FormatVersionUseRow {
  version: number;
  publishedAt: Date;
  createdByPersonId: string | null;
  /** The publisher's name; null for the default (or a person since removed). */
  publishedBy: string | null;
  /** Accounting years of the tenant's accountability cycles that pinned this version. */
  accountingYears: number[];
}

/** A new version of the tenant's format; see insertFormat. */
export interface FormatToInsert {
  organisationId: string;
  version: number;
  incomeLines: AccountabilityIncomeLine[];
  expenseLines: AccountabilityExpenseLine[];
  appendix: AccountabilityAppendixRule;
  createdByPersonId: string;
}

/** What the api writes when it starts a cycle; see recordCycleStart. */
export interface AccountabilityCycleStart {
  organisationId: string;
  workflowId: string;
  accountingYear: number;
  formatVersion: number;
  /** ISO. */
  deadline: string;
  reminderPolicy: unknown;
  schools: number;
}

/** The cycle's row as the overview heads it: its list row (if any) and pinned settings. */
export interface AccountabilityCycleSummary {
  /** Null until the cycle's list row exists. */
  title: string | null;
  status: string | null;
  formatVersion: number;
  deadline: Date | null;
  schools: number;
}

/** A waiver as the school's audit trail recorded it ('waived' event, written by its workflow). */
export interface WaiverRecord {
  reason: string;
  at: Date;
  /** Who waived it; null for a person since removed. */
  byName: string | null;
}

/** One school of the overview: its status row with school, board, deduction and waiver. */
export interface AccountabilityOverviewRecord {
  schoolId: string;
  schoolName: string;
  boardId: string;
  boardName: string;
  status: SchoolAccountabilityStatus;
  version: number;
  deadline: Date;
  /** As the workflow last stored it. */
  daysLate: number;
  submittedAt: Date | null;
  lateSince: Date | null;
  deductionCents: number | null;
  deductionAllocationYear: number | null;
  /** Null unless the school is waived. */
  waiver: WaiverRecord | null;
  /** The school's fixed amount (what it receives besides the variable amount it reports). */
  fixedAmountCents: number;
  /** The figures of the current (last submitted) version; null before the first submission. */
  currentFigures: AccountabilitySubmissionFigures | null;
  /** Who wrote the latest reply in the conversation on it; null without replies. */
  lastReplySide: 'school' | 'office' | null;
}

/** One message of the conversation on a school's accountability. */
export interface AccountabilityCommentRecord {
  id: string;
  version: number;
  side: 'school' | 'office';
  /** Null when the author has since been removed. */
  authorName: string | null;
  body: string;
  createdAt: Date;
}

/** One e-mail about a school's accountability, as the outbox holds it. */
export interface SchoolMailRecord {
  /** The step of the school workflow's key (`reminder-d1-2027-01-12`, `escalation-d1`, …). */
  step: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
  /** The recipient's name; null for someone since removed. */
  recipientName: string | null;
}

/** A school's draft: the raw form input, one per school and year; see saveDraft. */
export interface DraftToSave {
  organisationId: string;
  schoolId: string;
  accountingYear: number;
  cycleWorkflowId: string;
  formatVersion: number;
  figures: Record<string, unknown>;
  savedByPersonId: string;
}

/** Validated figures the api stores before the workflow confirms them; see insertPendingSubmission. */
export interface SubmissionToStore {
  organisationId: string;
  schoolId: string;
  accountingYear: number;
  cycleWorkflowId: string;
  formatVersion: number;
  figures: Record<string, unknown>;
  submittedByPersonId: string;
}

/**
 * The latest 'waived' audit event of each school workflow (`sa`) of a waived school: the
 * reason the secretariat gave, when, and who. Joined LATERAL on the (organisation_id,
 * workflow_id, id) index of audit_event.
 */
const WAIVER_JOIN = `LEFT JOIN LATERAL (
    SELECT e.payload->>'reason' AS reason, e.occurred_at, p.name
      FROM audit_event e
      LEFT JOIN person p ON p.organisation_id = e.organisation_id AND p.id = e.actor_person_id
     WHERE e.organisation_id = sa.organisation_id AND e.workflow_id = sa.workflow_id
       AND e.action = 'waived'
     ORDER BY e.id DESC
     LIMIT 1
  ) w ON sa.status = 'waived'`;

/** The waiver columns of WAIVER_JOIN, null unless they say who waived when. */
function waiverOf(r: {
  waiver_reason: string | null;
  waived_at: Date | null;
  waived_by: string | null;
}): WaiverRecord | null {
  if (r.waiver_reason === null || r.waived_at === null) return null;
  return { reason: r.waiver_reason, at: r.waived_at, byName: r.waived_by };
}

/**
 * The accountability cycle's own tables: the tenant's versioned format, pinned settings, the
 * schools' status and submissions.
 */
export class AccountabilityRepository {
  constructor(private readonly db: Db) {}

  // ── The format ──────────────────────────────────────────────────────────────────────────────

  /** The tenant's stored format versions, newest first (none until it used or published one). */
  formats(organisationId: string): Promise<AccountabilityFormatVersion[]> {
    return this.db.getRepository(AccountabilityFormatVersion).find({
      where: { organisationId },
      order: { version: 'DESC' },
    });
  }

  /** Every stored version, newest first, with its publisher and the cycles that use it. */
  async formatUses(organisationId: string): Promise<FormatVersionUseRow[]> {
    const rows = (await this.db.query(
      `SELECT f.version, f.published_at, f.created_by_person_id, p.name AS published_by,
              COALESCE(array_agg(c.accounting_year ORDER BY c.accounting_year)
                         FILTER (WHERE c.accounting_year IS NOT NULL), '{}') AS years
         FROM accountability_format f
         LEFT JOIN person p ON p.id = f.created_by_person_id AND p.organisation_id = f.organisation_id
         LEFT JOIN accountability_cycle c
                ON c.organisation_id = f.organisation_id AND c.format_version = f.version
        WHERE f.organisation_id = $1
        GROUP BY f.version, f.published_at, f.created_by_person_id, p.name
        ORDER BY f.version DESC`,
      [organisationId],
    )) as {
      version: number;
      published_at: Date;
      created_by_person_id: string | null;
      published_by: string | null;
      years: number[];
    }[];
    return rows.map((r) => ({
      version: r.version,
      publishedAt: r.published_at,
      createdByPersonId: r.created_by_person_id,
      publishedBy: r.published_by,
      accountingYears: r.years.map(Number),
    }));
  }

  /** The tenant's stored version, or null. */
  format(organisationId: string, version: number): Promise<AccountabilityFormatVersion | null> {
    return this.db
      .getRepository(AccountabilityFormatVersion)
      .findOneBy({ organisationId, version });
  }

  /** A version that exists (a cycle pinned it: the composite foreign keys keep it); TypeORM's EntityNotFoundError otherwise. */
  formatOrFail(organisationId: string, version: number): Promise<AccountabilityFormatVersion> {
    return this.db
      .getRepository(AccountabilityFormatVersion)
      .findOneByOrFail({ organisationId, version });
  }

  /** Whether the tenant has stored a version (the default is stored on first use). */
  hasFormats(organisationId: string): Promise<boolean> {
    return this.db.getRepository(AccountabilityFormatVersion).existsBy({ organisationId });
  }

  /**
   * Serialises the numbering of the tenant's versions until the transaction ends (an advisory
   * lock; call it inside one).
   */
  async lockFormats(organisationId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('accountability_format:' || $1))`, [
      organisationId,
    ]);
  }

  /** The tenant's current version, storing the default as version 1 when it has none (in a transaction). */
  latestFormatVersion(organisationId: string): Promise<number> {
    return inTransaction(this.db, async (em) => {
      await ensureDefaultAccountabilityFormat(em, organisationId);
      const rows = (await em.query(
        `SELECT max(version)::int AS version FROM accountability_format WHERE organisation_id = $1`,
        [organisationId],
      )) as { version: number }[];
      return rows[0]!.version;
    });
  }

  /** Stores a new version (unique per tenant and version number) and returns it as stored. */
  async insertFormat(f: FormatToInsert): Promise<AccountabilityFormatVersion> {
    const formats = this.db.getRepository(AccountabilityFormatVersion);
    const row = await formats.save({
      organisationId: f.organisationId,
      version: f.version,
      incomeLines: f.incomeLines,
      expenseLines: f.expenseLines,
      appendix: f.appendix,
      createdByPersonId: f.createdByPersonId,
    });
    return formats.findOneByOrFail({ id: row.id });
  }

  // ── The cycle and its schools ───────────────────────────────────────────────────────────────

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

  /**
   * One page (keyset on the school workflow id, ascending) of the cycle's schools that still owe
   * a submission for `deadline`: status not_started, draft or returned, deadline equal to it
   * (an extended school has another one). Served by the unique index on workflow_id.
   *
   * The status row follows the school workflow a moment later (its recordStatus activity runs
   * after the submit Update has answered), so a school that has just submitted is recognised by
   * its submission rows, which the api writes before and right after that Update: one the
   * status row does not count yet ('submitted' with a higher version), or one the workflow is
   * deciding on ('pending' for less than PENDING_SUBMISSION_WINDOW; an older pending row is one
   * whose Update was lost, and the school still owes).
   */
  async schoolsOwingSubmission(q: OwingSchoolsPage): Promise<OwingSchoolRow[]> {
    const rows = (await this.db.query(
      `SELECT sa.workflow_id, sa.school_id, sa.status, sa.version FROM school_accountability sa
        WHERE sa.organisation_id = $1 AND sa.cycle_workflow_id = $2
          AND sa.status IN ('not_started', 'draft', 'returned') AND sa.deadline = $3::timestamptz
          AND ($4::text IS NULL OR sa.workflow_id > $4::text)
          AND NOT EXISTS (
            SELECT 1 FROM accountability_submission s
             WHERE s.organisation_id = sa.organisation_id AND s.cycle_workflow_id = sa.cycle_workflow_id
               AND s.school_id = sa.school_id
               AND ((s.status = 'submitted' AND s.version > sa.version)
                 OR (s.status = 'pending' AND s.created_at > now() - $6::interval)))
        ORDER BY sa.workflow_id
        LIMIT $5`,
      [
        q.organisationId,
        q.cycleWorkflowId,
        q.deadline,
        q.after,
        q.limit,
        PENDING_SUBMISSION_WINDOW,
      ],
    )) as {
      workflow_id: string;
      school_id: string;
      status: OwingSchoolRow['status'];
      version: number;
    }[];
    return rows.map((r) => ({
      workflowId: r.workflow_id,
      schoolId: r.school_id,
      status: r.status,
      version: r.version,
    }));
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

  /**
   * The cycle's settings as the api starts it: a missing row is inserted, an existing one (the
   * workflow was first) keeps its values and only gets a reminder policy and deadline it lacks.
   */
  async recordCycleStart(c: AccountabilityCycleStart): Promise<void> {
    await this.db.query(
      `INSERT INTO accountability_cycle
         (organisation_id, workflow_id, accounting_year, format_version, deadline, reminder_policy, schools)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workflow_id) DO UPDATE
         SET reminder_policy = COALESCE(accountability_cycle.reminder_policy, EXCLUDED.reminder_policy),
             deadline = COALESCE(accountability_cycle.deadline, EXCLUDED.deadline)`,
      [
        c.organisationId,
        c.workflowId,
        c.accountingYear,
        c.formatVersion,
        c.deadline,
        JSON.stringify(c.reminderPolicy),
        c.schools,
      ],
    );
  }

  /** The tenant's cycle with this workflow id as the overview heads it; null when there is none. */
  async cycleSummary(
    organisationId: string,
    workflowId: string,
  ): Promise<AccountabilityCycleSummary | null> {
    const rows = (await this.db.query(
      `SELECT c.title, c.status, a.format_version, a.deadline, a.schools
         FROM accountability_cycle a
         LEFT JOIN cycle c ON c.workflow_id = a.workflow_id
        WHERE a.organisation_id = $1 AND a.workflow_id = $2`,
      [organisationId, workflowId],
    )) as {
      title: string | null;
      status: string | null;
      format_version: number;
      deadline: Date | null;
      schools: number;
    }[];
    const r = rows[0];
    return r
      ? {
          title: r.title,
          status: r.status,
          formatVersion: r.format_version,
          deadline: r.deadline,
          schools: r.schools,
        }
      : null;
  }

  /** Every school of the tenant's accounting year with its status, deduction and waiver (in no order). */
  async overview(
    organisationId: string,
    accountingYear: number,
  ): Promise<AccountabilityOverviewRecord[]> {
    const rows = (await this.db.query(
      `SELECT sa.school_id, s.name AS school_name, s.board_id, b.name AS board_name, sa.status,
              sa.version, sa.deadline, sa.days_late, sa.submitted_at, sa.late_since,
              d.amount_cents AS deduction_cents, d.allocation_year,
              w.reason AS waiver_reason, w.occurred_at AS waived_at, w.name AS waived_by,
              s.fixed_amount_cents, cs.figures AS current_figures,
              (SELECT c.side FROM accountability_comment c
                WHERE c.organisation_id = sa.organisation_id AND c.school_id = sa.school_id
                  AND c.accounting_year = sa.accounting_year
                ORDER BY c.created_at DESC, c.id DESC LIMIT 1) AS last_reply_side
         FROM school_accountability sa
         JOIN school s ON s.organisation_id = sa.organisation_id AND s.id = sa.school_id
         JOIN school_board b ON b.organisation_id = s.organisation_id AND b.id = s.board_id
         LEFT JOIN accountability_submission cs
           ON cs.organisation_id = sa.organisation_id AND cs.id = sa.current_submission_id
         LEFT JOIN accountability_deduction d
           ON d.organisation_id = sa.organisation_id AND d.school_id = sa.school_id
          AND d.accounting_year = sa.accounting_year
        ${WAIVER_JOIN}
        WHERE sa.organisation_id = $1 AND sa.accounting_year = $2`,
      [organisationId, accountingYear],
    )) as {
      school_id: string;
      school_name: string;
      board_id: string;
      board_name: string;
      status: SchoolAccountabilityStatus;
      version: number;
      deadline: Date;
      days_late: number;
      submitted_at: Date | null;
      late_since: Date | null;
      deduction_cents: string | null;
      allocation_year: number | null;
      waiver_reason: string | null;
      waived_at: Date | null;
      waived_by: string | null;
      fixed_amount_cents: string;
      current_figures: AccountabilitySubmissionFigures | null;
      last_reply_side: 'school' | 'office' | null;
    }[];
    return rows.map((r) => ({
      schoolId: r.school_id,
      schoolName: r.school_name,
      boardId: r.board_id,
      boardName: r.board_name,
      status: r.status,
      version: r.version,
      deadline: r.deadline,
      daysLate: r.days_late,
      submittedAt: r.submitted_at,
      lateSince: r.late_since,
      deductionCents: r.deduction_cents === null ? null : Number(r.deduction_cents),
      deductionAllocationYear: r.allocation_year,
      waiver: waiverOf(r),
      fixedAmountCents: Number(r.fixed_amount_cents),
      currentFigures: r.current_figures,
      lastReplySide: r.last_reply_side,
    }));
  }

  /** The conversation on the school's accountability of the year, oldest first. */
  async comments(
    organisationId: string,
    schoolId: string,
    accountingYear: number,
  ): Promise<AccountabilityCommentRecord[]> {
    const rows = (await this.db.query(
      `SELECT c.id, c.version, c.side, c.body, c.created_at, p.name AS author_name
         FROM accountability_comment c
         LEFT JOIN person p ON p.organisation_id = c.organisation_id AND p.id = c.author_person_id
        WHERE c.organisation_id = $1 AND c.school_id = $2 AND c.accounting_year = $3
        ORDER BY c.created_at, c.id`,
      [organisationId, schoolId, accountingYear],
    )) as {
      id: string;
      version: number;
      side: 'school' | 'office';
      body: string;
      created_at: Date;
      author_name: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      side: r.side,
      authorName: r.author_name,
      body: r.body,
      createdAt: r.created_at,
    }));
  }

  /** Adds a message to the conversation; returns its id. */
  async addComment(c: {
    organisationId: string;
    schoolId: string;
    accountingYear: number;
    version: number;
    side: 'school' | 'office';
    authorPersonId: string;
    body: string;
  }): Promise<string> {
    const rows = (await this.db.query(
      `INSERT INTO accountability_comment
         (organisation_id, school_id, accounting_year, version, side, author_person_id, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [c.organisationId, c.schoolId, c.accountingYear, c.version, c.side, c.authorPersonId, c.body],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /**
   * Every e-mail the school workflow `workflowId` sent or queued (keys
   * `${workflowId}:${step}:${personId}`), oldest first, with its recipient's name.
   */
  async mailHistory(organisationId: string, workflowId: string): Promise<SchoolMailRecord[]> {
    const prefix = `${workflowId}:`;
    const rows = (await this.db.query(
      `SELECT substr(m.idempotency_key, length($2) + 1) AS rest, m.status, m.created_at, m.sent_at,
              p.name AS recipient_name
         FROM outbox_message m
         LEFT JOIN person p
           ON p.organisation_id = m.organisation_id AND p.id::text = right(m.idempotency_key, 36)
        WHERE m.organisation_id = $1 AND left(m.idempotency_key, length($2)) = $2
        ORDER BY m.created_at, m.idempotency_key`,
      [organisationId, prefix],
    )) as {
      rest: string;
      status: string;
      created_at: Date;
      sent_at: Date | null;
      recipient_name: string | null;
    }[];
    return rows.map((r) => ({
      step: r.rest.includes(':') ? r.rest.slice(0, r.rest.lastIndexOf(':')) : r.rest,
      status: r.status,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      recipientName: r.recipient_name,
    }));
  }

  /** The waiver of one school workflow of the tenant, null unless the school is waived. */
  async waiver(organisationId: string, workflowId: string): Promise<WaiverRecord | null> {
    const rows = (await this.db.query(
      `SELECT w.reason AS waiver_reason, w.occurred_at AS waived_at, w.name AS waived_by
         FROM school_accountability sa
         ${WAIVER_JOIN}
        WHERE sa.organisation_id = $1 AND sa.workflow_id = $2`,
      [organisationId, workflowId],
    )) as { waiver_reason: string | null; waived_at: Date | null; waived_by: string | null }[];
    return rows[0] ? waiverOf(rows[0]) : null;
  }

  /** The school's status row of the accounting year, or null when it has no accountability then. */
  schoolStatus(
    organisationId: string,
    accountingYear: number,
    schoolId: string,
  ): Promise<SchoolAccountability | null> {
    return this.db
      .getRepository(SchoolAccountability)
      .findOneBy({ organisationId, accountingYear, schoolId });
  }

  /** The status row as it is now (by its id), or null. */
  schoolStatusById(id: string): Promise<SchoolAccountability | null> {
    return this.db.getRepository(SchoolAccountability).findOneBy({ id });
  }

  // ── Submissions ─────────────────────────────────────────────────────────────────────────────

  /** The school's submitted versions of the accounting year, oldest first. */
  submissionVersions(
    organisationId: string,
    schoolId: string,
    accountingYear: number,
  ): Promise<AccountabilitySubmission[]> {
    return this.db.getRepository(AccountabilitySubmission).find({
      where: { organisationId, schoolId, accountingYear, version: Not(IsNull()) },
      order: { version: 'ASC' },
    });
  }

  /** The school's draft of the accounting year, or null. */
  draft(
    organisationId: string,
    schoolId: string,
    accountingYear: number,
  ): Promise<AccountabilitySubmission | null> {
    return this.db
      .getRepository(AccountabilitySubmission)
      .findOneBy({ organisationId, schoolId, accountingYear, status: 'draft' });
  }

  /** Stores the school's draft, replacing the one it has; returns its id and when it was saved. */
  async saveDraft(d: DraftToSave): Promise<{ id: string; updatedAt: Date }> {
    const rows = (await this.db.query(
      `INSERT INTO accountability_submission
         (organisation_id, school_id, accounting_year, cycle_workflow_id, format_version, status, figures, submitted_by_person_id)
       VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7)
       ON CONFLICT (organisation_id, school_id, accounting_year) WHERE status = 'draft'
       DO UPDATE SET figures = EXCLUDED.figures, submitted_by_person_id = EXCLUDED.submitted_by_person_id,
                     format_version = EXCLUDED.format_version, updated_at = now()
       RETURNING id, updated_at`,
      [
        d.organisationId,
        d.schoolId,
        d.accountingYear,
        d.cycleWorkflowId,
        d.formatVersion,
        JSON.stringify(d.figures),
        d.savedByPersonId,
      ],
    )) as { id: string; updated_at: Date }[];
    const row = rows[0]!;
    return { id: row.id, updatedAt: row.updated_at };
  }

  /** Stores validated figures as 'pending' (no version yet) and returns the submission's id. */
  insertPendingSubmission(s: SubmissionToStore): Promise<string> {
    return inTransaction(this.db, async (em) => {
      const row = await em.getRepository(AccountabilitySubmission).save({
        organisationId: s.organisationId,
        schoolId: s.schoolId,
        accountingYear: s.accountingYear,
        cycleWorkflowId: s.cycleWorkflowId,
        formatVersion: s.formatVersion,
        version: null,
        status: 'pending',
        figures: s.figures,
        submittedByPersonId: s.submittedByPersonId,
      });
      return row.id;
    });
  }

  /** Marks a pending submission 'refused' (the workflow never took it); any other status stays. */
  async refusePendingSubmission(submissionId: string): Promise<void> {
    await this.db
      .getRepository(AccountabilitySubmission)
      .update({ id: submissionId, status: 'pending' }, { status: 'refused' });
  }

  /**
   * In one transaction: the pending submission becomes version `version` ('submitted'), and the
   * school's draft of that year, which has served its purpose, is deleted.
   */
  completeSubmission(
    organisationId: string,
    schoolId: string,
    accountingYear: number,
    submission: { id: string; version: number },
  ): Promise<void> {
    return inTransaction(this.db, async (em) => {
      const submissions = em.getRepository(AccountabilitySubmission);
      await submissions.update(
        { id: submission.id, status: 'pending' },
        { status: 'submitted', version: submission.version },
      );
      await submissions.delete({ organisationId, schoolId, accountingYear, status: 'draft' });
    });
  }
}
