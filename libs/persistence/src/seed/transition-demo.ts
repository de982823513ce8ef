import { randomUUID } from 'node:crypto';
import { DEFAULT_TRANSITION_CONFIG, openTransition } from '@jaarcyclus/domain';
import type { EntityManager } from 'typeorm';
import { FieldCipher, type FieldKeys } from '../crypto/field-cipher';
import { TransitionRepository } from '../repositories/transition.repository';

/** The demo parent of the demo schakeltraject (an invented address on a .example domain). */
export const DEMO_PARENT_EMAIL = 'ouder.jansen@stadsring.example';

/** What the seed CLI needs to start the demo case's workflow. */
export interface DemoTransition {
  organisationId: string;
  caseId: string;
  workflowId: string;
  vsoSchoolId: string;
  openedByPersonId: string;
}

/**
 * One open schakeltraject in Stadsring (docs/domain.md §4): VSO De Klimop opened it for an
 * invented pupil, with an invented parent. The pupil's data are encrypted with the personal
 * data keys like any case; the workflow is started by the seed CLI (apps/api/src/cli/seed.ts).
 */
export async function seedDemoTransition(
  em: EntityManager,
  keys: FieldKeys,
): Promise<DemoTransition | null> {
  const rows = (await em.query(
    `SELECT o.id AS organisation_id, s.id AS school_id, s.ect_member_person_id, p.id AS contact_id
       FROM organisation o
       JOIN school s ON s.organisation_id = o.id AND s.name = 'VSO De Klimop'
       JOIN person p ON p.school_id = s.id AND 'school_contact' = ANY(p.roles)
      WHERE o.slug = 'stadsring' LIMIT 1`,
  )) as {
    organisation_id: string;
    school_id: string;
    ect_member_person_id: string | null;
    contact_id: string;
  }[];
  const at = rows[0];
  if (!at) return null;
  const repo = new TransitionRepository(em, new FieldCipher(keys));
  const parent = await repo.ensureParent(
    at.organisation_id,
    DEMO_PARENT_EMAIL,
    'Marieke Jansen',
    'nl',
  );
  if (parent === 'taken') return null;
  const caseId = randomUUID();
  const workflowId = `transition:${at.organisation_id}:${caseId}`;
  const today = new Date().toISOString().slice(0, 10);
  await repo.create({
    id: caseId,
    organisationId: at.organisation_id,
    workflowId,
    vsoSchoolId: at.school_id,
    pupil: { name: 'Daan Jansen', birthDate: '2011-09-14' },
    parentPersonIds: [parent],
    ectPersonIds: at.ect_member_person_id ? [at.ect_member_person_id] : [],
    state: openTransition(at.school_id, today),
    config: DEFAULT_TRANSITION_CONFIG,
    createdByPersonId: at.contact_id,
  });
  return {
    organisationId: at.organisation_id,
    caseId,
    workflowId,
    vsoSchoolId: at.school_id,
    openedByPersonId: at.contact_id,
  };
}
