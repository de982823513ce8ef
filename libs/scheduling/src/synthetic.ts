import {
  type LocalDate,
  type SchoolRegion,
  type VisitWindow,
  type VisitationHost,
  type VisitationInstance,
  type Visitor,
  addDays,
  weekdayOf,
} from '@jaarcyclus/domain';

/** A seeded pseudo-random generator (mulberry32): same seed, same instance, on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  seed: number;
  hosts: number;
  visitors: number;
  schoolYear?: string;
  /** The hosts' holiday regions, in equal shares (default noord). */
  regions?: SchoolRegion[];
  windows?: VisitWindow[];
  teamSize?: number;
  maxVisits?: number;
  /** Default: one board per four schools; board sizes fall off as 1/rank. */
  boards?: number;
  trainedShare?: number;
  /** Days each visitor marks unavailable, on average. */
  unavailableDays?: number;
  /** Share of hosts that are a second location of a school already hosted. */
  locationShare?: number;
  /** Share of visitors from schools of a partner SWV that hosts nothing. */
  partnerShare?: number;
}

/**
 * A synthetic programme shaped like the real ones (docs/domain.md §3, source 001 §1: boards of
 * very different sizes, schools with more than one location, visitors spread over the schools,
 * some trained as chair, a few days each marked unavailable). For the bench and the property
 * tests; no real names or people.
 */
export function syntheticInstance(o: SyntheticOptions): VisitationInstance {
  const rnd = mulberry32(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const schoolYear = o.schoolYear ?? '2026-2027';
  const regions = o.regions ?? ['noord'];
  const y0 = Number(schoolYear.slice(0, 4));
  const windows = o.windows ?? [{ start: `${y0}-10-01`, end: `${y0 + 1}-03-31` }];
  const locations = Math.floor(o.hosts * (o.locationShare ?? 0.1));
  const schools = Math.max(1, o.hosts - locations);
  const boardCount = Math.max(1, o.boards ?? Math.ceil(schools / 4));
  // Board sizes ∝ 1/rank, but no board above a fifth of the schools.
  const weights = Array.from({ length: boardCount }, (_, j) => 1 / (j + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const boardOf: string[] = [];
  const perBoard = weights.map((w) =>
    Math.max(1, Math.min(Math.ceil(schools / 5), Math.round((w / total) * schools))),
  );
  for (let j = 0, s = 0; s < schools; j = (j + 1) % boardCount) {
    for (let n = 0; n < perBoard[j]! && s < schools; n += 1, s += 1) boardOf.push(`b${j + 1}`);
  }
  const regionOfBoard = new Map<string, SchoolRegion>();
  const hosts: VisitationHost[] = [];
  for (let s = 0; s < schools; s += 1) {
    const board = boardOf[s]!;
    if (!regionOfBoard.has(board))
      regionOfBoard.set(board, regions[regionOfBoard.size % regions.length]!);
    hosts.push({
      id: `h${s + 1}`,
      name: `School ${s + 1}`,
      kind: 'school',
      schoolId: `s${s + 1}`,
      boardId: board,
      swvId: `swv${regions.indexOf(regionOfBoard.get(board)!) + 1}`,
      region: regionOfBoard.get(board)!,
    });
  }
  for (let l = 0; l < locations; l += 1) {
    const of = hosts[Math.floor(rnd() * schools)]!;
    hosts.push({
      ...of,
      id: `h${schools + l + 1}`,
      name: `${of.name}, locatie ${l + 2}`,
      kind: 'location',
    });
  }

  const partnerSchools = Math.max(1, Math.ceil(schools / 10));
  const days: LocalDate[] = [];
  for (const w of windows) {
    for (let d = w.start; d <= w.end; d = addDays(d, 1)) if (weekdayOf(d) <= 5) days.push(d);
  }
  const visitors: Visitor[] = [];
  for (let i = 0; i < o.visitors; i += 1) {
    const partner = rnd() < (o.partnerShare ?? 0);
    const s = partner
      ? Math.floor(rnd() * partnerSchools)
      : i < schools
        ? i
        : Math.floor(rnd() * schools);
    const away = Math.round((o.unavailableDays ?? 4) * 2 * rnd());
    const unavailable = [...new Set(Array.from({ length: away }, () => pick(days)))].sort();
    visitors.push({
      id: `v${i + 1}`,
      name: `Visitator ${i + 1}`,
      schoolId: partner ? `p${s + 1}` : `s${s + 1}`,
      boardId: partner ? `pb${(s % 3) + 1}` : boardOf[s]!,
      swvId: partner ? 'partner' : hosts[s]!.swvId!,
      trainedChair: rnd() < (o.trainedShare ?? 0.35),
      ...(unavailable.length > 0 ? { unavailable } : {}),
    });
  }
  return {
    programmeId: `synthetic-${o.seed}`,
    schoolYear,
    kind: 'collegiale-visitatie',
    playbook: 'draaiboek-collegiale-visitatie',
    hosts,
    visitors,
    teamSize: o.teamSize ?? 3,
    windows,
    maxVisitsPerVisitor: o.maxVisits ?? 2,
  };
}
