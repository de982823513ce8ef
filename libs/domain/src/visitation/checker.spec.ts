import { checkSchedule } from './checker';
import { explain } from './explanations';
import { type Schedule, type VisitationInstance } from './types';

// Three schools of three boards in region noord; the window is October 2026 (herfstvakantie
// noord 10–18 October 2026).
const instance: VisitationInstance = {
  schoolYear: '2026-2027',
  kind: 'collegiale-visitatie',
  playbook: 'draaiboek',
  teamSize: 2,
  maxVisitsPerVisitor: 1,
  windows: [{ start: '2026-10-01', end: '2026-10-31' }],
  hosts: [
    { id: 'A', name: 'School A', kind: 'school', schoolId: 'sA', boardId: 'b1', region: 'noord' },
    { id: 'B', name: 'School B', kind: 'school', schoolId: 'sB', boardId: 'b2', region: 'noord' },
    {
      id: 'A2',
      name: 'School A2',
      kind: 'school',
      schoolId: 'sA2',
      boardId: 'b4',
      region: 'noord',
      unavailable: ['2026-10-07'],
    },
  ],
  visitors: [
    { id: 'a', name: 'Anna', schoolId: 'sA', boardId: 'b1', trainedChair: true },
    { id: 'b', name: 'Bram', schoolId: 'sB', boardId: 'b2', trainedChair: true },
    { id: 'c', name: 'Cor', schoolId: 'sC', boardId: 'b3', trainedChair: true },
    { id: 'd', name: 'Dirk', schoolId: 'sC', boardId: 'b3', trainedChair: false },
    {
      id: 'e',
      name: 'Eva',
      schoolId: 'sC',
      boardId: 'b3',
      trainedChair: false,
      unavailable: ['2026-10-05'],
    },
    { id: 'f', name: 'Fleur', trainedChair: true },
  ],
};

const valid: Schedule = {
  visits: [
    {
      hostId: 'A',
      date: '2026-10-01',
      team: [
        { visitorId: 'b', role: 'chair' },
        { visitorId: 'd', role: 'member' },
      ],
    },
    {
      hostId: 'B',
      date: '2026-10-02',
      team: [
        { visitorId: 'c', role: 'chair' },
        { visitorId: 'e', role: 'member' },
      ],
    },
    {
      hostId: 'A2',
      date: '2026-10-05',
      team: [
        { visitorId: 'f', role: 'chair' },
        { visitorId: 'a', role: 'member' },
      ],
    },
  ],
};

function edit(f: (s: Schedule) => void): Schedule {
  const s = structuredClone(valid);
  f(s);
  return s;
}

const codes = (s: Schedule) => checkSchedule(instance, s).map((v) => v.code);

describe('checkSchedule', () => {
  it('accepts a schedule that keeps every rule', () => {
    expect(checkSchedule(instance, valid)).toEqual([]);
  });

  it('finds a visit to the own school', () => {
    expect(codes(edit((s) => (s.visits[0]!.team[1]!.visitorId = 'a')))).toContain('OWN_SCHOOL');
  });

  it('finds a visit to a school of the own board', () => {
    // Anna (school sA, board b1) visits School A2; make A2 a school of board b1.
    const sameBoard: VisitationInstance = {
      ...instance,
      hosts: instance.hosts.map((h) => (h.id === 'A2' ? { ...h, boardId: 'b1' } : h)),
    };
    const found = checkSchedule(sameBoard, valid);
    expect(found.map((v) => v.code)).toEqual(['OWN_BOARD']);
    expect(explain(found[0]!)).toBe('Anna visiteert een school van het eigen bestuur (School A2)');
  });

  it('finds a visitor the host excluded by name', () => {
    const excluded: VisitationInstance = {
      ...instance,
      hosts: instance.hosts.map((h) => (h.id === 'A2' ? { ...h, excludedVisitorIds: ['f'] } : h)),
    };
    expect(checkSchedule(excluded, valid).map((v) => v.code)).toEqual(['EXCLUDED_VISITOR']);
  });

  it('finds a reciprocal pair of schools', () => {
    // Bram (sB) visits A and Anna (sA) visits B.
    const s = edit((x) => {
      x.visits[1]!.team[1]!.visitorId = 'a';
      x.visits[2]!.team[1]!.visitorId = 'e';
      x.visits[2]!.date = '2026-10-06';
    });
    const found = checkSchedule(instance, s);
    expect(found.map((v) => v.code)).toEqual(['RECIPROCAL_PAIR']);
    expect(explain(found[0]!)).toBe('School A en School B visiteren elkaar over en weer');
  });

  it('finds dates in the school holidays, on public holidays, in weekends and outside windows', () => {
    expect(codes(edit((x) => (x.visits[0]!.date = '2026-10-12')))).toEqual(['SCHOOL_HOLIDAY']);
    expect(codes(edit((x) => (x.visits[0]!.date = '2026-10-03')))).toEqual(['WEEKEND']);
    expect(codes(edit((x) => (x.visits[0]!.date = '2026-11-02')))).toEqual(['OUTSIDE_WINDOWS']);
    expect(codes(edit((x) => (x.visits[0]!.date = '2026-10-32')))).toEqual(['INVALID_DATE']);
    // Hemelvaartsdag 2027 (6 May) lies outside the meivakantie.
    const spring = { ...instance, windows: [{ start: '2027-05-03', end: '2027-05-31' }] };
    const onHoliday = edit((x) => (x.visits[0]!.date = '2027-05-06'));
    onHoliday.visits[1]!.date = '2027-05-07';
    onHoliday.visits[2]!.date = '2027-05-10';
    const found = checkSchedule(spring, onHoliday);
    expect(found.map((v) => v.code)).toEqual(['PUBLIC_HOLIDAY']);
    expect(explain(found[0]!)).toBe('School A: 2027-05-06 is een feestdag (Hemelvaartsdag)');
    const autumn = checkSchedule(
      instance,
      edit((x) => (x.visits[0]!.date = '2026-10-12')),
    );
    expect(explain(autumn[0]!)).toBe(
      'School A: 2026-10-12 valt in de herfstvakantie van de school',
    );
    expect(explain(autumn[0]!, 'en')).toBe(
      "School A: 2026-10-12 is in the school's Herfstvakantie",
    );
  });

  it('finds a visit on a day the host or a visitor marked unavailable', () => {
    expect(codes(edit((x) => (x.visits[2]!.date = '2026-10-07')))).toEqual(['HOST_UNAVAILABLE']);
    const away = edit((x) => (x.visits[1]!.date = '2026-10-05'));
    expect(codes(away)).toEqual(['VISITOR_UNAVAILABLE']);
  });

  it('finds a person in two visits on one day, and more visits than allowed', () => {
    const s = edit((x) => {
      x.visits[1]!.date = '2026-10-01';
      x.visits[1]!.team[1]!.visitorId = 'd';
    });
    expect(codes(s)).toEqual(['TWO_VISITS_ON_A_DAY', 'TOO_MANY_VISITS']);
    const twoDays = edit((x) => (x.visits[1]!.team[1]!.visitorId = 'd'));
    expect(codes(twoDays)).toEqual(['TOO_MANY_VISITS']);
    expect(checkSchedule({ ...instance, maxVisitsPerVisitor: 2 }, twoDays)).toEqual([]);
  });

  it('finds wrong teams: size, chairs, untrained chair, unknown people, a host without a visit', () => {
    expect(codes(edit((x) => x.visits[0]!.team.pop()))).toEqual(['TEAM_SIZE']);
    expect(codes(edit((x) => (x.visits[0]!.team[1]!.role = 'chair')))).toEqual([
      'CHAIR_COUNT',
      'CHAIR_NOT_TRAINED',
    ]);
    expect(
      codes(
        edit((x) => {
          x.visits[0]!.team[0]!.role = 'member';
          x.visits[0]!.team[1]!.role = 'chair';
        }),
      ),
    ).toEqual(['CHAIR_NOT_TRAINED']);
    expect(codes(edit((x) => (x.visits[0]!.team[1]!.visitorId = 'zz')))).toEqual([
      'UNKNOWN_VISITOR',
    ]);
    expect(codes(edit((x) => (x.visits[0]!.team[1]!.visitorId = 'b')))).toEqual([
      'VISITOR_TWICE_IN_TEAM',
      'TWO_VISITS_ON_A_DAY',
      'TOO_MANY_VISITS',
    ]);
    expect(codes(edit((x) => x.visits.pop()))).toEqual(['HOST_WITHOUT_VISIT']);
    expect(codes(edit((x) => x.visits.push({ ...x.visits[0]!, hostId: 'Q' })))).toContain(
      'UNKNOWN_HOST',
    );
  });

  it('finds a lock that was not kept', () => {
    expect(
      checkSchedule(instance, valid, [{ kind: 'date', hostId: 'A', date: '2026-10-01' }]),
    ).toEqual([]);
    const found = checkSchedule(instance, valid, [
      { kind: 'seat', hostId: 'A', visitorId: 'd', role: 'chair' },
    ]);
    expect(found.map((v) => v.code)).toEqual(['LOCK_NOT_KEPT']);
  });
});
