/**
 * What the Dockerfile ships is enough: the build's standalone server, copied with its static assets and public
 * files into an empty directory away from the repository, signs a user in and shows the main view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_SUBSCRIPTIONS } from '../../emulator/demo-world';
import { e2eDistDir, e2ePorts } from '../../playwright.config';
import { root } from '../../scripts/standalone-server';
import { expect, signIn, test } from '../fixtures';
import { DeletedResourcesPage } from '../pages/deleted-resources-page';
import { startStandalonePortal, type StandalonePortal } from '../support/standalone-portal';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
let portal: StandalonePortal | undefined;
test.afterEach(async () => {
  await portal?.stop();
  portal = undefined;
});

test('the standalone server alone, in a directory of its own, signs in and lists deleted resources', async ({ page }) => {
  portal = await startStandalonePortal(e2ePorts.standalonePortal);
  // Nothing of the repository is reachable from there: only the build output, outside the repository.
  expect(path.relative(root, portal.dir).startsWith('..')).toBe(true);
  expect(fs.readdirSync(portal.dir).sort()).toEqual([e2eDistDir ?? '.next', 'node_modules', 'package.json', 'public', 'server.js'].sort());

  await signIn(page, 'admin@contoso.test', `${portal.origin}/?subscription=${production}`);
  const view = new DeletedResourcesPage(page);
  await view.waitForRows();
  await expect(await view.expectRow('contoso-openai-eastus')).toBeVisible();
  await expect(await view.statusCell('contoso-openai-eastus')).toHaveText(/Recoverable/);
  // public/ is served from the copy too.
  expect((await page.request.get(`${portal.origin}/favicon.svg`)).status()).toBe(200);
});

test('without its settings it still starts, and its health check and pages say what to set instead of failing', async ({ page }) => {
  portal = await startStandalonePortal(e2ePorts.standalonePortal, 'none');
  const health = await page.request.get(`${portal.origin}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: 'misconfigured', problem: expect.stringMatching(/set AZURE_CLIENT_ID and AZURE_TENANT_ID/) });

  const response = await page.goto(`${portal.origin}/?subscription=${production}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: /the portal is not configured/ })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('set AZURE_CLIENT_ID and AZURE_TENANT_ID');
  await page.screenshot({ path: test.info().outputPath('not-configured.png') });
  // Nothing but the portal itself may be reached from such a page.
  expect(response?.headers()['content-security-policy']).toMatch(/connect-src 'self';/);
  expect(portal.output()).not.toMatch(/PortalConfigError|Error:/);
});
