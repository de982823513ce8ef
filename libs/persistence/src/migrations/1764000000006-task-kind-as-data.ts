import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task kinds become data: the CHECK that listed the four kinds of the first two cycles (vote,
 * adopt, submit, review) is replaced by one on their form only (TASK_KIND_PATTERN), so a new
 * cycle declares its kinds in code (TASK_KINDS) and needs no migration. Existing rows keep
 * their kind; each of them has that form.
 *
 * Down restores the list, and refuses (check violation) while a task of another kind exists.
 */
export class TaskKindAsData1764000000006 implements MigrationInterface {
  name = 'TaskKindAsData1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE task
        DROP CONSTRAINT task_kind_check,
        ADD CONSTRAINT task_kind_format_check CHECK (kind ~ '^[a-z][a-z0-9_]{0,39}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE task
        DROP CONSTRAINT task_kind_format_check,
        ADD CONSTRAINT task_kind_check CHECK (kind IN ('vote', 'adopt', 'submit', 'review'))`);
  }
}
