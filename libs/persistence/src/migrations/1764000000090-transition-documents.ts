import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents attached to a schakeltraject (the handover, issue #18): the file itself is a row of
 * `document` under a neutral name, the name the school gave it is encrypted here (it may name the
 * pupil). A download is an access log action of its own; erasure deletes the document rows.
 */
export class TransitionDocuments1764000000090 implements MigrationInterface {
  name = 'TransitionDocuments1764000000090';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE transition_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES transition_case (id),
        document_id uuid NOT NULL UNIQUE REFERENCES document (id) ON DELETE CASCADE,
        filename_enc text NOT NULL,
        uploaded_by_person_id uuid REFERENCES person (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX transition_document_case_idx ON transition_document (case_id)`);
    await q.query(`
      ALTER TABLE transition_access_log
        DROP CONSTRAINT transition_access_log_action_check,
        ADD CONSTRAINT transition_access_log_action_check
          CHECK (action IN ('read', 'export', 'erase', 'download'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE transition_access_log
        DROP CONSTRAINT transition_access_log_action_check,
        ADD CONSTRAINT transition_access_log_action_check
          CHECK (action IN ('read', 'export', 'erase')) NOT VALID`);
    await q.query(`DELETE FROM document WHERE id IN (SELECT document_id FROM transition_document)`);
    await q.query(`DROP TABLE transition_document`);
  }
}
