import { DEFAULT_RULES, type VotingRule } from '@jaarcyclus/domain';
import { describeVotingRule } from './voting-rule-text';

describe('describeVotingRule', () => {
  it.each<[string, VotingRule, string]>([
    [
      'ALV default',
      DEFAULT_RULES.alv,
      'gewogen naar leerlingaantal, quorum 1/2 van het gewicht, gewone meerderheid van de uitgebrachte stemmen; onthoudingen tellen niet mee',
    ],
    [
      'RvT default',
      DEFAULT_RULES.rvt,
      'één lid, één stem, quorum 2/3 van de leden, gewone meerderheid van de uitgebrachte stemmen; onthoudingen tellen niet mee',
    ],
    [
      'OPR default',
      DEFAULT_RULES.opr,
      'één lid, één stem, geen quorum, gewone meerderheid van alle leden; onthoudingen tellen niet mee',
    ],
    [
      'two thirds, reaching suffices, abstentions counted',
      {
        weighting: 'one_member_one_vote',
        quorum: null,
        majority: { basis: 'votes_cast', strict: false, numerator: 2, denominator: 3 },
        abstentions: 'count_against',
      },
      'één lid, één stem, geen quorum, ten minste 2/3 van de uitgebrachte stemmen; onthoudingen tellen mee als uitgebrachte stem',
    ],
  ])('describes the %s in Dutch', (_name, rule, expected) => {
    expect(describeVotingRule(rule, 'nl')).toBe(expected);
  });

  it('describes a rule in English', () => {
    expect(describeVotingRule(DEFAULT_RULES.alv, 'en')).toBe(
      'weighted by pupil count, quorum 1/2 of the weight, simple majority of the votes cast; abstentions do not count',
    );
  });
});
