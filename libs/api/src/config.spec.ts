import { inspect } from 'node:util';
import { API_ENV, ApiConfig, ConfigError } from './config';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jaarcyclus';
const KEY = Buffer.alloc(32, 7).toString('base64');
/** The least the api needs: a database and the keys of the workflow data. */
const BASE = { DATABASE_URL, TEMPORAL_PAYLOAD_KEYS: `k1:${KEY}`, TEMPORAL_PAYLOAD_KEY_ID: 'k1' };

describe('ApiConfig', () => {
  it('applies the documented defaults', () => {
    const config = ApiConfig.fromEnv(BASE);
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
      temporalUiOrigins: [],
      apiDocs: false,
    });
    expect(config.payloadKeyRing.toJSON()).toEqual({ currentKeyId: 'k1', ids: ['k1'] });
    expect(config.secureCookies).toBe(false);
    expect(API_ENV.required).toEqual(['DATABASE_URL', 'TEMPORAL_PAYLOAD_KEY_ID']);
    expect(API_ENV.requiredOneOf).toEqual([
      ['TEMPORAL_PAYLOAD_KEYS', 'TEMPORAL_PAYLOAD_KEYS_FILE'],
    ]);
  });

  it('reads every variable and drops a trailing slash from PUBLIC_URL', () => {
    const config = ApiConfig.fromEnv({
      ...BASE,
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'jaarcyclus',
      SMTP_URL: 'smtps://user:secret@mail.example:465',
      MAIL_FROM: 'noreply@stadsring.example',
      PUBLIC_URL: 'https://jaarcyclus.stadsring.example/',
      PORT: '8080',
      SESSION_TTL_HOURS: '8',
      LOGIN_LINKS_PER_PERSON: '3',
      TEMPORAL_UI_ORIGIN: 'https://temporal.stadsring.example',
      API_DOCS: 'on',
    });
    expect(config).toMatchObject({
      temporalAddress: 'temporal:7233',
      publicUrl: 'https://jaarcyclus.stadsring.example',
      port: 8080,
      sessionTtlHours: 8,
      loginLinksPerPerson: 3,
      temporalUiOrigins: ['https://temporal.stadsring.example'],
      apiDocs: true,
    });
    expect(config.secureCookies).toBe(true);
  });

  it.each([
    [{}, /^DATABASE_URL is required/],
    [{ ...BASE, API_DOCS: 'yes' }, /^API_DOCS must be on or off \(got 'yes'\)/],
    [
      { ...BASE, DATABASE_URL: 'mysql://localhost/x' },
      /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [{ ...BASE, PORT: 'abc' }, /^PORT must be a whole number from 1 to 65535 \(got 'abc'\)$/],
    [{ ...BASE, PORT: '70000' }, /^PORT must be/],
    [{ ...BASE, SESSION_TTL_HOURS: '0' }, /^SESSION_TTL_HOURS must be/],
    [
      { DATABASE_URL, LOGIN_LINKS_PER_PERSON: '0' },
      /^LOGIN_LINKS_PER_PERSON must be a whole number from 1 to 1000 \(got '0'\)$/,
    ],
    [{ ...BASE, TEMPORAL_ADDRESS: 'localhost' }, /^TEMPORAL_ADDRESS must be host:port/],
    [{ ...BASE, SMTP_URL: 'http://mail' }, /^SMTP_URL must be a smtp:\/\/ or smtps:\/\/ URL/],
    [{ ...BASE, PUBLIC_URL: 'localhost:3000' }, /^PUBLIC_URL /],
    [{ ...BASE, MAIL_FROM: 'Jaarcyclus' }, /^MAIL_FROM must be an address/],
    [{ DATABASE_URL }, /^TEMPORAL_PAYLOAD_KEYS \(or TEMPORAL_PAYLOAD_KEYS_FILE, .*\) is required/],
    [
      { ...BASE, TEMPORAL_PAYLOAD_KEY_ID: 'k2' },
      /^TEMPORAL_PAYLOAD_KEY_ID 'k2' is not one of the keys/,
    ],
    [
      { ...BASE, TEMPORAL_UI_ORIGIN: 'http://localhost:8233/ui' },
      /^TEMPORAL_UI_ORIGIN must be origins/,
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => ApiConfig.fromEnv(env)).toThrow(ConfigError);
    expect(() => ApiConfig.fromEnv(env)).toThrow(message);
  });

  it('never echoes a database URL, which may hold a password', () => {
    expect(() =>
      ApiConfig.fromEnv({ ...BASE, DATABASE_URL: 'postgres//user:geheim@host' }),
    ).toThrow(/^(?!.*geheim)/);
  });

  it('never shows the payload keys when the configuration is logged or serialised', () => {
    const config = ApiConfig.fromEnv(BASE);
    expect(JSON.stringify(config)).not.toContain(KEY.slice(0, 12));
    expect(inspect(config, { depth: 5 })).not.toContain(KEY.slice(0, 12));
  });
});
