import { createDataSource, DEMO_EMAILS, QueryLogger } from '@jaarcyclus/persistence';
import { createTestDatabase, SmtpCapture, type TestDatabase } from '@jaarcyclus/testing';
import { startApi } from '@jaarcyclus/api-app/testing/api-harness';
import { JsonLogger } from './json-logger';

/** The logs hold no personal data (issue #14): read back what the processes wrote. */
describe('logs without personal data', () => {
  let db: TestDatabase;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await new SmtpCapture().start();
  }, 60_000);

  afterAll(async () => {
    await smtp.stop();
    await db.drop();
  }, 60_000);

  it('logs a refused sign-in mail as a JSON line without the address or the token', async () => {
    const lines: string[] = [];
    const email = DEMO_EMAILS.stadsring.director;
    const api = await startApi(db.url, smtp, {
      logger: new JsonLogger(['log', 'warn', 'error'], (line) => lines.push(line)),
    });
    try {
      // A relay that quotes the recipient in its refusal, as Postfix does.
      smtp.relayRefusal = {
        at: 'rcpt',
        code: 554,
        message: `5.7.1 <${email}>: Relay access denied`,
      };
      await api.http().post('/api/auth/login').send({ email }).expect(202);
      await api.mailSettled();
    } finally {
      smtp.relayRefusal = null;
      await api.close();
    }
    const warning = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.context === 'MailDispatcher');
    expect(warning).toMatchObject({
      level: 'warn',
      process: 'api',
      msg: expect.stringContaining('[email]'),
    });
    const all = lines.join('\n');
    expect(all).not.toContain(email);
    expect(all).not.toMatch(/@stadsring\.example/);
  }, 60_000);

  it('logs a failed statement with its SQL and error code, never its parameters', async () => {
    const lines: string[] = [];
    const ds = await createDataSource(db.url, {
      logger: new QueryLogger((l) => lines.push(l)),
    }).initialize();
    try {
      await expect(
        ds.query(`INSERT INTO person (organisation_id, email, name) VALUES ($1, $2, $3)`, [
          'ffffffff-ffff-4fff-8fff-ffffffffffff',
          'femke.deboer@stadsring-college.example',
          'Femke de Boer',
        ]),
      ).rejects.toThrow();
    } finally {
      await ds.destroy();
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      msg: 'query failed',
      code: '23503',
      query: expect.stringContaining('INSERT INTO person'),
    });
    expect(lines[0]).not.toMatch(/femke|Femke de Boer/i);
  }, 60_000);
});
