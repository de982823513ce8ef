import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { allocationLetterContent, type AllocationLetterData } from '@jaarcyclus/mail';
import { catalogueFor, type Locale } from '@jaarcyclus/i18n';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { type StructElement, StructureTree } from './tagged-pdf';

/**
 * The letter's typeface, embedded (a subset of the glyphs it uses): DejaVu Sans draws every
 * Latin, Greek and Cyrillic letter, so "Ayşe Yılmaz" or "Dąbrowski" print as written, where the
 * standard PDF fonts knew only Western European letters; and an embedded font is what PDF/UA
 * asks. Read once per process.
 */
let fontFiles: { regular: Buffer; bold: Buffer } | null = null;
function letterFonts(): { regular: Buffer; bold: Buffer } {
  fontFiles ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fontFiles;
}

/** A4 in points, and the margins of the letter. */
const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 64;
const BODY = 10.5;
const LEADING = 1.45;
const TEXT = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

/**
 * `text` as the letter's font draws it: the narrow and figure spaces that amounts are formatted
 * with as a plain no-break space, a minus sign as a hyphen (as the printed letters always wrote
 * it), and a character the font has no glyph for (emoji, CJK) as a "?".
 */
function drawable(font: PDFFont, text: string): string {
  const known = characterSet(font);
  return [...text.replace(/[\u2007\u202f]/gu, '\u00a0').replace(/\u2212/gu, '-')]
    .map((ch) => (known.has(ch.codePointAt(0)!) ? ch : '?'))
    .join('');
}

/** The code points `font` can draw, read once per font (an embedded font has thousands). */
const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();
function characterSet(font: PDFFont): ReadonlySet<number> {
  let known = characterSets.get(font);
  if (!known) {
    known = new Set(font.getCharacterSet());
    characterSets.set(font, known);
  }
  return known;
}

/** `text` broken into lines no wider than `width` (at word boundaries; a long word on its own). */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * The allocation letter of one board as a PDF (A4, printable): the same words and amounts
 * as the e-mail (libs/mail allocationLetterContent, one text catalogue), in the reader's
 * language, with the SWV on top and "Pagina 1 van 1" at the foot of every page. Tagged
 * (StructureTree): a heading, paragraphs and the amounts as a table, in reading order and in
 * the document's language; rules and footers are artifacts.
 */
export async function allocationLetterPdf(
  locale: Locale,
  data: AllocationLetterData,
): Promise<Uint8Array> {
  const c = allocationLetterContent(locale, data);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = letterFonts();
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  doc.setTitle(drawable(regular, c.heading), { showInWindowTitleBar: true });
  doc.setAuthor(drawable(regular, data.organisationName));
  doc.setSubject(drawable(regular, c.heading));
  doc.setLanguage(locale === 'en' ? 'en-GB' : 'nl-NL');
  doc.setCreator('Jaarcyclus');
  doc.setProducer('Jaarcyclus');
  const when = new Date(data.date);
  doc.setCreationDate(when);
  doc.setModificationDate(when);

  const width = PAGE[0] - 2 * MARGIN;
  const tags = new StructureTree(doc);
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage(PAGE);
    pages.push(page);
    y = PAGE[1] - MARGIN;
  };
  const need = (height: number) => {
    if (y - height < MARGIN + 24) newPage();
  };
  /** One line of text, as (part of) the structure element `tag`. */
  const line = (
    tag: StructElement,
    text: string,
    o: { font?: PDFFont; size?: number; x?: number; color?: typeof TEXT } = {},
  ) => {
    const size = o.size ?? BODY;
    need(size * LEADING);
    y -= size * LEADING;
    tags.mark(page, tag, () =>
      page.drawText(drawable(o.font ?? regular, text), {
        x: o.x ?? MARGIN,
        y,
        size,
        font: o.font ?? regular,
        color: o.color ?? TEXT,
      }),
    );
  };
  /** A paragraph (or heading: `type`), wrapped over as many lines and pages as it needs. */
  const paragraph = (text: string, font: PDFFont = regular, size = BODY, type = 'P') => {
    const tag = tags.element(type);
    for (const l of wrap(font, size, drawable(font, text), width)) line(tag, l, { font, size });
    y -= size * 0.8;
  };

  newPage();
  line(tags.element('P'), data.organisationName, { font: bold, size: 13 });
  y -= 18;
  line(tags.element('P'), c.date, { color: MUTED });
  y -= 10;
  paragraph(c.heading, bold, 12.5, 'H1');
  paragraph(c.greeting);
  for (const p of c.opening) paragraph(p);

  // The amounts, a table of two columns: the label wraps on the left, the amount stands
  // right-aligned; the total bold under a rule.
  const table = tags.element('Table');
  const amountWidth = 110;
  c.rows.forEach(([label, amount], i) => {
    const isTotal = i === c.rows.length - 1;
    const font = isTotal ? bold : regular;
    const labelLines = wrap(font, BODY, drawable(font, label), width - amountWidth - 12);
    need(labelLines.length * BODY * LEADING + 6);
    if (isTotal) {
      y -= 4;
      tags.artifact(page, () =>
        page.drawLine({
          start: { x: MARGIN, y },
          end: { x: MARGIN + width, y },
          thickness: 0.8,
          color: TEXT,
        }),
      );
    }
    const row = tags.element('TR', table);
    const labelCell = tags.element('TD', row);
    const amountCell = tags.element('TD', row);
    const top = y;
    labelLines.forEach((l) => line(labelCell, l, { font }));
    const text = drawable(font, amount);
    tags.mark(page, amountCell, () =>
      page.drawText(text, {
        x: MARGIN + width - font.widthOfTextAtSize(text, BODY),
        y: top - BODY * LEADING,
        size: BODY,
        font,
        color: TEXT,
      }),
    );
    y -= 3;
  });
  y -= BODY;
  for (const p of c.closing) paragraph(p);

  // The footer on every page is page furniture: a screen reader skips it.
  const t = catalogueFor(locale).web.letters;
  pages.forEach((p, i) => {
    const foot = drawable(regular, `${c.footer} · ${t.page(i + 1, pages.length)}`);
    tags.artifact(p, () =>
      p.drawText(foot, { x: MARGIN, y: MARGIN - 24, size: 8.5, font: regular, color: MUTED }),
    );
  });
  tags.finish(pages);
  return doc.save();
}
