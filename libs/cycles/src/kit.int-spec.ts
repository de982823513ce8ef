import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { OutboxService, createSmtpTransport } from '@jaarcyclus/mail';
import { DEMO_EMAILS, createDataSource, seedDemoData } from '@jaarcyclus/persistence';
import { SmtpCapture, createTestDatabase, type TestDatabase } from '@jaarcyclus/testing';
import { defineCycle } from './cycle';
import { type CycleKit, createCycleKit } from './kit';
import { semaphore } from './semaphore';

const PUBLIC_URL = 'https://jaarcyclus.test';
/** A cycle the tests declare, as a new one would: its own kind, one task kind of the existing. */
const TEST_CYCLE = defineCycle({ kind: 'kit_test', taskKinds: ['review'] });

describe('cycle kit (PostgreSQL + SMTP)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let smtp: SmtpCapture;
  let kit: CycleKit<'review'>;
  let org: string;
  const logged: LogEntry[] = [];

  /** Runs `fn` in an activity context, as the worker would (the kit logs through it). */
  const inActivity = <T>(fn: () => Promise<T>): Promise<T> =>
    new MockActivityEnvironment(undefined, {
      logger: new DefaultLogger('WARN', (entry) => logged.push(entry)),
    }).run(fn);
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await ds.query(sql, params)) as T[])[0]!;
  const personId = async (email: string): Promise<string> =>
    (await one<{ id: string }>(`SELECT id FROM person WHERE email = $1`, [email])).id;
  const mail = (subject: string) => ({
    subject,
    text: `${subject} text`,
    html: `<p>${subject}</p>`,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url).initialize();
    await seedDemoData(ds);
    smtp = await new SmtpCapture().start();
    const outbox = new OutboxService(
      ds,
      createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`),
      'Jaarcyclus <noreply@jaarcyclus.example>',
    );
    kit = createCycleKit(TEST_CYCLE, { dataSource: ds, outbox, publicUrl: `${PUBLIC_URL}//` });
    org = (await one<{ id: string }>(`SELECT id FROM organisation WHERE slug = 'stadsring'`)).id;
  });

  afterAll(async () => {
    await smtp?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  it('delivers a mail once per key, however often it is delivered', async () => {
    const to = (
      await kit.recipients(org, [await personId(DEMO_EMAILS.stadsring.director)])
    ).values();
    const director = [...to][0]!;
    const delivery = {
      organisationId: org,
      idempotencyKeyPrefix: 'kit_test:x:2026:once',
      to: director,
      mail: mail('Eenmaal'),
    };
    expect(await inActivity(() => kit.deliver(delivery))).toBe(true);
    expect(await inActivity(() => kit.deliver({ ...delivery, mail: mail('Tweemaal') }))).toBe(true);
    await Promise.all([kit.deliver(delivery), kit.deliver(delivery)]);
    await smtp.waitFor((m) => m.some((x) => x.subject === 'Eenmaal'));
    expect(smtp.to(DEMO_EMAILS.stadsring.director).map((m) => m.subject)).toEqual(['Eenmaal']);
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_message WHERE idempotency_key = $1`,
        [`kit_test:x:2026:once:${director.id}`],
      ),
    ).toEqual({ n: 1 });
  });

  it('skips a permanently refused address, logged, instead of failing the cycle', async () => {
    const email = DEMO_EMAILS.stadsring.oprMember;
    smtp.refused.add(email);
    try {
      const to = (await kit.recipients(org, [await personId(email)])).values();
      const delivered = await inActivity(() =>
        kit.deliver({
          organisationId: org,
          idempotencyKeyPrefix: 'kit_test:x:2026:refused',
          to: [...to][0]!,
          mail: mail('Geweigerd'),
        }),
      );
      expect(delivered).toBe(false);
      expect(logged.map((l) => l.message)).toContain('mail permanently refused; skipped');
    } finally {
      smtp.refused.delete(email);
    }
  });

  it('mails each active recipient once, in order, keyed by step and person; inactive people get nothing', async () => {
    const [active, inactive] = await Promise.all([
      personId(DEMO_EMAILS.stadsring.rvtChair),
      personId(DEMO_EMAILS.stadsring.ectMember),
    ]);
    await ds.query(`UPDATE person SET active = false WHERE id = $1`, [inactive]);
    try {
      const ids = [inactive, active, 'ffffffff-ffff-4fff-8fff-ffffffffffff'];
      const recipients = await kit.recipients(org, ids);
      expect([...recipients.keys()]).toEqual([active]);
      expect(
        [...(await kit.recipients(org, ids, { includeInactive: true })).keys()].sort(),
      ).toEqual([active, inactive].sort());
      const input = {
        organisationId: org,
        idempotencyKeyPrefix: 'kit_test:x:2026:r1:each',
        to: ids.map((id) => ({ personId: id, role: 'chair' })),
        recipients,
        render: (p: { name: string }, item: { role: string }) =>
          mail(`Aan ${p.name} (${item.role})`),
      };
      expect(await inActivity(() => kit.mailEach(input))).toBe(1);
      expect(await inActivity(() => kit.mailEach(input))).toBe(1);
      await smtp.waitFor((m) => m.some((x) => x.subject.startsWith('Aan ')));
      expect(smtp.to(DEMO_EMAILS.stadsring.rvtChair).map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Aan .* \(chair\)$/),
      ]);
      expect(smtp.to(DEMO_EMAILS.stadsring.ectMember)).toEqual([]);
      expect(
        await ds.query(`SELECT idempotency_key FROM outbox_message WHERE idempotency_key LIKE $1`, [
          'kit_test:x:2026:r1:each:%',
        ]),
      ).toEqual([{ idempotency_key: `kit_test:x:2026:r1:each:${active}` }]);
    } finally {
      await ds.query(`UPDATE person SET active = true WHERE id = $1`, [inactive]);
    }
  });

  it('stores a fan-out’s mails at once and sends them in batches of whole groups, each once', async () => {
    const emails = [
      DEMO_EMAILS.stadsring.alvMember,
      DEMO_EMAILS.stadsring.schoolContact,
      DEMO_EMAILS.stadsring.rvtChair,
    ];
    const people = await kit.recipients(org, await Promise.all(emails.map(personId)));
    const byEmail = new Map([...people.values()].map((p) => [p.email, p]));
    const stored = (group: string, email: string) => ({
      key: `kit_test:x:2026:school:${group}:invitation:${byEmail.get(email)!.id}`,
      to: byEmail.get(email)!,
      mail: mail(`Batch ${group}`),
    });
    const groups = new Map([
      ['a', [stored('a', emails[0]!), stored('a', emails[1]!)]],
      ['b', [stored('b', emails[2]!)]],
      ['c', [stored('c', emails[0]!)]],
    ]);
    smtp.refused.add(emails[2]!);
    try {
      await kit.storeMails(org, [...groups.values()].flat());
      const sendAll = async () => {
        const sent = kit.sendStoredInBatches(groups, {
          mailsPerBatch: 2,
          slot: semaphore(1),
        });
        await inActivity(() => Promise.all(['a', 'b', 'c'].map(sent)));
      };
      await sendAll();
      await sendAll(); // a retry
      await smtp.waitFor((m) => m.filter((x) => x.subject.startsWith('Batch ')).length >= 3);
      expect(
        smtp.messages
          .filter((m) => m.subject.startsWith('Batch '))
          .map((m) => `${m.subject} ${m.to.join()}`)
          .sort(),
      ).toEqual([`Batch a ${emails[0]}`, `Batch a ${emails[1]}`, `Batch c ${emails[0]}`].sort());
    } finally {
      smtp.refused.delete(emails[2]!);
    }
  });

  it('opens only the task kinds its cycle declares, once per step, with a link into the inbox', async () => {
    const task = {
      organisationId: org,
      personId: await personId(DEMO_EMAILS.stadsring.secretariat),
      workflowId: 'kit_test:x:2026',
      kind: 'review' as const,
      refKey: 'review:1',
      title: 'Beoordelen',
      dueAt: null,
      payload: {},
    };
    const id = await kit.openTask(task);
    expect(await kit.openTask(task)).toBe(id);
    expect(kit.taskUrl(id)).toBe(`${PUBLIC_URL}/app/tasks/${id}`);
    expect(() => kit.openTask({ ...task, kind: 'vote' as 'review' })).toThrow(
      "cycle kit_test declares no task kind 'vote'",
    );
  });

  it('publishes the state with its audit rows and task updates in one transaction, only over an older one', async () => {
    const WF = 'kit_test:x:2027';
    const secretariat = await personId(DEMO_EMAILS.stadsring.secretariat);
    await kit.openTask({
      organisationId: org,
      personId: secretariat,
      workflowId: WF,
      kind: 'review',
      refKey: 'r',
      title: 'T',
      dueAt: null,
      payload: {},
    });
    const row = {
      organisationId: org,
      workflowId: WF,
      year: 2027,
      title: 'Test 2027',
      status: 'running',
      createdByPersonId: null,
    };
    await kit.recordCycleStatus(row);
    const publish = (seq: number) =>
      kit.publishState({
        ...row,
        seq,
        state: { seq },
        writes: [
          {
            audit: {
              idempotencyKey: `${WF}:audit:${seq}`,
              organisationId: org,
              workflowId: WF,
              actorPersonId: null,
              action: 'reviewed',
              occurredAt: '2027-01-01T10:00:00.000Z',
              payload: {},
            },
          },
          {
            tasks: {
              workflowId: WF,
              kind: 'review',
              refKey: 'r',
              status: 'done',
              at: '2027-01-01T10:00:00.000Z',
            },
          },
        ],
      });
    await publish(2);
    await publish(2); // a retry
    await publish(1); // late and older
    expect(
      await one(`SELECT kind, status, state, state_seq FROM cycle WHERE workflow_id = $1`, [WF]),
    ).toEqual({ kind: 'kit_test', status: 'running', state: { seq: 2 }, state_seq: 2 });
    expect(
      await ds.query(
        `SELECT payload->>'idempotencyKey' AS key FROM audit_event WHERE workflow_id = $1 ORDER BY id`,
        [WF],
      ),
    ).toEqual([{ key: `${WF}:audit:2` }, { key: `${WF}:audit:1` }]);
    expect(await one(`SELECT status FROM task WHERE workflow_id = $1`, [WF])).toEqual({
      status: 'done',
    });
  });

  it('refuses an unknown organisation as a non-retryable NOT_FOUND', async () => {
    const err = await kit
      .organisationName('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
    expect(await kit.organisationName(org)).toBe('Samenwerkingsverband VO Stadsring');
  });
});
