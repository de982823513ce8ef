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
 * Writes, the moment the SMTP relay accepts a message, that it did (`outbox_handoff`), on
 * connections of its own that commit at once: the sending transaction still holds the
 * message's row and commits only when the whole batch is through. A process killed in between
 * leaves the row unsent but this record in place, and the retry marks the message sent instead
 * of handing it to the relay again (OutboxRepository.lockByKeys, `acceptedEarlier`). What
 * remains is the gap between the relay's 250 and this commit, which no sender can close (SMTP
 * has no exactly-once).
 *
 * Group commit: acceptances that arrive while records are being written wait for the next
 * statement and go in together (one INSERT, one commit, however many), at most
 * MAX_FLUSHES_IN_FLIGHT statements at a time, instead of a statement and a commit per message
 * (bench:outbox, BENCHMARKS.md); the gap grows by at most one statement.
 *
 * Best effort by design: when the record cannot be written (the database unreachable), the
 * message is still sent and marked as before. The pool lets the process exit while it is
 * idle, so it needs no shutdown of its own.
 */
export class OutboxHandoffLog {
  private static readonly MAX_FLUSHES_IN_FLIGHT = 2;
  private readonly pool: HandoffPool;
  private pending: { key: string; done: (written: boolean) => void }[] = [];
  private flushesInFlight = 0;

  constructor(url: string) {
    this.pool = new Pool({
      connectionString: url,
      max: OutboxHandoffLog.MAX_FLUSHES_IN_FLIGHT,
      idleTimeoutMillis: 2_000,
      allowExitOnIdle: true,
    });
    // An idle connection cut by a restart of PostgreSQL must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** True when the record was written (committed). */
  recordAccepted(idempotencyKey: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.pending.push({ key: idempotencyKey, done: resolve });
      this.flush();
    });
  }

  private flush(): void {
    if (this.pending.length === 0 || this.flushesInFlight >= OutboxHandoffLog.MAX_FLUSHES_IN_FLIGHT)
      return;
    const batch = this.pending;
    this.pending = [];
    this.flushesInFlight += 1;
    void this.pool
      .query(
        `INSERT INTO outbox_handoff (idempotency_key) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
        [batch.map((b) => b.key)],
      )
      .then(
        () => true,
        () => false,
      )
      .then((written) => {
        this.flushesInFlight -= 1;
        for (const b of batch) b.done(written);
        this.flush();
      });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
