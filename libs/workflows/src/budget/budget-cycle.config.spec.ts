import { DEFAULT_REMINDER_POLICY, defaultBudgetDates } from '@jaarcyclus/domain';
import { resolveBudgetCycleConfig, validateBudgetCycleInput } from './budget-cycle.config';
import type { BudgetCycleInput } from './budget-cycle.types';

const NOW = new Date('2026-11-23T10:00:00Z');
const input: BudgetCycleInput = {
  organisationId: 'org',
  budgetYear: 2027,
  startedByPersonId: 'secr',
  directorPersonId: 'dir',
  proposal: { documentId: 'doc', versionLabel: 'v1' },
  allocation: { amountPerPupilCents: 10_000, equityCents: 0, turnoverCents: 1_000_000 },
};

describe('budget cycle input', () => {
  it('applies the defaults: Begroting <year>, ALV/RvT/OPR, the domain’s December dates, reminders 7 and 2 business days, dispute after 2 rounds', () => {
    const { voteDeadline, lettersDate } = defaultBudgetDates(2027);
    expect(resolveBudgetCycleConfig(input, NOW.getTime())).toMatchObject({
      title: 'Begroting 2027',
      bodyKeys: ['alv', 'rvt', 'opr'],
      voteDeadline: voteDeadline.toISOString(),
      lettersDate: lettersDate.toISOString(),
      reminderPolicy: { offsetsBusinessDays: [7, 2], sendHour: DEFAULT_REMINDER_POLICY.sendHour },
      oprDisputeAfterRounds: 2,
      escalation: { notifyChair: true, notifySecretariat: true },
    });
  });

  it.each<[string, Partial<BudgetCycleInput>, string]>([
    ['no director', { directorPersonId: '' }, 'directorPersonId'],
    ['a budget year outside the calendar', { budgetYear: 1999 }, 'budgetYear'],
    [
      'a proposal without version',
      { proposal: { documentId: 'doc', versionLabel: ' ' } },
      'proposal.versionLabel',
    ],
    ['a proposal without document or URL', { proposal: { versionLabel: 'v1' } }, 'proposal'],
    [
      'a negative amount per pupil',
      { allocation: { amountPerPupilCents: -1, equityCents: 0, turnoverCents: 1 } },
      'allocation.amountPerPupilCents',
    ],
    [
      'cents with decimals',
      { allocation: { amountPerPupilCents: 10.5, equityCents: 0, turnoverCents: 1 } },
      'allocation.amountPerPupilCents',
    ],
    [
      'no turnover',
      { allocation: { amountPerPupilCents: 1, equityCents: 0, turnoverCents: 0 } },
      'allocation.turnoverCents',
    ],
    ['a repeated body', { bodyKeys: ['alv', 'alv'] }, 'bodyKeys'],
    ['a past vote deadline', { voteDeadline: '2026-11-01T16:00:00Z' }, 'voteDeadline'],
    ['a reminder at night', { reminderSendHour: 3 }, 'sendHour'],
    ['a dispute threshold of 0', { oprDisputeAfterRounds: 0 }, 'oprDisputeAfterRounds'],
  ])('refuses %s', (_label, change, field) => {
    expect(validateBudgetCycleInput({ ...input, ...change }, NOW)).toMatchObject({
      code: 'VALIDATION',
      field,
    });
  });

  it('accepts explicit dates, offsets and bodies', () => {
    expect(
      validateBudgetCycleInput(
        {
          ...input,
          voteDeadline: '2026-12-18T17:00:00+01:00',
          lettersDate: '2026-12-21T09:00:00+01:00',
          reminderOffsetsBusinessDays: [5, 1],
          bodyKeys: ['ab', 'rvt', 'opr'],
        },
        NOW,
      ),
    ).toBeNull();
  });
});
