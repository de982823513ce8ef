/**
 * The worker's configuration: read once from the environment at start-up and validated, so a
 * misconfiguration stops the process with one line naming the variable. The checks shared
 * with the api live in @jaarcyclus/config.
 */
import {
  ConfigError,
  databaseUrl,
  hostPort,
  integer,
  mailFrom,
  metricsToken,
  PayloadKeyRing,
  publicUrl,
  smtpUrl,
  temporalNamespace,
} from '@jaarcyclus/config';

export { ConfigError };

/** Environment variables of the worker, with the defaults used when a variable is not set. */
export const WORKER_ENV = {
  required: ['DATABASE_URL', 'TEMPORAL_PAYLOAD_KEY_ID'],
  /** One of each group: the payload keys inline, or in a file (a secret). */
  requiredOneOf: [['TEMPORAL_PAYLOAD_KEYS', 'TEMPORAL_PAYLOAD_KEYS_FILE']],
  defaults: {
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'default',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    MAIL_FROM: 'Jaarcyclus <noreply@jaarcyclus.example>',
    PUBLIC_URL: 'http://localhost:3000',
    SMTP_POOL_CONNECTIONS: '10',
    OUTBOX_SENT_BODY_HOURS: '24',
  },
  /** Optional: a prebuilt workflow bundle (scripts/bundle-workflows.cjs); else the worker bundles at start-up. */
  optional: [
    'WORKFLOW_BUNDLE',
    /** The worker's /metrics: its port (unset: none), and the token a scraper presents. */
    'METRICS_PORT',
    'METRICS_TOKEN',
    /** Listen address of /metrics (default 127.0.0.1; 0.0.0.0 in a container). */
    'METRICS_HOST',
    /** Loopback host:port of the Temporal SDK's own exporter, passed on by /metrics (default 127.0.0.1:9465). */
    'TEMPORAL_SDK_METRICS_ADDRESS',
    /** OTLP/HTTP collector for traces (e.g. http://otel-collector:4318); unset: no tracing. */
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    /**
     * Workflows the worker keeps in memory between their tasks (unset: the Temporal SDK's
     * default, about 600 per GiB of heap). Size it to the workflows that wake together (every
     * school of every running accountability cycle) and give the process the heap for it.
     */
    'WORKER_MAX_CACHED_WORKFLOWS',
  ],
} as const satisfies {
  required: readonly string[];
  requiredOneOf: readonly (readonly string[])[];
  defaults: Record<string, string>;
  optional: readonly string[];
};

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
    /** The keys that encrypt workflow data in Temporal (@jaarcyclus/config PayloadKeyRing). */
    readonly payloadKeyRing: PayloadKeyRing,
    /**
     * Hours a sent mail keeps its text and HTML body in the outbox before the nightly
     * housekeeping blanks it (the row itself stays, so the mail is never sent twice).
     */
    readonly outboxSentBodyHours: number,
    /**
     * Workflows kept in the worker's cache between tasks, or null: the SDK's default (sized
     * from the heap). A workflow not in the cache replays its history on its next task.
     */
    readonly maxCachedWorkflows: number | null,
    /** The worker's /metrics, or null: none (METRICS_PORT unset). */
    readonly metrics: {
      port: number;
      host: string;
      token: string;
      sdkAddress: string;
    } | null,
  ) {}

  /** Throws ConfigError for the first invalid variable. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
    const read = (name: keyof typeof WORKER_ENV.defaults): string => {
      const value = env[name]?.trim();
      return value ? value : WORKER_ENV.defaults[name];
    };
    const bundle = env.WORKFLOW_BUNDLE?.trim();
    return new WorkerConfig(
      databaseUrl(env),
      hostPort('TEMPORAL_ADDRESS', read('TEMPORAL_ADDRESS')),
      temporalNamespace(read('TEMPORAL_NAMESPACE')),
      smtpUrl(read('SMTP_URL')),
      mailFrom(read('MAIL_FROM')),
      publicUrl(read('PUBLIC_URL')),
      bundle ? bundle : null,
      integer('SMTP_POOL_CONNECTIONS', read('SMTP_POOL_CONNECTIONS'), 1, 100),
      PayloadKeyRing.fromEnv(env),
      integer('OUTBOX_SENT_BODY_HOURS', read('OUTBOX_SENT_BODY_HOURS'), 1, 24 * 366),
      env.WORKER_MAX_CACHED_WORKFLOWS?.trim()
        ? integer(
            'WORKER_MAX_CACHED_WORKFLOWS',
            env.WORKER_MAX_CACHED_WORKFLOWS.trim(),
            0,
            1_000_000,
          )
        : null,
      metricsConfig(env),
    );
  }
}

/** METRICS_PORT and METRICS_TOKEN come together: a /metrics without a token is refused at start-up. */
function metricsConfig(env: NodeJS.ProcessEnv): WorkerConfig['metrics'] {
  const port = env.METRICS_PORT?.trim();
  const token = metricsToken(env.METRICS_TOKEN);
  if (!port) return null;
  if (!token) throw new ConfigError('METRICS_PORT is set: set METRICS_TOKEN too');
  return {
    port: integer('METRICS_PORT', port, 1, 65535),
    host: env.METRICS_HOST?.trim() || '127.0.0.1',
    token,
    sdkAddress: hostPort(
      'TEMPORAL_SDK_METRICS_ADDRESS',
      env.TEMPORAL_SDK_METRICS_ADDRESS?.trim() || '127.0.0.1:9465',
    ),
  };
}
