import type { calendar as nl } from '../../nl/web/calendar';

export const calendar: typeof nl = {
  calendarTitle: 'Calendar',
  calendarIntro:
    'With a calendar subscription you see the deadlines of your open tasks in your own calendar, such as Outlook, Google Calendar or Apple Calendar. The link is personal: do not share it.',
  feedNone: 'You do not have a calendar link yet.',
  feedActive: (since) =>
    `You have had a calendar link since ${since}. For your security we show the link only right after creating it. Lost it? Create a new link; the old one then stops working.`,
  /** A personal feed of the office whose token also opened the year agenda (migration 180). */
  feedOpenedAgenda:
    'This calendar link used to open the year agenda of the samenwerkingsverband too; it no longer does. If you shared the year agenda’s link with anyone, create a new calendar link below: the old one then stops working.',
  feedCreate: 'Create calendar link',
  feedRegenerate: 'Create a new calendar link',
  feedRevoke: 'Revoke calendar link',
  feedCreatedTitle: 'Your calendar link',
  feedCreatedNote:
    'Copy the link now and add it to your calendar as a subscription (from URL). We show it only once.',
  feedUrlLabel: 'Calendar link',
  feedCopy: 'Copy the link',
  feedCopied: 'The link has been copied.',
  feedRevoked:
    'The calendar link has been revoked. Calendars that used it no longer receive deadlines.',
  confirmRegenerate: 'The current calendar link will stop working. Continue?',
  confirmRevoke: 'Calendars using this link will no longer receive deadlines. Revoke?',
};
