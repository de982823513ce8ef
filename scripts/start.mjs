// `npm start`: the whole service on this machine, with demo data.
//   PostgreSQL  DATABASE_URL, else 127.0.0.1:5432, else an embedded PostgreSQL under .data/
//   Temporal    TEMPORAL_ADDRESS, else `temporal server start-dev` with its SQLite file under .data/
//   Mail        SMTP_URL, else a local SMTP sink with a web inbox
//   api+worker  compiled to dist/, started as child processes
//   Keys        TEMPORAL_PAYLOAD_KEYS(_FILE), else a random key made once in .data/temporal-payload-keys
// Ctrl-C stops everything; a second `npm start` finds its data again.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureDependencies, root } = require('./lib/deps.cjs');

const log = (line) => console.log(`[start] ${line}`);
const children = [];
const cleanups = [];
let stopping = false;

async function main() {
  ensureDependencies(log);
  const { temporalCli } = require('./lib/tools.cjs');
  const { resolvePostgres, ensureDatabase, canConnect } = require('./lib/postgres.cjs');
  const { startMailSink } = require('./lib/mail-sink.cjs');
  const dataDir = path.join(root, '.data');
  const port = Number(process.env.PORT ?? 3000);
  if (await canConnect('127.0.0.1', port))
    fail(`Port ${port} is already in use — stop the other process or set PORT`);
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  const payloadKeys = ensurePayloadKeys(dataDir);
  // Pupil data at rest (schakeltrajecten): a key ring of its own, the api's only.
  const personalDataKeys = ensureKeyFile(dataDir, {
    prefix: 'PERSONAL_DATA',
    file: 'personal-data-keys',
    what: 'Keys of the pupil data at rest in PostgreSQL (schakeltrajecten), made by npm start.',
    label: 'Pupil data',
  });

  // PostgreSQL
  const pg = await resolvePostgres({ embeddedDir: path.join(dataDir, 'postgres', 'data'), log });
  cleanups.push(() => pg.stop());
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(pg.url, 'jaarcyclus'));
  log(`PostgreSQL: ${pg.source}`);

  // Temporal
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalUi = process.env.TEMPORAL_UI_URL ?? null;
  if (!temporalAddress) {
    temporalAddress = '127.0.0.1:7233';
    temporalUi = 'http://127.0.0.1:8233';
    if (await canConnect('127.0.0.1', 7233)) {
      log('Temporal: a server already listens on 127.0.0.1:7233, using it');
    } else {
      const cli = temporalCli(log);
      fs.mkdirSync(path.join(dataDir, 'temporal'), { recursive: true });
      spawnChild('temporal', cli, [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        '7233',
        '--ui-port',
        '8233',
        '--db-filename',
        path.join(dataDir, 'temporal', 'dev.sqlite'),
        '--log-level',
        'error',
        // Payloads are encrypted; the UI asks the api to decrypt them for a signed-in operator.
        '--ui-codec-endpoint',
        `${publicUrl}/api/temporal-codec`,
      ]);
      await waitForPort(7233, 60, 'Temporal dev server');
      log('Temporal: dev server started (data in .data/temporal)');
    }
  }

  // Mail
  let smtpUrl = process.env.SMTP_URL;
  let inboxUrl = null;
  if (!smtpUrl) {
    const sink = await startMailSink({ dataDir: path.join(dataDir, 'mail') }).catch((err) =>
      fail(
        `Local mail sink could not start (${err.code ?? err.message}) — free ports 1025/1080 or set SMTP_URL`,
      ),
    );
    cleanups.push(() => sink.stop());
    smtpUrl = sink.smtpUrl;
    inboxUrl = sink.inboxUrl;
  }

  // Build, migrate, seed
  log('Compiling (tsc) …');
  run('node', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  const bundlePath = path.join(root, 'dist', 'workflow-bundle.js');
  log('Bundling workflows …');
  run('node', [path.join(root, 'scripts', 'bundle-workflows.cjs'), bundlePath]);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    SMTP_URL: smtpUrl,
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    WORKFLOW_BUNDLE: bundlePath,
    ...payloadKeys,
    ...personalDataKeys,
    // The dev server's Web UI (open it at localhost, the api's site, for the session cookie).
    TEMPORAL_UI_ORIGIN: process.env.TEMPORAL_UI_ORIGIN ?? 'http://localhost:8233',
    // A demo signs the same people in and out many times; production keeps the default (5).
    LOGIN_LINKS_PER_PERSON: process.env.LOGIN_LINKS_PER_PERSON ?? '50',
    // The OpenAPI docs at /api/docs: on here (development); production keeps the default (off).
    API_DOCS: process.env.API_DOCS ?? 'on',
  };
  run(
    'node',
    ['-r', path.join(root, 'scripts', 'lib', 'register-dist.cjs'), 'dist/apps/api/src/cli/seed.js'],
    env,
  );

  spawnChild(
    'worker',
    'node',
    ['-r', './scripts/lib/register-dist.cjs', 'dist/apps/worker/src/main.js'],
    env,
  );
  spawnChild(
    'api',
    'node',
    ['-r', './scripts/lib/register-dist.cjs', 'dist/apps/api/src/main.js'],
    env,
  );
  await waitForPort(port, 90, 'API');

  console.log(`
  Jaarcyclus draait / is running

    Web app           ${env.PUBLIC_URL}/login
    API + health      ${env.PUBLIC_URL}/health
    OpenAPI docs      ${env.PUBLIC_URL}/api/docs
    Temporal Web UI   ${temporalUi ? temporalUi.replace('127.0.0.1', 'localhost') : '(external Temporal: ' + temporalAddress + ')'}
    Mail inbox        ${inboxUrl ?? '(external SMTP: ' + smtpUrl + ')'}
    Workflow data     encrypted with key ${env.TEMPORAL_PAYLOAD_KEY_ID} (${payloadKeys.TEMPORAL_PAYLOAD_KEYS_FILE ? path.relative(root, payloadKeys.TEMPORAL_PAYLOAD_KEYS_FILE) : 'TEMPORAL_PAYLOAD_KEYS'}); decrypted in the UI for operators

  Demo sign-in: enter secretariaat@stadsring.example at ${env.PUBLIC_URL}/login
  and open the link from the mail inbox. Stop with Ctrl-C.
`);
}

/**
 * The keys that encrypt workflow data: TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE when
 * set, else .data/temporal-payload-keys, made with one random key on the first run and kept
 * (the histories under .data/temporal need it). The newest entry encrypts, unless
 * TEMPORAL_PAYLOAD_KEY_ID says otherwise; add a line to rotate.
 */
function ensurePayloadKeys(dataDir) {
  return ensureKeyFile(dataDir, {
    prefix: 'TEMPORAL_PAYLOAD',
    file: 'temporal-payload-keys',
    what: 'Keys of the workflow data in the development Temporal (.data/temporal), made by npm start.',
    label: 'Workflow data',
  });
}

/** A key ring `<prefix>_KEYS_FILE` + `<prefix>_KEY_ID`, from the environment or a file in .data. */
function ensureKeyFile(dataDir, { prefix, file: name, what, label }) {
  if (process.env[`${prefix}_KEYS`] || process.env[`${prefix}_KEYS_FILE`]) return {};
  const file = path.join(dataDir, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const id = `dev-${new Date().toISOString().slice(0, 10)}`;
    fs.writeFileSync(
      file,
      `# ${what}\n` +
        '# id:base64key, one a line; the last one encrypts new values. Keep old lines: they decrypt.\n' +
        `${id}:${randomBytes(32).toString('base64')}\n`,
      { mode: 0o600 },
    );
    log(`${label}: new random key ${id} in ${path.relative(root, file)}`);
  }
  const ids = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'))
    .map((line) => line.split(':')[0].trim());
  return {
    [`${prefix}_KEYS_FILE`]: file,
    [`${prefix}_KEY_ID`]: process.env[`${prefix}_KEY_ID`] ?? ids.at(-1) ?? '',
  };
}

function run(cmd, args, env = process.env) {
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  } catch {
    fail(`${[cmd, ...args].join(' ')} failed (see above)`);
  }
}

function spawnChild(name, cmd, args, env = process.env) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  children.push({ name, child });
  return child;
}

async function waitForPort(port, seconds, what) {
  const { canConnect } = require('./lib/postgres.cjs');
  for (let i = 0; i < seconds * 4; i++) {
    if (stopping) return;
    if (await canConnect('127.0.0.1', port, 250)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not come up on port ${port} within ${seconds} s`);
}

function fail(message) {
  console.error(`[start] ${message}`);
  void shutdown(1);
  throw new Error('__handled__');
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  // api and worker first (the worker finishes in-flight activities), then Temporal, then the rest
  for (const { child } of children.slice().reverse()) {
    if (child.exitCode === null) child.kill('SIGINT');
  }
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 15_000);
          child.on('exit', () => {
            clearTimeout(t);
            resolve();
          });
        }),
    ),
  );
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((err) => {
  if (err?.message !== '__handled__') {
    console.error(`[start] ${err?.message ?? err}`);
    void shutdown(1);
  }
});
