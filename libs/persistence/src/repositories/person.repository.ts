import type { Locale, Role } from '../entities/enums';
import { Person } from '../entities/person.entity';
import type { Db } from './db';
import { TenantRecords } from './tenant-records';

/** What a mail to a person needs. */
export interface PersonContact {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}

/** A person by name, as a roster lists them. */
export interface PersonName {
  id: string;
  name: string;
}

/**
 * People of a tenant: recipients of mail and tasks, and master data (list, get, create, update,
 * delete; see TenantRecords). Every lookup is scoped to one SWV.
 */
export class PersonRepository extends TenantRecords<Person> {
  constructor(db: Db) {
    super(db, Person);
  }

  /**
   * The persons of the tenant among `ids` (in no particular order); with `activeOnly`, only
   * the active ones: an inactive person is nobody to mail.
   */
  async contacts(
    organisationId: string,
    ids: readonly string[],
    { activeOnly }: { activeOnly: boolean },
  ): Promise<PersonContact[]> {
    if (ids.length === 0) return [];
    return (await this.db.query(
      `SELECT id, name, email, locale FROM person
        WHERE organisation_id = $1 AND id = ANY($2::uuid[])${activeOnly ? ' AND active' : ''}`,
      [organisationId, ids],
    )) as PersonContact[];
  }

  /** The tenant's active persons with `role` (e.g. the secretariat), by name. */
  async activeWithRole(organisationId: string, role: Role): Promise<PersonName[]> {
    return (await this.db.query(
      `SELECT id, name FROM person
        WHERE organisation_id = $1 AND active AND $2 = ANY(roles)
        ORDER BY name, id`,
      [organisationId, role],
    )) as PersonName[];
  }

  /** The active school contacts of the given schools, by name. */
  async activeSchoolContacts(
    organisationId: string,
    schoolIds: readonly string[],
  ): Promise<(PersonContact & { schoolId: string })[]> {
    const rows = (await this.db.query(
      `SELECT school_id, id, name, email, locale FROM person
        WHERE organisation_id = $1 AND school_id = ANY($2::uuid[]) AND active AND 'school_contact' = ANY(roles)
        ORDER BY name, id`,
      [organisationId, schoolIds],
    )) as (PersonContact & { school_id: string })[];
    return rows.map(({ school_id, ...p }) => ({ ...p, schoolId: school_id }));
  }

  /** Per board (id), its first active contact person by name: who gets a board's letter when it has no bestuurder. */
  async firstActiveBoardContacts(organisationId: string): Promise<Map<string, string>> {
    const rows = (await this.db.query(
      `SELECT DISTINCT ON (board_id) board_id, id FROM person
        WHERE organisation_id = $1 AND active AND board_id IS NOT NULL ORDER BY board_id, name, id`,
      [organisationId],
    )) as { board_id: string; id: string }[];
    return new Map(rows.map((r) => [r.board_id, r.id]));
  }

  /** The school the person is a contact of (Person.schoolId); null for none or an unknown person. */
  async schoolIdOf(organisationId: string, personId: string): Promise<string | null> {
    const rows = (await this.db.query(
      `SELECT school_id FROM person WHERE id = $1 AND organisation_id = $2`,
      [personId, organisationId],
    )) as { school_id: string | null }[];
    return rows[0]?.school_id ?? null;
  }

  /** How many active administrators the tenant has (it must keep one). */
  async countActiveAdmins(organisationId: string): Promise<number> {
    const rows = (await this.db.query(
      `SELECT count(*)::int AS n FROM person WHERE organisation_id = $1 AND active AND 'admin' = ANY (roles)`,
      [organisationId],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }
}
