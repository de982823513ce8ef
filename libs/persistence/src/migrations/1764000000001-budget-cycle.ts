import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the durable cycles: one row per cycle (workflow) and the tasks it hands out. */
export class BudgetCycle1764000000001 implements MigrationInterface {
  name = 'BudgetCycle1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cycle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        kind text NOT NULL,
        year integer NOT NULL,
        workflow_id text NOT NULL,
        title text NOT NULL,
        status text NOT NULL,
        created_by_person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cycle_workflow_id_key UNIQUE (workflow_id),
        CONSTRAINT cycle_kind_check CHECK (kind ~ '^[a-z][a-z_]*$'),
        CONSTRAINT cycle_year_check CHECK (year BETWEEN 2000 AND 2100)
      )`);
    await q.query(
      `CREATE INDEX cycle_organisation_kind_year_idx ON cycle (organisation_id, kind, year)`,
    );

    await q.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        person_id uuid NOT NULL,
        workflow_id text NOT NULL,
        kind text NOT NULL,
        ref_key text NOT NULL,
        title text NOT NULL,
        due_at timestamptz,
        status text NOT NULL DEFAULT 'open',
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT task_workflow_person_kind_ref_key UNIQUE (workflow_id, person_id, kind, ref_key),
        CONSTRAINT task_kind_check CHECK (kind IN ('vote', 'adopt', 'submit', 'review')),
        CONSTRAINT task_status_check CHECK (status IN ('open', 'done', 'cancelled')),
        CONSTRAINT task_person_fkey FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
      )`);
    await q.query(`CREATE INDEX task_person_status_idx ON task (person_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task`);
    await q.query(`DROP TABLE cycle`);
  }
}
