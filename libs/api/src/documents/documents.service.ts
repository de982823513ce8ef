import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError } from '@jaarcyclus/domain';
import { type Document, DocumentRepository } from '@jaarcyclus/persistence';

/** A download reads and sends the content in pieces this large. */
export const DOWNLOAD_CHUNK_BYTES = 1024 * 1024;

/** The largest proposal (budget, support plan) the service stores. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The file types a proposal may have: PDF and the Office and OpenDocument formats, with their extension. */
export const DOCUMENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['application/vnd.oasis.opendocument.text', 'odt'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
]);

/** A file as multer hands it over (memory storage: the content is in `buffer`). */
export interface UploadedDocument {
  originalname: string;
  mimetype: string;
  /** The size as received; can be larger than `buffer` when a capped storage dropped the rest. */
  size: number;
  buffer: Buffer;
}

/** A stored document without its content. */
export interface DocumentInfo {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));

/** How people call each accepted type, for messages. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  docx: 'Word',
  xlsx: 'Excel',
  odt: 'OpenDocument',
  ods: 'OpenDocument',
};

/** A ZIP archive's first bytes: Word, Excel and OpenDocument files are ZIP archives. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** PDF readers accept the header anywhere in the first 1,024 bytes. */
const PDF_HEADER_WITHIN = 1024;

/**
 * Whether the content is what the browser declared: the declared type comes from the file name
 * on the sender's machine, so a renamed page or program would otherwise be stored and later
 * handed to others as a "PDF".
 */
function contentMatchesType(file: UploadedDocument): boolean {
  if (file.mimetype === 'application/pdf') {
    return file.buffer.subarray(0, PDF_HEADER_WITHIN).includes('%PDF-');
  }
  return file.buffer.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE);
}

/** Why an upload cannot be stored (field 'file'), or null when it can. */
export function documentRefusal(file: UploadedDocument | undefined): DomainError | null {
  if (!file) return DomainError.of('VALIDATION', 'file', 'refusal.fileMissing');
  if (!DOCUMENT_TYPES.has(file.mimetype)) {
    return DomainError.of('VALIDATION', 'file', 'refusal.fileType', { type: file.mimetype });
  }
  if (file.size > MAX_DOCUMENT_BYTES || file.buffer.length > MAX_DOCUMENT_BYTES) {
    return DomainError.of('VALIDATION', 'file', 'refusal.fileTooLarge', {
      megabytes: megabytes(MAX_DOCUMENT_BYTES),
    });
  }
  if (file.size === 0 || file.buffer.length === 0) {
    return DomainError.of('VALIDATION', 'file', 'refusal.fileEmpty');
  }
  if (!contentMatchesType(file)) {
    return DomainError.of('VALIDATION', 'file', 'refusal.fileContent', {
      type: TYPE_LABELS[DOCUMENT_TYPES.get(file.mimetype)!]!,
    });
  }
  return null;
}

const info = (d: Document): DocumentInfo => ({
  id: d.id,
  filename: d.filename,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Uploaded proposals, always scoped by the tenant: another SWV's document id is answered like an
 * unknown one. Used by POST/GET /api/documents and by the web app's forms, so both accept and
 * refuse the same files.
 */
@Injectable()
export class DocumentsService {
  constructor(private readonly documents: DocumentRepository) {}

  /** Checks the file (type, size, not empty) and stores it for the organisation. */
  async store(organisationId: string, file: UploadedDocument | undefined): Promise<DocumentInfo> {
    const refusal = documentRefusal(file);
    if (refusal) throw refusal;
    const { originalname, mimetype, buffer } = file as UploadedDocument;
    const saved = await this.documents.insert({
      organisationId,
      filename: originalname.slice(0, 255),
      contentType: mimetype,
      sizeBytes: buffer.length,
      sha256: createHash('sha256').update(buffer).digest('hex'),
      content: buffer,
    });
    return info(saved);
  }

  /** What a page shows about a document (name, size), without loading its content. */
  async describe(organisationId: string, id: string): Promise<DocumentInfo | null> {
    if (!UUID.test(id)) return null;
    const doc = await this.documents.find(organisationId, id);
    return doc ? info(doc) : null;
  }

  /**
   * A download for `me`, or NOT_FOUND: another SWV's document, an unknown one, or (for anyone but
   * the office) one that no cycle uses yet. A document is a cycle's proposal, and everyone of the
   * SWV may follow its cycles (docs/domain.md §1); an upload no cycle uses is the office's draft.
   * The content comes in pieces (DOWNLOAD_CHUNK_BYTES), never the whole file at once.
   */
  async download(
    me: { organisationId: string; roles: readonly string[] },
    id: string,
  ): Promise<{ info: DocumentInfo; content: AsyncIterable<Buffer> }> {
    const doc = UUID.test(id) ? await this.documents.find(me.organisationId, id) : null;
    const office = me.roles.some((r) => r === 'admin' || r === 'secretariat' || r === 'director');
    if (!doc || (!office && doc.usedAt === null)) {
      throw new DomainError('NOT_FOUND', 'Document not found');
    }
    return {
      info: info(doc),
      content: this.documents.contentChunks(
        me.organisationId,
        id,
        doc.sizeBytes,
        DOWNLOAD_CHUNK_BYTES,
      ),
    };
  }
}
