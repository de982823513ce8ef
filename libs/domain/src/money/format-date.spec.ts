import { amsterdamWallClock } from '@jaarcyclus/i18n';
import { amsterdamParts, summerTimeEnd, summerTimeStart } from '../calendar/amsterdam';
import { DomainError } from '../errors';
import { DUTCH_MONTHS, formatDateNl, formatDateTimeNl } from './format-date';

describe('formatDateNl', () => {
  it.each([
    ['2026-12-12', '12 december 2026'],
    ['2027-02-01', '1 februari 2027'],
    ['2026-03-05', '5 maart 2026'],
    ['2026-05-31', '31 mei 2026'],
  ])('%s → %s', (date, text) => {
    expect(formatDateNl(date)).toBe(text);
  });

  it('uses every Dutch month name', () => {
    const names = Array.from(
      { length: 12 },
      (_, i) => formatDateNl(`2026-${String(i + 1).padStart(2, '0')}-15`).split(' ')[1],
    );
    expect(names).toEqual([
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
    ]);
    expect(names).toEqual([...DUTCH_MONTHS]);
  });

  it('rejects invalid dates', () => {
    expect(() => formatDateNl('2026-02-30')).toThrow(DomainError);
  });
});

describe('formatDateTimeNl (Amsterdam wall clock)', () => {
  it.each([
    ['2025-12-12T16:00:00Z', '12 december 2025 om 17:00'],
    ['2026-07-01T07:05:00Z', '1 juli 2026 om 09:05'],
    ['2025-12-31T23:30:00Z', '1 januari 2026 om 00:30'],
  ])('%s → %s', (iso, text) => {
    expect(formatDateTimeNl(new Date(iso))).toBe(text);
  });
});

describe('the wall clock the texts are written with (libs/i18n) is the calendar of the rules', () => {
  it('agrees with amsterdamParts around every change of summer time, 2015–2100', () => {
    for (let year = 2015; year <= 2100; year++) {
      for (const change of [summerTimeStart(year), summerTimeEnd(year)]) {
        for (const minutes of [-61, -31, -1, 0, 1, 30, 59, 60, 61, 90]) {
          const at = new Date(change.getTime() + minutes * 60_000);
          const { date, hour, minute } = amsterdamParts(at);
          const clock = amsterdamWallClock(at);
          expect([date, hour, minute]).toEqual([
            `${clock.year}-${String(clock.month).padStart(2, '0')}-${String(clock.day).padStart(2, '0')}`,
            clock.hour,
            clock.minute,
          ]);
        }
      }
    }
  });
});
