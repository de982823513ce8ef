import { DomainError, eurosToCents } from '@jaarcyclus/domain';
import { codedText, renderText, type CodedText } from '@jaarcyclus/i18n';
import { CreateBoardDto } from '@jaarcyclus/api/boards/dto/board.dto';
import { documentRefusal } from '@jaarcyclus/api/documents/documents.service';
import {
  amsterdamDateTime,
  dateTimeInputValue,
  fieldErrorOf,
  fieldErrorText,
  refusalAsFieldErrors,
  validateForm,
  wholeNumber,
  wholeNumberList,
} from './forms';

describe('web forms', () => {
  it.each<[string, number | undefined]>([
    ['', undefined],
    ['  ', undefined],
    ['1250', 1250],
    ['16.500', 16500],
    ['1 250', 1250],
    ['-3', -3],
  ])('reads %j as a whole number', (input, expected) => {
    expect(wholeNumber(input)).toBe(expected);
  });

  it.each<[string | undefined, string]>([
    ['person', 'Dit is nog in gebruik bij personen. Wijzig of verwijder die eerst.'],
    [
      'school accountability',
      'Dit is nog in gebruik bij verantwoordingen. Wijzig of verwijder die eerst.',
    ],
    ['quux', 'Dit is nog ergens in gebruik. Wijzig of verwijder dat eerst.'],
    [undefined, 'Dit is nog ergens in gebruik. Wijzig of verwijder dat eerst.'],
  ])('tells a Dutch reader what still uses a record: %j', (table, dutch) => {
    const refusal = DomainError.of('CONFLICT', undefined, 'refusal.inUse', table ? { table } : {});
    expect(fieldErrorText('nl', fieldErrorOf(refusal))).toBe(dutch);
    expect(fieldErrorText('en', fieldErrorOf(refusal))).toBe(refusal.message);
    expect(refusal.message).toMatch(/^Still in use/);
  });

  it.each(['12,5', 'veel', '1.25'])('keeps %j as not-a-number so the DTO refuses it', (input) => {
    expect(wholeNumber(input)).toBeNaN();
  });

  it('refuses with the api DTO and its messages, by code, in Dutch for Dutch readers', async () => {
    const result = await validateForm(CreateBoardDto, { name: '  ', pupilCount: Number.NaN });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject([
      { field: 'name', message: 'name must not be empty', text: { code: 'validation.empty' } },
      {
        field: 'pupilCount',
        message: 'pupilCount must be a non-negative integer',
        text: { code: 'validation.notNonNegativeInteger' },
      },
    ]);
    expect(result.errors.map((e) => fieldErrorText('nl', e))).toEqual([
      'Vul dit veld in.',
      'Vul een heel getal in van 0 of meer.',
    ]);
    expect(fieldErrorText('en', result.errors[1]!)).toBe(
      'pupilCount must be a non-negative integer',
    );
  });

  it('writes the refusals of an uploaded file for Dutch readers, the content check included', () => {
    const pdf = {
      originalname: 'begroting.pdf',
      mimetype: 'application/pdf',
      size: 9,
      buffer: Buffer.from('not a pdf'),
    };
    const refusal = documentRefusal(pdf)!;
    expect(refusal.message).toBe('file content does not match its type (sent as PDF)');
    expect(fieldErrorText('nl', fieldErrorOf(refusal))).toBe(
      'De inhoud van het bestand past niet bij het type (PDF). Kies het oorspronkelijke bestand.',
    );
    expect(
      fieldErrorText('nl', refusalAsFieldErrors(documentRefusal({ ...pdf, size: 30e6 }))[0]!),
    ).toBe('Het bestand is groter dan 20 MB. Kies een kleiner bestand of geef een link.');
  });

  it('writes an amount the domain could not read, and the last-administrator rule, by their codes', () => {
    const refusalOf = (typed: string): DomainError => {
      try {
        eurosToCents(typed, 'fixedAmount');
      } catch (err) {
        return err as DomainError;
      }
      throw new Error(`${typed} was read`);
    };
    // '30.000' is thirty thousand to a Dutch reader, never a question.
    expect(eurosToCents('30.000', 'fixedAmount')).toBe(3_000_000);
    const nl = (error: DomainError): string => fieldErrorText('nl', fieldErrorOf(error));
    expect(nl(refusalOf('12,345'))).toBe('Gebruik hoogstens twee cijfers achter de komma.');
    expect(nl(refusalOf('veel'))).toBe('Vul een bedrag in euro’s in, zoals 1.234,56.');
    expect(nl(DomainError.of('RULE_VIOLATION', undefined, 'refusal.lastAdmin'))).toBe(
      'Uw samenwerkingsverband moet minstens één actieve beheerder houden.',
    );
  });

  it('keeps a message without a code rather than showing nothing', () => {
    expect(fieldErrorText('nl', { message: 'Something new went wrong' })).toBe(
      'Something new went wrong',
    );
  });

  it.each<[string, string | undefined]>([
    ['', undefined],
    ['2026-12-11T17:00', '2026-12-11T16:00:00.000Z'], // CET, UTC+1
    ['2026-06-11T17:00', '2026-06-11T15:00:00.000Z'], // CEST, UTC+2
    ['2026-12-11T17:00:00', '2026-12-11T16:00:00.000Z'],
    ['11-12-2026 17:00', '2026-12-11T16:00:00.000Z'],
    ['1-6-2026 om 9.30', '2026-06-01T07:30:00.000Z'],
  ])('reads %j as a time on Amsterdam clocks', (input, expected) => {
    expect(amsterdamDateTime(input)).toBe(expected);
  });

  it.each(['morgen', '31-02-2027 17:00', '2026-12-11', '2026-12-11T25:00'])(
    'hands %j on as something the DTO refuses as no date-time',
    async (input) => {
      const value = amsterdamDateTime(input);
      expect(value).toBeDefined();
      expect(Number.isFinite(Date.parse(value!))).toBe(false);
    },
  );

  it('shows an instant as a datetime-local value on Amsterdam clocks', () => {
    expect(dateTimeInputValue(new Date('2026-12-11T16:00:00Z'))).toBe('2026-12-11T17:00');
    expect(dateTimeInputValue(new Date('2026-06-01T07:05:00Z'))).toBe('2026-06-01T09:05');
  });

  it.each<[string, number[] | undefined]>([
    ['', undefined],
    ['7, 2', [7, 2]],
    ['7;2 1', [7, 2, 1]],
  ])('reads %j as a list of whole numbers', (input, expected) => {
    expect(wholeNumberList(input)).toEqual(expected);
  });

  it.each<[CodedText, string, string]>([
    [
      codedText('refusal.deadlineNotLaterThanBody', {
        body: 'Raad van Toezicht',
        current: '2026-12-14T16:00:00.000Z',
      }),
      'The new deadline must be later than the current one of Raad van Toezicht (2026-12-14T16:00:00.000Z)',
      'Kies een deadline na de huidige deadline van Raad van Toezicht (14 december 2026 om 17:00).',
    ],
    [
      codedText('refusal.nothingEscalated'),
      'No body has passed its deadline without quorum; a round can only be closed after escalation',
      'Er is geen orgaan waarvan de deadline verstreek zonder quorum. Een ronde sluiten kan pas daarna.',
    ],
    [
      codedText('validation.amountNotPositive', { field: 'allocation.turnoverCents' }),
      'allocation.turnoverCents must be a positive integer',
      'Vul een bedrag in dat groter is dan € 0,00.',
    ],
  ])(
    'writes the workflow’s refusals, its ISO instants as Dutch dates: %j',
    (text, english, dutch) => {
      expect(renderText('en', text)).toBe(english);
      expect(fieldErrorText('nl', { message: english, text })).toBe(dutch);
      expect(fieldErrorText('en', { message: english, text })).toBe(english);
    },
  );
});
