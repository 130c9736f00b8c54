import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';

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
