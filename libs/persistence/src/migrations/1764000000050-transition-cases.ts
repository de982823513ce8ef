import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'admin', 'secretariat', 'director', 'body_member', 'school_contact', 'ect_member'`;

/**
 * The schakeltraject vso → regulier vo (docs/domain.md §4, source 001 §3.2): one case per pupil.
 * The first tables that hold data about individual children, so:
 *
 * - the pupil's name and date of birth, and every free text written on a case, are stored only
 *   encrypted by the application (AES-256-GCM, `v1.<keyId>.<iv|ciphertext|tag>` in text
 *   columns, README "Personal data at rest"): a dump or a backup alone shows no child;
 * - the state (`state`) holds ids, codes and dates only;
 * - every read of a case is a row of `transition_access_log` (append-only, like the audit
 *   trail), for the SWV's privacy officer (FG);
 * - parents sign in like everyone else: the role `parent` (they see their own child's case only).
 */
export class TransitionCases1764000000050 implements MigrationInterface {
  name = 'TransitionCases1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person DROP CONSTRAINT person_roles_check,
        ADD CONSTRAINT person_roles_check CHECK (roles <@ ARRAY[${ROLES_BEFORE}, 'parent']::text[])`);

    await q.query(`
      CREATE TABLE transition_case (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        workflow_id text NOT NULL,
        vso_school_id uuid NOT NULL,
        regular_school_id uuid,
        phase text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        outcome text,
        state jsonb NOT NULL,
        state_seq integer NOT NULL DEFAULT 0,
        config jsonb NOT NULL,
        opened_on date NOT NULL,
        closed_on date,
        erased_at timestamptz,
        pupil_enc text,
        created_by_person_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT transition_case_workflow_id_key UNIQUE (workflow_id),
        CONSTRAINT transition_case_organisation_id_id_key UNIQUE (organisation_id, id),
        CONSTRAINT transition_case_vso_school_fkey FOREIGN KEY (organisation_id, vso_school_id) REFERENCES school (organisation_id, id),
        CONSTRAINT transition_case_regular_school_fkey FOREIGN KEY (organisation_id, regular_school_id) REFERENCES school (organisation_id, id),
        CONSTRAINT transition_case_phase_check CHECK (phase IN ('orientation', 'consultation', 'decision', 'handover', 'execution')),
        CONSTRAINT transition_case_status_check CHECK (status IN ('open', 'closed', 'erased')),
        CONSTRAINT transition_case_outcome_check CHECK (outcome IN ('succeeded', 'symbiosis', 'back_to_vso', 'ended')),
        CONSTRAINT transition_case_state_check CHECK (jsonb_typeof(state) = 'object'),
        CONSTRAINT transition_case_pupil_enc_check CHECK (pupil_enc ~ '^v1\\.[A-Za-z0-9._-]{1,40}\\.[A-Za-z0-9_-]+$'),
        CONSTRAINT transition_case_erased_check CHECK ((status = 'erased') = (erased_at IS NOT NULL)),
        CONSTRAINT transition_case_pupil_check CHECK ((status = 'erased') = (pupil_enc IS NULL))
      )`);
    await q.query(
      `CREATE INDEX transition_case_org_idx ON transition_case (organisation_id, status)`,
    );

    await q.query(`
      CREATE TABLE transition_participant (
        case_id uuid NOT NULL REFERENCES transition_case (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        role text NOT NULL,
        PRIMARY KEY (case_id, person_id),
        CONSTRAINT transition_participant_role_check CHECK (role IN ('parent', 'ect'))
      )`);
    await q.query(
      `CREATE INDEX transition_participant_person_idx ON transition_participant (person_id)`,
    );

    // Free text on a case (a step's notes, the parents' view): encrypted, erased with the case.
    await q.query(`
      CREATE TABLE transition_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES transition_case (id) ON DELETE CASCADE,
        author_person_id uuid,
        kind text NOT NULL,
        body_enc text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT transition_note_kind_check CHECK (kind IN ('step', 'parent_view')),
        CONSTRAINT transition_note_body_enc_check CHECK (body_enc ~ '^v1\\.[A-Za-z0-9._-]{1,40}\\.[A-Za-z0-9_-]+$')
      )`);
    await q.query(`CREATE INDEX transition_note_case_idx ON transition_note (case_id, created_at)`);

    // The steps taken: codes, dates and ids (facts); kept after erasure for the yearly numbers.
    await q.query(`
      CREATE TABLE transition_step (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES transition_case (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        kind text NOT NULL,
        phase_before text NOT NULL,
        phase_after text NOT NULL,
        actor_person_id uuid,
        occurred_on date NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        facts jsonb NOT NULL DEFAULT '{}'::jsonb,
        note_id uuid REFERENCES transition_note (id) ON DELETE SET NULL,
        CONSTRAINT transition_step_case_seq_key UNIQUE (case_id, seq)
      )`);

    await q.query(`
      CREATE TABLE transition_access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        case_id uuid NOT NULL,
        person_id uuid,
        action text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT transition_access_log_action_check CHECK (action IN ('read', 'export', 'erase'))
      )`);
    await q.query(
      `CREATE INDEX transition_access_log_case_idx ON transition_access_log (organisation_id, case_id, id)`,
    );
    // The FG must be able to trust the log: nobody rewrites it, the application included.
    await q.query(`
      CREATE TRIGGER transition_access_log_no_update_delete BEFORE UPDATE OR DELETE ON transition_access_log
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE transition_access_log`);
    await q.query(`DROP TABLE transition_step`);
    await q.query(`DROP TABLE transition_note`);
    await q.query(`DROP TABLE transition_participant`);
    await q.query(`DROP TABLE transition_case`);
    await q.query(`UPDATE person SET roles = array_remove(roles, 'parent')`);
    await q.query(`
      ALTER TABLE person DROP CONSTRAINT person_roles_check,
        ADD CONSTRAINT person_roles_check CHECK (roles <@ ARRAY[${ROLES_BEFORE}]::text[])`);
  }
}
