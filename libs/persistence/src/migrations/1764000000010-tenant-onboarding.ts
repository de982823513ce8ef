import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onboarding and CSV import of an SWV (issue #15):
 * - the platform role `platform_admin`, who creates SWVs (`POST /api/platform/organisations`,
 *   `npm run platform -- onboard <file.json>`), next to `operator`;
 * - a board's bestuursnummer (the five digits DUO gives every school board), a natural key of
 *   the boards import besides the name; unique within an SWV;
 * - a school's pupil count (the boards' counts stay the vote weights: docs/domain.md, source 001 §1.1);
 * - a school's BRIN code with location (vestiging) unique within an SWV: the natural key of the
 *   schools import. Nothing is stored by `up` beyond the constraints; `down` drops what it added.
 */
export class TenantOnboarding1764000000010 implements MigrationInterface {
  name = 'TenantOnboarding1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person
        DROP CONSTRAINT person_platform_roles_check,
        ADD CONSTRAINT person_platform_roles_check
          CHECK (platform_roles <@ ARRAY['operator', 'platform_admin']::text[])`);
    await q.query(`
      ALTER TABLE school_board
        ADD COLUMN board_number text,
        ADD CONSTRAINT school_board_board_number_check CHECK (board_number ~ '^[0-9]{5}$'),
        ADD CONSTRAINT school_board_organisation_id_board_number_key UNIQUE (organisation_id, board_number)`);
    await q.query(`
      ALTER TABLE school
        ADD COLUMN pupil_count integer,
        ADD CONSTRAINT school_pupil_count_check CHECK (pupil_count >= 0),
        ADD CONSTRAINT school_organisation_id_brin_key UNIQUE (organisation_id, brin)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE school
        DROP CONSTRAINT school_organisation_id_brin_key,
        DROP COLUMN pupil_count`);
    await q.query(`ALTER TABLE school_board DROP COLUMN board_number`);
    await q.query(
      `UPDATE person SET platform_roles = array_remove(platform_roles, 'platform_admin')`,
    );
    await q.query(`
      ALTER TABLE person
        DROP CONSTRAINT person_platform_roles_check,
        ADD CONSTRAINT person_platform_roles_check CHECK (platform_roles <@ ARRAY['operator']::text[])`);
  }
}
