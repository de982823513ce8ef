import type { AccountabilitySubmissionFigures } from './submission';

/** One line of the figures whose amount or FTE differs between two versions. */
export interface FiguresLineChange {
  section: 'income' | 'expenses';
  lineKey: string;
  /** Null: the line was not in that version. */
  before: { amountCents: number; fteHundredths?: number } | null;
  after: { amountCents: number; fteHundredths?: number } | null;
}

/** One appendix row (by position) that differs between two versions. */
export interface AppendixRowChange {
  /** 1-based row number. */
  row: number;
  before: AccountabilitySubmissionFigures['appendix'][number] | null;
  after: AccountabilitySubmissionFigures['appendix'][number] | null;
}

export interface FiguresComparison {
  lines: FiguresLineChange[];
  appendix: AppendixRowChange[];
}

/**
 * What changed from one submitted version to the next (a returned accountability corrected):
 * the income and expense lines whose amount or FTE differs (or that were added or left out),
 * in the order of `lineOrder` (the format's), then the appendix rows that differ by position.
 * Unchanged lines are left out; an empty comparison means the figures are the same.
 */
export function compareFigures(
  before: AccountabilitySubmissionFigures,
  after: AccountabilitySubmissionFigures,
  lineOrder: { income: readonly string[]; expenses: readonly string[] } = {
    income: [],
    expenses: [],
  },
): FiguresComparison {
  const lines: FiguresLineChange[] = [];
  const ordered = (keys: readonly string[], a: { lineKey: string }[], b: { lineKey: string }[]) => {
    const all = new Set([...keys, ...a.map((l) => l.lineKey), ...b.map((l) => l.lineKey)]);
    return [...all];
  };
  const income = (f: AccountabilitySubmissionFigures) =>
    new Map((f.income ?? []).map((l) => [l.lineKey, { amountCents: l.amountCents }]));
  const expenses = (f: AccountabilitySubmissionFigures) =>
    new Map(
      (f.expenses ?? []).map((l) => [
        l.lineKey,
        { amountCents: l.amountCents, fteHundredths: l.fteHundredths },
      ]),
    );
  const same = (
    a: { amountCents: number; fteHundredths?: number } | null,
    b: { amountCents: number; fteHundredths?: number } | null,
  ): boolean =>
    a !== null &&
    b !== null &&
    a.amountCents === b.amountCents &&
    (a.fteHundredths ?? 0) === (b.fteHundredths ?? 0);
  for (const [section, of, order] of [
    ['income', income, lineOrder.income],
    ['expenses', expenses, lineOrder.expenses],
  ] as const) {
    const b = of(before);
    const a = of(after);
    for (const key of ordered(order, before[section] ?? [], after[section] ?? [])) {
      const was = b.get(key) ?? null;
      const is = a.get(key) ?? null;
      if ((was !== null || is !== null) && !same(was, is)) {
        lines.push({ section, lineKey: key, before: was, after: is });
      }
    }
  }
  const appendix: AppendixRowChange[] = [];
  const rowsBefore = before.appendix ?? [];
  const rowsAfter = after.appendix ?? [];
  for (let i = 0; i < Math.max(rowsBefore.length, rowsAfter.length); i++) {
    const was = rowsBefore[i] ?? null;
    const is = rowsAfter[i] ?? null;
    const equal =
      was !== null &&
      is !== null &&
      was.description === is.description &&
      was.fteHundredths === is.fteHundredths &&
      was.targetGroup === is.targetGroup;
    if (!equal) appendix.push({ row: i + 1, before: was, after: is });
  }
  return { lines, appendix };
}
