import { isBusinessDay } from '../calendar/business-days';
import { type LocalDate, addDays, weekdayOf } from '../calendar/local-date';
import { type Schedule, type VisitationHost, type VisitationInstance, type Visitor } from './types';

/**
 * The objective a proposal minimises, computed from a schedule alone (the solver's reported
 * objective must equal it; the bench scores its greedy baseline with it):
 *
 * - spread: per ISO week |visits − expected visits| plus, per day, the visits beyond the
 *   expected number rounded up. "Expected" spreads each host's one visit evenly over the days
 *   it could have it (windows, business days, its region's school holidays, its own blocked
 *   days), so holiday weeks expect fewer visits and a week only one region can use expects
 *   that region's share.
 * - load: Σ over visitors of L·(L−1)/2 for L visits: 0 for a first visit, 1 more for a second,
 *   2 more for a third … a convex cost, so the sum is smallest when the load is as even as
 *   the rules allow (one visitor with 3 and one with 1 costs 3, two with 2 cost 2).
 */
export interface ScheduleScore {
  spread: number;
  load: number;
  total: number;
}

/** The days a host can be visited before anyone's availability counts. */
export function hostVisitDays(instance: VisitationInstance, host: VisitationHost): LocalDate[] {
  const blocked = new Set(host.unavailable ?? []);
  const days: LocalDate[] = [];
  const seen = new Set<LocalDate>();
  for (const window of instance.windows) {
    for (let d = window.start; d <= window.end; d = addDays(d, 1)) {
      if (seen.has(d)) continue;
      seen.add(d);
      if (blocked.has(d)) continue;
      if (isBusinessDay(d, { region: host.region })) days.push(d);
    }
  }
  return days.sort();
}

/** Monday of the ISO week of `date`, as a LocalDate. */
export function weekOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** Expected visits per week and per day when every host's visit is spread evenly over its days. */
export function expectedVisits(instance: VisitationInstance): {
  perWeek: Map<LocalDate, number>;
  perDay: Map<LocalDate, number>;
} {
  const perWeek = new Map<LocalDate, number>();
  const perDay = new Map<LocalDate, number>();
  const cache = new Map<string, LocalDate[]>();
  for (const host of instance.hosts) {
    const key = `${host.region}|${[...(host.unavailable ?? [])].sort().join(',')}`;
    let days = cache.get(key);
    if (!days) {
      days = hostVisitDays(instance, host);
      cache.set(key, days);
    }
    for (const d of days) {
      perDay.set(d, (perDay.get(d) ?? 0) + 1 / days.length);
      const w = weekOf(d);
      perWeek.set(w, (perWeek.get(w) ?? 0) + 1 / days.length);
    }
  }
  return { perWeek, perDay };
}

/** L·(L−1)/2: the load cost of one visitor with L visits. */
export function loadCost(visits: number): number {
  return visits <= 1 ? 0 : (visits * (visits - 1)) / 2;
}

export function scoreSchedule(instance: VisitationInstance, schedule: Schedule): ScheduleScore {
  const { perWeek, perDay } = expectedVisits(instance);
  const weekCount = new Map<LocalDate, number>();
  const dayCount = new Map<LocalDate, number>();
  const load = new Map<string, number>();
  for (const visit of schedule.visits) {
    dayCount.set(visit.date, (dayCount.get(visit.date) ?? 0) + 1);
    const w = weekOf(visit.date);
    weekCount.set(w, (weekCount.get(w) ?? 0) + 1);
    for (const seat of visit.team) load.set(seat.visitorId, (load.get(seat.visitorId) ?? 0) + 1);
  }
  let spread = 0;
  for (const w of new Set([...perWeek.keys(), ...weekCount.keys()])) {
    spread += Math.abs((weekCount.get(w) ?? 0) - (perWeek.get(w) ?? 0));
  }
  for (const [d, count] of dayCount) {
    spread += Math.max(0, count - Math.ceil((perDay.get(d) ?? 0) - 1e-9));
  }
  let loadTotal = 0;
  for (const count of load.values()) loadTotal += loadCost(count);
  // Rounded to 1e-9: the expected visits are sums of fractions.
  const r = (x: number): number => Math.round(x * 1e9) / 1e9;
  return { spread: r(spread), load: loadTotal, total: r(spread + loadTotal) };
}

/** The most visits this visitor may make in the programme. */
export function visitorCapacity(instance: VisitationInstance, visitor: Visitor): number {
  return Math.max(0, Math.min(instance.maxVisitsPerVisitor, visitor.maxVisits ?? Infinity));
}

/** The least load cost of spreading `units` visits over people with these maxima (water-filling). */
function spreadCost(caps: readonly number[], units: number): number {
  // Level q: everyone takes min(cap, q); raise q while the visits last.
  let q = 0;
  const filled = (level: number): number => caps.reduce((s, c) => s + Math.min(c, level), 0);
  const top = caps.reduce((m, c) => Math.max(m, c), 0);
  while (q < top && filled(q + 1) <= units) q += 1;
  let rest = units - filled(q);
  let cost = 0;
  for (const c of caps) {
    if (c <= q) cost += loadCost(c);
    else if (rest > 0) {
      cost += loadCost(q + 1);
      rest -= 1;
    } else cost += loadCost(q);
  }
  return rest > 0 ? Infinity : cost;
}

/**
 * A lower bound on the load cost from counting alone: the team seats spread as evenly as the
 * visitors' maxima allow, with at least one seat per visit taken by a trained chair, ignoring
 * every other rule. A proposal whose load cost equals it has the most even load there is,
 * whatever else the solver left out of its model.
 */
export function loadLowerBound(instance: VisitationInstance): number {
  const seats = instance.hosts.length * instance.teamSize;
  const visits = instance.hosts.length;
  const trained = instance.visitors
    .filter((v) => v.trainedChair)
    .map((v) => visitorCapacity(instance, v));
  const others = instance.visitors
    .filter((v) => !v.trainedChair)
    .map((v) => visitorCapacity(instance, v));
  const total = (x: number): number => spreadCost(trained, x) + spreadCost(others, seats - x);
  // x = the seats taken by trained people: at least one per visit. The cost is convex in x.
  let lo = Math.max(Math.min(visits, seats), seats - others.reduce((s, c) => s + c, 0));
  let hi = Math.min(
    seats,
    trained.reduce((s, c) => s + c, 0),
  );
  if (hi < lo) return Infinity;
  while (hi - lo > 2) {
    const m1 = lo + Math.floor((hi - lo) / 3);
    const m2 = hi - Math.floor((hi - lo) / 3);
    if (total(m1) <= total(m2)) hi = m2;
    else lo = m1;
  }
  let best = Infinity;
  for (let x = lo; x <= hi; x += 1) best = Math.min(best, total(x));
  return best;
}
