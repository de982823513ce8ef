import {
  amsterdamWallClock,
  formatBasisPoints,
  formatBytes,
  formatCalendarDate,
  formatCount,
  formatCounted,
  formatDate,
  formatDateTime,
  formatDateTimeNumeric,
  formatEuro,
  formatEuroPlain,
  formatFte,
  formatIsoDateTime,
  formatPercent,
} from './format';

/** What the web app wrote in English before there was one formatting module (Intl, en-GB). */
const INTL_EN_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const INTL_EN_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

describe('dates and times, Amsterdam wall clock', () => {
  it.each([
    ['2026-12-11T16:00:00Z', '11 december 2026 om 17:00', '11 December 2026 at 17:00'],
    ['2026-03-29T00:30:00Z', '29 maart 2026 om 01:30', '29 March 2026 at 01:30'],
    ['2026-03-29T01:30:00Z', '29 maart 2026 om 03:30', '29 March 2026 at 03:30'],
    ['2026-10-25T00:30:00Z', '25 oktober 2026 om 02:30', '25 October 2026 at 02:30'],
    ['2026-10-25T01:30:00Z', '25 oktober 2026 om 02:30', '25 October 2026 at 02:30'],
    ['2026-12-31T23:00:00Z', '1 januari 2027 om 00:00', '1 January 2027 at 00:00'],
  ])('%s', (iso, nl, en) => {
    expect(formatDateTime('nl', new Date(iso))).toBe(nl);
    expect(formatDateTime('en', new Date(iso))).toBe(en);
    expect(formatIsoDateTime('nl', iso)).toBe(nl);
  });

  it('writes English dates exactly as Intl (en-GB) does, every 7 hours for a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3600_000 + 60_000) {
      const at = new Date(t);
      expect(formatDateTime('en', at)).toBe(INTL_EN_DATE_TIME.format(at));
      expect(formatDate('en', at)).toBe(INTL_EN_DATE.format(at));
    }
  });

  it('names calendar dates and the numeric form Dutch Excel reads', () => {
    expect(formatCalendarDate('nl', '2026-12-12')).toBe('12 december 2026');
    expect(formatCalendarDate('en', '2026-02-01')).toBe('1 February 2026');
    expect(formatDateTimeNumeric(new Date('2027-02-03T13:05:00Z'))).toBe('03-02-2027 14:05');
    expect(amsterdamWallClock(new Date('2026-07-01T22:00:00Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 2,
      hour: 0,
      minute: 0,
    });
  });

  it('leaves text that is no instant as it is', () => {
    expect(formatIsoDateTime('nl', 'morgen')).toBe('morgen');
  });
});

describe('numbers', () => {
  it('counts as the reader writes them, with the noun agreeing', () => {
    expect(formatCount('nl', 16500)).toBe('16.500');
    expect(formatCount('en', 16500)).toBe('16,500');
    expect(formatCounted('nl', 1, 'leerling', 'leerlingen')).toBe('1 leerling');
    expect(formatCounted('nl', 4010, 'leerling', 'leerlingen')).toBe('4.010 leerlingen');
    expect(formatCounted('en', 0, 'pupil', 'pupils')).toBe('0 pupils');
  });

  it('writes money in cents the Dutch way, FTE in hundredths, basis points as a percentage', () => {
    expect(formatEuro(123456)).toBe('€ 1.234,56');
    expect(formatEuro(-5)).toBe('€ -0,05');
    expect(formatEuroPlain(-123456)).toBe('-1234,56');
    expect(formatBasisPoints(350)).toBe('3,50%');
    expect(formatFte(80)).toBe('0,80');
    expect(formatFte(1250)).toBe('12,50');
    expect(() => formatEuro(1.5)).toThrow(RangeError);
  });

  it('writes shares and file sizes per language', () => {
    expect(formatPercent('nl', 0.243)).toBe('24,3%');
    expect(formatPercent('en', 0.243)).toBe('24.3%');
    expect(formatBytes('nl', 850)).toBe('850 bytes');
    expect(formatBytes('nl', 12.4 * 1024)).toBe('12,4 kB');
    expect(formatBytes('en', 1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
