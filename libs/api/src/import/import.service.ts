import { Injectable } from '@nestjs/common';
import { DomainError, IMPORT_KINDS, type ImportKind, type ImportReport } from '@jaarcyclus/domain';
import { TenantImportRepository } from '@jaarcyclus/persistence';

/** A CSV file of boards, schools or people is at most this large (a few thousand lines). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * The CSV import of an SWV's own boards, schools and people (issue #15), for its
 * administrators, from the JSON api and from the web app's upload page alike: the bytes are
 * decoded as UTF-8 (with or without a byte-order mark; anything else is refused rather than
 * read as mojibake), then checked and written line by line (TenantImportRepository).
 */
@Injectable()
export class ImportService {
  constructor(private readonly imports: TenantImportRepository) {}

  isKind(kind: string): kind is ImportKind {
    return (IMPORT_KINDS as readonly string[]).includes(kind);
  }

  /** `sizeBytes`: the file's size when `bytes` holds only part of it (a capped upload). */
  import(
    organisationId: string,
    kind: ImportKind,
    bytes: Uint8Array | undefined,
    sizeBytes = bytes?.length ?? 0,
  ): Promise<ImportReport> {
    if (!bytes || sizeBytes === 0) {
      throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.empty', { field: 'file' });
    }
    if (sizeBytes > MAX_IMPORT_BYTES) {
      throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.tooManyRows', {
        field: 'file',
        max: 5000,
      });
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw DomainError.of('RULE_VIOLATION', 'file', 'csvImport.encoding', { field: 'file' });
    }
    return this.imports.import(organisationId, kind, text);
  }
}
