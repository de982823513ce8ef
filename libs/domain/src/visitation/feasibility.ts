import { type LocalDate } from '../calendar/local-date';
import { type VisitationExplanation } from './explanations';
import { hostVisitDays, visitorCapacity } from './score';
import {
  type ScheduleLock,
  type VisitationHost,
  type VisitationInstance,
  type Visitor,
} from './types';

function mayVisitBySchoolAndBoard(host: VisitationHost, visitor: Visitor): boolean {
  if (visitor.schoolId !== undefined && visitor.schoolId === host.schoolId) return false;
  return !(visitor.boardId !== undefined && visitor.boardId === host.boardId);
}

/** Whether `visitor` may sit in a team at `host` at all (school, board, exclusion). */
export function mayVisit(host: VisitationHost, visitor: Visitor): boolean {
  return (
    mayVisitBySchoolAndBoard(host, visitor) &&
    !(host.excludedVisitorIds?.includes(visitor.id) ?? false)
  );
}

/**
 * Cheap counting checks, run before any solver: each one that fails proves on its own that no
 * schedule exists, and says why with the counts (enough trained chairs for the visits, enough
 * visitors for the seats, a visit day for every host, enough teams on the possible days, a
 * host with too few visitors from outside its school and board, locks that break a rule).
 * An empty list proves nothing: the solver may still find the instance infeasible.
 */
export function countingChecks(
  instance: VisitationInstance,
  locks: readonly ScheduleLock[] = [],
): VisitationExplanation[] {
  const out: VisitationExplanation[] = [];
  const visits = instance.hosts.length;
  const size = instance.teamSize;
  const cap = new Map(instance.visitors.map((v) => [v.id, visitorCapacity(instance, v)]));
  const active = instance.visitors.filter((v) => (cap.get(v.id) ?? 0) > 0);

  const chairs = active.filter((v) => v.trainedChair);
  const chairVisits = chairs.reduce((s, v) => s + (cap.get(v.id) ?? 0), 0);
  if (chairVisits < visits) {
    out.push({ code: 'TOO_FEW_CHAIRS', visits, chairs: chairs.length, chairVisits });
  }
  const capacity = active.reduce((s, v) => s + (cap.get(v.id) ?? 0), 0);
  if (capacity < visits * size) {
    out.push({ code: 'TOO_FEW_VISITORS', seats: visits * size, visitors: active.length, capacity });
  }

  // Visitors per school, board and both, to count each host's eligible visitors without a
  // pass over every visitor per host (2,000 hosts × 6,000 visitors in the bench).
  const counts = (people: Visitor[]) => {
    const school = new Map<string, number>();
    const board = new Map<string, number>();
    const both = new Map<string, number>();
    for (const v of people) {
      if (v.schoolId !== undefined) school.set(v.schoolId, (school.get(v.schoolId) ?? 0) + 1);
      if (v.boardId !== undefined) board.set(v.boardId, (board.get(v.boardId) ?? 0) + 1);
      if (v.schoolId !== undefined && v.boardId !== undefined) {
        const k = `${v.schoolId}\u0000${v.boardId}`;
        both.set(k, (both.get(k) ?? 0) + 1);
      }
    }
    return (host: VisitationHost): number => {
      let n = people.length;
      if (host.schoolId !== undefined) n -= school.get(host.schoolId) ?? 0;
      if (host.boardId !== undefined) n -= board.get(host.boardId) ?? 0;
      if (host.schoolId !== undefined && host.boardId !== undefined) {
        n += both.get(`${host.schoolId}\u0000${host.boardId}`) ?? 0;
      }
      return n;
    };
  };
  const eligibleCount = counts(active);
  const eligibleChairs = counts(chairs);
  const unavailable = new Map(active.map((v) => [v.id, new Set(v.unavailable ?? [])]));
  const awayAlways = (v: Visitor, days: LocalDate[]): boolean => {
    const away = unavailable.get(v.id)!;
    return away.size >= days.length && days.every((d) => away.has(d));
  };
  const manyAway = active.filter((v) => (v.unavailable ?? []).length > 0);

  const daysOf = new Map<string, LocalDate[]>();
  const unionDays = new Set<LocalDate>();
  const dayCache = new Map<string, LocalDate[]>();
  for (const host of instance.hosts) {
    const key = `${host.region}|${[...(host.unavailable ?? [])].sort().join(',')}`;
    const days = dayCache.get(key) ?? hostVisitDays(instance, host);
    dayCache.set(key, days);
    daysOf.set(host.id, days);
    for (const d of days) unionDays.add(d);
    if (days.length === 0) {
      out.push({ code: 'NO_DATE_FOR_HOST', hostId: host.id, host: host.name, region: host.region });
      continue;
    }
    // Eligible by school and board, less those excluded by name or away on every day.
    const lost = new Set<string>();
    for (const id of host.excludedVisitorIds ?? []) lost.add(id);
    for (const v of manyAway) if (awayAlways(v, days)) lost.add(v.id);
    const lostEligible = [...lost]
      .map((id) => active.find((v) => v.id === id))
      .filter((v): v is Visitor => v !== undefined && mayVisitBySchoolAndBoard(host, v));
    const eligible = eligibleCount(host) - lostEligible.length;
    const eligibleChair = eligibleChairs(host) - lostEligible.filter((v) => v.trainedChair).length;
    if (eligible < size) {
      out.push({
        code: 'TOO_FEW_ELIGIBLE',
        hostId: host.id,
        host: host.name,
        eligible,
        teamSize: size,
      });
    } else if (eligibleChair < 1) {
      out.push({ code: 'NO_ELIGIBLE_CHAIR', hostId: host.id, host: host.name });
    }
  }

  // Teams that can be formed per day, summed over the days any host can use.
  const awayOn = new Map<LocalDate, { all: number; chairs: number }>();
  for (const v of manyAway) {
    for (const d of unavailable.get(v.id)!) {
      const c = awayOn.get(d) ?? { all: 0, chairs: 0 };
      c.all += 1;
      if (v.trainedChair) c.chairs += 1;
      awayOn.set(d, c);
    }
  }
  let teams = 0;
  for (const d of unionDays) {
    const away = awayOn.get(d) ?? { all: 0, chairs: 0 };
    teams += Math.min(Math.floor((active.length - away.all) / size), chairs.length - away.chairs);
  }
  if (unionDays.size > 0 && teams < visits) {
    out.push({ code: 'TOO_FEW_DATES', visits, days: unionDays.size, capacity: teams });
  }

  out.push(...lockProblems(instance, locks, daysOf));
  return out;
}

function lockProblems(
  instance: VisitationInstance,
  locks: readonly ScheduleLock[],
  daysOf: Map<string, LocalDate[]>,
): VisitationExplanation[] {
  const out: VisitationExplanation[] = [];
  const hosts = new Map(instance.hosts.map((h) => [h.id, h]));
  const visitors = new Map(instance.visitors.map((v) => [v.id, v]));
  const dateOf = new Map<string, LocalDate>();
  const seats = new Map<string, Set<string>>();
  const chairs = new Map<string, number>();
  for (const lock of locks) {
    const host = hosts.get(lock.hostId);
    const base = {
      code: 'INVALID_LOCK' as const,
      hostId: lock.hostId,
      host: host?.name ?? lock.hostId,
    };
    if (!host) {
      out.push({ ...base, reason: 'unknown-host' });
      continue;
    }
    if (lock.kind === 'date') {
      const earlier = dateOf.get(host.id);
      if (earlier !== undefined && earlier !== lock.date)
        out.push({ ...base, reason: 'two-dates' });
      dateOf.set(host.id, lock.date);
      if (!(daysOf.get(host.id) ?? []).includes(lock.date)) {
        out.push({ ...base, reason: 'not-a-visit-day' });
      }
      continue;
    }
    const visitor = visitors.get(lock.visitorId);
    if (!visitor) {
      out.push({ ...base, reason: 'unknown-visitor' });
      continue;
    }
    if (visitor.schoolId !== undefined && visitor.schoolId === host.schoolId) {
      out.push({ ...base, reason: 'own-school' });
    } else if (visitor.boardId !== undefined && visitor.boardId === host.boardId) {
      out.push({ ...base, reason: 'own-board' });
    } else if (host.excludedVisitorIds?.includes(visitor.id)) {
      out.push({ ...base, reason: 'excluded' });
    }
    if (lock.role === 'chair') {
      if (!visitor.trainedChair) out.push({ ...base, reason: 'untrained-chair' });
      chairs.set(host.id, (chairs.get(host.id) ?? 0) + 1);
      if ((chairs.get(host.id) ?? 0) === 2) out.push({ ...base, reason: 'two-chairs' });
    }
    const team = seats.get(host.id) ?? new Set<string>();
    team.add(visitor.id);
    seats.set(host.id, team);
    if (team.size === instance.teamSize + 1) out.push({ ...base, reason: 'team-full' });
  }
  for (const lock of locks) {
    if (lock.kind !== 'seat') continue;
    const date = dateOf.get(lock.hostId);
    const visitor = visitors.get(lock.visitorId);
    const host = hosts.get(lock.hostId);
    if (host && date !== undefined && visitor?.unavailable?.includes(date)) {
      out.push({
        code: 'INVALID_LOCK',
        hostId: host.id,
        host: host.name,
        reason: 'visitor-unavailable',
      });
    }
  }
  return out;
}
