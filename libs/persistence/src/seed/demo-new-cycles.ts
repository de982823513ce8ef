import type { EntityManager } from 'typeorm';

/**
 * Demo data for the autumn ECT evaluation (docs/domain.md, source 001 §7.4): last year's
 * evaluation of a few schools of the first demo SWV, finished, so that `npm start` shows it on
 * the cycles page and its agreements beside this year's accountability overview. The
 * support-plan decision needs nothing extra: it reads the SWV's bodies, which the demo has.
 * Written in the shape the worker publishes (cycle.state) and stores (ect_evaluation).
 */
const EVALUATIONS: { school: string; findings: string; agreements: string }[] = [
  {
    school: 'Stadsring College',
    findings:
      'Het ondersteuningsteam kent de leerlingen met een arrangement goed; de OPP’s zijn op tijd geëvalueerd.',
    agreements:
      'Elke periode een consultatie met de ECT’er; mentoren volgen de training gespreksvoering.',
  },
  {
    school: 'Lyceum Oosterpoort',
    findings: 'Meer vragen over faalangst in de onderbouw dan vorig jaar.',
    agreements: 'Een faalangstreductietraining in de onderbouw; evaluatie in het voorjaar.',
  },
  {
    school: 'Mavo Zuiderplein',
    findings: 'De overstap van vso-leerlingen verliep goed met de schakelklas.',
    agreements: 'De schakelklas blijft; afspraken met het vso over nazorg worden vastgelegd.',
  },
];

export async function seedNewCyclesDemo(
  em: EntityManager,
  slug: string,
  now = new Date(),
): Promise<void> {
  const [org] = (await em.query(`SELECT id FROM organisation WHERE slug = $1`, [slug])) as {
    id: string;
  }[];
  if (!org) return;
  const year = now.getUTCFullYear() - 1;
  const schools = (await em.query(
    `SELECT id, name, ect_member_person_id FROM school
      WHERE organisation_id = $1 AND name = ANY($2::text[]) AND ect_member_person_id IS NOT NULL`,
    [org.id, EVALUATIONS.map((e) => e.school)],
  )) as { id: string; name: string; ect_member_person_id: string }[];
  if (schools.length === 0) return;
  const workflowId = `ect-evaluation:${org.id}:${year}`;
  const submittedAt = new Date(Date.UTC(year, 10, 20, 14, 0)).toISOString();
  const state = {
    workflowId,
    organisationId: org.id,
    year,
    title: `Evaluatie ECT ${year}`,
    phase: 'completed',
    deadline: new Date(Date.UTC(year, 10, 28, 16, 0)).toISOString(),
    invitedAt: new Date(Date.UTC(year, 9, 1, 8, 0)).toISOString(),
    nextReminderAt: null,
    escalatedAt: null,
    closedByPersonId: null,
    schools: schools.map((s) => ({
      schoolId: s.id,
      ectPersonId: s.ect_member_person_id,
      status: 'submitted',
      submittedAt,
      remindersSent: 0,
    })),
  };
  await em.query(
    `INSERT INTO cycle (organisation_id, kind, year, workflow_id, title, status, state, state_seq)
     VALUES ($1, 'ect_evaluation', $2, $3, $4, 'completed', $5, 1)`,
    [org.id, year, workflowId, state.title, JSON.stringify(state)],
  );
  for (const s of schools) {
    const e = EVALUATIONS.find((x) => x.school === s.name)!;
    await em.query(
      `INSERT INTO ect_evaluation
         (organisation_id, school_id, year, workflow_id, ect_person_id, findings, agreements, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        org.id,
        s.id,
        year,
        workflowId,
        s.ect_member_person_id,
        e.findings,
        e.agreements,
        submittedAt,
      ],
    );
  }
}
