import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The allocation letters as they were sent (`allocation_letter`): one row per budget cycle and
 * board, holding the letter's data (amounts, decisions, reserve, date) so the board and the
 * office read the very letter of that day as a PDF in the web app, whatever changed in the
 * master data since. `board_id` is not a foreign key: a letter outlives a board that is deleted
 * later (its name is in `data`).
 */
export class AllocationLetters1764000000150 implements MigrationInterface {
  name = 'AllocationLetters1764000000150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE allocation_letter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        workflow_id text NOT NULL,
        board_id uuid NOT NULL,
        budget_year integer NOT NULL CHECK (budget_year BETWEEN 2000 AND 2200),
        total_cents bigint NOT NULL,
        data jsonb NOT NULL,
        letter_date timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT allocation_letter_once UNIQUE (organisation_id, workflow_id, board_id)
      )`);
    await q.query(
      `CREATE INDEX allocation_letter_board_idx ON allocation_letter (organisation_id, board_id, budget_year)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE allocation_letter`);
  }
}
