import {
  type Schedule,
  type VisitationInstance,
  type Visitor,
  checkSchedule,
  explain,
  isSchoolHoliday,
  lockVisit,
  scoreSchedule,
  swapVisitors,
} from '@jaarcyclus/domain';
import { proposeSchedule } from './propose';
import { resolveSeat } from './resolve-seat';

// Hand-made programmes: each one isolates one rule of docs/domain.md §3.

const person = (
  id: string,
  schoolId: string | undefined,
  trainedChair = true,
  extra: Partial<Visitor> = {},
): Visitor => ({
  id,
  name: `Visitator ${id}`,
  ...(schoolId !== undefined ? { schoolId, boardId: `board-${schoolId}` } : {}),
  trainedChair,
  ...extra,
});

function programme(extra: Partial<VisitationInstance>): VisitationInstance {
  return {
    schoolYear: '2026-2027',
    kind: 'collegiale-visitatie',
    playbook: 'draaiboek',
    teamSize: 1,
    maxVisitsPerVisitor: 2,
    windows: [{ start: '2026-11-02', end: '2026-11-27' }],
    hosts: [
      {
        id: 'A',
        name: 'School A',
        kind: 'school',
        schoolId: 'sA',
        boardId: 'board-sA',
        region: 'noord',
      },
      {
        id: 'B',
        name: 'School B',
        kind: 'school',
        schoolId: 'sB',
        boardId: 'board-sB',
        region: 'noord',
      },
    ],
    visitors: [],
    ...extra,
  };
}

const teamOf = (s: Schedule | undefined, hostId: string) =>
  s?.visits.find((v) => v.hostId === hostId)?.team.map((t) => t.visitorId);

describe('proposeSchedule on hand-made programmes', () => {
  it('never sends people to their own school', async () => {
    // a (of A) may only visit B; c (of C) is the one who can visit A.
    const inst = programme({
      visitors: [person('a', 'sA'), person('c', 'sC')],
      maxVisitsPerVisitor: 1,
    });
    const p = await proposeSchedule(inst);
    expect(p.status).toBe('optimal');
    expect(teamOf(p.schedule, 'A')).toEqual(['c']);
    expect(teamOf(p.schedule, 'B')).toEqual(['a']);
    expect(p.violations).toEqual([]);
  });

  it('never sends people to a school of their own board', async () => {
    const inst = programme({
      visitors: [person('x', 'sX', true, { boardId: 'board-sA' }), person('y', 'sY')],
      maxVisitsPerVisitor: 1,
    });
    const p = await proposeSchedule(inst);
    expect(teamOf(p.schedule, 'A')).toEqual(['y']);
    expect(teamOf(p.schedule, 'B')).toEqual(['x']);
  });

  it('never makes a reciprocal pair, and says so when that is what makes it impossible', async () => {
    // A can only be visited by b, B only by a: A's people would visit B and B's people A.
    const inst = programme({ visitors: [person('a', 'sA'), person('b', 'sB')] });
    const p = await proposeSchedule(inst);
    expect(p.status).toBe('infeasible');
    expect(p.infeasibility.map((e) => e.code)).toEqual(['CAUSE_RECIPROCITY']);
    expect(explain(p.infeasibility[0]!)).toBe(
      "de regel 'niet over en weer visiteren' maakt het rooster onmogelijk: 2 visites tussen 2 scholen",
    );
    // A third school breaks the deadlock: c visits one of them, one direction remains.
    const three = { ...inst, visitors: [...inst.visitors, person('c', 'sC')] };
    const ok = await proposeSchedule(three);
    expect(ok.status).toBe('optimal');
    expect(checkSchedule(three, ok.schedule!)).toEqual([]);
  });

  it('keeps visits out of the school holidays and off public holidays', async () => {
    // Herfstvakantie noord 2026: 10–18 October; the window holds one school week besides.
    const inst = programme({
      windows: [{ start: '2026-10-05', end: '2026-10-18' }],
      visitors: [person('c', 'sC'), person('d', 'sD')],
    });
    const p = await proposeSchedule(inst);
    for (const v of p.schedule!.visits) {
      expect(isSchoolHoliday(v.date, 'noord')).toBe(false);
      expect(v.date >= '2026-10-05' && v.date <= '2026-10-09').toBe(true);
    }
    // Only the holiday: impossible, in words.
    const none = await proposeSchedule({
      ...inst,
      windows: [{ start: '2026-10-12', end: '2026-10-16' }],
    });
    expect(none.status).toBe('infeasible');
    expect(explain(none.infeasibility[0]!)).toContain(
      'geen enkele visitedag mogelijk voor School A',
    );
    // Hemelvaartsdag (6 May 2027) and the Friday after are the only days: not the holiday.
    const may = await proposeSchedule({
      ...inst,
      visitors: [person('c', 'sC'), person('d', 'sD')],
      windows: [{ start: '2027-05-06', end: '2027-05-07' }],
    });
    expect(may.schedule!.visits.map((v) => v.date)).toEqual(['2027-05-07', '2027-05-07']);
  });

  it('never plans a visitor on a day they marked unavailable', async () => {
    // Only c can visit A and c cannot on Monday and Tuesday; B's visitor d can only then.
    const days = ['2026-11-02', '2026-11-03', '2026-11-04'];
    const inst = programme({
      windows: [{ start: days[0]!, end: days[2]! }],
      hosts: [
        {
          id: 'A',
          name: 'School A',
          kind: 'school',
          schoolId: 'sA',
          boardId: 'bA',
          region: 'zuid',
        },
      ],
      visitors: [person('c', 'sC', true, { unavailable: [days[0]!, days[1]!] })],
    });
    const p = await proposeSchedule(inst);
    expect(p.schedule!.visits[0]!.date).toBe(days[2]);
    const never = await proposeSchedule({
      ...inst,
      visitors: [person('c', 'sC', true, { unavailable: days })],
    });
    expect(never.status).toBe('infeasible');
    expect(never.infeasibility.map((e) => e.code)).toContain('TOO_FEW_ELIGIBLE');
  });

  it('puts a person in at most one visit per day, and says so when that is what blocks', async () => {
    // One day, teams of two: A can have c and e, B can have c and f; c cannot be at both.
    const inst = programme({
      teamSize: 2,
      windows: [{ start: '2026-11-02', end: '2026-11-02' }],
      visitors: [
        person('c', 'sC'),
        person('e', undefined, true),
        person('f', undefined, true),
        person('g', undefined, false),
      ],
    });
    inst.hosts[0]!.excludedVisitorIds = ['f', 'g'];
    inst.hosts[1]!.excludedVisitorIds = ['e', 'g'];
    const p = await proposeSchedule(inst);
    expect(p.status).toBe('infeasible');
    expect(p.infeasibility.map((e) => e.code)).toEqual(['CAUSE_ONE_VISIT_PER_DAY']);
    expect(explain(p.infeasibility[0]!)).toBe(
      "de regel 'hoogstens één visite per persoon per dag' maakt het rooster onmogelijk: 2 visites op 1 dag",
    );
    // A second day: c visits both, on different days.
    const two = await proposeSchedule({
      ...inst,
      windows: [{ start: '2026-11-02', end: '2026-11-03' }],
    });
    expect(two.status).toBe('optimal');
    expect(new Set(two.schedule!.visits.map((v) => v.date)).size).toBe(2);
    expect(two.violations).toEqual([]);
  });

  it('says before solving when there are too few trained chairs', async () => {
    const hosts = Array.from({ length: 12 }, (_, i) => ({
      id: `h${i}`,
      name: `School ${i}`,
      kind: 'school' as const,
      schoolId: `s${i}`,
      region: 'midden' as const,
    }));
    const visitors = Array.from({ length: 40 }, (_, i) => person(`v${i}`, `x${i}`, i < 9));
    const p = await proposeSchedule(
      programme({ hosts, visitors, teamSize: 3, maxVisitsPerVisitor: 1 }),
    );
    expect(p.status).toBe('infeasible');
    expect(p.infeasibility.map((e) => explain(e))).toEqual([
      'te weinig getrainde voorzitters: 12 visites, 9 voorzitters',
    ]);
  });

  it('reports its objective as the domain scores it, and what binds', async () => {
    const inst = programme({
      visitors: [person('c', 'sC'), person('d', 'sD', false)],
      teamSize: 1,
    });
    const p = await proposeSchedule(inst);
    // Only c is trained: c chairs both visits (maximum 2 reached).
    expect(p.objective.load).toBe(1);
    expect(p.objective.total).toBeCloseTo(scoreSchedule(inst, p.schedule!).total, 6);
    expect(p.binding.map((b) => b.code)).toContain('BINDS_MAX_VISITS');
    expect(p.gap).toBe(0);
  });
});

describe('adjusting a proposal', () => {
  const hosts = ['A', 'B', 'C', 'D'].map((x) => ({
    id: x,
    name: `School ${x}`,
    kind: 'school' as const,
    schoolId: `s${x}`,
    region: 'noord' as const,
  }));
  const visitors = ['p', 'q', 'r', 's', 't', 'u', 'w', 'z'].map((x, i) =>
    person(x, `t${i % 4}`, i % 2 === 0),
  );
  const inst = programme({ hosts, visitors, teamSize: 2, maxVisitsPerVisitor: 2 });

  it('re-solves around what the secretariat locked', async () => {
    const first = await proposeSchedule(inst);
    expect(first.status).toBe('optimal');
    // Swap two members, move a date, lock both visits and let the solver place the rest.
    const a = first.schedule!.visits[0]!;
    const b = first.schedule!.visits[1]!;
    let edited = swapVisitors(
      first.schedule!,
      { hostId: a.hostId, visitorId: a.team[1]!.visitorId },
      { hostId: b.hostId, visitorId: b.team[1]!.visitorId },
    );
    edited = {
      visits: edited.visits.map((v) => (v.hostId === 'A' ? { ...v, date: '2026-11-20' } : v)),
    };
    const locks = [...lockVisit(edited, 'A'), ...lockVisit(edited, 'B')];
    const again = await proposeSchedule(inst, { locks });
    expect(again.status).toBe('optimal');
    expect(checkSchedule(inst, again.schedule!, locks)).toEqual([]);
    expect(again.schedule!.visits.find((v) => v.hostId === 'A')!.date).toBe('2026-11-20');
    expect(again.binding.map((x) => x.code)).toContain('BINDS_LOCKS');
  });

  it('says which locks cannot be kept', async () => {
    const p = await proposeSchedule(inst, {
      locks: [{ kind: 'seat', hostId: 'A', visitorId: 'q', role: 'chair' }],
    });
    expect(p.status).toBe('infeasible');
    expect(explain(p.infeasibility[0]!)).toBe(
      'vastgezette keuze bij School A kan niet: de voorzitter is niet getraind',
    );
  });

  it('fills one seat when a visitor cannot come, and nothing else changes', async () => {
    const first = await proposeSchedule(inst);
    const visit = first.schedule!.visits[2]!;
    for (const seat of visit.team) {
      const r = await resolveSeat(first.schedule!, visit.hostId, seat.visitorId, inst);
      expect(r.status).toBe('resolved');
      expect(r.violations).toEqual([]);
      const after = r.schedule!;
      // Every other visit as it was; the date as it was.
      expect(after.visits.filter((v) => v.hostId !== visit.hostId)).toEqual(
        first.schedule!.visits.filter((v) => v.hostId !== visit.hostId),
      );
      const team = after.visits.find((v) => v.hostId === visit.hostId)!;
      expect(team.date).toBe(visit.date);
      expect(team.team.map((s) => s.visitorId)).not.toContain(seat.visitorId);
      expect(team.team.filter((s) => s.role === 'chair')).toHaveLength(1);
    }
  });

  it('says when nobody can take the seat', async () => {
    const tight = programme({
      visitors: [person('c', 'sC'), person('d', 'sD')],
      maxVisitsPerVisitor: 1,
    });
    const first = await proposeSchedule(tight);
    const r = await resolveSeat(first.schedule!, 'A', teamOf(first.schedule, 'A')![0]!, tight);
    expect(r.status).toBe('infeasible');
    expect(explain(r.infeasibility[0]!)).toContain('te weinig visitatoren voor School A');
  });
});
