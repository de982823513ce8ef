import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 1 February accountability (verantwoording, docs/domain.md, source 001 §7.4): the tenant's versioned
 * format, the pinned settings of each cycle, the per-school status read model (the overview of
 * who is late), the submitted figures with their versions, and the underspending deductions
 * that the next allocation letters subtract.
 *
 * Every reference between tenant-owned rows is a composite foreign key on
 * (organisation_id, …), so a row can never point into another SWV.
 */
export class Accountability1764000000003 implements MigrationInterface {
  name = 'Accountability1764000000003';

  async up(q: QueryRunner): Promise<void> {
    // The SWV supplies the format (docs/domain.md, source 001 §7.4); every published change is a new version, so a
    // running cycle keeps asking for what it started with.
    await q.query(`
      CREATE TABLE accountability_format (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        version integer NOT NULL,
        income_lines jsonb NOT NULL,
        expense_lines jsonb NOT NULL,
        appendix jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        created_by_person_id uuid,
        CONSTRAINT accountability_format_organisation_id_version_key UNIQUE (organisation_id, version),
        CONSTRAINT accountability_format_version_check CHECK (version >= 1),
        CONSTRAINT accountability_format_income_lines_check
          CHECK (jsonb_typeof(income_lines) = 'array' AND jsonb_array_length(income_lines) > 0),
        CONSTRAINT accountability_format_expense_lines_check
          CHECK (jsonb_typeof(expense_lines) = 'array' AND jsonb_array_length(expense_lines) > 0),
        CONSTRAINT accountability_format_appendix_check CHECK (jsonb_typeof(appendix) = 'object'),
        CONSTRAINT accountability_format_created_by_fkey FOREIGN KEY (organisation_id, created_by_person_id)
          REFERENCES person (organisation_id, id)
      )`);

    // Settings pinned per cycle (workflow id `accountability:<tenant>:<year>`). Deadline and
    // reminder policy stay null when the row was created by pinFormatVersion before the cycle
    // recorded itself (a cycle started outside the api).
    await q.query(`
      CREATE TABLE accountability_cycle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        workflow_id text NOT NULL,
        accounting_year integer NOT NULL,
        format_version integer NOT NULL,
        deadline timestamptz,
        reminder_policy jsonb,
        schools integer NOT NULL DEFAULT 0,
        started integer NOT NULL DEFAULT 0,
        already_started integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accountability_cycle_workflow_id_key UNIQUE (workflow_id),
        CONSTRAINT accountability_cycle_organisation_id_workflow_id_key UNIQUE (organisation_id, workflow_id),
        CONSTRAINT accountability_cycle_organisation_id_accounting_year_key UNIQUE (organisation_id, accounting_year),
        CONSTRAINT accountability_cycle_accounting_year_check CHECK (accounting_year BETWEEN 2000 AND 2100),
        CONSTRAINT accountability_cycle_counts_check
          CHECK (schools >= 0 AND started >= 0 AND already_started >= 0 AND started + already_started <= schools),
        CONSTRAINT accountability_cycle_reminder_policy_check
          CHECK (reminder_policy IS NULL OR jsonb_typeof(reminder_policy) = 'object'),
        CONSTRAINT accountability_cycle_format_fkey FOREIGN KEY (organisation_id, format_version)
          REFERENCES accountability_format (organisation_id, version)
      )`);

    // Drafts, submissions and their review. A draft holds the form's raw input (possibly
    // incomplete); every other row holds figures validated against the cycle's format version,
    // in cents and hundredths of an FTE. 'pending' is a stored submission the workflow has not
    // confirmed yet; 'refused' one it refused (kept, never shown as a version).
    await q.query(`
      CREATE TABLE accountability_submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        school_id uuid NOT NULL,
        accounting_year integer NOT NULL,
        cycle_workflow_id text NOT NULL,
        format_version integer NOT NULL,
        version integer,
        status text NOT NULL,
        figures jsonb NOT NULL,
        submitted_by_person_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        review_comments text,
        reviewed_by_person_id uuid,
        reviewed_at timestamptz,
        CONSTRAINT accountability_submission_organisation_id_id_key UNIQUE (organisation_id, id),
        CONSTRAINT accountability_submission_status_check
          CHECK (status IN ('draft', 'pending', 'submitted', 'returned', 'accepted', 'refused')),
        CONSTRAINT accountability_submission_version_check
          CHECK ((version IS NULL) = (status IN ('draft', 'pending', 'refused')) AND (version IS NULL OR version >= 1)),
        CONSTRAINT accountability_submission_reviewed_check
          CHECK (status NOT IN ('returned', 'accepted') OR reviewed_at IS NOT NULL),
        CONSTRAINT accountability_submission_figures_check CHECK (jsonb_typeof(figures) = 'object'),
        CONSTRAINT accountability_submission_school_fkey FOREIGN KEY (organisation_id, school_id)
          REFERENCES school (organisation_id, id),
        CONSTRAINT accountability_submission_cycle_fkey FOREIGN KEY (organisation_id, cycle_workflow_id)
          REFERENCES accountability_cycle (organisation_id, workflow_id),
        CONSTRAINT accountability_submission_format_fkey FOREIGN KEY (organisation_id, format_version)
          REFERENCES accountability_format (organisation_id, version),
        CONSTRAINT accountability_submission_submitted_by_fkey FOREIGN KEY (organisation_id, submitted_by_person_id)
          REFERENCES person (organisation_id, id),
        CONSTRAINT accountability_submission_reviewed_by_fkey FOREIGN KEY (organisation_id, reviewed_by_person_id)
          REFERENCES person (organisation_id, id)
      )`);
    // One draft per school and year; version numbers are unique per school and year.
    await q.query(`
      CREATE UNIQUE INDEX accountability_submission_draft_key
        ON accountability_submission (organisation_id, school_id, accounting_year) WHERE status = 'draft'`);
    await q.query(`
      CREATE UNIQUE INDEX accountability_submission_version_key
        ON accountability_submission (organisation_id, school_id, accounting_year, version) WHERE version IS NOT NULL`);

    // Read model written by the school workflow (recordStatus): feeds the overview and the CSV.
    await q.query(`
      CREATE TABLE school_accountability (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        workflow_id text NOT NULL,
        cycle_workflow_id text NOT NULL,
        accounting_year integer NOT NULL,
        school_id uuid NOT NULL,
        format_version integer NOT NULL,
        status text NOT NULL DEFAULT 'not_started',
        version integer NOT NULL DEFAULT 0,
        current_submission_id uuid,
        deadline timestamptz NOT NULL,
        days_late integer NOT NULL DEFAULT 0,
        submitted_at timestamptz,
        late_since timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT school_accountability_workflow_id_key UNIQUE (workflow_id),
        CONSTRAINT school_accountability_organisation_id_accounting_year_school_id_key
          UNIQUE (organisation_id, accounting_year, school_id),
        CONSTRAINT school_accountability_status_check
          CHECK (status IN ('not_started', 'draft', 'submitted', 'returned', 'accepted', 'late', 'waived')),
        CONSTRAINT school_accountability_version_check
          CHECK (version >= 0 AND (version = 0) = (current_submission_id IS NULL)),
        CONSTRAINT school_accountability_days_late_check CHECK (days_late >= 0),
        CONSTRAINT school_accountability_school_fkey FOREIGN KEY (organisation_id, school_id)
          REFERENCES school (organisation_id, id),
        CONSTRAINT school_accountability_cycle_fkey FOREIGN KEY (organisation_id, cycle_workflow_id)
          REFERENCES accountability_cycle (organisation_id, workflow_id),
        CONSTRAINT school_accountability_format_fkey FOREIGN KEY (organisation_id, format_version)
          REFERENCES accountability_format (organisation_id, version),
        CONSTRAINT school_accountability_submission_fkey FOREIGN KEY (organisation_id, current_submission_id)
          REFERENCES accountability_submission (organisation_id, id)
      )`);

    // Underspending is deducted from the school's total receipts (docs/domain.md, source 001 §7.4): one deduction per
    // school and accounting year, read by the allocation letters of allocation_year. A deduction
    // is always positive: overspending is the school's own choice, never a payment by the SWV.
    await q.query(`
      CREATE TABLE accountability_deduction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        school_id uuid NOT NULL,
        board_id uuid NOT NULL,
        accounting_year integer NOT NULL,
        allocation_year integer NOT NULL,
        amount_cents bigint NOT NULL,
        reason text NOT NULL,
        submission_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accountability_deduction_idempotency_key_key UNIQUE (idempotency_key),
        CONSTRAINT accountability_deduction_organisation_id_school_id_accounting_year_key
          UNIQUE (organisation_id, school_id, accounting_year),
        CONSTRAINT accountability_deduction_amount_cents_check CHECK (amount_cents > 0),
        CONSTRAINT accountability_deduction_allocation_year_check CHECK (allocation_year > accounting_year),
        CONSTRAINT accountability_deduction_reason_check CHECK (btrim(reason) <> ''),
        CONSTRAINT accountability_deduction_school_fkey FOREIGN KEY (organisation_id, school_id)
          REFERENCES school (organisation_id, id),
        CONSTRAINT accountability_deduction_board_fkey FOREIGN KEY (organisation_id, board_id)
          REFERENCES school_board (organisation_id, id),
        CONSTRAINT accountability_deduction_submission_fkey FOREIGN KEY (organisation_id, submission_id)
          REFERENCES accountability_submission (organisation_id, id)
      )`);
    await q.query(`
      CREATE INDEX accountability_deduction_allocation_idx
        ON accountability_deduction (organisation_id, allocation_year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accountability_deduction`);
    await q.query(`DROP TABLE school_accountability`);
    await q.query(`DROP TABLE accountability_submission`);
    await q.query(`DROP TABLE accountability_cycle`);
    await q.query(`DROP TABLE accountability_format`);
  }
}
