import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Private calendar feeds (one per person) of task deadlines; only the token's hash is stored. */
export class CalendarFeed1764000000002 implements MigrationInterface {
  name = 'CalendarFeed1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        person_id uuid NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_feed_person_id_key UNIQUE (person_id),
        CONSTRAINT calendar_feed_token_hash_key UNIQUE (token_hash),
        CONSTRAINT calendar_feed_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT calendar_feed_person_fkey FOREIGN KEY (organisation_id, person_id)
          REFERENCES person (organisation_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feed`);
  }
}
