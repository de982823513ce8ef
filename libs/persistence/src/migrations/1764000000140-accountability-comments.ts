import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The conversation on a school's accountability (issue #16 item 7): after the secretariat
 * returned a version with comments, the school answers, and the secretariat may answer back.
 * One row per message; `side` says who wrote it ('school' or 'office'), `version` the submitted
 * version it is about. The author is kept for the page and set to null when the person is removed.
 */
export class AccountabilityComments1764000000140 implements MigrationInterface {
  name = 'AccountabilityComments1764000000140';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accountability_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        school_id uuid NOT NULL REFERENCES school (id),
        accounting_year integer NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        side text NOT NULL CHECK (side IN ('school', 'office')),
        author_person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX accountability_comment_school_idx
         ON accountability_comment (organisation_id, school_id, accounting_year, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accountability_comment`);
  }
}
