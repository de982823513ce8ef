import { inflateSync } from 'node:zlib';
import type { AllocationLetterData } from '@jaarcyclus/mail';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFNumber,
  type PDFRawStream,
  type PDFRef,
  type PDFString,
} from 'pdf-lib';
import { pdfTextLines } from '../testing/pdf-text';
import { allocationLetterPdf } from './allocation-letter-pdf';

const letter: AllocationLetterData = {
  organisationName: 'Samenwerkingsverband VO Stadsring',
  recipientName: 'Mw. A. de Vries',
  budgetYear: 2027,
  decisions: [
    { name: 'Algemene Ledenvergadering', decisionKind: 'goedkeuring' },
    { name: 'Ondersteuningsplanraad', decisionKind: 'instemming' },
  ],
  date: '2026-12-15T08:00:00.000Z',
  board: {
    boardId: 'b1',
    name: 'Stichting Openbaar VO Stadsring',
    schools: [
      { schoolId: 's1', name: 'Stadsring College', fixedAmountCents: 45_000_00 },
      { schoolId: 's2', name: 'Het Kompas', fixedAmountCents: 30_000_00 },
    ],
    pupilCount: 4010,
    amountPerPupilCents: 150_00,
    variableCents: 601_500_00,
    deductions: [
      { schoolId: 's2', amountCents: 12_500_00, reason: 'Onderbesteding 2025 Het Kompas' },
    ],
    totalCents: 664_000_00,
  },
  reserve: {
    rule: null,
    equityBasisPoints: 250,
    status: 'within_range',
    shortfallCents: 0,
    recoveryCents: 0,
    perPupilReductionCents: 0,
  } as unknown as AllocationLetterData['reserve'],
};

describe('the allocation letter as PDF', () => {
  it('is a PDF saying what the e-mail says: adoption, every amount, deduction and total, in Dutch', async () => {
    const pdf = await allocationLetterPdf('nl', letter);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const lines = await pdfTextLines(pdf);
    const text = lines.join(' ');
    expect(lines[2]).toBe('Toekenning middelen 2027: Stichting Openbaar VO Stadsring');
    expect(text).toContain('Samenwerkingsverband VO Stadsring');
    expect(text).toContain('15 december 2026');
    expect(text).toContain('Toekenning middelen 2027: Stichting Openbaar VO Stadsring');
    expect(text).toContain('Vast bedrag Stadsring College');
    expect(text).toContain('€ 45.000,00');
    expect(text).toContain('4.010 leerlingen × € 150,00');
    expect(text).toContain('€ 601.500,00');
    expect(text).toContain('Verrekening (Onderbesteding 2025 Het Kompas) € -12.500,00');
    expect(text).toContain('Totaal € 664.000,00');
    expect(text).not.toContain('[Samenwerkingsverband');
    expect(text).toMatch(/Pagina 1 van 1/);
    expect(text).not.toMatch(/\?\?/);
  });

  it('is in English for an English reader, from the same catalogue', async () => {
    const text = (await pdfTextLines(await allocationLetterPdf('en', letter))).join(' ');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('Allocation');
    expect(text).toContain('€ 664.000,00');
  });
});

/** The structure tree of a tagged PDF, read back with pdf-lib: types in reading order. */
async function structureOf(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf);
  const { catalog, context } = doc;
  const get = <T>(dict: PDFDict, key: string) => context.lookup(dict.get(PDFName.of(key))) as T;
  const root = get<PDFDict>(catalog, 'StructTreeRoot');
  const mcrs: { page: PDFRef; mcid: number; type: string }[] = [];
  const walk = (elem: PDFDict): unknown => {
    const type = get<PDFName>(elem, 'S').decodeText();
    const kids = get<PDFArray>(elem, 'K').asArray();
    const children: unknown[] = [];
    for (const kid of kids) {
      const dict = context.lookup(kid) as PDFDict;
      if (get<PDFName>(dict, 'Type').decodeText() === 'MCR') {
        const mcid = get<PDFNumber>(dict, 'MCID').asNumber();
        mcrs.push({ page: dict.get(PDFName.of('Pg')) as PDFRef, mcid, type });
      } else {
        children.push(walk(dict));
      }
    }
    return children.length ? { [type]: children } : type;
  };
  const tree = walk(get<PDFDict>(root, 'K'));
  const content = doc.getPages().map((page) => {
    const stream = context.lookup(page.node.get(PDFName.of('Contents'))) as PDFRawStream | PDFArray;
    const parts = stream instanceof PDFArray ? stream.asArray() : [stream];
    return parts
      .map((p) => inflateSync((context.lookup(p) as PDFRawStream).contents).toString('latin1'))
      .join('\n');
  });
  return { doc, catalog, get, root, tree, mcrs, content };
}

describe('the allocation letter prints every name as written', () => {
  it('draws letters beyond Western European ones with its own embedded font', async () => {
    const pdf = await allocationLetterPdf('nl', {
      ...letter,
      recipientName: 'Ayşe Yılmaz-Dąbrowska',
      board: { ...letter.board, name: 'Stichting Łódź Ömer Çelik' },
    });
    const text = (await pdfTextLines(pdf)).join(' ');
    expect(text).toContain('Beste Ayşe Yılmaz-Dąbrowska,');
    expect(text).toContain('Toekenning middelen 2027: Stichting Łódź Ömer Çelik');
    expect(text).not.toContain('?');
    // Embedded (a subset), not one of the standard fonts a viewer substitutes.
    const doc = await PDFDocument.load(pdf);
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter(
        (o): o is PDFDict =>
          o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'),
      );
    expect(fonts.length).toBe(2);
    for (const f of fonts) expect(f.get(PDFName.of('FontFile2'))).toBeDefined();
  });
});

describe('the allocation letter as a tagged PDF (read by a screen reader)', () => {
  it('declares itself tagged, in the reader’s language, with its title shown', async () => {
    const { catalog, get } = await structureOf(await allocationLetterPdf('nl', letter));
    expect(get<PDFDict>(catalog, 'MarkInfo').get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(get<PDFString>(catalog, 'Lang').decodeText()).toBe('nl-NL');
    expect(get<PDFDict>(catalog, 'ViewerPreferences').get(PDFName.of('DisplayDocTitle'))).toBe(
      PDFBool.True,
    );
    const en = await structureOf(await allocationLetterPdf('en', letter));
    expect(en.get<PDFString>(en.catalog, 'Lang').decodeText()).toBe('en-GB');
  });

  it('reads as letterhead, date, one heading, paragraphs and the amounts as a table of two columns', async () => {
    const { tree } = await structureOf(await allocationLetterPdf('nl', letter));
    const rows = 2 + 1 + 1 + 1; // two schools, the variable amount, one deduction, the total
    const doc = (tree as { Document: unknown[] }).Document;
    expect(doc.slice(0, 3)).toEqual(['P', 'P', 'H1']);
    expect(doc.filter((e) => e === 'H1')).toHaveLength(1);
    const table = doc.find((e) => typeof e === 'object' && 'Table' in (e as object)) as {
      Table: { TR: string[] }[];
    };
    expect(table.Table).toHaveLength(rows);
    for (const row of table.Table) expect(row).toEqual({ TR: ['TD', 'TD'] });
    // Greeting and opening before the table, closing paragraphs after it.
    const at = doc.indexOf(table);
    expect(doc.slice(3, at).every((e) => e === 'P')).toBe(true);
    expect(doc.slice(at + 1).length).toBeGreaterThan(0);
    expect(doc.slice(at + 1).every((e) => e === 'P')).toBe(true);
  });

  it('ties every piece of text to its element, and leaves the rule and the footer out as artifacts', async () => {
    const many: AllocationLetterData = {
      ...letter,
      board: {
        ...letter.board,
        schools: Array.from({ length: 70 }, (_, i) => ({
          schoolId: `s${i}`,
          name: `School ${i + 1}`,
          fixedAmountCents: 1_000_00,
        })),
      },
    };
    const { doc, root, get, mcrs, content } = await structureOf(
      await allocationLetterPdf('nl', many),
    );
    const pages = doc.getPages();
    expect(pages.length).toBeGreaterThan(1);
    const parentTree = get<PDFDict>(root, 'ParentTree');
    const nums = (context: PDFArray) => context.asArray();
    const entries = nums(get<PDFArray>(parentTree, 'Nums'));
    expect(entries).toHaveLength(2 * pages.length);
    pages.forEach((page, i) => {
      expect((page.node.get(PDFName.of('StructParents')) as PDFNumber).asNumber()).toBe(i);
      // Every marked-content id on the page is in the structure, once, and in the parent tree.
      const ids = [...content[i]!.matchAll(/<<\/MCID (\d+)>> BDC/g)].map((m) => Number(m[1]));
      const onPage = mcrs.filter((m) => m.page === page.ref).map((m) => m.mcid);
      expect(ids).toEqual(ids.map((_, n) => n));
      expect([...onPage].sort((a, b) => a - b)).toEqual(ids);
      const parents = doc.context.lookup(entries[2 * i + 1]!) as PDFArray;
      expect(parents.size()).toBe(ids.length);
      // The footer (with its page number) is an artifact; no text is drawn outside a tag.
      expect(content[i]).toMatch(/\/Artifact BMC[\s\S]*?Tj[\s\S]*?EMC\s*$/);
      const untagged = content[i]!.replace(/\/(\w+) (<<\/MCID \d+>> BDC|BMC)[\s\S]*?EMC/g, '');
      expect(untagged).not.toMatch(/Tj/);
    });
    // The table runs over the page break: its rows keep their cells on both pages.
    const cellPages = new Set(mcrs.filter((m) => m.type === 'TD').map((m) => m.page));
    expect(cellPages.size).toBeGreaterThan(1);
  });
});
