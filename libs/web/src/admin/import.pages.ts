import type { ImportKind, ImportReport } from '@jaarcyclus/domain';
import { renderText } from '@jaarcyclus/i18n';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { errorSummary, fileField, selectField, tableRegion } from '../components';
import { html } from '../html';
import { csrfField, page, type WebContext } from '../layout';

export const IMPORT_FILE_FIELD = 'file';

/** The upload form: which kind, which file; the columns of each kind beside it. */
export function importPage(
  ctx: WebContext,
  data: { kind: ImportKind | ''; errors: FieldError[] },
): string {
  const { t } = ctx;
  const labels = { kind: t.importKind, [IMPORT_FILE_FIELD]: t.importFile };
  return page(ctx, {
    title: t.importTitle,
    nav: 'admin',
    hasErrors: data.errors.length > 0,
    body: html`<p><a href="/app/admin">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${t.importTitle}</h1>
        <p>${t.importIntro}</p>
        ${errorSummary(ctx, data.errors, labels)}
        <form method="post" action="/app/admin/import" enctype="multipart/form-data" novalidate>
          ${csrfField(ctx)}
          <div class="panel form-section">
            ${selectField(ctx, {
              name: 'kind',
              label: t.importKind,
              value: data.kind,
              errors: data.errors,
              options: (['boards', 'schools', 'persons'] as const).map((k) => ({
                value: k,
                label: t.importKinds[k],
              })),
            })}
            ${fileField(ctx, {
              name: IMPORT_FILE_FIELD,
              label: t.importFile,
              hint: t.importFileHint,
              accept: '.csv,text/csv',
              errors: data.errors,
            })}
          </div>
          <div class="actions">
            <button type="submit" class="button">${t.importButton}</button>
            <a href="/app/admin">${t.cancel}</a>
          </div>
        </form>
        <h2>${t.importColumnsTitle}</h2>
        <dl class="details">
          ${(['boards', 'schools', 'persons'] as const).map(
            (k) =>
              html`<dt>${t.importKinds[k]}</dt>
                <dd>${t.importColumns[k]}</dd>`,
          )}
        </dl>
      </div>`,
  });
}

/** What happened to every line of the file, in the reader's language. */
export function importReportPage(ctx: WebContext, report: ImportReport): string {
  const { t } = ctx;
  const kind = t.importKinds[report.kind];
  return page(ctx, {
    title: t.importReportTitle(kind),
    nav: 'admin',
    body: html`<p><a href="/app/admin">${t.adminTitle}</a></p>
      <h1>${t.importReportTitle(kind)}</h1>
      <div class="notice notice--${report.counts.refused > 0 ? 'info' : 'success'}" role="status">
        <p>${t.importCounts(report.counts)}</p>
        ${report.counts.refused > 0 ? html`<p>${t.importRefusedNote}</p>` : ''}
      </div>
      ${tableRegion(
        t.importTableLabel,
        html`<table>
          <caption>
            ${t.importTableLabel}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.importRow}</th>
              <th scope="col">${t.importWhat}</th>
              <th scope="col">${t.importOutcome}</th>
              <th scope="col">${t.importWhy}</th>
            </tr>
          </thead>
          <tbody>
            ${report.rows.map(
              (r) =>
                html`<tr>
                  <td>${r.row}</td>
                  <td>${r.label}</td>
                  <td>${t.importOutcomes[r.outcome]}</td>
                  <td>
                    ${
                      r.problems.length === 0
                        ? ''
                        : html`<ul>
                            ${r.problems.map(
                              (p) =>
                                html`<li>
                                  ${p.column ? html`<strong>${t.importColumn(p.column)}:</strong> ` : ''}${renderText(
                                    ctx.locale,
                                    p.text,
                                  )}
                                </li>`,
                            )}
                          </ul>`
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      )}
      <p><a href="/app/admin/import">${t.importAgain}</a></p>`,
  });
}
