import { isDomainError } from '../errors';
import { budgetBodies, type GoverningBody } from './budget-bodies';

const body = (
  key: string,
  name: string,
  decisionKind: GoverningBody['decisionKind'],
  activeMembers = 3,
): GoverningBody => ({ key, name, decisionKind, activeMembers });

/** The governance of the seed SWVs (docs/domain.md glossary; docs/domain.md, source 001 §1.1; 002, 003). */
const GRONINGEN = [
  body('opr', 'Ondersteuningsplanraad', 'instemming', 8),
  body('alv', 'Algemene Ledenvergadering', 'goedkeuring', 10),
  body('rvt', 'Raad van Toezicht', 'goedkeuring'),
];
const ALGEMEEN_BESTUUR = [
  body('ab', 'Algemeen Bestuur', 'goedkeuring', 6),
  body('rvt', 'Raad van Toezicht', 'goedkeuring'),
  body('opr', 'Ondersteuningsplanraad', 'instemming', 6),
  body('dirb', 'Directieberaad', 'advies', 9),
];

function refusal(fn: () => unknown): { code: string; text: string | undefined } {
  try {
    fn();
  } catch (err) {
    if (isDomainError(err)) return { code: err.code, text: err.text?.code };
    throw err;
  }
  throw new Error('not refused');
}

describe('budgetBodies: the bodies a budget is put to come from the SWV, not from fixed keys', () => {
  it.each([
    [
      'ALV, RvT and OPR (Groningen Stad, docs/domain.md, source 001 §1.1)',
      GRONINGEN,
      ['alv: goedkeuring', 'rvt: goedkeuring', 'opr: instemming'],
    ],
    [
      'an Algemeen Bestuur without ALV; the advisory Directieberaad is not asked (002, 003)',
      ALGEMEEN_BESTUUR,
      ['ab: goedkeuring', 'rvt: goedkeuring', 'opr: instemming'],
    ],
  ])('by default: %s', (_name, bodies, expected) => {
    expect(budgetBodies(bodies).map((b) => `${b.key}: ${b.decisionKind}`)).toEqual(expected);
  });

  it('takes the chosen keys, in the order approval, consent, advice', () => {
    expect(budgetBodies(ALGEMEEN_BESTUUR, ['dirb', 'opr', 'ab']).map((b) => b.key)).toEqual([
      'ab',
      'opr',
      'dirb',
    ]);
  });

  it.each([
    [
      'a key the SWV does not have (alv in an SWV with an Algemeen Bestuur)',
      () => budgetBodies(ALGEMEEN_BESTUUR, ['alv', 'opr']),
      { code: 'VALIDATION', text: 'governance.budgetBodyUnknown' },
    ],
    [
      'no approving body at all',
      () => budgetBodies([body('opr', 'OPR', 'instemming')]),
      { code: 'RULE_VIOLATION', text: 'governance.budgetNoApprovingBody' },
    ],
    [
      'only consent chosen',
      () => budgetBodies(GRONINGEN, ['opr']),
      { code: 'RULE_VIOLATION', text: 'governance.budgetNoApprovingBody' },
    ],
    [
      'a body without active members',
      () => budgetBodies([body('ab', 'Algemeen Bestuur', 'goedkeuring', 0)]),
      { code: 'RULE_VIOLATION', text: 'governance.budgetBodyWithoutMembers' },
    ],
    [
      'an SWV without bodies',
      () => budgetBodies([]),
      { code: 'RULE_VIOLATION', text: 'governance.budgetNoApprovingBody' },
    ],
  ])('refuses before the start: %s', (_name, fn, expected) => {
    expect(refusal(fn)).toEqual(expected);
  });
});
