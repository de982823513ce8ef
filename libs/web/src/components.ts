import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type { DocumentInfo } from '@jaarcyclus/api/documents/documents.service';
import { fieldErrorText } from './forms';
import { attrs, html, type SafeHtml } from './html';
import { formatBytes } from './i18n';
import type { WebContext } from './layout';

/** Form building blocks: every input has a label; hints and errors are tied to it with aria-describedby. */

export const fieldId = (name: string): string => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Errors of one field, in the reader's language. */
export function errorsFor(ctx: WebContext, errors: FieldError[], name: string): string[] {
  return errors.filter((e) => e.field === name).map((e) => fieldErrorText(ctx.locale, e));
}

interface FieldOptions {
  name: string;
  label: string;
  value: string;
  errors: FieldError[];
  hint?: string;
  type?: 'text' | 'email' | 'url' | 'datetime-local';
  /** The id of a <datalist> of suggestions (the person picker). */
  list?: string;
  inputmode?: 'numeric' | 'decimal' | 'email';
  autocomplete?: string;
  required?: boolean;
  width?: 'short' | 'full';
  autofocus?: boolean;
}

function describedBy(id: string, hint: boolean, error: boolean): string | null {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : null;
}

function errorMessage(id: string, messages: string[]): SafeHtml {
  return messages.length
    ? html`<p class="field-error" id="${id}-error">
        ${messages.map((m, i) => html`${i ? html`<br />` : ''}${m}`)}
      </p>`
    : html``;
}

export function textField(ctx: WebContext, o: FieldOptions): SafeHtml {
  const id = fieldId(o.name);
  const messages = errorsFor(ctx, o.errors, o.name);
  return html`<div class="field${messages.length ? ' field--error' : ''}">
  <label for="${id}">${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${errorMessage(id, messages)}
  <input${attrs({
    id,
    name: o.name,
    type: o.type ?? 'text',
    value: o.value,
    class: o.width === 'short' ? 'input-short' : null,
    inputmode: o.inputmode,
    list: o.list,
    autocomplete: o.autocomplete ?? 'off',
    spellcheck: o.type === 'email' || o.type === 'url' ? 'false' : null,
    required: o.required ?? false,
    autofocus: o.autofocus ?? false,
    'aria-invalid': messages.length ? 'true' : null,
    'aria-describedby': describedBy(id, Boolean(o.hint), messages.length > 0),
  })}>
</div>`;
}

/**
 * Errors about a whole list of lines (a missing line, too many, a rule over all of them), at
 * the top of its section; the paragraph carries the list's field id for the error summary.
 */
export function listErrors(ctx: WebContext, errors: FieldError[], name: string): SafeHtml {
  const messages = errorsFor(ctx, errors, name);
  return messages.length
    ? html`<p class="field-error" id="${fieldId(name)}">
        ${messages.map((m, i) => html`${i ? html`<br />` : ''}${m}`)}
      </p>`
    : html``;
}

/**
 * Checkboxes in a fieldset, one value each (posted as a repeated field); the first box carries
 * the field's id, so the error summary's link lands on it.
 */
export function checkboxesField(
  ctx: WebContext,
  o: {
    name: string;
    legend: string;
    hint: string;
    options: { value: string; label: string }[];
    checked: readonly string[];
    errors: FieldError[];
    /** Buttons that tick or untick every box; shown only when the script runs. */
    bulk?: { all: string; none: string };
  },
): SafeHtml {
  const id = fieldId(o.name);
  const messages = errorsFor(ctx, o.errors, o.name);
  const described = [`${id}-hint`, messages.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return html`<fieldset
    class="field${messages.length ? ' field--error' : ''}"
    aria-describedby="${described}"
  >
    <legend>${o.legend}</legend>
    <p class="hint" id="${id}-hint">${o.hint}</p>
    ${errorMessage(id, messages)}
    ${
      o.bulk
        ? html`<p class="actions bulk-actions" data-check-bulk hidden>
            <button type="button" class="button button--secondary" data-check="all">
              ${o.bulk.all}
            </button>
            <button type="button" class="button button--secondary" data-check="none">
              ${o.bulk.none}
            </button>
          </p>`
        : ''
    }
    ${o.options.map((option, i) => {
      const boxId = i === 0 ? id : `${id}-${fieldId(option.value).slice('field-'.length)}`;
      return html`<div class="checkbox">
        <input${attrs({
          id: boxId,
          type: 'checkbox',
          name: o.name,
          value: option.value,
          checked: o.checked.includes(option.value),
        })} />
        <label for="${boxId}">${option.label}</label>
      </div>`;
    })}
  </fieldset>`;
}

export function selectField(
  ctx: WebContext,
  o: Omit<FieldOptions, 'type' | 'inputmode' | 'autocomplete'> & {
    options: { value: string; label: string }[];
  },
): SafeHtml {
  const id = fieldId(o.name);
  const messages = errorsFor(ctx, o.errors, o.name);
  return html`<div class="field${messages.length ? ' field--error' : ''}">
  <label for="${id}">${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${errorMessage(id, messages)}
  <select${attrs({
    id,
    name: o.name,
    'aria-invalid': messages.length ? 'true' : null,
    'aria-describedby': describedBy(id, Boolean(o.hint), messages.length > 0),
  })}>
    ${o.options.map((opt) => html`<option value="${opt.value}" ${opt.value === o.value ? html` selected` : ''}>${opt.label}</option>`)}
  </select>
</div>`;
}

export function textArea(ctx: WebContext, o: FieldOptions & { maxLength?: number }): SafeHtml {
  const id = fieldId(o.name);
  const messages = errorsFor(ctx, o.errors, o.name);
  return html`<div class="field${messages.length ? ' field--error' : ''}">
  <label for="${id}">${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${errorMessage(id, messages)}
  <textarea${attrs({
    id,
    name: o.name,
    rows: 4,
    'aria-invalid': messages.length ? 'true' : null,
    'aria-describedby': describedBy(id, Boolean(o.hint), messages.length > 0),
  })}>${o.value}</textarea>
</div>`;
}

/** A file input (the form must post multipart/form-data); `accept` narrows the picker only. */
export function fileField(
  ctx: WebContext,
  o: { name: string; label: string; hint?: string; accept: string; errors: FieldError[] },
): SafeHtml {
  const id = fieldId(o.name);
  const messages = errorsFor(ctx, o.errors, o.name);
  return html`<div class="field${messages.length ? ' field--error' : ''}">
  <label for="${id}">${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${errorMessage(id, messages)}
  <input${attrs({
    id,
    name: o.name,
    type: 'file',
    accept: o.accept,
    'aria-invalid': messages.length ? 'true' : null,
    'aria-describedby': describedBy(id, Boolean(o.hint), messages.length > 0),
  })}>
</div>`;
}

/** A document's name and size, as people recognise it: 'begroting-2027.pdf, 12,4 kB'. */
export function documentLabel(ctx: WebContext, document: DocumentInfo): string {
  return `${document.filename}, ${formatBytes(ctx.locale, document.sizeBytes)}`;
}

/**
 * A file uploaded by an earlier step of a form: its name, its id carried on in `idName`, and a
 * box to stop using it (to give a link instead).
 */
export function uploadedDocumentField(
  ctx: WebContext,
  o: { document: DocumentInfo; idName: string; removeName: string },
): SafeHtml {
  const id = fieldId(o.removeName);
  return html`<div class="field uploaded-document">
    <p>
      <strong>${ctx.t.uploadedFile}:</strong>
      <a href="/api/documents/${o.document.id}" download>${documentLabel(ctx, o.document)}</a>
    </p>
    <input type="hidden" name="${o.idName}" value="${o.document.id}" />
    <div class="checkbox">
      <input${attrs({ id, type: 'checkbox', name: o.removeName, value: '1' })} />
      <label for="${id}">${ctx.t.removeUploadedFile}</label>
    </div>
  </div>`;
}

/** The proposal: an uploaded file downloads (name and size beside it), a link opens. */
export function proposalLink(
  ctx: WebContext,
  href: string,
  document: DocumentInfo | null,
): SafeHtml {
  const { t } = ctx;
  return document
    ? html`<a href="${href}" download>${t.downloadProposal}</a>
        <span class="muted">(${documentLabel(ctx, document)})</span>`
    : html`<a href="${href}" rel="noopener noreferrer">${t.openProposal}</a>`;
}

/**
 * The list of problems at the top of a form, each linking to its field. The script moves focus
 * here after a failed post; without script, role="alert" still announces it.
 */
export function errorSummary(
  ctx: WebContext,
  errors: FieldError[],
  labels: Record<string, string>,
  /** The messages already say where (the accountability's "Uitgaven, regel 1 (…): …"). */
  opts: { messagesNameTheirField?: boolean } = {},
): SafeHtml {
  if (errors.length === 0) return html``;
  // In the order of the form (the order of `labels`); problems of no one field first.
  const order = new Map(Object.keys(labels).map((field, i) => [field, i]));
  const rank = (e: FieldError): number => (e.field === '' ? -1 : (order.get(e.field) ?? -1));
  const sorted = errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
  return html`<div
    class="error-summary"
    role="alert"
    aria-labelledby="error-summary-title"
    tabindex="-1"
    data-error-summary
  >
    <h2 id="error-summary-title">${ctx.t.errorSummary}</h2>
    <ul>
      ${sorted.map((e) => {
        const message = fieldErrorText(ctx.locale, e);
        const label = labels[e.field];
        if (!label) return html`<li>${message}</li>`;
        return opts.messagesNameTheirField
          ? html`<li><a href="#${fieldId(e.field)}">${message}</a></li>`
          : html`<li><a href="#${fieldId(e.field)}">${label}: ${message}</a></li>`;
      })}
    </ul>
  </div>`;
}

/** A status message after a successful post (PRG: carried in the redirect's query). */
export function notice(message: string | null, kind: 'success' | 'info' = 'success'): SafeHtml {
  return message
    ? html`<div class="notice notice--${kind}" role="status"><p>${message}</p></div>`
    : html``;
}

/** A wide table scrolls inside its own keyboard-focusable region, never the whole page. */
export function tableRegion(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0">
    ${table}
  </div>`;
}
