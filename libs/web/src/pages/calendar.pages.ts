import type { CalendarFeed } from '@jaarcyclus/persistence';
import { notice } from '../components';
import { html } from '../html';
import { formatDate } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';

export function calendarPage(
  ctx: WebContext,
  data: { feed: CalendarFeed | null; newFeedUrl: string | null; message: string | null },
): string {
  const { t } = ctx;
  const { feed, newFeedUrl } = data;
  const hasFeed = feed !== null || newFeedUrl !== null;
  return page(ctx, {
    title: t.calendarTitle,
    nav: 'calendar',
    body: html`<h1>${t.calendarTitle}</h1>
      ${notice(data.message)}
      <p class="lead">${t.calendarIntro}</p>
      ${
        newFeedUrl
          ? html`<section class="panel" aria-labelledby="feed-title">
              <h2 id="feed-title">${t.feedCreatedTitle}</h2>
              <p id="feed-url-hint">${t.feedCreatedNote}</p>
              <div class="field">
                <label for="feed-url">${t.feedUrlLabel}</label>
                <input
                  type="text"
                  id="feed-url"
                  class="feed-url"
                  readonly
                  value="${newFeedUrl}"
                  aria-describedby="feed-url-hint"
                />
              </div>
              <button
                type="button"
                class="button button--secondary"
                hidden
                data-copy-target="feed-url"
                data-copy-status="feed-copy-status"
                data-copied="${t.feedCopied}"
              >
                ${t.feedCopy}
              </button>
              <p id="feed-copy-status" role="status" class="muted"></p>
            </section>`
          : feed
            ? html`<p class="panel">${t.feedActive(formatDate(ctx.locale, feed.createdAt))}</p>`
            : html`<p class="panel">${t.feedNone}</p>`
      }
      <div class="actions">
        <form
          method="post"
          action="/app/calendar/feed"
          ${hasFeed ? html` data-confirm="${t.confirmRegenerate}"` : ''}
        >
          ${csrfField(ctx)}
          <button type="submit" class="button">${hasFeed ? t.feedRegenerate : t.feedCreate}</button>
        </form>
        ${
          hasFeed
            ? html`<form
                method="post"
                action="/app/calendar/feed/revoke"
                data-confirm="${t.confirmRevoke}"
              >
                ${csrfField(ctx)}
                <button type="submit" class="button button--warning">${t.feedRevoke}</button>
              </form>`
            : ''
        }
      </div>`,
  });
}
