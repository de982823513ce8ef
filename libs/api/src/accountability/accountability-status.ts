import {
  DomainError,
  type SchoolAccountabilityStatus,
  SCHOOL_ACCOUNTABILITY_STATUS_LABELS,
  daysLate,
} from '@jaarcyclus/domain';

/**
 * Days late as of `now`. The stored figure is frozen at the school's first submission or at a
 * waiver; while the school still owes its first submission it grows every day, and the stored
 * figure is only as fresh as the workflow's last write, so it is computed afresh (a school
 * still 'not_started' after its deadline is late even before the workflow marked it).
 */
export function liveDaysLate(
  row: { status: SchoolAccountabilityStatus; deadline: Date; daysLate: number },
  now: Date,
): number {
  if (row.status === 'not_started' || row.status === 'draft' || row.status === 'late') {
    return daysLate(row.deadline, now);
  }
  return row.daysLate;
}

export function statusLabel(status: SchoolAccountabilityStatus): string {
  return SCHOOL_ACCOUNTABILITY_STATUS_LABELS[status];
}

/** An accepted or waived accountability is final; its workflow may have closed already. */
export function finalConflict(status: SchoolAccountabilityStatus): DomainError {
  return DomainError.of(
    'CONFLICT',
    undefined,
    status === 'accepted' ? 'refusal.acceptedFinal' : 'refusal.waivedFinal',
  );
}
