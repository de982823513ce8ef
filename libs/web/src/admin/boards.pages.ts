import type { Person, SchoolBoard } from '@jaarcyclus/persistence';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { tableRegion, textField } from '../components';
import { html, type SafeHtml } from '../html';
import { formatNumber } from '../i18n';
import type { WebContext } from '../layout';
import { personPicker, pickerValue } from './person-picker';
import { listPager, listSearch, type ListPage, type ListQueries } from './list-query';
import { entityPage } from './shared.pages';

/** The boards on the administration page, with their pupil counts and the total. */
export function boardsSection(
  ctx: WebContext,
  data: {
    list: ListPage<SchoolBoard>;
    /** Every board of the SWV: the total counts them all, whatever the page shows. */
    all: SchoolBoard[];
    canEdit: boolean;
    queries: ListQueries;
  },
  names: Map<string, string>,
): SafeHtml {
  const { t } = ctx;
  const total = data.all.reduce((sum, b) => sum + b.pupilCount, 0);
  return html`<section aria-labelledby="besturen">
    <h2 id="besturen">${t.boards}</h2>
    ${data.canEdit ? html`<p><a class="button" href="/app/admin/boards/new">${t.addBoard}</a></p>` : ''}
    ${listSearch(ctx, data.list, data.queries)}
    ${tableRegion(
      t.boards,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t.name}</th>
            <th scope="col" class="num">${t.pupilCount}</th>
            <th scope="col">${t.bestuurder}</th>
          </tr>
        </thead>
        <tbody>
          ${data.list.rows.map(
            (b) =>
              html`<tr>
                <th scope="row"><a href="/app/admin/boards/${b.id}">${b.name}</a></th>
                <td class="num">${formatNumber(ctx.locale, b.pupilCount)}</td>
                <td>${b.bestuurderPersonId ? (names.get(b.bestuurderPersonId) ?? '') : t.none}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t.totalPupils}</th>
            <td class="num">${formatNumber(ctx.locale, total)}</td>
            <td></td>
          </tr>
        </tfoot>
      </table>`,
    )}
    ${listPager(ctx, data.list, data.queries)}
  </section>`;
}

export interface BoardFormState {
  name: string;
  pupilCount: string;
  bestuurderPersonId: string;
  errors: FieldError[];
}

/** Add (board null) or edit a school board; read-only for who may only look. */
export function boardPage(
  ctx: WebContext,
  data: { board: SchoolBoard | null; persons: Person[]; canEdit: boolean; form: BoardFormState },
): string {
  const { t } = ctx;
  const { board, form } = data;
  const names = new Map(data.persons.map((p) => [p.id, p.name]));
  return entityPage(ctx, {
    kind: 'boards',
    row: board,
    canEdit: data.canEdit,
    addTitle: t.addBoard,
    editTitle: t.editBoard,
    errors: form.errors,
    labels: { name: t.name, pupilCount: t.pupilCount, bestuurderPersonId: t.bestuurder },
    fields: html`${textField(ctx, { name: 'name', label: t.name, value: form.name, errors: form.errors, required: true, autocomplete: 'organization' })}
    ${textField(ctx, {
      name: 'pupilCount',
      label: t.pupilCount,
      hint: t.pupilCountHint,
      value: form.pupilCount,
      errors: form.errors,
      inputmode: 'numeric',
      width: 'short',
      required: true,
    })}
    ${personPicker(ctx, {
      name: 'bestuurderPersonId',
      label: t.bestuurder,
      value: pickerValue(data.persons, form.bestuurderPersonId),
      errors: form.errors,
      candidates: data.persons.filter((p) => p.active),
    })}`,
    details: html`<dt>${t.name}</dt>
      <dd>${board?.name ?? ''}</dd>
      <dt>${t.pupilCount}</dt>
      <dd>${board ? formatNumber(ctx.locale, board.pupilCount) : ''}</dd>
      <dt>${t.bestuurder}</dt>
      <dd>${board?.bestuurderPersonId ? (names.get(board.bestuurderPersonId) ?? '') : t.none}</dd>`,
  });
}
