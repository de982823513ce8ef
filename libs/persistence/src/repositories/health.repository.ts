import type { Db } from './db';

/** Whether the database answers: the health probe. */
export class HealthRepository {
  constructor(private readonly db: Db) {}

  /** A trivial statement; rejects when the database does not answer it. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
