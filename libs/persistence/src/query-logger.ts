import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/**
 * TypeORM's logger for every DataSource: a failed or slow statement is logged with its SQL and
 * PostgreSQL's error code and constraint, never with its parameters (they hold names, addresses,
 * comments and amounts) nor PostgreSQL's `detail` (which quotes the offending values). One JSON
 * line each, like the rest of the logs.
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  logQuery(): void {}

  logQueryError(
    error: string | Error,
    query: string,
    _parameters?: unknown[],
    _qr?: QueryRunner,
  ): void {
    const pg = (typeof error === 'object' ? error : {}) as { code?: unknown; constraint?: unknown };
    this.line('error', 'query failed', {
      code: typeof pg.code === 'string' ? pg.code : undefined,
      constraint: typeof pg.constraint === 'string' ? pg.constraint : undefined,
      error: typeof error === 'string' ? error : error.message,
      query: query.replace(/\s+/g, ' ').slice(0, 500),
    });
  }

  logQuerySlow(time: number, query: string): void {
    this.line('warn', 'slow query', { ms: time, query: query.replace(/\s+/g, ' ').slice(0, 500) });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.line('info', message, {});
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'log') return;
    this.line(level, typeof message === 'string' ? message : 'typeorm', {});
  }

  private line(level: string, msg: string, fields: Record<string, unknown>): void {
    this.write(
      JSON.stringify({ time: new Date().toISOString(), level, context: 'TypeORM', msg, ...fields }),
    );
  }
}
