import { toVisitationOverviewCsv } from './overview-csv';

/**
 * The programme overview as Dutch Excel opens it: BOM, ';', CRLF, Dutch status words, the
 * overdue steps in one cell, the number of open follow-up actions, no formula from a name.
 */
describe('toVisitationOverviewCsv', () => {
  const csv = toVisitationOverviewCsv([
    {
      hostName: 'Stadsring College',
      visitDate: '2027-02-04',
      status: 'following_up',
      chairName: 'A. de Vries',
      overdue: ['conceptrapport', 'reactie van de gastheer'],
      openFollowUps: 2,
    },
    {
      hostName: '=HYPERLINK("http://x")',
      visitDate: '2027-03-11',
      status: 'cancelled',
      chairName: null,
      overdue: [],
      openFollowUps: 0,
    },
  ]);
  const lines = csv.slice(1).split('\r\n');

  it('is UTF-8 with a byte-order mark, one line per visit, CRLF and a Dutch header', () => {
    expect(csv.startsWith('\uFEFFGastheer;Visitedatum;Status;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('names the status in Dutch and lists the overdue steps and open follow-up actions', () => {
    expect(lines[1]).toBe(
      'Stadsring College;4 februari 2027;Verbeteracties;A. de Vries;conceptrapport, reactie van de gastheer;2',
    );
  });

  it('keeps a host name from becoming a formula, and an empty chair empty', () => {
    const cells = lines[2]!.split(';');
    expect(cells[0]!.startsWith('=')).toBe(false);
    expect(cells[0]).toContain('HYPERLINK');
    expect(cells.slice(2)).toEqual(['Geannuleerd', '', '', '0']);
  });
});
