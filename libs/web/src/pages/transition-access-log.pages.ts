import type { TransitionOverviewItem } from '@jaarcyclus/api/transitions/transitions.service';
import type { TransitionAccessLogRow } from '@jaarcyclus/persistence';
import { formatDateTime } from '@jaarcyclus/i18n';
import { tableRegion } from '../components';
import { html } from '../html';
import { type WebContext, page } from '../layout';
import { TRANSITIONS_PATH } from './transitions.pages';

/**
 * A case's access log for the SWV's privacy officer (FG), read by its administrators: who
 * opened, exported or downloaded, and the erasure. Names of staff and parents, never the pupil.
 */
export function transitionAccessLogPage(
  ctx: WebContext,
  o: { row: TransitionOverviewItem; log: TransitionAccessLogRow[] },
): string {
  const t = ctx.t;
  return page(ctx, {
    title: t.talTitle,
    nav: 'transitions',
    body: html`<p><a href="${TRANSITIONS_PATH}">${t.talBack}</a></p>
      <h1>${t.talTitle}</h1>
      <p>${t.talCase(o.row.vsoSchoolName, o.row.regularSchoolName)}</p>
      <p class="hint">${t.talIntro}</p>
      ${
        o.log.length === 0
          ? html`<p>${t.talNone}</p>`
          : tableRegion(
              t.talTitle,
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">${t.talWhen}</th>
                    <th scope="col">${t.talWho}</th>
                    <th scope="col">${t.talWhat}</th>
                  </tr>
                </thead>
                <tbody>
                  ${o.log.map(
                    (l) =>
                      html`<tr>
                        <td>${formatDateTime(ctx.locale, new Date(l.occurredAt))}</td>
                        <td>${l.personName ?? t.talSystem}</td>
                        <td>${t.talAction[l.action]}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
      }`,
  });
}
