import type { Locale } from '@jaarcyclus/i18n';
import type { Task } from '@jaarcyclus/persistence';
import { formatDateTime, messagesFor } from '../i18n';
import type { CalendarEvent } from './ical';

/** The event ends at the deadline; the half hour before it is the reminder to finish. */
const EVENT_MINUTES = 30;

/** Open tasks with a deadline as calendar events (tasks without one are left out). */
export function taskEvents(
  tasks: Task[],
  opts: { locale: Locale; publicUrl: string },
): CalendarEvent[] {
  const t = messagesFor(opts.locale);
  return tasks.flatMap((task) => {
    if (!task.dueAt) return [];
    const url = `${opts.publicUrl}/app/tasks/${task.id}`;
    return [
      {
        uid: `task-${task.id}@jaarcyclus`,
        summary: `${t.deadline}: ${task.title}`,
        description: `${t.taskKind[task.kind]} – ${t.deadline}: ${formatDateTime(opts.locale, task.dueAt)}\n${url}`,
        url,
        start: new Date(task.dueAt.getTime() - EVENT_MINUTES * 60_000),
        end: task.dueAt,
        // The calendar app reminds a day ahead, when there is still time to act.
        alarmBefore: 'P1D',
      },
    ];
  });
}
