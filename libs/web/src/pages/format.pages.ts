import {
  APPENDIX_FTE_RULES,
  asksVariableAmount,
  type AccountabilityFormat,
} from '@jaarcyclus/domain';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type { FormatVersionUse } from '@jaarcyclus/api/accountability/accountability-formats.service';
import {
  errorSummary,
  fieldId,
  listErrors,
  notice,
  selectField,
  tableRegion,
  textField,
} from '../components';
import {
  EXTRA_SUPPORT_CATEGORY_FIELD,
  FTE_RULE_FIELD,
  lineField,
  type FormatFormValues,
  type FormatSection,
  type IncomeLineValues,
} from '../format-form';
import { attrs, html, type SafeHtml } from '../html';
import { formatDateTime } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';

/**
 * The SWV's accountability format (docs/domain.md, source 001 §7.4: the SWV supplies a fixed format): the
 * current version, every version with the cycles that use it, and, for the secretariat and
 * administrators, the form that publishes the next version.
 */

export const FORMAT_PATH = '/app/cycles/accountability/format';

function publishedLine(ctx: WebContext, v: FormatVersionUse): string {
  return v.isDefault || !v.publishedAt
    ? ctx.t.fmt.isDefault
    : ctx.t.fmt.publishedOn(formatDateTime(ctx.locale, new Date(v.publishedAt)), v.publishedBy);
}

function usedBy(ctx: WebContext, v: FormatVersionUse): string {
  return v.accountingYears.length
    ? v.accountingYears.map((y) => ctx.t.acc.title(y)).join(', ')
    : ctx.t.fmt.notUsed;
}

function versionsTable(ctx: WebContext, versions: FormatVersionUse[]): SafeHtml {
  const { t } = ctx;
  return tableRegion(
    t.fmt.versions,
    html`<table>
      <caption>
        ${t.fmt.versions}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.fmt.version}</th>
          <th scope="col">${t.fmt.publishedAt}</th>
          <th scope="col">${t.fmt.by}</th>
          <th scope="col">${t.fmt.usedBy}</th>
        </tr>
      </thead>
      <tbody>
        ${versions.map(
          (v) =>
            html`<tr>
              <th scope="row">
                <a href="${FORMAT_PATH}/${v.version}">${t.fmt.versionN(v.version)}</a>
              </th>
              <td>
                ${v.publishedAt && !v.isDefault ? formatDateTime(ctx.locale, new Date(v.publishedAt)) : t.fmt.standard}
              </td>
              <td>${v.publishedBy ?? ''}</td>
              <td>${usedBy(ctx, v)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/** The lines of a version, read-only. */
function formatTables(ctx: WebContext, format: AccountabilityFormat): SafeHtml {
  const { t } = ctx;
  const yesNo = (b: boolean): string => (b ? t.fmt.yes : t.fmt.no);
  return html`${variableLineNote(ctx, format)}
    <h2>${t.fmt.income}</h2>
    ${tableRegion(
      t.fmt.income,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t.fmt.label}</th>
            <th scope="col">${t.fmt.key}</th>
            <th scope="col">${t.fmt.required}</th>
          </tr>
        </thead>
        <tbody>
          ${format.incomeLines.map(
            (l) =>
              html`<tr>
                <td>${l.label}</td>
                <td><code>${l.key}</code></td>
                <td>${yesNo(l.required)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    <h2>${t.fmt.expenses}</h2>
    ${tableRegion(
      t.fmt.expenses,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t.fmt.label}</th>
            <th scope="col">${t.fmt.category}</th>
            <th scope="col">${t.fmt.key}</th>
            <th scope="col">${t.fmt.required}</th>
          </tr>
        </thead>
        <tbody>
          ${format.expenseLines.map(
            (l) =>
              html`<tr>
                <td>${l.label}</td>
                <td><code>${l.category}</code></td>
                <td><code>${l.key}</code></td>
                <td>${yesNo(l.required)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    <h2>${t.fmt.appendix}</h2>
    <dl class="details">
      <dt>${t.fmt.fteRule}</dt>
      <dd>${t.fmt.fteRuleOption[format.appendix.fteRule] ?? format.appendix.fteRule}</dd>
      <dt>${t.fmt.extraSupportCategory}</dt>
      <dd><code>${format.appendix.extraSupportCategory}</code></dd>
    </dl>`;
}

/** The underspending counts the variable amount as received only from its line (domain). */
function variableLineNote(
  ctx: WebContext,
  format: { incomeLines: readonly { key: string }[] },
): SafeHtml {
  return asksVariableAmount(format)
    ? html``
    : html`<p class="notice notice--info" data-variable-line-missing>
        ${ctx.t.fmt.noVariableLine}
      </p>`;
}

/** A single checkbox with its label. */
function checkbox(name: string, label: string, checked: boolean): SafeHtml {
  const id = fieldId(name);
  return html`<div class="checkbox">
    <input${attrs({ id, type: 'checkbox', name, value: '1', checked })} />
    <label for="${id}">${label}</label>
  </div>`;
}

function lineBox(
  ctx: WebContext,
  section: FormatSection,
  i: number,
  count: number,
  line: IncomeLineValues & { category?: string },
  errors: FieldError[],
): SafeHtml {
  const { t } = ctx;
  const moveButton = (dir: 'up' | 'down', label: string): SafeHtml =>
    html`<button
      type="submit"
      name="action"
      value="move:${section}:${i}:${dir}"
      class="button button--secondary button--small"
      aria-label="${label}: ${t.fmt.row(i + 1)}"
    >
      ${label}
    </button>`;
  // The hints on keys and categories stand once above the lines (sectionHints), not per line.
  return html`<fieldset class="line-group format-line">
    <legend>${t.fmt.row(i + 1)}</legend>
    <div class="wide-field">
      ${textField(ctx, { name: lineField(section, i, 'label'), label: t.fmt.label, value: line.label, errors })}
    </div>
    <div class="line-fields">
      ${
        section === 'expenseLines'
          ? textField(ctx, {
              name: lineField(section, i, 'category'),
              label: t.fmt.category,
              value: line.category ?? '',
              errors,
            })
          : ''
      }
      ${textField(ctx, { name: lineField(section, i, 'key'), label: t.fmt.key, value: line.key, errors })}
    </div>
    <div class="line-fields">
      ${checkbox(lineField(section, i, 'required'), t.fmt.required, line.required)}
      ${checkbox(lineField(section, i, 'remove'), t.fmt.remove, false)}
    </div>
    <p class="line-moves">
      ${i > 0 ? moveButton('up', t.fmt.moveUp) : ''}
      ${i < count - 1 ? moveButton('down', t.fmt.moveDown) : ''}
    </p>
  </fieldset>`;
}

/** Labels for the error summary: the section, the line and the field. */
function summaryLabels(ctx: WebContext, values: FormatFormValues): Record<string, string> {
  const { t } = ctx;
  const labels: Record<string, string> = {
    incomeLines: t.fmt.income,
    expenseLines: t.fmt.expenses,
    [FTE_RULE_FIELD]: `${t.fmt.appendix}, ${t.fmt.fteRule}`,
    [EXTRA_SUPPORT_CATEGORY_FIELD]: `${t.fmt.appendix}, ${t.fmt.extraSupportCategory}`,
  };
  const sections: [FormatSection, string][] = [
    ['incomeLines', t.fmt.income],
    ['expenseLines', t.fmt.expenses],
  ];
  for (const [section, name] of sections) {
    values[section].forEach((_, i) => {
      const where = `${name}, ${t.fmt.row(i + 1).toLowerCase()}`;
      labels[lineField(section, i, 'label')] = `${where}, ${t.fmt.label.toLowerCase()}`;
      labels[lineField(section, i, 'key')] = `${where}, ${t.fmt.key.toLowerCase()}`;
      labels[lineField(section, i, 'category')] = `${where}, ${t.fmt.category.toLowerCase()}`;
    });
  }
  return labels;
}

function editForm(
  ctx: WebContext,
  data: { values: FormatFormValues; errors: FieldError[]; baseVersion: number },
): SafeHtml {
  const { t } = ctx;
  const { values: v, errors: e } = data;
  const categories = [...new Set(v.expenseLines.map((l) => l.category).filter(Boolean))];
  return html`<h2 id="edit-format">${t.fmt.editTitle}</h2>
    <p>${t.fmt.editIntro}</p>
    ${errorSummary(ctx, e, summaryLabels(ctx, v))} ${variableLineNote(ctx, v)}
    <form method="post" action="${FORMAT_PATH}" novalidate>
      ${csrfField(ctx)}
      <input type="hidden" name="baseVersion" value="${data.baseVersion}" />
      <fieldset class="panel form-section">
        <legend>${t.fmt.income}</legend>
        <p class="hint">${t.fmt.incomeIntro}</p>
        <p class="hint">${t.fmt.keyHint}</p>
        ${listErrors(ctx, e, 'incomeLines')}
        ${v.incomeLines.map((line, i) => lineBox(ctx, 'incomeLines', i, v.incomeLines.length, line, e))}
        <button
          type="submit"
          name="action"
          value="addLine:incomeLines"
          class="button button--secondary"
        >
          ${t.fmt.addIncome}
        </button>
      </fieldset>
      <fieldset class="panel form-section">
        <legend>${t.fmt.expenses}</legend>
        <p class="hint">${t.fmt.expensesIntro} ${t.fmt.categoryHint}</p>
        <p class="hint">${t.fmt.keyHint}</p>
        ${listErrors(ctx, e, 'expenseLines')}
        ${v.expenseLines.map((line, i) => lineBox(ctx, 'expenseLines', i, v.expenseLines.length, line, e))}
        <button
          type="submit"
          name="action"
          value="addLine:expenseLines"
          class="button button--secondary"
        >
          ${t.fmt.addExpense}
        </button>
      </fieldset>
      <fieldset class="panel form-section">
        <legend>${t.fmt.appendix}</legend>
        <p class="hint">${t.fmt.appendixIntro}</p>
        ${selectField(ctx, {
          name: FTE_RULE_FIELD,
          label: t.fmt.fteRule,
          value: v.fteRule,
          errors: e,
          options: APPENDIX_FTE_RULES.map((r) => ({
            value: r,
            label: t.fmt.fteRuleOption[r] ?? r,
          })),
        })}
        ${textField(ctx, {
          name: EXTRA_SUPPORT_CATEGORY_FIELD,
          label: t.fmt.extraSupportCategory,
          hint: t.fmt.extraSupportCategoryHint(categories.join(', ') || '-'),
          value: v.extraSupportCategory,
          errors: e,
        })}
      </fieldset>
      <div class="actions">
        <button type="submit" name="action" value="publish" class="button">
          ${t.fmt.publish(data.baseVersion + 1)}
        </button>
        <a href="${FORMAT_PATH}">${t.cancel}</a>
      </div>
    </form>`;
}

/** The current format; with `edit` the form that publishes the next version. */
export function formatPage(
  ctx: WebContext,
  data: {
    current: AccountabilityFormat;
    versions: FormatVersionUse[];
    message: string | null;
    /** `baseVersion`: the version the form was opened on (default: the current one). */
    edit: { values: FormatFormValues; errors: FieldError[]; baseVersion?: number } | null;
  },
): string {
  const { t } = ctx;
  const latest = data.versions[0]!;
  return page(ctx, {
    title: t.fmt.title,
    nav: 'cycles',
    hasErrors: (data.edit?.errors.length ?? 0) > 0,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${t.fmt.title}</h1>
      ${notice(data.message)}
      <p class="lead">${t.fmt.intro}</p>
      <p><strong>${t.fmt.current(data.current.version)}</strong> ${publishedLine(ctx, latest)}</p>
      ${versionsTable(ctx, data.versions)}
      ${
        data.edit
          ? editForm(ctx, {
              ...data.edit,
              baseVersion: data.edit.baseVersion ?? data.current.version,
            })
          : formatTables(ctx, data.current)
      }`,
  });
}

/** One version, read-only. */
export function formatVersionPage(
  ctx: WebContext,
  data: { format: AccountabilityFormat; use: FormatVersionUse },
): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.fmt.versionTitle(data.format.version),
    nav: 'cycles',
    body: html`<p><a href="${FORMAT_PATH}">${t.fmt.back}</a></p>
      <h1>${t.fmt.versionTitle(data.format.version)}</h1>
      <p>${publishedLine(ctx, data.use)}</p>
      <p>${t.fmt.usedBy}: ${usedBy(ctx, data.use)}</p>
      ${formatTables(ctx, data.format)}`,
  });
}
