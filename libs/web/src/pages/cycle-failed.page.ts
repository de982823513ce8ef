import { html } from '../html';
import { page, type WebContext } from '../layout';

/**
 * A budget cycle whose workflow closed without finishing (failed, terminated, timed out): it
 * says so, what it means (nothing goes out any more, the year is free) and what to do, instead
 * of waiting forever on a round that will never open.
 */
export function cycleFailedPage(
  ctx: WebContext,
  data: { year: number; title: string | null; canStart: boolean },
): string {
  const { t } = ctx;
  const heading = data.title ?? `${t.budgetYear} ${data.year}`;
  return page(ctx, {
    title: heading,
    nav: 'cycles',
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <div class="narrow">
        <h1>${heading}</h1>
        <section class="notice notice--warning" aria-labelledby="cycle-failed">
          <h2 id="cycle-failed">${t.cycleFailedTitle}</h2>
          <p>${t.cycleFailedText}</p>
        </section>
        <p>${data.canStart ? t.cycleFailedWhatToDo : t.cycleFailedOthers}</p>
        ${
          data.canStart
            ? html`<p class="actions">
                <a class="button" href="/app/cycles/budget/new?year=${String(data.year)}"
                  >${t.startAgain}</a
                >
              </p>`
            : ''
        }
      </div>`,
  });
}
