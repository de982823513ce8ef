/**
 * The allocation letter's words and figures, shared by the e-mail (apps/worker templates) and
 * the PDF (libs/web letters): one text catalogue (libs/i18n mail.budget.letter), one order.
 */
import {
  reserveRuleText,
  type AllocationResult,
  type BoardAllocation,
  type DecisionKind,
} from '@jaarcyclus/domain';
import {
  catalogueFor,
  formatDate,
  formatEuro,
  isCodedText,
  renderText,
  type Locale,
} from '@jaarcyclus/i18n';

export interface LetterDecision {
  name: string;
  decisionKind: DecisionKind;
}

export interface AllocationLetterData {
  organisationName: string;
  /** The bodies that approved or consented, in the cycle's order. */
  decisions: LetterDecision[];
  recipientName: string;
  budgetYear: number;
  /** ISO: the date of the letter. */
  date: string;
  board: BoardAllocation;
  reserve: AllocationResult['reserve'];
}

/** The letter in reading order: what the mail and the PDF both lay out. */
export interface AllocationLetterContent {
  subject: string;
  /** The subject without the mail's "[SWV] " prefix: the heading of the printed letter. */
  heading: string;
  /** "12 december 2026". */
  date: string;
  greeting: string;
  /** Who adopted the budget, and what the board receives. */
  opening: string[];
  /** The amounts; the last row is the total. */
  rows: [string, string][];
  /** The reserve rule and its warning, and what the board accounts for. */
  closing: string[];
  footer: string;
}

/**
 * Who decided, in the letter's opening sentence: the bodies of the cycle by their own names,
 * so an SWV with an Algemeen Bestuur is not told its ALV approved.
 */
export function adoptionSentence(
  locale: Locale,
  organisationName: string,
  budgetYear: number,
  decisions: LetterDecision[],
): string {
  const approving = decisions.filter((d) => d.decisionKind === 'goedkeuring').map((d) => d.name);
  const consenting = decisions.filter((d) => d.decisionKind === 'instemming').map((d) => d.name);
  return catalogueFor(locale).mail.budget.letter.adopted(
    organisationName,
    budgetYear,
    approving,
    consenting,
  );
}

/** The reserve's warning in the reader's language (by its code; else as the budget recorded it). */
function reserveWarning(locale: Locale, reserve: AllocationResult['reserve']): string[] {
  const t = catalogueFor(locale).mail.budget.letter;
  if (reserve.warningText && isCodedText(reserve.warningText)) {
    return [t.reserve(renderText(locale, reserve.warningText))];
  }
  return reserve.warning ? [t.reserveInDutch(reserve.warning)] : [];
}

export function allocationLetterContent(
  locale: Locale,
  d: AllocationLetterData,
): AllocationLetterContent {
  const mail = catalogueFor(locale).mail;
  const t = mail.budget.letter;
  const b = d.board;
  const subject = t.subject(d.organisationName, d.budgetYear, b.name);
  const prefix = `[${d.organisationName}] `;
  return {
    subject,
    heading: subject.startsWith(prefix) ? subject.slice(prefix.length) : subject,
    date: formatDate(locale, new Date(d.date)),
    greeting: mail.greeting(d.recipientName),
    opening: [
      adoptionSentence(locale, d.organisationName, d.budgetYear, d.decisions),
      t.receives(b.name, d.budgetYear),
    ],
    rows: [
      ...b.schools.map((s): [string, string] => [
        t.fixedAmount(s.name),
        formatEuro(s.fixedAmountCents),
      ]),
      [
        t.variableAmount(b.pupilCount, formatEuro(b.amountPerPupilCents)),
        formatEuro(b.variableCents),
      ],
      ...b.deductions.map((x): [string, string] => [
        t.deduction(x.reason),
        formatEuro(-x.amountCents),
      ]),
      [t.total, formatEuro(b.totalCents)],
    ],
    closing: [
      // Which reserve rule applied (the SWV's own, or the default), then what it means this year.
      ...(d.reserve.rule ? [renderText(locale, reserveRuleText(d.reserve.rule))] : []),
      ...reserveWarning(locale, d.reserve),
      t.accountFor,
    ],
    footer: mail.footer(d.organisationName),
  };
}
