import { DomainError } from '@jaarcyclus/domain';
import {
  Body,
  BodyRepository,
  BoardRepository,
  type Db,
  Person,
  PersonRepository,
  School,
  SchoolBoard,
  SchoolRepository,
  type TenantRows,
} from '@jaarcyclus/persistence';

/** The entities a reference may point to, with the repository that knows the tenant's rows. */
const ROWS_OF = new Map<new () => object, new (db: Db) => TenantRows>([
  [Person, PersonRepository],
  [SchoolBoard, BoardRepository],
  [School, SchoolRepository],
  [Body, BodyRepository],
]);

/**
 * Checks that a referenced row (a board, school, person) belongs to the caller's organisation.
 * A reference to another SWV's row is answered exactly like a reference to nothing, so ids of
 * other tenants cannot be probed. (The composite foreign keys refuse it too; this gives the
 * client the field name.) `rows`: the repository of the referenced table, e.g. PersonRepository
 * (or the `persons` of a transaction's Repositories).
 */
export function assertInTenant(
  rows: TenantRows,
  organisationId: string,
  id: string | null | undefined,
  field: string,
  what: string,
): Promise<void>;
/**
 * The same check for a service that still holds a DataSource or EntityManager (`db`) instead of
 * the repositories: `entity` names the table (Person, SchoolBoard, School or Body).
 */
export function assertInTenant(
  db: Db,
  entity: new () => object,
  organisationId: string,
  id: string | null | undefined,
  field: string,
  what: string,
): Promise<void>;
export async function assertInTenant(
  ...args:
    | [TenantRows, string, string | null | undefined, string, string]
    | [Db, new () => object, string, string | null | undefined, string, string]
): Promise<void> {
  const [rows, organisationId, id, field, what] =
    args.length === 6
      ? ([rowsOf(args[0], args[1]), args[2], args[3], args[4], args[5]] as const)
      : args;
  if (id === null || id === undefined) return;
  if (!(await rows.exists(organisationId, id)))
    throw DomainError.of('VALIDATION', field, 'refusal.notInTenant', { field, what });
}

function rowsOf(db: Db, entity: new () => object): TenantRows {
  const Rows = ROWS_OF.get(entity);
  if (!Rows) throw new Error(`assertInTenant: no repository for ${entity.name}`);
  return new Rows(db);
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`);
}

/** The fields a PATCH body actually contains (DTO instances may carry undefined ones). */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Names compare the way a Dutch reader expects (case-insensitive, numbers by value), not by byte order. */
export const compareNames = new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare;

export function sortByName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareNames(a.name, b.name));
}
