import { createHash } from 'node:crypto';
import type { Locale } from '@jaarcyclus/i18n';
import type { AgendaEntry } from '@jaarcyclus/api/office/office.service';
import { messagesFor } from '../i18n';
import { agendaSummary, cycleHref } from '../pages/office.pages';
import type { CalendarEvent } from './ical';

/** A deadline ends at its moment; the half hour before it is the reminder to finish. */
const DEADLINE_MINUTES = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

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
      start: entry.what === 'deadline' ? new Date(at.getTime() - DEADLINE_MINUTES * 60_000) : at,
      // A visit takes the day; the letters are a moment.
      end:
        entry.what === 'visit'
          ? new Date(at.getTime() + DAY_MS)
          : entry.what === 'letters'
            ? new Date(at.getTime() + DEADLINE_MINUTES * 60_000)
            : at,
      alarmBefore: 'P1D',
    };
  });
}
