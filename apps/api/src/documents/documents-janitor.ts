import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DocumentsService, UNUSED_DOCUMENT_DAYS } from './documents.service';

/** First clean-up this long after start-up (not in the way of a start), then once a day. */
export const JANITOR_FIRST_RUN_MS = 60_000;
export const JANITOR_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Removes uploaded documents that no cycle used within UNUSED_DOCUMENT_DAYS days, once a day
 * in every api process (the DELETE is idempotent, so several processes may run it). Its
 * timers never keep the process alive, and a failed run is logged and retried the next day.
 */
@Injectable()
export class DocumentsJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Documents');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly documents: DocumentsService) {}

  onApplicationBootstrap(): void {
    this.timer = setTimeout(() => {
      void this.run();
      this.timer = setInterval(() => void this.run(), JANITOR_INTERVAL_MS).unref();
    }, JANITOR_FIRST_RUN_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One clean-up; returns how many documents it removed (0 after a failure). */
  async run(now = new Date()): Promise<number> {
    try {
      const removed = await this.documents.deleteUnused(now);
      if (removed > 0) {
        this.logger.log(
          `Removed ${removed} uploaded document(s) that no cycle used within ${UNUSED_DOCUMENT_DAYS} days`,
        );
      }
      return removed;
    } catch (err) {
      this.logger.error(`Removing unused documents failed: ${(err as Error).message}`);
      return 0;
    }
  }
}
