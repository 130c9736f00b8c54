import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { admin } from './support/local-azure';

async function violations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

test('the signed-out landing page has no axe violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the main view has no axe violations, in light and dark theme', async ({ page }) => {
  await signIn(page, 'admin@contoso.test');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('contoso-legacy-luis');
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: /^Theme:/ }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the purge dialog has no axe violations', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${DEMO_SUBSCRIPTIONS.production.subscriptionId}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('contoso-openai-eastus', 'contoso-foundry-hub');
  await portal.purgeButton.click();
  await expect(portal.purgeDialog().dialog).toBeVisible();
  expect(await violations(page, '[role="alertdialog"]')).toEqual([]);
});

test('the recovery plan dialog and the steps panel after a failed step have no axe violations', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${DEMO_SUBSCRIPTIONS.devTest.subscriptionId}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('dev-hackathon-speech', 'dev-speech-archive');
  await portal.recoverButton.click();
  await expect(portal.recoveryPlanDialog().dialog).toBeVisible();
  expect(await violations(page, '[role="dialog"]')).toEqual([]);

  await admin('POST', '/faults', { status: 409, code: 'Conflict', method: 'PUT', path: '/vaults/kv-hackathon$', count: 1 });
  await portal.recoveryPlanDialog().runButton.click();
  await expect(portal.planStep('Recover Key Vault kv-hackathon')).toContainText('Failed', { timeout: 30_000 });
  // The panel itself: the toast that announces the result floats over the table, which skews axe's contrast
  // reading of whatever row lies under it.
  expect(await violations(page, 'section[aria-label="Recovery plan steps"]')).toEqual([]);
});
