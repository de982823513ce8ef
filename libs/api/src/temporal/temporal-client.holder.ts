import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, type ClientInterceptors } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { DomainError } from '@jaarcyclus/domain';

/** Temporal is needed for starting or signalling a cycle, and it is not reachable right now. */
export class TemporalUnavailableError extends Error {
  constructor() {
    super('Temporal is not reachable at the moment; try again shortly');
    this.name = 'TemporalUnavailableError';
  }
}

/**
 * Whether a request failed because Temporal (or the database) is down or did not answer in time:
 * not connected (TemporalUnavailableError) or a call mapped to UNAVAILABLE (withTemporalDeadline).
 */
export function isUnavailable(error: unknown): boolean {
  return (
    error instanceof TemporalUnavailableError ||
    (error instanceof DomainError && error.code === 'UNAVAILABLE')
  );
}

const RETRY_MS = 5_000;
const HEALTH_TIMEOUT_MS = 2_000;

/**
 * Holds the api's Temporal client. The api starts without Temporal (reads and sign-in do not
 * need it) and keeps connecting in the background, so a Temporal restart does not take the
 * api down; /health reports it as 'down' meanwhile.
 */
export class TemporalClientHolder implements OnApplicationShutdown {
  private readonly logger = new Logger('Temporal');
  private client: Client | null;
  private ownConnection: Connection | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  /** A client passed in (tests, e2e) stays owned by the caller and is not closed here. */
  constructor(client: Client | null) {
    this.client = client;
  }

  get current(): Client | null {
    return this.client;
  }

  /** For use cases that must reach Temporal; the exception filter answers 503. */
  require(): Client {
    if (!this.client) throw new TemporalUnavailableError();
    return this.client;
  }

  /** Connects now, or warns once and keeps retrying every few seconds until it succeeds. */
  async connectInBackground(settings: {
    address: string;
    namespace: string;
    /** The data converter of every Jaarcyclus client (@jaarcyclus/temporal dataConverter). */
    dataConverter: DataConverter;
    /** With traces on: the interceptors that carry them into Temporal (tracingClientInterceptors). */
    interceptors?: ClientInterceptors;
  }): Promise<void> {
    let warned = false;
    const attempt = async (): Promise<void> => {
      if (this.stopped || this.client) return;
      try {
        const connection = await Connection.connect({
          address: settings.address,
          connectTimeout: '3s',
        });
        if (this.stopped) {
          await connection.close();
          return;
        }
        this.ownConnection = connection;
        this.client = new Client({
          connection,
          namespace: settings.namespace,
          dataConverter: settings.dataConverter,
          ...(settings.interceptors ? { interceptors: settings.interceptors } : {}),
        });
        this.logger.log(`connected to ${settings.address} (namespace ${settings.namespace})`);
      } catch {
        if (!warned) {
          warned = true;
          this.logger.warn(
            `Temporal not reachable at ${settings.address} — retrying in the background; /health shows temporal 'down'`,
          );
        }
        this.retryTimer = setTimeout(() => void attempt(), RETRY_MS);
        this.retryTimer.unref();
      }
    };
    await attempt();
  }

  async isReachable(): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    try {
      await client.connection.withDeadline(Date.now() + HEALTH_TIMEOUT_MS, () =>
        client.workflowService.getSystemInfo({}),
      );
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.ownConnection?.close();
  }
}
