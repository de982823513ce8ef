import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform roles (PLATFORM_ROLES): `operator`, who runs the service and may read decrypted
 * workflow data of every SWV through the Temporal Web UI's codec endpoint. A column of its own
 * rather than a value of `roles`: an SWV's administrator sets `roles` for the SWV's people, and
 * must not be able to grant access to other SWVs' data. Nobody has a platform role after `up`;
 * `down` drops the column with whatever was granted.
 */
export class PlatformRoles1764000000007 implements MigrationInterface {
  name = 'PlatformRoles1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person
        ADD COLUMN platform_roles text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT person_platform_roles_check CHECK (platform_roles <@ ARRAY['operator']::text[])`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP COLUMN platform_roles`);
  }
}
