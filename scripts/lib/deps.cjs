'use strict';
// Installs the npm dependencies when node_modules is missing or older than package-lock.json,
// so that `npm start` and `npm test` work on a fresh clone without a manual `npm install`.
// Plain Node built-ins only: this runs before anything is installed.
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function lockHash() {
  // Only what decides the installed tree: a new npm script must not trigger a reinstall.
  const lock = fs.readFileSync(path.join(root, 'package-lock.json'));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const fields = [
    'dependencies',
    'devDependencies',
    'optionalDependencies',
    'overrides',
    'allowScripts',
  ];
  const relevant = JSON.stringify(fields.map((f) => pkg[f] ?? null));
  return createHash('sha256').update(lock).update(relevant).digest('hex');
}

function ensureDependencies(log = console.log) {
  const marker = path.join(root, 'node_modules', '.jaarcyclus-installed');
  const wanted = lockHash();
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return;
  log('Installing npm dependencies (npm ci) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  fs.writeFileSync(marker, wanted);
}

module.exports = { ensureDependencies, root };
