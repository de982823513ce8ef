import {
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HousekeepingRepository, UNUSED_DOCUMENT_DAYS } from '@jaarcyclus/persistence';
import type { DataSource } from 'typeorm';

/** First round this long after start-up (not in the way of a start), then once a day. */
export const HOUSEKEEPING_FIRST_RUN_MS = 60_000;
export const HOUSEKEEPING_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** What one round removed. */
export interface HousekeepingResult {
  /** Uploads no cycle used within UNUSED_DOCUMENT_DAYS days. */
  documents: number;
  /** Sign-in links and sessions that expired (or were ended) more than a day ago. */
  loginTokens: number;
  sessions: number;
}

/**
 * Once a day in every api process, removes what nobody needs any more: uploaded documents that
 * no cycle used within UNUSED_DOCUMENT_DAYS days, and sign-in links and sessions a day after
 * they expired or were ended (data minimisation: they say who signed in when). Every step is
 * an idempotent DELETE, so several processes may run it. The timers never keep the process
 * alive; a failed step is logged and tried again the next day, and does not stop the others.
 */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private timer: NodeJS.Timeout | null = null;
  private readonly repo: HousekeepingRepository;

  constructor(@InjectDataSource() ds: DataSource) {
    this.repo = new HousekeepingRepository(ds);
  }

  onApplicationBootstrap(): void {
    this.timer = setTimeout(() => {
      void this.run();
      this.timer = setInterval(() => void this.run(), HOUSEKEEPING_INTERVAL_MS).unref();
    }, HOUSEKEEPING_FIRST_RUN_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One round; a step that failed counts 0. */
  async run(now = new Date()): Promise<HousekeepingResult> {
    const step = async <T>(name: string, work: () => Promise<T>, none: T): Promise<T> => {
      try {
        return await work();
      } catch (err) {
        this.logger.error(`Removing ${name} failed: ${(err as Error).message}`);
        return none;
      }
    };
    const documents = await step('unused documents', () => this.repo.deleteUnusedDocuments(now), 0);
    const signIns = await step('expired sign-ins', () => this.repo.deleteExpiredSignIns(now), {
      loginTokens: 0,
      sessions: 0,
    });
    if (documents > 0) {
      this.logger.log(
        `Removed ${documents} uploaded document(s) that no cycle used within ${UNUSED_DOCUMENT_DAYS} days`,
      );
    }
    if (signIns.loginTokens + signIns.sessions > 0) {
      this.logger.log(
        `Removed ${signIns.loginTokens} expired sign-in link(s) and ${signIns.sessions} ended session(s)`,
      );
    }
    return { documents, ...signIns };
  }
}

/** The daily housekeeping of the api. */
@Module({ providers: [Housekeeping] })
export class HousekeepingModule {}
