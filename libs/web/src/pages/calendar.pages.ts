import type { CalendarFeed } from '@jaarcyclus/persistence';
import { notice } from '../components';
import { html, type SafeHtml } from '../html';
import { formatDate } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';

/** The words that differ between the personal feed and the year agenda's. */
export interface FeedPanelTexts {
  create: string;
  regenerate: string;
  urlLabel: string;
}

/**
 * A private feed's state and actions: the URL once, right after it was made (only its hash is
 * stored), else whether there is one; then "make a (new) link" and "revoke". Used by the
 * personal calendar page and the office's year agenda, each with its own kind of token.
 */
export function feedPanel(
  ctx: WebContext,
  o: {
    feed: CalendarFeed | null;
    newFeedUrl: string | null;
    /** POST target that makes a new token; `${action}/revoke` revokes it. */
    action: string;
    /** Prefix of the element ids, unique on the page. */
    idPrefix: string;
    /** The heading level of the "your link" block within the page. */
    headingLevel: 2 | 3;
    texts: FeedPanelTexts;
  },
): SafeHtml {
  const { t } = ctx;
  const { feed, newFeedUrl, idPrefix: id } = o;
  const hasFeed = feed !== null || newFeedUrl !== null;
  const title =
    o.headingLevel === 2
      ? html`<h2 id="${id}-title">${t.feedCreatedTitle}</h2>`
      : html`<h3 id="${id}-title">${t.feedCreatedTitle}</h3>`;
  return html`${
      newFeedUrl
        ? html`<section class="panel" aria-labelledby="${id}-title">
            ${title}
            <p id="${id}-url-hint">${t.feedCreatedNote}</p>
            <div class="field">
              <label for="${id}-url">${o.texts.urlLabel}</label>
              <input
                type="text"
                id="${id}-url"
                class="feed-url"
                readonly
                value="${newFeedUrl}"
                aria-describedby="${id}-url-hint"
              />
            </div>
            <button
              type="button"
              class="button button--secondary"
              hidden
              data-copy-target="${id}-url"
              data-copy-status="${id}-copy-status"
              data-copied="${t.feedCopied}"
            >
              ${t.feedCopy}
            </button>
            <p id="${id}-copy-status" role="status" class="muted"></p>
          </section>`
        : feed
          ? html`<p class="panel">${t.feedActive(formatDate(ctx.locale, feed.createdAt))}</p>`
          : html`<p class="panel">${t.feedNone}</p>`
    }
    <div class="actions">
      <form
        method="post"
        action="${o.action}"
        ${hasFeed ? html` data-confirm="${t.confirmRegenerate}"` : ''}
      >
        ${csrfField(ctx)}
        <button type="submit" class="button">
          ${hasFeed ? o.texts.regenerate : o.texts.create}
        </button>
      </form>
      ${
        hasFeed
          ? html`<form method="post" action="${o.action}/revoke" data-confirm="${t.confirmRevoke}">
              ${csrfField(ctx)}
              <button type="submit" class="button button--warning">${t.feedRevoke}</button>
            </form>`
          : ''
      }
    </div>`;
}

export function calendarPage(
  ctx: WebContext,
  data: { feed: CalendarFeed | null; newFeedUrl: string | null; message: string | null },
): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.calendarTitle,
    nav: 'calendar',
    body: html`<h1>${t.calendarTitle}</h1>
      ${notice(data.message)}
      <p class="lead">${t.calendarIntro}</p>
      ${data.feed?.openedAgenda && !data.newFeedUrl ? notice(t.feedOpenedAgenda, 'info') : ''}
      ${feedPanel(ctx, {
        feed: data.feed,
        newFeedUrl: data.newFeedUrl,
        action: '/app/calendar/feed',
        idPrefix: 'feed',
        headingLevel: 2,
        texts: { create: t.feedCreate, regenerate: t.feedRegenerate, urlLabel: t.feedUrlLabel },
      })}`,
  });
}
