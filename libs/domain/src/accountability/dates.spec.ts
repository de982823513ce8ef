import { amsterdamParts } from '../calendar/amsterdam';
import { isBusinessDay } from '../calendar/business-days';
import { DomainError } from '../errors';
import { reminderTimes } from '../schedule/schedule';
import { DEFAULT_ACCOUNTABILITY_REMINDER_POLICY, defaultAccountabilityDates } from './dates';

describe('defaultAccountabilityDates (docs/domain.md, source 001 §7.4: "uiterlijk 1 februari")', () => {
  it.each<[number, string, string]>([
    // 1 February 2027 is a Monday; CET (UTC+1), so 23:59:59.999 local is 22:59:59.999Z.
    [2026, '2027-02-01T22:59:59.999Z', '2027-01-06T08:00:00.000Z'],
    // 1 February 2026 is a Sunday: the deadline stays on 1 February.
    [2025, '2026-02-01T22:59:59.999Z', '2026-01-06T08:00:00.000Z'],
    // 6 January 2029 is a Saturday: the cycle opens on Monday 8 January.
    [2028, '2029-02-01T22:59:59.999Z', '2029-01-08T08:00:00.000Z'],
  ])('accounting year %i: deadline %s, opens %s', (year, deadline, openAt) => {
    const dates = defaultAccountabilityDates(year);
    expect(dates.deadline.toISOString()).toBe(deadline);
    expect(dates.openAt.toISOString()).toBe(openAt);
    expect(dates.reminderPolicy).toEqual({ offsetsBusinessDays: [14, 7, 1], sendHour: 9 });
  });

  it('the deadline is the last moment of 1 February in Amsterdam', () => {
    const { deadline } = defaultAccountabilityDates(2026);
    expect(amsterdamParts(deadline)).toMatchObject({ date: '2027-02-01', hour: 23, minute: 59 });
    expect(amsterdamParts(new Date(deadline.getTime() + 1)).date).toBe('2027-02-02');
  });

  it('places every default reminder after opening, on business days at 09:00', () => {
    for (const year of [2025, 2026, 2027, 2028, 2029, 2030]) {
      const { deadline, openAt, reminderPolicy } = defaultAccountabilityDates(year);
      const reminders = reminderTimes(deadline, reminderPolicy, openAt);
      expect(reminders).toHaveLength(3);
      for (const r of reminders) {
        const parts = amsterdamParts(r);
        expect(isBusinessDay(parts.date)).toBe(true);
        expect([parts.hour, parts.minute]).toEqual([9, 0]);
      }
    }
  });

  it('hands out a copy of the default policy', () => {
    const dates = defaultAccountabilityDates(2026);
    dates.reminderPolicy.offsetsBusinessDays.push(3);
    expect(DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.offsetsBusinessDays).toEqual([14, 7, 1]);
  });

  it.each([2014, 2200, 2026.5])('rejects accounting year %s', (year) => {
    expect(() => defaultAccountabilityDates(year)).toThrow(DomainError);
  });
});
