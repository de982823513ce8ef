import { Injectable } from '@nestjs/common';
import {
  type CalendarFeed,
  type CalendarFeedOwner,
  CalendarFeedRepository,
} from '@jaarcyclus/persistence';
import { hashToken, newToken } from '@jaarcyclus/api/auth/tokens';

export type FeedOwner = CalendarFeedOwner;

/** Private feed tokens: random, shown once, stored as sha256 only (like sign-in links). */
@Injectable()
export class CalendarFeeds {
  constructor(private readonly feeds: CalendarFeedRepository) {}

  current(organisationId: string, personId: string): Promise<CalendarFeed | null> {
    return this.feeds.current(organisationId, personId);
  }

  /** A new token for the person; the previous one stops working at once. Returns the token. */
  async regenerate(organisationId: string, personId: string): Promise<string> {
    const { token, hash } = newToken();
    await this.feeds.replace(organisationId, personId, hash);
    return token;
  }

  async revoke(organisationId: string, personId: string): Promise<void> {
    await this.feeds.delete(organisationId, personId);
  }

  /** The owner of a feed token, if the token is current and the person still active. */
  async ownerOf(token: string): Promise<FeedOwner | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return this.feeds.ownerOf(hashToken(token));
  }
}
