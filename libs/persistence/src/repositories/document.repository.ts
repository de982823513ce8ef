import { Document } from '../entities/document.entity';
import type { Db } from './db';

/** A file to store; see DocumentRepository.insert. */
export interface DocumentToStore {
  organisationId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

/**
 * Uploaded documents (proposals), always scoped by the tenant. Their content is read only in
 * pieces (contentChunks): no read pulls a whole file into memory.
 */
export class DocumentRepository {
  constructor(private readonly db: Db) {}

  /** Stores the document and returns it with its id and upload time. */
  insert(d: DocumentToStore): Promise<Document> {
    return this.db.getRepository(Document).save({ ...d });
  }

  /**
   * The tenant's document without its content, or null. A schakeltraject's document is not a
   * cycle's: it opens only through its case (TransitionRepository.openDocument), need to know.
   */
  find(organisationId: string, id: string): Promise<Document | null> {
    return this.db
      .getRepository(Document)
      .createQueryBuilder('d')
      .where('d.id = :id AND d.organisationId = :organisationId', { id, organisationId })
      .andWhere('NOT EXISTS (SELECT 1 FROM transition_document td WHERE td.document_id = d.id)')
      .getOne();
  }

  /**
   * The tenant's document's content in pieces of at most `chunkBytes`, read one statement per
   * piece: a download holds one piece in memory at a time, not the whole file (up to 20 MB).
   * Ends early (no error) when the document is gone.
   */
  async *contentChunks(
    organisationId: string,
    id: string,
    sizeBytes: number,
    chunkBytes: number,
  ): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < sizeBytes; offset += chunkBytes) {
      const [row] = (await this.db.query(
        `SELECT substring(content FROM $3::int FOR $4::int) AS part
           FROM document WHERE id = $1 AND organisation_id = $2`,
        [id, organisationId, offset + 1, chunkBytes],
      )) as { part: Buffer }[];
      if (!row) return;
      yield row.part;
    }
  }

  exists(organisationId: string, id: string): Promise<boolean> {
    return this.db.getRepository(Document).existsBy({ id, organisationId });
  }

  /** Records that a cycle uses the document (the first use counts), so it is never removed as unused. */
  async markUsed(organisationId: string, id: string): Promise<void> {
    await this.db.query(
      `UPDATE document SET used_at = now() WHERE id = $1 AND organisation_id = $2 AND used_at IS NULL`,
      [id, organisationId],
    );
  }
}
