import { amsterdamParts, isBusinessDay } from '@jaarcyclus/domain';
import {
  ectEvaluationSchedule,
  resolveEctEvaluationConfig,
  defaultEctDeadline,
} from '../ect-evaluation/ect-evaluation.config';
import {
  defaultSupportPlanDeadline,
  isCalendarDate,
  pastOrTodayDate,
  resolveSupportPlanConfig,
  supportPlanSchedule,
} from './support-plan.config';

const NOW = Date.parse('2026-12-07T10:00:00Z');

describe('support plan: dates and checks', () => {
  it.each([2027, 2028, 2031])(
    'the default deadline for a plan starting in %i is a business day before 1 March, 17:00',
    (firstYear) => {
      const p = amsterdamParts(defaultSupportPlanDeadline(firstYear));
      expect(isBusinessDay(p.date)).toBe(true);
      expect(p.date < `${firstYear}-03-01`).toBe(true);
      expect(p.hour).toBe(17);
    },
  );

  const input = {
    organisationId: 'org',
    firstYear: 2027,
    startedByPersonId: 'p-secr',
    directorPersonId: 'p-dir',
    proposal: { url: 'https://x.example/op.pdf', versionLabel: 'v1' },
    bodyKeys: ['opr', 'ab'],
    voteDeadline: '2027-02-26T17:00:00+01:00',
  };

  it('resolves a four-year period and its schedule: reminders at office hours, then deadline, escalation, start, next plan', () => {
    const cfg = resolveSupportPlanConfig(input, NOW);
    if ('reason' in cfg) throw new Error(cfg.message);
    expect([cfg.firstYear, cfg.lastYear, cfg.title]).toEqual([
      2027,
      2031,
      'Ondersteuningsplan 2027–2031',
    ]);
    const schedule = supportPlanSchedule(cfg, new Date(NOW));
    expect(schedule.map((e) => e.kind)).toEqual([
      'reminder',
      'reminder',
      'deadline',
      'escalation',
      'takes_effect',
      'next_plan',
    ]);
    for (const e of schedule.filter((x) => x.kind === 'reminder' || x.kind === 'escalation')) {
      const p = amsterdamParts(e.at);
      expect(isBusinessDay(p.date) && p.hour >= 8 && p.hour < 18).toBe(true);
    }
    expect(amsterdamParts(schedule.at(-1)!.at).date.slice(0, 4)).toBe('2031');
  });

  it.each([
    [{ bodyKeys: [] }, 'bodyKeys'],
    [{ bodyKeys: ['opr', 'opr'] }, 'bodyKeys'],
    [{ firstYear: 1999 }, 'firstYear'],
    [{ voteDeadline: '2026-01-01T17:00:00+01:00' }, 'voteDeadline'],
    [{ voteDeadline: 'morgen' }, 'voteDeadline'],
    [{ proposal: { versionLabel: 'v1' } }, 'proposal'],
  ])('refuses %j naming %s', (change, field) => {
    const refused = resolveSupportPlanConfig({ ...input, ...change } as typeof input, NOW);
    expect(refused).toMatchObject({ code: 'VALIDATION', field });
  });

  it.each([
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['2027-13-01', false],
    ['1-3-2027', false],
  ])('%s is a calendar date: %s', (value, ok) => expect(isCalendarDate(value)).toBe(ok));

  it('a referral date may be today but not tomorrow (Amsterdam)', () => {
    expect(pastOrTodayDate('2026-12-07', NOW)).toBe(true);
    expect(pastOrTodayDate('2026-12-08', NOW)).toBe(false);
  });
});

describe('ECT evaluation: dates and checks', () => {
  const input = {
    organisationId: 'org',
    year: 2027,
    startedByPersonId: 'p-secr',
    deadline: defaultEctDeadline(2027).toISOString(),
    schools: [{ schoolId: 's1', ectPersonId: 'p1' }],
  };

  it('defaults to the last business day of November; the schedule is on office hours', () => {
    const p = amsterdamParts(defaultEctDeadline(2027));
    expect(p.date.slice(0, 7)).toBe('2027-11');
    expect(isBusinessDay(p.date)).toBe(true);
    const cfg = resolveEctEvaluationConfig(input, NOW);
    if ('reason' in cfg) throw new Error(cfg.message);
    const kinds = ectEvaluationSchedule(cfg, new Date(NOW)).map((e) => e.kind);
    expect(kinds[0]).toBe('invitation');
    expect(kinds.slice(-2)).toEqual(['deadline', 'escalation']);
  });

  it.each([
    [{ deadline: '2027-04-01T17:00:00+02:00' }, 'deadline'],
    [{ deadline: '2028-01-05T17:00:00+01:00' }, 'deadline'],
    [{ schools: [] }, 'schools'],
    [
      {
        schools: [
          { schoolId: 's1', ectPersonId: 'p1' },
          { schoolId: 's1', ectPersonId: 'p2' },
        ],
      },
      'schools',
    ],
    [{ year: 3000 }, 'year'],
  ])('refuses %j naming %s', (change, field) => {
    expect(resolveEctEvaluationConfig({ ...input, ...change } as typeof input, NOW)).toMatchObject({
      code: 'VALIDATION',
      field,
    });
  });
});
