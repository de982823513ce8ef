import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, their boards, schools, people and bodies; sign-in; the mail outbox; the audit log.
 *
 * Tenant integrity is enforced by the database, not only by the services: references between
 * tenant-owned rows are composite foreign keys on (organisation_id, id), so a school can never
 * point at another SWV's board, whatever the application does. Ids come from the built-in
 * gen_random_uuid() (PostgreSQL 13+), so no extension is needed.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        name text NOT NULL,
        region text NOT NULL,
        sector text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_slug_key UNIQUE (slug),
        CONSTRAINT organisation_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT organisation_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT organisation_region_check CHECK (region IN ('noord', 'midden', 'zuid')),
        CONSTRAINT organisation_sector_check CHECK (sector IN ('po', 'vo')),
        CONSTRAINT organisation_settings_check CHECK (jsonb_typeof(settings) = 'object')
      )`);

    await q.query(`
      CREATE TABLE school_board (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        name text NOT NULL,
        pupil_count integer NOT NULL,
        bestuurder_person_id uuid,
        CONSTRAINT school_board_organisation_id_id_key UNIQUE (organisation_id, id),
        CONSTRAINT school_board_organisation_id_name_key UNIQUE (organisation_id, name),
        CONSTRAINT school_board_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT school_board_pupil_count_check CHECK (pupil_count >= 0)
      )`);

    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        email text NOT NULL,
        name text NOT NULL,
        locale text NOT NULL DEFAULT 'nl',
        roles text[] NOT NULL DEFAULT '{}',
        board_id uuid,
        school_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_email_key UNIQUE (email),
        CONSTRAINT person_organisation_id_id_key UNIQUE (organisation_id, id),
        CONSTRAINT person_email_check CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$'),
        CONSTRAINT person_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT person_locale_check CHECK (locale IN ('nl', 'en')),
        CONSTRAINT person_roles_check CHECK (
          roles <@ ARRAY['admin', 'secretariat', 'director', 'body_member', 'school_contact', 'ect_member']::text[]
        ),
        CONSTRAINT person_board_fkey FOREIGN KEY (organisation_id, board_id) REFERENCES school_board (organisation_id, id)
      )`);

    await q.query(`
      ALTER TABLE school_board ADD CONSTRAINT school_board_bestuurder_fkey
        FOREIGN KEY (organisation_id, bestuurder_person_id) REFERENCES person (organisation_id, id)`);

    await q.query(`
      CREATE TABLE school (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        board_id uuid NOT NULL,
        name text NOT NULL,
        brin text,
        kind text NOT NULL,
        location_count integer NOT NULL DEFAULT 1,
        fixed_amount_cents bigint NOT NULL DEFAULT 0,
        ect_member_person_id uuid,
        CONSTRAINT school_organisation_id_id_key UNIQUE (organisation_id, id),
        CONSTRAINT school_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT school_brin_check CHECK (brin ~ '^[0-9]{2}[A-Z]{2}([0-9]{2})?$'),
        CONSTRAINT school_kind_check CHECK (kind IN ('regular', 'special')),
        CONSTRAINT school_location_count_check CHECK (location_count >= 1),
        CONSTRAINT school_fixed_amount_cents_check CHECK (fixed_amount_cents >= 0),
        CONSTRAINT school_board_fkey FOREIGN KEY (organisation_id, board_id) REFERENCES school_board (organisation_id, id),
        CONSTRAINT school_ect_member_fkey FOREIGN KEY (organisation_id, ect_member_person_id) REFERENCES person (organisation_id, id)
      )`);
    await q.query(`CREATE INDEX school_board_id_idx ON school (board_id)`);

    await q.query(`
      ALTER TABLE person ADD CONSTRAINT person_school_fkey
        FOREIGN KEY (organisation_id, school_id) REFERENCES school (organisation_id, id)`);

    await q.query(`
      CREATE TABLE body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        key text NOT NULL,
        name text NOT NULL,
        decision_kind text NOT NULL,
        voting_rule jsonb NOT NULL,
        chair_person_id uuid,
        CONSTRAINT body_organisation_id_id_key UNIQUE (organisation_id, id),
        CONSTRAINT body_organisation_id_key_key UNIQUE (organisation_id, key),
        CONSTRAINT body_key_check CHECK (key ~ '^[a-z][a-z0-9_-]*$'),
        CONSTRAINT body_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT body_decision_kind_check CHECK (decision_kind IN ('goedkeuring', 'instemming', 'advies')),
        CONSTRAINT body_voting_rule_check CHECK (jsonb_typeof(voting_rule) = 'object'),
        CONSTRAINT body_chair_fkey FOREIGN KEY (organisation_id, chair_person_id) REFERENCES person (organisation_id, id)
      )`);

    await q.query(`
      CREATE TABLE body_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES body (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        board_id uuid REFERENCES school_board (id),
        CONSTRAINT body_member_body_id_person_id_key UNIQUE (body_id, person_id)
      )`);
    await q.query(`CREATE INDEX body_member_person_id_idx ON body_member (person_id)`);
    // body_member has no organisation_id of its own, so the composite keys above cannot reach it:
    // a trigger keeps body, person and represented board inside one SWV.
    await q.query(`
      CREATE FUNCTION body_member_same_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        body_org uuid;
      BEGIN
        SELECT organisation_id INTO body_org FROM body WHERE id = NEW.body_id;
        IF NOT EXISTS (SELECT 1 FROM person WHERE id = NEW.person_id AND organisation_id = body_org) THEN
          RAISE EXCEPTION 'body_member: person % does not belong to the organisation of body %', NEW.person_id, NEW.body_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'body_member_person_tenant';
        END IF;
        IF NEW.board_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM school_board WHERE id = NEW.board_id AND organisation_id = body_org) THEN
          RAISE EXCEPTION 'body_member: board % does not belong to the organisation of body %', NEW.board_id, NEW.body_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'body_member_board_tenant';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER body_member_same_tenant BEFORE INSERT OR UPDATE ON body_member
        FOR EACH ROW EXECUTE FUNCTION body_member_same_tenant()`);

    await q.query(`
      CREATE TABLE login_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT login_token_token_hash_key UNIQUE (token_hash),
        CONSTRAINT login_token_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX login_token_person_id_idx ON login_token (person_id)`);

    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_token_hash_key UNIQUE (token_hash),
        CONSTRAINT session_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX session_person_id_idx ON session (person_id)`);

    await q.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL,
        organisation_id uuid REFERENCES organisation (id),
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT outbox_message_idempotency_key_key UNIQUE (idempotency_key),
        CONSTRAINT outbox_message_status_check CHECK (status IN ('pending', 'sent', 'failed')),
        CONSTRAINT outbox_message_attempts_check CHECK (attempts >= 0),
        CONSTRAINT outbox_message_sent_check CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX outbox_message_unsent_idx ON outbox_message (created_at) WHERE status <> 'sent'`,
    );

    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        workflow_id text NOT NULL,
        round integer,
        actor_person_id uuid,
        action text NOT NULL,
        body_key text,
        weight bigint,
        value text,
        comment text,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(
      `CREATE INDEX audit_event_workflow_idx ON audit_event (organisation_id, workflow_id, id)`,
    );
    // Votes, adoptions and escalations must be reconstructible afterwards: the log is
    // append-only, so history cannot be rewritten, not even by the application's own user.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);

    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT document_filename_check CHECK (btrim(filename) <> ''),
        CONSTRAINT document_size_bytes_check CHECK (size_bytes >= 0 AND size_bytes = octet_length(content)),
        CONSTRAINT document_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX document_organisation_id_idx ON document (organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE outbox_message`);
    await q.query(`DROP TABLE session`);
    await q.query(`DROP TABLE login_token`);
    await q.query(`DROP TABLE body_member`);
    await q.query(`DROP FUNCTION body_member_same_tenant()`);
    await q.query(`DROP TABLE body`);
    await q.query(`ALTER TABLE person DROP CONSTRAINT person_school_fkey`);
    await q.query(`ALTER TABLE school_board DROP CONSTRAINT school_board_bestuurder_fkey`);
    await q.query(`DROP TABLE school`);
    await q.query(`DROP TABLE person`);
    await q.query(`DROP TABLE school_board`);
    await q.query(`DROP TABLE organisation`);
  }
}
