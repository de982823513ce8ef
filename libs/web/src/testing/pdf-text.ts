import { inflateSync } from 'node:zlib';

/** WinAnsi bytes 0x80–0x9f that differ from Latin-1 (the rest is Latin-1). */
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

/**
 * The text lines a PDF of the standard fonts draws (pdf-lib: `<hex> Tj` in Flate-compressed
 * content streams), in drawing order, one string per Tj; NBSP as a plain space. For tests that
 * read what a printed letter says.
 */
export function pdfTextLines(pdf: Uint8Array | Buffer): string[] {
  const bytes = Buffer.from(pdf);
  const latin = bytes.toString('latin1');
  const lines: string[] = [];
  const streamRe = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(latin))) {
    const start = m.index + m[0].length;
    const end = latin.indexOf('endstream', start);
    let data = bytes.subarray(start, end);
    if (/\/FlateDecode/.test(m[1]!)) {
      try {
        data = inflateSync(data);
      } catch {
        continue; // not a content stream we can read (fonts are not embedded: none expected)
      }
    }
    const content = data.toString('latin1');
    for (const tj of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      const hex = tj[1]!;
      let text = '';
      for (let i = 0; i < hex.length; i += 2) {
        const code = parseInt(hex.slice(i, i + 2), 16);
        text += WIN_ANSI[code] ?? String.fromCharCode(code);
      }
      lines.push(text.replace(/\u00a0/g, ' '));
    }
  }
  return lines;
}
