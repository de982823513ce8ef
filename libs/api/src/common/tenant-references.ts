import { DomainError } from '@jaarcyclus/domain';
import type { TenantRows } from '@jaarcyclus/persistence';

/**
 * Checks that a referenced row (a board, school, person) belongs to the caller's organisation.
 * A reference to another SWV's row is answered exactly like a reference to nothing, so ids of
 * other tenants cannot be probed. (The composite foreign keys refuse it too; this gives the
 * client the field name.) `rows`: the repository of the referenced table, e.g. PersonRepository
 * (or the `persons` of a transaction's Repositories).
 */
export async function assertInTenant(
  rows: TenantRows,
  organisationId: string,
  id: string | null | undefined,
  field: string,
  what: string,
): Promise<void> {
  if (id === null || id === undefined) return;
  if (!(await rows.exists(organisationId, id)))
    throw DomainError.of('VALIDATION', field, 'refusal.notInTenant', { field, what });
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
