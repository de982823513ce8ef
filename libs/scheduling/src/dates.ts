import { type LocalDate, type ScheduleLock } from '@jaarcyclus/domain';
import { type Facts, type Relax, mondayOf, splitLocks } from './facts';
import { LpModel } from './lp';

/**
 * Stage 1 of the decomposition: a date for every host.
 *
 * Hosts that can be visited on exactly the same days are interchangeable here, so they form one
 * group and the model counts how many of a group go on each day (x[g,t], integer) instead of
 * choosing per host: a few hundred variables for 2,000 hosts in three regions, and no loss,
 * because nothing in this stage tells two such hosts apart.
 *
 *   Σ_t x[g,t] = |g|                               every host one date   ('host-date')
 *   Σ_g x[g,t] ≤ teams that can be formed on t     ('day-capacity')
 *       = min(⌊free visitors on t / team size⌋, free trained chairs on t)
 *   Σ_{t∈w} Σ_g x[g,t] = n_w,  cost |n_w − τ_w|    per ISO week ('spread', see below)
 *   Σ_g x[g,t] − excess_t ≤ ⌈τ_t⌉                  per day ('spread')
 *   min Σ_w |n_w − τ_w| + Σ_t excess_t
 *
 * τ spreads each host's one visit evenly over the days it could have it (windows, business
 * days, its region's holidays, its blocked days), so the objective equals the domain's
 * `scoreSchedule(…).spread`. A host's days are also cut to those on which at least a team's
 * worth of visitors from outside its school and board is free, one of them a trained chair;
 * a host with a locked visitor keeps only that visitor's free days and is a group of its own.
 */
export interface DatesModel {
  model: LpModel;
  groups: { hosts: number[]; days: LocalDate[]; vars: number[] }[];
  days: LocalDate[];
  dayCapacity: Map<LocalDate, number>;
  dayRow: Map<LocalDate, number>;
  weeks: { week: LocalDate; target: number; over1: number; over: number; under: number }[];
  /** Hosts left without a single possible day (the model is then infeasible). */
  hostsWithoutDays: number[];
}

export function buildDates(
  f: Facts,
  locks: readonly ScheduleLock[],
  relax: Relax = {},
): DatesModel {
  const { instance, size } = f;
  const H = instance.hosts.length;
  const lockSplit = relax.locks
    ? { date: new Map<number, LocalDate>(), seats: [] }
    : splitLocks(f, locks);

  // Day targets from the base days.
  const dayTarget = new Map<LocalDate, number>();
  const weekTarget = new Map<LocalDate, number>();
  for (let h = 0; h < H; h += 1) {
    const days = f.baseDays[h]!;
    for (const d of days) {
      dayTarget.set(d, (dayTarget.get(d) ?? 0) + 1 / days.length);
      const w = mondayOf(d);
      weekTarget.set(w, (weekTarget.get(w) ?? 0) + 1 / days.length);
    }
  }
  const allDays = [...dayTarget.keys()].sort();

  // Free visitors per day, in counts by school, board and both (for the per-host cut).
  const active: number[] = [];
  f.cap.forEach((c, v) => {
    if (c > 0) active.push(v);
  });
  const isFree = (v: number, d: LocalDate): boolean =>
    relax.unavailable === true || !f.unavailable[v]!.has(d);
  const key = (v: number): { s?: string; b?: string } => {
    const visitor = instance.visitors[v]!;
    return {
      ...(visitor.schoolId !== undefined ? { s: visitor.schoolId } : {}),
      ...(visitor.boardId !== undefined && !relax.ownBoard ? { b: visitor.boardId } : {}),
    };
  };
  interface Counts {
    all: number;
    school: Map<string, number>;
    board: Map<string, number>;
    both: Map<string, number>;
  }
  const emptyCounts = (): Counts => ({
    all: 0,
    school: new Map(),
    board: new Map(),
    both: new Map(),
  });
  const addTo = (c: Counts, v: number, by: number): void => {
    const k = key(v);
    c.all += by;
    if (k.s !== undefined) c.school.set(k.s, (c.school.get(k.s) ?? 0) + by);
    if (k.b !== undefined) c.board.set(k.b, (c.board.get(k.b) ?? 0) + by);
    if (k.s !== undefined && k.b !== undefined) {
      const sb = `${k.s}\u0000${k.b}`;
      c.both.set(sb, (c.both.get(sb) ?? 0) + by);
    }
  };
  const base = { all: emptyCounts(), chairs: emptyCounts() };
  for (const v of active) {
    addTo(base.all, v, 1);
    if (f.trained[v]) addTo(base.chairs, v, 1);
  }
  // Who is not free per day (few): subtracted from the base counts.
  const awayOn = new Map<LocalDate, number[]>();
  if (!relax.unavailable) {
    for (const v of active) {
      for (const d of f.unavailable[v]!) {
        if (!dayTarget.has(d)) continue;
        const list = awayOn.get(d) ?? [];
        list.push(v);
        awayOn.set(d, list);
      }
    }
  }
  const awayCounts = new Map<LocalDate, { all: Counts; chairs: Counts }>();
  for (const [d, list] of awayOn) {
    const c = { all: emptyCounts(), chairs: emptyCounts() };
    for (const v of list) {
      addTo(c.all, v, 1);
      if (f.trained[v]) addTo(c.chairs, v, 1);
    }
    awayCounts.set(d, c);
  }
  const forHost = (c: Counts, h: number): number => {
    const host = instance.hosts[h]!;
    const s = host.schoolId;
    const b = relax.ownBoard ? undefined : host.boardId;
    let n = c.all;
    if (s !== undefined) n -= c.school.get(s) ?? 0;
    if (b !== undefined) n -= c.board.get(b) ?? 0;
    if (s !== undefined && b !== undefined) n += c.both.get(`${s}\u0000${b}`) ?? 0;
    return n;
  };

  const dayCapacity = new Map<LocalDate, number>();
  for (const d of allDays) {
    const away = awayCounts.get(d);
    const free = base.all.all - (away?.all.all ?? 0);
    const chairs = base.chairs.all - (away?.chairs.all ?? 0);
    dayCapacity.set(d, Math.min(Math.floor(free / size), relax.chairs ? Infinity : chairs));
  }

  // Possible days per host.
  const lockedVisitors = new Map<number, number[]>();
  for (const s of lockSplit.seats) {
    const list = lockedVisitors.get(s.h) ?? [];
    list.push(s.v);
    lockedVisitors.set(s.h, list);
  }
  const hostsWithoutDays: number[] = [];
  const groupsByKey = new Map<string, { hosts: number[]; days: LocalDate[]; vars: number[] }>();
  for (let h = 0; h < H; h += 1) {
    let days = f.baseDays[h]!;
    const locked = lockSplit.date.get(h);
    if (locked !== undefined) days = days.filter((d) => d === locked);
    const mine = lockedVisitors.get(h) ?? [];
    if (mine.length > 0) days = days.filter((d) => mine.every((v) => isFree(v, d)));
    const excluded = [...f.excluded[h]!].filter((v) => f.cap[v]! > 0);
    days = days.filter((d) => {
      const away = awayCounts.get(d);
      const out = excluded.filter((v) => eligibleButExcluded(f, h, v, relax) && isFree(v, d));
      const all = forHost(base.all, h) - (away ? forHost(away.all, h) : 0) - out.length;
      if (all < size) return false;
      if (relax.chairs) return true;
      const chairs =
        forHost(base.chairs, h) -
        (away ? forHost(away.chairs, h) : 0) -
        out.filter((v) => f.trained[v]).length;
      return chairs >= 1;
    });
    if (days.length === 0) hostsWithoutDays.push(h);
    const groupKey = mine.length > 0 ? `host:${h}` : days.join(',');
    const group = groupsByKey.get(groupKey) ?? { hosts: [], days, vars: [] };
    group.hosts.push(h);
    groupsByKey.set(groupKey, group);
  }

  const model = new LpModel();
  const groups = [...groupsByKey.values()];
  const onDay = new Map<LocalDate, number[]>();
  for (const g of groups) {
    g.vars = g.days.map((d) => {
      const x =
        g.hosts.length === 1
          ? model.addVar('binary')
          : model.addVar('integer', 0, 0, g.hosts.length);
      const list = onDay.get(d) ?? [];
      list.push(x);
      onDay.set(d, list);
      return x;
    });
    model.addRow('host-date', g.vars, 1, '=', g.hosts.length);
  }
  const dayRow = new Map<LocalDate, number>();
  if (!relax.dayCapacity) {
    for (const [d, xs] of onDay) {
      dayRow.set(d, model.rows.length);
      model.addRow('day-capacity', xs, 1, '<=', dayCapacity.get(d) ?? 0);
    }
  }
  // Hosts that share a locked visitor: not on the same day.
  const hostsOfVisitor = new Map<number, number[]>();
  for (const s of lockSplit.seats) {
    const list = hostsOfVisitor.get(s.v) ?? [];
    if (!list.includes(s.h)) list.push(s.h);
    hostsOfVisitor.set(s.v, list);
  }
  if (!relax.onePerDay) {
    for (const hosts of hostsOfVisitor.values()) {
      if (hosts.length < 2) continue;
      const byDay = new Map<LocalDate, number[]>();
      for (const h of hosts) {
        const g = groupsByKey.get(`host:${h}`)!;
        g.days.forEach((d, i) => byDay.set(d, [...(byDay.get(d) ?? []), g.vars[i]!]));
      }
      for (const xs of byDay.values()) if (xs.length > 1) model.addRow('locks', xs, 1, '<=', 1);
    }
  }

  // Spread.
  const weeks: DatesModel['weeks'] = [];
  const byWeek = new Map<LocalDate, number[]>();
  for (const [d, xs] of onDay) {
    const w = mondayOf(d);
    byWeek.set(w, [...(byWeek.get(w) ?? []), ...xs]);
  }
  // |n_w − τ_w| for an integer n_w, written with integer right-hand sides so that the LP
  // relaxation of this (network-shaped) model has integral optima: n_w = ⌊τ⌋ + o1 + o2 − u with
  // o1 ≤ 1 costing 1 − 2·frac(τ), o2 and u costing 1, plus the constant frac(τ).
  for (const [week, target] of [...weekTarget].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const floor = Math.floor(target + 1e-9);
    const frac = Math.max(0, target - floor);
    const over1 = model.addVar('continuous', 1 - 2 * frac, 0, 1);
    const over = model.addVar('continuous', 1);
    const under = model.addVar('continuous', 1);
    model.offset += frac;
    const xs = byWeek.get(week) ?? [];
    model.addRow(
      'spread',
      [...xs, over1, over, under],
      [...xs.map(() => 1), -1, -1, 1],
      '=',
      floor,
    );
    weeks.push({ week, target, over1, over, under });
  }
  for (const [d, xs] of onDay) {
    const excess = model.addVar('continuous', 1);
    model.addRow(
      'spread',
      [...xs, excess],
      [...xs.map(() => 1), -1],
      '<=',
      Math.ceil((dayTarget.get(d) ?? 0) - 1e-9),
    );
  }
  return { model, groups, days: allDays, dayCapacity, dayRow, weeks, hostsWithoutDays };
}

/** A visitor on the host's exclusion list who would otherwise count as eligible. */
function eligibleButExcluded(f: Facts, h: number, v: number, relax: Relax): boolean {
  const host = f.instance.hosts[h]!;
  const visitor = f.instance.visitors[v]!;
  if (visitor.schoolId !== undefined && visitor.schoolId === host.schoolId) return false;
  if (!relax.ownBoard && visitor.boardId !== undefined && visitor.boardId === host.boardId)
    return false;
  return true;
}

/** The date of every host from a solution: each group's hosts take its chosen days in order. */
export function readDates(m: DatesModel, values: Float64Array, hostCount: number): LocalDate[] {
  const dates: LocalDate[] = new Array<LocalDate>(hostCount).fill('');
  for (const g of m.groups) {
    const chosen: LocalDate[] = [];
    g.days.forEach((d, i) => {
      const n = Math.round(values[g.vars[i]!]!);
      for (let k = 0; k < n; k += 1) chosen.push(d);
    });
    // Interleave: hosts in the group's order take days spread over the group's choices, so
    // that neighbours in the list (often of one board) do not all land on one day.
    g.hosts.forEach((h, i) => {
      dates[h] = chosen[(i * stride(chosen.length)) % chosen.length] ?? '';
    });
  }
  return dates;
}

/** A step coprime with n that walks all of 0..n−1 in a scattered order. */
function stride(n: number): number {
  if (n <= 2) return 1;
  let s = Math.max(1, Math.floor(n * 0.618));
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(s, n) !== 1) s += 1;
  return s;
}
