import { SCHOOL_KINDS, type Person, type School, type SchoolBoard } from '@jaarcyclus/persistence';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { selectField, tableRegion, textField } from '../components';
import { html, type SafeHtml } from '../html';
import { formatAmount, formatNumber } from '../i18n';
import type { WebContext } from '../layout';
import { personPicker, pickerValue } from './person-picker';
import { listPager, listSearch, type ListPage, type ListQueries } from './list-query';
import { entityPage } from './shared.pages';

/** The schools on the administration page: board, kind, locations, fixed amount, ECT member. */
export function schoolsSection(
  ctx: WebContext,
  data: { list: ListPage<School>; canEdit: boolean; queries: ListQueries },
  names: Map<string, string>,
  boardNames: Map<string, string>,
): SafeHtml {
  const { t } = ctx;
  const brin = (s: School) => (s.brin ? html` <span class="muted">(${s.brin})</span>` : '');
  return html`<section aria-labelledby="scholen">
    <h2 id="scholen">${t.schools}</h2>
    ${data.canEdit ? html`<p><a class="button" href="/app/admin/schools/new">${t.addSchool}</a></p>` : ''}
    ${listSearch(ctx, data.list, data.queries)}
    ${tableRegion(
      t.schools,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t.name}</th>
            <th scope="col">${t.board}</th>
            <th scope="col">${t.kind}</th>
            <th scope="col" class="num">${t.locations}</th>
            <th scope="col" class="num">${t.fixedAmount}</th>
            <th scope="col">${t.ectMember}</th>
          </tr>
        </thead>
        <tbody>
          ${data.list.rows.map(
            (s) =>
              html`<tr>
                <th scope="row"><a href="/app/admin/schools/${s.id}">${s.name}</a>${brin(s)}</th>
                <td>${boardNames.get(s.boardId) ?? ''}</td>
                <td>${t.schoolKind[s.kind]}</td>
                <td class="num">${formatNumber(ctx.locale, s.locationCount)}</td>
                <td class="num">${formatAmount(s.fixedAmountCents)}</td>
                <td>${s.ectMemberPersonId ? (names.get(s.ectMemberPersonId) ?? '') : t.none}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    ${listPager(ctx, data.list, data.queries)}
  </section>`;
}

export interface SchoolFormState {
  name: string;
  boardId: string;
  brin: string;
  kind: string;
  locationCount: string;
  fixedAmount: string;
  ectMemberPersonId: string;
  errors: FieldError[];
}

/** Add (school null) or edit a school; read-only for who may only look. */
export function schoolPage(
  ctx: WebContext,
  data: {
    school: School | null;
    boards: SchoolBoard[];
    persons: Person[];
    canEdit: boolean;
    form: SchoolFormState;
  },
): string {
  const { t } = ctx;
  const { school, form } = data;
  const e = form.errors;
  const names = new Map(data.persons.map((p) => [p.id, p.name]));
  const boardNames = new Map(data.boards.map((b) => [b.id, b.name]));
  return entityPage(ctx, {
    kind: 'schools',
    row: school,
    canEdit: data.canEdit,
    addTitle: t.addSchool,
    editTitle: t.editSchool,
    errors: e,
    labels: {
      name: t.name,
      boardId: t.board,
      brin: t.brin,
      kind: t.kind,
      locationCount: t.locations,
      fixedAmount: t.fixedAmount,
      ectMemberPersonId: t.ectMember,
    },
    fields: html`${textField(ctx, { name: 'name', label: t.name, value: form.name, errors: e, required: true, autocomplete: 'organization' })}
    ${selectField(ctx, {
      name: 'boardId',
      label: t.board,
      value: form.boardId,
      errors: e,
      required: true,
      options: [
        { value: '', label: t.chooseBoard },
        ...data.boards.map((b) => ({ value: b.id, label: b.name })),
      ],
    })}
    ${textField(ctx, { name: 'brin', label: t.brin, hint: t.brinHint, value: form.brin, errors: e, width: 'short' })}
    ${selectField(ctx, {
      name: 'kind',
      label: t.kind,
      value: form.kind,
      errors: e,
      required: true,
      options: SCHOOL_KINDS.map((k) => ({ value: k, label: t.schoolKind[k] })),
    })}
    ${textField(ctx, { name: 'locationCount', label: t.locations, hint: t.locationsHint, value: form.locationCount, errors: e, inputmode: 'numeric', width: 'short', required: true })}
    ${textField(ctx, { name: 'fixedAmount', label: t.fixedAmount, hint: t.fixedAmountHint, value: form.fixedAmount, errors: e, inputmode: 'decimal', width: 'short' })}
    ${personPicker(ctx, {
      name: 'ectMemberPersonId',
      label: t.ectMember,
      hint: `${t.ectMemberHint} ${t.picker.hint}`,
      value: pickerValue(data.persons, form.ectMemberPersonId),
      errors: e,
      candidates: data.persons.filter((p) => p.active && p.roles.includes('ect_member')),
    })}`,
    details: html`<dt>${t.name}</dt>
      <dd>${school?.name ?? ''}</dd>
      <dt>${t.board}</dt>
      <dd>${school ? (boardNames.get(school.boardId) ?? '') : ''}</dd>
      <dt>${t.brin}</dt>
      <dd>${school?.brin ?? t.none}</dd>
      <dt>${t.kind}</dt>
      <dd>${school ? t.schoolKind[school.kind] : ''}</dd>
      <dt>${t.locations}</dt>
      <dd>${school ? formatNumber(ctx.locale, school.locationCount) : ''}</dd>
      <dt>${t.fixedAmount}</dt>
      <dd>${school ? formatAmount(school.fixedAmountCents) : ''}</dd>
      <dt>${t.ectMember}</dt>
      <dd>${school?.ectMemberPersonId ? (names.get(school.ectMemberPersonId) ?? '') : t.none}</dd>`,
  });
}
