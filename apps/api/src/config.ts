/**
 * The api's configuration: read once from the environment at start-up and validated, so a
 * misconfiguration stops the process with one line naming the variable instead of failing on
 * the first request.
 */

/** Environment variables of the api, with the defaults used when a variable is not set. */
export const API_ENV = {
  required: ['DATABASE_URL'],
  defaults: {
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'default',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    MAIL_FROM: 'Jaarcyclus <noreply@jaarcyclus.example>',
    PUBLIC_URL: 'http://localhost:3000',
    PORT: '3000',
    SESSION_TTL_HOURS: '12',
    LOGIN_LINKS_PER_PERSON: '5',
  },
} as const satisfies { required: readonly string[]; defaults: Record<string, string> };

/** A configuration problem; the message is one line that names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export class ApiConfig {
  private constructor(
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    readonly temporalNamespace: string,
    readonly smtpUrl: string,
    readonly mailFrom: string,
    /** Base URL people open in their browser (sign-in links point here); no trailing slash. */
    readonly publicUrl: string,
    readonly port: number,
    readonly sessionTtlHours: number,
    /**
     * Sign-in links one person can be sent within a link's validity (15 minutes); further
     * requests in that time send nothing (the links already sent still work), so the login
     * form cannot be used to flood someone's inbox.
     */
    readonly loginLinksPerPerson: number,
  ) {}

  /** Throws ConfigError for the first invalid variable. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
    const read = (name: keyof typeof API_ENV.defaults): string => {
      const value = env[name]?.trim();
      return value ? value : API_ENV.defaults[name];
    };
    const databaseUrl = env.DATABASE_URL?.trim();
    if (!databaseUrl) {
      throw new ConfigError(
        'DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus',
      );
    }
    return new ApiConfig(
      url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']),
      hostPort('TEMPORAL_ADDRESS', read('TEMPORAL_ADDRESS')),
      pattern(
        'TEMPORAL_NAMESPACE',
        read('TEMPORAL_NAMESPACE'),
        /^[A-Za-z0-9._-]{1,255}$/,
        'a Temporal namespace name',
      ),
      url('SMTP_URL', read('SMTP_URL'), ['smtp:', 'smtps:']),
      pattern(
        'MAIL_FROM',
        read('MAIL_FROM'),
        /^([^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
        'an address such as "Jaarcyclus <noreply@example.org>"',
      ),
      url('PUBLIC_URL', read('PUBLIC_URL'), ['http:', 'https:']).replace(/\/+$/, ''),
      integer('PORT', read('PORT'), 1, 65535),
      integer('SESSION_TTL_HOURS', read('SESSION_TTL_HOURS'), 1, 24 * 30),
      integer('LOGIN_LINKS_PER_PERSON', read('LOGIN_LINKS_PER_PERSON'), 1, 1000),
    );
  }

  /** For tests: the environment's configuration with some values replaced. */
  static with(
    overrides: Partial<Record<keyof typeof API_ENV.defaults | 'DATABASE_URL', string>>,
    env: NodeJS.ProcessEnv = process.env,
  ): ApiConfig {
    return ApiConfig.fromEnv({ ...env, ...overrides });
  }

  get secureCookies(): boolean {
    return this.publicUrl.startsWith('https:');
  }
}

function url(name: string, value: string, protocols: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    // The value itself is not echoed: it may contain a password.
    throw new ConfigError(
      `${name} is not a valid URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`,
    );
  }
  if (!protocols.includes(parsed.protocol) || !parsed.hostname) {
    throw new ConfigError(
      `${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL with a host`,
    );
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

function integer(name: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
  }
  return n;
}
