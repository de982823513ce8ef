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
 * Uploaded documents (proposals), always scoped by the tenant. Their content is loaded only
 * where asked for (withContent): a document's other reads never pull the file into memory.
 */
export class DocumentRepository {
  constructor(private readonly db: Db) {}

  /** Stores the document and returns it with its id and upload time. */
  insert(d: DocumentToStore): Promise<Document> {
    return this.db.getRepository(Document).save({ ...d });
  }

  /** The tenant's document without its content, or null. */
  find(organisationId: string, id: string): Promise<Document | null> {
    return this.db.getRepository(Document).findOneBy({ id, organisationId });
  }

  /** The tenant's document with its content, or null. */
  withContent(organisationId: string, id: string): Promise<Document | null> {
    return this.db
      .getRepository(Document)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :id AND d.organisation_id = :org', { id, org: organisationId })
      .getOne();
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
