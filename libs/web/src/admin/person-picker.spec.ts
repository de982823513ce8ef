import type { Person } from '@jaarcyclus/persistence';
import { webContext } from '../testing/web-context';
import { fieldErrorText } from '../forms';
import { pickedPerson, personPicker, pickerValue, resolvePerson } from './person-picker';

const person = (id: string, name: string, email: string) =>
  ({ id, name, email, active: true, roles: [] }) as unknown as Person;
const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const people = [
  person(ID(1), 'Jolanda Dekker', 'j.dekker@ovo.example'),
  person(ID(2), 'Jan Dekker', 'jan.dekker@school.example'),
  person(ID(3), 'José Smit', 'l.smit@ect.example'),
];

describe('the person picker', () => {
  const ctx = webContext({ roles: ['admin'] });

  it('suggests every candidate as "Naam (e-mailadres)" in a datalist tied to a text field', () => {
    const out = String(
      personPicker(ctx, {
        name: 'personId',
        label: 'Persoon',
        value: '',
        errors: [],
        candidates: people,
      }),
    );
    expect(out).toContain('list="field-personId-list"');
    expect(out).toContain('<datalist id="field-personId-list">');
    expect(out).toContain('<option value="Jolanda Dekker (j.dekker@ovo.example)"></option>');
    expect(out).not.toContain('<select');
  });

  it('reads the label, the address, an id, or the only one matching every word', () => {
    expect(resolvePerson('p', 'Jan Dekker (jan.dekker@school.example)', people)).toEqual({
      ok: true,
      id: ID(2),
    });
    expect(resolvePerson('p', 'J.DEKKER@ovo.example', people)).toEqual({ ok: true, id: ID(1) });
    expect(resolvePerson('p', ID(3), people)).toEqual({ ok: true, id: ID(3) });
    expect(resolvePerson('p', 'jose', people)).toEqual({ ok: true, id: ID(3) });
    expect(resolvePerson('p', 'jolanda', people)).toEqual({ ok: true, id: ID(1) });
    expect(resolvePerson('p', '  ', people)).toEqual({ ok: true, id: null });
  });

  it('refuses nobody and several in Dutch, naming what was typed', () => {
    const several = resolvePerson('personId', 'dekker', people);
    const nobody = resolvePerson('personId', 'Pietersen', people);
    if (several.ok || nobody.ok) throw new Error('expected refusals');
    expect(several.error.field).toBe('personId');
    expect(fieldErrorText('nl', several.error)).toBe(
      '„dekker” past bij 2 personen. Kies er één uit de lijst; de lijst toont het e-mailadres achter de naam.',
    );
    expect(fieldErrorText('nl', nobody.error)).toMatch(/^Niemand gevonden met „Pietersen”/);
    expect(fieldErrorText('en', nobody.error)).toMatch(/^Nobody found with “Pietersen”/);
  });

  it('keeps a stored id as it is and shows it by name', () => {
    expect(pickedPerson('b', ID(2), [], people)).toEqual({ ok: true, id: ID(2) });
    expect(pickerValue(people, ID(1))).toBe('Jolanda Dekker (j.dekker@ovo.example)');
    expect(pickerValue(people, 'jan')).toBe('jan');
    // Another SWV's id is no one here.
    expect(pickedPerson('b', ID(9), people, people).ok).toBe(false);
  });
});
