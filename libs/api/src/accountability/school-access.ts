import { DomainError } from '@jaarcyclus/domain';
import type { Role, SchoolRepository } from '@jaarcyclus/persistence';
import type { AuthenticatedPerson } from '../auth/authenticated-person';

/**
 * Why the signed-in person may see a school's accountability:
 * - office: the SWV's office (secretariat, directeur-bestuurder, administrators) sees every school;
 * - contact: a school contact sees and submits for the school they represent (Person.schoolId);
 * - ect: an ECT member reads the schools they are the ECT member of (School.ectMemberPersonId;
 *   docs/domain.md, source 001 §7.4: the ECT member evaluates the year with the school);
 * - board: the bestuurder of the school's board reads its schools (SchoolBoard.bestuurderPersonId;
 *   the board is escalated to when a school is late, docs/domain.md §2).
 */
export type SchoolAccess = 'office' | 'contact' | 'ect' | 'board';

export const OFFICE_ROLES: readonly Role[] = ['secretariat', 'director', 'admin'];

export interface SchoolRef {
  id: string;
  name: string;
  kind: 'regular' | 'special';
  boardId: string;
  boardName: string;
}

export interface SchoolWithAccess {
  school: SchoolRef;
  access: Set<SchoolAccess>;
  /** The school's fixed amount: what it received besides the variable amount it reports. */
  fixedAmountCents: number;
}

/**
 * The school, if the person may see it. Another SWV's school, an unknown id and a school the
 * person has nothing to do with all answer the same 404, so ids cannot be probed.
 */
export async function schoolForPerson(
  schools: SchoolRepository,
  me: AuthenticatedPerson,
  schoolId: string,
): Promise<SchoolWithAccess> {
  const row = await schools.findForAccess(me.organisationId, schoolId, me.id);
  const access = new Set<SchoolAccess>();
  if (row) {
    if (me.roles.some((r) => OFFICE_ROLES.includes(r))) access.add('office');
    if (me.roles.includes('school_contact') && row.personSchoolId === row.id) access.add('contact');
    if (me.roles.includes('ect_member') && row.ectMemberPersonId === me.id) access.add('ect');
    if (row.bestuurderPersonId === me.id) access.add('board');
  }
  if (!row || access.size === 0) throw new DomainError('NOT_FOUND', 'School not found');
  return {
    school: {
      id: row.id,
      name: row.name,
      kind: row.kind,
      boardId: row.boardId,
      boardName: row.boardName,
    },
    access,
    fixedAmountCents: row.fixedAmountCents,
  };
}

/** Only the school's own contact may save or submit its figures. */
export function assertContact(found: SchoolWithAccess): void {
  if (!found.access.has('contact')) throw new DomainError('NOT_FOUND', 'School not found');
}
