import type { AllocationLetterData } from '@jaarcyclus/mail';
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
    const lines = pdfTextLines(pdf);
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
    const text = pdfTextLines(await allocationLetterPdf('en', letter)).join(' ');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('Allocation');
    expect(text).toContain('€ 664.000,00');
  });
});
