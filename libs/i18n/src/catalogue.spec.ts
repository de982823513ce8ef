import { CATALOGUE } from './catalogue';

type Entry = { path: string; value: unknown };

/** Every leaf of a catalogue (a text or a function that writes one), with its path. */
function leaves(node: unknown, path = ''): Entry[] {
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([key, value]) =>
      leaves(value, path ? `${path}.${key}` : key),
    );
  }
  return [{ path, value: node }];
}

const nl = new Map(leaves(CATALOGUE.nl).map((e) => [e.path, e.value]));
const en = new Map(leaves(CATALOGUE.en).map((e) => [e.path, e.value]));

describe('one text catalogue per language', () => {
  it('has every Dutch key in English and every English key in Dutch', () => {
    expect([...nl.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !nl.has(k))).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = [...nl, ...en].filter(
      ([, value]) => typeof value === 'string' && value.trim() === '',
    );
    expect(empty.map(([path]) => path)).toEqual([]);
  });

  it('gives a key the same kind of entry in both languages: a text, or a function of the same parameters', () => {
    const differ = [...nl].filter(([path, value]) => {
      const other = en.get(path);
      if (typeof value !== typeof other) return true;
      return typeof value === 'function' && value.length !== (other as () => string).length;
    });
    expect(differ.map(([path]) => path)).toEqual([]);
  });
});
