import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { e2ePorts } from '../playwright.config';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { admin } from './support/local-azure';

/**
 * The README's screenshots, taken from the running product. They rewrite files under docs/, so they run only
 * when asked: UPDATE_DOCS_SCREENSHOTS=1 npx playwright test screenshots
 */
const screenshotDir = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;

test.skip(!process.env.UPDATE_DOCS_SCREENSHOTS, 'set UPDATE_DOCS_SCREENSHOTS=1 to refresh docs/screenshots');
test.use({ viewport: { width: 1440, height: 900 } });

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.context().addCookies([{ name: 'theme', value: theme, url: `http://localhost:${e2ePorts.portal}` }]);
}

async function shoot(page: Page, name: string) {
  // No tooltip from the mouse; toasts and transitions are shown finished (animations: 'disabled').
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
}

for (const theme of ['light', 'dark'] as const) {
  test(`main view, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await signIn(page, 'admin@contoso.test');
    const portal = new DeletedResourcesPage(page);
    await portal.waitForRows();
    // The rows closest to their purge come first; two of them selected, nothing scrolled.
    await portal.select('contoso-contentsafety', 'contoso-face-kiosk');
    await expect(page.getByText('2 selected')).toBeVisible();
    await shoot(page, `main-view-${theme}`);
  });
}

test('purge dialog', async ({ page }) => {
  await useTheme(page, 'light');
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  // Mixed types: the confirmation groups them by type.
  await portal.select('contoso-openai-eastus', 'contoso-translator-web', 'kv-contoso-old', 'appcs-contoso-flags', 'apim-contoso-gateway');
  await portal.purgeButton.click();
  await portal.purgeDialog().confirmation.fill('5');
  await expect(portal.purgeDialog().confirmButton()).toBeEnabled();
  await shoot(page, 'purge-dialog');
});

test('bulk result with a failed row', async ({ page }) => {
  await useTheme(page, 'light');
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=rg-search-prod`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await admin('POST', '/faults', { status: 500, method: 'PUT', path: '/accounts/contoso-personalizer-web$', count: 4 });
  await portal.select('contoso-translator-web', 'contoso-personalizer-web', 'contoso-metrics-advisor');
  await portal.recoverButton.click();
  await expect(portal.bulkSummary('2 recovered, 1 failed')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('listitem', { name: '2 recovered, 1 failed' })).toBeVisible();
  await shoot(page, 'bulk-result');
});

const devTest = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const CHAIN = ['dev-hackathon-speech', 'dev-cmk-protected', 'dev-speech-archive'];

test('recovery plan', async ({ page }) => {
  await useTheme(page, 'light');
  await signIn(page, 'admin@contoso.test', `/?subscription=${devTest}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select(...CHAIN);
  await portal.recoverButton.click();
  await expect(portal.recoveryPlanDialog().dialog).toContainText('Recovery plan: 4 steps before 2 AI services accounts');
  await shoot(page, 'recovery-plan');
});

test('recovery plan with a failed step', async ({ page }) => {
  await useTheme(page, 'light');
  await admin('POST', '/faults', { status: 409, code: 'Conflict', method: 'PUT', path: '/vaults/kv-hackathon$', count: 1 });
  await signIn(page, 'admin@contoso.test', `/?subscription=${devTest}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select(...CHAIN);
  await portal.recoverButton.click();
  await portal.recoveryPlanDialog().runButton.click();
  await expect(portal.bulkSummary('3 steps done, 1 step failed, 1 recovered, 1 blocked')).toBeVisible({ timeout: 45_000 });
  await shoot(page, 'recovery-plan-result');
});

test.describe('at a phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('main view at a phone width', async ({ page }) => {
    await useTheme(page, 'light');
    await signIn(page, 'admin@contoso.test');
    const portal = new DeletedResourcesPage(page);
    await portal.waitForRows();
    await portal.select('contoso-contentsafety');
    await expect(page.getByText('1 selected')).toBeVisible();
    await shoot(page, 'main-view-phone');
  });
});
