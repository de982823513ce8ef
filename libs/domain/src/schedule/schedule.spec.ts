import { DomainError } from '../errors';
import { amsterdamInstant, amsterdamParts } from '../calendar/amsterdam';
import { isBusinessDay } from '../calendar/business-days';
import { addDays } from '../calendar/local-date';
import { isPublicHolidayDayOff } from '../calendar/public-holidays';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_REMINDER_POLICY,
  budgetTimeline,
  defaultBudgetDates,
  escalationTime,
  nextBusinessMoment,
  reminderTimes,
  validateReminderPolicy,
  weeklyOverdueReminders,
} from './schedule';

const ams = (date: string, hour: number, minute = 0): Date => amsterdamInstant(date, hour, minute);
const iso = (d: Date): string => d.toISOString();
const LONG_AGO = new Date('2000-01-01T00:00:00Z');

function expectDomainError(fn: () => unknown, field?: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION');
    if (field !== undefined) expect((e as DomainError).field).toBe(field);
    return;
  }
  throw new Error('expected a DomainError');
}

describe('nextBusinessMoment', () => {
  it.each([
    ['Tuesday 10:15 stays', ams('2026-03-10', 10, 15), ams('2026-03-10', 10, 15)],
    ['08:00 exactly stays', ams('2026-03-10', 8), ams('2026-03-10', 8)],
    ['17:59 stays', ams('2026-03-10', 17, 59), ams('2026-03-10', 17, 59)],
    ['07:59 → 08:00 same day', ams('2026-03-10', 7, 59), ams('2026-03-10', 8)],
    ['03:00 → 08:00 same day', ams('2026-03-10', 3), ams('2026-03-10', 8)],
    ['18:00 → next day 08:00', ams('2026-03-10', 18), ams('2026-03-11', 8)],
    ['Friday evening → Monday', ams('2026-03-13', 20), ams('2026-03-16', 8)],
    ['Saturday noon → Monday', ams('2026-03-14', 12), ams('2026-03-16', 8)],
    [
      'Christmas Eve evening → after Christmas weekend',
      ams('2026-12-24', 19),
      ams('2026-12-28', 8),
    ],
    ['Christmas Day noon → Monday 28th', ams('2026-12-25', 12), ams('2026-12-28', 8)],
    ['Koningsdag 2026 → next day', ams('2026-04-27', 10), ams('2026-04-28', 8)],
    ['summer time applies', ams('2026-07-01', 6), ams('2026-07-01', 8)],
  ])('%s', (_label, instant, expected) => {
    expect(iso(nextBusinessMoment(instant))).toBe(iso(expected));
  });

  it('honours custom hours', () => {
    const hours = { startHour: 9, endHour: 17 };
    expect(iso(nextBusinessMoment(ams('2026-03-10', 8, 30), hours))).toBe(
      iso(ams('2026-03-10', 9)),
    );
    expect(iso(nextBusinessMoment(ams('2026-03-10', 17), hours))).toBe(iso(ams('2026-03-11', 9)));
  });

  it('returns a new Date, never the caller’s object', () => {
    const input = ams('2026-03-10', 10);
    const out = nextBusinessMoment(input);
    expect(out).not.toBe(input);
    expect(out.getTime()).toBe(input.getTime());
  });

  it.each([
    [{ startHour: 18, endHour: 8 }, 'endHour'],
    [{ startHour: -1, endHour: 8 }, 'startHour'],
    [{ startHour: 8, endHour: 25 }, 'endHour'],
  ])('rejects business hours %j', (hours, field) => {
    expectDomainError(() => nextBusinessMoment(ams('2026-03-10', 10), hours), field);
  });

  it('always yields a business day within business hours (every 5 hours over 2025–2030)', () => {
    const bad: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2030, 11, 20); t += 5 * 3_600_000) {
      const out = nextBusinessMoment(new Date(t));
      const p = amsterdamParts(out);
      if (out.getTime() < t || !isBusinessDay(p.date) || p.hour < 8 || p.hour >= 18)
        bad.push(new Date(t).toISOString());
    }
    expect(bad).toEqual([]);
  });
});

describe('reminderTimes', () => {
  it('a Monday deadline with offset 2 reminds on the previous Thursday', () => {
    const deadline = ams('2026-03-16', 17);
    expect(
      reminderTimes(deadline, { offsetsBusinessDays: [2], sendHour: 9 }, LONG_AGO).map(iso),
    ).toEqual([iso(ams('2026-03-12', 9))]);
  });

  it('default policy (7 and 2 business days, 09:00) for the December 2025 vote', () => {
    const deadline = ams('2025-12-12', 17);
    expect(reminderTimes(deadline, DEFAULT_REMINDER_POLICY, LONG_AGO).map(iso)).toEqual([
      '2025-12-03T08:00:00.000Z',
      '2025-12-10T08:00:00.000Z',
    ]);
  });

  it('sends at sendHour:sendMinute when a minute is given, and refuses a minute outside 0–59', () => {
    const deadline = ams('2026-03-16', 17);
    expect(
      reminderTimes(
        deadline,
        { offsetsBusinessDays: [2], sendHour: 9, sendMinute: 37 },
        LONG_AGO,
      ).map(iso),
    ).toEqual(['2026-03-12T08:37:00.000Z']);
    expect(() =>
      reminderTimes(deadline, { offsetsBusinessDays: [2], sendHour: 9, sendMinute: 60 }, LONG_AGO),
    ).toThrow(/sendMinute/);
    expect(() =>
      reminderTimes(deadline, { offsetsBusinessDays: [2], sendHour: 9, sendMinute: 1.5 }, LONG_AGO),
    ).toThrow(/sendMinute/);
  });

  it('skips Christmas and Boxing Day', () => {
    const deadline = ams('2025-12-30', 12); // Tuesday
    expect(
      reminderTimes(deadline, { offsetsBusinessDays: [1, 2, 3], sendHour: 9 }, LONG_AGO).map(iso),
    ).toEqual([iso(ams('2025-12-23', 9)), iso(ams('2025-12-24', 9)), iso(ams('2025-12-29', 9))]);
  });

  it('skips public holidays and weekends (Tweede Paasdag)', () => {
    const deadline = ams('2026-04-08', 17); // Wednesday after Easter
    // 1 → Tue 7 April; 2 → Fri 3 April (Goede Vrijdag is a working day), Mon 6 April skipped.
    expect(
      reminderTimes(deadline, { offsetsBusinessDays: [2, 1], sendHour: 10 }, LONG_AGO).map(iso),
    ).toEqual([iso(ams('2026-04-03', 10)), iso(ams('2026-04-07', 10))]);
  });

  it('drops reminders not strictly after now', () => {
    const deadline = ams('2025-12-12', 17);
    const first = ams('2025-12-03', 9);
    expect(reminderTimes(deadline, DEFAULT_REMINDER_POLICY, first).map(iso)).toEqual([
      iso(ams('2025-12-10', 9)),
    ]);
    expect(
      reminderTimes(deadline, DEFAULT_REMINDER_POLICY, new Date(first.getTime() - 1)).length,
    ).toBe(2);
    expect(reminderTimes(deadline, DEFAULT_REMINDER_POLICY, ams('2025-12-11', 9))).toEqual([]);
  });

  it.each([
    ['deadline later that day: kept', ams('2026-03-10', 17), 1],
    ['deadline exactly at sendHour: dropped', ams('2026-03-10', 9), 0],
    ['deadline before sendHour: dropped', ams('2026-03-10', 8, 30), 0],
    ['deadline on a Saturday: offset 0 is Monday, after it: dropped', ams('2026-03-14', 12), 0],
  ])('offset 0 — %s', (_label, deadline, expectedCount) => {
    expect(
      reminderTimes(deadline, { offsetsBusinessDays: [0], sendHour: 9 }, LONG_AGO),
    ).toHaveLength(expectedCount);
  });

  it('de-duplicates and sorts ascending', () => {
    const deadline = ams('2026-03-16', 17);
    const out = reminderTimes(deadline, { offsetsBusinessDays: [2, 7, 2], sendHour: 9 }, LONG_AGO);
    expect(out.map(iso)).toEqual([iso(ams('2026-03-05', 9)), iso(ams('2026-03-12', 9))]);
  });

  it.each([
    [{ offsetsBusinessDays: [7, 2], sendHour: 3 }, 'sendHour'],
    [{ offsetsBusinessDays: [7, 2], sendHour: 18 }, 'sendHour'],
    [{ offsetsBusinessDays: [7, 2], sendHour: 9.5 }, 'sendHour'],
    [{ offsetsBusinessDays: [-1], sendHour: 9 }, 'offsetsBusinessDays[0]'],
    [{ offsetsBusinessDays: [2, 1.5], sendHour: 9 }, 'offsetsBusinessDays[1]'],
  ])('rejects policy %j', (policy, field) => {
    expectDomainError(() => validateReminderPolicy(policy), field);
    expectDomainError(() => reminderTimes(ams('2026-03-16', 17), policy, LONG_AGO), field);
  });

  it('rejects an invalid deadline or now', () => {
    expectDomainError(
      () => reminderTimes(new Date('x'), DEFAULT_REMINDER_POLICY, LONG_AGO),
      'deadline',
    );
    expectDomainError(
      () => reminderTimes(ams('2026-03-16', 17), DEFAULT_REMINDER_POLICY, new Date(NaN)),
      'now',
    );
  });

  it('property: never on a weekend, public holiday or outside 08:00–18:00; always before the deadline (2025–2030)', () => {
    const policies = [
      DEFAULT_REMINDER_POLICY,
      { offsetsBusinessDays: [0, 1, 3, 10], sendHour: 8 },
      { offsetsBusinessDays: [5], sendHour: 17 },
    ];
    const bad: string[] = [];
    let total = 0;
    const hours = [0, 9, 17, 23];
    let i = 0;
    for (let date = '2025-01-01'; date <= '2030-12-31'; date = addDays(date, 1), i += 1) {
      // Every deadline date, each at one of four hours in rotation (keeps the loop fast).
      for (const hour of [hours[i % 4]!]) {
        const deadline = ams(date, hour);
        for (const policy of policies) {
          for (const r of reminderTimes(deadline, policy, LONG_AGO)) {
            total += 1;
            const p = amsterdamParts(r);
            if (
              p.weekday > 5 ||
              isPublicHolidayDayOff(p.date) ||
              p.hour < DEFAULT_BUSINESS_HOURS.startHour ||
              p.hour >= DEFAULT_BUSINESS_HOURS.endHour ||
              r.getTime() >= deadline.getTime()
            ) {
              bad.push(`${date} ${hour}h → ${r.toISOString()}`);
            }
          }
        }
      }
    }
    expect(bad).toEqual([]);
    expect(total).toBeGreaterThan(10_000);
  });
});

describe('weeklyOverdueReminders', () => {
  it('weekly after the deadline, moved past Boxing Day, at 09:00', () => {
    const deadline = ams('2025-12-19', 17); // Friday
    expect(weeklyOverdueReminders(deadline, deadline, 3).map(iso)).toEqual([
      '2025-12-29T08:00:00.000Z', // 26 December is Tweede Kerstdag → Monday 29th
      '2026-01-05T08:00:00.000Z', // a week after the previous reminder
      '2026-01-12T08:00:00.000Z',
    ]);
  });

  it('returns only reminders after now (for a restarted workflow)', () => {
    const deadline = ams('2026-03-10', 17); // Tuesday
    expect(weeklyOverdueReminders(deadline, ams('2026-03-17', 9), 2).map(iso)).toEqual([
      iso(ams('2026-03-24', 9)),
      iso(ams('2026-03-31', 9)),
    ]);
    expect(weeklyOverdueReminders(deadline, ams('2026-03-17', 8, 59), 1).map(iso)).toEqual([
      iso(ams('2026-03-17', 9)),
    ]);
  });

  it('count 0 gives nothing; invalid counts are rejected', () => {
    expect(weeklyOverdueReminders(ams('2026-03-10', 17), LONG_AGO, 0)).toEqual([]);
    expectDomainError(() => weeklyOverdueReminders(ams('2026-03-10', 17), LONG_AGO, -1), 'count');
    expectDomainError(() => weeklyOverdueReminders(ams('2026-03-10', 17), LONG_AGO, 1.5), 'count');
  });

  it('property: business days at 09:00, strictly increasing, at least a week apart', () => {
    const bad: string[] = [];
    for (let date = '2025-01-01'; date <= '2030-06-30'; date = addDays(date, 3)) {
      const deadline = ams(date, 17);
      const out = weeklyOverdueReminders(deadline, deadline, 6);
      expect(out).toHaveLength(6);
      out.forEach((r, i) => {
        const p = amsterdamParts(r);
        const previous = i === 0 ? deadline : out[i - 1]!;
        const gapDays = (r.getTime() - previous.getTime()) / 86_400_000;
        if (
          !isBusinessDay(p.date) ||
          p.hour !== 9 ||
          p.minute !== 0 ||
          gapDays < (i === 0 ? 6.5 : 6.9)
        ) {
          bad.push(`${date}#${i}: ${r.toISOString()}`);
        }
      });
    }
    expect(bad).toEqual([]);
  });
});

describe('escalationTime', () => {
  it.each([
    [ams('2025-12-12', 17), ams('2025-12-15', 9)], // Friday → Monday
    [ams('2025-12-24', 17), ams('2025-12-29', 9)],
    [ams('2026-03-10', 17), ams('2026-03-11', 9)],
  ])('%s → %s', (deadline, expected) => {
    expect(iso(escalationTime(deadline))).toBe(iso(expected));
  });
});

describe('defaultBudgetDates', () => {
  it.each([
    // budget year, vote deadline (last business day ≤ 12 Dec of Y-1, 17:00), letters (first ≥ 15 Dec, 09:00)
    [2026, '2025-12-12T16:00:00.000Z', '2025-12-15T08:00:00.000Z'], // Fri 12 Dec; Mon 15 Dec
    [2027, '2026-12-11T16:00:00.000Z', '2026-12-15T08:00:00.000Z'], // Sat 12 → Fri 11; Tue 15
    [2028, '2027-12-10T16:00:00.000Z', '2027-12-15T08:00:00.000Z'], // Sun 12 → Fri 10; Wed 15
    [2029, '2028-12-12T16:00:00.000Z', '2028-12-15T08:00:00.000Z'], // Tue 12; Fri 15
  ])('budget year %i', (year, vote, letters) => {
    const dates = defaultBudgetDates(year);
    expect(iso(dates.voteDeadline)).toBe(vote);
    expect(iso(dates.lettersDate)).toBe(letters);
  });

  it('opens three working weeks before the deadline, before the first default reminder (2020–2040)', () => {
    for (let year = 2020; year <= 2040; year += 1) {
      const { voteDeadline, lettersDate, openAt } = defaultBudgetDates(year);
      expect(openAt).toBeDefined();
      const reminders = reminderTimes(voteDeadline, DEFAULT_REMINDER_POLICY, openAt!);
      expect(reminders).toHaveLength(2);
      expect(openAt!.getTime()).toBeLessThan(voteDeadline.getTime());
      expect(voteDeadline.getTime()).toBeLessThan(lettersDate.getTime());
      expect(isBusinessDay(amsterdamParts(openAt!).date)).toBe(true);
      expect(amsterdamParts(lettersDate).date.startsWith(`${year - 1}-12-`)).toBe(true);
    }
  });

  it.each([2014, 2201, 2026.5])('rejects budget year %s', (year) => {
    expectDomainError(() => defaultBudgetDates(year), 'budgetYear');
  });
});

describe('budgetTimeline', () => {
  it('lists reminders, deadline, escalation and letters in time order with Dutch labels', () => {
    const timeline = budgetTimeline(2026, LONG_AGO);
    expect(timeline.map((e) => e.kind)).toEqual([
      'reminder',
      'reminder',
      'deadline',
      'escalation',
      'letters',
    ]);
    expect(timeline.map((e) => iso(e.at))).toEqual([
      '2025-12-03T08:00:00.000Z',
      '2025-12-10T08:00:00.000Z',
      '2025-12-12T16:00:00.000Z',
      '2025-12-15T08:00:00.000Z',
      '2025-12-15T08:00:00.000Z',
    ]);
    expect(timeline[0]!.label).toBe(
      'Herinnering: stemmen over de begroting 2026 kan tot 12 december 2025 om 17:00',
    );
    expect(timeline[4]!.label).toContain('Toekenningsbrieven 2026');
  });

  it('drops reminders already past', () => {
    const timeline = budgetTimeline(2026, ams('2025-12-05', 12));
    expect(timeline.filter((e) => e.kind === 'reminder')).toHaveLength(1);
  });
});
