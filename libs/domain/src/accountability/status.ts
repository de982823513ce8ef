import { LABELS } from '@jaarcyclus/i18n/core';
import { DomainError } from '../errors';
import { amsterdamDate } from '../calendar/amsterdam';
import { daysBetween } from '../calendar/local-date';

/**
 * Where one school stands in a 1 February accountability cycle:
 * - not_started: nothing saved yet; draft: figures saved, not submitted;
 * - submitted: waiting for review by the secretariat; returned: sent back for correction;
 * - accepted: final, the underspending is recorded as a deduction;
 * - late: the deadline passed without a submission;
 * - waived: the secretariat waived this year's accountability for the school (final).
 */
export type SchoolAccountabilityStatus =
  'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted' | 'late' | 'waived';

export const SCHOOL_ACCOUNTABILITY_STATUSES: readonly SchoolAccountabilityStatus[] = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'accepted',
  'late',
  'waived',
];

/** Dutch labels for the overview export and the api (the words live in libs/i18n, labels). */
export const SCHOOL_ACCOUNTABILITY_STATUS_LABELS: Readonly<
  Record<SchoolAccountabilityStatus, string>
> = Object.freeze({ ...LABELS.nl.accountabilityStatus });

/** Statuses in which nothing can change any more. */
export function isFinalAccountabilityStatus(status: SchoolAccountabilityStatus): boolean {
  return status === 'accepted' || status === 'waived';
}

/** Statuses in which the school still owes a (corrected) submission. */
export function awaitsSchoolSubmission(status: SchoolAccountabilityStatus): boolean {
  return (
    status === 'not_started' || status === 'draft' || status === 'returned' || status === 'late'
  );
}

/**
 * Calendar days late, counted in Europe/Amsterdam: 0 up to and including the deadline;
 * afterwards the number of Amsterdam dates from the deadline's date to now's date, and at
 * least 1 (being late on the deadline's own date, after its hour, is one day late). With the
 * default deadline at the end of 1 February, 2 February is 1 day late, 8 February 7 days.
 */
export function daysLate(deadline: Date, now: Date): number {
  for (const [field, value] of [
    ['deadline', deadline],
    ['now', now],
  ] as const) {
    if (!(value instanceof Date) || !Number.isFinite(value.getTime())) {
      throw new DomainError('VALIDATION', `${field} must be a valid Date`, field);
    }
  }
  if (now.getTime() <= deadline.getTime()) return 0;
  return Math.max(1, daysBetween(amsterdamDate(deadline), amsterdamDate(now)));
}
