import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Collegial visitations and audits (docs/domain.md §3): a programme per school year with its
 * hosts, visitor pool, the solver's proposals, the secretariat's locks, and once published one
 * visit per host with its durable flow's read model (steps, team, confirmations) and its
 * follow-up actions. Reports are documents (the `document` table) linked per visit and step.
 *
 * Every row carries the SWV's organisation id, so a read filtered by tenant never sees another
 * SWV's programme. Personal data stays in `person`: hosts and visitors refer to it by id.
 */
export class Visitation1764000000040 implements MigrationInterface {
  name = 'Visitation1764000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE visitation_programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
        kind text NOT NULL CHECK (kind IN ('collegiale-visitatie', 'audit')),
        playbook jsonb NOT NULL,
        team_size integer NOT NULL CHECK (team_size BETWEEN 2 AND 8),
        max_visits_per_visitor integer NOT NULL CHECK (max_visits_per_visitor BETWEEN 1 AND 50),
        windows jsonb NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        workflow_id text,
        created_by_person_id uuid REFERENCES person (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE visitation_host (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        programme_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('school', 'location', 'process')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        school_id uuid REFERENCES school (id),
        region text NOT NULL CHECK (region IN ('noord', 'midden', 'zuid')),
        contact_person_ids uuid[] NOT NULL DEFAULT '{}',
        unavailable date[] NOT NULL DEFAULT '{}',
        FOREIGN KEY (organisation_id, programme_id)
          REFERENCES visitation_programme (organisation_id, id) ON DELETE CASCADE,
        CHECK ((kind = 'process') = (school_id IS NULL))
      )`);
    await q.query(`CREATE INDEX visitation_host_programme_idx ON visitation_host (programme_id)`);
    await q.query(`
      CREATE TABLE visitation_visitor (
        programme_id uuid NOT NULL REFERENCES visitation_programme (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        school_id uuid REFERENCES school (id),
        trained_chair boolean NOT NULL DEFAULT false,
        max_visits integer CHECK (max_visits BETWEEN 0 AND 50),
        unavailable date[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (programme_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE visitation_proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES visitation_programme (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('optimal', 'feasible', 'infeasible', 'no-solution')),
        objective numeric,
        schedule jsonb,
        report jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX visitation_proposal_programme_idx ON visitation_proposal (programme_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE visitation_lock (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES visitation_programme (id) ON DELETE CASCADE,
        host_id uuid NOT NULL REFERENCES visitation_host (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('date', 'seat')),
        lock_date date,
        person_id uuid REFERENCES person (id),
        role text CHECK (role IN ('chair', 'member')),
        CHECK ((kind = 'date') = (lock_date IS NOT NULL AND person_id IS NULL)),
        CHECK ((kind = 'seat') = (person_id IS NOT NULL AND lock_date IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX visitation_lock_date_uq ON visitation_lock (host_id) WHERE kind = 'date'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX visitation_lock_seat_uq ON visitation_lock (host_id, person_id) WHERE kind = 'seat'`,
    );
    await q.query(`
      CREATE TABLE visitation_visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        programme_id uuid NOT NULL REFERENCES visitation_programme (id) ON DELETE CASCADE,
        host_id uuid NOT NULL UNIQUE REFERENCES visitation_host (id) ON DELETE CASCADE,
        visit_date date NOT NULL,
        team jsonb NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'scheduled',
        state jsonb NOT NULL DEFAULT '{}',
        seq integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX visitation_visit_programme_idx ON visitation_visit (programme_id, visit_date)`,
    );
    await q.query(`
      CREATE TABLE visitation_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        visit_id uuid NOT NULL REFERENCES visitation_visit (id) ON DELETE CASCADE,
        action_key text NOT NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
        owner_person_id uuid NOT NULL REFERENCES person (id),
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        done_at timestamptz,
        UNIQUE (visit_id, action_key)
      )`);
    await q.query(`
      CREATE TABLE visitation_report (
        visit_id uuid NOT NULL REFERENCES visitation_visit (id) ON DELETE CASCADE,
        step text NOT NULL CHECK (step IN ('self_evaluation', 'draft_report', 'host_reaction', 'final_report')),
        version integer NOT NULL CHECK (version >= 1),
        document_id uuid NOT NULL REFERENCES document (id),
        submitted_by_person_id uuid NOT NULL REFERENCES person (id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (visit_id, step, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'visitation_report',
      'visitation_follow_up',
      'visitation_visit',
      'visitation_lock',
      'visitation_proposal',
      'visitation_visitor',
      'visitation_host',
      'visitation_programme',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
