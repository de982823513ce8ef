import { Injectable } from '@nestjs/common';
import { CalendarFeed } from '@jaarcyclus/persistence';
import { DataSource } from 'typeorm';
import { hashToken, newToken } from '@jaarcyclus/api/auth/tokens';

export interface FeedOwner {
  personId: string;
  organisationId: string;
  organisationName: string;
  locale: 'nl' | 'en';
}

/** Private feed tokens: random, shown once, stored as sha256 only (like sign-in links). */
@Injectable()
export class CalendarFeeds {
  constructor(private readonly ds: DataSource) {}

  async current(organisationId: string, personId: string): Promise<CalendarFeed | null> {
    return this.ds.getRepository(CalendarFeed).findOne({ where: { organisationId, personId } });
  }

  /** A new token for the person; the previous one stops working at once. Returns the token. */
  async regenerate(organisationId: string, personId: string): Promise<string> {
    const { token, hash } = newToken();
    await this.ds.query(
      `INSERT INTO calendar_feed (organisation_id, person_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [organisationId, personId, hash],
    );
    return token;
  }

  async revoke(organisationId: string, personId: string): Promise<void> {
    await this.ds.getRepository(CalendarFeed).delete({ organisationId, personId });
  }

  /** The owner of a feed token, if the token is current and the person still active. */
  async ownerOf(token: string): Promise<FeedOwner | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const rows = (await this.ds.query(
      `SELECT f.person_id, f.organisation_id, o.name AS organisation_name, p.locale
         FROM calendar_feed f
         JOIN person p ON p.id = f.person_id AND p.organisation_id = f.organisation_id
         JOIN organisation o ON o.id = f.organisation_id
        WHERE f.token_hash = $1 AND p.active`,
      [hashToken(token)],
    )) as {
      person_id: string;
      organisation_id: string;
      organisation_name: string;
      locale: 'nl' | 'en';
    }[];
    const row = rows[0];
    return row
      ? {
          personId: row.person_id,
          organisationId: row.organisation_id,
          organisationName: row.organisation_name,
          locale: row.locale,
        }
      : null;
  }
}
