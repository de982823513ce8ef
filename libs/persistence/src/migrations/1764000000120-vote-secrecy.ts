import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vote secrecy as a rule of the body (`open`, `totals_after_close`, `secret`; libs/domain
 * `voteVisibility`). NULL means the default of the body's decision kind
 * (`defaultVoteSecrecy`: goedkeuring totals after close, instemming secret, advies open), so
 * existing bodies, and bodies written by the onboarding or an import without a setting, get the
 * default without a data change.
 *
 * `body_vote_secrecy_change` keeps the rule a body had until it was changed: a round is shown
 * under the strictest rule the body had since the round opened, so loosening a rule never
 * reveals votes cast under a stricter one.
 */
export class VoteSecrecy1764000000120 implements MigrationInterface {
  name = 'VoteSecrecy1764000000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE body
        ADD COLUMN vote_secrecy text NULL
          CONSTRAINT body_vote_secrecy_check
          CHECK (vote_secrecy IN ('open', 'totals_after_close', 'secret'))`);
    await q.query(`
      CREATE TABLE body_vote_secrecy_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        body_key text NOT NULL,
        previous text NOT NULL
          CONSTRAINT body_vote_secrecy_change_previous_check
          CHECK (previous IN ('open', 'totals_after_close', 'secret')),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX body_vote_secrecy_change_idx ON body_vote_secrecy_change (organisation_id, body_key, changed_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE body_vote_secrecy_change`);
    await q.query(`ALTER TABLE body DROP COLUMN vote_secrecy`);
  }
}
