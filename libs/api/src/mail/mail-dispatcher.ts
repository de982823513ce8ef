import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type MailSecrets, OutboxService, type OutgoingMail } from '@jaarcyclus/mail';

/** Background jobs running at once: each may hold a database connection through an SMTP exchange. */
export const MAIL_DISPATCH_CONCURRENCY = 2;
/** Jobs waiting beyond this are dropped (logged): the sign-in rate limits keep the queue far below. */
export const MAIL_DISPATCH_QUEUE_LIMIT = 10_000;

/**
 * Work after the HTTP response instead of before it, a few jobs at a time. Used for sign-in
 * links: the request only queues the job, so it answers in the same time whether or not the
 * address has an account (no enumeration by timing), and a burst of sign-ins or a silent SMTP
 * server cannot take every database connection of the api (the outbox holds a row lock, and so
 * a connection, through the SMTP exchange): at most MAIL_DISPATCH_CONCURRENCY jobs run at once,
 * the rest wait in memory. A failed delivery is logged and stays pending in the outbox.
 * Shutdown waits for the jobs queued and in flight.
 */
@Injectable()
export class MailDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('MailDispatcher');
  private readonly queue: (() => Promise<void>)[] = [];
  private running = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly outbox: OutboxService) {}

  /** `secrets`: kept in memory for this send only, never stored (see MailSecrets). */
  dispatch(mail: OutgoingMail, secrets?: MailSecrets): void {
    this.run(async () => {
      await this.outbox.deliver(mail, secrets ? { secrets } : {});
    });
  }

  /** Queues `job` to run after the response; a failure is logged (without the job's data). */
  run(job: () => Promise<void>): void {
    if (this.queue.length >= MAIL_DISPATCH_QUEUE_LIMIT) {
      this.logger.warn('background mail queue full; a job was dropped');
      return;
    }
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.running < MAIL_DISPATCH_CONCURRENCY && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running += 1;
      void job()
        .catch((err: unknown) => {
          this.logger.warn(
            `${err instanceof Error ? err.message : String(err)} (left pending in the outbox)`,
          );
        })
        .finally(() => {
          this.running -= 1;
          this.pump();
          if (this.running === 0 && this.queue.length === 0) {
            for (const resolve of this.idle.splice(0)) resolve();
          }
        });
    }
  }

  /** Resolves when every queued job has run. */
  async settled(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }
}
