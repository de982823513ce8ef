import { documentRefusal, MAX_DOCUMENT_BYTES } from './documents.service';

describe('uploaded documents are checked once, for the api and the web forms alike', () => {
  const pdf = (over: Partial<Parameters<typeof documentRefusal>[0] & object> = {}) => ({
    originalname: 'begroting.pdf',
    mimetype: 'application/pdf',
    size: 4,
    buffer: Buffer.from('%PDF'),
    ...over,
  });

  it.each<[string, Parameters<typeof documentRefusal>[0], string | null]>([
    ['a PDF', pdf(), null],
    ['no file', undefined, 'file is required (multipart field "file")'],
    [
      'an image',
      pdf({ mimetype: 'image/png' }),
      'file must be a PDF, Word, Excel or OpenDocument file (got image/png)',
    ],
    ['an empty file', pdf({ size: 0, buffer: Buffer.alloc(0) }), 'file is empty'],
    [
      'a file over the limit whose content was dropped',
      pdf({ size: MAX_DOCUMENT_BYTES + 1, buffer: Buffer.alloc(0) }),
      'file is larger than 20 MB',
    ],
  ])('%s', (_, file, message) => {
    const refusal = documentRefusal(file);
    expect(refusal?.message ?? null).toBe(message);
    if (refusal) expect(refusal.field).toBe('file');
  });
});
