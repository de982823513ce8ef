import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { DOCUMENT_TYPES } from '@jaarcyclus/api/documents/documents.service';
import type { Messages } from './i18n';

/** What a file input offers to pick: the types DocumentsService accepts. */
export const DOCUMENT_ACCEPT = [
  ...[...DOCUMENT_TYPES.values()].map((ext) => `.${ext}`),
  ...DOCUMENT_TYPES.keys(),
].join(',');

/**
 * A proposal put to the vote comes as an uploaded file or as a link, exactly one of the two
 * (the api takes either; the forms ask for one, so members never wonder which one counts).
 */
export interface ProposalSource {
  /** An uploaded document (this post's file, or one uploaded by an earlier step of the form). */
  documentId: string;
  url: string;
}

/** Where a form shows the file and the link. */
export interface ProposalSourceFields {
  file: string;
  url: string;
}

/** Neither or both: said at the file field, the first of the two. */
export function proposalSourceErrors(
  t: Messages,
  source: ProposalSource,
  fields: ProposalSourceFields,
): FieldError[] {
  const hasDocument = source.documentId.trim() !== '';
  const hasUrl = source.url.trim() !== '';
  if (hasDocument && hasUrl) return [{ field: fields.file, message: t.proposalSourceBoth }];
  if (!hasDocument && !hasUrl) return [{ field: fields.file, message: t.proposalSourceMissing }];
  return [];
}

/**
 * A refused upload (wrong type, too large, empty) explains itself: another message at the same
 * field, such as "choose a file or a link", would only repeat it.
 */
export function withUploadErrors(upload: FieldError[], others: FieldError[]): FieldError[] {
  if (upload.length === 0) return others;
  const fields = new Set(upload.map((e) => e.field));
  return [...upload, ...others.filter((e) => !fields.has(e.field))];
}

/**
 * The document id a form carries on: a new upload replaces an earlier one; ticking "do not use
 * this file" drops the earlier one.
 */
export function carriedDocumentId(posted: {
  earlier: string;
  uploaded: string | null;
  remove: boolean;
}): string {
  if (posted.uploaded) return posted.uploaded;
  return posted.remove ? '' : posted.earlier.trim();
}
