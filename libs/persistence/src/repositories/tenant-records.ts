import type {
  DeepPartial,
  EntityTarget,
  FindOptionsOrder,
  FindOptionsWhere,
  Repository,
} from 'typeorm';
import type { Db } from './db';

/** A row that belongs to one SWV (tenant) and has a name to list it by. */
export interface TenantRecord {
  id: string;
  organisationId: string;
  name: string;
}

/** Whether the tenant has a row with this id: what a reference check asks. */
export interface TenantRows {
  exists(organisationId: string, id: string): Promise<boolean>;
}

/**
 * The tenant-scoped records of one master-data table (boards, schools, persons, bodies): every
 * read and delete is filtered by the organisation id, so another SWV's id is answered exactly
 * like an unknown one. Unique, foreign-key and check violations surface as TypeORM's
 * QueryFailedError, which the api turns into 409/422.
 */
export abstract class TenantRecords<T extends TenantRecord> implements TenantRows {
  protected constructor(
    protected readonly db: Db,
    private readonly entity: EntityTarget<T>,
  ) {}

  protected get records(): Repository<T> {
    return this.db.getRepository(this.entity);
  }

  /** The tenant's rows by name, then id (byte order: callers sort for a Dutch reader). */
  list(organisationId: string): Promise<T[]> {
    return this.records.find({
      where: { organisationId } as FindOptionsWhere<T>,
      order: { name: 'ASC', id: 'ASC' } as FindOptionsOrder<T>,
    });
  }

  /**
   * The tenant's row, or null. `lock`: locked for update until the transaction ends (call it
   * inside one), so concurrent changes of the row wait for each other.
   */
  get(organisationId: string, id: string, opts: { lock?: boolean } = {}): Promise<T | null> {
    return this.records.findOne({
      where: { id, organisationId } as FindOptionsWhere<T>,
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  exists(organisationId: string, id: string): Promise<boolean> {
    return this.records.exists({ where: { id, organisationId } as FindOptionsWhere<T> });
  }

  /** A new row, not stored yet (see save). */
  create(fields: DeepPartial<T>): T {
    return this.records.create(fields);
  }

  /** Inserts a new row or updates a loaded one; returns it with its generated columns. */
  save(row: T): Promise<T> {
    return this.records.save(row);
  }

  /** Deletes the tenant's row; false when there was none. */
  async delete(organisationId: string, id: string): Promise<boolean> {
    const result = await this.records.delete({ id, organisationId } as FindOptionsWhere<T>);
    return !!result.affected;
  }
}
