import { amsterdamInstant } from '../calendar/amsterdam';
import { DomainError } from '../errors';
import { type AccountabilityOverviewRow, toOverviewCsv } from './overview-csv';

const row = (change: Partial<AccountabilityOverviewRow> = {}): AccountabilityOverviewRow => ({
  schoolName: 'Alfa College',
  boardName: 'Stichting Alfa',
  status: 'accepted',
  daysLate: 0,
  submittedAt: amsterdamInstant('2027-01-28', 14, 5),
  deductionCents: 123_456,
  waiverReason: null,
  ...change,
});

const HEADER =
  'School;Bestuur;Status;Dagen te laat;Ingediend op;Ontvangen (EUR);Uitgegeven (EUR);Korting (EUR);Reden vrijstelling';

describe('toOverviewCsv (Dutch Excel)', () => {
  it('writes a BOM, a header, ; separators, decimal commas and CRLF line ends', () => {
    const csv = toOverviewCsv([
      row({ receivedCents: 1_500_000_00, spentCents: 1_376_543_21 }),
      row({
        schoolName: 'Beta Lyceum',
        status: 'late',
        daysLate: 7,
        submittedAt: null,
        deductionCents: null,
      }),
      row({
        schoolName: 'Gamma School',
        status: 'waived',
        daysLate: 3,
        submittedAt: null,
        deductionCents: null,
        waiverReason: 'Gesloten per 1 augustus',
      }),
    ]);
    expect(csv).toBe(
      '\uFEFF' +
        `${HEADER}\r\n` +
        'Alfa College;Stichting Alfa;Geaccepteerd;0;28-01-2027 14:05;1500000,00;1376543,21;1234,56;\r\n' +
        'Beta Lyceum;Stichting Alfa;Te laat;7;;;;;\r\n' +
        'Gamma School;Stichting Alfa;Vrijgesteld;3;;;;;Gesloten per 1 augustus\r\n',
    );
  });

  it('only the header for no rows', () => {
    expect(toOverviewCsv([])).toBe(`\uFEFF${HEADER}\r\n`);
  });

  it.each<[string, Partial<AccountabilityOverviewRow>, string]>([
    ['a separator in a name', { schoolName: 'Alfa; locatie Noord' }, '"Alfa; locatie Noord"'],
    ['quotes in a name', { schoolName: 'Het "Kompas"' }, '"Het ""Kompas"""'],
    ['a line break in a name', { boardName: 'Stichting\nAlfa' }, '"Stichting\nAlfa"'],
    ['a leading space', { schoolName: ' Alfa' }, '" Alfa"'],
    [
      'non-ASCII kept as UTF-8',
      { schoolName: 'Zuiderzeecollege Emmeloord—Urk ë' },
      'Zuiderzeecollege Emmeloord—Urk ë',
    ],
    ['a formula is neutralised', { schoolName: '=HYPERLINK("x")' }, `"'=HYPERLINK(""x"")"`],
    ['a leading minus is text, not a formula', { boardName: '-Bestuur' }, "'-Bestuur"],
    [
      'summer time in Amsterdam',
      { submittedAt: new Date('2027-06-30T22:30:00Z') },
      '01-07-2027 00:30',
    ],
    ['zero deduction', { deductionCents: 0 }, ';0,00;\r\n'],
    [
      'a waiver reason that could be a formula',
      { status: 'waived', waiverReason: '=1+1; zie mail' },
      `;"'=1+1; zie mail"\r\n`,
    ],
  ])('%s', (_label, change, expected) => {
    expect(toOverviewCsv([row(change)])).toContain(expected);
  });

  it.each<[string, Partial<AccountabilityOverviewRow>, string]>([
    ['negative days late', { daysLate: -1 }, 'rows[0].daysLate'],
    ['an invalid date', { submittedAt: new Date(NaN) }, 'rows[0].submittedAt'],
    ['an unknown status', { status: 'lost' as never }, 'rows[0].status'],
    ['a negative received amount', { receivedCents: -1 }, 'rows[0].receivedCents'],
    ['a fractional spent amount', { spentCents: 1.5 }, 'rows[0].spentCents'],
  ])('rejects %s', (_label, change, field) => {
    try {
      toOverviewCsv([row(change)]);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
    }
  });
});
