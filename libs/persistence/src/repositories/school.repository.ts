import type { SchoolKind } from '../entities/enums';
import { School } from '../entities/school.entity';
import type { Db } from './db';
import { TenantRecords } from './tenant-records';

export interface SchoolWithBoard {
  id: string;
  name: string;
  boardId: string;
  boardName: string;
  bestuurderPersonId: string | null;
  ectMemberPersonId: string | null;
}

export interface BoardRow {
  id: string;
  name: string;
  pupilCount: number;
  bestuurderPersonId: string | null;
}

export interface RegularSchoolRow {
  id: string;
  boardId: string;
  name: string;
  fixedAmountCents: number;
}

/** A school with what decides who may see its accountability (see findForAccess). */
export interface SchoolAccessRow {
  id: string;
  name: string;
  kind: SchoolKind;
  boardId: string;
  boardName: string;
  ectMemberPersonId: string | null;
  bestuurderPersonId: string | null;
  /** The school the asking person is a contact of (their Person.schoolId), or null. */
  personSchoolId: string | null;
  /** The school's fixed amount (support profile): part of what it received, for underspending. */
  fixedAmountCents: number;
}

/**
 * Schools and their boards (school_board); the schools as master data (list, get, create,
 * update, delete; see TenantRecords), scoped by organisation.
 */
export class SchoolRepository extends TenantRecords<School> {
  constructor(db: Db) {
    super(db, School);
  }

  /** The tenant's school with its board; null when it is no school of this tenant. */
  async findWithBoard(organisationId: string, schoolId: string): Promise<SchoolWithBoard | null> {
    const rows = (await this.db.query(
      `SELECT s.id, s.name, s.board_id, b.name AS board_name, b.bestuurder_person_id, s.ect_member_person_id
         FROM school s
         JOIN school_board b ON b.organisation_id = s.organisation_id AND b.id = s.board_id
        WHERE s.organisation_id = $1 AND s.id = $2`,
      [organisationId, schoolId],
    )) as {
      id: string;
      name: string;
      board_id: string;
      board_name: string;
      bestuurder_person_id: string | null;
      ect_member_person_id: string | null;
    }[];
    const r = rows[0];
    return r
      ? {
          id: r.id,
          name: r.name,
          boardId: r.board_id,
          boardName: r.board_name,
          bestuurderPersonId: r.bestuurder_person_id,
          ectMemberPersonId: r.ect_member_person_id,
        }
      : null;
  }

  /** Names of the tenant's schools among `ids`, by id (other ids are absent). */
  async names(organisationId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = (await this.db.query(
      `SELECT id, name FROM school WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, ids],
    )) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The tenant's regular schools (they receive a fixed amount, docs/domain.md, source 001 §7.2), by name. */
  async regularSchools(organisationId: string): Promise<RegularSchoolRow[]> {
    const rows = (await this.db.query(
      `SELECT id, board_id, name, fixed_amount_cents FROM school
        WHERE organisation_id = $1 AND kind = 'regular' ORDER BY name, id`,
      [organisationId],
    )) as { id: string; board_id: string; name: string; fixed_amount_cents: string }[];
    return rows.map((s) => ({
      id: s.id,
      boardId: s.board_id,
      name: s.name,
      fixedAmountCents: Number(s.fixed_amount_cents),
    }));
  }

  /** The tenant's school boards, by name. */
  async boards(organisationId: string): Promise<BoardRow[]> {
    const rows = (await this.db.query(
      `SELECT id, name, pupil_count, bestuurder_person_id FROM school_board
        WHERE organisation_id = $1 ORDER BY name, id`,
      [organisationId],
    )) as { id: string; name: string; pupil_count: number; bestuurder_person_id: string | null }[];
    return rows.map((b) => ({
      id: b.id,
      name: b.name,
      pupilCount: b.pupil_count,
      bestuurderPersonId: b.bestuurder_person_id,
    }));
  }

  /**
   * The tenant's school with its board, its ECT member and bestuurder, and the school `personId`
   * is a contact of; null when it is no school of this tenant.
   */
  async findForAccess(
    organisationId: string,
    schoolId: string,
    personId: string,
  ): Promise<SchoolAccessRow | null> {
    const rows = (await this.db.query(
      `SELECT s.id, s.name, s.kind, s.board_id, b.name AS board_name, s.ect_member_person_id,
              b.bestuurder_person_id, s.fixed_amount_cents,
              (SELECT p.school_id FROM person p WHERE p.id = $3 AND p.organisation_id = $1) AS my_school_id
         FROM school s
         JOIN school_board b ON b.organisation_id = s.organisation_id AND b.id = s.board_id
        WHERE s.organisation_id = $1 AND s.id = $2`,
      [organisationId, schoolId, personId],
    )) as {
      id: string;
      name: string;
      kind: SchoolKind;
      board_id: string;
      board_name: string;
      ect_member_person_id: string | null;
      bestuurder_person_id: string | null;
      fixed_amount_cents: string | number;
      my_school_id: string | null;
    }[];
    const r = rows[0];
    return r
      ? {
          id: r.id,
          name: r.name,
          kind: r.kind,
          boardId: r.board_id,
          boardName: r.board_name,
          ectMemberPersonId: r.ect_member_person_id,
          bestuurderPersonId: r.bestuurder_person_id,
          personSchoolId: r.my_school_id,
          fixedAmountCents: Number(r.fixed_amount_cents),
        }
      : null;
  }

  /**
   * Ids of the tenant's schools the person is linked to: the school they are a contact of
   * (`asContact`), the schools they are the ECT member of (`asEct`), and the schools of the
   * boards they are the bestuurder of (always).
   */
  async idsLinkedTo(
    organisationId: string,
    personId: string,
    { asContact, asEct }: { asContact: boolean; asEct: boolean },
  ): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT s.id FROM school s
         JOIN school_board b ON b.organisation_id = s.organisation_id AND b.id = s.board_id
        WHERE s.organisation_id = $1
          AND (($3 AND s.id = (SELECT school_id FROM person WHERE id = $2))
               OR ($4 AND s.ect_member_person_id = $2)
               OR b.bestuurder_person_id = $2)`,
      [organisationId, personId, asContact, asEct],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
