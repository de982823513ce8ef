import type { Browser, Page } from 'playwright-core';
// Kept out of @jaarcyclus/testing's index so database tests do not load playwright.
import * as browserTools from '@jaarcyclus/testing/browser';
import { startStack, type Stack, type StackOptions } from '../support/stack';

export const { axeViolations, hasHorizontalScroll, screenshot } = browserTools;

/**
 * The whole stack (Temporal dev server, PostgreSQL, SMTP, api, worker with the real budget
 * activities) driven by a real Chromium. People sign in the way they do in real life: they ask
 * for a link on the sign-in page and open it from the delivered mail.
 */
export interface BrowserStack {
  stack: Stack;
  browser: Browser;
  baseUrl: string;
  /** A link from a mail (made with the stack's PUBLIC_URL) pointing at the running api. */
  local(link: string): string;
  /** The latest link in a mail to `email` whose path matches `path` (waits for the mail). */
  mailedLink(email: string, path: RegExp): Promise<string>;
  /** A new browser context and page, signed in through the sign-in page and the mailed link. */
  signedInPage(email: string, opts?: { width?: number; height?: number }): Promise<Page>;
  /** Signs the page's context in (the page ends on the tasks page). */
  signIn(page: Page, email: string): Promise<void>;
  /** An api session for `email` (for steps that are not under test, such as other members' votes). */
  token(email: string): Promise<string>;
  close(): Promise<void>;
}

/** The links in mails start with the stack's PUBLIC_URL. */
const MAIL_ORIGIN = 'http://jaarcyclus.test';

export async function startBrowserStack(options: StackOptions = {}): Promise<BrowserStack> {
  const stack = await startStack(options);
  const browser = await browserTools.launchBrowser();
  const local = (link: string): string =>
    link.startsWith(MAIL_ORIGIN) ? stack.baseUrl + link.slice(MAIL_ORIGIN.length) : link;

  const mailedLink = async (email: string, path: RegExp): Promise<string> => {
    const links = () =>
      stack.smtp
        .to(email)
        .flatMap((m) => m.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])
        .filter((l) => path.test(new URL(l).pathname + new URL(l).search));
    await stack.smtp.waitFor(() => links().length > 0);
    return local(links().at(-1)!);
  };

  const signIn = async (page: Page, email: string): Promise<void> => {
    // Only sign-in mails count: the same person may get cycle mails (invitations, reminders) meanwhile.
    const before = stack.smtp.signInLinks(email).length;
    await page.goto(`${stack.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.waitForURL('**/login/check-email');
    await stack.smtp.waitFor(() => stack.smtp.signInLinks(email).length > before);
    const link = stack.smtp.signInLinks(email).at(-1)!;
    await page.goto(local(link));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/app/tasks');
  };

  return {
    stack,
    browser,
    baseUrl: stack.baseUrl,
    local,
    mailedLink,
    signIn,
    async signedInPage(email, opts = {}) {
      const context = await browser.newContext({
        viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
      });
      const page = await context.newPage();
      await signIn(page, email);
      return page;
    },
    token: (email) => stack.signIn(email),
    async close() {
      await browser.close();
      await stack.close();
    },
  };
}

/** Reloads until `check` passes: the workflow and its activities work asynchronously. */
export async function reloadUntil(
  page: Page,
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`page ${page.url()} did not reach the expected state`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await page.reload();
  }
}
