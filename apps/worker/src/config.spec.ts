import { ConfigError, WORKER_ENV, WorkerConfig } from './config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jaarcyclus';
const KEY = Buffer.alloc(32, 7).toString('base64');
/** The least the worker needs: a database and the keys of the workflow data. */
const BASE = { DATABASE_URL, TEMPORAL_PAYLOAD_KEYS: `k1:${KEY}`, TEMPORAL_PAYLOAD_KEY_ID: 'k1' };

describe('WorkerConfig', () => {
  it('applies the documented defaults', () => {
    const config = WorkerConfig.fromEnv(BASE);
    expect(config).toMatchObject({
      databaseUrl: DATABASE_URL,
      temporalAddress: '127.0.0.1:7233',
      smtpUrl: 'smtp://127.0.0.1:1025',
      publicUrl: 'http://localhost:3000',
      workflowBundlePath: null,
      smtpPoolConnections: 10,
      outboxSentBodyHours: 24,
    });
    expect(config.payloadKeyRing.toJSON()).toEqual({ currentKeyId: 'k1', ids: ['k1'] });
    expect(WORKER_ENV.required).toEqual(['DATABASE_URL', 'TEMPORAL_PAYLOAD_KEY_ID']);
    expect(WORKER_ENV.requiredOneOf).toEqual([
      ['TEMPORAL_PAYLOAD_KEYS', 'TEMPORAL_PAYLOAD_KEYS_FILE'],
    ]);
  });

  it('keeps sent mail bodies as long as OUTBOX_SENT_BODY_HOURS says, at least an hour', () => {
    expect(WorkerConfig.fromEnv({ ...BASE, OUTBOX_SENT_BODY_HOURS: '2' }).outboxSentBodyHours).toBe(
      2,
    );
    expect(() => WorkerConfig.fromEnv({ ...BASE, OUTBOX_SENT_BODY_HOURS: '0' })).toThrow(
      /^OUTBOX_SENT_BODY_HOURS must be a whole number/,
    );
  });

  it('takes fewer SMTP connections for a relay that allows only a few', () => {
    const config = WorkerConfig.fromEnv({
      ...BASE,
      SMTP_URL: 'smtp://user:secret@smtp.office365.example:587',
      SMTP_POOL_CONNECTIONS: '3',
      PUBLIC_URL: 'https://jaarcyclus.stadsring.example/',
    });
    expect(config).toMatchObject({
      smtpPoolConnections: 3,
      publicUrl: 'https://jaarcyclus.stadsring.example',
    });
  });

  it("keeps the SDK's heap-sized workflow cache unless WORKER_MAX_CACHED_WORKFLOWS sizes it", () => {
    expect(WorkerConfig.fromEnv(BASE).maxCachedWorkflows).toBeNull();
    expect(
      WorkerConfig.fromEnv({ ...BASE, WORKER_MAX_CACHED_WORKFLOWS: '8000' }).maxCachedWorkflows,
    ).toBe(8000);
  });

  it.each([
    [{}, /^DATABASE_URL is required/],
    [
      { ...BASE, SMTP_POOL_CONNECTIONS: '0' },
      /^SMTP_POOL_CONNECTIONS must be a whole number from 1 to 100 \(got '0'\)$/,
    ],
    [{ ...BASE, SMTP_POOL_CONNECTIONS: 'veel' }, /^SMTP_POOL_CONNECTIONS must be a whole number/],
    [
      { ...BASE, WORKER_MAX_CACHED_WORKFLOWS: '-1' },
      /^WORKER_MAX_CACHED_WORKFLOWS must be a whole number from 0 to 1000000/,
    ],
    [{ ...BASE, SMTP_URL: 'http://mail' }, /^SMTP_URL must be a smtp:\/\/ or smtps:\/\/ URL/],
    [{ ...BASE, TEMPORAL_ADDRESS: 'localhost' }, /^TEMPORAL_ADDRESS must be host:port/],
    [{ DATABASE_URL }, /^TEMPORAL_PAYLOAD_KEYS \(or TEMPORAL_PAYLOAD_KEYS_FILE, .*\) is required/],
    [{ ...BASE, TEMPORAL_PAYLOAD_KEY_ID: '' }, /^TEMPORAL_PAYLOAD_KEY_ID is required/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => WorkerConfig.fromEnv(env)).toThrow(ConfigError);
    expect(() => WorkerConfig.fromEnv(env)).toThrow(message);
  });
});
