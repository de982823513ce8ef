import type { AccountabilityFormat, AppendixFteRule } from '@jaarcyclus/domain';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { formFields, text } from './forms';

/**
 * The accountability format as the secretariat edits it in the web app: lines as typed, in
 * order. The page does not check the format itself: it publishes `formatInput` through the
 * service of POST /api/accountability/formats (the domain's `validateFormat`), and this module
 * maps the refusal's field paths ('incomeLines[2].label') to the form's fields.
 *
 * Lines ticked "Verwijderen" and new lines left blank are dropped from what is published and
 * from the form shown again, so the numbers in the domain's messages ("Ontvangsten, regel 3")
 * are the numbers on the form.
 */
export interface IncomeLineValues {
  key: string;
  label: string;
  required: boolean;
}

export interface ExpenseLineValues extends IncomeLineValues {
  category: string;
}

export interface FormatFormValues {
  incomeLines: IncomeLineValues[];
  expenseLines: ExpenseLineValues[];
  fteRule: string;
  extraSupportCategory: string;
}

export type FormatSection = 'incomeLines' | 'expenseLines';
type LinePart = 'key' | 'label' | 'category' | 'required' | 'remove';

/** The domain allows 50 lines per section; the form reads no more than that (plus a blank one). */
export const MAX_FORM_LINES = 51;

export const lineField = (section: FormatSection, i: number, part: LinePart): string =>
  `${section}.${i}.${part}`;
export const FTE_RULE_FIELD = 'appendix.fteRule';
export const EXTRA_SUPPORT_CATEGORY_FIELD = 'appendix.extraSupportCategory';

export function formatValues(format: AccountabilityFormat): FormatFormValues {
  return {
    ...copyLines(format),
    fteRule: format.appendix.fteRule,
    extraSupportCategory: format.appendix.extraSupportCategory,
  };
}

/** The lines of a format or of the form, copied field by field (nothing else comes along). */
function copyLines(from: Pick<FormatFormValues, 'incomeLines' | 'expenseLines'>) {
  return {
    incomeLines: from.incomeLines.map((l) => ({
      key: l.key,
      label: l.label,
      required: l.required,
    })),
    expenseLines: from.expenseLines.map((l) => ({
      key: l.key,
      label: l.label,
      category: l.category,
      required: l.required,
    })),
  };
}

const blankIncome = (): IncomeLineValues => ({ key: '', label: '', required: false });
const blankExpense = (): ExpenseLineValues => ({ ...blankIncome(), category: '' });
const isBlank = (l: IncomeLineValues & { category?: string }): boolean =>
  l.key.trim() === '' && l.label.trim() === '' && (l.category ?? '').trim() === '';

/** "Omhoog" / "Omlaag" on a line: the posted line `index` of `section` swaps with its neighbour. */
export interface LineMove {
  section: FormatSection;
  index: number;
  by: -1 | 1;
}

/** The move a button asked for: action `move:<section>:<index>:<up|down>`, else null. */
export function lineMove(action: string): LineMove | null {
  const m = /^move:(incomeLines|expenseLines):(\d{1,3}):(up|down)$/.exec(action);
  return m
    ? { section: m[1] as FormatSection, index: Number(m[2]), by: m[3] === 'up' ? -1 : 1 }
    : null;
}

/**
 * The posted form, without the lines ticked "Verwijderen" and the new lines left blank, and
 * with `move` applied (before those are dropped: the button names a line as posted). Lines are
 * numbered 0, 1, … per section (a missing number ends the list).
 */
export function postedFormat(body: unknown, move: LineMove | null = null): FormatFormValues {
  const fields = formFields(body);
  const read = <T extends IncomeLineValues>(
    section: FormatSection,
    line: (i: number) => T,
  ): T[] => {
    const posted: { value: T; dropped: boolean }[] = [];
    for (let i = 0; i < MAX_FORM_LINES; i++) {
      if (typeof fields[lineField(section, i, 'label')] !== 'string') break;
      const value = line(i);
      const dropped = text(fields, lineField(section, i, 'remove')) !== '' || isBlank(value);
      posted.push({ value, dropped });
    }
    if (move?.section === section) {
      const to = move.index + move.by;
      if (move.index < posted.length && to >= 0 && to < posted.length) {
        [posted[move.index], posted[to]] = [posted[to]!, posted[move.index]!];
      }
    }
    return posted.filter((p) => !p.dropped).map((p) => p.value);
  };
  const common = (section: FormatSection, i: number): IncomeLineValues => ({
    key: text(fields, lineField(section, i, 'key')).trim(),
    label: text(fields, lineField(section, i, 'label')),
    required: text(fields, lineField(section, i, 'required')) !== '',
  });
  return {
    incomeLines: read('incomeLines', (i) => common('incomeLines', i)),
    expenseLines: read('expenseLines', (i) => ({
      ...common('expenseLines', i),
      category: text(fields, lineField('expenseLines', i, 'category')).trim(),
    })),
    fteRule: text(fields, FTE_RULE_FIELD),
    extraSupportCategory: text(fields, EXTRA_SUPPORT_CATEGORY_FIELD).trim(),
  };
}

/** "Regel toevoegen": one more blank line in `section`, nothing else changes. */
export function withBlankLine(values: FormatFormValues, section: FormatSection): FormatFormValues {
  if (values[section].length >= MAX_FORM_LINES) return values;
  return section === 'incomeLines'
    ? { ...values, incomeLines: [...values.incomeLines, blankIncome()] }
    : { ...values, expenseLines: [...values.expenseLines, blankExpense()] };
}

/**
 * A key from a description, for a new line whose key was left empty: 'Inhuur ambulante
 * begeleiding (extern)' → 'inhuur_ambulante_begeleiding_extern'. Accents are dropped; a key
 * must start with a letter and has at most 63 characters (the domain's rule).
 */
export function keyFromLabel(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug === '') return '';
  return (/^[a-z]/.test(slug) ? slug : `regel_${slug}`).slice(0, 63).replace(/_+$/, '');
}

/** The lines with a key for every line that has a description but no key. */
export function withDerivedKeys(values: FormatFormValues): FormatFormValues {
  const derive = <T extends IncomeLineValues>(l: T): T =>
    l.key === '' && l.label.trim() !== '' ? { ...l, key: keyFromLabel(l.label) } : l;
  return {
    ...values,
    incomeLines: values.incomeLines.map(derive),
    expenseLines: values.expenseLines.map(derive),
  };
}

/** What POST /api/accountability/formats would receive (the version is the service's). */
export function formatInput(values: FormatFormValues): Omit<AccountabilityFormat, 'version'> {
  return {
    ...copyLines(values),
    appendix: {
      fteRule: values.fteRule as AppendixFteRule,
      extraSupportCategory: values.extraSupportCategory,
    },
  };
}

/** Whether two formats ask the same of the schools (the version aside). */
export function sameFormat(
  a: Omit<AccountabilityFormat, 'version'>,
  b: Omit<AccountabilityFormat, 'version'>,
): boolean {
  const strip = (f: Omit<AccountabilityFormat, 'version'>) =>
    JSON.stringify({
      incomeLines: f.incomeLines.map((l) => [l.key, l.label.trim(), l.required]),
      expenseLines: f.expenseLines.map((l) => [l.key, l.label.trim(), l.category, l.required]),
      appendix: [f.appendix.fteRule, f.appendix.extraSupportCategory],
    });
  return strip(a) === strip(b);
}

const LINE_PATH = /^(incomeLines|expenseLines)\[(\d+)\]\.(key|label|category|required)$/;

/**
 * The form field of a domain error path: a line's part ('incomeLines.2.label'), an appendix
 * field, or a whole section ('incomeLines', shown at the top of its section).
 */
export function formatFieldOf(domainField: string): string {
  const line = LINE_PATH.exec(domainField);
  if (line) return lineField(line[1] as FormatSection, Number(line[2]), line[3] as LinePart);
  if (domainField === FTE_RULE_FIELD || domainField === EXTRA_SUPPORT_CATEGORY_FIELD) {
    return domainField;
  }
  if (domainField === 'appendix') return FTE_RULE_FIELD;
  const section = /^(incomeLines|expenseLines)\b/.exec(domainField);
  return section ? section[1]! : '';
}

/**
 * The domain's errors on the form's fields. Next to a field, the message goes without the
 * domain's "Ontvangsten, regel 3: " (the field sits in that line's box); the summary names the
 * line through the page's labels.
 */
export function formatFormErrors(
  errors: readonly { field: string; message: string }[],
): FieldError[] {
  return errors.map((e) => {
    const field = formatFieldOf(e.field);
    const own = LINE_PATH.test(e.field) || e.field.startsWith('appendix.');
    const message = own
      ? e.message.replace(/^[^:]+:\s*(.)/, (_, c: string) => c.toUpperCase())
      : e.message;
    return { field, message };
  });
}
