import type { EctEvaluationStatus } from '@jaarcyclus/workflows';
import type { EctProgressRow } from '@jaarcyclus/api/ect-evaluation/ect-evaluation.service';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { errorSummary, notice, tableRegion, textArea, textField } from '../components';
import { html, type SafeHtml } from '../html';
import { formatAmount, formatDateTime } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';

export interface EctStartValues {
  year: string;
  deadline: string;
}

const at = (ctx: WebContext, iso: string): SafeHtml =>
  html`<time datetime="${iso}">${formatDateTime(ctx.locale, new Date(iso))}</time>`;

const START_LABELS = (ctx: WebContext): Record<string, string> => ({
  year: ctx.t.ectEval.year,
  deadline: ctx.t.ectEval.deadline,
  schools: ctx.t.ectEval.school,
});

export function ectStartPage(
  ctx: WebContext,
  data: { values: EctStartValues; errors: FieldError[] },
): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.ectEval.startTitle,
    nav: 'cycles',
    hasErrors: data.errors.length > 0,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${t.ectEval.startTitle}</h1>
      ${errorSummary(ctx, data.errors, START_LABELS(ctx))}
      <p class="lead">${t.ectEval.startIntro}</p>
      <form method="post" action="/app/cycles/ect-evaluation" novalidate>
        ${csrfField(ctx)}
        ${textField(ctx, {
          name: 'year',
          label: t.ectEval.year,
          value: data.values.year,
          errors: data.errors,
          inputmode: 'numeric',
          width: 'short',
          required: true,
        })}
        ${textField(ctx, {
          name: 'deadline',
          label: t.ectEval.deadline,
          hint: t.ectEval.deadlineHint,
          value: data.values.deadline,
          errors: data.errors,
          type: 'datetime-local',
        })}
        <div class="actions">
          <button type="submit" name="step" value="preview" class="button">
            ${t.ectEval.preview}
          </button>
        </div>
      </form>`,
  });
}

export function ectPreviewPage(
  ctx: WebContext,
  data: {
    values: EctStartValues;
    preview: {
      year: number;
      deadline: string;
      schools: { schoolId: string; name: string | undefined }[];
      schedule: { at: string; kind: string }[];
    };
  },
): string {
  const { t } = ctx;
  const { preview } = data;
  return page(ctx, {
    title: t.ectEval.previewTitle(preview.year),
    nav: 'cycles',
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${t.ectEval.previewTitle(preview.year)}</h1>
      <p>${t.ectEval.calendarNote}</p>
      <section aria-labelledby="preview-schedule">
        <h2 id="preview-schedule">${t.schedule}</h2>
        ${tableRegion(
          t.schedule,
          html`<table>
            <thead>
              <tr>
                <th scope="col">${t.when}</th>
                <th scope="col">${t.what}</th>
              </tr>
            </thead>
            <tbody>
              ${preview.schedule.map(
                (e) =>
                  html`<tr>
                    <td>${at(ctx, e.at)}</td>
                    <td>${t.ectEval.scheduleKind[e.kind] ?? e.kind}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
        )}
      </section>
      <section aria-labelledby="preview-schools">
        <h2 id="preview-schools">${t.ectEval.schoolsTitle(preview.schools.length)}</h2>
        <ul>
          ${preview.schools.map((s) => html`<li>${s.name ?? ''}</li>`)}
        </ul>
      </section>
      <form method="post" action="/app/cycles/ect-evaluation">
        ${csrfField(ctx)}
        <input type="hidden" name="year" value="${data.values.year}" />
        <input type="hidden" name="deadline" value="${data.values.deadline}" />
        <div class="actions">
          <button type="submit" name="step" value="start" class="button">${t.ectEval.start}</button>
          <button type="submit" name="step" value="edit" class="button button--secondary">
            ${t.ectEval.edit}
          </button>
        </div>
      </form>`,
  });
}

/** The secretariat's progress: per school its ECT member, status, submission and reminders. */
export function ectProgressPage(
  ctx: WebContext,
  data: {
    status: EctEvaluationStatus;
    rows: EctProgressRow[];
    canManage: boolean;
    message: string | null;
    errors: FieldError[];
  },
): string {
  const { t } = ctx;
  const { status, rows } = data;
  const done = rows.filter((r) => r.status === 'submitted').length;
  return page(ctx, {
    title: t.ectEval.progressTitle(status.year),
    nav: 'cycles',
    hasErrors: data.errors.length > 0,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${t.ectEval.progressTitle(status.year)}</h1>
      ${notice(data.message)} ${errorSummary(ctx, data.errors, {})}
      <dl class="details panel">
        <dt>${t.phase}</dt>
        <dd><span class="state">${t.ectEval.phaseName[status.phase] ?? t.phaseUnknown}</span></dd>
        <dt>${t.ectEval.deadline}</dt>
        <dd>${at(ctx, status.deadline)}</dd>
        <dt>${t.ectEval.statusLabel}</dt>
        <dd>${t.ectEval.progressSummary(done, rows.length)}</dd>
      </dl>
      <p>
        <a href="/app/cycles/ect-evaluation/${status.year}/export.csv" download
          >${t.ectEval.exportCsv}</a
        >
      </p>
      ${tableRegion(
        t.ectEval.progressTitle(status.year),
        html`<table>
          <thead>
            <tr>
              <th scope="col">${t.ectEval.school}</th>
              <th scope="col">${t.ectEval.ectMember}</th>
              <th scope="col">${t.ectEval.statusLabel}</th>
              <th scope="col">${t.ectEval.submittedAt}</th>
              <th scope="col">${t.ectEval.reminders}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr>
                  <th scope="row">
                    <a href="/app/ect-evaluations/${status.year}/schools/${r.schoolId}"
                      >${r.schoolName}</a
                    >
                  </th>
                  <td>${r.ectName}</td>
                  <td>
                    <span class="state state--${r.status}"
                      >${t.ectEval.status[r.status] ?? r.status}</span
                    >
                  </td>
                  <td>${r.submittedAt ? at(ctx, r.submittedAt) : ''}</td>
                  <td>${String(r.remindersSent)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      )}
      ${
        data.canManage && status.phase !== 'completed'
          ? html`<form
              method="post"
              action="/app/cycles/ect-evaluation/${status.year}/close"
              class="panel"
            >
              <h2>${t.ectEval.closeTitle}</h2>
              ${csrfField(ctx)}
              <p>${t.ectEval.closeIntro}</p>
              <div class="actions">
                <button type="submit" class="button button--secondary">${t.ectEval.close}</button>
              </div>
            </form>`
          : ''
      }`,
  });
}

/** What the ECT member's form shows; the api's EctEvaluationService.form. */
export interface EctFormData {
  year: number;
  school: { id: string; name: string };
  status: string;
  deadline: string;
  canSubmit: boolean;
  evaluation: { findings: string; agreements: string; submittedAt: string } | null;
  lastYearAccountability: {
    accountingYear: number;
    status: string;
    submittedAt: string | null;
    deduction: { amountCents: number } | null;
  } | null;
}

function lastYearPanel(ctx: WebContext, form: EctFormData, office: boolean): SafeHtml {
  const { t } = ctx;
  const year = form.year - 1;
  const acc = form.lastYearAccountability;
  const link = office
    ? `/app/cycles/accountability/${year}/schools/${form.school.id}`
    : `/app/my-schools/${year}/schools/${form.school.id}`;
  return html`<aside class="panel" aria-labelledby="vorig-jaar">
    <h2 id="vorig-jaar">${t.ectEval.lastYearTitle(year)}</h2>
    ${
      acc
        ? html`<dl class="details">
              <dt>${t.ectEval.lastYearStatus}</dt>
              <dd>${t.acc.status[acc.status] ?? acc.status}</dd>
              ${
                acc.submittedAt
                  ? html`<dt>${t.ectEval.lastYearSubmitted}</dt>
                      <dd>${at(ctx, acc.submittedAt)}</dd>`
                  : ''
              }
              ${
                acc.deduction
                  ? html`<dt>${t.ectEval.lastYearDeduction}</dt>
                      <dd>${formatAmount(acc.deduction.amountCents)}</dd>`
                  : ''
              }
            </dl>
            <p><a href="${link}">${t.ectEval.openLastYear}</a></p>`
        : html`<p>${t.ectEval.noLastYear(year)}</p>`
    }
  </aside>`;
}

/** The ECT member's short form beside the school's accountability of the year before. */
export function ectFormPage(
  ctx: WebContext,
  data: {
    form: EctFormData;
    values: { findings: string; agreements: string };
    errors: FieldError[];
    message: string | null;
    office: boolean;
  },
): string {
  const { t } = ctx;
  const { form } = data;
  const title = t.ectEval.formTitle(form.year, form.school.name);
  return page(ctx, {
    title,
    nav: data.office ? 'cycles' : 'tasks',
    hasErrors: data.errors.length > 0,
    body: html`<p>
        <a href="${data.office ? `/app/cycles/ect-evaluation/${form.year}` : '/app/tasks'}"
          >${data.office ? t.backToCycles : t.navTasks}</a
        >
      </p>
      <h1>${title}</h1>
      ${notice(data.message)}
      ${errorSummary(ctx, data.errors, {
        findings: t.ectEval.findings,
        agreements: t.ectEval.agreements,
      })}
      <dl class="details">
        <dt>${t.ectEval.statusLabel}</dt>
        <dd>${t.ectEval.status[form.status] ?? form.status}</dd>
        <dt>${t.ectEval.deadline}</dt>
        <dd>${at(ctx, form.deadline)}</dd>
      </dl>
      <div class="body-card-grid">
        <section aria-labelledby="evaluatie">
          ${
            form.evaluation
              ? html`<h2 id="evaluatie">${t.ectEval.yourEvaluation}</h2>
                  <dl class="details">
                    <dt>${t.ectEval.findings}</dt>
                    <dd class="review-comments">${form.evaluation.findings}</dd>
                    <dt>${t.ectEval.agreements}</dt>
                    <dd class="review-comments">${form.evaluation.agreements}</dd>
                    <dt>${t.ectEval.submittedAt}</dt>
                    <dd>${at(ctx, form.evaluation.submittedAt)}</dd>
                  </dl>`
              : form.canSubmit
                ? html`<h2 id="evaluatie">${t.ectEval.formIntro(form.year)}</h2>
                    <form
                      method="post"
                      action="/app/ect-evaluations/${form.year}/schools/${form.school.id}"
                      novalidate
                    >
                      ${csrfField(ctx)}
                      ${textArea(ctx, {
                        name: 'findings',
                        label: t.ectEval.findings,
                        hint: t.ectEval.findingsHint,
                        value: data.values.findings,
                        errors: data.errors,
                        required: true,
                        maxLength: 4000,
                      })}
                      ${textArea(ctx, {
                        name: 'agreements',
                        label: t.ectEval.agreements,
                        hint: t.ectEval.agreementsHint,
                        value: data.values.agreements,
                        errors: data.errors,
                        required: true,
                        maxLength: 4000,
                      })}
                      <div class="actions">
                        <button type="submit" class="button">${t.ectEval.submit}</button>
                      </div>
                    </form>`
                : html`<h2 id="evaluatie">${t.ectEval.yourEvaluation}</h2>
                    <p>${t.ectEval.status[form.status] ?? form.status}</p>`
          }
        </section>
        ${lastYearPanel(ctx, form, data.office)}
      </div>`,
  });
}
