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
 * offers a new one, which no longer opens anything else. The personal feeds of the office
 * (secretariat, admin: who could make an agenda link with that token) are marked
 * `opened_agenda`: their calendar page advises a new link, for whoever shared the agenda's; a
 * new token clears the mark.
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
    await q.query(
      `ALTER TABLE calendar_feed ADD COLUMN opened_agenda boolean NOT NULL DEFAULT false`,
    );
    await q.query(`
      UPDATE calendar_feed f SET opened_agenda = true
        FROM person p
       WHERE p.id = f.person_id AND p.organisation_id = f.organisation_id
         AND p.roles && ARRAY['secretariat', 'admin']::text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM calendar_feed WHERE kind <> 'personal'`);
    await q.query(`
      ALTER TABLE calendar_feed
        DROP COLUMN opened_agenda,
        DROP CONSTRAINT calendar_feed_person_kind_key,
        ADD CONSTRAINT calendar_feed_person_id_key UNIQUE (person_id),
        DROP COLUMN kind`);
  }
}
