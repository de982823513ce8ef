import { createHash, randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  DEMO_EMAILS,
  EXPIRED_SIGN_IN_HOURS,
  OUTBOX_SENT_BODY_HOURS,
  UNUSED_DOCUMENT_DAYS,
  createDataSource,
  seedDemoData,
} from '@jaarcyclus/persistence';
import { createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import type { HousekeepingActivities, HousekeepingStepInput } from '@jaarcyclus/workflows';
import { createHousekeepingActivities } from './housekeeping.activities';

/** Log lines of the activities are not asserted. */
const quiet = new DefaultLogger('ERROR', () => undefined);

/** Runs an activity inside an activity context, as the worker would. */
function run<K extends keyof HousekeepingActivities>(
  acts: HousekeepingActivities,
  name: K,
  at: Date,
): ReturnType<HousekeepingActivities[K]> {
  const fn = acts[name] as (input: HousekeepingStepInput) => Promise<unknown>;
  const env = new MockActivityEnvironment(undefined, { logger: quiet });
  return env.run<[HousekeepingStepInput], unknown, typeof fn>(fn, {
    at: at.toISOString(),
  }) as ReturnType<HousekeepingActivities[K]>;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

// The deletions the api's setInterval housekeeping used to run (and its tests in
// libs/api auth.int-spec and documents.int-spec asserted), now run by the worker's activities
// for the Temporal Schedule `housekeeping`, on a real PostgreSQL built by the migrations.
describe('housekeeping activities (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let acts: HousekeepingActivities;
  let stadsring: string;
  let rijnoever: string;
  let secretariat: string;

  const one = async <T>(sql: string, params: unknown[]): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;

  const exists = async (table: 'document' | 'session' | 'login_token', id: string) =>
    (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [id])).n ===
    1;

  const count = async (table: 'document' | 'session' | 'login_token') =>
    (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`, [])).n;

  const upload = async (organisationId: string, createdAt: Date, usedAt: Date | null = null) => {
    const content = Buffer.from(`%PDF-1.4\n${randomBytes(8).toString('hex')}\n%%EOF\n`);
    const row = await one<{ id: string }>(
      `INSERT INTO document (organisation_id, filename, content_type, size_bytes, sha256, content, created_at, used_at)
       VALUES ($1, 'voorstel.pdf', 'application/pdf', $2, $3, $4, $5, $6) RETURNING id`,
      [
        organisationId,
        content.length,
        createHash('sha256').update(content).digest('hex'),
        content,
        createdAt,
        usedAt,
      ],
    );
    return row.id;
  };

  const session = async (expiresAt: Date, revokedAt: Date | null = null) =>
    (
      await one<{ id: string }>(
        `INSERT INTO session (person_id, token_hash, expires_at, revoked_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [secretariat, randomBytes(32).toString('hex'), expiresAt, revokedAt],
      )
    ).id;

  const loginToken = async (expiresAt: Date, usedAt: Date | null = null) =>
    (
      await one<{ id: string }>(
        `INSERT INTO login_token (person_id, token_hash, expires_at, used_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [secretariat, randomBytes(32).toString('hex'), expiresAt, usedAt],
      )
    ).id;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
    await seedDemoData(ds);
    acts = createHousekeepingActivities({ dataSource: ds });
    const org = async (slug: string) =>
      (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = $1`, [slug])).id;
    stadsring = await org('stadsring');
    rijnoever = await org('rijnoever');
    secretariat = (
      await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [
        DEMO_EMAILS.stadsring.secretariat,
      ])
    ).id;
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('removes the uploads no cycle used within two weeks, of every SWV, and nothing else; once', async () => {
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);
    const abandoned = await upload(stadsring, daysAgo(UNUSED_DOCUMENT_DAYS + 1));
    const abandonedElsewhere = await upload(rijnoever, daysAgo(UNUSED_DOCUMENT_DAYS + 30));
    // Older than the limit, but a cycle used it.
    const used = await upload(
      stadsring,
      daysAgo(UNUSED_DOCUMENT_DAYS + 1),
      daysAgo(UNUSED_DOCUMENT_DAYS),
    );
    const recent = await upload(stadsring, daysAgo(UNUSED_DOCUMENT_DAYS - 1));
    const before = await count('document');

    await expect(run(acts, 'removeUnusedDocuments', now)).resolves.toBe(2);
    expect(await exists('document', abandoned)).toBe(false);
    expect(await exists('document', abandonedElsewhere)).toBe(false);
    expect(await exists('document', used)).toBe(true);
    expect(await exists('document', recent)).toBe(true);
    expect(await count('document')).toBe(before - 2);
    // Nothing twice: the next run (or a retry) finds nothing more to remove.
    await expect(run(acts, 'removeUnusedDocuments', now)).resolves.toBe(0);
    // The recent upload goes once it, too, is two weeks old and still unused.
    await expect(
      run(acts, 'removeUnusedDocuments', new Date(now.getTime() + 2 * DAY)),
    ).resolves.toBe(1);
    expect(await exists('document', recent)).toBe(false);
    expect(await exists('document', used)).toBe(true);
  });

  it('forgets sign-in links and sessions a day after they expired or ended, and nothing sooner; once', async () => {
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR);
    const kept = await session(new Date(now.getTime() + 12 * HOUR));
    const expired = await session(hoursAgo(EXPIRED_SIGN_IN_HOURS + 1));
    const ended = await session(
      new Date(now.getTime() + 12 * HOUR),
      hoursAgo(EXPIRED_SIGN_IN_HOURS + 1),
    );
    const recent = await session(hoursAgo(EXPIRED_SIGN_IN_HOURS - 1));
    const recentlyEnded = await session(new Date(now.getTime() + 12 * HOUR), hoursAgo(1));
    const oldLinks = [
      await loginToken(hoursAgo(48)),
      await loginToken(hoursAgo(48), hoursAgo(48.1)),
      await loginToken(hoursAgo(EXPIRED_SIGN_IN_HOURS + 1)),
    ];
    const recentLink = await loginToken(hoursAgo(EXPIRED_SIGN_IN_HOURS - 1));
    const validLink = await loginToken(new Date(now.getTime() + 10 * 60 * 1000));
    const sessionsBefore = await count('session');
    const linksBefore = await count('login_token');

    await expect(run(acts, 'removeExpiredSignIns', now)).resolves.toEqual({
      loginTokens: oldLinks.length,
      sessions: 2,
    });
    expect(await count('session')).toBe(sessionsBefore - 2);
    expect(await count('login_token')).toBe(linksBefore - oldLinks.length);
    for (const id of [expired, ended]) expect(await exists('session', id)).toBe(false);
    for (const id of [kept, recent, recentlyEnded]) expect(await exists('session', id)).toBe(true);
    for (const id of oldLinks) expect(await exists('login_token', id)).toBe(false);
    for (const id of [recentLink, validLink]) expect(await exists('login_token', id)).toBe(true);
    // Nothing twice.
    await expect(run(acts, 'removeExpiredSignIns', now)).resolves.toEqual({
      loginTokens: 0,
      sessions: 0,
    });
  });

  it('removes each row once when two attempts overlap (a retry after a timeout while the first still runs)', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - (UNUSED_DOCUMENT_DAYS + 1) * DAY);
    for (let i = 0; i < 20; i++) await upload(i % 2 ? stadsring : rijnoever, old);
    const [a, b] = await Promise.all([
      run(acts, 'removeUnusedDocuments', now),
      run(acts, 'removeUnusedDocuments', now),
    ]);
    expect(a + b).toBe(20);
  });

  it('blanks the bodies of mails sent longer ago than OUTBOX_SENT_BODY_HOURS, not of unsent or recent ones; once', async () => {
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR);
    const message = async (key: string, status: string, sentAt: Date | null, createdAt: Date) =>
      ds.query(
        `INSERT INTO outbox_message (idempotency_key, organisation_id, to_address, subject, text_body, html_body, status, sent_at, created_at)
         VALUES ($1, $2, 'lid@stadsring.example', 'Onderwerp', 'tekst', '<p>tekst</p>', $3, $4, $5)`,
        [key, stadsring, status, sentAt, createdAt],
      );
    const old = hoursAgo(OUTBOX_SENT_BODY_HOURS + 1);
    await message('body:sent-old', 'sent', old, old);
    await message('body:sent-recent', 'sent', hoursAgo(OUTBOX_SENT_BODY_HOURS - 1), old);
    await message('body:pending-old', 'pending', null, old);
    await message('body:failed-old', 'failed', null, old);
    const bodies = async () =>
      Object.fromEntries(
        (
          (await ds.query(
            `SELECT idempotency_key AS k, text_body || '|' || html_body || '|' || subject AS b
               FROM outbox_message WHERE idempotency_key LIKE 'body:%'`,
          )) as { k: string; b: string }[]
        ).map((r) => [r.k, r.b]),
      );

    await expect(run(acts, 'blankSentMailBodies', now)).resolves.toBe(1);
    expect(await bodies()).toEqual({
      'body:sent-old': '||Onderwerp',
      'body:sent-recent': 'tekst|<p>tekst</p>|Onderwerp',
      'body:pending-old': 'tekst|<p>tekst</p>|Onderwerp',
      'body:failed-old': 'tekst|<p>tekst</p>|Onderwerp',
    });
    await expect(run(acts, 'blankSentMailBodies', now)).resolves.toBe(0);

    // A shorter configured period blanks the recent one too; still never an unsent mail.
    const short = createHousekeepingActivities({ dataSource: ds, outboxSentBodyHours: 1 });
    await expect(run(short, 'blankSentMailBodies', now)).resolves.toBe(1);
    expect(await bodies()).toMatchObject({
      'body:sent-recent': '||Onderwerp',
      'body:pending-old': 'tekst|<p>tekst</p>|Onderwerp',
    });
  });

  it('refuses a malformed start time without a retry', async () => {
    const refused = new MockActivityEnvironment(undefined, { logger: quiet }).run(
      acts.removeUnusedDocuments,
      { at: 'yesterday' },
    );
    await expect(refused).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(refused).rejects.toMatchObject({ nonRetryable: true, type: 'VALIDATION' });
  });
});
