import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a cycle first used an uploaded document. A file uploaded in a form that was never sent
 * (or through POST /api/documents and never referred to) stays unused; the api removes unused
 * files after a while (DocumentsService.deleteUnused). Cycles refer to their proposal only in
 * their workflow's input and state, so the api records the use before it starts a cycle or
 * submits a revision with the document. Documents stored before this migration count as used:
 * whether a cycle refers to them cannot be told from the database.
 */
export class DocumentUse1764000000005 implements MigrationInterface {
  name = 'DocumentUse1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document ADD COLUMN used_at timestamptz`);
    await q.query(`UPDATE document SET used_at = created_at`);
    await q.query(
      `CREATE INDEX document_unused_idx ON document (created_at) WHERE used_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX document_unused_idx`);
    await q.query(`ALTER TABLE document DROP COLUMN used_at`);
  }
}
