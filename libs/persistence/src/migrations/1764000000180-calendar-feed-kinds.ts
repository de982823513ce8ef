import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person may hold two calendar feeds, each under a token of its own: `personal` (their own
 * task deadlines and visits, /calendar/<token>.ics) and `agenda` (the SWV's year agenda, for
 * the office only, /agenda/<token>.ics). Before, the year agenda opened with the personal
 * feed's token, so whoever was given the agenda link could read the person's own deadlines
 * by changing the path, and a new agenda link broke the personal one.
 *
 * Every existing feed becomes `personal`: the personal links keep working. A year agenda link
 * made before this migration carried that same token and stops working (404); the agenda page
 * offers a new one, which no longer opens anything else.
 */
export class CalendarFeedKinds1764000000180 implements MigrationInterface {
  name = 'CalendarFeedKinds1764000000180';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE calendar_feed
        ADD COLUMN kind text NOT NULL DEFAULT 'personal'
          CONSTRAINT calendar_feed_kind_check CHECK (kind IN ('personal', 'agenda')),
        DROP CONSTRAINT calendar_feed_person_id_key,
        ADD CONSTRAINT calendar_feed_person_kind_key UNIQUE (person_id, kind)`);
    await q.query(`ALTER TABLE calendar_feed ALTER COLUMN kind DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM calendar_feed WHERE kind <> 'personal'`);
    await q.query(`
      ALTER TABLE calendar_feed
        DROP CONSTRAINT calendar_feed_person_kind_key,
        ADD CONSTRAINT calendar_feed_person_id_key UNIQUE (person_id),
        DROP COLUMN kind`);
  }
}
