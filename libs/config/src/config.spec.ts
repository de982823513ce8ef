import {
  ConfigError,
  databaseUrl,
  hostPort,
  integer,
  mailFrom,
  origins,
  publicUrl,
  smtpUrl,
  temporalNamespace,
} from './index';

/** The message a check refuses `run` with. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the value was accepted');
}

describe('environment checks shared by the api and the worker', () => {
  it('requires DATABASE_URL as a postgres URL, and never echoes it (it may hold a password)', () => {
    expect(refusal(() => databaseUrl({}))).toBe(
      'DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/jaarcyclus',
    );
    const message = refusal(() => databaseUrl({ DATABASE_URL: 'mysql://root:geheim@db/jc' }));
    expect(message).toBe('DATABASE_URL must be a postgres:// or postgresql:// URL with a host');
    expect(refusal(() => databaseUrl({ DATABASE_URL: 'geheim' }))).not.toContain('geheim');
    expect(databaseUrl({ DATABASE_URL: ' postgres://u:p@127.0.0.1:5432/jc ' })).toBe(
      'postgres://u:p@127.0.0.1:5432/jc',
    );
  });

  it('takes host:port with a port from 1 to 65535', () => {
    expect(hostPort('TEMPORAL_ADDRESS', 'temporal:7233')).toBe('temporal:7233');
    expect(hostPort('TEMPORAL_ADDRESS', '[::1]:7233')).toBe('[::1]:7233');
    expect(refusal(() => hostPort('TEMPORAL_ADDRESS', 'temporal:70000'))).toBe(
      "TEMPORAL_ADDRESS must be host:port, e.g. 127.0.0.1:7233 (got 'temporal:70000')",
    );
    expect(refusal(() => hostPort('TEMPORAL_ADDRESS', 'temporal'))).toContain('host:port');
  });

  it('takes whole numbers in range, written as digits only', () => {
    expect(integer('PORT', '3000', 1, 65535)).toBe(3000);
    for (const bad of ['0', '65536', '3e3', '-1', '12.5', ' ']) {
      expect(refusal(() => integer('PORT', bad, 1, 65535))).toBe(
        `PORT must be a whole number from 1 to 65535 (got '${bad}')`,
      );
    }
  });

  it('checks the namespace, the sender, the SMTP URL and the public URL', () => {
    expect(temporalNamespace('jaarcyclus-prod')).toBe('jaarcyclus-prod');
    expect(refusal(() => temporalNamespace('jaar cyclus'))).toContain('a Temporal namespace name');
    expect(mailFrom('Jaarcyclus <noreply@swv.nl>')).toBe('Jaarcyclus <noreply@swv.nl>');
    expect(mailFrom('noreply@swv.nl')).toBe('noreply@swv.nl');
    expect(refusal(() => mailFrom('noreply'))).toBe(
      `MAIL_FROM must be an address such as "Jaarcyclus <noreply@example.org>" (got 'noreply')`,
    );
    expect(smtpUrl('smtps://relay.example:465')).toBe('smtps://relay.example:465');
    expect(refusal(() => smtpUrl('http://relay.example'))).toBe(
      'SMTP_URL must be a smtp:// or smtps:// URL with a host',
    );
    expect(publicUrl('https://jaarcyclus.swv.nl//')).toBe('https://jaarcyclus.swv.nl');
  });

  it('takes browser origins, comma-separated, without a path', () => {
    expect(origins('TEMPORAL_UI_ORIGIN', '')).toEqual([]);
    expect(
      origins('TEMPORAL_UI_ORIGIN', 'http://localhost:8233, https://temporal.swv.example/'),
    ).toEqual(['http://localhost:8233', 'https://temporal.swv.example']);
    for (const bad of [
      'localhost:8233',
      'https://temporal.swv.example/ui',
      'ftp://x.example',
      '*',
    ]) {
      expect(refusal(() => origins('TEMPORAL_UI_ORIGIN', bad))).toBe(
        `TEMPORAL_UI_ORIGIN must be origins such as https://temporal.example.org (scheme, host and port; no path), comma-separated (got '${bad}')`,
      );
    }
  });
});
