import { DomainError } from '../errors';
import { formatFte, parseFte } from './fte';

describe('parseFte (integer hundredths)', () => {
  it.each<[string | number, number]>([
    ['0,8', 80],
    ['0,80', 80],
    ['0.8', 80],
    ['1', 100],
    ['12,5', 1250],
    [' 2,25 ', 225],
    ['100', 10_000],
    ['0', 0],
    [0.8, 80],
    [1.25, 125],
    [0.29, 29],
    [100, 10_000],
  ])('%j → %i', (input, hundredths) => {
    expect(parseFte(input)).toBe(hundredths);
  });

  it.each<[string | number]>([
    ['100,01'],
    ['-1'],
    [-0.5],
    ['0,805'],
    ['abc'],
    [''],
    ['1,2,3'],
    [1.005],
    [Number.NaN],
    [101],
  ])('rejects %j', (input) => {
    expect(() => parseFte(input, 'lines[0].fte')).toThrow(DomainError);
    try {
      parseFte(input, 'lines[0].fte');
    } catch (e) {
      expect((e as DomainError).field).toBe('lines[0].fte');
    }
  });
});

describe('formatFte', () => {
  it.each([
    [80, '0,80'],
    [1250, '12,50'],
    [0, '0,00'],
    [5, '0,05'],
    [10_000, '100,00'],
  ])('%i → %s', (hundredths, text) => {
    expect(formatFte(hundredths)).toBe(text);
    expect(parseFte(text)).toBe(hundredths);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %s', (hundredths) => {
    expect(() => formatFte(hundredths)).toThrow(DomainError);
  });
});
