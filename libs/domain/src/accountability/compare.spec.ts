import { compareFigures } from './compare';
import type { AccountabilitySubmissionFigures } from './submission';

const v1: AccountabilitySubmissionFigures = {
  income: [
    { lineKey: 'swv_vast_bedrag', amountCents: 5_800_000 },
    { lineKey: 'swv_variabel_bedrag', amountCents: 12_000_000 },
  ],
  expenses: [
    { lineKey: 'personeel', fteHundredths: 150, amountCents: 11_000_000 },
    { lineKey: 'materieel', fteHundredths: 0, amountCents: 2_000_050 },
  ],
  appendix: [{ description: 'Rebound', fteHundredths: 150, targetGroup: 'Onderbouw' }],
};

describe('compareFigures', () => {
  it('the same figures: nothing changed', () => {
    expect(compareFigures(v1, structuredClone(v1))).toEqual({ lines: [], appendix: [] });
  });

  it('lists a changed amount, a changed FTE, an added and a left-out line, in the format’s order', () => {
    const v2: AccountabilitySubmissionFigures = {
      income: [
        { lineKey: 'swv_vast_bedrag', amountCents: 5_800_000 },
        { lineKey: 'swv_variabel_bedrag', amountCents: 12_500_000 },
        { lineKey: 'overig', amountCents: 10_000 },
      ],
      expenses: [{ lineKey: 'personeel', fteHundredths: 160, amountCents: 11_000_000 }],
      appendix: v1.appendix,
    };
    const c = compareFigures(v1, v2, {
      income: ['swv_vast_bedrag', 'overig', 'swv_variabel_bedrag'],
      expenses: ['materieel', 'personeel'],
    });
    expect(c.lines).toEqual([
      { section: 'income', lineKey: 'overig', before: null, after: { amountCents: 10_000 } },
      {
        section: 'income',
        lineKey: 'swv_variabel_bedrag',
        before: { amountCents: 12_000_000 },
        after: { amountCents: 12_500_000 },
      },
      {
        section: 'expenses',
        lineKey: 'materieel',
        before: { amountCents: 2_000_050, fteHundredths: 0 },
        after: null,
      },
      {
        section: 'expenses',
        lineKey: 'personeel',
        before: { amountCents: 11_000_000, fteHundredths: 150 },
        after: { amountCents: 11_000_000, fteHundredths: 160 },
      },
    ]);
    expect(c.appendix).toEqual([]);
  });

  it('compares appendix rows by position: a changed target group and an added row', () => {
    const extra = { description: 'Taalklas', fteHundredths: 20, targetGroup: 'Nieuwkomers' };
    const c = compareFigures(v1, {
      ...v1,
      appendix: [{ ...v1.appendix[0]!, targetGroup: 'Onderbouw en bovenbouw' }, extra],
    });
    expect(c.lines).toEqual([]);
    expect(c.appendix).toEqual([
      {
        row: 1,
        before: v1.appendix[0],
        after: { ...v1.appendix[0], targetGroup: 'Onderbouw en bovenbouw' },
      },
      { row: 2, before: null, after: extra },
    ]);
  });
});
