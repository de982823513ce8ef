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
  optional: ['WORKFLOW_BUNDLE'],
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
    );
  }
}
