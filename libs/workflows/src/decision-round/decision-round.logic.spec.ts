import { DEFAULT_REMINDER_POLICY, DEFAULT_RULES, amsterdamInstant } from '@jaarcyclus/domain';
import {
  type BodyState,
  computeTally,
  newBodyState,
  validateClose,
  validateExtend,
  validateVote,
} from './decision-round.logic';
import { DEFAULT_ESCALATION_POLICY, type BodyRoster } from './decision-round.types';

const DEADLINE = amsterdamInstant('2026-12-11', 17).getTime();
const BEFORE = DEADLINE - 86_400_000;

function body(key: 'alv' | 'rvt', status: BodyState['status'] = 'open'): BodyState {
  const roster: BodyRoster =
    key === 'alv'
      ? {
          key,
          name: 'ALV',
          decisionKind: 'goedkeuring',
          votingRule: DEFAULT_RULES.alv,
          chair: null,
          members: [
            { personId: 'a', name: 'A', weight: 5000, boardId: 'ba' },
            { personId: 'b', name: 'B', weight: 1000, boardId: 'bb' },
          ],
        }
      : {
          key,
          name: 'RvT',
          decisionKind: 'goedkeuring',
          votingRule: DEFAULT_RULES.rvt,
          chair: null,
          members: ['r1', 'r2', 'r3'].map((personId) => ({
            personId,
            name: personId,
            weight: 1,
            boardId: null,
          })),
        };
  const b = newBodyState({
    bodyKey: key,
    deadline: new Date(DEADLINE).toISOString(),
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    escalation: DEFAULT_ESCALATION_POLICY,
  });
  b.roster = roster;
  b.status = status;
  b.tally = computeTally(roster, b.votes);
  return b;
}

describe('validateVote', () => {
  const cases: [
    string,
    () => BodyState[],
    Parameters<typeof validateVote>[1],
    number,
    string | null,
  ][] = [
    [
      'a member before the deadline',
      () => [body('alv'), body('rvt')],
      { personId: 'a', bodyKey: 'alv', value: 'for' },
      BEFORE,
      null,
    ],
    [
      'an abstention',
      () => [body('alv')],
      { personId: 'a', bodyKey: 'alv', value: 'abstain' },
      BEFORE,
      null,
    ],
    [
      'an unknown value',
      () => [body('alv')],
      { personId: 'a', bodyKey: 'alv', value: 'yes' as never },
      BEFORE,
      'INVALID_VOTE_VALUE',
    ],
    [
      'an unknown body',
      () => [body('alv')],
      { personId: 'a', bodyKey: 'opr', value: 'for' },
      BEFORE,
      'UNKNOWN_BODY',
    ],
    [
      'a stranger',
      () => [body('alv'), body('rvt')],
      { personId: 'x', bodyKey: 'alv', value: 'for' },
      BEFORE,
      'NOT_A_MEMBER',
    ],
    [
      'a member of another body',
      () => [body('alv'), body('rvt')],
      { personId: 'r1', bodyKey: 'alv', value: 'for' },
      BEFORE,
      'MEMBER_OF_OTHER_BODY',
    ],
    [
      'after the body was decided',
      () => [body('alv', 'approved')],
      { personId: 'a', bodyKey: 'alv', value: 'for' },
      BEFORE,
      'ROUND_CLOSED',
    ],
    [
      'after a cancelled round',
      () => [body('alv', 'cancelled')],
      { personId: 'a', bodyKey: 'alv', value: 'for' },
      BEFORE,
      'ROUND_CLOSED',
    ],
    [
      'at the deadline',
      () => [body('alv')],
      { personId: 'a', bodyKey: 'alv', value: 'for' },
      DEADLINE,
      'DEADLINE_PASSED',
    ],
    [
      'while escalated',
      () => [body('alv', 'escalated')],
      { personId: 'a', bodyKey: 'alv', value: 'for' },
      BEFORE,
      'DEADLINE_PASSED',
    ],
    [
      'a too long comment',
      () => [body('alv')],
      { personId: 'a', bodyKey: 'alv', value: 'for', comment: 'x'.repeat(2001) },
      BEFORE,
      'INVALID_INPUT',
    ],
  ];
  it.each(cases)('%s', (_label, bodies, cmd, now, reason) => {
    expect(validateVote(bodies(), cmd, now)?.reason ?? null).toBe(reason);
  });

  it('names the body the person belongs to', () => {
    expect(
      validateVote(
        [body('alv'), body('rvt')],
        { personId: 'r1', bodyKey: 'alv', value: 'for' },
        BEFORE,
      ),
    ).toMatchObject({
      code: 'RULE_VIOLATION',
      message: 'This person is a member of RvT, not of ALV',
    });
  });
});

describe('validateExtend', () => {
  const later = new Date(DEADLINE + 7 * 86_400_000).toISOString();
  const reason = (
    bodies: BodyState[],
    cmd: Parameters<typeof validateExtend>[1],
    now = BEFORE,
  ): string | null => {
    const r = validateExtend(bodies, cmd, now);
    return Array.isArray(r) ? null : r.reason;
  };
  it('extends every live body when no body is named', () => {
    const r = validateExtend(
      [body('alv'), body('rvt', 'approved')],
      { actorPersonId: 's', deadline: later },
      BEFORE,
    );
    expect(Array.isArray(r) && r.map((b) => b.config.bodyKey)).toEqual(['alv']);
  });
  it.each([
    ['not an ISO instant', 'next friday', 'INVALID_DEADLINE'],
    ['without an offset', '2026-12-18T17:00:00', 'INVALID_DEADLINE'],
    [
      'earlier than the old deadline',
      new Date(DEADLINE - 3_600_000).toISOString(),
      'DEADLINE_NOT_LATER',
    ],
    ['equal to the old deadline', new Date(DEADLINE).toISOString(), 'DEADLINE_NOT_LATER'],
    ['beyond the holiday calendar', '2290-12-18T17:00:00Z', 'INVALID_DEADLINE'],
  ])('refuses a deadline %s', (_label, deadline, expected) => {
    expect(reason([body('alv')], { actorPersonId: 's', deadline })).toBe(expected);
  });
  it('refuses a deadline in the past even if later than the old one', () => {
    expect(
      reason(
        [body('alv', 'escalated')],
        { actorPersonId: 's', deadline: new Date(DEADLINE + 3_600_000).toISOString() },
        DEADLINE + 7_200_000,
      ),
    ).toBe('DEADLINE_NOT_LATER');
  });
  it('refuses a decided body and a round without live bodies', () => {
    expect(
      reason([body('alv', 'rejected')], { actorPersonId: 's', bodyKey: 'alv', deadline: later }),
    ).toBe('ROUND_CLOSED');
    expect(reason([body('alv', 'rejected')], { actorPersonId: 's', deadline: later })).toBe(
      'NO_OPEN_BODY',
    );
  });
});

describe('validateClose', () => {
  it('closes escalated bodies only', () => {
    const r = validateClose([body('alv', 'escalated'), body('rvt')], { actorPersonId: 's' });
    expect(Array.isArray(r) && r.map((b) => b.config.bodyKey)).toEqual(['alv']);
    expect(validateClose([body('alv')], { actorPersonId: 's', bodyKey: 'alv' })).toMatchObject({
      reason: 'NOT_ESCALATED',
    });
    expect(validateClose([body('alv')], { actorPersonId: 's' })).toMatchObject({
      reason: 'NOT_ESCALATED',
    });
    expect(
      validateClose([body('alv', 'approved')], { actorPersonId: 's', bodyKey: 'alv' }),
    ).toMatchObject({ reason: 'ROUND_CLOSED' });
  });
});
