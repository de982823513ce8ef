import { lockVisit, moveVisit, replaceVisitor, swapVisitors } from './adjust';
import { explain, explanationText } from './explanations';
import { countingChecks } from './feasibility';
import { loadCost, loadLowerBound, scoreSchedule } from './score';
import { type Schedule, type VisitationInstance, type Visitor } from './types';
import { validateInstance } from './validate';

function programme(
  hosts: number,
  visitors: Visitor[],
  extra: Partial<VisitationInstance> = {},
): VisitationInstance {
  return {
    schoolYear: '2026-2027',
    kind: 'audit',
    playbook: 'draaiboek-audit',
    teamSize: 3,
    maxVisitsPerVisitor: 1,
    windows: [{ start: '2026-11-01', end: '2027-03-31' }],
    hosts: Array.from({ length: hosts }, (_, i) => ({
      id: `h${i}`,
      name: `School ${i}`,
      kind: 'school' as const,
      schoolId: `s${i}`,
      boardId: `b${i % 3}`,
      region: 'midden' as const,
    })),
    visitors,
    ...extra,
  };
}

const people = (
  n: number,
  trained: number,
  schoolOf: (i: number) => string = (i) => `x${i}`,
): Visitor[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `v${i}`,
    name: `Visitator ${i}`,
    schoolId: schoolOf(i),
    boardId: `bx${i}`,
    trainedChair: i < trained,
  }));

describe('countingChecks', () => {
  it('says there are too few trained chairs, in the words of the secretariat', () => {
    const found = countingChecks(programme(12, people(40, 9)));
    expect(found.map((e) => e.code)).toEqual(['TOO_FEW_CHAIRS']);
    expect(explain(found[0]!)).toBe('te weinig getrainde voorzitters: 12 visites, 9 voorzitters');
    expect(explain(found[0]!, 'en')).toBe('too few trained chairs: 12 visits, 9 chairs');
    // The domain hands out a code and its counts; the catalogue (libs/i18n) has the words.
    expect(explanationText(found[0]!)).toEqual({
      code: 'visitation.TOO_FEW_CHAIRS',
      params: { visits: 12, chairs: 9, chairVisits: 9 },
    });
    // With two visits each, nine chairs can chair eighteen visits.
    expect(countingChecks(programme(12, people(40, 9), { maxVisitsPerVisitor: 2 }))).toEqual([]);
  });

  it('says there are too few visitors for the seats', () => {
    const found = countingChecks(programme(12, people(30, 15)));
    expect(found.map((e) => e.code)).toEqual(['TOO_FEW_VISITORS']);
    expect(explain(found[0]!)).toBe(
      'te weinig visitatoren: 36 plaatsen in de teams, 30 visitatoren die samen 30 visites mogen doen',
    );
  });

  it('says when a host has no visit day at all in the windows', () => {
    // Kerstvakantie 2026: 19 December – 3 January.
    const found = countingChecks(
      programme(2, people(10, 4), { windows: [{ start: '2026-12-21', end: '2027-01-01' }] }),
    );
    expect(found.map((e) => e.code)).toEqual(['NO_DATE_FOR_HOST', 'NO_DATE_FOR_HOST']);
    expect(explain(found[0]!)).toContain('geen enkele visitedag mogelijk voor School 0');
  });

  it('says when a host has too few visitors from outside its school and board', () => {
    // Everyone is of board b0, the board of School 0 and School 3.
    const sameBoard = people(10, 5).map((v) => ({ ...v, boardId: 'b0' }));
    const found = countingChecks(programme(3, sameBoard));
    expect(found.map((e) => e.code)).toEqual(['TOO_FEW_ELIGIBLE']);
    expect(explain(found[0]!)).toBe(
      'te weinig visitatoren voor School 0: 0 van buiten de eigen school en het eigen bestuur, een team telt er 3',
    );
    const untrainedOutside = people(10, 0).map((v, i) => ({
      ...v,
      boardId: 'b0',
      trainedChair: i >= 7,
    }));
    untrainedOutside[0]!.boardId = 'b9';
    untrainedOutside[1]!.boardId = 'b9';
    untrainedOutside[2]!.boardId = 'b9';
    expect(countingChecks(programme(3, untrainedOutside)).map((e) => e.code)).toEqual([
      'NO_ELIGIBLE_CHAIR',
    ]);
  });

  it('counts a visitor away on every visit day as not there', () => {
    const oneDay = { windows: [{ start: '2026-11-02', end: '2026-11-02' }] };
    const away = people(10, 5).map((v, i) => (i < 8 ? { ...v, unavailable: ['2026-11-02'] } : v));
    expect(countingChecks(programme(1, away, oneDay)).map((e) => e.code)).toEqual([
      'TOO_FEW_ELIGIBLE',
      'TOO_FEW_DATES',
    ]);
  });

  it('says when the days cannot hold the visits (one visit per person per day)', () => {
    const found = countingChecks(
      programme(3, people(4, 4), {
        maxVisitsPerVisitor: 3,
        windows: [{ start: '2026-11-02', end: '2026-11-03' }],
      }),
    );
    expect(found.map((e) => e.code)).toEqual(['TOO_FEW_DATES']);
    expect(explain(found[0]!)).toBe(
      'te weinig visitedagen: 3 visites, maar op de 2 mogelijke dagen kunnen de beschikbare visitatoren samen maar 2 teams vormen',
    );
  });

  it('says which locks break a rule', () => {
    const inst = programme(3, people(12, 6));
    const found = countingChecks(inst, [
      { kind: 'date', hostId: 'h0', date: '2026-12-25' },
      { kind: 'seat', hostId: 'h1', visitorId: 'v9', role: 'chair' },
      { kind: 'seat', hostId: 'nope', visitorId: 'v1' },
      { kind: 'seat', hostId: 'h2', visitorId: 'nobody' },
    ]);
    expect(found.map((e) => (e.code === 'INVALID_LOCK' ? e.reason : e.code))).toEqual([
      'not-a-visit-day',
      'untrained-chair',
      'unknown-host',
      'unknown-visitor',
    ]);
    expect(explain(found[1]!)).toBe(
      'vastgezette keuze bij School 1 kan niet: de voorzitter is niet getraind',
    );
  });
});

describe('score', () => {
  it('costs L(L−1)/2 per visitor: convex, so an even load costs least', () => {
    expect([0, 1, 2, 3, 4].map(loadCost)).toEqual([0, 0, 1, 3, 6]);
  });

  it('bounds the load from counting alone, chairs included', () => {
    // 4 visits × 3 seats over 12 visitors: one each.
    expect(loadLowerBound(programme(4, people(12, 4), { maxVisitsPerVisitor: 3 }))).toBe(0);
    // 12 seats over 6 visitors: two each, cost 6.
    expect(loadLowerBound(programme(4, people(6, 6), { maxVisitsPerVisitor: 3 }))).toBe(6);
    // 4 chair seats but 2 trained people: at least one of them chairs twice.
    expect(loadLowerBound(programme(4, people(12, 2), { maxVisitsPerVisitor: 3 }))).toBe(2);
  });

  it('scores the spread against the expected visits per week and per day', () => {
    const inst = programme(2, people(6, 2), {
      windows: [{ start: '2026-11-02', end: '2026-11-13' }],
    });
    const visit = (hostId: string, date: string, ids: string[]) => ({
      hostId,
      date,
      team: ids.map((visitorId, i) => ({
        visitorId,
        role: i === 0 ? ('chair' as const) : ('member' as const),
      })),
    });
    // Two weeks, one visit expected in each: one visit per week costs nothing.
    const spread: Schedule = {
      visits: [
        visit('h0', '2026-11-02', ['v0', 'v2', 'v3']),
        visit('h1', '2026-11-09', ['v1', 'v4', 'v5']),
      ],
    };
    expect(scoreSchedule(inst, spread)).toEqual({ spread: 0, load: 0, total: 0 });
    // Both in week one, on one day: one over, one under, and one visit more on the day than expected.
    const crowded: Schedule = {
      visits: [
        visit('h0', '2026-11-02', ['v0', 'v2', 'v3']),
        visit('h1', '2026-11-02', ['v1', 'v4', 'v0']),
      ],
    };
    expect(scoreSchedule(inst, crowded)).toEqual({ spread: 3, load: 1, total: 4 });
  });
});

describe('validateInstance', () => {
  it('accepts a sound programme', () => {
    expect(validateInstance(programme(2, people(6, 2)))).toEqual([]);
  });

  it('lists every mistake with its field, in Dutch or English', () => {
    const bad = programme(1, people(2, 1), {
      schoolYear: '2019-2020',
      teamSize: 0,
      windows: [{ start: '2026-11-30', end: '2026-11-01' }],
    });
    bad.hosts.push({ ...bad.hosts[0]! });
    bad.visitors[1] = { ...bad.visitors[1]!, unavailable: ['2026-02-30'] };
    const errors = validateInstance(bad);
    expect(errors.map((e) => e.field)).toEqual([
      'schoolYear',
      'teamSize',
      'windows[0]',
      'hosts[1].id',
      'visitors[1].unavailable[0]',
    ]);
    expect(errors[2]!.message).toBe('Het einde ligt voor het begin.');
    expect(validateInstance(bad, 'en')[2]!.message).toBe('The end lies before the start.');
  });
});

describe('adjustments', () => {
  const schedule: Schedule = {
    visits: [
      {
        hostId: 'h0',
        date: '2026-11-02',
        team: [
          { visitorId: 'v0', role: 'chair' },
          { visitorId: 'v1', role: 'member' },
        ],
      },
      {
        hostId: 'h1',
        date: '2026-11-03',
        team: [
          { visitorId: 'v2', role: 'chair' },
          { visitorId: 'v3', role: 'member' },
        ],
      },
    ],
  };

  it('swaps two visitors, seats and roles staying where they were', () => {
    const next = swapVisitors(
      schedule,
      { hostId: 'h0', visitorId: 'v1' },
      { hostId: 'h1', visitorId: 'v2' },
    );
    expect(next.visits[0]!.team).toEqual([
      { visitorId: 'v0', role: 'chair' },
      { visitorId: 'v2', role: 'member' },
    ]);
    expect(next.visits[1]!.team[0]).toEqual({ visitorId: 'v1', role: 'chair' });
    expect(schedule.visits[0]!.team[1]!.visitorId).toBe('v1');
  });

  it('moves a date, replaces a person and locks a whole visit', () => {
    expect(moveVisit(schedule, 'h1', '2026-11-10').visits[1]!.date).toBe('2026-11-10');
    expect(replaceVisitor(schedule, 'h0', 'v1', 'v9').visits[0]!.team[1]!.visitorId).toBe('v9');
    expect(lockVisit(schedule, 'h0')).toEqual([
      { kind: 'date', hostId: 'h0', date: '2026-11-02' },
      { kind: 'seat', hostId: 'h0', visitorId: 'v0', role: 'chair' },
      { kind: 'seat', hostId: 'h0', visitorId: 'v1', role: 'member' },
    ]);
    expect(() => moveVisit(schedule, 'h9', '2026-11-10')).toThrow("No visit at host 'h9'");
    expect(() =>
      swapVisitors(schedule, { hostId: 'h0', visitorId: 'v3' }, { hostId: 'h1', visitorId: 'v2' }),
    ).toThrow('v3 is not in the team at h0');
  });
});
