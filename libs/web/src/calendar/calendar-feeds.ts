import { Injectable } from '@nestjs/common';
import {
  type CalendarFeed,
  type CalendarFeedKind,
  type CalendarFeedOwner,
  CalendarFeedRepository,
} from '@jaarcyclus/persistence';
import { hashToken, newToken } from '@jaarcyclus/api/auth/tokens';

export type FeedOwner = CalendarFeedOwner;

/**
 * Private feed tokens: random, shown once, stored as sha256 only (like sign-in links). A person
 * has one token per kind of feed (their own deadlines; the office's year agenda), so a link
 * given out for one opens nothing else and replacing one leaves the other working.
 */
@Injectable()
export class CalendarFeeds {
  constructor(private readonly feeds: CalendarFeedRepository) {}

  current(
    organisationId: string,
    personId: string,
    kind: CalendarFeedKind,
  ): Promise<CalendarFeed | null> {
    return this.feeds.current(organisationId, personId, kind);
  }

  /** A new token of this kind; that kind's previous one stops working at once. Returns the token. */
  async regenerate(
    organisationId: string,
    personId: string,
    kind: CalendarFeedKind,
  ): Promise<string> {
    const { token, hash } = newToken();
    await this.feeds.replace(organisationId, personId, kind, hash);
    return token;
  }

  async revoke(organisationId: string, personId: string, kind: CalendarFeedKind): Promise<void> {
    await this.feeds.delete(organisationId, personId, kind);
  }

  /** The owner of a feed token of this kind, if the token is current and the person still active. */
  async ownerOf(token: string, kind: CalendarFeedKind): Promise<FeedOwner | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return this.feeds.ownerOf(hashToken(token), kind);
  }
}
