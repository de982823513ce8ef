import { DomainError } from '@jaarcyclus/domain';
import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

/** Constraints whose field cannot be read from PostgreSQL's error detail (raised by triggers). */
const CONSTRAINT_FIELDS: Record<string, string> = {
  body_member_person_tenant: 'personId',
  body_member_board_tenant: 'boardId',
  body_member_body_id_person_id_key: 'personId',
};

/**
 * The database enforces uniqueness, references and checks as the last line of defence (two
 * concurrent requests can both pass a service's checks). Its refusals become domain errors, so
 * clients get a 409/422 naming the field instead of a 500.
 */
export function translateDatabaseError(error: unknown): DomainError | null {
  if (isDatabaseUnavailable(error)) {
    return DomainError.of('UNAVAILABLE', undefined, 'refusal.unavailable');
  }
  if (!(error instanceof QueryFailedError)) return null;
  const pg = (error as QueryFailedError & { driverError?: PgError }).driverError ?? {};
  const field = fieldOf(pg);
  switch (pg.code) {
    case '23505':
      return DomainError.of('CONFLICT', field, 'refusal.exists', field ? { field } : {});
    case '23503':
      if (pg.detail?.includes('is still referenced')) {
        const from = /from table "([^"]+)"/.exec(pg.detail)?.[1];
        return DomainError.of(
          'CONFLICT',
          undefined,
          'refusal.inUse',
          from ? { table: from.replace(/_/g, ' ') } : {},
        );
      }
      return DomainError.of('VALIDATION', field, 'refusal.noSuchRecord', field ? { field } : {});
    case '23514':
    case '23502':
      return DomainError.of('VALIDATION', field, 'validation.notAllowed', field ? { field } : {});
    default:
      return null;
  }
}

/** Node's socket errors when PostgreSQL is down or went away. */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);

/**
 * Whether the database could not be reached, rather than refused the statement: a socket error,
 * the server shutting down or starting (57P01-57P03), a connection exception (class 08), a
 * missing database (3D000), or the pool timing out on a new connection. These become 503 (UNAVAILABLE), not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driver =
    error instanceof QueryFailedError
      ? (error as QueryFailedError & { driverError?: unknown }).driverError
      : error;
  // Not `instanceof Error`: a socket error is made by Node's own realm, which is not the
  // caller's under a vm sandbox (Jest), and ECONNREFUSED while PostgreSQL restarts went out
  // as a 500 there (RELIABILITY.md, the restart scenario). Any object with a code or message.
  if (typeof driver !== 'object' || driver === null) return false;
  const code = (driver as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (CONNECTION_ERRNOS.has(code)) return true;
    // 3D000: the database is gone (dropped, or not restored yet).
    if (/^57P0[123]$/.test(code) || /^08/.test(code) || code === '3D000') return true;
  }
  const message = (driver as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /^(Connection terminated|timeout exceeded when trying to connect)/i.test(message)
  );
}

function fieldOf(pg: PgError): string | undefined {
  if (pg.constraint && CONSTRAINT_FIELDS[pg.constraint]) return CONSTRAINT_FIELDS[pg.constraint];
  if (pg.column) return camel(pg.column);
  // "Key (organisation_id, name)=(…) already exists." — the tenant column is never the culprit.
  const columns = /Key \(([^)]+)\)=/
    .exec(pg.detail ?? '')?.[1]
    ?.split(',')
    .map((c) => c.trim());
  const column = columns?.filter((c) => c !== 'organisation_id').pop();
  if (column) return camel(column);
  if (pg.constraint && pg.table && pg.code === '23514') {
    return camel(pg.constraint.replace(new RegExp(`^${pg.table}_`), '').replace(/_check$/, ''));
  }
  return undefined;
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
