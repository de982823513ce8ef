/**
 * The api's configuration: read once from the environment at start-up and validated, so a
 * misconfiguration stops the process with one line naming the variable instead of failing on
 * the first request. The checks shared with the worker live in @jaarcyclus/config.
 */
import {
  ConfigError,
  databaseUrl,
  hostPort,
  integer,
  mailFrom,
  metricsToken,
  origins,
  pattern,
  PayloadKeyRing,
  PERSONAL_DATA_KEY_VARIABLES,
  publicUrl,
  smtpUrl,
  temporalNamespace,
} from '@jaarcyclus/config';

export { ConfigError };

/** The session cookie's name over http; over https it has the __Host- prefix (sessionCookie). */
export const SESSION_COOKIE_NAME = 'jc_session';

/** Environment variables of the api, with the defaults used when a variable is not set. */
export const API_ENV = {
  required: ['DATABASE_URL', 'TEMPORAL_PAYLOAD_KEY_ID'],
  /** One of each group: the payload keys inline, or in a file (a secret). */
  requiredOneOf: [['TEMPORAL_PAYLOAD_KEYS', 'TEMPORAL_PAYLOAD_KEYS_FILE']],
  defaults: {
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'default',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    MAIL_FROM: 'Jaarcyclus <noreply@jaarcyclus.example>',
    PUBLIC_URL: 'http://localhost:3000',
    PORT: '3000',
    SESSION_TTL_HOURS: '12',
    LOGIN_LINKS_PER_PERSON: '5',
    /** Sign-in requests per client IP, and per e-mail address, within 15 minutes (429 beyond). */
    LOGIN_RATE_PER_IP: '30',
    LOGIN_RATE_PER_ADDRESS: '10',
    /** The OpenAPI document and Swagger UI at /api/docs: `on` in development (npm start), else off. */
    API_DOCS: 'off',
  },
  /** Optional: the Temporal Web UI's origin(s), allowed to call the codec endpoint from the browser. */
  optional: [
    'TEMPORAL_UI_ORIGIN',
    'METRICS_TOKEN',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'PERSONAL_DATA_KEYS',
    'PERSONAL_DATA_KEYS_FILE',
    'PERSONAL_DATA_KEY_ID',
  ],
} as const satisfies {
  required: readonly string[];
  requiredOneOf: readonly (readonly string[])[];
  defaults: Record<string, string>;
  optional: readonly string[];
};

/** Every variable the api reads. */
export type ApiEnvName =
  | keyof typeof API_ENV.defaults
  | (typeof API_ENV.required)[number]
  | (typeof API_ENV.requiredOneOf)[number][number]
  | (typeof API_ENV.optional)[number];

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
    /** Sign-in requests from one client IP within 15 minutes; more answer 429 (LoginRateLimitGuard). */
    readonly loginRatePerIp: number,
    /** Sign-in requests for one e-mail address within 15 minutes, whoever asks; more answer 429. */
    readonly loginRatePerAddress: number,
    /** The keys that encrypt workflow data in Temporal (@jaarcyclus/config PayloadKeyRing). */
    readonly payloadKeyRing: PayloadKeyRing,
    /**
     * Origins of the Temporal Web UI that may call the codec endpoint from the browser (CORS,
     * with credentials); empty: none (the temporal CLI needs no CORS).
     */
    readonly temporalUiOrigins: readonly string[],
    /** Serve the OpenAPI document and Swagger UI (/api/docs); off in production. */
    readonly apiDocs: boolean,
    /**
     * The bearer token a Prometheus scraper presents at `/metrics` (at least 16 characters);
     * null: no `/metrics` (404).
     */
    readonly metricsToken: string | null,
    /**
     * The keys of personal data at rest (PERSONAL_DATA_KEYS(_FILE), PERSONAL_DATA_KEY_ID);
     * null when none are configured: then schakeltrajecten answer 503 and nothing else changes.
     */
    readonly personalDataKeyRing: PayloadKeyRing | null = null,
  ) {}

  /** Throws ConfigError for the first invalid variable. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
    const read = (name: keyof typeof API_ENV.defaults): string => {
      const value = env[name]?.trim();
      return value ? value : API_ENV.defaults[name];
    };
    return new ApiConfig(
      databaseUrl(env),
      hostPort('TEMPORAL_ADDRESS', read('TEMPORAL_ADDRESS')),
      temporalNamespace(read('TEMPORAL_NAMESPACE')),
      smtpUrl(read('SMTP_URL')),
      mailFrom(read('MAIL_FROM')),
      publicUrl(read('PUBLIC_URL')),
      integer('PORT', read('PORT'), 1, 65535),
      integer('SESSION_TTL_HOURS', read('SESSION_TTL_HOURS'), 1, 24 * 30),
      integer('LOGIN_LINKS_PER_PERSON', read('LOGIN_LINKS_PER_PERSON'), 1, 1000),
      integer('LOGIN_RATE_PER_IP', read('LOGIN_RATE_PER_IP'), 1, 1_000_000),
      integer('LOGIN_RATE_PER_ADDRESS', read('LOGIN_RATE_PER_ADDRESS'), 1, 1_000_000),
      PayloadKeyRing.fromEnv(env),
      origins('TEMPORAL_UI_ORIGIN', env.TEMPORAL_UI_ORIGIN ?? ''),
      pattern('API_DOCS', read('API_DOCS'), /^(on|off)$/, 'on or off') === 'on',
      metricsToken(env.METRICS_TOKEN),
      [PERSONAL_DATA_KEY_VARIABLES.keys, PERSONAL_DATA_KEY_VARIABLES.keysFile].some((v) =>
        env[v]?.trim(),
      )
        ? PayloadKeyRing.fromEnv(env, PERSONAL_DATA_KEY_VARIABLES)
        : null,
    );
  }

  /** For tests: the environment's configuration with some values replaced. */
  static with(
    overrides: Partial<Record<ApiEnvName, string>>,
    env: NodeJS.ProcessEnv = process.env,
  ): ApiConfig {
    return ApiConfig.fromEnv({ ...env, ...overrides });
  }

  get secureCookies(): boolean {
    return this.publicUrl.startsWith('https:');
  }

  /**
   * The session cookie's name: over https with the __Host- prefix, so the browser only accepts it
   * Secure, for this host and path / (no sibling subdomain can set or overwrite it); over http
   * (development, tests) a browser would refuse that prefix, so the plain name.
   */
  get sessionCookie(): string {
    return this.secureCookies ? `__Host-${SESSION_COOKIE_NAME}` : SESSION_COOKIE_NAME;
  }
}
