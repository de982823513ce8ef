import {
  DomainError,
  type LocalDate,
  type Schedule,
  type ScheduleLock,
  type VisitationExplanation,
  type VisitationInstance,
  checkSchedule,
  countingChecks,
  loadLowerBound,
  validateInstance,
} from '@jaarcyclus/domain';
import { type DatesModel, buildDates, readDates } from './dates';
import { type Facts, type Relax, facts } from './facts';
import { type SolveResult, type SolveStatus, solve } from './highs';
import {
  type TeamsModel,
  buildTeams,
  greedyAssignment,
  greedyStart,
  readTeams,
  startFrom,
} from './teams';

/**
 * Proposes a schedule for a visitatieprogramma (docs/domain.md §3) with the HiGHS MILP solver,
 * in two stages: first a date per host (dates.ts), then a team per visit (teams.ts).
 *
 * What the decomposition gives up, against one model over visitor × host × date:
 * - The objective is lexicographic: the spread over the windows is optimised first and the
 *   load over visitors only for the dates stage 1 fixed. A schedule with a slightly worse
 *   spread and a more even load is never looked at.
 * - Stage 1 sees the visitors only as counts per day (free visitors and trained chairs on the
 *   day; per host, a team's worth of free visitors from outside its school and board). Stage 2
 *   can therefore be infeasible for the dates chosen where a joint model would have found other
 *   dates that work (say two hosts that both need the same three free people on a day); it then
 *   reports infeasible with the group of rules that blocks it.
 * - On large instances (more eligible pairs than `FULL_PAIRS`), stage 2 considers a list of
 *   candidates per host instead of every eligible visitor: the visitors of the schools just
 *   before the host's own on a fixed pseudo-random circle (so that the direction between two
 *   schools is settled by the circle, not chosen by the solver; see teams.ts), at least
 *   `DEFAULT_CANDIDATES_PER_SEAT` per seat, plus the pairs of a greedy schedule over every
 *   eligible visitor, which is also the MIP start. Its optimality is relative to those lists;
 *   when its load equals the domain's counting bound (`loadLowerBound`) the load is optimal all
 *   the same, and `loadOptimal` says so.
 * In return, stage 1 has a few hundred variables whatever the number of hosts (hosts with the
 * same possible days are counted, not chosen one by one) and stage 2 has one variable per
 * candidate pair instead of one per pair and day.
 */
export interface ProposeOptions {
  locks?: readonly ScheduleLock[];
  /** For both stages together (default 30). */
  timeLimitSeconds?: number;
  /** Relative gap at which HiGHS stops and calls a stage optimal (default 1e-4). */
  relativeGap?: number;
  /** Visitors considered per host in stage 2: 'all', a number, or undefined to decide by size. */
  candidatesPerHost?: number | 'all';
  /** Where to report the time each step took (the bench prints it). */
  trace?: (line: string) => void;
}

export interface StageReport {
  status: SolveStatus;
  highsStatus: string;
  objective: number;
  bound: number;
  /** The relative MIP gap HiGHS reports for this stage. */
  gap: number;
  seconds: number;
  columns: number;
  rows: number;
  /** Stage 2: the candidate lists' length, undefined when every eligible visitor was considered. */
  candidatesPerHost?: number;
}

export interface ScheduleProposal {
  /** optimal: both stages proven (within the gap); feasible: a schedule, not proven optimal. */
  status: 'optimal' | 'feasible' | 'infeasible' | 'no-solution';
  schedule?: Schedule;
  /** The objective: spread (stage 1) + load (stage 2), as the domain's scoreSchedule counts it. */
  objective: { spread: number; load: number; total: number };
  /** The largest gap HiGHS reports over the two stages. */
  gap: number;
  /** The counting bound on the load (loadLowerBound) and whether the load reaches it. */
  loadBound: number;
  loadOptimal: boolean;
  stages: { dates?: StageReport; teams?: StageReport };
  /** What binds in the proposal (for the secretariat: what to change to get a better one). */
  binding: VisitationExplanation[];
  /** Why no schedule exists: counting checks, else the groups of rules that block it. */
  infeasibility: VisitationExplanation[];
  /** The domain's checker on the proposal: empty unless the model has a bug. */
  violations: VisitationExplanation[];
  seconds: number;
}

/** Up to this many eligible visitor-host pairs, stage 2 considers every one of them. */
export const FULL_PAIRS = 20_000;
/** Candidates per host in stage 2 on large instances: this many per seat of the team. */
export const DEFAULT_CANDIDATES_PER_SEAT = 16;
/** Beyond this many pairs, stage 2 never falls back to considering every eligible visitor. */
export const MAX_FULL_PAIRS = 400_000;

function report(r: SolveResult, candidatesPerHost?: number): StageReport {
  return {
    status: r.status,
    highsStatus: r.highsStatus,
    objective: r.objective,
    bound: r.bound,
    gap: r.gap,
    seconds: r.seconds,
    columns: r.columns,
    rows: r.rows,
    ...(candidatesPerHost !== undefined ? { candidatesPerHost } : {}),
  };
}

const clock = (): number => performance.now() / 1000;

export async function proposeSchedule(
  instance: VisitationInstance,
  options: ProposeOptions = {},
): Promise<ScheduleProposal> {
  const started = clock();
  const locks = options.locks ?? [];
  const limit = options.timeLimitSeconds ?? 30;
  const gapLimit = options.relativeGap ?? 1e-4;
  const left = (): number => Math.max(0.5, limit - (clock() - started));
  const errors = validateInstance(instance, 'en');
  if (errors.length > 0) {
    throw new DomainError(
      'VALIDATION',
      errors.map((e) => `${e.field}: ${e.message}`).join(' '),
      errors[0]!.field,
    );
  }
  const loadBound = loadLowerBound(instance);
  const none = (
    status: ScheduleProposal['status'],
    infeasibility: VisitationExplanation[],
    stages: ScheduleProposal['stages'] = {},
  ): ScheduleProposal => ({
    status,
    objective: { spread: NaN, load: NaN, total: NaN },
    gap: NaN,
    loadBound,
    loadOptimal: false,
    stages,
    binding: [],
    infeasibility,
    violations: [],
    seconds: clock() - started,
  });

  const trace = (label: string): void => {
    if (options.trace) options.trace(`${label} ${(clock() - started).toFixed(2)} s`);
  };
  const counted = countingChecks(instance, locks);
  trace('counting checks');
  if (counted.length > 0) return none('infeasible', counted);

  const f = facts(instance);
  const H = instance.hosts.length;

  // Stage 1: dates.
  const datesModel = buildDates(f, locks);
  const datesResult = await solve(datesModel.model, {
    timeLimitSeconds: Math.max(1, left() * 0.4),
    relativeGap: gapLimit,
  });
  const dates = report(datesResult);
  if (datesResult.status === 'infeasible') {
    const causes = await diagnose(f, locks, 'dates', undefined, left());
    return none('infeasible', causes, { dates });
  }
  if (datesResult.status !== 'optimal' && datesResult.status !== 'feasible') {
    return none('no-solution', [{ code: 'NO_SOLUTION_IN_TIME', seconds: Math.round(limit) }], {
      dates,
    });
  }
  const chosenDates = readDates(datesModel, datesResult.values, H);
  trace('dates');

  // Stage 2: teams, with candidate lists that grow until a solution is found.
  const eligiblePairs = H * instance.visitors.length;
  let k: number | undefined =
    options.candidatesPerHost === 'all'
      ? undefined
      : (options.candidatesPerHost ??
        (eligiblePairs <= FULL_PAIRS
          ? undefined
          : DEFAULT_CANDIDATES_PER_SEAT * instance.teamSize));
  let teamsModel: TeamsModel;
  let teamsResult: SolveResult;
  // A greedy schedule over every eligible visitor: its pairs join the candidate lists (so the
  // restricted model contains it) and it is the MIP start. Without locks only: a lock may ask
  // for what the greedy pass would not choose.
  const greedy = locks.length === 0 && k !== undefined ? greedyAssignment(f, chosenDates) : [];
  trace(`greedy schedule (${greedy.length} seats)`);
  for (;;) {
    teamsModel = buildTeams(
      f,
      chosenDates,
      locks,
      {},
      k === undefined ? {} : { candidates: k, extraPairs: greedy },
    );
    trace(`teams model (${teamsModel.pairs.length} pairs)`);
    let start = startFrom(f, teamsModel, greedy);
    for (let attempt = 0; attempt < 3 && !start; attempt += 1) {
      start = greedyStart(f, teamsModel, chosenDates, locks, attempt);
    }
    trace(start ? 'greedy start' : 'no greedy start');
    teamsResult = await solve(teamsModel.model, {
      timeLimitSeconds: left(),
      relativeGap: gapLimit,
      ...(start ? { start } : {}),
    });
    trace(`teams ${teamsResult.highsStatus}`);
    const solved = teamsResult.status === 'optimal' || teamsResult.status === 'feasible';
    if (solved || k === undefined || clock() - started > limit) break;
    // Longer lists, up to every eligible visitor while that stays a model HiGHS can take.
    k = k * 2 >= instance.visitors.length ? undefined : k * 2;
    if (k === undefined && eligiblePairs > MAX_FULL_PAIRS) break;
  }
  const teams = report(teamsResult, k);
  if (teamsResult.status === 'infeasible') {
    const causes = await diagnose(f, locks, 'teams', chosenDates, left(), k);
    return none('infeasible', causes, { dates, teams });
  }
  if (teamsResult.status !== 'optimal' && teamsResult.status !== 'feasible') {
    return none('no-solution', [{ code: 'NO_SOLUTION_IN_TIME', seconds: Math.round(limit) }], {
      dates,
      teams,
    });
  }

  const seats = readTeams(f, teamsModel, teamsResult.values);
  const schedule: Schedule = {
    visits: instance.hosts.map((h, i) => ({
      hostId: h.id,
      date: chosenDates[i]!,
      team: seats[i]!,
    })),
  };
  const violations = checkSchedule(instance, schedule, locks);
  trace('checker');
  const spread = round(datesResult.objective);
  const load = round(teamsResult.objective);
  return {
    status:
      datesResult.status === 'optimal' && teamsResult.status === 'optimal' ? 'optimal' : 'feasible',
    schedule,
    objective: { spread, load, total: round(spread + load) },
    gap: Math.max(datesResult.gap, teamsResult.gap),
    loadBound,
    loadOptimal: load <= loadBound + 1e-6,
    stages: { dates, teams },
    binding: binding(f, locks, datesModel, datesResult, teamsModel, teamsResult, schedule),
    infeasibility: [],
    violations,
    seconds: clock() - started,
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** What binds: the inequality groups with tight rows in the solution, with counts. */
function binding(
  f: Facts,
  locks: readonly ScheduleLock[],
  dm: DatesModel,
  dr: SolveResult,
  tm: TeamsModel,
  tr: SolveResult,
  schedule: Schedule,
): VisitationExplanation[] {
  const out: VisitationExplanation[] = [];
  const { instance } = f;
  let fullDays = 0;
  for (const [d, row] of dm.dayRow) {
    const cap = dm.dayCapacity.get(d) ?? 0;
    if (cap > 0 && dr.rowValues[row]! >= cap - 1e-6) fullDays += 1;
  }
  if (fullDays > 0) out.push({ code: 'BINDS_DAY_CAPACITY', days: fullDays });
  // A week one or more visits away from its share (beyond rounding).
  const weeksOver = dm.weeks.filter(
    (w) =>
      dr.values[w.over1]! + dr.values[w.over]! - (w.target - Math.floor(w.target + 1e-9)) >=
      1 - 1e-6,
  ).length;
  const weeksUnder = dm.weeks.filter(
    (w) => dr.values[w.under]! + (w.target - Math.floor(w.target + 1e-9)) >= 1 - 1e-6,
  ).length;
  if (weeksOver + weeksUnder > 0) out.push({ code: 'BINDS_WINDOWS', weeksOver, weeksUnder });

  const load = new Map<string, number>();
  for (const v of schedule.visits)
    for (const s of v.team) load.set(s.visitorId, (load.get(s.visitorId) ?? 0) + 1);
  const atMax = instance.visitors.filter(
    (v, i) => f.cap[i]! > 0 && (load.get(v.id) ?? 0) >= f.cap[i]!,
  );
  if (atMax.length > 0) {
    out.push({
      code: 'BINDS_MAX_VISITS',
      visitors: atMax.length,
      maxVisits: instance.maxVisitsPerVisitor,
    });
  }
  const trained = instance.visitors.filter((v, i) => v.trainedChair && f.cap[i]! > 0);
  const chairs = new Set(
    schedule.visits.flatMap((v) =>
      v.team.filter((s) => s.role === 'chair').map((s) => s.visitorId),
    ),
  );
  if (trained.length > 0 && trained.every((v) => chairs.has(v.id) && atMax.includes(v))) {
    out.push({ code: 'BINDS_CHAIRS', chairs: trained.length, visits: instance.hosts.length });
  }
  // A reciprocity link binds when the direction it allowed is used (the other had candidates).
  let pairs = 0;
  if (tm.links.length > 0) {
    const used = new Set<string>();
    for (const p of tm.pairs) {
      if (tr.values[p.a]! < 0.5) continue;
      const from = f.visitorUnit[p.v];
      if (from !== undefined) used.add(`${from}\u0000${f.hostUnit[p.h]!}`);
    }
    for (const l of tm.links)
      if (used.has(`${l.a}\u0000${l.b}`) || used.has(`${l.b}\u0000${l.a}`)) pairs += 1;
  }
  if (pairs > 0) out.push({ code: 'BINDS_RECIPROCITY', pairs });
  if (locks.length > 0) out.push({ code: 'BINDS_LOCKS', locks: locks.length });
  return out;
}

type Group = keyof Relax;

/**
 * Relaxes one group of rules at a time and solves again: every group whose relaxation alone
 * gives a schedule is a cause, said with its counts. None: the rules only block it together.
 */
async function diagnose(
  f: Facts,
  locks: readonly ScheduleLock[],
  stage: 'dates' | 'teams',
  dates: LocalDate[] | undefined,
  seconds: number,
  candidates?: number,
): Promise<VisitationExplanation[]> {
  const { instance } = f;
  const groups: Group[] =
    stage === 'dates'
      ? ['dayCapacity', 'unavailable', 'ownBoard', 'chairs', 'locks']
      : ['reciprocity', 'onePerDay', 'unavailable', 'ownBoard', 'maxVisits', 'chairs', 'locks'];
  const relevant = groups.filter((g) => {
    if (g === 'locks') return locks.length > 0;
    if (g === 'unavailable') return instance.visitors.some((v) => (v.unavailable ?? []).length > 0);
    if (g === 'ownBoard') return instance.hosts.some((h) => h.boardId !== undefined);
    return true;
  });
  const each = Math.max(0.5, seconds / Math.max(1, relevant.length));
  const causes: VisitationExplanation[] = [];
  for (const g of relevant) {
    const relax: Relax = { [g]: true };
    const model =
      stage === 'dates'
        ? buildDates(f, locks, relax).model
        : buildTeams(f, dates!, locks, relax, candidates === undefined ? {} : { candidates }).model;
    const r = await solve(model, { timeLimitSeconds: each, relativeGap: 1 });
    if (r.status === 'optimal' || r.status === 'feasible') causes.push(cause(f, g, locks, dates));
  }
  return causes.length > 0 ? causes : [{ code: 'CAUSE_COMBINATION', groups: relevant.length }];
}

function cause(
  f: Facts,
  g: Group,
  locks: readonly ScheduleLock[],
  dates: LocalDate[] | undefined,
): VisitationExplanation {
  const { instance } = f;
  const visits = instance.hosts.length;
  const active = instance.visitors.filter((_, i) => f.cap[i]! > 0);
  switch (g) {
    case 'reciprocity':
      return {
        code: 'CAUSE_RECIPROCITY',
        visits,
        units: new Set([...f.hostUnit, ...f.visitorUnit.filter((u) => u !== undefined)]).size,
      };
    case 'onePerDay':
      return { code: 'CAUSE_ONE_VISIT_PER_DAY', visits, days: new Set(dates ?? []).size };
    case 'unavailable': {
      const marked = active.filter((v) => (v.unavailable ?? []).length > 0);
      return {
        code: 'CAUSE_UNAVAILABLE_DATES',
        visitors: marked.length,
        dates: marked.reduce((s, v) => s + (v.unavailable ?? []).length, 0),
      };
    }
    case 'ownBoard':
      return { code: 'CAUSE_OWN_BOARD', hosts: visits };
    case 'maxVisits':
      return {
        code: 'CAUSE_MAX_VISITS',
        visitors: active.length,
        maxVisits: instance.maxVisitsPerVisitor,
        seats: visits * instance.teamSize,
      };
    case 'chairs':
      return { code: 'CAUSE_CHAIRS', visits, chairs: active.filter((v) => v.trainedChair).length };
    case 'dayCapacity':
      return { code: 'CAUSE_DAY_CAPACITY', visits, days: new Set(f.baseDays.flat()).size };
    case 'locks':
      return { code: 'CAUSE_LOCKS', locks: locks.length };
  }
}
