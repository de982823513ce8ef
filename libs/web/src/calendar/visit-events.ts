import { amsterdamInstant } from '@jaarcyclus/domain';
import type { Locale } from '@jaarcyclus/i18n';
import type { VisitRecord } from '@jaarcyclus/persistence';
import { messagesFor } from '../i18n';
import type { CalendarEvent } from './ical';

/** A visit is blocked in the calendar from 09:00 to 15:00 Amsterdam on its day. */
export const VISIT_HOURS = { start: 9, end: 15 };

/**
 * The visits a person takes part in (host contact or team member) as calendar events; a
 * cancelled visit is left out. The uid stays the visit's, so a moved visit moves in the
 * calendar instead of appearing twice.
 */
export function visitEvents(
  visits: VisitRecord[],
  opts: { locale: Locale; publicUrl: string },
): CalendarEvent[] {
  const t = messagesFor(opts.locale).vis;
  return visits
    .filter((v) => v.status !== 'cancelled')
    .map((v) => ({
      uid: `visit-${v.id}@jaarcyclus`,
      summary: t.visitTitle(v.hostName),
      url: `${opts.publicUrl}/app/visits/${v.id}`,
      start: amsterdamInstant(v.visitDate, VISIT_HOURS.start),
      end: amsterdamInstant(v.visitDate, VISIT_HOURS.end),
      // The calendar app reminds a day ahead (issue #16: reminders in the feeds).
      alarmBefore: 'P1D',
    }));
}
