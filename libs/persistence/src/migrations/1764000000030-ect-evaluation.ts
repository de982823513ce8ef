import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The autumn ECT evaluation (docs/domain.md, source 001 §7.4): per school and calendar year what
 * its ECT member and the school's support team found, and what they agreed for the next year.
 * One row per school and year (a second submit is refused by the workflow; a retried activity
 * finds its row). The agreements are shown beside the next year's accountability.
 *
 * A school's evaluations go with the school when an administrator deletes it (they describe
 * that school only); the ECT member is kept as an id, so removing a person keeps the record.
 */
export class EctEvaluation1764000000030 implements MigrationInterface {
  name = 'EctEvaluation1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ect_evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        school_id uuid NOT NULL,
        year integer NOT NULL,
        workflow_id text NOT NULL,
        ect_person_id uuid,
        findings text NOT NULL,
        agreements text NOT NULL,
        submitted_at timestamptz NOT NULL,
        CONSTRAINT ect_evaluation_school_year_key UNIQUE (organisation_id, school_id, year),
        CONSTRAINT ect_evaluation_year_check CHECK (year BETWEEN 2000 AND 2200),
        CONSTRAINT ect_evaluation_texts_check
          CHECK (length(findings) BETWEEN 1 AND 4000 AND length(agreements) BETWEEN 1 AND 4000),
        CONSTRAINT ect_evaluation_school_fkey FOREIGN KEY (organisation_id, school_id)
          REFERENCES school (organisation_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ect_evaluation`);
  }
}
