import {
  type LocalDate,
  type ScheduleLock,
  type VisitationInstance,
  addDays,
  isBusinessDay,
  weekdayOf,
} from '@jaarcyclus/domain';

/**
 * What the solver's models are built from, computed here on purpose apart from the domain's
 * checker and score (libs/domain/src/visitation): the tests hold the two against each other.
 */
export interface Facts {
  instance: VisitationInstance;
  size: number;
  /** Per visitor: the most visits (0 = takes no part). */
  cap: number[];
  trained: boolean[];
  unavailable: Set<LocalDate>[];
  /** Per host: windows ∩ business days of its region ∩ not blocked by the host. */
  baseDays: LocalDate[][];
  /** Reciprocity units: a host's school (or the host itself), a visitor's school (if any). */
  hostUnit: string[];
  visitorUnit: (string | undefined)[];
  visitorIndex: Map<string, number>;
  hostIndex: Map<string, number>;
  /** Per host: visitors that may never sit in its team (school, excluded; board unless relaxed). */
  excluded: Set<number>[];
}

/** Groups of constraints the explanation of an infeasible instance relaxes one at a time. */
export interface Relax {
  dayCapacity?: boolean;
  locks?: boolean;
  reciprocity?: boolean;
  onePerDay?: boolean;
  maxVisits?: boolean;
  chairs?: boolean;
  unavailable?: boolean;
  ownBoard?: boolean;
}

export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

export function facts(instance: VisitationInstance): Facts {
  const cap = instance.visitors.map((v) =>
    Math.max(
      0,
      Math.min(instance.maxVisitsPerVisitor, v.maxVisits ?? instance.maxVisitsPerVisitor),
    ),
  );
  const dayCache = new Map<string, LocalDate[]>();
  const baseDays = instance.hosts.map((h) => {
    const key = `${h.region}|${[...(h.unavailable ?? [])].sort().join(',')}`;
    let days = dayCache.get(key);
    if (!days) {
      const blocked = new Set(h.unavailable ?? []);
      const set = new Set<LocalDate>();
      for (const w of instance.windows) {
        for (let d = w.start; d <= w.end; d = addDays(d, 1)) {
          if (!blocked.has(d) && isBusinessDay(d, { region: h.region })) set.add(d);
        }
      }
      days = [...set].sort();
      dayCache.set(key, days);
    }
    return days;
  });
  const visitorIndex = new Map(instance.visitors.map((v, i) => [v.id, i]));
  const excluded = instance.hosts.map((h) => {
    const set = new Set<number>();
    for (const id of h.excludedVisitorIds ?? []) {
      const i = visitorIndex.get(id);
      if (i !== undefined) set.add(i);
    }
    return set;
  });
  return {
    instance,
    size: instance.teamSize,
    cap,
    trained: instance.visitors.map((v) => v.trainedChair),
    unavailable: instance.visitors.map((v) => new Set(v.unavailable ?? [])),
    baseDays,
    hostUnit: instance.hosts.map((h) =>
      h.schoolId !== undefined ? `s:${h.schoolId}` : `h:${h.id}`,
    ),
    visitorUnit: instance.visitors.map((v) =>
      v.schoolId !== undefined ? `s:${v.schoolId}` : undefined,
    ),
    visitorIndex,
    hostIndex: new Map(instance.hosts.map((h, i) => [h.id, i])),
    excluded,
  };
}

/** Whether visitor v may sit in host h's team, leaving dates aside. */
export function eligible(f: Facts, h: number, v: number, relax: Relax = {}): boolean {
  if (f.cap[v]! <= 0) return false;
  const host = f.instance.hosts[h]!;
  const visitor = f.instance.visitors[v]!;
  if (visitor.schoolId !== undefined && visitor.schoolId === host.schoolId) return false;
  if (!relax.ownBoard && visitor.boardId !== undefined && visitor.boardId === host.boardId) {
    return false;
  }
  return !f.excluded[h]!.has(v);
}

/** Locks by kind, for the models. */
export function splitLocks(
  f: Facts,
  locks: readonly ScheduleLock[],
): {
  date: Map<number, LocalDate>;
  seats: { h: number; v: number; role?: 'chair' | 'member' }[];
} {
  const date = new Map<number, LocalDate>();
  const seats: { h: number; v: number; role?: 'chair' | 'member' }[] = [];
  for (const lock of locks) {
    const h = f.hostIndex.get(lock.hostId);
    if (h === undefined) continue;
    if (lock.kind === 'date') date.set(h, lock.date);
    else {
      const v = f.visitorIndex.get(lock.visitorId);
      if (v !== undefined) seats.push({ h, v, ...(lock.role ? { role: lock.role } : {}) });
    }
  }
  return { date, seats };
}

/** FNV-1a: a stable hash for deterministic orders (no Math.random in a solver people re-run). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
