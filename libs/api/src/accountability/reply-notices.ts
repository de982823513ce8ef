import { Injectable } from '@nestjs/common';
import { catalogueFor, type Locale } from '@jaarcyclus/i18n';
import { compose, OutboxService, type RenderedMail } from '@jaarcyclus/mail';
import { OrganisationRepository, PersonRepository } from '@jaarcyclus/persistence';
import { ApiConfig } from '../config';
import { MailDispatcher } from '../mail/mail-dispatcher';

/** After a failed send (the relay down), tried again after 1, 5, 15 and 60 minutes. */
export const REPLY_NOTICE_RETRIES_MS = [60_000, 300_000, 900_000, 3_600_000] as const;

export interface ReplyNotice {
  organisationId: string;
  schoolId: string;
  schoolName: string;
  year: number;
  /** The stored reply: one mail per reply and recipient, however often this runs. */
  commentId: string;
  /** Who replied: the other side is told. */
  side: 'school' | 'office';
  authorPersonId: string;
  /** Who wrote the secretariat's latest review comments, if anyone. */
  reviewerPersonId: string | null;
}

/** The mail that tells the other side of the conversation about a reply; the reply's text stays in the app. */
export function renderReplyNotice(
  locale: Locale,
  d: {
    organisationName: string;
    recipientName: string;
    year: number;
    schoolName: string;
    side: 'school' | 'office';
    link: string;
  },
): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.accountability.reply;
  return compose(
    t.subject(d.organisationName, d.year, d.schoolName),
    [
      mail.greeting(d.recipientName),
      d.side === 'school' ? t.bySchool(d.year, d.schoolName) : t.byOffice(d.year, d.schoolName),
      t.read,
      { link: d.link, label: t.open },
    ],
    mail.footer(d.organisationName),
  );
}

/**
 * A reply in the conversation on a school's accountability is mailed to the other side: a
 * school's reply to whoever of the secretariat wrote the review comments (to the whole
 * secretariat when that person no longer is in it), the secretariat's reply to the school's
 * contacts. Never to the author. The mail names the school and links to the conversation; the
 * reply itself is read in the app, so the stored mail holds none of it.
 *
 * Sent after the response (MailDispatcher), through the outbox under a key per reply and
 * recipient, as a person's action sends it: at once, whatever the hour. A relay that is down
 * gets the send again later (REPLY_NOTICE_RETRIES_MS); a recipient already mailed is not
 * mailed twice (the outbox's key).
 */
@Injectable()
export class AccountabilityReplyNotices {
  constructor(
    private readonly persons: PersonRepository,
    private readonly organisations: OrganisationRepository,
    private readonly mail: MailDispatcher,
    private readonly outbox: OutboxService,
    private readonly config: ApiConfig,
  ) {}

  notify(n: ReplyNotice): void {
    this.mail.run(() => this.send(n), REPLY_NOTICE_RETRIES_MS);
  }

  /** What `notify` runs after the response; awaitable for tests. */
  async send(n: ReplyNotice): Promise<void> {
    const organisationName = (await this.organisations.name(n.organisationId)) ?? '';
    const recipients = (await this.recipients(n)).filter((p) => p.id !== n.authorPersonId);
    const path =
      n.side === 'school'
        ? `/app/cycles/accountability/${n.year}/schools/${n.schoolId}#thread`
        : `/app/accountability/${n.year}#thread`;
    for (const person of recipients) {
      await this.outbox.deliver({
        idempotencyKey: `accountability-reply:${n.commentId}:${person.id}`,
        organisationId: n.organisationId,
        to: person.email,
        ...renderReplyNotice(person.locale, {
          organisationName,
          recipientName: person.name,
          year: n.year,
          schoolName: n.schoolName,
          side: n.side,
          link: `${this.config.publicUrl}${path}`,
        }),
      });
    }
  }

  private async recipients(n: ReplyNotice) {
    if (n.side === 'office') {
      return this.persons.activeSchoolContacts(n.organisationId, [n.schoolId]);
    }
    const secretariat = await this.persons.activeWithRole(n.organisationId, 'secretariat');
    const reviewer = secretariat.find((p) => p.id === n.reviewerPersonId);
    const ids = reviewer ? [reviewer.id] : secretariat.map((p) => p.id);
    return this.persons.contacts(n.organisationId, ids, { activeOnly: true });
  }
}
