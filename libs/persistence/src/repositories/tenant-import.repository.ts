import {
  parseCsv,
  planBoardImport,
  planPersonImport,
  planSchoolImport,
  type ExistingBoard,
  type ExistingBody,
  type ExistingPerson,
  type ExistingSchool,
  type ImportKind,
  type ImportReport,
} from '@jaarcyclus/domain';
import type { EntityManager } from 'typeorm';
import { type Db, inTransaction } from './db';

/**
 * The CSV import of an SWV's boards, schools and people (issue #15): the file is read and every
 * line checked by the domain (libs/domain/src/import) against the SWV's data as it is, then the
 * accepted lines are written in one transaction, with the SWV's row locked so that two imports
 * of one SWV do not interleave. A refused line writes nothing; a file refused as a whole
 * (separator, header) writes nothing at all. Only the SWV's own rows are read and written.
 */
export class TenantImportRepository {
  constructor(private readonly db: Db) {}

  async import(organisationId: string, kind: ImportKind, text: string): Promise<ImportReport> {
    const table = parseCsv(text);
    return inTransaction(this.db, async (em) => {
      await em.query(`SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE`, [organisationId]);
      const boards = await this.boards(em, organisationId);
      if (kind === 'boards') {
        const { report, writes } = planBoardImport(table, boards);
        for (const w of writes) {
          if (w.id === null) {
            await em.query(
              `INSERT INTO school_board (organisation_id, name, board_number, pupil_count) VALUES ($1, $2, $3, $4)`,
              [organisationId, w.name, w.boardNumber ?? null, w.pupilCount],
            );
          } else {
            await em.query(
              `UPDATE school_board SET name = $3, pupil_count = $4,
                  board_number = CASE WHEN $5 THEN $6 ELSE board_number END
                WHERE organisation_id = $1 AND id = $2`,
              [
                organisationId,
                w.id,
                w.name,
                w.pupilCount,
                w.boardNumber !== undefined,
                w.boardNumber ?? null,
              ],
            );
          }
        }
        return report;
      }
      const schools = await this.schools(em, organisationId);
      if (kind === 'schools') {
        const { report, writes } = planSchoolImport(table, boards, schools);
        for (const w of writes) {
          if (w.id === null) {
            await em.query(
              `INSERT INTO school (organisation_id, board_id, name, brin, kind, pupil_count, location_count, fixed_amount_cents)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [
                organisationId,
                w.boardId,
                w.name,
                w.brin,
                w.kind,
                w.pupilCount ?? null,
                w.locationCount ?? 1,
                w.fixedAmountCents ?? 0,
              ],
            );
          } else {
            await em.query(
              `UPDATE school SET board_id = $3, name = $4, kind = $5,
                  pupil_count = CASE WHEN $6 THEN $7::integer ELSE pupil_count END,
                  location_count = COALESCE($8::integer, location_count),
                  fixed_amount_cents = COALESCE($9::bigint, fixed_amount_cents)
                WHERE organisation_id = $1 AND id = $2`,
              [
                organisationId,
                w.id,
                w.boardId,
                w.name,
                w.kind,
                w.pupilCount !== undefined,
                w.pupilCount ?? null,
                w.locationCount ?? null,
                w.fixedAmountCents ?? null,
              ],
            );
          }
        }
        return report;
      }
      const persons = await this.persons(em, organisationId);
      const emails = table.records.flatMap((r) => r.cells.map((c) => c.trim().toLowerCase()));
      const elsewhere = (await em.query(
        `SELECT email FROM person WHERE organisation_id <> $1 AND email = ANY($2::text[])`,
        [organisationId, emails.filter((e) => e.includes('@'))],
      )) as { email: string }[];
      const { report, writes } = planPersonImport(table, {
        boards,
        schools,
        bodies: await this.bodies(em, organisationId),
        persons,
        emailsElsewhere: new Set(elsewhere.map((e) => e.email)),
      });
      for (const w of writes) {
        const values = [w.name, w.email, w.locale, w.roles, w.boardId, w.schoolId];
        let personId = w.id;
        if (personId === null) {
          const [row] = (await em.query(
            `INSERT INTO person (organisation_id, name, email, locale, roles, board_id, school_id)
             VALUES ($1, $2, $3, $4, $5::text[], $6, $7) RETURNING id`,
            [organisationId, ...values],
          )) as { id: string }[];
          personId = row!.id;
        } else {
          await em.query(
            `UPDATE person SET name = $2, email = $3, locale = $4, roles = $5::text[], board_id = $6, school_id = $7
              WHERE organisation_id = $1 AND id = $8`,
            [organisationId, ...values, personId],
          );
        }
        for (const m of w.addMemberships) {
          await em.query(
            `INSERT INTO body_member (body_id, person_id, board_id) VALUES ($1, $2, $3)
             ON CONFLICT (body_id, person_id) DO NOTHING`,
            [m.bodyId, personId, m.boardId],
          );
        }
        if (w.chairOf.length > 0) {
          await em.query(
            `UPDATE body SET chair_person_id = $2 WHERE organisation_id = $1 AND id = ANY($3::uuid[])`,
            [organisationId, personId, w.chairOf],
          );
        }
        if (w.bestuurderOf !== null) {
          await em.query(
            `UPDATE school_board SET bestuurder_person_id = $3 WHERE organisation_id = $1 AND id = $2`,
            [organisationId, w.bestuurderOf, personId],
          );
        }
      }
      return report;
    });
  }

  private async boards(em: EntityManager, organisationId: string): Promise<ExistingBoard[]> {
    return (await em.query(
      `SELECT id, name, board_number AS "boardNumber", pupil_count AS "pupilCount"
         FROM school_board WHERE organisation_id = $1 ORDER BY name, id`,
      [organisationId],
    )) as ExistingBoard[];
  }

  private async schools(em: EntityManager, organisationId: string): Promise<ExistingSchool[]> {
    const rows = (await em.query(
      `SELECT id, name, brin, board_id AS "boardId", kind, pupil_count AS "pupilCount",
              location_count AS "locationCount", fixed_amount_cents::text AS "fixedAmountCents"
         FROM school WHERE organisation_id = $1 ORDER BY name, id`,
      [organisationId],
    )) as (Omit<ExistingSchool, 'fixedAmountCents'> & { fixedAmountCents: string })[];
    return rows.map((r) => ({ ...r, fixedAmountCents: Number(r.fixedAmountCents) }));
  }

  private async bodies(em: EntityManager, organisationId: string): Promise<ExistingBody[]> {
    return (await em.query(
      `SELECT id, key, name, voting_rule->>'weighting' = 'pupil_count' AS "weighsByPupils",
              chair_person_id AS "chairPersonId"
         FROM body WHERE organisation_id = $1 ORDER BY key`,
      [organisationId],
    )) as ExistingBody[];
  }

  private async persons(em: EntityManager, organisationId: string): Promise<ExistingPerson[]> {
    return (await em.query(
      `SELECT p.id, p.name, p.email, p.locale, p.roles, p.board_id AS "boardId", p.school_id AS "schoolId",
              ARRAY(SELECT m.body_id::text FROM body_member m WHERE m.person_id = p.id) AS "bodyIds",
              (SELECT b.id FROM school_board b
                WHERE b.organisation_id = p.organisation_id AND b.bestuurder_person_id = p.id
                ORDER BY b.id LIMIT 1) AS "bestuurderOf"
         FROM person p WHERE p.organisation_id = $1 ORDER BY p.email`,
      [organisationId],
    )) as ExistingPerson[];
  }
}
