import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Result as AxeResult, RunOptions } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Browser tests: the distribution's Chromium driven by playwright-core (which downloads no
 * browser of its own), accessibility checks with axe-core, and screenshots for the reviewer.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Git-ignored (test-results/). */
export const SCREENSHOT_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'test-results',
  'screenshots',
);

function firstLine(err: unknown): string {
  const e = err as { stderr?: Buffer | string; message?: string };
  const text = (e.stderr ? String(e.stderr) : '') || e.message || String(err);
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .pop() ?? 'unknown error'
  );
}

/**
 * The Chromium to drive: /usr/bin/chromium, installed with apt-get when missing (as root;
 * `apt-get update` first when the package lists are stale). Fails with one line otherwise.
 */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH} and installing it needs root: run 'apt-get install -y chromium' as root`,
    );
  }
  const apt = (args: string[]): void => {
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: 'pipe',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 15 * 60_000,
    });
  };
  try {
    try {
      apt(['install', '-y', 'chromium']);
    } catch {
      apt(['update']);
      apt(['install', '-y', 'chromium']);
    }
  } catch (err) {
    throw new Error(`Could not install Chromium with apt-get: ${firstLine(err)}`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`apt-get installed chromium, but there is no ${CHROMIUM_PATH}`);
  }
  return CHROMIUM_PATH;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns the
 * serious and critical violations. The script is evaluated through the DevTools protocol, so
 * the page's Content-Security-Policy does not have to allow it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core'), 'utf8');
  await page.evaluate(`${axeSource}\n;void 0`);
  const options: RunOptions = {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  };
  const violations = await page.evaluate(async (opts) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: AxeResult[] }> };
      }
    ).axe;
    const result = await axe.run(document, opts);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, options);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page PNG as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** True when the page is wider than the viewport (content would scroll sideways). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}
