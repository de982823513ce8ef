/**
 * Side effects started by Update handlers (audit rows, task updates) without making the caller
 * wait for them. Once the handler has run, the activity is part of the workflow's history, so
 * it will happen (retried until it does); answering the Update right away keeps votes fast and
 * Update round trips short. The workflow drains the queue before it moves on from a round and
 * before it completes, so "round decided" still means "everything about it recorded".
 */
export class SideEffects {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;

  run(effect: () => Promise<unknown>): void {
    const settled: Promise<void> = effect().then(
      () => undefined,
      (err: unknown) => {
        // Kept and rethrown by drain(): the activities retry until they succeed, so this is a
        // non-retryable business failure and must fail the workflow visibly, not vanish.
        this.failure ??= err;
      },
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
  }

  /** Resolves when every effect started so far (and any started meanwhile) has finished. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    if (this.failure !== undefined) throw this.failure;
  }
}
