import { parseLocalDate, weekdayOf } from '../calendar/local-date';
import { publicHolidaysOn } from '../calendar/public-holidays';
import { schoolHolidayOn } from '../calendar/school-holidays';
import { type VisitationExplanation } from './explanations';
import {
  type Schedule,
  type ScheduleLock,
  type VisitationHost,
  type VisitationInstance,
  type Visitor,
} from './types';

/**
 * Validates any schedule against the rules of docs/domain.md §3 and the programme, from the
 * instance alone. It is written apart from the solver's model (libs/scheduling) and shares no
 * code with it, so that a wrong model cannot hide behind its own checker: every proposal the
 * solver makes is run through this function in the tests. Returns every violation; an empty
 * list means the schedule keeps every hard rule.
 */
export function checkSchedule(
  instance: VisitationInstance,
  schedule: Schedule,
  locks: readonly ScheduleLock[] = [],
): VisitationExplanation[] {
  const out: VisitationExplanation[] = [];
  const hosts = new Map<string, VisitationHost>(instance.hosts.map((h) => [h.id, h]));
  const visitors = new Map<string, Visitor>(instance.visitors.map((v) => [v.id, v]));
  const label = (hostId: string): string => hosts.get(hostId)?.name ?? hostId;
  const who = (visitorId: string): string => visitors.get(visitorId)?.name ?? visitorId;

  // Every host exactly one visit.
  const visitsPerHost = new Map<string, number>();
  for (const visit of schedule.visits) {
    visitsPerHost.set(visit.hostId, (visitsPerHost.get(visit.hostId) ?? 0) + 1);
  }
  for (const host of instance.hosts) {
    const count = visitsPerHost.get(host.id) ?? 0;
    if (count === 0) out.push({ code: 'HOST_WITHOUT_VISIT', hostId: host.id, host: host.name });
    if (count > 1) {
      out.push({ code: 'HOST_VISITED_TWICE', hostId: host.id, host: host.name, visits: count });
    }
  }

  // Per person: the days they visit and how often.
  const daysOf = new Map<string, Map<string, number>>();
  const visitsOf = new Map<string, number>();
  // Directed pairs of units (the visitor's school → the host's school).
  const directions = new Set<string>();
  const unitName = new Map<string, string>();

  for (const visit of schedule.visits) {
    const host = hosts.get(visit.hostId);
    if (!host) {
      out.push({ code: 'UNKNOWN_HOST', hostId: visit.hostId });
      continue;
    }
    const base = { hostId: host.id, host: host.name };
    out.push(...checkDate(instance, host, visit.date));

    if (visit.team.length !== instance.teamSize) {
      out.push({
        code: 'TEAM_SIZE',
        ...base,
        size: visit.team.length,
        teamSize: instance.teamSize,
      });
    }
    const chairs = visit.team.filter((s) => s.role === 'chair');
    if (chairs.length !== 1) out.push({ code: 'CHAIR_COUNT', ...base, chairs: chairs.length });

    const seen = new Set<string>();
    const hostUnit = host.schoolId !== undefined ? `school:${host.schoolId}` : `host:${host.id}`;
    unitName.set(
      hostUnit,
      host.schoolId !== undefined ? (unitName.get(hostUnit) ?? host.name) : host.name,
    );
    for (const seat of visit.team) {
      const visitor = visitors.get(seat.visitorId);
      if (!visitor) {
        out.push({ code: 'UNKNOWN_VISITOR', ...base, visitorId: seat.visitorId });
        continue;
      }
      const v = { ...base, visitor: visitor.name };
      if (seen.has(visitor.id)) out.push({ code: 'VISITOR_TWICE_IN_TEAM', ...v });
      seen.add(visitor.id);
      if (seat.role === 'chair' && !visitor.trainedChair)
        out.push({ code: 'CHAIR_NOT_TRAINED', ...v });
      if (visitor.schoolId !== undefined && visitor.schoolId === host.schoolId) {
        out.push({ code: 'OWN_SCHOOL', ...v });
      } else if (visitor.boardId !== undefined && visitor.boardId === host.boardId) {
        out.push({ code: 'OWN_BOARD', ...v });
      }
      if (host.excludedVisitorIds?.includes(visitor.id))
        out.push({ code: 'EXCLUDED_VISITOR', ...v });
      if (visitor.unavailable?.includes(visit.date)) {
        out.push({ code: 'VISITOR_UNAVAILABLE', ...v, date: visit.date });
      }

      const days = daysOf.get(visitor.id) ?? new Map<string, number>();
      days.set(visit.date, (days.get(visit.date) ?? 0) + 1);
      daysOf.set(visitor.id, days);
      visitsOf.set(visitor.id, (visitsOf.get(visitor.id) ?? 0) + 1);

      if (visitor.schoolId !== undefined) {
        const visitorUnit = `school:${visitor.schoolId}`;
        if (visitorUnit !== hostUnit) directions.add(`${visitorUnit}\u0000${hostUnit}`);
      }
    }
  }

  for (const [visitorId, days] of daysOf) {
    for (const [date, count] of days) {
      if (count > 1) {
        out.push({ code: 'TWO_VISITS_ON_A_DAY', visitor: who(visitorId), date, hosts: count });
      }
    }
  }
  for (const [visitorId, count] of visitsOf) {
    const visitor = visitors.get(visitorId);
    const max = Math.min(instance.maxVisitsPerVisitor, visitor?.maxVisits ?? Infinity);
    if (count > max) {
      out.push({ code: 'TOO_MANY_VISITS', visitor: who(visitorId), visits: count, maxVisits: max });
    }
  }

  // Reciprocity: A's people visit B and B's people visit A.
  for (const key of directions) {
    const [a, b] = key.split('\u0000') as [string, string];
    if (a < b && directions.has(`${b}\u0000${a}`)) {
      out.push({
        code: 'RECIPROCAL_PAIR',
        unitA: schoolLabel(a, unitName),
        unitB: schoolLabel(b, unitName),
      });
    }
  }

  // Locks.
  const byHost = new Map(schedule.visits.map((v) => [v.hostId, v]));
  for (const lock of locks) {
    const visit = byHost.get(lock.hostId);
    const kept =
      visit !== undefined &&
      (lock.kind === 'date'
        ? visit.date === lock.date
        : visit.team.some(
            (s) =>
              s.visitorId === lock.visitorId && (lock.role === undefined || s.role === lock.role),
          ));
    if (!kept) out.push({ code: 'LOCK_NOT_KEPT', hostId: lock.hostId, host: label(lock.hostId) });
  }
  return out;
}

function schoolLabel(unit: string, names: Map<string, string>): string {
  return names.get(unit) ?? unit.replace(/^school:/, '');
}

/** A visit date: a real date, inside a window, a weekday, no day-off holiday, no school holiday. */
function checkDate(
  instance: VisitationInstance,
  host: VisitationHost,
  date: string,
): VisitationExplanation[] {
  const base = { hostId: host.id, host: host.name, date };
  try {
    parseLocalDate(date);
  } catch {
    return [{ code: 'INVALID_DATE', ...base }];
  }
  const out: VisitationExplanation[] = [];
  if (!instance.windows.some((w) => w.start <= date && date <= w.end)) {
    out.push({ code: 'OUTSIDE_WINDOWS', ...base });
  }
  if (weekdayOf(date) >= 6) out.push({ code: 'WEEKEND', ...base });
  const holiday = publicHolidaysOn(date).find((h) => h.dayOff);
  if (holiday) out.push({ code: 'PUBLIC_HOLIDAY', ...base, holiday: holiday.name });
  let schoolHoliday: string | undefined;
  try {
    schoolHoliday = schoolHolidayOn(date, host.region)?.name;
  } catch {
    // Outside the known school years: the window check above already reports it.
    if (out.length === 0) out.push({ code: 'OUTSIDE_WINDOWS', ...base });
  }
  if (schoolHoliday) out.push({ code: 'SCHOOL_HOLIDAY', ...base, holiday: schoolHoliday });
  if (host.unavailable?.includes(date)) out.push({ code: 'HOST_UNAVAILABLE', ...base });
  return out;
}
