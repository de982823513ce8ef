import {
  amsterdamDate,
  daysBetween,
  type DecisionKind,
  type SchoolAccountabilityStatus,
} from '@jaarcyclus/domain';
import * as i18n from '@jaarcyclus/i18n';
import {
  CATALOGUE,
  isLocale,
  type Locale,
  type TimelineArgs,
  type WebTexts,
} from '@jaarcyclus/i18n';
import type {
  Locale as StoredLocale,
  Role,
  SchoolKind,
  TaskKind,
  TaskStatus,
} from '@jaarcyclus/persistence';
import type {
  AccountabilityCyclePhase,
  BodyRoundStatus,
  BudgetPhase,
  TimelineCode,
} from '@jaarcyclus/workflows';

/**
 * The web app's texts come from the one catalogue per language (libs/i18n: nl/web, en/web),
 * which the e-mails and the validation messages share. Dutch first; English is the switchable
 * second language (per person `locale`, overridden by the language switch).
 */
export type Messages = WebTexts;

export const MESSAGES: Record<Locale, Messages> = {
  nl: CATALOGUE.nl.web,
  en: CATALOGUE.en.web,
};

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

export type { TimelineArgs };

/** Compile time: the catalogue names every value of the unions the pages show (known here, not in libs/i18n). */
type Covers<K extends string, T extends Record<K, unknown>> = T;
export type CatalogueCoverage = [
  Covers<TaskKind, Messages['taskKind']>,
  Covers<TaskStatus, Messages['taskStatus']>,
  Covers<SchoolKind, Messages['schoolKind']>,
  Covers<Role, Messages['role']>,
  Covers<Locale, Messages['localeName']>,
  // A person's stored language (libs/persistence keeps its own list until it takes libs/i18n's).
  Covers<StoredLocale, Messages['localeName']>,
  Covers<DecisionKind, Messages['decisionKind']>,
  Covers<DecisionKind, Messages['decided']>,
  Covers<BudgetPhase, Messages['phaseName']>,
  Covers<BodyRoundStatus, Messages['bodyState']>,
  Covers<TimelineCode, Messages['timeline']>,
  Covers<AccountabilityCyclePhase, Messages['acc']['phaseName']>,
  Covers<SchoolAccountabilityStatus, Messages['acc']['status']>,
];

export { isLocale };

/** Deadlines are Amsterdam wall-clock time (docs/domain.md: deadlines are dates in Europe/Amsterdam). */
export function formatDateTime(locale: Locale, instant: Date): string {
  return i18n.formatDateTime(locale, instant);
}

export function formatDate(locale: Locale, instant: Date): string {
  return i18n.formatDate(locale, instant);
}

/** Calendar days from today to the deadline's day, both in Amsterdam: 0 = today, negative = late. */
export function daysUntil(due: Date, now: Date): number {
  return daysBetween(amsterdamDate(now), amsterdamDate(due));
}

export function formatNumber(locale: Locale, n: number): string {
  return i18n.formatCount(locale, n);
}

/** A share (0–1) as a percentage: '24,3%'. */
export function formatPercent(locale: Locale, share: number): string {
  return i18n.formatPercent(locale, share);
}

/** Amounts are shown the Dutch way in both languages: the SWV's documents use € 1.234,56. */
export function formatAmount(cents: number): string {
  return i18n.formatEuro(cents);
}

/** A file size as people read it: '850 bytes', '12,4 kB', '1,5 MB'. */
export function formatBytes(locale: Locale, bytes: number): string {
  return i18n.formatBytes(locale, bytes);
}
