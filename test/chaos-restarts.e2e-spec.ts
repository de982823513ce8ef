import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { PERSONAL_DATA_KEY_VARIABLES, PayloadKeyRing } from '@jaarcyclus/config';
import { createDataSource, runMigrations, seedDemoData } from '@jaarcyclus/persistence';
import { dataConverter } from '@jaarcyclus/temporal';
import { SmtpCapture, quietRuntime } from '@jaarcyclus/testing';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { createApiApp } from '@jaarcyclus/api-app/app.factory';
import { ApiConfig } from '@jaarcyclus/api/config';
import { OwnedPostgres, TemporalDevServer, WorkerProcess, randomMs, until } from './support/chaos';
import { lastBusinessMomentClock } from './support/stack';
import { figures } from './support/accountability-figures';

/**
 * Fault injection (issue #14; RELIABILITY.md): the Temporal dev server (its state in a SQLite
 * file) and a PostgreSQL cluster the suite owns are each restarted mid-cycle, Temporal with
 * SIGKILL, PostgreSQL with a fast shutdown that cuts every connection, while the members of a
 * budget cycle vote and two schools submit their accountability; the api and the worker (an
 * OS process of its own, restarted when it gives up, as a supervisor would) keep running.
 *
 * Checked: every vote and submission answered 2xx is kept (in the cycle's state, the audit log
 * and the tables); a person who got 503 meanwhile presses again until it is kept; no timer is
 * lost (every workflow still runs, each timer pending before is still pending after or fired,
 * none overdue; the schools' delayed starts keep their moment); the activity retries the
 * outage caused (server-side retry timers) fire after the restart.
 *
 * `npm test`: one restart of each; `npm run chaos`: CHAOS_RESTARTS=5.
 */
const RESTARTS = Number(process.env.CHAOS_RESTARTS ?? 1);
const BUDGET_YEAR = 2032;
const YEAR = 2026;

describe('chaos: Temporal and PostgreSQL restarted mid-cycle', () => {
  const pg = new OwnedPostgres();
  const temporal = new TemporalDevServer();
  let smtp: SmtpCapture;
  let ds: DataSource;
  let connection: Connection;
  let client: Client;
  let api: INestApplication;
  let worker: WorkerProcess;
  let baseUrl: string;

  beforeAll(async () => {
    quietRuntime();
    await pg.start();
    const url = pg.url();
    await runMigrations(url);
    ds = await createDataSource(url).initialize();
    await seedDemoData(ds);
    await temporal.start();
    smtp = await new SmtpCapture().start();
    const keys = PayloadKeyRing.generate('chaos-restarts');
    connection = await Connection.connect({ address: temporal.address });
    client = new Client({ connection, dataConverter: dataConverter(keys) });
    api = await createApiApp(
      ApiConfig.with({
        DATABASE_URL: url,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        PUBLIC_URL: 'http://jaarcyclus.test',
        ...keys.toEnv(),
        ...PayloadKeyRing.generate('chaos-restarts-pd').toEnvAs(PERSONAL_DATA_KEY_VARIABLES),
      }),
      { temporalClient: client, logger: ['error'] },
    );
    await api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    worker = new WorkerProcess({
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporal.address,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'http://jaarcyclus.test',
      WORKFLOW_BUNDLE: process.env.JAARCYCLUS_WORKFLOW_BUNDLE!,
      // The worker's clock at the last business moment: the budget round opens now, whatever
      // the hour of the run.
      CHAOS_FAN_OUT_CLOCK_OFFSET_MS: String(lastBusinessMomentClock()() - Date.now()),
      ...keys.toEnv(),
    });
    await worker.start();
  }, 240_000);

  afterAll(async () => {
    await worker?.stop();
    // The api's Temporal client may hold a retry timer of a call it answered 503 for.
    await new Promise((r) => setTimeout(r, 6_000));
    await api?.close();
    await connection?.close();
    await ds?.destroy();
    await temporal.stop();
    await pg.stop();
    await smtp?.stop();
  }, 60_000);

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // a page
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes
    return { status: res.status, body: parsed as any };
  };
  /** Presses until the answer is not 503 (or a dropped connection), as a person would. */
  const press = async (
    method: string,
    path: string,
    token: string,
    body: unknown,
    unavailable: { n: number },
  ) => {
    const end = Date.now() + 180_000;
    for (;;) {
      const res = await call(method, path, token, body).catch(() => ({ status: 0, body: null }));
      if (res.status !== 503 && res.status !== 0) return res;
      unavailable.n += 1;
      if (Date.now() > end) throw new Error(`${method} ${path} still unavailable after 3 minutes`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const sessionFor = async (personId: string): Promise<string> => {
    const token = randomBytes(32).toString('base64url');
    await ds.query(
      `INSERT INTO session (person_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '2 hours')`,
      [personId, createHash('sha256').update(token).digest('hex')],
    );
    return token;
  };

  /** Per workflow: its pending timers (id → fire moment) from its history, and its start moment. */
  const timersOf = async (workflowId: string) => {
    const handle = client.workflow.getHandle(workflowId);
    const d = await handle.describe();
    const pending = new Map<string, number>();
    for (const e of (await handle.fetchHistory()).events ?? []) {
      const started = e.timerStartedEventAttributes;
      if (started) {
        const seconds = Number(String(started.startToFireTimeout?.seconds ?? 0));
        const at = (Number(String(e.eventTime!.seconds)) + seconds) * 1000;
        pending.set(String(started.timerId), at);
      }
      const done = e.timerFiredEventAttributes ?? e.timerCanceledEventAttributes;
      if (done) pending.delete(String(done.timerId));
    }
    return { status: d.status.name, executionTime: d.executionTime?.getTime() ?? null, pending };
  };

  it('keeps every vote, submission and timer across the restarts', async () => {
    const started = Date.now();
    const person = async (email: string) =>
      ((await ds.query(`SELECT id FROM person WHERE email = $1`, [email])) as { id: string }[])[0]!
        .id;
    const secretariat = await sessionFor(await person('secretariaat@stadsring.example'));
    const schools = (await ds.query(
      `SELECT s.id, s.name, p.id AS contact FROM school s JOIN person p ON p.school_id = s.id
        WHERE s.name IN ('Stadsring College', 'Hunzeborg College') ORDER BY s.name`,
    )) as { id: string; name: string; contact: string }[];
    const budget = await call('POST', '/api/budget-cycles', secretariat, {
      budgetYear: BUDGET_YEAR,
      proposal: { url: 'https://docs.example/begroting-2032.pdf', versionLabel: 'Concept v1' },
      allocation: { amountPerPupilCents: 18_550, equityCents: 25_000_000, turnoverCents: 1e9 },
    });
    expect(budget.status).toBe(201);
    const budgetId = budget.body.workflowId as string;
    const accountability = await call('POST', '/api/accountability-cycles', secretariat, {
      accountingYear: YEAR,
      schoolIds: schools.map((s) => s.id),
    });
    expect(accountability.status).toBe(201);
    const schoolWorkflows = (await ds.query(
      `SELECT DISTINCT workflow_id FROM audit_event WHERE workflow_id LIKE 'accountability:%' AND action = 'started'`,
    )) as { workflow_id: string }[];
    await until('the fan-out', async () => {
      const rows = (await ds.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE workflow_id LIKE 'accountability:%:%:%' AND action = 'started'`,
      )) as [{ n: number }];
      return rows[0].n >= 2;
    });
    const voters = (await ds.query(
      `SELECT p.id, b.key AS body FROM person p JOIN body_member m ON m.person_id = p.id
         JOIN body b ON b.id = m.body_id JOIN organisation o ON o.id = b.organisation_id
        WHERE o.slug = 'stadsring' AND b.key IN ('alv', 'rvt', 'opr') AND p.active ORDER BY b.key, p.email`,
    )) as { id: string; body: string }[];
    await until('the round to open', async () => {
      const rows = (await ds.query(
        `SELECT count(*)::int AS n FROM task WHERE workflow_id = $1 AND kind = 'vote'`,
        [budgetId],
      )) as [{ n: number }];
      return rows[0].n === voters.length;
    });
    const ids = [
      budgetId,
      ...(
        (await ds.query(
          `SELECT DISTINCT workflow_id FROM audit_event WHERE workflow_id LIKE 'accountability:%:%:%' AND action = 'started'`,
        )) as { workflow_id: string }[]
      ).map((r) => r.workflow_id),
    ];
    expect(schoolWorkflows.length + ids.length).toBeGreaterThan(0);
    // The round waits for its deadline (and reminders) on a timer.
    await until(
      'the round to wait on its timer',
      async () => (await timersOf(budgetId)).pending.size > 0,
    );
    const before = new Map(
      await Promise.all(ids.map(async (id) => [id, await timersOf(id)] as const)),
    );

    // The faults, in turn: Temporal, then PostgreSQL, RESTARTS times each; a share of the
    // votes and the two submissions in between.
    const unavailable = { n: 0 };
    const kept: string[] = [];
    const closed: string[] = [];
    const faults: (() => Promise<void>)[] = [];
    for (let i = 0; i < RESTARTS; i += 1) {
      faults.push(
        () => temporal.restart(),
        () => pg.restart(),
      );
    }
    const chunks = faults.length + 1;
    const decided = new Set<string>();
    const submissions: number[] = [];
    // Signed in before the faults (a session outlives a restart; signing in needs the database).
    const tokens = new Map<string, string>();
    for (const id of [...voters.map((v) => v.id), ...schools.map((x) => x.contact)]) {
      tokens.set(id, await sessionFor(id));
    }
    const castChunk = async (c: number) => {
      for (const v of voters.filter((_v, i) => i % chunks === c)) {
        if (decided.has(v.body)) continue;
        const res = await press(
          'POST',
          `/api/budget-cycles/${BUDGET_YEAR}/votes`,
          tokens.get(v.id)!,
          { bodyKey: v.body, value: 'for' },
          unavailable,
        );
        if (res.status === 409) {
          closed.push(v.id);
          decided.add(v.body);
          continue;
        }
        expect(res.status).toBe(200);
        kept.push(v.id);
        if (res.body.status === 'approved') decided.add(v.body);
      }
      // The schools submit while the first and the second fault happen (one of each kind).
      const school = c < schools.length ? schools[c] : undefined;
      if (school) {
        const [fixed, variable, extra] =
          school.name === 'Stadsring College'
            ? ['58.000,00', '120.000,00', '110000']
            : ['54.000,00', '100.000,00', '100000'];
        const res = await press(
          'POST',
          `/api/accountability-cycles/${YEAR}/schools/${school.id}/submissions`,
          tokens.get(school.contact)!,
          figures(fixed, variable, extra),
          unavailable,
        );
        expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
        submissions.push(res.status);
      }
    };
    // Each share of the votes (and a submission) is cast while a part goes down and comes
    // back: what meets the outage is answered 503 and pressed again.
    for (let c = 0; c < chunks; c += 1) {
      const fault = faults[c];
      await Promise.all([
        (async () => {
          if (fault) await new Promise((r) => setTimeout(r, randomMs(100, 800)));
          await castChunk(c);
        })(),
        fault
          ? (async () => {
              await fault();
              await worker.ensureRunning();
            })()
          : undefined,
      ]);
    }
    await worker.ensureRunning();

    // Votes: every 200 in the cycle's state and the audit log once.
    await until(
      'the audit of every kept vote',
      async () => {
        const rows = (await ds.query(
          `SELECT actor_person_id FROM audit_event WHERE workflow_id = $1 AND action = 'vote_cast'`,
          [budgetId],
        )) as { actor_person_id: string }[];
        return kept.every((id) => rows.some((r) => r.actor_person_id === id));
      },
      180_000,
    );
    const audit = (await ds.query(
      `SELECT actor_person_id, count(*)::int AS n FROM audit_event
        WHERE workflow_id = $1 AND action = 'vote_cast' GROUP BY actor_person_id`,
      [budgetId],
    )) as { actor_person_id: string; n: number }[];
    expect(audit.filter((a) => a.n !== 1)).toEqual([]);
    const status = await press(
      'GET',
      `/api/budget-cycles/${BUDGET_YEAR}`,
      secretariat,
      undefined,
      unavailable,
    );
    const timeline = (status.body.timeline as { code: string; actorPersonId?: string }[]).filter(
      (e) => e.code === 'vote_cast',
    );
    for (const id of kept) expect(timeline.filter((e) => e.actorPersonId === id)).toHaveLength(1);

    // Submissions: both stored once and known to the schools' workflows.
    const stored = (await ds.query(
      `SELECT school_id, count(*)::int AS n FROM accountability_submission
        WHERE school_id = ANY($1) GROUP BY school_id`,
      [schools.map((s) => s.id)],
    )) as { school_id: string; n: number }[];
    expect(stored.map((s) => s.n)).toEqual([1, 1]);
    await until('both schools to show as submitted', async () => {
      const rows = (await ds.query(
        `SELECT status FROM school_accountability WHERE school_id = ANY($1) AND accounting_year = $2`,
        [schools.map((s) => s.id), YEAR],
      )) as { status: string }[];
      return rows.length === 2 && rows.every((r) => r.status === 'submitted');
    });

    // Timers: every workflow still runs; a timer pending before is pending after (same moment)
    // or fired; no pending timer is overdue; the delayed starts keep their moment.
    const lost: string[] = [];
    for (const id of ids) {
      const was = before.get(id)!;
      const now = await timersOf(id);
      if (now.status !== 'RUNNING') lost.push(`${id}: ${now.status}`);
      if (now.executionTime !== was.executionTime) lost.push(`${id}: start moment moved`);
      for (const [timer, at] of now.pending) {
        if (at < Date.now() - 5_000) lost.push(`${id}: timer ${timer} overdue`);
      }
      for (const [timer, at] of was.pending) {
        const still = now.pending.get(timer);
        if (still !== undefined && still !== at) lost.push(`${id}: timer ${timer} moved`);
      }
    }
    expect(lost).toEqual([]);
    for (const r of worker.exitReports) console.warn(`worker exited by itself: ${r}`);
    const pendingTimers = [...before.values()].reduce((n, t) => n + t.pending.size, 0);
    console.info(
      `chaos (restarts): Temporal ${temporal.restarts}×, PostgreSQL ${pg.restarts}×; ${kept.length} votes kept, ${closed.length} after the body was decided, ${unavailable.n} answers 503 pressed again, ${submissions.length} submissions kept, ${ids.length} workflows with ${pendingTimers} pending timers checked, 0 lost; worker restarted by the supervisor ${worker.unexpectedExits}×; ${Math.round((Date.now() - started) / 1000)} s`,
    );
  }, 900_000);
});
