import { CreateBoardDto } from '../boards/dto/board.dto';
import { localiseFieldMessage, validateForm, wholeNumber } from './forms';

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

  it('keeps a message it cannot translate rather than showing nothing', () => {
    expect(localiseFieldMessage('nl', 'Something new went wrong')).toBe('Something new went wrong');
  });
});
