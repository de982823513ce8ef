import { API_ENV, ApiConfig, ConfigError } from './config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jaarcyclus';

describe('ApiConfig', () => {
  it('applies the documented defaults', () => {
    const config = ApiConfig.fromEnv({ DATABASE_URL });
    expect(config).toMatchObject({
      databaseUrl: DATABASE_URL,
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
      smtpUrl: 'smtp://127.0.0.1:1025',
      mailFrom: 'Jaarcyclus <noreply@jaarcyclus.example>',
      publicUrl: 'http://localhost:3000',
      port: 3000,
      sessionTtlHours: 12,
      loginLinksPerPerson: 5,
    });
    expect(config.secureCookies).toBe(false);
    expect(API_ENV.required).toEqual(['DATABASE_URL']);
  });

  it('reads every variable and drops a trailing slash from PUBLIC_URL', () => {
    const config = ApiConfig.fromEnv({
      DATABASE_URL,
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'jaarcyclus',
      SMTP_URL: 'smtps://user:secret@mail.example:465',
      MAIL_FROM: 'noreply@stadsring.example',
      PUBLIC_URL: 'https://jaarcyclus.stadsring.example/',
      PORT: '8080',
      SESSION_TTL_HOURS: '8',
      LOGIN_LINKS_PER_PERSON: '3',
    });
    expect(config).toMatchObject({
      temporalAddress: 'temporal:7233',
      publicUrl: 'https://jaarcyclus.stadsring.example',
      port: 8080,
      sessionTtlHours: 8,
      loginLinksPerPerson: 3,
    });
    expect(config.secureCookies).toBe(true);
  });

  it.each([
    [{}, /^DATABASE_URL is required/],
    [
      { DATABASE_URL: 'mysql://localhost/x' },
      /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [{ DATABASE_URL, PORT: 'abc' }, /^PORT must be a whole number from 1 to 65535 \(got 'abc'\)$/],
    [{ DATABASE_URL, PORT: '70000' }, /^PORT must be/],
    [{ DATABASE_URL, SESSION_TTL_HOURS: '0' }, /^SESSION_TTL_HOURS must be/],
    [
      { DATABASE_URL, LOGIN_LINKS_PER_PERSON: '0' },
      /^LOGIN_LINKS_PER_PERSON must be a whole number from 1 to 1000 \(got '0'\)$/,
    ],
    [{ DATABASE_URL, TEMPORAL_ADDRESS: 'localhost' }, /^TEMPORAL_ADDRESS must be host:port/],
    [{ DATABASE_URL, SMTP_URL: 'http://mail' }, /^SMTP_URL must be a smtp:\/\/ or smtps:\/\/ URL/],
    [{ DATABASE_URL, PUBLIC_URL: 'localhost:3000' }, /^PUBLIC_URL /],
    [{ DATABASE_URL, MAIL_FROM: 'Jaarcyclus' }, /^MAIL_FROM must be an address/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => ApiConfig.fromEnv(env)).toThrow(ConfigError);
    expect(() => ApiConfig.fromEnv(env)).toThrow(message);
  });

  it('never echoes a database URL, which may hold a password', () => {
    expect(() => ApiConfig.fromEnv({ DATABASE_URL: 'postgres//user:geheim@host' })).toThrow(
      /^(?!.*geheim)/,
    );
  });
});
