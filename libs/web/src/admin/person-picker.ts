import type { Person } from '@jaarcyclus/persistence';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { codedText, englishText } from '@jaarcyclus/i18n';
import { isUUID } from 'class-validator';
import { fieldId, textField } from '../components';
import { html, type SafeHtml } from '../html';
import type { WebContext } from '../layout';
import { matching } from './list-query';

/** A person as the picker shows and reads it: "Naam (e-mailadres)". */
export function personLabel(p: Pick<Person, 'name' | 'email'>): string {
  return `${p.name} (${p.email})`;
}

/** The label of the person with `id` among `persons` ('' for none or an unknown id). */
export function personText(persons: readonly Person[], id: string | null | undefined): string {
  const p = id ? persons.find((x) => x.id === id) : undefined;
  return p ? personLabel(p) : '';
}

/**
 * Choosing one of many people (a body's member, a board's bestuurder, a school's ECT member):
 * a text field that suggests as one types (a native <datalist>: no script needed, and nothing
 * listed until typed), read back on the server by `resolvePerson`. The value is the text as
 * typed, refilled after a refusal.
 */
export function personPicker(
  ctx: WebContext,
  o: {
    name: string;
    label: string;
    value: string;
    errors: FieldError[];
    candidates: readonly Person[];
    required?: boolean;
    hint?: string;
  },
): SafeHtml {
  const listId = `${fieldId(o.name)}-list`;
  const t = ctx.t.picker;
  return html`${textField(ctx, {
      name: o.name,
      label: o.label,
      hint: o.hint ?? (o.required ? t.hintRequired : t.hint),
      value: o.value,
      errors: o.errors,
      required: o.required ?? false,
      list: listId,
    })}
    <datalist id="${listId}">
      ${o.candidates.map((p) => html`<option value="${personLabel(p)}"></option>`)}
    </datalist>`;
}

export type Resolved = { ok: true; id: string | null } | { ok: false; error: FieldError };

/**
 * The person a picker's text names among `candidates`: none for an empty text; a person by
 * id (an API-like post), by "Naam (e-mailadres)", by e-mail address, or as the only one whose
 * name and address contain every word typed. Nobody, or more than one: a refusal on `field`
 * that says so (Dutch first, by code).
 */
export function resolvePerson(
  field: string,
  typed: string,
  candidates: readonly Person[],
): Resolved {
  const text = typed.trim();
  if (text === '') return { ok: true, id: null };
  if (isUUID(text)) {
    const byId = candidates.find((p) => p.id === text);
    if (byId) return { ok: true, id: byId.id };
  }
  const lower = text.toLocaleLowerCase('nl');
  const exact = candidates.filter((p) => personLabel(p).toLocaleLowerCase('nl') === lower);
  if (exact.length === 1) return { ok: true, id: exact[0]!.id };
  const email =
    /\(([^()\s]+@[^()\s]+)\)\s*$/u.exec(text)?.[1] ?? (text.includes('@') ? text : null);
  if (email) {
    const byEmail = candidates.filter(
      (p) => p.email.toLocaleLowerCase('nl') === email.toLocaleLowerCase('nl'),
    );
    if (byEmail.length === 1) return { ok: true, id: byEmail[0]!.id };
  }
  const found = matching(candidates, text, (p) => [p.name, p.email]);
  if (found.length === 1) return { ok: true, id: found[0]!.id };
  const shown = text.slice(0, 80);
  const coded =
    found.length === 0
      ? codedText('personPicker.notFound', { text: shown })
      : codedText('personPicker.ambiguous', { text: shown, count: found.length });
  return {
    ok: false,
    error: {
      field,
      message:
        found.length === 0
          ? englishText('personPicker.notFound', { text: shown })
          : englishText('personPicker.ambiguous', { text: shown, count: found.length }),
      text: coded,
    },
  };
}

/**
 * A picker's posted value read as a person: a stored id (the form as first shown, before the
 * page turned it into a name) passes as it is when it is one of `all`, so the service's own
 * checks decide; anything else is resolved among `candidates`.
 */
export function pickedPerson(
  field: string,
  value: string,
  candidates: readonly Person[],
  all: readonly Person[],
): Resolved {
  const v = value.trim();
  if (isUUID(v) && all.some((p) => p.id === v)) return { ok: true, id: v };
  return resolvePerson(field, v, candidates);
}

/** The DTO's verdict with a picker's refusal added (in the form's field order, by the summary). */
export function withPickerError<T>(
  checked: { ok: true; value: T } | { ok: false; errors: FieldError[] },
  picked: Resolved,
): { ok: true; value: T } | { ok: false; errors: FieldError[] } {
  if (picked.ok) return checked;
  return { ok: false, errors: [...(checked.ok ? [] : checked.errors), picked.error] };
}

/** What a picker shows: a stored id as "Naam (e-mailadres)", a typed text as typed. */
export function pickerValue(persons: readonly Person[], value: string): string {
  return isUUID(value.trim()) ? personText(persons, value.trim()) || value : value;
}
