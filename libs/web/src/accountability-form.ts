import { formatEuroField } from '@jaarcyclus/i18n';
import {
  formatFte,
  type AccountabilityFormat,
  type AccountabilitySubmissionFigures,
} from '@jaarcyclus/domain';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { formFields, text } from './forms';

/**
 * The school's accountability form: what was typed, as text, per line of the pinned format.
 * The web app does not check the figures itself: it hands them to the api's service as the
 * JSON api receives them, and the domain's `validateSubmission` refuses them with the same
 * messages, in the reader's language; this module only maps the form's fields to that shape and back.
 */
export interface AppendixRowValues {
  description: string;
  fte: string;
  targetGroup: string;
}

export interface AccountabilityFormValues {
  /** lineKey → amount as typed. */
  income: Record<string, string>;
  /** lineKey → fte and amount as typed. */
  expenses: Record<string, { fte: string; amount: string }>;
  appendix: AppendixRowValues[];
}

/** At most this many appendix rows on the form (the domain allows 200). */
export const MAX_APPENDIX_ROWS = 200;

/** The form's field names: stable, and valid in ids (see components.fieldId). */
export const incomeField = (key: string): string => `income.${key}.amount`;
export const expenseField = (key: string, part: 'fte' | 'amount'): string =>
  `expenses.${key}.${part}`;
export const appendixField = (i: number, part: keyof AppendixRowValues): string =>
  `appendix.${i}.${part}`;

const blankRow = (): AppendixRowValues => ({ description: '', fte: '', targetGroup: '' });

export function emptyAccountabilityForm(): AccountabilityFormValues {
  return { income: {}, expenses: {}, appendix: [blankRow()] };
}

/** The posted form; appendix rows are numbered 0, 1, … (a missing number ends the list). */
export function postedAccountabilityForm(
  format: AccountabilityFormat,
  body: unknown,
): AccountabilityFormValues {
  const fields = formFields(body);
  const income: Record<string, string> = {};
  for (const line of format.incomeLines) income[line.key] = text(fields, incomeField(line.key));
  const expenses: Record<string, { fte: string; amount: string }> = {};
  for (const line of format.expenseLines) {
    expenses[line.key] = {
      fte: text(fields, expenseField(line.key, 'fte')),
      amount: text(fields, expenseField(line.key, 'amount')),
    };
  }
  const appendix: AppendixRowValues[] = [];
  for (let i = 0; i < MAX_APPENDIX_ROWS; i++) {
    if (typeof fields[appendixField(i, 'description')] !== 'string') break;
    appendix.push({
      description: text(fields, appendixField(i, 'description')),
      fte: text(fields, appendixField(i, 'fte')),
      targetGroup: text(fields, appendixField(i, 'targetGroup')),
    });
  }
  return { income, expenses, appendix: appendix.length ? appendix : [blankRow()] };
}

/** "Regel toevoegen": one more blank appendix row, nothing else changes. */
export function withExtraRow(values: AccountabilityFormValues): AccountabilityFormValues {
  return values.appendix.length >= MAX_APPENDIX_ROWS
    ? values
    : { ...values, appendix: [...values.appendix, blankRow()] };
}

const blank = (s: string): boolean => s.trim() === '';

/**
 * The figures as the api's DTO takes them, and how to find the form field of an error the
 * domain names by position ('expenses[1].fte'). Required lines are always sent (a blank
 * amount is then refused next to its field); optional lines only when something was typed;
 * blank appendix rows are left out.
 */
export function accountabilityFigures(
  format: AccountabilityFormat,
  values: AccountabilityFormValues,
): { figures: Record<string, unknown>; fieldOf: (domainField: string) => string } {
  const incomeKeys = format.incomeLines
    .filter((l) => l.required || !blank(values.income[l.key] ?? ''))
    .map((l) => l.key);
  const expenseKeys = format.expenseLines
    .filter((l) => {
      const v = values.expenses[l.key];
      return l.required || (v !== undefined && (!blank(v.fte) || !blank(v.amount)));
    })
    .map((l) => l.key);
  const rows = values.appendix
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => !blank(row.description) || !blank(row.fte) || !blank(row.targetGroup));
  const figures = {
    income: incomeKeys.map((key) => ({ lineKey: key, amount: values.income[key] ?? '' })),
    expenses: expenseKeys.map((key) => ({
      lineKey: key,
      fte: values.expenses[key]?.fte ?? '',
      amount: values.expenses[key]?.amount ?? '',
    })),
    appendix: rows.map(({ row }) => ({
      description: row.description,
      fte: row.fte,
      targetGroup: row.targetGroup,
    })),
  };
  const fieldOf = (domainField: string): string => {
    const m = /^(income|expenses|appendix)\[(\d+)\]\.(amount|fte|description|targetGroup)$/.exec(
      domainField,
    );
    if (!m) {
      // A whole list (a missing required line, the appendix FTE rule) or a line key.
      const list = /^(income|expenses|appendix)\b/.exec(domainField);
      return list ? list[1]! : '';
    }
    const [, list, index, part] = m;
    const n = Number(index);
    if (list === 'income') {
      const key = incomeKeys[n];
      return key ? incomeField(key) : 'income';
    }
    if (list === 'expenses') {
      const key = expenseKeys[n];
      return key && (part === 'fte' || part === 'amount') ? expenseField(key, part) : 'expenses';
    }
    const row = rows[n];
    return row && (part === 'description' || part === 'fte' || part === 'targetGroup')
      ? appendixField(row.i, part)
      : 'appendix';
  };
  return { figures, fieldOf };
}

/** The domain's errors on the form's fields. */
export function formErrors(
  errors: readonly { field?: string; message: string }[],
  fieldOf: (domainField: string) => string,
): FieldError[] {
  return errors.map((e) => ({ field: fieldOf(e.field ?? ''), message: e.message }));
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';

/** A saved draft (stored as typed) back on the form. */
export function draftValues(figures: unknown): AccountabilityFormValues {
  const f = (typeof figures === 'object' && figures !== null ? figures : {}) as Record<
    string,
    unknown
  >;
  const list = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v)
      ? v.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
      : [];
  const values = emptyAccountabilityForm();
  for (const r of list(f.income)) values.income[str(r.lineKey)] = str(r.amount);
  for (const r of list(f.expenses)) {
    values.expenses[str(r.lineKey)] = { fte: str(r.fte), amount: str(r.amount) };
  }
  const rows = list(f.appendix).map((r) => ({
    description: str(r.description),
    fte: str(r.fte),
    targetGroup: str(r.targetGroup),
  }));
  if (rows.length) values.appendix = rows;
  return values;
}

/**
 * A submitted version (cents and hundredths) on the form, in Dutch notation with thousands
 * separators as people type them: 1.234,56 and 0,80.
 */
export function submittedValues(
  figures: AccountabilitySubmissionFigures,
): AccountabilityFormValues {
  const values = emptyAccountabilityForm();
  for (const r of figures.income ?? []) values.income[r.lineKey] = formatEuroField(r.amountCents);
  for (const r of figures.expenses ?? []) {
    values.expenses[r.lineKey] = {
      fte: r.fteHundredths ? formatFte(r.fteHundredths) : '',
      amount: formatEuroField(r.amountCents),
    };
  }
  const rows = (figures.appendix ?? []).map((r) => ({
    description: r.description,
    fte: formatFte(r.fteHundredths),
    targetGroup: r.targetGroup,
  }));
  if (rows.length) values.appendix = rows;
  return values;
}
