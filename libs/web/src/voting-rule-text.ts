import type { VotingRule } from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/i18n';
import { messagesFor } from './i18n';

/**
 * A voting rule as a reader says it, e.g. "gewogen naar leerlingaantal, quorum 1/2 van het
 * gewicht, gewone meerderheid van de uitgebrachte stemmen" (the words: the catalogue's admin
 * area). Bodies and rules are data per SWV (docs/domain.md glossary), so members must be able to check
 * on screen which rule applies to them.
 */
export function describeVotingRule(rule: VotingRule, locale: Locale): string {
  return messagesFor(locale).describeVotingRule(rule);
}
