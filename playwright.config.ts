import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';

/**
 * The e2e run gets its own ports and state directory so it never touches a running `npm start`.
 * E2E_PORT_OFFSET moves all three ports (and the state directory) so two runs can share a machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
/**
 * `restartingPortal`: a second portal instance that e2e/portal-restart.spec.ts starts, kills and starts again.
 * `standalonePortal`: the build's standalone server copied out of the repository (e2e/deploy/standalone.spec.ts).
 * `balancer` and `balancedPortals`: nginx and the two portal instances behind it (e2e/deploy/two-instances.spec.ts).
 */
export const e2ePorts = {
  portal: 3100 + offset,
  arm: 4543 + offset,
  identity: 4544 + offset,
  restartingPortal: 3107 + offset,
  standalonePortal: 3108 + offset,
  balancer: 3109 + offset,
  balancedPortals: [3110 + offset, 3111 + offset],
} as const;
/** Origins the browser reaches a portal at besides the main one: the sign-in provider must accept their redirects. */
const extraPortalOrigins = [e2ePorts.restartingPortal, e2ePorts.standalonePortal, e2ePorts.balancer].map((port) => `http://localhost:${port}`);
/** The portal's build for this run (undefined: Next's default, .next). */
export const e2eDistDir = offset ? `.next-e2e-${offset}` : undefined;
export const e2eStateDir = path.resolve(import.meta.dirname, offset ? `.emulator-e2e-${offset}` : '.emulator-e2e');

const portalUrl = `http://localhost:${e2ePorts.portal}`;

export default defineConfig({
  testDir: 'e2e',
  // One emulator world is shared by every test, and each test resets it: run them one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Runs on other port offsets keep their own results, so two runs never delete each other's traces.
  outputDir: offset ? `test-results/playwright-${offset}` : 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: offset ? `test-results/playwright-${offset}.json` : 'test-results/playwright.json' }]],
  use: {
    baseURL: portalUrl,
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'node_modules/.bin/tsx scripts/start.ts --mode=production',
    url: `${portalUrl}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
    env: {
      PORT: String(e2ePorts.portal),
      ARM_EMULATOR_PORT: String(e2ePorts.arm),
      IDENTITY_PORT: String(e2ePorts.identity),
      PORTAL_EXTRA_ORIGINS: extraPortalOrigins.join(','),
      EMULATOR_STATE_DIR: e2eStateDir,
      ...(e2eDistDir ? { NEXT_DIST_DIR: e2eDistDir } : {}),
      // Never let a developer's real-Azure settings leak into the e2e run.
      AZURE_CLIENT_ID: '',
      AZURE_TENANT_ID: '',
    },
  },
});
