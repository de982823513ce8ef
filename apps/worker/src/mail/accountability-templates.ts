/**
 * Mail texts of the 1 February accountability (verantwoording, docs/domain.md, source 001 §7.4), rendered
 * separately from sending. Dutch by default, English for people whose locale is 'en'; every
 * mail names the SWV (tenant) and, when the reader has something to do, links to their task in
 * the web app. The words come from the text catalogue (libs/i18n nl/mail, en/mail); layout,
 * dates and the footer from the shared helpers in ./templates.
 */
import type { SchoolNotificationKind, UnderspendingFigures } from '@jaarcyclus/workflows';
import { catalogueFor, formatEuro, type SchoolMailArgs } from '@jaarcyclus/i18n';
import { type Block, type Locale, type RenderedMail, compose, formatInstant } from './templates';

export interface SchoolMailData {
  organisationName: string;
  recipientName: string;
  schoolName: string;
  accountingYear: number;
  /** ISO: the school's current deadline. */
  deadline: string;
  daysLate: number;
  formatVersion: number;
  /** The submission version the mail is about (returned, accepted). */
  version?: number;
  /** What the school must correct (returned); why it was waived (waived). */
  comments?: string;
  /** Accepted: the figures behind the deduction. */
  underspending?: UnderspendingFigures;
  /** Accepted with underspending: the allocation year the deduction is taken from. */
  allocationYear?: number;
  /** The reader's task in the web app; null when there is none. */
  taskUrl: string | null;
}

function taskLink(url: string | null, label: string): Block[] {
  return url ? [{ link: url, label }] : [];
}

function args(
  locale: Locale,
  d: {
    organisationName: string;
    schoolName: string;
    accountingYear: number;
    /** ISO; a review request names none. */
    deadline?: string;
    daysLate: number;
    formatVersion?: number;
    version?: number;
    allocationYear?: number;
  },
): SchoolMailArgs {
  return {
    org: d.organisationName,
    school: d.schoolName,
    year: d.accountingYear,
    deadline: d.deadline ? formatInstant(locale, d.deadline) : '',
    daysLate: d.daysLate,
    formatVersion: d.formatVersion ?? 0,
    ...(d.version !== undefined ? { version: d.version } : {}),
    ...(d.allocationYear !== undefined ? { allocationYear: d.allocationYear } : {}),
  };
}

/** The mails to a school's contacts, one per notification kind of the school workflow. */
export function renderSchoolMail(
  locale: Locale,
  kind: SchoolNotificationKind,
  d: SchoolMailData,
): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.accountability;
  const a = args(locale, d);
  const hello = mail.greeting(d.recipientName);
  const fill = taskLink(d.taskUrl, t.fill);
  const send = (subject: string, blocks: Block[]): RenderedMail =>
    compose(subject, [hello, ...blocks], mail.footer(d.organisationName));
  switch (kind) {
    case 'invitation':
      return send(t.invitation.subject(a), [
        t.invitation.ask(a),
        t.invitation.deadline(a),
        t.invitation.underspending,
        ...fill,
      ]);
    case 'reminder':
      return send(t.reminder.subject(a), [
        d.version !== undefined ? t.reminder.returned(a) : t.reminder.notReceived(a),
        ...fill,
      ]);
    case 'overdue':
      return send(t.overdue.subject(a), [t.overdue.passed(a), t.overdue.submitNow, ...fill]);
    case 'deadline_extended':
      return send(t.extended.subject(a), [t.extended.extended(a), ...fill]);
    case 'returned':
      return send(t.returned.subject(a), [
        t.returned.returned(a),
        ...(d.comments ? [d.comments] : []),
        t.returned.resubmit(a),
        ...taskLink(d.taskUrl, t.returned.correct),
      ]);
    case 'accepted': {
      const u = d.underspending;
      const outcome: Block[] = u
        ? [
            {
              rows: [
                [t.accepted.received, formatEuro(u.receivedCents)],
                [t.accepted.spent, formatEuro(u.spentCents)],
                [t.accepted.underspending, formatEuro(u.underspendingCents)],
              ],
            },
            u.underspendingCents > 0
              ? t.accepted.deducted(a, formatEuro(u.underspendingCents))
              : t.accepted.noUnderspending,
          ]
        : [];
      return send(t.accepted.subject(a), [t.accepted.accepted(a), ...outcome]);
    }
    case 'waived':
      return send(t.waived.subject(a), [
        t.waived.waived(a),
        ...(d.comments ? [t.waived.reason(d.comments)] : []),
      ]);
  }
}

export interface AccountabilityEscalationMailData {
  organisationName: string;
  recipientName: string;
  /** Why this person is told (docs/domain.md §2: the board and the school's ECT member). */
  role: 'bestuurder' | 'ect_member';
  schoolName: string;
  boardName: string;
  accountingYear: number;
  deadline: string;
  daysLate: number;
  /** The read-only page of the school's accountability ("Mijn scholen"). */
  schoolUrl?: string | null;
}

/** The deadline passed without a submission: to the board's bestuurder and the school's ECT member. */
export function renderAccountabilityEscalationMail(
  locale: Locale,
  d: AccountabilityEscalationMailData,
): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.accountability.escalation;
  const a = args(locale, d);
  return compose(
    t.subject(a),
    [
      mail.greeting(d.recipientName),
      t.late(a),
      d.role === 'bestuurder' ? t.toBestuurder(d.boardName) : t.toEctMember,
      ...taskLink(d.schoolUrl ?? null, t.view),
    ],
    mail.footer(d.organisationName),
  );
}

export interface ReviewRequestMailData {
  organisationName: string;
  recipientName: string;
  schoolName: string;
  accountingYear: number;
  version: number;
  daysLate: number;
  taskUrl: string | null;
}

/** A submission waits for review by the secretariat (accept or return for correction). */
export function renderReviewRequestMail(locale: Locale, d: ReviewRequestMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.accountability.review;
  const a = args(locale, d);
  return compose(
    t.subject(a),
    [mail.greeting(d.recipientName), t.submitted(a), t.ask, ...taskLink(d.taskUrl, t.review)],
    mail.footer(d.organisationName),
  );
}
