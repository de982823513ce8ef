import { escapeText, foldLine, formatUtc, renderCalendar } from './ical';

describe('iCalendar output', () => {
  it.each([
    ['a;b,c', 'a\\;b\\,c'],
    ['back\\slash', 'back\\\\slash'],
    ['line 1\nline 2\r\nline 3', 'line 1\\nline 2\\nline 3'],
    ['Begroting 2027: €', 'Begroting 2027: €'],
  ])('escapes %j as text', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('folds long lines at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });

  it('writes times in UTC', () => {
    expect(formatUtc(new Date('2026-12-12T16:00:00.000Z'))).toBe('20261212T160000Z');
  });

  it('renders a calendar with CRLF line ends, the Amsterdam time zone hint and one event per deadline', () => {
    const ics = renderCalendar({
      name: 'Jaarcyclus – SWV Stadsring',
      now: new Date('2026-11-01T10:00:00Z'),
      events: [
        {
          uid: 'task-1@jaarcyclus',
          summary: 'Deadline: Stem over de begroting, ALV',
          start: new Date('2026-12-12T15:30:00Z'),
          end: new Date('2026-12-12T16:00:00Z'),
          url: 'https://jaarcyclus.example/app/tasks/1',
        },
      ],
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(ics).toContain('X-WR-TIMEZONE:Europe/Amsterdam\r\n');
    expect(ics).toContain('DTSTART:20261212T153000Z\r\nDTEND:20261212T160000Z\r\n');
    expect(ics).toContain('SUMMARY:Deadline: Stem over de begroting\\, ALV\r\n');
    expect(ics).toContain('X-WR-CALNAME:Jaarcyclus – SWV Stadsring\r\n');
  });

  it('puts a reminder (VALARM) in an event that asks for one, inside the event', () => {
    const event = {
      uid: 'task-2@jaarcyclus',
      summary: 'Deadline: Verantwoording 2026',
      start: new Date('2027-02-01T15:30:00Z'),
      end: new Date('2027-02-01T16:00:00Z'),
    };
    const withAlarm = renderCalendar({
      name: 'x',
      now: new Date('2026-11-01T10:00:00Z'),
      events: [{ ...event, alarmBefore: 'P1D' }],
    });
    expect(withAlarm).toContain(
      'TRANSP:TRANSPARENT\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\nDESCRIPTION:Deadline: Verantwoording 2026\r\nEND:VALARM\r\nEND:VEVENT\r\n',
    );
    const without = renderCalendar({ name: 'x', now: new Date(), events: [event] });
    expect(without).not.toContain('VALARM');
  });
});
