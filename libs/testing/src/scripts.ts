import path from 'node:path';
import { repoRoot } from '@jaarcyclus/temporal';

// The set-up helpers in scripts/lib are plain CommonJS (they run before `npm ci`), shared by
// `npm start`, `npm test` and these test fixtures.
interface ServerHandle {
  url: string;
  source: string;
  stop(): Promise<void>;
}
export interface PostgresScripts {
  resolvePostgres(opts: {
    embeddedDir?: string;
    embeddedPort?: number;
    log?: (line: string) => void;
  }): Promise<ServerHandle>;
  ensureDatabase(
    serverUrl: string,
    database: string,
    opts?: { fresh?: boolean; template?: string },
  ): Promise<string>;
  dropDatabase(serverUrl: string, database: string): Promise<void>;
}
export interface ToolScripts {
  ensureTools(log?: (line: string) => void): { temporal: string; testServer: string };
}

function load<T>(name: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(repoRoot(), 'scripts', 'lib', name)) as T;
}

export const postgresScripts = load<PostgresScripts>('postgres.cjs');
export const toolScripts = load<ToolScripts>('tools.cjs');
