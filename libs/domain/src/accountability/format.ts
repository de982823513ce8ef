import { CHECKS } from '@jaarcyclus/i18n/core';
import { type FieldError, type MessageLocale, type ValidationResult, isRecord } from './validation';

/**
 * The fixed format in which every school accounts for the SWV funds by 1 February (docs/domain.md, source 001
 * §7.4): income in euros, expenses in FTE and euros, and an appendix listing which extra
 * support the school delivers (content and FTE). The SWV supplies the format, so it is data
 * per tenant, versioned: a cycle pins the version it started with and a later edit never
 * changes what running cycles ask for.
 */

export interface AccountabilityIncomeLine {
  key: string;
  /** Dutch, as shown in the form and the export. */
  label: string;
  /** A required line must be present in every submission (an amount of 0 is allowed). */
  required: boolean;
}

export interface AccountabilityExpenseLine {
  key: string;
  label: string;
  /** Groups lines; the appendix is checked against the FTE of one category (see appendix). */
  category: string;
  required: boolean;
}

/**
 * How the appendix FTE must relate to the FTE reported on the expense lines of
 * `extraSupportCategory`:
 * - 'none': no check;
 * - 'equal_to_extra_support_fte': the appendix accounts for exactly that FTE;
 * - 'at_most_extra_support_fte': the appendix may describe part of it, never more.
 */
export type AppendixFteRule = 'none' | 'equal_to_extra_support_fte' | 'at_most_extra_support_fte';

export const APPENDIX_FTE_RULES: readonly AppendixFteRule[] = [
  'none',
  'equal_to_extra_support_fte',
  'at_most_extra_support_fte',
];

export interface AccountabilityAppendixRule {
  fteRule: AppendixFteRule;
  extraSupportCategory: string;
}

export interface AccountabilityFormat {
  /** 1, 2, …: increases with every published change of the tenant's format. */
  version: number;
  incomeLines: AccountabilityIncomeLine[];
  expenseLines: AccountabilityExpenseLine[];
  appendix: AccountabilityAppendixRule;
}

/** Expense category whose FTE the appendix describes in the default format. */
export const EXTRA_SUPPORT_CATEGORY = 'extra_ondersteuning';

/**
 * The default format, after docs/domain.md, source 001 §7.4 and §7.2. Income: the funds received from the SWV
 * (the fixed amount per school and the school's share of its board's variable amount, §7.2),
 * plus other income spent on extra support. Expenses in FTE and euros, by category. The
 * appendix must account for exactly the FTE reported as extra support, so that every FTE paid
 * from SWV funds for extra support is explained in content ("welke extra ondersteuning (inhoud
 * en fte's) wordt uitgevoerd").
 */
export const DEFAULT_ACCOUNTABILITY_FORMAT: AccountabilityFormat = deepFreeze({
  version: 1,
  incomeLines: [
    {
      key: 'swv_vast_bedrag',
      label: 'Ontvangen middelen samenwerkingsverband: vast bedrag (ondersteuningsprofiel)',
      required: true,
    },
    {
      key: 'swv_variabel_bedrag',
      label: 'Ontvangen middelen samenwerkingsverband: variabel bedrag via het schoolbestuur',
      required: true,
    },
    {
      key: 'overige_ontvangsten',
      label: 'Overige ontvangsten voor passend onderwijs',
      required: false,
    },
  ],
  expenseLines: [
    {
      key: 'personeel_extra_ondersteuning',
      label: 'Personeel extra ondersteuning',
      category: EXTRA_SUPPORT_CATEGORY,
      required: true,
    },
    {
      key: 'inhuur_extra_ondersteuning',
      label: 'Inhuur externe deskundigheid extra ondersteuning',
      category: EXTRA_SUPPORT_CATEGORY,
      required: false,
    },
    {
      key: 'personeel_ondersteuningsteam',
      label: 'Personeel intern ondersteuningsteam en ondersteuningscoördinatie',
      category: 'basisondersteuning',
      required: true,
    },
    {
      key: 'professionalisering',
      label: 'Professionalisering passend onderwijs',
      category: 'overig',
      required: false,
    },
    {
      key: 'materiele_kosten',
      label: 'Materiële kosten',
      category: 'materieel',
      required: true,
    },
  ],
  appendix: { fteRule: 'equal_to_extra_support_fte', extraSupportCategory: EXTRA_SUPPORT_CATEGORY },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
const MAX_LABEL_LENGTH = 200;
const MAX_LINES = 50;

/**
 * Checks a format as an administrator edits it (input straight from JSON). Collects every
 * error (field path, rule, message in Dutch unless `locale` is 'en'; path and rule are the same
 * in both); on success returns a normalised copy (labels trimmed).
 */
export function validateFormat(
  input: unknown,
  locale: MessageLocale = 'nl',
): ValidationResult<AccountabilityFormat> {
  const m = (CHECKS[locale] ?? CHECKS.nl).format;
  const errors: FieldError[] = [];
  const err = (field: string, rule: string, message: string): void => {
    errors.push({ field, rule, message });
  };
  if (!isRecord(input)) {
    err('format', 'type', m.notAnObject);
    return { ok: false, errors };
  }

  const version = input.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    err('version', 'version', m.version);
  }

  const checkKeyAndLabel = (
    line: Record<string, unknown>,
    path: string,
    what: string,
    seen: Set<string>,
  ): void => {
    const key = line.key;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      err(`${path}.key`, 'key_format', m.keyFormat(what));
    } else if (seen.has(key)) {
      err(`${path}.key`, 'duplicate_key', m.duplicateKey(what, key));
    } else {
      seen.add(key);
    }
    const label = line.label;
    if (typeof label !== 'string' || label.trim() === '') {
      err(`${path}.label`, 'required', m.labelRequired(what));
    } else if (label.trim().length > MAX_LABEL_LENGTH) {
      err(`${path}.label`, 'too_long', m.labelTooLong(what, MAX_LABEL_LENGTH));
    }
    if (typeof line.required !== 'boolean') {
      err(`${path}.required`, 'type', m.requiredFlag(what));
    }
  };

  const lines = (name: 'incomeLines' | 'expenseLines', what: string): Record<string, unknown>[] => {
    const list = input[name];
    if (!Array.isArray(list) || list.length === 0) {
      err(name, 'required', m.noLines(what));
      return [];
    }
    if (list.length > MAX_LINES) {
      err(name, 'too_many', m.tooMany(what, MAX_LINES));
      return [];
    }
    const result: Record<string, unknown>[] = [];
    list.forEach((line, i) => {
      if (!isRecord(line)) err(`${name}[${i}]`, 'type', m.notALine(m.line(what, i + 1)));
      else result.push(line);
    });
    return result.length === list.length ? result : [];
  };

  const incomeSeen = new Set<string>();
  const income = lines('incomeLines', m.section.income);
  income.forEach((line, i) =>
    checkKeyAndLabel(line, `incomeLines[${i}]`, m.line(m.section.income, i + 1), incomeSeen),
  );

  const expenseSeen = new Set<string>();
  const categories = new Set<string>();
  const expenses = lines('expenseLines', m.section.expenses);
  expenses.forEach((line, i) => {
    const where = m.line(m.section.expenses, i + 1);
    checkKeyAndLabel(line, `expenseLines[${i}]`, where, expenseSeen);
    const category = line.category;
    if (typeof category !== 'string' || !KEY_PATTERN.test(category)) {
      err(`expenseLines[${i}].category`, 'key_format', m.categoryFormat(where));
    } else {
      categories.add(category);
    }
  });

  const appendix = input.appendix;
  if (!isRecord(appendix)) {
    err('appendix', 'required', m.appendixMissing);
  } else {
    const rule = appendix.fteRule;
    if (typeof rule !== 'string' || !(APPENDIX_FTE_RULES as readonly string[]).includes(rule)) {
      err('appendix.fteRule', 'enum', m.fteRule(APPENDIX_FTE_RULES.join(', ')));
    }
    const category = appendix.extraSupportCategory;
    if (typeof category !== 'string' || category === '') {
      err('appendix.extraSupportCategory', 'required', m.extraSupportRequired);
    } else if (rule !== 'none' && expenses.length > 0 && !categories.has(category)) {
      // The appendix would be compared with an FTE no line can report: always zero.
      err('appendix.extraSupportCategory', 'unknown_category', m.unknownCategory(category));
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const format = input as unknown as AccountabilityFormat;
  return {
    ok: true,
    value: {
      version: format.version,
      incomeLines: format.incomeLines.map((l) => ({
        key: l.key,
        label: l.label.trim(),
        required: l.required,
      })),
      expenseLines: format.expenseLines.map((l) => ({
        key: l.key,
        label: l.label.trim(),
        category: l.category,
        required: l.required,
      })),
      appendix: {
        fteRule: format.appendix.fteRule,
        extraSupportCategory: format.appendix.extraSupportCategory,
      },
    },
  };
}
