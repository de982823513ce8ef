import { CalendarFeed } from '../entities/calendar-feed.entity';
import type { Locale, Role } from '../entities/enums';
import type { Db } from './db';

/** Whose calendar feed a token opens; see CalendarFeedRepository.ownerOf. */
export interface CalendarFeedOwner {
  personId: string;
  organisationId: string;
  organisationName: string;
  locale: Locale;
  /** The person's roles in the SWV (the SWV's agenda feed is for the office only). */
  roles: Role[];
}

/** Private calendar feeds (calendar_feed): one per person, stored by the hash of its token only. */
export class CalendarFeedRepository {
  constructor(private readonly db: Db) {}

  /** The person's feed, or null. */
  current(organisationId: string, personId: string): Promise<CalendarFeed | null> {
    return this.db.getRepository(CalendarFeed).findOne({ where: { organisationId, personId } });
  }

  /** Stores the person's feed under a new token hash; the previous token stops working at once. */
  async replace(organisationId: string, personId: string, tokenHash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO calendar_feed (organisation_id, person_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [organisationId, personId, tokenHash],
    );
  }

  async delete(organisationId: string, personId: string): Promise<void> {
    await this.db.getRepository(CalendarFeed).delete({ organisationId, personId });
  }

  /** The owner of the feed with this token hash, if the person is still active. */
  async ownerOf(tokenHash: string): Promise<CalendarFeedOwner | null> {
    const rows = (await this.db.query(
      `SELECT f.person_id, f.organisation_id, o.name AS organisation_name, p.locale, p.roles
         FROM calendar_feed f
         JOIN person p ON p.id = f.person_id AND p.organisation_id = f.organisation_id
         JOIN organisation o ON o.id = f.organisation_id
        WHERE f.token_hash = $1 AND p.active`,
      [tokenHash],
    )) as {
      person_id: string;
      organisation_id: string;
      organisation_name: string;
      locale: Locale;
      roles: Role[];
    }[];
    const row = rows[0];
    return row
      ? {
          personId: row.person_id,
          organisationId: row.organisation_id,
          organisationName: row.organisation_name,
          locale: row.locale,
          roles: row.roles,
        }
      : null;
  }
}
