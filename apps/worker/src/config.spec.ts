import { ConfigError, WORKER_ENV, WorkerConfig } from './config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jaarcyclus';

describe('WorkerConfig', () => {
  it('applies the documented defaults', () => {
    expect(WorkerConfig.fromEnv({ DATABASE_URL })).toMatchObject({
      databaseUrl: DATABASE_URL,
      temporalAddress: '127.0.0.1:7233',
      smtpUrl: 'smtp://127.0.0.1:1025',
      publicUrl: 'http://localhost:3000',
      workflowBundlePath: null,
      smtpPoolConnections: 10,
    });
    expect(WORKER_ENV.required).toEqual(['DATABASE_URL']);
  });

  it('takes fewer SMTP connections for a relay that allows only a few', () => {
    const config = WorkerConfig.fromEnv({
      DATABASE_URL,
      SMTP_URL: 'smtp://user:secret@smtp.office365.example:587',
      SMTP_POOL_CONNECTIONS: '3',
      PUBLIC_URL: 'https://jaarcyclus.stadsring.example/',
    });
    expect(config).toMatchObject({ smtpPoolConnections: 3, publicUrl: 'https://jaarcyclus.stadsring.example' });
  });

  it.each([
    [{}, /^DATABASE_URL is required/],
    [{ DATABASE_URL, SMTP_POOL_CONNECTIONS: '0' }, /^SMTP_POOL_CONNECTIONS must be a whole number from 1 to 100 \(got '0'\)$/],
    [{ DATABASE_URL, SMTP_POOL_CONNECTIONS: 'veel' }, /^SMTP_POOL_CONNECTIONS must be a whole number/],
    [{ DATABASE_URL, SMTP_URL: 'http://mail' }, /^SMTP_URL must be a smtp:\/\/ or smtps:\/\/ URL/],
    [{ DATABASE_URL, TEMPORAL_ADDRESS: 'localhost' }, /^TEMPORAL_ADDRESS must be host:port/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => WorkerConfig.fromEnv(env)).toThrow(ConfigError);
    expect(() => WorkerConfig.fromEnv(env)).toThrow(message);
  });
});
