import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vote secrecy as a rule of the body (`open`, `totals_after_close`, `secret`; libs/domain
 * `voteVisibility`). NULL means the default of the body's decision kind
 * (`defaultVoteSecrecy`: goedkeuring totals after close, instemming secret, advies open), so
 * existing bodies, and bodies written by the onboarding or an import without a setting, get the
 * default without a data change.
 */
export class VoteSecrecy1764000000120 implements MigrationInterface {
  name = 'VoteSecrecy1764000000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE body
        ADD COLUMN vote_secrecy text NULL
          CONSTRAINT body_vote_secrecy_check
          CHECK (vote_secrecy IN ('open', 'totals_after_close', 'secret'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE body DROP COLUMN vote_secrecy`);
  }
}
