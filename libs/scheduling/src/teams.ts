import { type LocalDate, type ScheduleLock, type TeamSeat } from '@jaarcyclus/domain';
import { type Facts, type Relax, eligible, hash, splitLocks } from './facts';
import { LpModel } from './lp';

/**
 * Stage 2 of the decomposition: the team of every visit, its date fixed by stage 1.
 *
 *   a[v,h] ∈ {0,1}  v sits in h's team (only pairs allowed by school, board, exclusions and
 *                   v's free days; with candidate lists only those pairs)
 *   c[v,h] ∈ {0,1}  v chairs h's visit (trained v only)
 *   y[v,k] ∈ [0,1]  v's k-th visit, k = 2 … max (cost k − 1)
 *   r[A,B] ∈ {0,1}  between schools A < B: 1 = A's people may visit B, 0 = B's may visit A
 *
 *   Σ_v a[v,h] = team size                  ('seats')
 *   Σ_v c[v,h] = 1,  c[v,h] ≤ a[v,h]        ('chairs')
 *   Σ_h a[v,h] − Σ_k y[v,k] ≤ 1             ('max-visits': y's upper bounds cap the load)
 *   Σ_{h on day t} a[v,h] ≤ 1               ('one-per-day')
 *   Σ_{v of A, h of B} a[v,h] ≤ M·r[A,B],  Σ_{v of B, h of A} a[v,h] ≤ M'·(1 − r[A,B])
 *                                           ('reciprocity', A < B)
 *   min Σ (k − 1)·y[v,k]
 *
 * The y's are filled cheapest first, so the objective is Σ_v L_v(L_v − 1)/2, the domain's
 * `scoreSchedule(…).load`. The r's are made only for pairs of schools with candidate visits in
 * both directions; a one-way pair needs none.
 */
export interface TeamsModel {
  model: LpModel;
  pairs: { h: number; v: number; a: number; c: number }[];
  /** Per visitor: its pairs' indexes. */
  pairsOf: number[][];
  /** Per visitor: the y variables of its 2nd, 3rd … visit. */
  extraVisits: number[][];
  /** Reciprocity variables: the two schools and the variable. */
  links: { a: string; b: string; r: number }[];
  /** Hosts without a single candidate (the model is infeasible). */
  hostsWithoutPairs: number[];
  candidatesPerHost: number | undefined;
}

export interface TeamsOptions {
  /** Visitors considered per host; undefined = every eligible visitor. */
  candidates?: number;
  /** Pairs that must be candidates whatever the list (e.g. the previous schedule). */
  extraPairs?: readonly { h: number; v: number }[];
}

export function buildTeams(
  f: Facts,
  dates: readonly LocalDate[],
  locks: readonly ScheduleLock[],
  relax: Relax = {},
  options: TeamsOptions = {},
): TeamsModel {
  const { instance, size } = f;
  const H = instance.hosts.length;
  const V = instance.visitors.length;
  const lockSplit = relax.locks ? { date: new Map(), seats: [] } : splitLocks(f, locks);
  const free = (v: number, d: LocalDate): boolean =>
    relax.unavailable === true || !f.unavailable[v]!.has(d);
  const ok = (h: number, v: number): boolean => eligible(f, h, v, relax) && free(v, dates[h]!);

  // Candidate pairs per host.
  const chosen: Set<number>[] = Array.from({ length: H }, () => new Set<number>());
  if (options.candidates === undefined) {
    for (let h = 0; h < H; h += 1) for (let v = 0; v < V; v += 1) if (ok(h, v)) chosen[h]!.add(v);
  } else {
    // Candidate lists that respect reciprocity by construction: the schools (units) stand in
    // a fixed pseudo-random circle, and a host's candidates are the visitors of the m units
    // just before its own. With m < n/2, "A may visit B" and "B may visit A" never both hold,
    // so hardly any r variable is needed and the model is close to a plain assignment. What
    // it gives up: the direction between two schools is fixed by the circle, not chosen.
    // Visitors without a school, or of a school that hosts nothing, cannot create a reciprocal
    // pair and are spread over the hosts at a stride.
    const k = options.candidates;
    const units = [
      ...new Set([...f.hostUnit, ...f.visitorUnit.filter((u): u is string => u !== undefined)]),
    ];
    const hostingUnits = new Set(f.hostUnit);
    const circle = units
      .filter((u) => hostingUnits.has(u))
      .sort((x, y) => hash(`u${x}`) - hash(`u${y}`) || (x < y ? -1 : 1));
    const position = new Map(circle.map((u, i) => [u, i]));
    const ofUnit = new Map<string, number[]>();
    const loose: number[] = [];
    for (let v = 0; v < V; v += 1) {
      if (f.cap[v]! <= 0) continue;
      const u = f.visitorUnit[v];
      if (u !== undefined && position.has(u)) ofUnit.set(u, [...(ofUnit.get(u) ?? []), v]);
      else loose.push(v);
    }
    const perUnit = Math.max(1, (V - loose.length) / Math.max(1, circle.length));
    const m = Math.max(1, Math.min(Math.floor((circle.length - 1) / 2), Math.ceil(k / perUnit)));
    const n = circle.length;
    const looseOrder = loose.sort((x, y) => hash(`v${x}`) - hash(`v${y}`));
    const looseEach = Math.ceil((looseOrder.length * size * 2) / Math.max(1, H));
    for (let h = 0; h < H; h += 1) {
      const at = position.get(f.hostUnit[h]!)!;
      // At least k candidates with three trained chairs among them: a host whose window is
      // thin (own board, people away that day) reaches further round the circle.
      let trainedSeen = 0;
      for (let d = 1; d < n && (d <= m || trainedSeen < 3 || chosen[h]!.size < k); d += 1) {
        const u = circle[(((at - d) % n) + n) % n]!;
        for (const v of ofUnit.get(u) ?? []) {
          if (!ok(h, v)) continue;
          chosen[h]!.add(v);
          if (f.trained[v]) trainedSeen += 1;
        }
      }
      const start = Math.floor((h * looseOrder.length) / Math.max(1, H));
      for (let i = 0; i < looseEach && looseOrder.length > 0; i += 1) {
        const v = looseOrder[(start + i) % looseOrder.length]!;
        if (ok(h, v)) chosen[h]!.add(v);
      }
    }
  }
  for (const s of lockSplit.seats) chosen[s.h]!.add(s.v);
  for (const p of options.extraPairs ?? []) if (ok(p.h, p.v)) chosen[p.h]!.add(p.v);

  const model = new LpModel();
  const pairs: TeamsModel['pairs'] = [];
  const pairsOf: number[][] = Array.from({ length: V }, () => []);
  const byHost: number[][] = Array.from({ length: H }, () => []);
  for (let h = 0; h < H; h += 1) {
    for (const v of [...chosen[h]!].sort((x, y) => x - y)) {
      const a = model.addVar('binary');
      const c = f.trained[v] || relax.chairs ? model.addVar('binary') : -1;
      pairsOf[v]!.push(pairs.length);
      byHost[h]!.push(pairs.length);
      pairs.push({ h, v, a, c });
    }
  }
  const hostsWithoutPairs: number[] = [];
  for (let h = 0; h < H; h += 1) {
    const mine = byHost[h]!.map((p) => pairs[p]!);
    if (mine.length < size) hostsWithoutPairs.push(h);
    model.addRow(
      'seats',
      mine.map((p) => p.a),
      1,
      '=',
      size,
    );
    if (!relax.chairs) {
      model.addRow(
        'chairs',
        mine.filter((p) => p.c >= 0).map((p) => p.c),
        1,
        '=',
        1,
      );
    } else {
      model.addRow(
        'seats',
        mine.map((p) => p.c),
        1,
        '=',
        1,
      );
    }
    for (const p of mine) if (p.c >= 0) model.addRow('chairs', [p.c, p.a], [1, -1], '<=', 0);
  }

  // Load: the cap through the y's bounds; relaxed, anyone may take every candidate visit.
  const extraVisits: number[][] = Array.from({ length: V }, () => []);
  for (let v = 0; v < V; v += 1) {
    const mine = pairsOf[v]!.map((p) => pairs[p]!);
    if (mine.length === 0) continue;
    const max = relax.maxVisits ? mine.length : Math.min(f.cap[v]!, mine.length);
    if (mine.length > 1 || max < 1) {
      const ys: number[] = [];
      for (let k = 2; k <= max; k += 1) ys.push(model.addVar('continuous', k - 1, 0, 1));
      extraVisits[v] = ys;
      model.addRow(
        'max-visits',
        [...mine.map((p) => p.a), ...ys],
        [...mine.map(() => 1), ...ys.map(() => -1)],
        '<=',
        Math.min(1, max),
      );
    }
    if (!relax.onePerDay && mine.length > 1) {
      const byDay = new Map<LocalDate, number[]>();
      for (const p of mine) byDay.set(dates[p.h]!, [...(byDay.get(dates[p.h]!) ?? []), p.a]);
      for (const xs of byDay.values())
        if (xs.length > 1) model.addRow('one-per-day', xs, 1, '<=', 1);
    }
  }

  // Reciprocity between schools with candidates in both directions, one row per direction:
  //   Σ_{A→B} a ≤ M·r,  Σ_{B→A} a ≤ M'·(1 − r)
  // (M: the seats that direction could fill at most). Weaker in the LP than a row per pair but
  // far smaller, and the load objective's bound does not come from these rows anyway.
  const links: TeamsModel['links'] = [];
  if (!relax.reciprocity) {
    const directed = new Map<string, number[]>();
    const hostsOfUnit = new Map<string, number>();
    for (let h = 0; h < H; h += 1)
      hostsOfUnit.set(f.hostUnit[h]!, (hostsOfUnit.get(f.hostUnit[h]!) ?? 0) + 1);
    for (const p of pairs) {
      const from = f.visitorUnit[p.v];
      const to = f.hostUnit[p.h]!;
      if (from === undefined || from === to) continue;
      const k = `${from}\u0000${to}`;
      const list = directed.get(k);
      if (list) list.push(p.a);
      else directed.set(k, [p.a]);
    }
    for (const [k, forward] of directed) {
      const [from, to] = k.split('\u0000') as [string, string];
      if (from > to) continue;
      const backward = directed.get(`${to}\u0000${from}`);
      if (!backward) continue;
      const r = model.addVar('binary');
      links.push({ a: from, b: to, r });
      const mForward = Math.min(forward.length, (hostsOfUnit.get(to) ?? 1) * size);
      const mBackward = Math.min(backward.length, (hostsOfUnit.get(from) ?? 1) * size);
      model.addRow('reciprocity', [...forward, r], [...forward.map(() => 1), -mForward], '<=', 0);
      model.addRow(
        'reciprocity',
        [...backward, r],
        [...backward.map(() => 1), mBackward],
        '<=',
        mBackward,
      );
    }
  }

  for (const s of lockSplit.seats) {
    const p = pairs.find((q) => q.h === s.h && q.v === s.v);
    if (!p) continue;
    model.fix(p.a, 1);
    if (p.c >= 0 && s.role === 'chair') model.fix(p.c, 1);
    if (p.c >= 0 && s.role === 'member') model.fix(p.c, 0);
  }
  return {
    model,
    pairs,
    pairsOf,
    extraVisits,
    links,
    hostsWithoutPairs,
    candidatesPerHost: options.candidates,
  };
}

/** Every host's team from a solution. */
export function readTeams(f: Facts, m: TeamsModel, values: Float64Array): TeamSeat[][] {
  const teams: TeamSeat[][] = Array.from({ length: f.instance.hosts.length }, () => []);
  for (const p of m.pairs) {
    if (values[p.a]! < 0.5) continue;
    const chair = p.c >= 0 && values[p.c]! > 0.5;
    teams[p.h]!.push({ visitorId: f.instance.visitors[p.v]!.id, role: chair ? 'chair' : 'member' });
  }
  // The chair first, then the members in the order of the instance.
  for (const team of teams)
    team.sort((x, y) => (x.role === y.role ? 0 : x.role === 'chair' ? -1 : 1));
  return teams;
}

/**
 * A first feasible solution for HiGHS to start from (a MIP start), built greedily over the
 * model's own pairs: hosts with the fewest candidates first, each seat to the least-loaded
 * candidate who is free that day, under their maximum and not reversing a direction between
 * two schools already used. With it HiGHS spends its time improving and proving instead of
 * searching for a first schedule; undefined when the greedy pass gets stuck.
 */
export function greedyStart(
  f: Facts,
  m: TeamsModel,
  dates: readonly LocalDate[],
  locks: readonly ScheduleLock[],
  attempt = 0,
): Float64Array | undefined {
  const { instance, size } = f;
  const H = instance.hosts.length;
  const load = new Array<number>(instance.visitors.length).fill(0);
  const busy = new Set<string>();
  const used = new Set<string>();
  const picked: { p: number; chair: boolean }[] = [];
  const byHost: number[][] = Array.from({ length: H }, () => []);
  m.pairs.forEach((p, i) => byHost[p.h]!.push(i));
  const lockSplit = splitLocks(f, locks);
  const lockedAt = new Map<number, { v: number; role?: 'chair' | 'member' }[]>();
  for (const s of lockSplit.seats) lockedAt.set(s.h, [...(lockedAt.get(s.h) ?? []), s]);
  const order = [...Array(H).keys()].sort(
    (x, y) =>
      (lockedAt.has(y) ? 1 : 0) - (lockedAt.has(x) ? 1 : 0) ||
      byHost[x]!.length - byHost[y]!.length ||
      hash(`${attempt}:${x}`) - hash(`${attempt}:${y}`),
  );
  const allowed = (i: number): boolean => {
    const p = m.pairs[i]!;
    if (load[p.v]! >= f.cap[p.v]!) return false;
    if (busy.has(`${p.v}|${dates[p.h]!}`)) return false;
    const from = f.visitorUnit[p.v];
    const to = f.hostUnit[p.h]!;
    return from === undefined || from === to || !used.has(`${to}\u0000${from}`);
  };
  const take = (i: number, chair: boolean): void => {
    const p = m.pairs[i]!;
    load[p.v]! += 1;
    busy.add(`${p.v}|${dates[p.h]!}`);
    const from = f.visitorUnit[p.v];
    if (from !== undefined) used.add(`${from}\u0000${f.hostUnit[p.h]!}`);
    picked.push({ p: i, chair });
  };
  const best = (list: number[]): number | undefined => {
    let choice: number | undefined;
    let key = Infinity;
    for (const i of list) {
      if (!allowed(i)) continue;
      const p = m.pairs[i]!;
      const k = load[p.v]! * 4_294_967_296 + hash(`${attempt}:${p.v}:${p.h}`);
      if (k < key) {
        key = k;
        choice = i;
      }
    }
    return choice;
  };
  for (const h of order) {
    const mine = byHost[h]!;
    const team = new Set<number>();
    let chair = false;
    for (const s of lockedAt.get(h) ?? []) {
      const i = mine.find((q) => m.pairs[q]!.v === s.v);
      if (i === undefined) return undefined;
      const asChair = s.role === 'chair';
      take(i, asChair);
      chair ||= asChair;
      team.add(i);
    }
    if (!chair) {
      const i = best(
        mine.filter((q) => m.pairs[q]!.c >= 0 && !team.has(q) && f.trained[m.pairs[q]!.v]),
      );
      if (i === undefined) return undefined;
      take(i, true);
      team.add(i);
    }
    while (team.size < size) {
      const i = best(mine.filter((q) => !team.has(q)));
      if (i === undefined) return undefined;
      take(i, false);
      team.add(i);
    }
  }
  const x = new Float64Array(m.model.varCount);
  for (const { p, chair } of picked) {
    x[m.pairs[p]!.a] = 1;
    if (chair) x[m.pairs[p]!.c] = 1;
  }
  load.forEach((l, v) => m.extraVisits[v]!.forEach((y, k) => (x[y] = l >= k + 2 ? 1 : 0)));
  for (const l of m.links) x[l.r] = used.has(`${l.a}\u0000${l.b}`) ? 1 : 0;
  return x;
}

/**
 * A greedy team for every host over all eligible visitors (not only a candidate list), for
 * the dates fixed: the chair first, then members, each time the least-loaded visitor who is
 * free that day, under their maximum and not reversing a direction between schools already
 * used. Its pairs join the candidate lists, so the restricted model always contains at least
 * this schedule, and it serves as the MIP start. Hosts it cannot fill are left out.
 */
export function greedyAssignment(
  f: Facts,
  dates: readonly LocalDate[],
): { h: number; v: number; chair: boolean }[] {
  const { instance, size } = f;
  const H = instance.hosts.length;
  const V = instance.visitors.length;
  const load = new Array<number>(V).fill(0);
  const busy = new Set<string>();
  const used = new Set<string>();
  const maxCap = f.cap.reduce((m, c) => Math.max(m, c), 0);
  // Buckets of visitors by load; an entry is stale once its visitor's load moved on.
  const buckets: number[][] = Array.from({ length: maxCap + 1 }, () => []);
  for (let v = 0; v < V; v += 1) if (f.cap[v]! > 0) buckets[0]!.push(v);
  buckets[0]!.sort((x, y) => hash(`g${x}`) - hash(`g${y}`));
  const out: { h: number; v: number; chair: boolean }[] = [];
  for (let h = 0; h < H; h += 1) {
    const date = dates[h]!;
    const hostUnit = f.hostUnit[h]!;
    const team: number[] = [];
    const fits = (v: number, chair: boolean): boolean => {
      if (team.includes(v) || (chair && !f.trained[v])) return false;
      if (load[v]! >= f.cap[v]! || busy.has(`${v}|${date}`) || f.unavailable[v]!.has(date))
        return false;
      if (!eligible(f, h, v)) return false;
      const from = f.visitorUnit[v];
      return from === undefined || from === hostUnit || !used.has(`${hostUnit}\u0000${from}`);
    };
    const find = (chair: boolean): number | undefined => {
      for (let level = 0; level <= maxCap; level += 1) {
        const bucket = buckets[level]!;
        const n = bucket.length;
        const start = n === 0 ? 0 : hash(`h${h}`) % n;
        // Members: untrained people first, so that the trained stay free to chair.
        for (const pass of chair ? [true] : [false, true]) {
          for (let i = 0; i < n; i += 1) {
            const v = bucket[(start + i) % n]!;
            if (!chair && f.trained[v] !== pass) continue;
            if (load[v] === level && fits(v, chair)) return v;
          }
        }
      }
      return undefined;
    };
    const picks: { v: number; chair: boolean }[] = [];
    const chair = find(true);
    if (chair === undefined) continue;
    team.push(chair);
    picks.push({ v: chair, chair: true });
    while (team.length < size) {
      const v = find(false);
      if (v === undefined) break;
      team.push(v);
      picks.push({ v, chair: false });
    }
    if (team.length < size) continue;
    for (const p of picks) {
      load[p.v]! += 1;
      buckets[load[p.v]!]?.push(p.v);
      busy.add(`${p.v}|${date}`);
      const from = f.visitorUnit[p.v];
      if (from !== undefined && from !== hostUnit) used.add(`${from}\u0000${hostUnit}`);
      out.push({ h, ...p });
    }
  }
  return out;
}

/** A MIP start from a complete assignment (every host's team), or undefined. */
export function startFrom(
  f: Facts,
  m: TeamsModel,
  assignment: readonly { h: number; v: number; chair: boolean }[],
): Float64Array | undefined {
  const hosts = new Set(assignment.map((a) => a.h));
  if (hosts.size !== f.instance.hosts.length) return undefined;
  const index = new Map(m.pairs.map((p, i) => [`${p.h}|${p.v}`, i]));
  const x = new Float64Array(m.model.varCount);
  const load = new Array<number>(f.instance.visitors.length).fill(0);
  const used = new Set<string>();
  for (const a of assignment) {
    const i = index.get(`${a.h}|${a.v}`);
    if (i === undefined) return undefined;
    const p = m.pairs[i]!;
    x[p.a] = 1;
    if (a.chair) {
      if (p.c < 0) return undefined;
      x[p.c] = 1;
    }
    load[a.v]! += 1;
    const from = f.visitorUnit[a.v];
    if (from !== undefined) used.add(`${from}\u0000${f.hostUnit[a.h]!}`);
  }
  load.forEach((l, v) => m.extraVisits[v]!.forEach((y, k) => (x[y] = l >= k + 2 ? 1 : 0)));
  for (const l of m.links) x[l.r] = used.has(`${l.a}\u0000${l.b}`) ? 1 : 0;
  return x;
}
