import { Organisation } from '../entities/organisation.entity';
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

  /**
   * The SWV with its settings, or null. `lock`: locked for update until the transaction ends
   * (call it inside one), so concurrent changes of its settings wait for each other.
   */
  get(organisationId: string, opts: { lock?: boolean } = {}): Promise<Organisation | null> {
    return this.db.getRepository(Organisation).findOne({
      where: { id: organisationId },
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The SWV of a signed-in person, which exists; TypeORM's EntityNotFoundError otherwise. */
  getOrFail(organisationId: string): Promise<Organisation> {
    return this.db.getRepository(Organisation).findOneByOrFail({ id: organisationId });
  }

  save(organisation: Organisation): Promise<Organisation> {
    return this.db.getRepository(Organisation).save(organisation);
  }

  /**
   * Locks the SWV's row until the transaction ends (call it inside one): serialises changes
   * that must see each other, such as two demotions of the last administrators.
   */
  async lock(organisationId: string): Promise<void> {
    await this.db.query(`SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE`, [organisationId]);
  }
}
