import { type AccountabilityFormat, DEFAULT_ACCOUNTABILITY_FORMAT } from './format';
import { submissionTotals, validateSubmission } from './submission';

const F = DEFAULT_ACCOUNTABILITY_FORMAT;

/** A complete, valid submission in the default format, as a form sends it (strings). */
function raw(): {
  income: { lineKey?: unknown; amount?: unknown }[];
  expenses: { lineKey?: unknown; fte?: unknown; amount?: unknown }[];
  appendix: { description?: unknown; fte?: unknown; targetGroup?: unknown }[];
} {
  return {
    income: [
      { lineKey: 'swv_vast_bedrag', amount: '50.000,00' },
      { lineKey: 'swv_variabel_bedrag', amount: '1234,56' },
    ],
    expenses: [
      { lineKey: 'personeel_extra_ondersteuning', fte: '0,8', amount: '40000' },
      { lineKey: 'inhuur_extra_ondersteuning', fte: 0.2, amount: 5000.5 },
      { lineKey: 'personeel_ondersteuningsteam', fte: '0.40', amount: '6.000,06' },
      { lineKey: 'materiele_kosten', amount: '€ 250,00' },
    ],
    appendix: [
      {
        description: 'Trajectvoorziening (rebound) voor onderbouw',
        fte: '0,6',
        targetGroup: 'Leerlingen klas 1-2',
      },
      { description: 'Faalangsttraining', fte: '0,40', targetGroup: 'Bovenbouw havo/vwo' },
    ],
  };
}

type Raw = ReturnType<typeof raw>;

function errorsOf(
  input: unknown,
  format: AccountabilityFormat = F,
): { field: string; rule: string; message: string }[] {
  const result = validateSubmission(format, input);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

describe('validateSubmission: a valid submission', () => {
  it('parses Dutch and plain notation into cents and hundredths of an FTE', () => {
    expect(validateSubmission(F, raw())).toEqual({
      ok: true,
      value: {
        income: [
          { lineKey: 'swv_vast_bedrag', amountCents: 5_000_000 },
          { lineKey: 'swv_variabel_bedrag', amountCents: 123_456 },
        ],
        expenses: [
          { lineKey: 'personeel_extra_ondersteuning', fteHundredths: 80, amountCents: 4_000_000 },
          { lineKey: 'inhuur_extra_ondersteuning', fteHundredths: 20, amountCents: 500_050 },
          { lineKey: 'personeel_ondersteuningsteam', fteHundredths: 40, amountCents: 600_006 },
          { lineKey: 'materiele_kosten', fteHundredths: 0, amountCents: 25_000 },
        ],
        appendix: [
          {
            description: 'Trajectvoorziening (rebound) voor onderbouw',
            fteHundredths: 60,
            targetGroup: 'Leerlingen klas 1-2',
          },
          {
            description: 'Faalangsttraining',
            fteHundredths: 40,
            targetGroup: 'Bovenbouw havo/vwo',
          },
        ],
      },
    });
  });

  it.each<[string, unknown, number]>([
    ['comma decimals', '1234,56', 123_456],
    ['a number', 1234.56, 123_456],
    ['an integer string', '1234', 123_400],
    ['Dutch thousands', '1.234.567,89', 123_456_789],
    ['a point with two decimals', '0.05', 5],
    ['zero', '0', 0],
    ['surrounding spaces', ' 12,50 ', 1250],
  ])('accepts amount %s', (_label, amount, cents) => {
    const input = raw();
    input.income[1]!.amount = amount;
    const result = validateSubmission(F, input);
    expect(result.ok && result.value.income[1]!.amountCents).toBe(cents);
  });

  it('computes totals for the review screen', () => {
    const result = validateSubmission(F, raw());
    if (!result.ok) throw new Error('expected valid');
    expect(submissionTotals(F, result.value)).toEqual({
      incomeCents: 5_123_456,
      expenseCents: 5_125_056,
      expenseFteHundredths: 140,
      extraSupportFteHundredths: 100,
      appendixFteHundredths: 100,
    });
  });
});

describe('validateSubmission: errors name the field, in Dutch', () => {
  it.each<[string, (r: Raw) => void, string, string, RegExp]>([
    [
      'three decimals with a comma',
      (r) => (r.expenses[2]!.amount = '12,345'),
      'expenses[2].amount',
      'amount_decimals',
      /^Uitgaven, regel 3 \(Personeel intern ondersteuningsteam en ondersteuningscoördinatie\): het bedrag '12,345' heeft meer dan twee decimalen\.$/,
    ],
    [
      'three decimals as a number',
      (r) => (r.income[0]!.amount = 10.005),
      'income[0].amount',
      'amount_decimals',
      /^Ontvangsten, regel 1 .*10\.005 heeft meer dan twee decimalen/,
    ],
    [
      'a negative amount',
      (r) => (r.expenses[0]!.amount = '-5,00'),
      'expenses[0].amount',
      'amount_negative',
      /mag niet negatief zijn/,
    ],
    [
      'a negative number',
      (r) => (r.expenses[0]!.amount = -1),
      'expenses[0].amount',
      'amount_negative',
      /mag niet negatief zijn/,
    ],
    [
      'text as amount',
      (r) => (r.income[1]!.amount = 'veel'),
      'income[1].amount',
      'amount_format',
      /'veel' is geen geldig bedrag/,
    ],
    [
      'an empty amount',
      (r) => (r.income[1]!.amount = ''),
      'income[1].amount',
      'required',
      /het bedrag is verplicht/,
    ],
    [
      'a missing amount',
      (r) => delete r.expenses[1]!.amount,
      'expenses[1].amount',
      'required',
      /het bedrag is verplicht/,
    ],
    [
      'an infinite amount',
      (r) => (r.expenses[1]!.amount = Infinity),
      'expenses[1].amount',
      'amount_format',
      /geen geldig bedrag/,
    ],
    [
      'a boolean amount',
      (r) => (r.expenses[1]!.amount = true),
      'expenses[1].amount',
      'amount_format',
      /moet een getal zijn/,
    ],
    [
      'FTE above 100',
      (r) => (r.expenses[2]!.fte = '100,01'),
      'expenses[2].fte',
      'fte_range',
      /tussen 0 en 100/,
    ],
    [
      'FTE 101 as a number',
      (r) => (r.expenses[2]!.fte = 101),
      'expenses[2].fte',
      'fte_range',
      /tussen 0 en 100/,
    ],
    [
      'negative FTE',
      (r) => (r.expenses[2]!.fte = '-0,5'),
      'expenses[2].fte',
      'fte_range',
      /tussen 0 en 100/,
    ],
    [
      'FTE with three decimals',
      (r) => (r.expenses[2]!.fte = '0,125'),
      'expenses[2].fte',
      'fte_decimals',
      /meer dan twee decimalen/,
    ],
    [
      'FTE with three decimals as a number',
      (r) => (r.expenses[2]!.fte = 0.125),
      'expenses[2].fte',
      'fte_decimals',
      /meer dan twee decimalen/,
    ],
    [
      'FTE as words',
      (r) => (r.expenses[2]!.fte = 'een half'),
      'expenses[2].fte',
      'fte_format',
      /geen geldig aantal fte/,
    ],
    [
      'an unknown line',
      (r) => r.expenses.push({ lineKey: 'reiskosten', amount: '10' }),
      'expenses[4].lineKey',
      'unknown_line',
      /'reiskosten' is geen regel van dit format \(versie 1\)/,
    ],
    [
      'an income key used as expense',
      (r) => (r.expenses[3]!.lineKey = 'swv_vast_bedrag'),
      'expenses[3].lineKey',
      'unknown_line',
      /geen regel van dit format/,
    ],
    [
      'a duplicate line',
      (r) => r.income.push({ lineKey: 'swv_vast_bedrag', amount: '1' }),
      'income[2].lineKey',
      'duplicate_line',
      /meer dan eens/,
    ],
    [
      'a missing required income line',
      (r) => r.income.splice(0, 1),
      'income',
      'required_line',
      /^Ontvangsten: de verplichte regel 'Ontvangen middelen samenwerkingsverband: vast bedrag \(ondersteuningsprofiel\)' ontbreekt\.$/,
    ],
    [
      'a missing required expense line',
      (r) => r.expenses.splice(3, 1),
      'expenses',
      'required_line',
      /'Materiële kosten' ontbreekt/,
    ],
    [
      'expenses not a list',
      (r) => ((r as Record<string, unknown>).expenses = 'geen'),
      'expenses',
      'type',
      /verwacht een lijst/,
    ],
    [
      'a line that is not an object',
      (r) => ((r.income as unknown[])[0] = 5),
      'income[0]',
      'type',
      /geen geldige regel/,
    ],
    [
      'an appendix entry without FTE',
      (r) => delete r.appendix[0]!.fte,
      'appendix[0].fte',
      'required',
      /^Bijlage, regel 1: het aantal fte is verplicht\.$/,
    ],
    [
      'an appendix entry without description',
      (r) => (r.appendix[1]!.description = ' '),
      'appendix[1].description',
      'required',
      /^Bijlage, regel 2: de omschrijving van de extra ondersteuning is verplicht\.$/,
    ],
    [
      'an appendix entry without target group',
      (r) => delete r.appendix[1]!.targetGroup,
      'appendix[1].targetGroup',
      'required',
      /de doelgroep is verplicht/,
    ],
    [
      'an overlong description',
      (r) => (r.appendix[1]!.description = 'x'.repeat(2001)),
      'appendix[1].description',
      'too_long',
      /langer dan 2000 tekens/,
    ],
    [
      'appendix FTE below the extra-support FTE',
      (r) => (r.appendix[1]!.fte = '0,3'),
      'appendix',
      'appendix_fte_mismatch',
      /^Bijlage: de fte in de bijlage \(0,90\) moet gelijk zijn aan de fte voor extra ondersteuning bij de uitgaven \(1,00\)\.$/,
    ],
    [
      'no appendix while extra support FTE was reported',
      (r) => (r.appendix = []),
      'appendix',
      'appendix_fte_mismatch',
      /\(0,00\).*\(1,00\)/,
    ],
  ])('%s', (_label, change, field, rule, message) => {
    const input = raw();
    change(input);
    const errors = errorsOf(input);
    const error = errors.find((e) => e.field === field && e.rule === rule);
    expect({ errors, found: error !== undefined }).toMatchObject({ found: true });
    expect(error!.message).toMatch(message);
  });

  it('reports every error at once, in input order', () => {
    const input = raw();
    input.income[0]!.amount = '1,001';
    input.expenses[0]!.fte = '200';
    input.expenses[1]!.amount = '-3';
    expect(errorsOf(input).map((e) => [e.field, e.rule])).toEqual([
      ['income[0].amount', 'amount_decimals'],
      ['expenses[0].fte', 'fte_range'],
      ['expenses[1].amount', 'amount_negative'],
    ]);
  });

  it('does not compare appendix FTE when an extra-support FTE is unreadable', () => {
    const input = raw();
    input.expenses[0]!.fte = 'x';
    expect(errorsOf(input).map((e) => e.rule)).toEqual(['fte_format']);
  });

  it('rejects a submission that is not an object', () => {
    expect(errorsOf(null)).toEqual([
      { field: 'submission', rule: 'type', message: 'De verantwoording moet een object zijn.' },
    ]);
  });

  it('an empty object lacks every required line', () => {
    expect(errorsOf({}).map((e) => [e.field, e.rule])).toEqual([
      ['income', 'required_line'],
      ['income', 'required_line'],
      ['expenses', 'required_line'],
      ['expenses', 'required_line'],
      ['expenses', 'required_line'],
    ]);
  });
});

describe('validateSubmission: the appendix rule of the format', () => {
  const withRule = (
    fteRule: AccountabilityFormat['appendix']['fteRule'],
  ): AccountabilityFormat => ({
    ...F,
    version: 2,
    appendix: { ...F.appendix, fteRule },
  });

  it.each<[AccountabilityFormat['appendix']['fteRule'], string, string | null]>([
    ['equal_to_extra_support_fte', '0,40', null],
    ['equal_to_extra_support_fte', '0,39', 'appendix_fte_mismatch'],
    ['equal_to_extra_support_fte', '0,41', 'appendix_fte_mismatch'],
    ['at_most_extra_support_fte', '0,40', null],
    ['at_most_extra_support_fte', '0,10', null],
    ['at_most_extra_support_fte', '0,41', 'appendix_fte_exceeds'],
    ['none', '7', null],
  ])('%s with appendix FTE 0,60 + %s against 1,00 extra support', (rule, secondFte, expected) => {
    const input = raw();
    input.appendix[1]!.fte = secondFte;
    const result = validateSubmission(withRule(rule), input);
    if (expected === null) expect(result.ok).toBe(true);
    else expect(!result.ok && result.errors.map((e) => e.rule)).toEqual([expected]);
  });
});

describe('validateSubmission: errors in English for a reader who chose English', () => {
  const english = (input: unknown): { field: string; rule: string; message: string }[] => {
    const result = validateSubmission(F, input, 'en');
    if (result.ok) throw new Error('expected validation errors');
    return result.errors;
  };

  it('names the same field and rule as the Dutch message, in English', () => {
    const r = raw();
    r.expenses[2]!.amount = '12,345';
    r.expenses[0]!.fte = '120';
    r.appendix[1]!.targetGroup = '';
    const en = english(r);
    const nl = errorsOf(r);
    expect(en.map(({ field, rule }) => ({ field, rule }))).toEqual(
      nl.map(({ field, rule }) => ({ field, rule })),
    );
    expect(en).toEqual([
      {
        field: 'expenses[0].fte',
        rule: 'fte_range',
        message: `Expenses, line 1 (${F.expenseLines.find((l) => l.key === 'personeel_extra_ondersteuning')!.label}): the FTE must be between 0 and 100.`,
      },
      {
        field: 'expenses[2].amount',
        rule: 'amount_decimals',
        message:
          "Expenses, line 3 (Personeel intern ondersteuningsteam en ondersteuningscoördinatie): the amount '12,345' has more than two decimals.",
      },
      {
        field: 'appendix[1].targetGroup',
        rule: 'required',
        message: 'Appendix, line 2: the target group is required.',
      },
    ]);
  });

  it('speaks English about missing lines and the appendix rule', () => {
    const r = raw();
    r.income = r.income.filter((l) => l.lineKey !== 'swv_vast_bedrag');
    r.appendix[0]!.fte = '0,1';
    const messages = english(r).map((e) => e.message);
    expect(messages).toContain(
      `Income: the required line '${F.incomeLines.find((l) => l.key === 'swv_vast_bedrag')!.label}' is missing.`,
    );
    expect(messages).toContain(
      'Appendix: the FTE in the appendix (0,50) must equal the FTE for extra support among the expenses (1,00).',
    );
    expect(messages.join(' ')).not.toMatch(/regel|verplicht|bijlage/i);
  });
});
