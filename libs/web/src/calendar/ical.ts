/**
 * iCalendar (RFC 5545) output for task deadlines: CRLF line ends, text escaping (§3.3.11) and
 * lines folded at 75 octets without splitting a UTF-8 character (§3.1). Times are written in
 * UTC, so no VTIMEZONE is needed; X-WR-TIMEZONE tells calendar apps to show Amsterdam time.
 */

export interface CalendarEvent {
  /** Globally unique and stable: a changed deadline updates the event instead of adding one. */
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  start: Date;
  end: Date;
  /**
   * A reminder in the reader's calendar app (VALARM, §3.6.6) this long before the start, as an
   * RFC 5545 duration ('P1D': a day before); left out: none.
   */
  alarmBefore?: string;
}

export interface CalendarInput {
  name: string;
  events: CalendarEvent[];
  /** DTSTAMP: when this calendar was produced. */
  now: Date;
}

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      chunks.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts too
    }
    current += char;
    octets += size;
  }
  chunks.push(current);
  return chunks.join('\r\n ');
}

/** 20261212T160000Z */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function renderCalendar(input: CalendarInput): string {
  const stamp = formatUtc(input.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Jaarcyclus//Taken//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    'X-WR-TIMEZONE:Europe/Amsterdam',
  ];
  for (const event of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(event.start)}`,
      `DTEND:${formatUtc(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push('TRANSP:TRANSPARENT');
    if (event.alarmBefore) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:-${event.alarmBefore}`,
        `DESCRIPTION:${escapeText(event.summary)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
