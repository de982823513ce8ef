import { amsterdamInstant } from '../calendar/amsterdam';
import { DomainError } from '../errors';
import {
  SCHOOL_ACCOUNTABILITY_STATUSES,
  SCHOOL_ACCOUNTABILITY_STATUS_LABELS,
  awaitsSchoolSubmission,
  daysLate,
  isFinalAccountabilityStatus,
} from './status';

const endOfFeb1 = new Date(amsterdamInstant('2027-02-01', 23, 59).getTime() + 59_999);

describe('daysLate (calendar days, Europe/Amsterdam)', () => {
  it.each<[string, Date, Date, number]>([
    ['well before', endOfFeb1, amsterdamInstant('2027-01-15', 10), 0],
    ['at the deadline itself', endOfFeb1, endOfFeb1, 0],
    ['1 February 23:30 is on time', endOfFeb1, amsterdamInstant('2027-02-01', 23, 30), 0],
    ['just after midnight: 1 day', endOfFeb1, amsterdamInstant('2027-02-02', 0, 0), 1],
    ['2 February evening: still 1 day', endOfFeb1, amsterdamInstant('2027-02-02', 22), 1],
    ['8 February: 7 days', endOfFeb1, amsterdamInstant('2027-02-08', 9), 7],
    // 22:30 UTC on 1 February is already 2 February in Amsterdam (CET, UTC+1).
    ['counted on Amsterdam dates, not UTC', endOfFeb1, new Date('2027-02-01T23:30:00Z'), 1],
    [
      'late on the deadline date itself: 1 day',
      amsterdamInstant('2027-02-01', 17),
      amsterdamInstant('2027-02-01', 18),
      1,
    ],
    [
      'across the start of summer time',
      amsterdamInstant('2027-03-27', 12),
      amsterdamInstant('2027-03-29', 1),
      2,
    ],
    [
      'a leap day counts',
      amsterdamInstant('2028-02-28', 12),
      amsterdamInstant('2028-03-01', 12),
      2,
    ],
  ])('%s', (_label, deadline, now, expected) => {
    expect(daysLate(deadline, now)).toBe(expected);
  });

  it('rejects an invalid date', () => {
    expect(() => daysLate(new Date(NaN), endOfFeb1)).toThrow(DomainError);
  });
});

describe('status model', () => {
  it.each<[string, boolean, boolean]>([
    ['not_started', false, true],
    ['draft', false, true],
    ['submitted', false, false],
    ['returned', false, true],
    ['late', false, true],
    ['accepted', true, false],
    ['waived', true, false],
  ])('%s: final %s, awaits the school %s', (status, final, awaits) => {
    const s = status as (typeof SCHOOL_ACCOUNTABILITY_STATUSES)[number];
    expect(isFinalAccountabilityStatus(s)).toBe(final);
    expect(awaitsSchoolSubmission(s)).toBe(awaits);
  });

  it('has a Dutch label for every status', () => {
    for (const s of SCHOOL_ACCOUNTABILITY_STATUSES) {
      expect(SCHOOL_ACCOUNTABILITY_STATUS_LABELS[s]).toMatch(/^[A-Z]/);
    }
  });
});
