import type { TenantRecord, TenantRecords } from '@jaarcyclus/persistence';
import { notFound, sortByName } from './tenant-references';

/** A named row of one SWV (a school board, a school, a person), as its TenantRecords holds it. */
export type TenantRow = TenantRecord;

/**
 * The use cases behind list/get/create/update/delete of one kind of master data, each scoped
 * to the caller's organisation. The JSON controllers (TenantCrudController) and the web app's
 * administration pages call exactly these.
 */
export interface TenantCrud<E, C, U> {
  list(organisationId: string): Promise<E[]>;
  get(organisationId: string, id: string): Promise<E>;
  create(organisationId: string, input: C): Promise<E>;
  update(organisationId: string, id: string, input: U): Promise<E>;
  remove(organisationId: string, id: string): Promise<void>;
}

/**
 * What boards, schools and persons share: every query is scoped to the caller's organisation,
 * so another SWV's id is answered like an unknown one (404, "<what> not found"), and lists are
 * sorted by name the way a Dutch reader expects. A row that is still in use is refused by the
 * database's foreign keys when it is removed (409, with what uses it; see database-errors.ts).
 *
 * Creating and changing are the entity's own (its references and rules), as is anything that
 * makes removing more than a delete (persons keep an active administrator).
 */
export abstract class TenantCrudService<E extends TenantRow, C, U> implements TenantCrud<E, C, U> {
  protected constructor(
    /** The entity's repository of libs/persistence (BoardRepository, …), on the pool. */
    protected readonly records: TenantRecords<E>,
    /** The name of the entity in a 404: 'School board' → "School board not found". */
    private readonly what: string,
  ) {}

  abstract create(organisationId: string, input: C): Promise<E>;
  abstract update(organisationId: string, id: string, input: U): Promise<E>;

  async list(organisationId: string): Promise<E[]> {
    return sortByName(await this.records.list(organisationId));
  }

  /** `records`: the same repository bound to the caller's transaction, if any. */
  async get(
    organisationId: string,
    id: string,
    records: TenantRecords<E> = this.records,
  ): Promise<E> {
    const row = await records.get(organisationId, id);
    if (!row) throw notFound(this.what);
    return row;
  }

  /** `records`: the same repository bound to the caller's transaction, if any. */
  async remove(
    organisationId: string,
    id: string,
    records: TenantRecords<E> = this.records,
  ): Promise<void> {
    if (!(await records.delete(organisationId, id))) throw notFound(this.what);
  }
}
