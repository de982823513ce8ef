import { sumSafe } from '../money/arithmetic';
import { type FteHundredths, MAX_FTE, formatFte, parseFte } from '../money/fte';
import { type Cents, eurosToCents } from '../money/money';
import type { AccountabilityFormat } from './format';
import { CHECKS, type SubmissionMessages } from '@jaarcyclus/i18n/core';
import { type FieldError, type MessageLocale, type ValidationResult, isRecord } from './validation';

/**
 * The figures of one school's 1 February accountability (docs/domain.md, source 001 §7.4), as stored after
 * validation: integer cents and integer hundredths of an FTE, so that sums are exact.
 */
export interface AccountabilitySubmissionFigures {
  income: { lineKey: string; amountCents: Cents }[];
  expenses: { lineKey: string; fteHundredths: FteHundredths; amountCents: Cents }[];
  /** Which extra support the school delivers: content, FTE and for whom. */
  appendix: { description: string; fteHundredths: FteHundredths; targetGroup: string }[];
}

/**
 * What a form or an API client sends: amounts and FTE as numbers or as strings in Dutch or
 * plain notation ('1234,56', '1.234,56', '1234.56', 0.8, '0,8').
 */
export interface RawAccountabilitySubmission {
  income?: { lineKey?: unknown; amount?: unknown }[];
  expenses?: { lineKey?: unknown; fte?: unknown; amount?: unknown }[];
  appendix?: { description?: unknown; fte?: unknown; targetGroup?: unknown }[];
}

const MAX_APPENDIX_ENTRIES = 200;
const MAX_DESCRIPTION_LENGTH = 2000;
const MAX_TARGET_GROUP_LENGTH = 200;

export type { MessageLocale } from './validation';

type Parsed<T> = { ok: true; value: T } | { ok: false; rule: string; message: string };

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** An amount in euros: non-negative, at most two decimals. `where` names the field. */
function parseAmount(value: unknown, where: string, m: SubmissionMessages): Parsed<Cents> {
  if (isBlank(value)) return { ok: false, rule: 'required', message: m.amountRequired(where) };
  if (typeof value !== 'number' && typeof value !== 'string') {
    return {
      ok: false,
      rule: 'amount_format',
      message: m.amountNotANumber(where),
    };
  }
  let cents: Cents;
  try {
    cents = eurosToCents(value);
  } catch {
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (typeof value === 'number' ? Number.isFinite(value) : /,\d{3,}$|^\d+\.\d{4,}$/.test(text)) {
      return {
        ok: false,
        rule: 'amount_decimals',
        message: m.amountDecimals(where, show(value)),
      };
    }
    if (/^\d+\.\d{3}$/.test(text)) {
      const [int = '', frac = ''] = text.split('.');
      return {
        ok: false,
        rule: 'amount_ambiguous',
        message: m.amountAmbiguous(where, show(value), int, frac),
      };
    }
    return {
      ok: false,
      rule: 'amount_format',
      message: m.amountFormat(where, show(value)),
    };
  }
  if (cents < 0) {
    return {
      ok: false,
      rule: 'amount_negative',
      message: m.amountNegative(where),
    };
  }
  return { ok: true, value: cents };
}

/** FTE 0–100 with at most two decimals. A blank FTE is 0 when `blankIsZero` (euro-only lines). */
function parseFteField(
  value: unknown,
  where: string,
  blankIsZero: boolean,
  m: SubmissionMessages,
): Parsed<FteHundredths> {
  if (isBlank(value)) {
    return blankIsZero
      ? { ok: true, value: 0 }
      : { ok: false, rule: 'required', message: m.fteRequired(where) };
  }
  const range: Parsed<FteHundredths> = {
    ok: false,
    rule: 'fte_range',
    message: m.fteRange(where, MAX_FTE),
  };
  const decimals: Parsed<FteHundredths> = {
    ok: false,
    rule: 'fte_decimals',
    message: m.fteDecimals(where, show(value)),
  };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return {
        ok: false,
        rule: 'fte_format',
        message: m.fteNotANumber(where),
      };
    }
    if (value < 0 || value > MAX_FTE) return range;
    if (Math.round(value * 100) / 100 !== value) return decimals;
    return { ok: true, value: parseFte(value) };
  }
  if (typeof value !== 'string') {
    return {
      ok: false,
      rule: 'fte_format',
      message: m.fteNotANumber(where),
    };
  }
  const text = value.trim();
  if (/^-\s*\d+([.,]\d+)?$/.test(text)) return range;
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) {
    return {
      ok: false,
      rule: 'fte_format',
      message: m.fteFormat(where, show(value)),
    };
  }
  if ((match[2] ?? '').length > 2) return decimals;
  if (Number(match[1]) > MAX_FTE) return range;
  try {
    return { ok: true, value: parseFte(text) };
  } catch {
    return range;
  }
}

function requiredText(
  value: unknown,
  maxLength: number,
  field: string,
  where: string,
  errors: FieldError[],
  m: SubmissionMessages,
): string {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ field, rule: 'required', message: m.textRequired(where) });
    return '';
  }
  const text = value.trim();
  if (text.length > maxLength) {
    errors.push({
      field,
      rule: 'too_long',
      message: m.textTooLong(where, maxLength),
    });
  }
  return text;
}

/**
 * Validates a school's submission against the format version of its cycle. Collects every
 * error (field path, rule, message naming the field, in Dutch unless `locale` is 'en'):
 * - amounts non-negative with at most two decimals; FTE 0–100 with at most two decimals (a
 *   blank FTE on an expense line is 0: material costs have no FTE);
 * - every required line present, each line at most once, no line the format does not know;
 * - appendix entries with a description, a target group and an FTE; their total FTE consistent
 *   with the FTE of the extra-support expense lines per the format's appendix rule.
 */
export function validateSubmission(
  format: AccountabilityFormat,
  input: unknown,
  locale: MessageLocale = 'nl',
): ValidationResult<AccountabilitySubmissionFigures> {
  const m = (CHECKS[locale] ?? CHECKS.nl).submission;
  const errors: FieldError[] = [];
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [{ field: 'submission', rule: 'type', message: m.notAnObject }],
    };
  }

  const list = (name: 'income' | 'expenses' | 'appendix', what: string): unknown[] => {
    const value = input[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      errors.push({
        field: name,
        rule: 'type',
        message: m.notAList(what),
      });
      return [];
    }
    const max = name === 'appendix' ? MAX_APPENDIX_ENTRIES : Math.max(1, lineCount(name));
    if (value.length > max) {
      errors.push({ field: name, rule: 'too_many', message: m.tooMany(what, max) });
      return [];
    }
    return value;
  };
  const lineCount = (name: 'income' | 'expenses'): number =>
    name === 'income' ? format.incomeLines.length : format.expenseLines.length;

  // ---- income and expenses: lines of the format ----
  const checkLines = <L extends { key: string; label: string; required: boolean }>(
    name: 'income' | 'expenses',
    what: string,
    formatLines: L[],
    parseRow: (row: Record<string, unknown>, path: string, where: string, line: L) => void,
  ): void => {
    const rows = list(name, what);
    const byKey = new Map(formatLines.map((l) => [l.key, l]));
    const present = new Set<string>();
    rows.forEach((row, i) => {
      const path = `${name}[${i}]`;
      if (!isRecord(row)) {
        errors.push({
          field: path,
          rule: 'type',
          message: m.notALine(m.line(what, i + 1)),
        });
        return;
      }
      const key = row.lineKey;
      const line = typeof key === 'string' ? byKey.get(key) : undefined;
      if (line === undefined) {
        errors.push({
          field: `${path}.lineKey`,
          rule: 'unknown_line',
          message: m.unknownLine(m.line(what, i + 1), show(key), format.version),
        });
        return;
      }
      const where = m.lineLabelled(what, i + 1, line.label);
      if (present.has(line.key)) {
        errors.push({
          field: `${path}.lineKey`,
          rule: 'duplicate_line',
          message: m.duplicateLine(where),
        });
        return;
      }
      present.add(line.key);
      parseRow(row, path, where, line);
    });
    // A wrongly shaped list already has an error of its own; do not pile "missing" on top.
    if (errors.some((e) => e.field === name)) return;
    for (const line of formatLines) {
      if (line.required && !present.has(line.key)) {
        errors.push({
          field: name,
          rule: 'required_line',
          message: m.requiredLine(what, line.label),
        });
      }
    }
  };

  const income: AccountabilitySubmissionFigures['income'] = [];
  checkLines('income', m.section.income, format.incomeLines, (row, path, where, line) => {
    const amount = parseAmount(row.amount, where, m);
    if (!amount.ok) {
      errors.push({ field: `${path}.amount`, rule: amount.rule, message: amount.message });
      return;
    }
    income.push({ lineKey: line.key, amountCents: amount.value });
  });

  const expenses: AccountabilitySubmissionFigures['expenses'] = [];
  /** Lines of the extra-support category whose FTE could not be read: no appendix check then. */
  let extraSupportFteUnknown = false;
  const category = format.appendix.extraSupportCategory;
  checkLines('expenses', m.section.expenses, format.expenseLines, (row, path, where, line) => {
    const fte = parseFteField(row.fte, where, true, m);
    const amount = parseAmount(row.amount, where, m);
    if (!fte.ok) {
      errors.push({ field: `${path}.fte`, rule: fte.rule, message: fte.message });
      if (line.category === category) extraSupportFteUnknown = true;
    }
    if (!amount.ok)
      errors.push({ field: `${path}.amount`, rule: amount.rule, message: amount.message });
    if (!fte.ok || !amount.ok) return;
    expenses.push({ lineKey: line.key, fteHundredths: fte.value, amountCents: amount.value });
  });
  if (errors.some((e) => e.field === 'expenses' && e.rule !== 'required_line')) {
    extraSupportFteUnknown = true;
  }

  // ---- appendix: which extra support, content and FTE ----
  const appendix: AccountabilitySubmissionFigures['appendix'] = [];
  let appendixFteUnknown = false;
  const appendixRows = list('appendix', m.section.appendix);
  if (errors.some((e) => e.field === 'appendix')) appendixFteUnknown = true;
  appendixRows.forEach((row, i) => {
    const path = `appendix[${i}]`;
    const where = m.line(m.section.appendix, i + 1);
    if (!isRecord(row)) {
      errors.push({ field: path, rule: 'type', message: m.notALine(where) });
      appendixFteUnknown = true;
      return;
    }
    const description = requiredText(
      row.description,
      MAX_DESCRIPTION_LENGTH,
      `${path}.description`,
      m.description(where),
      errors,
      m,
    );
    const targetGroup = requiredText(
      row.targetGroup,
      MAX_TARGET_GROUP_LENGTH,
      `${path}.targetGroup`,
      m.targetGroup(where),
      errors,
      m,
    );
    const fte = parseFteField(row.fte, where, false, m);
    if (!fte.ok) {
      errors.push({ field: `${path}.fte`, rule: fte.rule, message: fte.message });
      appendixFteUnknown = true;
      return;
    }
    appendix.push({ description, fteHundredths: fte.value, targetGroup });
  });

  if (format.appendix.fteRule !== 'none' && !extraSupportFteUnknown && !appendixFteUnknown) {
    const inCategory = new Set(
      format.expenseLines.filter((l) => l.category === category).map((l) => l.key),
    );
    const extraFte = sumSafe(
      expenses.filter((e) => inCategory.has(e.lineKey)).map((e) => e.fteHundredths),
    );
    const appendixFte = sumSafe(appendix.map((a) => a.fteHundredths));
    if (format.appendix.fteRule === 'equal_to_extra_support_fte' && appendixFte !== extraFte) {
      errors.push({
        field: 'appendix',
        rule: 'appendix_fte_mismatch',
        message: m.appendixNotEqual(formatFte(appendixFte), formatFte(extraFte)),
      });
    }
    if (format.appendix.fteRule === 'at_most_extra_support_fte' && appendixFte > extraFte) {
      errors.push({
        field: 'appendix',
        rule: 'appendix_fte_exceeds',
        message: m.appendixExceeds(formatFte(appendixFte), formatFte(extraFte)),
      });
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { income, expenses, appendix } };
}

export interface SubmissionTotals {
  incomeCents: Cents;
  expenseCents: Cents;
  expenseFteHundredths: FteHundredths;
  /** FTE on the expense lines of the format's extra-support category. */
  extraSupportFteHundredths: FteHundredths;
  appendixFteHundredths: FteHundredths;
}

/** Totals for the review screen and the export. */
export function submissionTotals(
  format: AccountabilityFormat,
  figures: AccountabilitySubmissionFigures,
): SubmissionTotals {
  const extraKeys = new Set(
    format.expenseLines
      .filter((l) => l.category === format.appendix.extraSupportCategory)
      .map((l) => l.key),
  );
  return {
    incomeCents: sumSafe(
      figures.income.map((l) => l.amountCents),
      'income',
    ),
    expenseCents: sumSafe(
      figures.expenses.map((l) => l.amountCents),
      'expenses',
    ),
    expenseFteHundredths: sumSafe(
      figures.expenses.map((l) => l.fteHundredths),
      'fte',
    ),
    extraSupportFteHundredths: sumSafe(
      figures.expenses.filter((l) => extraKeys.has(l.lineKey)).map((l) => l.fteHundredths),
      'fte',
    ),
    appendixFteHundredths: sumSafe(
      figures.appendix.map((a) => a.fteHundredths),
      'fte',
    ),
  };
}
