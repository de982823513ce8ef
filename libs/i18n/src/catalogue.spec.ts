import { CATALOGUE } from './catalogue';

type Entry = { path: string; value: unknown };

/** Every leaf of a catalogue (a text or a function that writes one), with its path. */
function leaves(node: unknown, path = ''): Entry[] {
  if (typeof node === 'object' && node !== null) {
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

describe('refusals and validation failures by code', () => {
  /** Parameters of any name, each 1: a number for a sum, a text where one is written. */
  const anyParams = new Proxy({} as Record<string, unknown>, {
    get: (_target, name) => (typeof name === 'string' ? 1 : undefined),
  });

  it.each(Object.keys(CATALOGUE.nl.messages))(
    'writes every %s code in Dutch and in English',
    (area) => {
      const codes = Object.keys(CATALOGUE.nl.messages[area as keyof typeof CATALOGUE.nl.messages]);
      const empty = codes.flatMap((key) =>
        (['nl', 'en'] as const).flatMap((locale) => {
          const texts = CATALOGUE[locale].messages as Record<string, Record<string, unknown>>;
          const write = texts[area]?.[key];
          const text =
            typeof write === 'function' ? (write as (p: unknown) => unknown)(anyParams) : write;
          return typeof text === 'string' && text.trim() !== '' ? [] : [`${locale} ${area}.${key}`];
        }),
      );
      expect(empty).toEqual([]);
    },
  );
});

describe('field checks and labels', () => {
  /** Every leaf of an area, a function called with 1 for each of its parameters. */
  const written = (node: unknown): Entry[] =>
    leaves(node).map(({ path, value }) => ({
      path,
      value:
        typeof value === 'function'
          ? (value as (...args: unknown[]) => unknown)(
              ...Array.from({ length: value.length }, () => 1),
            )
          : value,
    }));

  it.each(['checks', 'labels'] as const)(
    'writes every text of %s in Dutch and in English',
    (area) => {
      const empty = (['nl', 'en'] as const).flatMap((locale) =>
        written(CATALOGUE[locale][area])
          .filter(({ value }) => typeof value !== 'string' || value.trim() === '')
          .map(({ path }) => `${locale} ${area}.${path}`),
      );
      expect(empty).toEqual([]);
    },
  );
});
