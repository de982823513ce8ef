import { DEFAULT_RULES, type VotingRule } from '@jaarcyclus/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { Body, BodyMember, Organisation, Person, School, SchoolBoard } from '../entities';
import type { DecisionKind, Role, SchoolKind, SchoolRegion, Sector } from '../entities';
import { seedNewCyclesDemo } from './demo-new-cycles';
import type { FieldKeys } from '../crypto/field-cipher';
import { type DemoTransition, seedDemoTransition } from './transition-demo';

/**
 * Demo data: two invented SWVs shaped after the seed documents, so the cycles can be tried out
 * with realistic proportions. Every name is invented; every address is on a `.example` domain.
 *
 * - Stadsring (vo, noord) mirrors SWV VO Groningen Stad (docs/domain.md, source 001 §1.1): 10 boards, 31 schools
 *   with 34 locations, 16,500 pupils; ALV of the boards (weighted by pupil count), a 3-member RvT
 *   (one member nominated by the OPR), an OPR of staff and parents, one directeur-bestuurder, ECT
 *   members per school (docs/domain.md, source 001 §3.2).
 * - Rijnoever (po, zuid) mirrors Onderwijs op Maat de Liemers (docs/domain.md, source 003): an Algemeen Bestuur of
 *   board representatives instead of an ALV, with SBO/SO schools among its members.
 */

/** Sign-in addresses for trying the service out and for tests. */
export const DEMO_EMAILS = {
  stadsring: {
    secretariat: 'secretariaat@stadsring.example',
    director: 'directeur@stadsring.example',
    rvtChair: 'a.veenstra@rvt.stadsring.example',
    oprMember: 'm.kuipers@opr.stadsring.example',
    /** The ALV representative of the largest board. */
    alvMember: 'j.dekker@ovo-stadsring.example',
    ectMember: 'l.smit@ect.stadsring.example',
    schoolContact: 'zorg@stadsring-college.example',
  },
  rijnoever: {
    secretariat: 'secretariaat@rijnoever.example',
    director: 'directeur@rijnoever.example',
    abMember: 'w.hendriks@opo-rijnoever.example',
  },
} as const;

export const DEMO_SLUGS = { stadsring: 'stadsring', rijnoever: 'rijnoever' } as const;

interface SchoolSeed {
  name: string;
  kind: SchoolKind;
  /** Support-profile based fixed amount for regular schools (docs/domain.md, source 001 §7.2); special schools get none. */
  fixedAmountCents: number;
  locations?: number;
  /** Email of the school's zorgcoördinator, when the demo has one. */
  contact?: { name: string; email: string };
}

interface BoardSeed {
  name: string;
  pupilCount: number;
  /** The bestuurder, who also represents the board in the ALV / Algemeen Bestuur. */
  bestuurder: { name: string; email: string };
  schools: SchoolSeed[];
}

interface PersonSeed {
  name: string;
  email: string;
  roles: Role[];
}

interface TenantSeed {
  slug: string;
  name: string;
  region: SchoolRegion;
  sector: Sector;
  boards: BoardSeed[];
  secretariat: PersonSeed;
  director: PersonSeed;
  ectMembers: PersonSeed[];
  /** The board representatives' body: 'alv' (weighted by pupils) or 'ab'. */
  boardsBody: { key: string; name: string; decisionKind: DecisionKind; rule: VotingRule };
  rvt: PersonSeed[];
  opr: PersonSeed[];
}

const regular = (name: string, euros: number, extra: Partial<SchoolSeed> = {}): SchoolSeed => ({
  name,
  kind: 'regular',
  fixedAmountCents: euros * 100,
  ...extra,
});
const special = (name: string, extra: Partial<SchoolSeed> = {}): SchoolSeed => ({
  name,
  kind: 'special',
  fixedAmountCents: 0,
  ...extra,
});
const member = (name: string, email: string, roles: Role[] = ['body_member']): PersonSeed => ({
  name,
  email,
  roles,
});

const STADSRING: TenantSeed = {
  slug: DEMO_SLUGS.stadsring,
  name: 'Samenwerkingsverband VO Stadsring',
  region: 'noord',
  sector: 'vo',
  boards: [
    {
      name: 'Stichting Openbaar Voortgezet Onderwijs Stadsring',
      pupilCount: 4010,
      bestuurder: { name: 'Jolanda Dekker', email: DEMO_EMAILS.stadsring.alvMember },
      schools: [
        regular('Stadsring College', 58_000, {
          locations: 2,
          contact: { name: 'Femke de Boer', email: DEMO_EMAILS.stadsring.schoolContact },
        }),
        regular('Lyceum Oosterpoort', 47_500),
        regular('Mavo Zuiderplein', 36_000),
        regular('Vakcollege Noorderhaven', 52_000, {
          contact: { name: 'Rutger Bos', email: 'zorg@vakcollege-noorderhaven.example' },
        }),
        regular('Havo Esserveld', 31_000),
        regular('Technasium Hoornsewijk', 27_500),
        regular('Kunstschool De Wijert', 25_000),
      ],
    },
    {
      name: 'Vereniging Christelijk Voortgezet Onderwijs De Hunzeborg',
      pupilCount: 2850,
      bestuurder: { name: 'Gerrit Hoekstra', email: 'g.hoekstra@hunzeborg.example' },
      schools: [
        regular('Hunzeborg College', 54_000, {
          locations: 2,
          contact: { name: 'Marieke Post', email: 'zorg@hunzeborg-college.example' },
        }),
        regular('Christelijk Lyceum Beijum', 39_500),
        regular('Hunzeborg Mavo', 33_000),
        regular('Vakschool Lewenborg', 45_000),
        regular('Christelijke Havo Selwerd', 28_000),
      ],
    },
    {
      name: 'Stichting Katholiek Voortgezet Onderwijs Sint-Ludger',
      pupilCount: 2300,
      bestuurder: { name: 'Bernadette Vos', email: 'b.vos@sint-ludger.example' },
      schools: [
        regular('Sint-Ludgercollege', 49_000, {
          contact: { name: 'Koen Jansen', email: 'zorg@sint-ludgercollege.example' },
        }),
        regular('Sint-Maartensmavo', 34_500),
        regular('Sint-Ludger Vakcollege', 41_000),
        regular('Katholiek Lyceum Helpman', 26_500),
      ],
    },
    {
      name: 'Stichting Reitdiep Scholengroep',
      pupilCount: 1950,
      bestuurder: { name: 'Harm Wiersma', email: 'h.wiersma@reitdiep.example' },
      schools: [
        regular('Reitdiep College', 50_500, { locations: 2 }),
        regular('Reitdiep Mavo', 30_500),
        regular('Reitdiep Gymnasium', 25_500),
      ],
    },
    {
      name: 'Stichting Vrije School Noorderlicht',
      pupilCount: 1280,
      bestuurder: { name: 'Annemarie Brouwer', email: 'a.brouwer@noorderlicht.example' },
      schools: [
        regular('Vrije School Noorderlicht', 37_000),
        regular('Noorderlicht Bovenbouw', 29_000),
      ],
    },
    {
      name: 'Vereniging Gereformeerd Voortgezet Onderwijs Eemsborg',
      pupilCount: 1150,
      bestuurder: { name: 'Jacob van der Meer', email: 'j.vandermeer@eemsborg.example' },
      schools: [regular('Eemsborg College', 35_500), regular('Eemsborg Mavo', 27_000)],
    },
    {
      name: 'Stichting Praktijkonderwijs De Wierde',
      pupilCount: 920,
      bestuurder: { name: 'Tineke Smits', email: 't.smits@dewierde.example' },
      schools: [
        regular('Praktijkschool De Wierde', 60_000, {
          contact: { name: 'Sjoerd Kok', email: 'zorg@praktijkschool-dewierde.example' },
        }),
        regular('Praktijkschool De Terp', 55_000),
      ],
    },
    {
      name: 'Stichting Speciaal Onderwijs De Klimop',
      pupilCount: 780,
      bestuurder: { name: 'Willemijn Zijlstra', email: 'w.zijlstra@deklimop.example' },
      schools: [
        special('VSO De Klimop', {
          contact: { name: 'Ronald Meijer', email: 'zorg@vso-deklimop.example' },
        }),
        special('VSO De Zonnewijzer'),
      ],
    },
    {
      name: 'Stichting Tweetalig Onderwijs Hoogkerk',
      pupilCount: 690,
      bestuurder: { name: 'Maarten Schuurman', email: 'm.schuurman@tto-hoogkerk.example' },
      schools: [
        regular('Tweetalig Lyceum Hoogkerk', 32_000),
        regular('Internationale Schakelklas Hoogkerk', 44_000),
      ],
    },
    {
      name: 'Stichting VSO Het Kompas',
      pupilCount: 570,
      bestuurder: { name: 'Ellen Kramer', email: 'e.kramer@hetkompas.example' },
      schools: [
        special('VSO Het Kompas', {
          contact: { name: 'Niels Visser', email: 'zorg@vso-hetkompas.example' },
        }),
        special('VSO De Vuurtoren'),
      ],
    },
  ],
  secretariat: member('Ingrid Wolters', DEMO_EMAILS.stadsring.secretariat, [
    'secretariat',
    'admin',
  ]),
  director: member('Hendrik Mulder', DEMO_EMAILS.stadsring.director, ['director']),
  // Two of the four ECT members focus on vso → regular vo transitions (docs/domain.md, source 001 §3.2).
  ectMembers: [
    member('Lotte Smit', DEMO_EMAILS.stadsring.ectMember, ['ect_member']),
    member('Bart Groen', 'b.groen@ect.stadsring.example', ['ect_member']),
    member('Yvonne Timmer', 'y.timmer@ect.stadsring.example', ['ect_member']),
    member('Arjen Nijboer', 'a.nijboer@ect.stadsring.example', ['ect_member']),
  ],
  boardsBody: {
    key: 'alv',
    name: 'Algemene Ledenvergadering',
    decisionKind: 'goedkeuring',
    rule: DEFAULT_RULES.alv,
  },
  // Three independent members; Sanne Oosterhof sits on the OPR's binding nomination (docs/domain.md, source 001 §1.1).
  rvt: [
    member('Anneke Veenstra', DEMO_EMAILS.stadsring.rvtChair),
    member('Pieter Huizinga', 'p.huizinga@rvt.stadsring.example'),
    member('Sanne Oosterhof', 's.oosterhof@rvt.stadsring.example'),
  ],
  // Elected staff (first three) and parents (last three) of the member schools (docs/domain.md, source 001 §1.1).
  opr: [
    member('Monique Kuipers', DEMO_EMAILS.stadsring.oprMember),
    member('Dirk Venema', 'd.venema@opr.stadsring.example'),
    member('Fatima el Amrani', 'f.elamrani@opr.stadsring.example'),
    member('Sven Bolhuis', 's.bolhuis@opr.stadsring.example'),
    member('Renate Hofstede', 'r.hofstede@opr.stadsring.example'),
    member('Youssef Bakkali', 'y.bakkali@opr.stadsring.example'),
  ],
};

/**
 * The Liemers (docs/domain.md, source 003) is governed by an Algemeen Bestuur of the boards; its statutes are not
 * in the seeds, so: one vote per board, quorum half of the members, simple majority.
 */
const ALGEMEEN_BESTUUR_RULE: VotingRule = {
  weighting: 'one_member_one_vote',
  quorum: { basis: 'members', numerator: 1, denominator: 2 },
  majority: { basis: 'votes_cast', strict: true, numerator: 1, denominator: 2 },
  abstentions: 'excluded',
};

const RIJNOEVER: TenantSeed = {
  slug: DEMO_SLUGS.rijnoever,
  name: 'Samenwerkingsverband PO Rijnoever',
  region: 'zuid',
  sector: 'po',
  boards: [
    {
      name: 'Stichting Openbaar Primair Onderwijs Rijnoever',
      pupilCount: 2450,
      bestuurder: { name: 'Wim Hendriks', email: DEMO_EMAILS.rijnoever.abMember },
      schools: [
        regular('OBS De Kastanje', 18_000),
        regular('OBS Het Baken', 16_500),
        regular('OBS De Sleutel', 15_000),
        regular("OBS 't Overlaat", 17_500),
        regular('OBS De Uiterwaard', 19_000),
        regular('OBS De Dijkpost', 15_500),
        regular('OBS Rivierenhof', 21_000, { locations: 2 }),
        regular('OBS De Vlinder', 16_000),
      ],
    },
    {
      name: 'Stichting Katholiek Basisonderwijs Rijnwaarden-Oost',
      pupilCount: 1900,
      bestuurder: { name: 'Marga Peters', email: 'm.peters@kbo-rijnwaarden.example' },
      schools: [
        regular('Sint-Jozefschool', 17_000),
        regular('Sint-Martinusschool', 18_500),
        regular('KBS De Wegwijzer', 15_000),
        regular('KBS De Zonnebloem', 16_000),
        regular('KBS Sint-Willibrordus', 19_500),
        regular('KBS De Toverfluit', 15_500),
      ],
    },
    {
      name: 'Vereniging Christelijk Primair Onderwijs De Bongerd',
      pupilCount: 1250,
      bestuurder: { name: 'Arend Wijnberg', email: 'a.wijnberg@debongerd.example' },
      schools: [
        regular('CBS De Bongerd', 17_500),
        regular('CBS De Akker', 15_000),
        regular('CBS Het Anker', 16_500),
        regular('CBS De Ark', 15_000),
      ],
    },
    {
      name: 'Stichting Speciaal Onderwijs De Regenboog',
      pupilCount: 310,
      bestuurder: { name: 'Carla Gerritsen', email: 'c.gerritsen@deregenboog.example' },
      schools: [special('SBO De Regenboog'), special('SO De Wilg')],
    },
    {
      name: 'Stichting Montessorionderwijs Oeverland',
      pupilCount: 560,
      bestuurder: { name: 'Thijs Evers', email: 't.evers@oeverland.example' },
      schools: [
        regular('Montessorischool Oeverland', 16_000),
        regular('Montessorischool De Kribbe', 15_000),
      ],
    },
    {
      name: 'Stichting Dalton Primair Zevenaarsveld',
      pupilCount: 830,
      bestuurder: { name: 'Ilse Roelofs', email: 'i.roelofs@dalton-zevenaarsveld.example' },
      schools: [
        regular('Daltonschool Zevenaarsveld', 17_000),
        regular('Daltonschool De Horizon', 15_500),
        regular('Daltonschool De Windroos', 15_000),
      ],
    },
  ],
  secretariat: member('Nicole Arts', DEMO_EMAILS.rijnoever.secretariat, ['secretariat', 'admin']),
  director: member('Frank Lammers', DEMO_EMAILS.rijnoever.director, ['director']),
  ectMembers: [
    member('Saskia Willemsen', 's.willemsen@ondersteuning.rijnoever.example', ['ect_member']),
    member('Ruud Tiemessen', 'r.tiemessen@ondersteuning.rijnoever.example', ['ect_member']),
  ],
  boardsBody: {
    key: 'ab',
    name: 'Algemeen Bestuur',
    decisionKind: 'goedkeuring',
    rule: ALGEMEEN_BESTUUR_RULE,
  },
  rvt: [
    member('Joost Verheij', 'j.verheij@rvt.rijnoever.example'),
    member('Mirjam Hermsen', 'm.hermsen@rvt.rijnoever.example'),
    member('Bas Kersten', 'b.kersten@rvt.rijnoever.example'),
  ],
  opr: [
    member('Anouk Janssen', 'a.janssen@opr.rijnoever.example'),
    member('Erik Wolters', 'e.wolters@opr.rijnoever.example'),
    member('Priya Ramdin', 'p.ramdin@opr.rijnoever.example'),
    member('Lisa van Dijk', 'l.vandijk@opr.rijnoever.example'),
    member('Hans Ebbers', 'h.ebbers@opr.rijnoever.example'),
    member('Noor Derksen', 'n.derksen@opr.rijnoever.example'),
  ],
};

/**
 * Inserts the two demo SWVs in one transaction, unless any organisation exists already (a real
 * installation is never touched). Safe to run concurrently: an advisory lock serialises seeders.
 */
export async function seedDemoData(
  ds: DataSource,
  options: { personalDataKeys?: FieldKeys } = {},
): Promise<{ created: boolean; transition?: DemoTransition | null }> {
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('jaarcyclus:seed-demo'))`);
    if (await em.getRepository(Organisation).exists()) return { created: false };
    await seedTenant(em, STADSRING);
    await seedTenant(em, RIJNOEVER);
    // Last year's ECT evaluation, finished (the support plan needs no extra data).
    await seedNewCyclesDemo(em, STADSRING.slug);
    // The demo schakeltraject holds pupil data: only with the keys that encrypt it.
    if (!options.personalDataKeys) return { created: true };
    return { created: true, transition: await seedDemoTransition(em, options.personalDataKeys) };
  });
}

async function seedTenant(em: EntityManager, seed: TenantSeed): Promise<void> {
  const organisation = await em.getRepository(Organisation).save({
    slug: seed.slug,
    name: seed.name,
    region: seed.region,
    sector: seed.sector,
    settings: {},
  });
  const organisationId = organisation.id;

  const boards = await em.getRepository(SchoolBoard).save(
    seed.boards.map((b) => ({
      organisationId,
      name: b.name,
      pupilCount: b.pupilCount,
      bestuurderPersonId: null,
    })),
  );

  let brinSerial = 0;
  const schoolRows = seed.boards.flatMap((b, i) =>
    b.schools.map((s) => ({
      organisationId,
      boardId: boards[i]!.id,
      name: s.name,
      brin: demoBrin(seed.sector, brinSerial++),
      kind: s.kind,
      locationCount: s.locations ?? 1,
      fixedAmountCents: s.fixedAmountCents,
      ectMemberPersonId: null,
    })),
  );
  const schools = await em.getRepository(School).save(schoolRows);

  const persons = em.getRepository(Person);
  const save = (p: PersonSeed, extra: Partial<Person> = {}): Promise<Person> =>
    persons.save({
      organisationId,
      name: p.name,
      email: p.email.toLowerCase(),
      roles: p.roles,
      locale: 'nl',
      active: true,
      ...extra,
    });

  await save(seed.secretariat);
  await save(seed.director);
  const bestuurders: Person[] = [];
  for (const [i, b] of seed.boards.entries()) {
    const board = boards[i]!;
    const person = await save(member(b.bestuurder.name, b.bestuurder.email), { boardId: board.id });
    bestuurders.push(person);
    await em.getRepository(SchoolBoard).update({ id: board.id }, { bestuurderPersonId: person.id });
  }

  // Every school has an ECT member (docs/domain.md, source 001 §3.2): assigned round-robin.
  const ect: Person[] = [];
  for (const p of seed.ectMembers) ect.push(await save(p));
  for (const [i, school] of schools.entries()) {
    await em
      .getRepository(School)
      .update({ id: school.id }, { ectMemberPersonId: ect[i % ect.length]!.id });
  }

  const schoolSeeds = seed.boards.flatMap((b) => b.schools);
  for (const [i, s] of schoolSeeds.entries()) {
    if (s.contact)
      await save(member(s.contact.name, s.contact.email, ['school_contact']), {
        schoolId: schools[i]!.id,
        boardId: schools[i]!.boardId,
      });
  }

  const rvt: Person[] = [];
  for (const p of seed.rvt) rvt.push(await save(p));
  const opr: Person[] = [];
  for (const p of seed.opr) opr.push(await save(p));

  const bodies = em.getRepository(Body);
  const members = em.getRepository(BodyMember);
  const boardsBody = await bodies.save({
    organisationId,
    key: seed.boardsBody.key,
    name: seed.boardsBody.name,
    decisionKind: seed.boardsBody.decisionKind,
    votingRule: seed.boardsBody.rule,
    chairPersonId: bestuurders[0]!.id,
  });
  // Each board is represented by its bestuurder; the board's pupil count is the vote weight.
  await members.save(
    bestuurders.map((p, i) => ({ bodyId: boardsBody.id, personId: p.id, boardId: boards[i]!.id })),
  );

  // RvT and OPR give goedkeuring and instemming respectively; keep the two distinct (docs/domain.md, source 001 §1.1).
  const rvtBody = await bodies.save({
    organisationId,
    key: 'rvt',
    name: 'Raad van Toezicht',
    decisionKind: 'goedkeuring',
    votingRule: DEFAULT_RULES.rvt,
    chairPersonId: rvt[0]!.id,
  });
  await members.save(rvt.map((p) => ({ bodyId: rvtBody.id, personId: p.id, boardId: null })));

  const oprBody = await bodies.save({
    organisationId,
    key: 'opr',
    name: 'Ondersteuningsplanraad',
    decisionKind: 'instemming',
    votingRule: DEFAULT_RULES.opr,
    chairPersonId: opr[0]!.id,
  });
  await members.save(opr.map((p) => ({ bodyId: oprBody.id, personId: p.id, boardId: null })));
}

/** Invented BRIN codes (two digits, two letters), unique within the demo. */
function demoBrin(sector: Sector, serial: number): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const first = letters[Math.floor(serial / letters.length) % letters.length]!;
  const second = letters[serial % letters.length]!;
  return `${sector === 'vo' ? '20' : '07'}${first}${second}`;
}
