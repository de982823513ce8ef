/**
 * The worker's configuration: read once from the environment at start-up and validated, so a
 * misconfiguration stops the process with one line naming the variable.
 */

/** Environment variables of the worker, with the defaults used when a variable is not set. */
export const WORKER_ENV = {
  required: ['DATABASE_URL'],
  defaults: {
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'default',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    MAIL_FROM: 'Jaarcyclus <noreply@jaarcyclus.example>',
    PUBLIC_URL: 'http://localhost:3000',
    SMTP_POOL_CONNECTIONS: '10',
  },
  /** Optional: a prebuilt workflow bundle (scripts/bundle-workflows.cjs); else the worker bundles at start-up. */
  optional: ['WORKFLOW_BUNDLE'],
} as const satisfies { required: readonly string[]; defaults: Record<string, string>; optional: readonly string[] };

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export class WorkerConfig {
  private constructor(
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    readonly temporalNamespace: string,
    readonly smtpUrl: string,
    readonly mailFrom: string,
    /** Base URL of the web app, for links in mails; no trailing slash. */
    readonly publicUrl: string,
    readonly workflowBundlePath: string | null,
    /**
     * SMTP connections the worker keeps open and sends over at once (a cycle's invitations go
     * out side by side). Lower it for a relay that allows fewer concurrent connections per
     * client (Microsoft 365's SMTP AUTH submission allows 3); raise it for a bulk relay.
     */
    readonly smtpPoolConnections: number,
  ) {}

  /** Throws ConfigError for the first invalid variable. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
    const read = (name: keyof typeof WORKER_ENV.defaults): string => {
      const value = env[name]?.trim();
      return value ? value : WORKER_ENV.defaults[name];
    };
    const databaseUrl = env.DATABASE_URL?.trim();
    if (!databaseUrl) throw new ConfigError('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus');
    const bundle = env.WORKFLOW_BUNDLE?.trim();
    return new WorkerConfig(
      url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']),
      hostPort('TEMPORAL_ADDRESS', read('TEMPORAL_ADDRESS')),
      pattern('TEMPORAL_NAMESPACE', read('TEMPORAL_NAMESPACE'), /^[A-Za-z0-9._-]{1,255}$/, 'a Temporal namespace name'),
      url('SMTP_URL', read('SMTP_URL'), ['smtp:', 'smtps:']),
      pattern('MAIL_FROM', read('MAIL_FROM'), /^([^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'an address such as "Jaarcyclus <noreply@example.org>"'),
      url('PUBLIC_URL', read('PUBLIC_URL'), ['http:', 'https:']).replace(/\/+$/, ''),
      bundle ? bundle : null,
      integer('SMTP_POOL_CONNECTIONS', read('SMTP_POOL_CONNECTIONS'), 1, 100),
    );
  }
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
  }
  return n;
}

function url(name: string, value: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    // The value itself is not echoed: it may contain a password.
    throw new ConfigError(`${name} is not a valid URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`);
  }
  if (!protocols.includes(parsed.protocol) || !parsed.hostname) {
    throw new ConfigError(`${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL with a host`);
  }
  return value;
}

function hostPort(name: string, value: string): string {
  const match = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
    throw new ConfigError(`${name} must be host:port, e.g. 127.0.0.1:7233 (got '${value}')`);
  }
  return value;
}

function pattern(name: string, value: string, re: RegExp, expected: string): string {
  if (!re.test(value)) throw new ConfigError(`${name} must be ${expected} (got '${value}')`);
  return value;
}
