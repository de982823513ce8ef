import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { catalogueFor, type Locale } from '@jaarcyclus/i18n';
import { compose, MailDeliveryError, OutboxService, type RenderedMail } from '@jaarcyclus/mail';
import { OutboxRepository, type Repositories } from '@jaarcyclus/persistence';
import { ApiConfig } from '../config';
import { MailDispatcher } from '../mail/mail-dispatcher';

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

/** Every reply notice's outbox key starts with this: `accountability-reply:<comment>:<person>`. */
export const REPLY_NOTICE_KEY_PREFIX = 'accountability-reply:';
/** How often the api looks for reply notices left unsent, and how old they must be to count. */
export const REPLY_NOTICE_SWEEP_MS = 5 * 60_000;
export const REPLY_NOTICE_UNSENT_AFTER_MS = 60_000;
/** Notices sent in one outbox transaction (OutboxService.deliverStored: keep batches small). */
const SEND_BATCH = 10;

/**
 * A reply in the conversation on a school's accountability is mailed to the other side: a
 * school's reply to whoever of the secretariat wrote the review comments (to the whole
 * secretariat when that person no longer is in it), the secretariat's reply to the school's
 * contacts. Never to the author. The mail names the school and links to the conversation; the
 * reply itself is read in the app, so the stored mail holds none of it.
 *
 * Nothing lost: the notices are stored in the outbox in the reply's own transaction (`store`),
 * then sent after the response (`send`, MailDispatcher), as a person's action sends mail: at
 * once, whatever the hour. What is still unsent a minute later (the relay was down, or the
 * process ended before sending) is sent by the sweep every api process runs at start-up and
 * every five minutes; the outbox's key (one per reply and recipient) keeps it to one mail, however
 * many processes sweep.
 */
@Injectable()
export class AccountabilityReplyNotices implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccountabilityReplyNotices');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly mail: MailDispatcher,
    private readonly outbox: OutboxService,
    private readonly outboxRows: OutboxRepository,
    private readonly config: ApiConfig,
  ) {}

  /** Renders and stores the notices of one reply with `tx`, the reply's transaction; returns their keys. */
  async store(tx: Repositories, n: ReplyNotice): Promise<string[]> {
    const organisationName = (await tx.organisations.name(n.organisationId)) ?? '';
    const recipients = (await recipientsOf(tx, n)).filter((p) => p.id !== n.authorPersonId);
    const path =
      n.side === 'school'
        ? `/app/cycles/accountability/${n.year}/schools/${n.schoolId}#thread`
        : `/app/accountability/${n.year}#thread`;
    const mails = recipients.map((person) => ({
      idempotencyKey: `${REPLY_NOTICE_KEY_PREFIX}${n.commentId}:${person.id}`,
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
    }));
    await tx.outbox.store(mails);
    return mails.map((m) => m.idempotencyKey);
  }

  /**
   * Sends stored notices after the response, a small batch per outbox transaction (as the
   * fan-out does); what fails stays pending for the sweep.
   */
  send(keys: readonly string[]): void {
    for (let i = 0; i < keys.length; i += SEND_BATCH) {
      const batch = keys.slice(i, i + SEND_BATCH);
      this.mail.run(async () => {
        const results = await this.outbox.deliverStored(batch);
        const unsent = [...results.values()].filter(
          (r) => r instanceof MailDeliveryError && !r.permanent,
        );
        if (unsent.length > 0) {
          throw new Error(`${unsent.length} reply notice(s) not handed to the relay yet`);
        }
      });
    }
  }

  /** Sends the notices still pending a minute after they were stored (see the class). */
  async sweep(now = new Date()): Promise<void> {
    const keys = await this.outboxRows.pendingKeys(
      REPLY_NOTICE_KEY_PREFIX,
      new Date(now.getTime() - REPLY_NOTICE_UNSENT_AFTER_MS),
    );
    if (keys.length > 0) this.send(keys);
  }

  onApplicationBootstrap(): void {
    const sweep = () =>
      void this.sweep().catch((err: unknown) =>
        this.logger.warn(`sweep failed: ${err instanceof Error ? err.message : String(err)}`),
      );
    sweep();
    this.timer = setInterval(sweep, REPLY_NOTICE_SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

async function recipientsOf(tx: Repositories, n: ReplyNotice) {
  if (n.side === 'office') {
    return tx.persons.activeSchoolContacts(n.organisationId, [n.schoolId]);
  }
  const secretariat = await tx.persons.activeWithRole(n.organisationId, 'secretariat');
  const reviewer = secretariat.find((p) => p.id === n.reviewerPersonId);
  const ids = reviewer ? [reviewer.id] : secretariat.map((p) => p.id);
  return tx.persons.contacts(n.organisationId, ids, { activeOnly: true });
}
