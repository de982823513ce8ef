import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The content of a schakeltraject's handover document is encrypted by the api (FieldCipher
 * encryptFile, README "Personal data at rest"), like its name. Files attached before this
 * migration are still in clear (`content_encrypted` false); the api encrypts them when it
 * starts (TransitionRepository.encryptPlainDocuments), so a dump after that shows none.
 * `document.size_bytes` and `sha256` describe the stored bytes (the check ties the size to the
 * content); the size of the file in clear, for the download, is `size_bytes` here.
 */
export class TransitionDocumentContentEncrypted1764000000100 implements MigrationInterface {
  name = 'TransitionDocumentContentEncrypted1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE transition_document
        ADD COLUMN content_encrypted boolean NOT NULL DEFAULT false,
        ADD COLUMN size_bytes bigint,
        ADD CONSTRAINT transition_document_size_check
          CHECK (content_encrypted = (size_bytes IS NOT NULL) AND (size_bytes IS NULL OR size_bytes >= 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Encrypted files cannot be turned back into clear text without the key: they go.
    await q.query(
      `DELETE FROM document WHERE id IN (SELECT document_id FROM transition_document WHERE content_encrypted)`,
    );
    await q.query(
      `ALTER TABLE transition_document DROP COLUMN content_encrypted, DROP COLUMN size_bytes`,
    );
  }
}
