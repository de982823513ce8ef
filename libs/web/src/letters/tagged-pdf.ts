import {
  type PDFArray,
  type PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

/** A structure element of the tagged PDF (a heading, a paragraph, a table cell …). */
export interface StructElement {
  readonly ref: PDFRef;
  readonly dict: PDFDict;
}

/**
 * The logical structure of a PDF (ISO 32000-1 §14.7, §14.8 "Tagged PDF"), so that a screen
 * reader reads a letter as headings, paragraphs and a table in order, in the document's
 * language, and skips the page furniture (rules, the footer with its page numbers) as artifacts.
 *
 * Content is drawn with pdf-lib as usual, inside `mark(page, element, draw)` (content that
 * belongs to `element`) or `artifact(page, draw)`; `finish()` then writes the structure tree,
 * each page's entry in the parent tree and the catalogue's /MarkInfo.
 */
export class StructureTree {
  readonly document: StructElement;
  private readonly root: PDFRef;
  /** Per page (by its ref): the element of each marked-content id, in id order. */
  private readonly parents = new Map<PDFRef, PDFRef[]>();

  constructor(private readonly doc: PDFDocument) {
    this.root = doc.context.nextRef();
    this.document = this.create('Document', this.root);
  }

  /** A new element of type `type` (a standard structure type: H1, P, Table, TR, TD …) under `parent`. */
  element(type: string, parent: StructElement = this.document): StructElement {
    const child = this.create(type, parent.ref);
    this.kids(parent).push(child.ref);
    return child;
  }

  /** Draws content that belongs to `element`: a marked-content sequence tagged with its type. */
  mark(page: PDFPage, element: StructElement, draw: () => void): void {
    const ids = this.parents.get(page.ref) ?? [];
    this.parents.set(page.ref, ids);
    const mcid = ids.length;
    ids.push(element.ref);
    const type = element.dict.get(PDFName.of('S')) as PDFName;
    page.pushOperators(
      // The property list inline, as content streams write it: /P <</MCID 3>> BDC.
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [type, `<</MCID ${mcid}>>`]),
    );
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    this.kids(element).push(this.doc.context.obj({ Type: 'MCR', Pg: page.ref, MCID: mcid }));
  }

  /** Draws page furniture that is no part of the text (rules, running footers). */
  artifact(page: PDFPage, draw: () => void): void {
    page.pushOperators(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]),
    );
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  }

  /** Writes the structure tree and marks the document as tagged; call once, after drawing. */
  finish(pages: readonly PDFPage[]): void {
    const { context, catalog } = this.doc;
    const nums: (PDFNumber | PDFRef)[] = [];
    pages.forEach((page, i) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(PDFNumber.of(i), context.register(context.obj(this.parents.get(page.ref) ?? [])));
    });
    context.assign(
      this.root,
      context.obj({
        Type: 'StructTreeRoot',
        K: this.document.ref,
        ParentTree: context.obj({ Nums: nums }),
        ParentTreeNextKey: pages.length,
      }),
    );
    catalog.set(PDFName.of('StructTreeRoot'), this.root);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }

  private create(type: string, parent: PDFRef): StructElement {
    const dict = this.doc.context.obj({ Type: 'StructElem', S: type, P: parent, K: [] });
    return { ref: this.doc.context.register(dict), dict };
  }

  private kids(element: StructElement): PDFArray {
    return element.dict.get(PDFName.of('K')) as PDFArray;
  }
}
