import { documentRefusal, MAX_DOCUMENT_BYTES } from './documents.service';

describe('uploaded documents are checked once, for the api and the web forms alike', () => {
  const pdf = (over: Partial<Parameters<typeof documentRefusal>[0] & object> = {}) => ({
    originalname: 'begroting.pdf',
    mimetype: 'application/pdf',
    size: 8,
    buffer: Buffer.from('%PDF-1.7'),
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
      'a web page renamed to .pdf',
      pdf({ size: 15, buffer: Buffer.from('<html></html>\n') }),
      'file content does not match its type (sent as PDF)',
    ],
    [
      'a PDF whose header follows a few bytes of junk, as readers accept',
      pdf({ size: 13, buffer: Buffer.from('\r\n\r\n%PDF-1.4\n') }),
      null,
    ],
    [
      'a Word document (a ZIP archive)',
      pdf({
        originalname: 'begroting.docx',
        mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from('PK\u0003\u0004[Content_Types].xml'),
      }),
      null,
    ],
    [
      'a PDF sent as a spreadsheet',
      pdf({
        originalname: 'begroting.ods',
        mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
      }),
      'file content does not match its type (sent as OpenDocument)',
    ],
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
