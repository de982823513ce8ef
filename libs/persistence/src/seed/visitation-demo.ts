import { DEFAULT_PLAYBOOKS } from '@jaarcyclus/domain';
import type { DataSource } from 'typeorm';
import { Repositories } from '../repositories/repositories';
import { DEMO_SLUGS } from './demo';

/**
 * Demo data for collegial visitations (docs/domain.md §3): Stadsring gets a pool of visitors
 * (its schools' zorgcoördinatoren and a few intern begeleiders, five of them trained to chair)
 * and a draft programme for 2026-2027 with seven schools and the TLV route as hosts, ready to
 * have a schedule proposed and published. Idempotent: nothing happens when Stadsring has a
 * programme already, or when the demo SWV is not there.
 */
export const DEMO_VISITORS: { name: string; email: string; school: string }[] = [
  { name: 'Iris Mulder', email: 'ib@lyceum-oosterpoort.example', school: 'Lyceum Oosterpoort' },
  { name: 'Tom de Groot', email: 'ib@havo-esserveld.example', school: 'Havo Esserveld' },
  { name: 'Sanne Smit', email: 'ib@lyceum-beijum.example', school: 'Christelijk Lyceum Beijum' },
  { name: 'Daan Kramer', email: 'ib@sint-maartensmavo.example', school: 'Sint-Maartensmavo' },
  { name: 'Eva Jonker', email: 'ib@reitdiep-college.example', school: 'Reitdiep College' },
  { name: 'Lars Hofman', email: 'ib@eemsborg-college.example', school: 'Eemsborg College' },
  {
    name: 'Noor Bakker',
    email: 'ib@noorderlicht.example',
    school: 'Vrije School Noorderlicht',
  },
  {
    name: 'Bram Dijkstra',
    email: 'ib@lyceum-hoogkerk.example',
    school: 'Tweetalig Lyceum Hoogkerk',
  },
];

/** Trained chairs among the visitors (by e-mail). */
const TRAINED = new Set([
  'ib@lyceum-oosterpoort.example',
  'ib@lyceum-beijum.example',
  'ib@reitdiep-college.example',
  'zorg@hunzeborg-college.example',
  'zorg@sint-ludgercollege.example',
]);

export async function seedVisitationDemo(ds: DataSource): Promise<{ created: boolean }> {
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('jaarcyclus:seed-visitation'))`);
    const org = (
      (await em.query(`SELECT id FROM organisation WHERE slug = $1`, [DEMO_SLUGS.stadsring])) as {
        id: string;
      }[]
    )[0];
    if (!org) return { created: false };
    const repos = new Repositories(em);
    if ((await repos.visitation.listProgrammes(org.id)).length > 0) return { created: false };
    const schools = (await em.query(`SELECT id, name FROM school WHERE organisation_id = $1`, [
      org.id,
    ])) as { id: string; name: string }[];
    const schoolId = new Map(schools.map((s) => [s.name, s.id]));
    for (const v of DEMO_VISITORS) {
      await em.query(
        `INSERT INTO person (organisation_id, email, name, roles, school_id)
         VALUES ($1, $2, $3, '{}', $4) ON CONFLICT (organisation_id, email) DO NOTHING`,
        [org.id, v.email, v.name, schoolId.get(v.school)],
      );
    }
    const contacts = (await em.query(
      `SELECT p.id, p.email, p.school_id, s.kind FROM person p JOIN school s ON s.id = p.school_id
        WHERE p.organisation_id = $1 AND 'school_contact' = ANY (p.roles) AND p.active
        ORDER BY s.name`,
      [org.id],
    )) as { id: string; email: string; school_id: string; kind: string }[];
    const visitors = (await em.query(
      `SELECT id, email FROM person WHERE organisation_id = $1 AND email = ANY ($2::text[])`,
      [org.id, [...DEMO_VISITORS.map((v) => v.email), ...contacts.map((c) => c.email)]],
    )) as { id: string; email: string }[];
    const secretariat = (await em.query(
      `SELECT id FROM person WHERE organisation_id = $1 AND 'secretariat' = ANY (roles) ORDER BY email LIMIT 1`,
      [org.id],
    )) as { id: string }[];
    await repos.visitation.createProgramme({
      organisationId: org.id,
      title: 'Collegiale visitaties 2026-2027',
      schoolYear: '2026-2027',
      kind: 'collegiale-visitatie',
      playbook: DEFAULT_PLAYBOOKS['collegiale-visitatie'],
      teamSize: 3,
      maxVisitsPerVisitor: 2,
      windows: [{ start: '2027-02-01', end: '2027-03-31' }],
      createdByPersonId: secretariat[0]?.id ?? null,
      hosts: [
        ...contacts
          .filter((c) => c.kind === 'regular')
          .map((c) => ({
            kind: 'school' as const,
            name: schools.find((s) => s.id === c.school_id)!.name,
            schoolId: c.school_id,
            region: 'noord' as const,
            contactPersonIds: [c.id],
          })),
        // A process of the SWV, audited jointly in Groningen (source 001 §6.2): the TLV route.
        {
          kind: 'process' as const,
          name: 'TLV-route vso',
          schoolId: null,
          region: 'noord' as const,
          contactPersonIds: secretariat.map((p) => p.id),
        },
      ],
      visitors: visitors.map((v) => ({ personId: v.id, trainedChair: TRAINED.has(v.email) })),
    });
    return { created: true };
  });
}
