import { DEFAULT_RULES, type DecisionKind, type VotingRule } from '@jaarcyclus/domain';
import type { DataSource } from 'typeorm';
import type { SchoolRegion, Sector } from '../entities/enums';
import { OnboardingRepository } from '../repositories/onboarding.repository';
import { TenantImportRepository } from '../repositories/tenant-import.repository';

/**
 * The four SWVs of the source documents as demo tenants (issue #15), next to the invented
 * Stadsring and Rijnoever (demo.ts). Public facts come from the documents (docs/domain.md,
 * Sources): names, numbers of boards, schools, locations and pupils where a document gives them,
 * their bodies and the region of their schools' holidays. Board, school and person names and
 * every address (on `.example` domains) are invented; so are numbers a document does not give
 * (marked below). Each SWV is built the way a real one is: onboarded (OnboardingRepository),
 * then its boards, schools and people imported from CSV text as Dutch Excel saves it
 * (TenantImportRepository), so the demo runs those code paths.
 */

export interface SourceBody {
  key: string;
  name: string;
  decisionKind: DecisionKind;
  votingRule: VotingRule;
  /** Who sits in it, as the people import says it. */
  members: 'boards' | { count: number; prefix: string };
}

export interface SourceSwv {
  /** The source documents, as docs/domain.md numbers them. */
  sources: string;
  slug: string;
  name: string;
  sector: Sector;
  region: SchoolRegion;
  bodies: SourceBody[];
  /** Per board: pupils and its schools (kind, locations). */
  boards: { pupils: number; schools: ('regular' | 'special' | 'regular2')[] }[];
}

/** One vote per board (or member), half of the members present, a simple majority of the votes cast. */
const ONE_PER_MEMBER: VotingRule = {
  weighting: 'one_member_one_vote',
  quorum: { basis: 'members', numerator: 1, denominator: 2 },
  majority: { basis: 'votes_cast', strict: true, numerator: 1, denominator: 2 },
  abstentions: 'excluded',
};

/** Advice binds nobody: the round only collects it, so a quorum of none. */
const ADVICE: VotingRule = {
  weighting: 'one_member_one_vote',
  quorum: null,
  majority: { basis: 'votes_cast', strict: true, numerator: 1, denominator: 2 },
  abstentions: 'excluded',
};

const OPR: SourceBody = {
  key: 'opr',
  name: 'Ondersteuningsplanraad',
  decisionKind: 'instemming',
  votingRule: DEFAULT_RULES.opr,
  members: { count: 6, prefix: 'opr' },
};
const RVT: SourceBody = {
  key: 'rvt',
  name: 'Raad van Toezicht',
  decisionKind: 'goedkeuring',
  votingRule: DEFAULT_RULES.rvt,
  members: { count: 3, prefix: 'rvt' },
};
const AB: SourceBody = {
  key: 'ab',
  name: 'Algemeen Bestuur',
  decisionKind: 'goedkeuring',
  votingRule: ONE_PER_MEMBER,
  members: 'boards',
};

export const SOURCE_SWVS: readonly SourceSwv[] = [
  {
    // An association since 2020: the ten boards form the ALV, votes weighted by pupils; an RvT of
    // three; the OPR consents; the MR-p (two staff) consents to the office's staffing (docs/domain.md, source 001 §1.1).
    // 10 boards, 31 schools at 34 locations, 16,500 pupils (docs/domain.md, source 001 §1). Groningen: region noord.
    sources: '000, 001',
    slug: 'vo-groningen-stad',
    name: 'Samenwerkingsverband VO Groningen Stad',
    sector: 'vo',
    region: 'noord',
    bodies: [
      {
        key: 'alv',
        name: 'Algemene Ledenvergadering',
        decisionKind: 'goedkeuring',
        votingRule: DEFAULT_RULES.alv,
        members: 'boards',
      },
      RVT,
      OPR,
      {
        key: 'mrp',
        name: 'Medezeggenschapsraad personeel',
        decisionKind: 'instemming',
        votingRule: DEFAULT_RULES.opr,
        members: { count: 2, prefix: 'mrp' },
      },
    ],
    // The split over the boards is invented; the totals are those of docs/domain.md, source 001 §1.
    boards: [
      {
        pupils: 4010,
        schools: ['regular2', 'regular', 'regular', 'regular', 'regular', 'regular', 'regular'],
      },
      { pupils: 2850, schools: ['regular2', 'regular', 'regular', 'regular', 'regular'] },
      { pupils: 2300, schools: ['regular', 'regular', 'regular', 'regular'] },
      { pupils: 1950, schools: ['regular2', 'regular', 'regular'] },
      { pupils: 1280, schools: ['regular', 'regular'] },
      { pupils: 1150, schools: ['regular', 'regular'] },
      { pupils: 920, schools: ['regular', 'regular'] },
      { pupils: 780, schools: ['special', 'special'] },
      { pupils: 690, schools: ['regular', 'regular'] },
      { pupils: 570, schools: ['special', 'special'] },
    ],
  },
  {
    // Primary education (regular, sbo, so); "het bestuur" sets the course yearly (docs/domain.md, source 003), here an
    // Algemeen Bestuur of the boards, and the OPR every SWV has. The Liemers (Zevenaar, Duiven,
    // Westervoort): region zuid. The numbers of boards, schools and pupils are invented.
    sources: '003',
    slug: 'po-de-liemers',
    name: 'Samenwerkingsverband Onderwijs op Maat de Liemers',
    sector: 'po',
    region: 'zuid',
    bodies: [AB, OPR],
    boards: [
      {
        pupils: 3100,
        schools: [
          'regular',
          'regular',
          'regular',
          'regular',
          'regular',
          'regular',
          'regular',
          'regular',
        ],
      },
      { pupils: 2200, schools: ['regular', 'regular', 'regular', 'regular', 'regular', 'regular'] },
      { pupils: 1400, schools: ['regular', 'regular', 'regular', 'regular'] },
      { pupils: 650, schools: ['regular', 'regular'] },
      { pupils: 420, schools: ['special', 'special'] },
    ],
  },
  {
    // Seven regular vo schools with a small office (docs/domain.md, source 004). Its governance is not in the summary:
    // an Algemeen Bestuur of the boards and the OPR. Noord-Holland: region noord. The split of the
    // seven schools over four boards and the pupil counts are invented.
    sources: '004',
    slug: 'vo-midden-kennemerland',
    name: 'Samenwerkingsverband VO Midden Kennemerland',
    sector: 'vo',
    region: 'noord',
    bodies: [AB, OPR],
    boards: [
      { pupils: 2600, schools: ['regular', 'regular', 'regular'] },
      { pupils: 1500, schools: ['regular', 'regular'] },
      { pupils: 1100, schools: ['regular'] },
      { pupils: 950, schools: ['regular'] },
    ],
  },
  {
    // The unnamed SWV of 002: its support plan names the OPR, the Bovenschools Toetsingsorgaan
    // (BTO), the Directieberaad, the RvT and the Algemeen Bestuur. The BTO and the Directieberaad
    // advise; the Algemeen Bestuur and the RvT approve; the OPR consents. Its stakeholders include
    // primary schools and further education, so a vo SWV; its region is not named (midden is
    // invented), as are its boards, schools and pupils.
    sources: '002',
    slug: 'swv-002',
    name: 'Samenwerkingsverband VO (bron 002)',
    sector: 'vo',
    region: 'midden',
    bodies: [
      AB,
      RVT,
      OPR,
      {
        key: 'bto',
        name: 'Bovenschools Toetsingsorgaan',
        decisionKind: 'advies',
        votingRule: ADVICE,
        members: { count: 3, prefix: 'bto' },
      },
      {
        key: 'directieberaad',
        name: 'Directieberaad',
        decisionKind: 'advies',
        votingRule: ADVICE,
        members: { count: 5, prefix: 'db' },
      },
    ],
    boards: [
      { pupils: 3300, schools: ['regular2', 'regular', 'regular'] },
      { pupils: 2100, schools: ['regular', 'regular'] },
      { pupils: 1200, schools: ['regular', 'regular'] },
      { pupils: 300, schools: ['special'] },
    ],
  },
];

const FIRST = [
  'Anne',
  'Bram',
  'Carla',
  'Daan',
  'Eva',
  'Frits',
  'Greet',
  'Hans',
  'Iris',
  'Joris',
  'Karin',
  'Luuk',
  'Marloes',
  'Niels',
  'Olga',
  'Pim',
  'Roos',
  'Sjoerd',
  'Tessa',
  'Vincent',
];
const LAST = [
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
  'Dijkstra',
  'Kok',
  'Jacobs',
  'Vermeulen',
  'Willems',
  'Kuipers',
  'Postma',
];
const BOARD_NAMES = [
  'Openbaar',
  'Christelijk',
  'Katholiek',
  'Interconfessioneel',
  'Algemeen Bijzonder',
  'Montessori',
  'Dalton',
  'Speciaal',
  'Vrije School',
  'Praktijkgericht',
];

/** The CSV files (as Dutch Excel saves them: BOM, `;`, CRLF, Dutch numbers) of one SWV. */
export function sourceSwvCsv(swv: SourceSwv): { boards: string; schools: string; persons: string } {
  const domain = `${swv.slug}.example`;
  const line = (cells: (string | number)[]) => cells.join(';');
  const dutch = (n: number) => n.toLocaleString('nl-NL');
  let personSerial = 0;
  const person = () => {
    const i = personSerial++;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7 + 3) % LAST.length]!;
    const email = `${first[0]!.toLowerCase()}.${last.toLowerCase().replace(/\s/g, '')}${i}@${domain}`;
    return { name: `${first} ${last}`, email };
  };
  const boardName = (i: number) =>
    `Stichting ${BOARD_NAMES[i % BOARD_NAMES.length]} ${swv.sector === 'po' ? 'Primair' : 'Voortgezet'} Onderwijs ${swv.name.split(' ').slice(-1)[0]}${i >= BOARD_NAMES.length ? ` ${i}` : ''}`;
  const boardNumber = (i: number) => String(40000 + SOURCE_SWVS.indexOf(swv) * 100 + i);

  const boards = [
    'Naam;Bestuursnummer;Leerlingen',
    ...swv.boards.map((b, i) => line([boardName(i), boardNumber(i), dutch(b.pupils)])),
  ];

  const schools = ['BRIN;Vestiging;Naam;Bestuur;Soort;Leerlingen;Vestigingen;Vast bedrag'];
  const letters = 'ABCDEFGHJKLMNPRSTVWXYZ';
  let serial = 0;
  swv.boards.forEach((b, i) => {
    b.schools.forEach((kind, j) => {
      const n = serial++;
      const brin = `${swv.sector === 'po' ? '1' : '2'}${SOURCE_SWVS.indexOf(swv)}${letters[Math.floor(n / letters.length)]}${letters[n % letters.length]}`;
      const special = kind === 'special';
      const pupils = Math.round(b.pupils / b.schools.length);
      const name = `${special ? (swv.sector === 'po' ? 'SBO' : 'VSO') : swv.sector === 'po' ? 'Basisschool' : 'College'} ${LAST[(n * 3) % LAST.length]!.replace('de ', '')}${j > 0 ? ` ${j + 1}` : ''}`;
      // A fixed amount per regular school (docs/domain.md, source 001 §7.2): invented, by size.
      const fixed = special
        ? ''
        : `${dutch(swv.sector === 'po' ? 15_000 : 25_000 + pupils * 10)},00`;
      schools.push(
        line([
          brin,
          '00',
          name,
          boardNumber(i),
          special ? 'speciaal' : 'regulier',
          dutch(pupils),
          kind === 'regular2' ? 2 : 1,
          fixed,
        ]),
      );
    });
  });

  // The first member of each body chairs it (invented): escalations reach a chair.
  const persons = ['Naam;E-mail;Rollen;Bestuur;School;Organen;Voorzitter;Bestuurder'];
  persons.push(
    line(['Secretariaat', `secretariaat@${domain}`, 'beheerder, secretariaat', '', '', '', '', '']),
  );
  persons.push(
    line(['Directeur-bestuurder', `directeur@${domain}`, 'directeur', '', '', '', '', '']),
  );
  const boardBodies = swv.bodies
    .filter((b) => b.members === 'boards')
    .map((b) => b.key)
    .join(', ');
  swv.boards.forEach((_, i) => {
    const p = person();
    persons.push(
      line([
        p.name,
        p.email,
        '',
        boardNumber(i),
        '',
        boardBodies,
        i === 0 ? boardBodies : '',
        'ja',
      ]),
    );
  });
  for (const body of swv.bodies) {
    if (body.members === 'boards') continue;
    for (let k = 0; k < body.members.count; k++) {
      const p = person();
      persons.push(
        line([
          p.name,
          p.email.replace('@', `@${body.members.prefix}.`),
          '',
          '',
          '',
          body.key,
          k === 0 ? body.key : '',
          '',
        ]),
      );
    }
  }
  const crlf = (rows: string[]) => `\uFEFF${rows.join('\r\n')}\r\n`;
  return { boards: crlf(boards), schools: crlf(schools), persons: crlf(persons) };
}

/**
 * Adds the four source SWVs unless the first of them exists (a real installation is never
 * touched beyond that check). Runs in one transaction; the imports must refuse no line.
 */
export async function seedSourceSwvs(ds: DataSource): Promise<{ created: boolean }> {
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('jaarcyclus:seed-source-swvs'))`);
    const [exists] = (await em.query(`SELECT 1 FROM organisation WHERE slug = $1`, [
      SOURCE_SWVS[0]!.slug,
    ])) as unknown[];
    if (exists) return { created: false };
    for (const swv of SOURCE_SWVS) {
      const { organisationId } = await new OnboardingRepository(em).onboard({
        slug: swv.slug,
        name: swv.name,
        sector: swv.sector,
        region: swv.region,
        settings: {},
        bodies: swv.bodies.map(({ key, name, decisionKind, votingRule }) => ({
          key,
          name,
          decisionKind,
          votingRule,
        })),
        administrator: {
          name: 'Secretariaat',
          email: `secretariaat@${swv.slug}.example`,
          locale: 'nl',
        },
      });
      const csv = sourceSwvCsv(swv);
      const imports = new TenantImportRepository(em);
      for (const kind of ['boards', 'schools', 'persons'] as const) {
        const report = await imports.import(organisationId, kind, csv[kind]);
        const refused = report.rows.filter((r) => r.outcome === 'refused');
        if (refused.length > 0) {
          throw new Error(
            `seed ${swv.slug} ${kind}: line ${refused[0]!.row} refused (${JSON.stringify(refused[0]!.problems)})`,
          );
        }
      }
    }
    return { created: true };
  });
}
