import {
  type AccountabilityFormat,
  DEFAULT_ACCOUNTABILITY_FORMAT,
  EXTRA_SUPPORT_CATEGORY,
  validateFormat,
} from './format';

const clone = (): AccountabilityFormat =>
  JSON.parse(JSON.stringify(DEFAULT_ACCOUNTABILITY_FORMAT)) as AccountabilityFormat;

function withChange(change: (f: Record<string, unknown> & AccountabilityFormat) => void): unknown {
  const f = clone() as Record<string, unknown> & AccountabilityFormat;
  change(f);
  return f;
}

describe('DEFAULT_ACCOUNTABILITY_FORMAT (docs/domain.md, source 001 §7.4)', () => {
  it('is valid and version 1', () => {
    const result = validateFormat(DEFAULT_ACCOUNTABILITY_FORMAT);
    expect(result).toEqual({ ok: true, value: clone() });
  });

  it('asks for the SWV funds received, expenses in FTE and euros, and checks the appendix FTE', () => {
    const f = DEFAULT_ACCOUNTABILITY_FORMAT;
    expect(f.incomeLines.filter((l) => l.required).map((l) => l.label)).toEqual([
      'Ontvangen middelen samenwerkingsverband: vast bedrag (ondersteuningsprofiel)',
      'Ontvangen middelen samenwerkingsverband: variabel bedrag via het schoolbestuur',
    ]);
    expect(f.expenseLines.map((l) => l.label)).toEqual(
      expect.arrayContaining(['Personeel extra ondersteuning', 'Materiële kosten']),
    );
    expect(f.appendix).toEqual({
      fteRule: 'equal_to_extra_support_fte',
      extraSupportCategory: EXTRA_SUPPORT_CATEGORY,
    });
  });

  it('is frozen: one tenant cannot change the default of another', () => {
    expect(Object.isFrozen(DEFAULT_ACCOUNTABILITY_FORMAT.expenseLines[0])).toBe(true);
    expect(() => {
      (DEFAULT_ACCOUNTABILITY_FORMAT.incomeLines as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe('validateFormat', () => {
  it('trims labels', () => {
    const result = validateFormat(
      withChange((f) => {
        f.incomeLines[0]!.label = '  Ontvangen middelen  ';
      }),
    );
    expect(result.ok && result.value.incomeLines[0]!.label).toBe('Ontvangen middelen');
  });

  it('accepts a format without an appendix check whose category no line has', () => {
    const result = validateFormat(
      withChange((f) => {
        f.appendix = { fteRule: 'none', extraSupportCategory: 'bestaat_niet' };
      }),
    );
    expect(result.ok).toBe(true);
  });

  it.each<[string, unknown, string, string]>([
    ['not an object', 'format', 'format', 'type'],
    ['version 0', withChange((f) => (f.version = 0)), 'version', 'version'],
    ['version 1.5', withChange((f) => (f.version = 1.5)), 'version', 'version'],
    ['no income lines', withChange((f) => (f.incomeLines = [])), 'incomeLines', 'required'],
    [
      'expense lines missing',
      withChange((f) => delete (f as Partial<AccountabilityFormat>).expenseLines),
      'expenseLines',
      'required',
    ],
    [
      'a key with capitals',
      withChange((f) => (f.incomeLines[0]!.key = 'Swv')),
      'incomeLines[0].key',
      'key_format',
    ],
    [
      'a duplicate key',
      withChange((f) => (f.expenseLines[1]!.key = f.expenseLines[0]!.key)),
      'expenseLines[1].key',
      'duplicate_key',
    ],
    [
      'an empty label',
      withChange((f) => (f.expenseLines[2]!.label = '   ')),
      'expenseLines[2].label',
      'required',
    ],
    [
      'a label of 201 characters',
      withChange((f) => (f.incomeLines[1]!.label = 'x'.repeat(201))),
      'incomeLines[1].label',
      'too_long',
    ],
    [
      'required not a boolean',
      withChange((f) => ((f.incomeLines[0] as unknown as Record<string, unknown>).required = 'ja')),
      'incomeLines[0].required',
      'type',
    ],
    [
      'a category with spaces',
      withChange((f) => (f.expenseLines[0]!.category = 'extra steun')),
      'expenseLines[0].category',
      'key_format',
    ],
    [
      'an unknown appendix rule',
      withChange((f) => ((f.appendix as unknown as Record<string, unknown>).fteRule = 'roughly')),
      'appendix.fteRule',
      'enum',
    ],
    [
      'an appendix category no expense line has',
      withChange((f) => (f.appendix.extraSupportCategory = 'bestaat_niet')),
      'appendix.extraSupportCategory',
      'unknown_category',
    ],
    [
      'no appendix rule',
      withChange((f) => delete (f as Partial<AccountabilityFormat>).appendix),
      'appendix',
      'required',
    ],
  ])('rejects %s', (_label, input, field, rule) => {
    const result = validateFormat(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ field, rule }));
    for (const e of result.errors) expect(e.message).toMatch(/[a-z]/);
    // In English: the same fields and rules, every message translated.
    const english = validateFormat(input, 'en');
    expect(english.ok).toBe(false);
    if (english.ok) return;
    expect(english.errors.map(({ field: f, rule: r }) => [f, r])).toEqual(
      result.errors.map(({ field: f, rule: r }) => [f, r]),
    );
    english.errors.forEach((e, i) => expect(e.message).not.toBe(result.errors[i]!.message));
  });

  it('reports every error at once, in Dutch', () => {
    const result = validateFormat(
      withChange((f) => {
        f.version = -1;
        f.incomeLines[0]!.key = '1x';
        f.expenseLines[0]!.label = '';
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'version',
      'incomeLines[0].key',
      'expenseLines[0].label',
    ]);
    expect(result.errors[2]!.message).toBe('Uitgaven, regel 1: de omschrijving is verplicht.');
  });

  it('reports every error in English for an administrator who chose English', () => {
    const result = validateFormat(
      withChange((f) => {
        f.incomeLines[0]!.key = '1x';
        f.expenseLines[0]!.label = '';
        f.appendix.extraSupportCategory = 'bestaat_niet';
      }),
      'en',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      'Income, line 1: the key must start with a lowercase letter and contain only lowercase letters, digits and _ (at most 63 characters).',
      'Expenses, line 1: the description is required.',
      "Appendix: no expense line has the category 'bestaat_niet'.",
    ]);
  });
});
