import { DEFAULT_ACCOUNTABILITY_FORMAT, validateSubmission } from '@jaarcyclus/domain';
import {
  accountabilityFigures,
  draftValues,
  formErrors,
  postedAccountabilityForm,
  submittedValues,
  withExtraRow,
} from './accountability-form';

const format = DEFAULT_ACCOUNTABILITY_FORMAT;

function posted(extra: Record<string, string> = {}) {
  return postedAccountabilityForm(format, {
    _csrf: 'x',
    'income.swv_vast_bedrag.amount': '58.000,00',
    'income.swv_variabel_bedrag.amount': '12.500,00',
    'income.overige_ontvangsten.amount': '',
    'expenses.personeel_extra_ondersteuning.fte': '120',
    'expenses.personeel_extra_ondersteuning.amount': '110000',
    'expenses.inhuur_extra_ondersteuning.fte': '',
    'expenses.inhuur_extra_ondersteuning.amount': '',
    'expenses.personeel_ondersteuningsteam.fte': '0,4',
    'expenses.personeel_ondersteuningsteam.amount': '40.000,00',
    'expenses.professionalisering.fte': '',
    'expenses.professionalisering.amount': '',
    'expenses.materiele_kosten.fte': '',
    'expenses.materiele_kosten.amount': '20000,50',
    'appendix.0.description': '',
    'appendix.0.fte': '',
    'appendix.0.targetGroup': '',
    'appendix.1.description': 'Ambulante begeleiding',
    'appendix.1.fte': '1,5',
    'appendix.1.targetGroup': '',
    ...extra,
  });
}

describe('accountability form', () => {
  it('sends required lines always, optional lines and appendix rows only when filled', () => {
    const { figures } = accountabilityFigures(format, posted());
    expect((figures.income as { lineKey: string }[]).map((l) => l.lineKey)).toEqual([
      'swv_vast_bedrag',
      'swv_variabel_bedrag',
    ]);
    expect((figures.expenses as { lineKey: string }[]).map((l) => l.lineKey)).toEqual([
      'personeel_extra_ondersteuning',
      'personeel_ondersteuningsteam',
      'materiele_kosten',
    ]);
    expect(figures.appendix).toEqual([
      { description: 'Ambulante begeleiding', fte: '1,5', targetGroup: '' },
    ]);
  });

  it('puts the domain’s errors on the fields the school typed them in', () => {
    const { figures, fieldOf } = accountabilityFigures(format, posted());
    const checked = validateSubmission(format, figures);
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? [] : formErrors(checked.errors, fieldOf);
    expect(errors.map((e) => e.field)).toEqual([
      'expenses.personeel_extra_ondersteuning.fte',
      'appendix.1.targetGroup',
    ]);
    expect(errors[0]!.message).toBe(
      'Uitgaven, regel 1 (Personeel extra ondersteuning): het aantal fte moet tussen 0 en 100 liggen.',
    );
    expect(fieldOf('appendix')).toBe('appendix');
    expect(fieldOf('income[7].amount')).toBe('income');
  });

  it('adds a blank appendix row, and shows drafts and submitted versions again', () => {
    expect(withExtraRow(posted()).appendix).toHaveLength(3);
    const draft = draftValues({ income: [{ lineKey: 'swv_vast_bedrag', amount: '1,5' }] });
    expect(draft.income).toEqual({ swv_vast_bedrag: '1,5' });
    expect(draft.appendix).toHaveLength(1);
    const submitted = submittedValues({
      income: [{ lineKey: 'swv_vast_bedrag', amountCents: 5_800_000 }],
      expenses: [{ lineKey: 'materiele_kosten', fteHundredths: 0, amountCents: 2_000_050 }],
      appendix: [{ description: 'A', fteHundredths: 150, targetGroup: 'B' }],
    });
    // Refilled as typed: with thousands separators.
    expect(submitted.income.swv_vast_bedrag).toBe('58.000,00');
    expect(submitted.expenses.materiele_kosten).toEqual({ fte: '', amount: '20.000,50' });
    expect(submitted.appendix).toEqual([{ description: 'A', fte: '1,50', targetGroup: 'B' }]);
  });
});
