import { DEFAULT_ACCOUNTABILITY_FORMAT, validateFormat } from '@jaarcyclus/domain';
import {
  formatFormErrors,
  formatInput,
  formatValues,
  keyFromLabel,
  lineField,
  lineMove,
  postedFormat,
  sameFormat,
  withBlankLine,
  withDerivedKeys,
} from './format-form';

/** A posted form as the browser sends it (urlencoded names, checkboxes only when ticked). */
function posted(fields: Record<string, string>): Record<string, string> {
  return { _csrf: 'token', ...fields };
}

describe('the accountability format form', () => {
  it('shows the current format line by line and publishes it unchanged as the same format', () => {
    const values = formatValues(DEFAULT_ACCOUNTABILITY_FORMAT);
    expect(values.incomeLines.map((l) => l.key)).toEqual([
      'swv_vast_bedrag',
      'swv_variabel_bedrag',
      'overige_ontvangsten',
    ]);
    expect(values.expenseLines[0]).toEqual({
      key: 'personeel_extra_ondersteuning',
      label: 'Personeel extra ondersteuning',
      category: 'extra_ondersteuning',
      required: true,
    });
    expect(values.fteRule).toBe('equal_to_extra_support_fte');
    expect(sameFormat(formatInput(values), DEFAULT_ACCOUNTABILITY_FORMAT)).toBe(true);
  });

  it('reads the lines in order, without the ones ticked for removal and the blank new ones', () => {
    const values = postedFormat(
      posted({
        [lineField('incomeLines', 0, 'key')]: ' swv_vast_bedrag ',
        [lineField('incomeLines', 0, 'label')]: 'Vast bedrag',
        [lineField('incomeLines', 0, 'required')]: '1',
        [lineField('incomeLines', 1, 'key')]: 'overig',
        [lineField('incomeLines', 1, 'label')]: 'Overig',
        [lineField('incomeLines', 1, 'remove')]: '1',
        [lineField('incomeLines', 2, 'key')]: '',
        [lineField('incomeLines', 2, 'label')]: 'Subsidie gemeente',
        [lineField('incomeLines', 3, 'key')]: '',
        [lineField('incomeLines', 3, 'label')]: '  ',
        [lineField('expenseLines', 0, 'key')]: 'personeel',
        [lineField('expenseLines', 0, 'label')]: 'Personeel',
        [lineField('expenseLines', 0, 'category')]: ' extra_ondersteuning ',
        'appendix.fteRule': 'at_most_extra_support_fte',
        'appendix.extraSupportCategory': 'extra_ondersteuning',
        action: 'publish',
      }),
    );
    expect(values.incomeLines).toEqual([
      { key: 'swv_vast_bedrag', label: 'Vast bedrag', required: true },
      { key: '', label: 'Subsidie gemeente', required: false },
    ]);
    expect(values.expenseLines).toEqual([
      { key: 'personeel', label: 'Personeel', category: 'extra_ondersteuning', required: false },
    ]);
    expect(values.fteRule).toBe('at_most_extra_support_fte');
    // A new line without a key gets one made from its description.
    expect(withDerivedKeys(values).incomeLines.map((l) => l.key)).toEqual([
      'swv_vast_bedrag',
      'subsidie_gemeente',
    ]);
  });

  it('moves a line as posted, before removed and blank lines are dropped', () => {
    const body = posted({
      [lineField('incomeLines', 0, 'key')]: 'a',
      [lineField('incomeLines', 0, 'label')]: 'A',
      [lineField('incomeLines', 1, 'key')]: 'b',
      [lineField('incomeLines', 1, 'label')]: 'B',
      [lineField('incomeLines', 1, 'remove')]: '1',
      [lineField('incomeLines', 2, 'key')]: 'c',
      [lineField('incomeLines', 2, 'label')]: 'C',
      [lineField('expenseLines', 0, 'key')]: 'x',
      [lineField('expenseLines', 0, 'label')]: 'X',
      [lineField('expenseLines', 0, 'category')]: 'overig',
    });
    const keys = (action: string) =>
      postedFormat(body, lineMove(action)).incomeLines.map((l) => l.key);
    expect(keys('move:incomeLines:2:up')).toEqual(['a', 'c']); // C passes the removed B
    expect(keys('move:incomeLines:0:down')).toEqual(['a', 'c']); // A swaps with the removed B
    expect(keys('move:incomeLines:2:down')).toEqual(['a', 'c']); // the last line stays last
    expect(keys('move:incomeLines:0:up')).toEqual(['a', 'c']);
    expect(postedFormat(body, lineMove('move:expenseLines:0:down')).expenseLines).toHaveLength(1);
    expect(lineMove('move:incomeLines:1:sideways')).toBeNull();
    expect(lineMove('publish')).toBeNull();
    const three = posted({
      [lineField('incomeLines', 0, 'key')]: 'a',
      [lineField('incomeLines', 0, 'label')]: 'A',
      [lineField('incomeLines', 1, 'key')]: 'b',
      [lineField('incomeLines', 1, 'label')]: 'B',
      [lineField('incomeLines', 2, 'key')]: 'c',
      [lineField('incomeLines', 2, 'label')]: 'C',
    });
    const order = (action: string) =>
      postedFormat(three, lineMove(action)).incomeLines.map((l) => l.key);
    expect(order('move:incomeLines:2:up')).toEqual(['a', 'c', 'b']);
    expect(order('move:incomeLines:0:down')).toEqual(['b', 'a', 'c']);
  });

  it('makes keys the domain accepts from Dutch descriptions', () => {
    expect(keyFromLabel('Inhuur ambulante begeleiding (extern)')).toBe(
      'inhuur_ambulante_begeleiding_extern',
    );
    expect(keyFromLabel('Coördinatie & één-op-één')).toBe('coordinatie_een_op_een');
    expect(keyFromLabel('2e lijn')).toBe('regel_2e_lijn');
    expect(keyFromLabel('!!!')).toBe('');
    const long = keyFromLabel('Personeel '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z][a-z0-9_]*[a-z0-9]$/);
    for (const label of [
      'Inhuur ambulante begeleiding (extern)',
      '2e lijn',
      'Personeel '.repeat(20),
    ]) {
      const checked = validateFormat({
        ...formatInput(formatValues(DEFAULT_ACCOUNTABILITY_FORMAT)),
        version: 2,
        incomeLines: [{ key: keyFromLabel(label), label, required: true }],
      });
      expect(checked.ok).toBe(true);
    }
  });

  it('adds a blank line to the section asked for only', () => {
    const values = formatValues(DEFAULT_ACCOUNTABILITY_FORMAT);
    const more = withBlankLine(values, 'expenseLines');
    expect(more.expenseLines).toHaveLength(values.expenseLines.length + 1);
    expect(more.expenseLines.at(-1)).toEqual({ key: '', label: '', category: '', required: false });
    expect(more.incomeLines).toEqual(values.incomeLines);
  });

  it('puts the domain’s refusals next to their fields, without repeating the line in the message', () => {
    const values = formatValues(DEFAULT_ACCOUNTABILITY_FORMAT);
    values.incomeLines[1] = { ...values.incomeLines[1]!, label: ' ' };
    values.expenseLines[2] = { ...values.expenseLines[2]!, key: values.expenseLines[0]!.key };
    values.extraSupportCategory = 'onbekend';
    const checked = validateFormat({ ...formatInput(values), version: 2 });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(formatFormErrors(checked.errors)).toEqual([
      { field: 'incomeLines.1.label', message: 'De omschrijving is verplicht.' },
      {
        field: 'expenseLines.2.key',
        message: "De sleutel 'personeel_extra_ondersteuning' komt meer dan eens voor.",
      },
      {
        field: 'appendix.extraSupportCategory',
        message: "Geen uitgavenregel heeft de categorie 'onbekend'.",
      },
    ]);
  });

  it('keeps a refusal of a whole section whole, at the top of that section', () => {
    const values = { ...formatValues(DEFAULT_ACCOUNTABILITY_FORMAT), incomeLines: [] };
    const checked = validateFormat({ ...formatInput(values), version: 2 }, 'en');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(formatFormErrors(checked.errors)).toEqual([
      { field: 'incomeLines', message: 'Income: the format needs at least one line.' },
    ]);
  });

  it('sees a changed flag or label as a change, and spaces around a label as none', () => {
    const base = formatInput(formatValues(DEFAULT_ACCOUNTABILITY_FORMAT));
    const spaced = {
      ...base,
      incomeLines: base.incomeLines.map((l, i) => (i === 0 ? { ...l, label: ` ${l.label} ` } : l)),
    };
    expect(sameFormat(spaced, base)).toBe(true);
    const flipped = {
      ...base,
      incomeLines: base.incomeLines.map((l, i) => (i === 2 ? { ...l, required: !l.required } : l)),
    };
    expect(sameFormat(flipped, base)).toBe(false);
    const rule = { ...base, appendix: { ...base.appendix, fteRule: 'none' as const } };
    expect(sameFormat(rule, base)).toBe(false);
  });
});
