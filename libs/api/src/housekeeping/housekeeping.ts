import {
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from '../auth/auth.service';
import { DocumentsService, UNUSED_DOCUMENT_DAYS } from '../documents/documents.service';

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

  constructor(
    private readonly documents: DocumentsService,
    private readonly auth: AuthService,
  ) {}

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
    const documents = await step('unused documents', () => this.documents.deleteUnused(now), 0);
    const signIns = await step('expired sign-ins', () => this.auth.deleteExpired(now), {
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

/** The daily housekeeping of the api (DocumentsModule is global). */
@Module({ imports: [AuthModule], providers: [Housekeeping] })
export class HousekeepingModule {}
