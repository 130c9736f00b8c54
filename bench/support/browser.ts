/**
 * One Chromium for every browser row: started with a remote-debugging port so that Playwright (over CDP) and
 * Lighthouse drive the same profile, and Lighthouse sees the signed-in portal (MSAL keeps its cache in
 * localStorage, which both share).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../emulator/demo-world';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { benchPortOffset, portalUrl } from './local-portal';

/** Moves with BENCH_PORT_OFFSET (as the portal's port does), so two benches never drive each other's Chromium. */
export const DEBUGGING_PORT = 9343 + benchPortOffset;

export interface BenchBrowser {
  browser: Browser;
  context: BrowserContext;
  debuggingPort: number;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<BenchBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      ...CHROMIUM_ARGS,
      // The local sign-in provider's certificate comes from the bench's own CA.
      '--ignore-certificate-errors',
      '--window-size=1350,940',
      `--remote-debugging-port=${DEBUGGING_PORT}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  let browser: Browser | undefined;
  for (let attempt = 0; attempt < 60 && !browser; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${DEBUGGING_PORT}`).catch(() => undefined);
  }
  if (!browser) {
    child.kill('SIGKILL');
    throw new Error(`Chromium (${CHROMIUM_PATH}) did not open its debugging port ${DEBUGGING_PORT}`);
  }
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  // tsx keeps function names by wrapping named functions in `__name(fn, "name")`; a function Playwright sends
  // into the page as source text carries those calls, and without this the page throws ReferenceError.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  const connected = browser;
  return {
    browser: connected,
    context,
    debuggingPort: DEBUGGING_PORT,
    async close() {
      await connected.close().catch(() => undefined);
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Signs admin@contoso.test in through the portal and the local sign-in provider, and returns the ARM access
 * token the browser hands to the portal's server actions (read from the action request's body).
 */
export async function signInAsAdmin(page: Page): Promise<string> {
  let token: string | undefined;
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.headers()['next-action']) return;
    token ??= /"token":"([^"]+)"/.exec(request.postData() ?? '')?.[1];
  });
  await page.goto(`${portalUrl}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill('admin@contoso.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 60_000 });
  for (let attempt = 0; attempt < 100 && !token; attempt++) await page.waitForTimeout(100);
  if (!token) throw new Error('Signed in, but no server action carried an access token');
  return token;
}

/** Waits until the loading skeleton is gone (the table or an empty state is shown). */
export async function waitForList(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.getByRole('table', { name: 'Deleted resources' }).or(page.getByRole('heading', { level: 2 })).first().waitFor({ timeout: timeoutMs });
  await page.getByLabel('Reading deleted accounts').waitFor({ state: 'detached', timeout: timeoutMs });
}
