import { createHash } from 'node:crypto';
import { amsterdamInstant, amsterdamParts } from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/i18n';
import type { AgendaEntry } from '@jaarcyclus/api/office/office.service';
import { messagesFor } from '../i18n';
import { agendaSummary, cycleHref } from '../pages/office.pages';
import type { CalendarEvent } from './ical';
import { VISIT_HOURS } from './visit-events';

/** A deadline ends at its moment; the half hour before it is the reminder to finish. */
const DEADLINE_MINUTES = 30;

/** A deadline ends at its moment, the letters start at theirs, a visit blocks its day's hours. */
function times(entry: AgendaEntry, at: Date): { start: Date; end: Date } {
  if (entry.what === 'visit') {
    const day = amsterdamParts(at).date;
    return {
      start: amsterdamInstant(day, VISIT_HOURS.start),
      end: amsterdamInstant(day, VISIT_HOURS.end),
    };
  }
  const half = DEADLINE_MINUTES * 60_000;
  return entry.what === 'deadline'
    ? { start: new Date(at.getTime() - half), end: at }
    : { start: at, end: new Date(at.getTime() + half) };
}

/**
 * The SWV's agenda as calendar events (issue #16): every date with a reminder a day ahead
 * (VALARM), a stable UID per date, and a link to the cycle's page.
 */
export function agendaEvents(
  entries: AgendaEntry[],
  opts: { locale: Locale; publicUrl: string },
): CalendarEvent[] {
  const t = messagesFor(opts.locale);
  return entries.map((entry) => {
    const at = new Date(entry.at);
    const url = `${opts.publicUrl}${cycleHref(entry.cycleKind, entry.year)}`;
    const summary = agendaSummary(t, entry);
    const key = [entry.what, entry.cycleKind, entry.year, entry.title, entry.taskKind, entry.host];
    // A deadline's moment is part of what it is (a new round has its own); a visit and the
    // letters keep their UID when they move, so the calendar app moves the event.
    if (entry.what === 'deadline') key.push(entry.at);
    const uid = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32);
    const description =
      entry.what === 'deadline'
        ? `${summary}\n${t.ag.openOfTotal(entry.open, entry.total)}\n${url}`
        : `${summary}\n${url}`;
    return {
      uid: `agenda-${uid}@jaarcyclus`,
      summary,
      description,
      url,
      ...times(entry, at),
      alarmBefore: 'P1D',
    };
  });
}
