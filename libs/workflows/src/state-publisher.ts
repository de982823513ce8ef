import { condition } from '@temporalio/workflow';

/**
 * Keeps a read model of a workflow's state (a row in PostgreSQL) current, so that people
 * reading a cycle's progress are answered by the database instead of a Query, and carries the
 * workflow's small bookkeeping writes (audit rows, task updates) in the same transaction.
 *
 * Why: a Query is answered by the worker that holds the workflow, after the workflow task in
 * flight. While many members vote at once there is nearly always a workflow task in flight, and
 * Queries then waited for seconds (bench:vote: p95 ≈ 2 s, p99 ≈ 5 s with 10 voters at once). A
 * read model answers in milliseconds, also while the worker is down. And one write per burst
 * instead of three per vote keeps each workflow task short, which is what a voter waits for.
 *
 * How:
 * - `changed()` marks the state dirty (the timeline and every command call it); `write(w)`
 *   queues a write for the next publish and resolves once it is stored.
 * - One loop publishes the newest snapshot with a sequence number plus the queued writes, one
 *   publish at a time; whatever arrives meanwhile goes into the next one, so a burst of votes
 *   costs a few publishes, not one per vote. The store keeps the highest sequence only, so a
 *   retried, older publish never overwrites a newer state (its writes are idempotent).
 * - `flushed()` resolves once everything changed so far is stored: Update handlers await it
 *   before they answer, so whoever acted reads their own action right after.
 *
 * The sequence restarts with a run: a workflow that continues as new must pass `lastSeq` on.
 * The activity that stores a publish is the cycle kit's (`CycleKit.publishState`, libs/cycles).
 */
export class StatePublisher<S, W> {
  private seq: number;
  private published: number;
  private running = false;
  private failure: unknown;
  private pending: { write: W; stored: () => void; failed: (err: unknown) => void }[] = [];

  constructor(
    private readonly snapshot: () => S,
    private readonly publish: (seq: number, state: S, writes: W[]) => Promise<void>,
    /** False for runs recorded before the read model existed: they never publish. */
    readonly enabled: boolean,
    lastSeq = 0,
  ) {
    this.seq = lastSeq;
    this.published = lastSeq;
  }

  /** Grows with every change; lets a caller see whether something changed meanwhile. */
  get version(): number {
    return this.seq;
  }

  changed(): void {
    if (!this.enabled) return;
    this.seq += 1;
    if (!this.running) {
      this.running = true;
      void this.loop();
    }
  }

  /** Queues `write` for the next publish; resolves when it is stored. */
  write(write: W): Promise<void> {
    if (!this.enabled)
      return Promise.reject(new Error('StatePublisher: write() on a run without the read model'));
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<void>((stored, failed) => {
      this.pending.push({ write, stored, failed });
      this.changed();
    });
  }

  /** Resolves when a snapshot at least as new as every change so far is stored. */
  async flushed(): Promise<void> {
    if (!this.enabled) return;
    const target = this.seq;
    await condition(() => this.published >= target || this.failure !== undefined);
    if (this.failure !== undefined) throw this.failure;
  }

  private async loop(): Promise<void> {
    let batch: typeof this.pending = [];
    try {
      // Let the command that started this finish its synchronous changes (a vote adds to the
      // timeline, then queues its audit row and task update): one publish takes them all.
      await Promise.resolve();
      while (this.published < this.seq) {
        const seq = this.seq;
        batch = this.pending.splice(0);
        await this.publish(
          seq,
          this.snapshot(),
          batch.map((p) => p.write),
        );
        this.published = seq;
        batch.forEach((p) => p.stored());
        batch = [];
      }
    } catch (err) {
      // The publish activity retries until it succeeds: what arrives here is a non-retryable
      // failure. Kept, and handed to everyone waiting, so the workflow fails visibly instead of
      // going stale.
      this.failure = err;
      for (const p of [...batch, ...this.pending.splice(0)]) p.failed(err);
    } finally {
      this.running = false;
    }
  }
}
