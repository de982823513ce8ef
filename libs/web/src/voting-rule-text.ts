import type { Fraction, VotingRule } from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/i18n';

/**
 * A voting rule as a reader says it, e.g. "gewogen naar leerlingaantal, quorum 1/2 van het
 * gewicht, gewone meerderheid van de uitgebrachte stemmen". Bodies and rules are data per SWV
 * (DOMAIN glossary), so members must be able to check on screen which rule applies to them.
 */
export function describeVotingRule(rule: VotingRule, locale: Locale): string {
  return (locale === 'nl' ? describeNl : describeEn)(rule);
}

const fraction = (f: Fraction): string => `${f.numerator}/${f.denominator}`;
const isHalf = (f: Fraction): boolean => f.numerator * 2 === f.denominator;

function describeNl(rule: VotingRule): string {
  const weighting =
    rule.weighting === 'pupil_count' ? 'gewogen naar leerlingaantal' : 'één lid, één stem';
  const quorum = !rule.quorum
    ? 'geen quorum'
    : `quorum ${fraction(rule.quorum)} van ${rule.quorum.basis === 'weight' ? 'het gewicht' : 'de leden'}`;
  const base =
    rule.majority.basis === 'votes_cast' ? 'van de uitgebrachte stemmen' : 'van alle leden';
  const majority =
    rule.majority.strict && isHalf(rule.majority)
      ? `gewone meerderheid ${base}`
      : `${rule.majority.strict ? 'meer dan' : 'ten minste'} ${fraction(rule.majority)} ${base}`;
  const abstentions =
    rule.abstentions === 'excluded'
      ? 'onthoudingen tellen niet mee'
      : 'onthoudingen tellen mee als uitgebrachte stem';
  return `${weighting}, ${quorum}, ${majority}; ${abstentions}`;
}

function describeEn(rule: VotingRule): string {
  const weighting =
    rule.weighting === 'pupil_count' ? 'weighted by pupil count' : 'one member, one vote';
  const quorum = !rule.quorum
    ? 'no quorum'
    : `quorum ${fraction(rule.quorum)} of the ${rule.quorum.basis === 'weight' ? 'weight' : 'members'}`;
  const base = rule.majority.basis === 'votes_cast' ? 'of the votes cast' : 'of all members';
  const majority =
    rule.majority.strict && isHalf(rule.majority)
      ? `simple majority ${base}`
      : `${rule.majority.strict ? 'more than' : 'at least'} ${fraction(rule.majority)} ${base}`;
  const abstentions =
    rule.abstentions === 'excluded'
      ? 'abstentions do not count'
      : 'abstentions count as votes cast';
  return `${weighting}, ${quorum}, ${majority}; ${abstentions}`;
}
