import { documentRefusal, MAX_DOCUMENT_BYTES } from '@jaarcyclus/api/documents/documents.service';
import { fieldErrorOf, fieldErrorText } from './forms';
import { formatBytes, messagesFor } from './i18n';
import {
  carriedDocumentId,
  DOCUMENT_ACCEPT,
  proposalSourceErrors,
  withUploadErrors,
} from './proposal-source';

const t = messagesFor('nl');
const fields = { file: 'revisionFile', url: 'revisionUrl' };
const DOC = '5b0b9c1e-1c1a-4a57-9d54-2d1f3c1e9a10';

describe('a proposal is a file or a link, exactly one of the two', () => {
  it.each<[string, { documentId: string; url: string }, string | null]>([
    ['a file', { documentId: DOC, url: '' }, null],
    ['a link', { documentId: '', url: 'https://intranet.example/v2.pdf' }, null],
    ['neither', { documentId: ' ', url: '  ' }, t.proposalSourceMissing],
    ['both', { documentId: DOC, url: 'https://intranet.example/v2.pdf' }, t.proposalSourceBoth],
  ])('%s', (_, source, message) => {
    expect(proposalSourceErrors(t, source, fields)).toEqual(
      message ? [{ field: 'revisionFile', message }] : [],
    );
  });

  it('names both fields in Dutch, and in English for English readers', () => {
    expect(t.proposalSourceMissing).toBe(
      'Kies een bestand met het voorstel of vul de link naar het voorstel in.',
    );
    expect(messagesFor('en').proposalSourceBoth).toContain('Give a file or a link, not both.');
  });

  it('lets a refused upload speak for its field instead of repeating "choose a file"', () => {
    const upload = [{ field: 'revisionFile', message: 'file is empty' }];
    const others = [
      { field: 'revisionFile', message: t.proposalSourceMissing },
      { field: 'revisionVersion', message: 'versionLabel must not be empty' },
    ];
    expect(withUploadErrors(upload, others)).toEqual([upload[0], others[1]]);
    expect(withUploadErrors([], others)).toEqual(others);
  });

  it.each<[string, { earlier: string; uploaded: string | null; remove: boolean }, string]>([
    ['a new upload replaces the earlier file', { earlier: 'a', uploaded: 'b', remove: false }, 'b'],
    ['a new upload wins over "do not use"', { earlier: 'a', uploaded: 'b', remove: true }, 'b'],
    ['the earlier file stays', { earlier: ' a ', uploaded: null, remove: false }, 'a'],
    ['"do not use" drops it', { earlier: 'a', uploaded: null, remove: true }, ''],
  ])('carries the document on: %s', (_, posted, id) => {
    expect(carriedDocumentId(posted)).toBe(id);
  });

  it('offers to pick the types the document store accepts', () => {
    expect(DOCUMENT_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['.pdf', '.docx', '.xlsx', '.odt', '.ods', 'application/pdf']),
    );
  });
});

describe('uploaded documents in the reader’s words', () => {
  const file = (o: { mimetype?: string; size?: number }) => ({
    originalname: 'voorstel',
    mimetype: o.mimetype ?? 'application/pdf',
    size: o.size ?? 12,
    buffer: Buffer.from(o.size === 0 ? '' : '%PDF-1.4 ...'),
  });
  it.each<[ReturnType<typeof file>, string, string]>([
    [
      file({ mimetype: 'image/png' }),
      'file must be a PDF, Word, Excel or OpenDocument file (got image/png)',
      'Kies een PDF-, Word-, Excel- of OpenDocument-bestand.',
    ],
    [
      file({ size: MAX_DOCUMENT_BYTES + 1 }),
      'file is larger than 20 MB',
      'Het bestand is groter dan 20 MB. Kies een kleiner bestand of geef een link.',
    ],
    [file({ size: 0 }), 'file is empty', 'Het bestand is leeg. Kies een ander bestand.'],
  ])('tells Dutch readers %#: %j as %j', (upload, message, dutch) => {
    const refusal = documentRefusal(upload)!;
    expect(refusal.message).toBe(message);
    expect(fieldErrorText('nl', fieldErrorOf(refusal))).toBe(dutch);
  });

  it.each<[number, string]>([
    [850, '850 bytes'],
    [12_700, '12,4 kB'],
    [MAX_DOCUMENT_BYTES, '20 MB'],
    [1_572_864, '1,5 MB'],
  ])('writes %d bytes as %s', (bytes, text) => {
    expect(formatBytes('nl', bytes)).toBe(text);
  });
});
