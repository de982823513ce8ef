import { codedText, type CodedText } from '@jaarcyclus/i18n/core';
import { DomainError } from '../errors';
import { DEFAULT_RESERVE_RULE, type ReserveRule } from './allocation';

/**
 * The reserve rule as an SWV configures it (organisation settings `reserveRule`): target and
 * ceiling as basis points of turnover, the years a shortfall is recovered over, and optionally a
 * cap in euro cents that holds from a budget year on. Groningen Stad: target 2%, OCW maximum
 * 3.5%, a shortfall made up in the following year(s) (docs/domain.md, source 001 §7.1, §7.2).
 * Midden Kennemerland: below 3.5% of gross turnover and at most EUR 300,000 in 2025
 * (docs/domain.md, source 004).
 */
export interface ReserveRuleSetting {
  targetBasisPoints: number;
  ceilingBasisPoints: number;
  recoveryYears: number;
  /** The most the reserve may hold, in cents; null or absent: no cap. */
  capCents?: number | null;
  /** The first budget year the cap holds for; null or absent: every year. */
  capFromYear?: number | null;
}

/** Limits of a setting: percentages 0–100% in hundredths, 1–10 years, caps from 0 cents. */
export const RESERVE_LIMITS = Object.freeze({ maxBasisPoints: 10_000, maxRecoveryYears: 10 });

/**
 * Checks a setting; refusals name the field and its rule (texts by code, libs/i18n governance.*).
 * Fields are named as in the settings: `reserveRule.<field>`.
 */
export function validateReserveRuleSetting(s: ReserveRuleSetting): void {
  const field = (name: string): string => `reserveRule.${name}`;
  for (const name of ['targetBasisPoints', 'ceilingBasisPoints'] as const) {
    const v = s[name];
    if (!Number.isSafeInteger(v) || v < 0 || v > RESERVE_LIMITS.maxBasisPoints) {
      throw DomainError.of('VALIDATION', field(name), 'governance.reservePercentage', {
        field: field(name),
      });
    }
  }
  if (s.ceilingBasisPoints < s.targetBasisPoints) {
    throw DomainError.of(
      'VALIDATION',
      field('ceilingBasisPoints'),
      'governance.reserveCeilingBelowTarget',
      { field: field('ceilingBasisPoints') },
    );
  }
  if (
    !Number.isSafeInteger(s.recoveryYears) ||
    s.recoveryYears < 1 ||
    s.recoveryYears > RESERVE_LIMITS.maxRecoveryYears
  ) {
    throw DomainError.of('VALIDATION', field('recoveryYears'), 'governance.reserveRecoveryYears', {
      field: field('recoveryYears'),
    });
  }
  if (s.capCents !== undefined && s.capCents !== null) {
    if (!Number.isSafeInteger(s.capCents) || s.capCents < 0) {
      throw DomainError.of('VALIDATION', field('capCents'), 'governance.reserveCap', {
        field: field('capCents'),
      });
    }
  }
}

/**
 * The rule that applies to one budget year: the SWV's setting (the default without one), with
 * the cap when it holds that year.
 */
export function reserveRuleForYear(
  setting: ReserveRuleSetting | null | undefined,
  budgetYear: number,
): ReserveRule {
  if (!setting) return { ...DEFAULT_RESERVE_RULE };
  const capHolds =
    setting.capCents !== undefined &&
    setting.capCents !== null &&
    (setting.capFromYear === undefined ||
      setting.capFromYear === null ||
      budgetYear >= setting.capFromYear);
  return {
    targetBasisPoints: setting.targetBasisPoints,
    ceilingBasisPoints: setting.ceilingBasisPoints,
    recoveryYears: setting.recoveryYears,
    ...(capHolds ? { capCents: setting.capCents as number } : {}),
  };
}

/** Which reserve rule applied, as a line of a letter or a preview (libs/i18n governance.reserveRuleLine). */
export function reserveRuleText(rule: ReserveRule): CodedText {
  return codedText('governance.reserveRuleLine', {
    target: rule.targetBasisPoints,
    ceiling: rule.ceilingBasisPoints,
    years: rule.recoveryYears,
    cap: rule.capCents ?? null,
  });
}
