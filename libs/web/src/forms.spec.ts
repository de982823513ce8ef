import { CreateBoardDto } from '@jaarcyclus/api/boards/dto/board.dto';
import {
  amsterdamDateTime,
  dateTimeInputValue,
  localiseFieldMessage,
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

  it.each<[string, string]>([
    [
      'Still in use by person records: remove those first',
      'Dit is nog in gebruik bij personen. Wijzig of verwijder die eerst.',
    ],
    [
      'Still in use by school accountability records: remove those first',
      'Dit is nog in gebruik bij verantwoordingen. Wijzig of verwijder die eerst.',
    ],
    [
      'Still in use by quux records: remove those first',
      'Dit is nog ergens in gebruik. Wijzig of verwijder dat eerst.',
    ],
    ['Still in use: remove those first', 'Dit is nog ergens in gebruik. Wijzig of verwijder dat eerst.'],
  ])('tells a Dutch reader what still uses a record: %j', (message, dutch) => {
    expect(localiseFieldMessage('nl', message)).toBe(dutch);
    expect(localiseFieldMessage('en', message)).toBe(message);
  });

  it.each(['12,5', 'veel', '1.25'])('keeps %j as not-a-number so the DTO refuses it', (input) => {
    expect(wholeNumber(input)).toBeNaN();
  });

  it('refuses with the api DTO and its messages, translated for Dutch readers', async () => {
    const result = await validateForm(CreateBoardDto, { name: '  ', pupilCount: Number.NaN });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: 'name', message: 'name must not be empty' },
      { field: 'pupilCount', message: 'pupilCount must be a non-negative integer' },
    ]);
    expect(result.errors.map((e) => localiseFieldMessage('nl', e.message))).toEqual([
      'Vul dit veld in.',
      'Vul een heel getal in van 0 of meer.',
    ]);
    expect(localiseFieldMessage('en', result.errors[1]!.message)).toBe(
      'pupilCount must be a non-negative integer',
    );
  });

  it('translates the refusals of an uploaded file, the content check included', () => {
    expect(
      localiseFieldMessage('nl', 'file content does not match its type (sent as PDF)'),
    ).toBe('De inhoud van het bestand past niet bij het type (PDF). Kies het oorspronkelijke bestand.');
    expect(localiseFieldMessage('nl', 'file is larger than 20 MB')).toBe(
      'Het bestand is groter dan 20 MB. Kies een kleiner bestand of geef een link.',
    );
  });

  it('keeps a message it cannot translate rather than showing nothing', () => {
    expect(localiseFieldMessage('nl', 'Something new went wrong')).toBe('Something new went wrong');
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

  it('translates the workflow’s refusals, with its ISO instants as Dutch dates', () => {
    expect(
      localiseFieldMessage(
        'nl',
        'The new deadline must be later than the current one of Raad van Toezicht (2026-12-14T16:00:00.000Z)',
      ),
    ).toBe(
      'Kies een deadline na de huidige deadline van Raad van Toezicht (14 december 2026 om 17:00).',
    );
    expect(
      localiseFieldMessage(
        'nl',
        'No body has passed its deadline without quorum; a round can only be closed after escalation',
      ),
    ).toBe(
      'Er is geen orgaan waarvan de deadline verstreek zonder quorum. Een ronde sluiten kan pas daarna.',
    );
    expect(localiseFieldMessage('nl', 'allocation.turnoverCents must be a positive integer')).toBe(
      'Vul een bedrag in dat groter is dan € 0,00.',
    );
  });
});
