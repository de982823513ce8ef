import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import { logLine, type LogLevel } from '@jaarcyclus/config';

const LEVEL: Record<NestLogLevel, LogLevel> = {
  fatal: 'error',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * The api's logger: one JSON line per entry, with e-mail addresses, tokens and SQL parameters
 * removed (@jaarcyclus/config redactText), so the logs hold no personal data. `write` is the
 * sink (stdout, or a test's array).
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly levels: readonly NestLogLevel[] = ['log', 'warn', 'error', 'fatal'],
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  private emit(level: NestLogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.includes(level)) return;
    // Nest passes the context last (a string); an error's stack, if any, before it.
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const extra = context === undefined ? rest : rest.slice(0, -1);
    const text =
      message instanceof Error
        ? `${message.message}\n${message.stack ?? ''}`
        : typeof message === 'string'
          ? message
          : JSON.stringify(message);
    const stack = extra.filter((e): e is string => typeof e === 'string').join('\n');
    this.write(logLine('api', LEVEL[level], stack ? `${text}\n${stack}` : text, context));
  }
}
