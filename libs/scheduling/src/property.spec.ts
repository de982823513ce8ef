import {
  type SchoolRegion,
  type VisitationInstance,
  addDays,
  checkSchedule,
  explain,
  loadLowerBound,
  scoreSchedule,
  weekdayOf,
} from '@jaarcyclus/domain';
import { proposeSchedule } from './propose';
import { resolveSeat } from './resolve-seat';
import { mulberry32, syntheticInstance } from './synthetic';

/**
 * Property tests over seeded random programmes: whatever the solver proposes passes the domain's
 * checker (written apart from the model), its objective is the domain's score, its load is no
 * better than the counting bound allows, and when it finds nothing it says why in words.
 */
function randomInstance(seed: number): VisitationInstance {
  const rnd = mulberry32(seed * 7919);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const regions: SchoolRegion[][] = [['noord'], ['midden'], ['zuid'], ['noord', 'zuid']];
  const start = addDays('2026-09-07', int(0, 120));
  const inst = syntheticInstance({
    seed,
    hosts: int(3, 9),
    visitors: int(6, 24),
    regions: regions[int(0, regions.length - 1)]!,
    windows: [{ start, end: addDays(start, int(2, 60)) }],
    teamSize: int(1, 3),
    maxVisits: int(1, 3),
    boards: int(1, 4),
    trainedShare: 0.2 + rnd() * 0.6,
    unavailableDays: int(0, 6),
    locationShare: rnd() * 0.3,
    partnerShare: rnd() * 0.3,
  });
  // Now and then a person excluded by name, or someone with a lower maximum.
  if (rnd() < 0.3)
    inst.hosts[0]!.excludedVisitorIds = [inst.visitors[int(0, inst.visitors.length - 1)]!.id];
  if (rnd() < 0.3) inst.visitors[0]!.maxVisits = 1;
  return inst;
}

const SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);

describe('every proposal passes the independent checker (seeded random programmes)', () => {
  let feasible = 0;
  let infeasible = 0;
  afterAll(() => {
    // The generator must exercise both outcomes, or the property says little.
    expect(feasible).toBeGreaterThan(5);
    expect(infeasible).toBeGreaterThan(1);
  });

  it.each(SEEDS)('seed %i', async (seed) => {
    const inst = randomInstance(seed);
    const p = await proposeSchedule(inst, { timeLimitSeconds: 10 });
    if (p.schedule) {
      feasible += 1;
      expect(checkSchedule(inst, p.schedule)).toEqual([]);
      expect(p.violations).toEqual([]);
      const score = scoreSchedule(inst, p.schedule);
      expect(p.objective.spread).toBeCloseTo(score.spread, 5);
      expect(p.objective.load).toBe(score.load);
      expect(p.objective.load).toBeGreaterThanOrEqual(loadLowerBound(inst));
      expect(p.status === 'optimal' ? p.gap : 0).toBeLessThanOrEqual(1e-4);

      // The checker is not fooled by a visit moved to a weekend …
      const moved = structuredClone(p.schedule);
      const d = moved.visits[0]!.date;
      moved.visits[0]!.date = addDays(d, 6 - weekdayOf(d));
      expect(checkSchedule(inst, moved).map((v) => v.code)).toContain('WEEKEND');
      // … nor by a visitor sent to their own school.
      const host = inst.hosts.find((h) => inst.visitors.some((v) => v.schoolId === h.schoolId));
      if (host) {
        const own = structuredClone(p.schedule);
        const visit = own.visits.find((v) => v.hostId === host.id)!;
        visit.team[visit.team.length - 1]!.visitorId = inst.visitors.find(
          (v) => v.schoolId === host.schoolId,
        )!.id;
        expect(checkSchedule(inst, own).map((v) => v.code)).toContain('OWN_SCHOOL');
      }

      // A visitor who cannot come: the new seat keeps every rule too.
      const seat = p.schedule.visits[seed % p.schedule.visits.length]!;
      const r = await resolveSeat(p.schedule, seat.hostId, seat.team[0]!.visitorId, inst);
      if (r.schedule) expect(r.violations).toEqual([]);
      else expect(r.infeasibility.length).toBeGreaterThan(0);
    } else {
      infeasible += 1;
      expect(p.status).not.toBe('optimal');
      expect(p.infeasibility.length).toBeGreaterThan(0);
      for (const e of p.infeasibility) {
        expect(explain(e, 'nl')).toMatch(/\S/);
        expect(explain(e, 'en')).toMatch(/\S/);
      }
    }
  });

  it.each([3, 5, 8, 13])(
    'seed %i with short candidate lists (the large-instance path)',
    async (seed) => {
      const inst = syntheticInstance({
        seed,
        hosts: 14,
        visitors: 40,
        regions: ['noord', 'midden'],
        teamSize: 2,
        boards: 4,
      });
      const p = await proposeSchedule(inst, { candidatesPerHost: 4, timeLimitSeconds: 10 });
      expect(p.schedule).toBeDefined();
      expect(p.stages.teams?.candidatesPerHost).toBeGreaterThanOrEqual(4);
      expect(checkSchedule(inst, p.schedule!)).toEqual([]);
      expect(p.objective.load).toBe(scoreSchedule(inst, p.schedule!).load);
    },
  );
});
