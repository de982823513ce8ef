import {
  parseCsv,
  planBoardImport,
  planPersonImport,
  planSchoolImport,
  validateVotingRule,
} from '@jaarcyclus/domain';
import { SOURCE_SWVS, sourceSwvCsv } from './source-swvs';

const swv = (slug: string) => SOURCE_SWVS.find((s) => s.slug === slug)!;

/** The governance of each SWV of the source documents, as data (docs/domain.md, Sources). */
describe('the four source SWVs', () => {
  it.each([
    [
      'vo-groningen-stad',
      'noord',
      'vo',
      [
        'alv goedkeuring pupil_count boards',
        'rvt goedkeuring one_member_one_vote 3',
        'opr instemming one_member_one_vote 6',
        'mrp instemming one_member_one_vote 2',
      ],
    ],
    [
      'po-de-liemers',
      'zuid',
      'po',
      ['ab goedkeuring one_member_one_vote boards', 'opr instemming one_member_one_vote 6'],
    ],
    [
      'vo-midden-kennemerland',
      'noord',
      'vo',
      ['ab goedkeuring one_member_one_vote boards', 'opr instemming one_member_one_vote 6'],
    ],
    [
      'swv-002',
      'midden',
      'vo',
      [
        'ab goedkeuring one_member_one_vote boards',
        'rvt goedkeuring one_member_one_vote 3',
        'opr instemming one_member_one_vote 6',
        'bto advies one_member_one_vote 3',
        'directieberaad advies one_member_one_vote 5',
      ],
    ],
  ])(
    '%s (region %s, %s): which body decides how, with which rule',
    (slug, region, sector, bodies) => {
      const s = swv(slug);
      expect([s.region, s.sector]).toEqual([region, sector]);
      expect(
        s.bodies.map(
          (b) =>
            `${b.key} ${b.decisionKind} ${b.votingRule.weighting} ${b.members === 'boards' ? 'boards' : b.members.count}`,
        ),
      ).toEqual(bodies);
      for (const b of s.bodies) expect(() => validateVotingRule(b.votingRule)).not.toThrow();
    },
  );

  it('gives Groningen Stad the figures of docs/domain.md, source 001 §1: 10 boards, 31 schools, 34 locations, 16,500 pupils; Midden Kennemerland 7 schools (source 004)', () => {
    const g = swv('vo-groningen-stad');
    expect(g.boards).toHaveLength(10);
    expect(g.boards.reduce((n, b) => n + b.pupils, 0)).toBe(16_500);
    const schools = g.boards.flatMap((b) => b.schools);
    expect(schools).toHaveLength(31);
    expect(schools.reduce((n, k) => n + (k === 'regular2' ? 2 : 1), 0)).toBe(34);
    expect(swv('vo-midden-kennemerland').boards.flatMap((b) => b.schools)).toHaveLength(7);
  });

  it.each(SOURCE_SWVS.map((s) => [s.slug, s] as const))(
    '%s: its CSV files pass the import without a refused line',
    (_, s) => {
      const csv = sourceSwvCsv(s);
      const boards = planBoardImport(parseCsv(csv.boards), []);
      expect(boards.report.counts.refused).toBe(0);
      const existingBoards = boards.writes.map((w, i) => ({
        id: `b${i}`,
        name: w.name,
        boardNumber: w.boardNumber ?? null,
        pupilCount: w.pupilCount,
      }));
      const schools = planSchoolImport(parseCsv(csv.schools), existingBoards, []);
      expect(schools.report.rows.filter((r) => r.outcome === 'refused')).toEqual([]);
      const persons = planPersonImport(parseCsv(csv.persons), {
        boards: existingBoards,
        schools: [],
        bodies: s.bodies.map((b) => ({
          id: b.key,
          key: b.key,
          name: b.name,
          weighsByPupils: b.votingRule.weighting === 'pupil_count',
          chairPersonId: null,
        })),
        persons: [],
        emailsElsewhere: new Set(),
      });
      expect(persons.report.rows.filter((r) => r.outcome === 'refused')).toEqual([]);
      expect(
        new Set(persons.writes.map((w) => w.email.split('@')[1]!.split('.').slice(-1)[0])),
      ).toEqual(new Set(['example']));
    },
  );
});
