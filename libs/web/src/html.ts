import { escapeHtml } from '@jaarcyclus/i18n';

/**
 * Escaping by default: every value interpolated into `html\`...\`` is escaped unless it is
 * already SafeHtml (the result of another `html` template or of `raw`). Arrays are joined, and
 * null, undefined and false render as nothing, so conditionals read naturally in templates.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

export { escapeHtml };

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup that is trusted as it is (assets, pre-rendered fragments). Never pass user input. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** `attrs({ 'aria-invalid': 'true', required: true, disabled: false })` → ` aria-invalid="true" required`: true renders a bare attribute, false/null/undefined drop it. */
export function attrs(map: Record<string, string | number | boolean | null | undefined>): SafeHtml {
  return raw(
    Object.entries(map)
      .filter(([, v]) => v !== false && v !== null && v !== undefined)
      .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`))
      .join(''),
  );
}
