import type { CalendarFeed } from '@jaarcyclus/persistence';
import { webContext } from '../testing/web-context';
import { calendarPage } from './calendar.pages';

describe('the personal calendar page', () => {
  const feed = (openedAgenda: boolean): CalendarFeed =>
    ({
      id: 'f1',
      organisationId: 'o1',
      personId: 'p1',
      kind: 'personal',
      tokenHash: 'a'.repeat(64),
      openedAgenda,
      createdAt: new Date('2026-11-02T09:00:00Z'),
    }) as CalendarFeed;
  const page = (f: CalendarFeed | null, newFeedUrl: string | null = null) =>
    calendarPage(webContext({ roles: ['secretariat'] }), { feed: f, newFeedUrl, message: null });

  it('advises a new link where the old token also opened the year agenda, until it is renewed', () => {
    const advice = 'Deze agenda-link opende eerder ook de jaaragenda van het samenwerkingsverband';
    expect(page(feed(true))).toContain(advice);
    expect(page(feed(false))).not.toContain(advice);
    expect(page(null)).not.toContain(advice);
    // Right after renewing, the page shows the new link, not the advice.
    expect(page(feed(true), 'https://jaarcyclus.example/calendar/x.ics')).not.toContain(advice);
  });

  it('shows whether there is a link, and the actions that fit', () => {
    expect(page(null)).toContain('U heeft nog geen agenda-link.');
    expect(page(null)).not.toContain('/app/calendar/feed/revoke');
    const active = page(feed(false));
    expect(active).toContain('U heeft een agenda-link sinds 2 november 2026.');
    expect(active).toContain('action="/app/calendar/feed/revoke"');
    expect(active).toContain('Nieuwe agenda-link aanmaken');
  });
});
