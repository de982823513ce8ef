// `npm run bench:schedule`: the visitation schedule solver (libs/scheduling) on synthetic
// programmes of three sizes, against a greedy baseline written here. No services: the solver is
// pure computation (HiGHS in WebAssembly, single-threaded). Sizes with BENCH_SIZES=swv,joint,large.
import os from 'node:os';
import {
  type LocalDate,
  type Schedule,
  type TeamSeat,
  type VisitationInstance,
  checkSchedule,
  hostVisitDays,
  mayVisit,
  scoreSchedule,
  visitorCapacity,
  weekOf,
} from '@jaarcyclus/domain';
import { proposeSchedule, syntheticInstance } from '@jaarcyclus/scheduling';

const THREE_WINDOWS = [
  { start: '2026-10-01', end: '2026-12-18' },
  { start: '2027-01-11', end: '2027-03-26' },
  { start: '2027-04-06', end: '2027-06-11' },
];

const SIZES: Record<string, { label: string; limit: number; make: () => VisitationInstance }> = {
  // One SWV (source 001 §1: 10 boards, 31 schools, 34 locations): one region, October–March.
  swv: {
    label: 'one SWV: 35 hosts, 120 visitors',
    limit: 10,
    make: () =>
      syntheticInstance({ seed: 1, hosts: 35, visitors: 120, boards: 10, regions: ['noord'] }),
  },
  // A joint region: two SWVs in two holiday regions, partner visitors, three windows.
  joint: {
    label: 'joint region: 300 hosts, 900 visitors, 3 windows, 2 regions',
    limit: 10,
    make: () =>
      syntheticInstance({
        seed: 2,
        hosts: 300,
        visitors: 900,
        regions: ['noord', 'midden'],
        windows: THREE_WINDOWS,
        partnerShare: 0.1,
      }),
  },
  large: {
    label: 'large: 2,000 hosts, 6,000 visitors, 3 windows, 3 regions',
    limit: 50,
    make: () =>
      syntheticInstance({
        seed: 3,
        hosts: 2000,
        visitors: 6000,
        regions: ['noord', 'midden', 'zuid'],
        windows: THREE_WINDOWS,
        partnerShare: 0.1,
      }),
  },
};

/**
 * The baseline: what a careful person with a spreadsheet would do, as code. Dates host by host
 * on the possible day whose week (then day) has the fewest visits so far; teams host by host,
 * the least-loaded free trained chair first, then the least-loaded free members, never against
 * a direction between two schools already used. No look-ahead, no backtracking.
 */
function greedy(inst: VisitationInstance): { schedule?: Schedule; stuckAt?: string } {
  const perWeek = new Map<LocalDate, number>();
  const perDay = new Map<LocalDate, number>();
  const load = new Map<string, number>();
  const busy = new Set<string>();
  const directions = new Set<string>();
  const visits: Schedule['visits'] = [];
  const unit = (schoolId: string | undefined, id: string) => schoolId ?? `host:${id}`;
  for (const host of inst.hosts) {
    const days = hostVisitDays(inst, host);
    if (days.length === 0) return { stuckAt: host.name };
    const date = days.reduce((best, d) => {
      const key = (x: LocalDate) => (perWeek.get(weekOf(x)) ?? 0) * 1000 + (perDay.get(x) ?? 0);
      return key(d) < key(best) ? d : best;
    });
    perWeek.set(weekOf(date), (perWeek.get(weekOf(date)) ?? 0) + 1);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
    const hostUnit = unit(host.schoolId, host.id);
    const free = inst.visitors
      .filter(
        (v) =>
          mayVisit(host, v) &&
          !(v.unavailable ?? []).includes(date) &&
          !busy.has(`${v.id}|${date}`) &&
          (load.get(v.id) ?? 0) < visitorCapacity(inst, v) &&
          !(v.schoolId !== undefined && directions.has(`${hostUnit}>${v.schoolId}`)),
      )
      .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0));
    const chair = free.find((v) => v.trainedChair);
    if (!chair) return { stuckAt: host.name };
    const members = free.filter((v) => v !== chair).slice(0, inst.teamSize - 1);
    if (members.length < inst.teamSize - 1) return { stuckAt: host.name };
    const team: TeamSeat[] = [
      { visitorId: chair.id, role: 'chair' },
      ...members.map((v): TeamSeat => ({ visitorId: v.id, role: 'member' })),
    ];
    for (const v of [chair, ...members]) {
      load.set(v.id, (load.get(v.id) ?? 0) + 1);
      busy.add(`${v.id}|${date}`);
      if (v.schoolId !== undefined && v.schoolId !== hostUnit)
        directions.add(`${v.schoolId}>${hostUnit}`);
    }
    visits.push({ hostId: host.id, date, team });
  }
  return { schedule: { visits } };
}

function cpu(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

const fmt = (x: number, digits = 2): string =>
  Number.isFinite(x) ? String(Math.round(x * 10 ** digits) / 10 ** digits) : '–';

async function main(): Promise<void> {
  const wanted = (process.env.BENCH_SIZES ?? 'swv,joint,large').split(',');
  console.log(
    `machine: ${cpu()}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const rows: string[] = [];
  for (const key of wanted) {
    const size = SIZES[key];
    if (!size) throw new Error(`unknown size ${key}`);
    const inst = size.make();
    const t0 = performance.now();
    const p = await proposeSchedule(inst, {
      timeLimitSeconds: size.limit,
      ...(process.env.BENCH_TRACE ? { trace: (l: string) => console.log(`  ${key}: ${l}`) } : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const g = greedy(inst);
    const greedySeconds = (performance.now() - t1) / 1000;
    const greedyScore = g.schedule ? scoreSchedule(inst, g.schedule) : undefined;
    const greedyViolations = g.schedule ? checkSchedule(inst, g.schedule).length : NaN;
    const violations = p.schedule ? checkSchedule(inst, p.schedule).length : NaN;
    const teams = p.stages.teams;
    console.log(
      `${size.label}: ${p.status} in ${fmt(seconds)} s (dates ${fmt(p.stages.dates?.seconds ?? NaN)} s, teams ${fmt(teams?.seconds ?? NaN)} s, ${teams?.columns ?? 0} columns, ${teams?.candidatesPerHost ?? 'all'} candidates per host)`,
    );
    console.log(
      `  objective ${fmt(p.objective.total)} (spread ${fmt(p.objective.spread)}, load ${p.objective.load}); HiGHS gap ${fmt((p.gap ?? NaN) * 100, 3)} %; load bound ${p.loadBound} (${p.loadOptimal ? 'reached' : 'not reached'}); checker: ${violations} violations`,
    );
    console.log(
      `  greedy: ${greedyScore ? `${fmt(greedyScore.total)} (spread ${fmt(greedyScore.spread)}, load ${greedyScore.load}), ${greedyViolations} violations` : `stuck at ${g.stuckAt}`} in ${fmt(greedySeconds)} s`,
    );
    const target = size.limit === 10 ? 'optimal or gap < 1 % in < 10 s' : 'feasible in < 60 s';
    const met =
      size.limit === 10
        ? p.schedule !== undefined && (p.gap ?? 1) < 0.01 && seconds < 10
        : p.schedule !== undefined && seconds < 60;
    rows.push(
      `| ${size.label} | ${p.status} | ${fmt(seconds)} | ${fmt(p.objective.total)} (${fmt(p.objective.spread)} + ${p.objective.load}) | ${fmt((p.gap ?? NaN) * 100, 3)} % | ${p.loadBound} | ${teams?.candidatesPerHost ?? 'all'} | ${greedyScore ? `${fmt(greedyScore.total)} (${fmt(greedyScore.spread)} + ${greedyScore.load})` : 'stuck'} | ${violations} | ${target}: ${met ? 'met' : 'NOT met'} |`,
    );
  }
  console.log(
    '\n| instance | status | solve s | objective (spread + load) | HiGHS gap | load bound | candidates per host | greedy objective | checker violations | target |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
