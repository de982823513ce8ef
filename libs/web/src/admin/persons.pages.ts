import {
  LOCALES,
  ROLES,
  type Person,
  type School,
  type SchoolBoard,
} from '@jaarcyclus/persistence';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { checkboxesField, fieldId, selectField, tableRegion, textField } from '../components';
import { attrs, html, type SafeHtml } from '../html';
import type { WebContext } from '../layout';
import { listPager, listSearch, type ListPage, type ListQueries } from './list-query';
import { entityPage } from './shared.pages';

/** The people on the administration page, with their roles and language. */
export function peopleSection(
  ctx: WebContext,
  data: { list: ListPage<Person>; canEdit: boolean; queries: ListQueries },
): SafeHtml {
  const { t } = ctx;
  const inactive = (p: Person) => (p.active ? '' : html` <span class="tag">${t.inactive}</span>`);
  return html`<section aria-labelledby="personen">
    <h2 id="personen">${t.people}</h2>
    ${data.canEdit ? html`<p><a class="button" href="/app/admin/persons/new">${t.addPerson}</a></p>` : ''}
    ${listSearch(ctx, data.list, data.queries)}
    ${tableRegion(
      t.people,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t.name}</th>
            <th scope="col">${t.email}</th>
            <th scope="col">${t.roles}</th>
            <th scope="col">${t.language}</th>
          </tr>
        </thead>
        <tbody>
          ${data.list.rows.map(
            (p) =>
              html`<tr>
                <th scope="row">
                  <a href="/app/admin/persons/${p.id}">${p.name}</a>${inactive(p)}
                </th>
                <td>${p.email}</td>
                <td>${p.roles.map((r) => t.role[r]).join(', ') || t.none}</td>
                <td>${t.localeName[p.locale]}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    ${listPager(ctx, data.list, data.queries)}
  </section>`;
}

export interface PersonFormState {
  name: string;
  email: string;
  roles: string[];
  locale: string;
  schoolId: string;
  boardId: string;
  active: boolean;
  errors: FieldError[];
}

/** The roles as checkboxes in a fieldset. */
function rolesField(ctx: WebContext, form: PersonFormState): SafeHtml {
  const { t } = ctx;
  return checkboxesField(ctx, {
    name: 'roles',
    legend: t.roles,
    hint: t.rolesHint,
    options: ROLES.map((role) => ({ value: role, label: t.role[role] })),
    checked: form.roles,
    errors: form.errors,
  });
}

/** Add (person null) or edit a person; read-only for who may only look. */
export function personPage(
  ctx: WebContext,
  data: {
    person: Person | null;
    boards: SchoolBoard[];
    schools: School[];
    canEdit: boolean;
    form: PersonFormState;
  },
): string {
  const { t } = ctx;
  const { person, form } = data;
  const e = form.errors;
  return entityPage(ctx, {
    kind: 'persons',
    row: person,
    canEdit: data.canEdit,
    addTitle: t.addPerson,
    editTitle: t.editPerson,
    errors: e,
    labels: {
      name: t.name,
      email: t.email,
      roles: t.roles,
      locale: t.language,
      schoolId: t.schoolOfPerson,
      boardId: t.boardOfPerson,
      active: t.active,
    },
    fields: html`${textField(ctx, { name: 'name', label: t.name, value: form.name, errors: e, required: true, autocomplete: 'name' })}
      ${textField(ctx, { name: 'email', label: t.email, value: form.email, errors: e, type: 'email', inputmode: 'email', required: true, autocomplete: 'email' })}
      ${rolesField(ctx, form)}
      ${selectField(ctx, {
        name: 'locale',
        label: t.language,
        value: form.locale,
        errors: e,
        options: LOCALES.map((l) => ({ value: l, label: t.localeName[l] })),
      })}
      ${selectField(ctx, {
        name: 'schoolId',
        label: t.schoolOfPerson,
        value: form.schoolId,
        errors: e,
        options: [
          { value: '', label: t.none },
          ...data.schools.map((s) => ({ value: s.id, label: s.name })),
        ],
      })}
      ${selectField(ctx, {
        name: 'boardId',
        label: t.boardOfPerson,
        value: form.boardId,
        errors: e,
        options: [
          { value: '', label: t.none },
          ...data.boards.map((b) => ({ value: b.id, label: b.name })),
        ],
      })}
      <div class="field checkbox">
        <input${attrs({ id: fieldId('active'), type: 'checkbox', name: 'active', value: 'true', checked: form.active, 'aria-describedby': `${fieldId('active')}-hint` })} />
        <label for="${fieldId('active')}">${t.active}</label>
        <p class="hint" id="${fieldId('active')}-hint">${t.activeHint}</p>
      </div>`,
    details: html`<dt>${t.name}</dt>
      <dd>${person?.name ?? ''}</dd>
      <dt>${t.email}</dt>
      <dd>${person?.email ?? ''}</dd>
      <dt>${t.roles}</dt>
      <dd>${person ? person.roles.map((r) => t.role[r]).join(', ') || t.none : ''}</dd>
      <dt>${t.language}</dt>
      <dd>${person ? t.localeName[person.locale] : ''}</dd>`,
  });
}
