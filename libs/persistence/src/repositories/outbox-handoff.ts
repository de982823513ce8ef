interface HandoffPool {
  query(sql: string, params: unknown[]): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'error', listener: () => void): void;
}

// node-postgres, the driver TypeORM uses here; it ships no types of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Pool } = require('pg') as {
  Pool: new (config: {
    connectionString: string;
    max: number;
    idleTimeoutMillis: number;
    allowExitOnIdle: boolean;
  }) => HandoffPool;
};

/**
 * Writes, the moment the SMTP relay accepts a message, that it did (`outbox_handoff`), on one
 * connection of its own that commits at once: the sending transaction still holds the
 * message's row and commits only when the whole batch is through. A process killed in between
 * leaves the row unsent but this record in place, and the retry marks the message sent instead
 * of handing it to the relay again (OutboxRepository.acceptedEarlier). What remains is the gap
 * of one statement after the relay's 250, which no sender can close (SMTP has no exactly-once).
 *
 * Best effort by design: when the record cannot be written (the database unreachable), the
 * message is still sent and marked as before. The pool keeps at most four connections (a batch
 * of ten sends records its acceptances side by side, so the gap stays one statement) and lets
 * the process exit while it is idle, so it needs no shutdown of its own.
 */
export class OutboxHandoffLog {
  private readonly pool: HandoffPool;

  constructor(url: string) {
    this.pool = new Pool({
      connectionString: url,
      max: 4,
      idleTimeoutMillis: 2_000,
      allowExitOnIdle: true,
    });
    // An idle connection cut by a restart of PostgreSQL must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** True when the record was written. */
  async recordAccepted(idempotencyKey: string): Promise<boolean> {
    try {
      await this.pool.query(
        `INSERT INTO outbox_handoff (idempotency_key) VALUES ($1) ON CONFLICT DO NOTHING`,
        [idempotencyKey],
      );
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
