import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFRawStream,
  type PDFRef,
} from 'pdf-lib';

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

type Decoder = (hex: string) => string;

/** WinAnsi, one byte per character: a standard font without a ToUnicode map. */
const winAnsi: Decoder = (hex) => {
  let text = '';
  for (let i = 0; i < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    text += WIN_ANSI[code] ?? String.fromCharCode(code);
  }
  return text;
};

/**
 * An embedded font's ToUnicode CMap (bfchar and bfrange, as pdf-lib writes them): its codes,
 * of the width of its codespace, to text.
 */
function toUnicode(cmap: string): Decoder {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(parseInt(code!, 16), utf16(text!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, lo, hi, first] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const start = utf16(first!);
      for (let code = parseInt(lo!, 16); code <= parseInt(hi!, 16); code += 1) {
        const offset = code - parseInt(lo!, 16);
        map.set(
          code,
          start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + offset),
        );
      }
    }
  }
  // Hex digits per code: the width of the codespace (<0000> <FFFF>: two bytes, four digits).
  const width =
    /<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>\s*endcodespacerange/.exec(cmap)?.[1]?.length ?? 4;
  return (hex) => {
    let text = '';
    for (let i = 0; i < hex.length; i += width) {
      text += map.get(parseInt(hex.slice(i, i + width), 16)) ?? '\ufffd';
    }
    return text;
  };
}

function streamText(context: PDFContext, ref: unknown): string {
  const stream = context.lookup(ref as PDFRef) as PDFRawStream;
  const filter = stream.dict.get(PDFName.of('Filter'));
  const data = filter ? inflateSync(stream.contents) : Buffer.from(stream.contents);
  return data.toString('latin1');
}

/**
 * The text lines a PDF draws (pdf-lib: `<hex> Tj` in its content streams), page by page in
 * drawing order, one string per Tj, each decoded by its font (a standard font's WinAnsi, an
 * embedded font's ToUnicode map); NBSP as a plain space. For tests that read what a printed
 * letter says.
 */
export async function pdfTextLines(pdf: Uint8Array | Buffer): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const { context } = doc;
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const resources = page.node.Resources();
    const fonts = resources?.lookup(PDFName.of('Font'), PDFDict);
    const decoders = new Map<string, Decoder>();
    for (const [name, ref] of fonts?.entries() ?? []) {
      const cmap = (context.lookup(ref) as PDFDict).get(PDFName.of('ToUnicode'));
      decoders.set(name.decodeText(), cmap ? toUnicode(streamText(context, cmap)) : winAnsi);
    }
    const contents = page.node.get(PDFName.of('Contents'));
    const parts = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const content = parts.map((part) => streamText(context, part)).join('\n');
    let decode = winAnsi;
    for (const op of content.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (op[1] !== undefined) decode = decoders.get(op[1]) ?? winAnsi;
      else lines.push(decode(op[2]!).replace(/\u00a0/g, ' '));
    }
  }
  return lines;
}
