import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An e-mail address is unique within an SWV, not across SWVs: a bestuurder of a board that is a
 * member of two SWVs, or a consultant who works for both, is a person in each (issue #14). Signing
 * in with such an address mails one link per SWV, each naming its SWV. `down` restores the
 * global rule and fails while an address is used in two SWVs (remove one of them first).
 */
export class EmailUniquePerOrganisation1764000000081 implements MigrationInterface {
  name = 'EmailUniquePerOrganisation1764000000081';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person
        DROP CONSTRAINT person_email_key,
        ADD CONSTRAINT person_organisation_id_email_key UNIQUE (organisation_id, email)`);
    // Sign-in looks a person up by address alone.
    await q.query(`CREATE INDEX person_email_idx ON person (email)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX person_email_idx`);
    await q.query(`
      ALTER TABLE person
        DROP CONSTRAINT person_organisation_id_email_key,
        ADD CONSTRAINT person_email_key UNIQUE (email)`);
  }
}
