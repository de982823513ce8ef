import type { StoredAllocationLetter } from '@jaarcyclus/persistence';
import { tableRegion } from '../components';
import { html } from '../html';
import { formatAmount, formatDate } from '../i18n';
import { page, type WebContext } from '../layout';

/** A letter as the list shows it: the board's name is the one on the letter. */
export interface LetterRow {
  letter: StoredAllocationLetter;
  boardName: string;
}

/**
 * The allocation letters the reader may read: every board's for the office, the own board's
 * for a bestuurder or board contact. Each opens as a PDF (printable from the browser).
 */
export function lettersPage(ctx: WebContext, data: { rows: LetterRow[]; office: boolean }): string {
  const t = ctx.t.letters;
  return page(ctx, {
    title: t.title,
    nav: data.office ? 'admin' : 'letters',
    body: html`<h1>${t.title}</h1>
      <p>${data.office ? t.intro : t.introBoard}</p>
      ${
        data.rows.length === 0
          ? html`<p class="notice notice--info">${t.none}</p>`
          : tableRegion(
              t.title,
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">${t.board}</th>
                    <th scope="col">${t.year}</th>
                    <th scope="col">${t.date}</th>
                    <th scope="col" class="num">${t.total}</th>
                  </tr>
                </thead>
                <tbody>
                  ${data.rows.map(
                    ({ letter, boardName }) =>
                      html`<tr>
                        <th scope="row">
                          <a href="/app/letters/${letter.id}" type="application/pdf"
                            >${t.open(boardName, letter.budgetYear)}</a
                          >
                        </th>
                        <td>${String(letter.budgetYear)}</td>
                        <td>${formatDate(ctx.locale, new Date(letter.letterDate))}</td>
                        <td class="num">${formatAmount(letter.totalCents)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
      }`,
  });
}
