import { DomainError } from '../errors';
import { type LocalDate, parseLocalDate } from '../calendar/local-date';
import { type Schedule, type ScheduleLock, type ScheduledVisit } from './types';

/**
 * The secretariat's adjustments to a proposed schedule. Each returns a new schedule (the
 * input is left as it was); none checks the rules: run `checkSchedule` on the result to show
 * what an adjustment breaks, and lock it to have the solver work around it.
 */

function visitOf(schedule: Schedule, hostId: string): ScheduledVisit {
  const visit = schedule.visits.find((v) => v.hostId === hostId);
  if (!visit) throw new DomainError('NOT_FOUND', `No visit at host '${hostId}'`, 'hostId');
  return visit;
}

function copy(schedule: Schedule): Schedule {
  return {
    visits: schedule.visits.map((v) => ({ ...v, team: v.team.map((s) => ({ ...s })) })),
  };
}

/** Two people trade places: each takes the other's seat (and role) in the other's visit. */
export function swapVisitors(
  schedule: Schedule,
  a: { hostId: string; visitorId: string },
  b: { hostId: string; visitorId: string },
): Schedule {
  const next = copy(schedule);
  const seatA = visitOf(next, a.hostId).team.find((s) => s.visitorId === a.visitorId);
  const seatB = visitOf(next, b.hostId).team.find((s) => s.visitorId === b.visitorId);
  if (!seatA)
    throw new DomainError(
      'NOT_FOUND',
      `${a.visitorId} is not in the team at ${a.hostId}`,
      'visitorId',
    );
  if (!seatB)
    throw new DomainError(
      'NOT_FOUND',
      `${b.visitorId} is not in the team at ${b.hostId}`,
      'visitorId',
    );
  seatA.visitorId = b.visitorId;
  seatB.visitorId = a.visitorId;
  return next;
}

/** One person's seat goes to someone else (same role). */
export function replaceVisitor(
  schedule: Schedule,
  hostId: string,
  visitorId: string,
  replacementId: string,
): Schedule {
  const next = copy(schedule);
  const seat = visitOf(next, hostId).team.find((s) => s.visitorId === visitorId);
  if (!seat)
    throw new DomainError('NOT_FOUND', `${visitorId} is not in the team at ${hostId}`, 'visitorId');
  seat.visitorId = replacementId;
  return next;
}

/** A visit moves to another date; its team stays. */
export function moveVisit(schedule: Schedule, hostId: string, date: LocalDate): Schedule {
  parseLocalDate(date, 'date');
  const next = copy(schedule);
  visitOf(next, hostId).date = date;
  return next;
}

/** Locks that keep a visit as it is: its date and every seat with its role. */
export function lockVisit(schedule: Schedule, hostId: string): ScheduleLock[] {
  const visit = visitOf(schedule, hostId);
  return [
    { kind: 'date', hostId, date: visit.date },
    ...visit.team.map((s): ScheduleLock => ({
      kind: 'seat',
      hostId,
      visitorId: s.visitorId,
      role: s.role,
    })),
  ];
}
