import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { errorSummary } from '../components';
import { html, type SafeHtml } from '../html';
import { csrfField, page, type WebContext } from '../layout';

/** What can be deleted from the administration pages: the path segment of each kind. */
export type AdminKind = 'boards' | 'schools' | 'persons' | 'bodies';

/** The kinds with an add/view/change page of their own (AdminEntityController). */
export type AdminEntityKind = Exclude<AdminKind, 'bodies'>;

/** The section of the administration page each kind is listed in. */
export const ADMIN_SECTIONS: Record<AdminKind, string> = {
  boards: 'besturen',
  schools: 'scholen',
  persons: 'personen',
  bodies: 'organen',
};

/** At the foot of a detail page, for administrators: the way to the confirmation page. */
export function deleteLink(ctx: WebContext, kind: AdminKind, id: string): SafeHtml {
  return html`<p class="delete-link">
    <a href="/app/admin/${kind}/${id}/delete">${ctx.t.del.link[kind]}</a>
  </p>`;
}

export interface EntityPageOptions {
  kind: AdminEntityKind;
  /** null: adding a new record. */
  row: { id: string; name: string } | null;
  canEdit: boolean;
  /** The heading when adding and when changing (who may only read sees the record's name). */
  addTitle: string;
  editTitle: string;
  errors: FieldError[];
  /** The fields' labels, for the error summary. */
  labels: Record<string, string>;
  /** The form's fields, for who may change the record. */
  fields: SafeHtml;
  /** The record as <dt>/<dd> pairs, for who may only read. */
  details: SafeHtml;
}

/**
 * Add (row null) or view and change one board, school or person: the form with its error
 * summary for administrators (with the way to delete it), the details for who may only read.
 */
export function entityPage(ctx: WebContext, o: EntityPageOptions): string {
  const { t } = ctx;
  const { kind, row } = o;
  const section = ADMIN_SECTIONS[kind];
  const title = row ? (o.canEdit ? o.editTitle : row.name) : o.addTitle;
  const body = o.canEdit
    ? html`<form
        method="post"
        action="${row ? `/app/admin/${kind}/${row.id}` : `/app/admin/${kind}`}"
        novalidate
        class="panel"
      >
        ${csrfField(ctx)} ${o.fields}
        <div class="actions">
          <button type="submit" class="button">${t.save}</button>
          <a href="/app/admin#${section}">${t.cancel}</a>
        </div>
      </form>`
    : html`<dl class="details panel">${o.details}</dl>
        <p class="notice notice--info">${t.readOnlyNote}</p>`;
  return page(ctx, {
    title,
    nav: 'admin',
    hasErrors: o.errors.length > 0,
    body: html`<p><a href="/app/admin#${section}">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${title}</h1>
        ${errorSummary(ctx, o.errors, o.labels)} ${body}
        ${row && o.canEdit ? deleteLink(ctx, kind, row.id) : ''}
      </div>`,
  });
}

/**
 * "Are you sure?": what deleting means for this kind, and the button that does it (a POST:
 * the link to this page changes nothing). A refusal (still in use) is shown here, 409.
 */
export function deletePage(
  ctx: WebContext,
  data: {
    kind: AdminKind;
    id: string;
    name: string;
    refusal: string | null;
    /** Names of the people who keep it in use (boards, schools). */
    usedBy?: string[];
    /** Names of the schools that keep a board in use. */
    usedBySchools?: string[];
  },
): string {
  const { t } = ctx;
  const back = `/app/admin/${data.kind}/${data.id}`;
  return page(ctx, {
    title: t.del.title(data.name),
    nav: 'admin',
    hasErrors: data.refusal !== null,
    body: html`<p><a href="${back}">${data.name}</a></p>
      <div class="narrow">
        <h1>${t.del.title(data.name)}</h1>
        ${
          data.refusal
            ? html`<div class="error-summary" role="alert" tabindex="-1" data-error-summary>
                  <h2>${t.del.refusedTitle}</h2>
                  <p>${data.refusal}</p>
                  ${
                    data.usedBySchools && data.usedBySchools.length > 0
                      ? html`<p>${t.usedBySchools}</p>
                          <ul>
                            ${data.usedBySchools.map((name) => html`<li>${name}</li>`)}
                          </ul>`
                      : ''
                  }
                  ${
                    data.usedBy && data.usedBy.length > 0
                      ? html`<p>${t.usedByPeople}</p>
                          <ul>
                            ${data.usedBy.map((name) => html`<li>${name}</li>`)}
                          </ul>`
                      : ''
                  }
                  ${data.kind === 'persons' ? html`<p>${t.del.personInstead}</p>` : ''}
                </div>
                <p><a class="button button--secondary" href="${back}">${t.backToRecord}</a></p>`
            : html`<p>${t.del.intro[data.kind]}</p>
                <form method="post" action="/app/admin/${data.kind}/${data.id}/delete">
                  ${csrfField(ctx)}
                  <div class="actions">
                    <button type="submit" class="button button--warning">${t.del.confirm}</button>
                    <a href="${back}">${t.cancel}</a>
                  </div>
                </form>`
        }
      </div>`,
  });
}
