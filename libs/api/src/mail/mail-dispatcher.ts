import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type MailSecrets, OutboxService, type OutgoingMail } from '@jaarcyclus/mail';

/**
 * Delivers mail after the HTTP response instead of before it. Used for sign-in links: if the
 * request waited for SMTP only when the address belongs to an account, the response time
 * would reveal which addresses have one. The message is in the outbox either way; a failed
 * delivery is logged and stays pending there. Shutdown waits for deliveries in flight.
 */
@Injectable()
export class MailDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('MailDispatcher');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly outbox: OutboxService) {}

  /** `secrets`: kept in memory for this send only, never stored (see MailSecrets). */
  dispatch(mail: OutgoingMail, secrets?: MailSecrets): void {
    const delivery = this.outbox
      .deliver(mail, secrets ? { secrets } : {})
      .then(() => undefined)
      .catch((err: unknown) => {
        this.logger.warn(
          `${err instanceof Error ? err.message : String(err)} (left pending in the outbox)`,
        );
      })
      .finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  /** Resolves when every dispatched mail has been attempted. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }
}
