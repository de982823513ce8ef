import type { Db } from './db';

/** The SWVs (tenants). */
export class OrganisationRepository {
  constructor(private readonly db: Db) {}

  /** The SWV's name, as mails and letters sign with it; null for an unknown id. */
  async name(organisationId: string): Promise<string | null> {
    const rows = (await this.db.query(`SELECT name FROM organisation WHERE id = $1`, [
      organisationId,
    ])) as { name: string }[];
    return rows[0]?.name ?? null;
  }
}
