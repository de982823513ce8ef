import { CalendarFeed, type CalendarFeedKind } from '../entities/calendar-feed.entity';
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

/**
 * Private calendar feeds (calendar_feed): one per person and kind, each stored by the hash of
 * its own token only.
 */
export class CalendarFeedRepository {
  constructor(private readonly db: Db) {}

  /** The person's feed of this kind, or null. */
  current(
    organisationId: string,
    personId: string,
    kind: CalendarFeedKind,
  ): Promise<CalendarFeed | null> {
    return this.db
      .getRepository(CalendarFeed)
      .findOne({ where: { organisationId, personId, kind } });
  }

  /**
   * Stores the person's feed of this kind under a new token hash; that kind's previous token
   * stops working at once, the other kind's is untouched.
   */
  async replace(
    organisationId: string,
    personId: string,
    kind: CalendarFeedKind,
    tokenHash: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO calendar_feed (organisation_id, person_id, kind, token_hash)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id, kind)
       DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), opened_agenda = false`,
      [organisationId, personId, kind, tokenHash],
    );
  }

  async delete(organisationId: string, personId: string, kind: CalendarFeedKind): Promise<void> {
    await this.db.getRepository(CalendarFeed).delete({ organisationId, personId, kind });
  }

  /**
   * The owner of the feed of this kind with this token hash, if the person is still active; a
   * token of the other kind opens nothing here.
   */
  async ownerOf(tokenHash: string, kind: CalendarFeedKind): Promise<CalendarFeedOwner | null> {
    const rows = (await this.db.query(
      `SELECT f.person_id, f.organisation_id, o.name AS organisation_name, p.locale, p.roles
         FROM calendar_feed f
         JOIN person p ON p.id = f.person_id AND p.organisation_id = f.organisation_id
         JOIN organisation o ON o.id = f.organisation_id
        WHERE f.token_hash = $1 AND f.kind = $2 AND p.active`,
      [tokenHash, kind],
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
