/**
 * At a phone's width (390 px, where an admin on call opens the portal) nothing needed is out of reach: Sign out,
 * the tenant's name, every filter and toolbar action, and each row's name, type, status and purge countdown,
 * all without scrolling sideways.
 */
import type { Locator } from '@playwright/test';
import { DEMO_TENANT } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** Shown, whole, on the first screen: neither cut by the sides nor below the fold. */
async function expectOnScreen(locator: Locator) {
  await expect(locator).toBeVisible();
  await expect(locator).toBeInViewport({ ratio: 1 });
}

async function openPortal(page: import('@playwright/test').Page) {
  await signIn(page, 'admin@contoso.test');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  return portal;
}

test('Sign out stays on screen and the header names the tenant, not its id', async ({ page }) => {
  const portal = await openPortal(page);
  await expectOnScreen(portal.signOutButton);
  await expect(portal.header).toContainText(`tenant ${DEMO_TENANT.displayName}`);
  await expect(portal.header).not.toContainText(DEMO_TENANT.id);
});

test('every filter and toolbar action can be reached and used', async ({ page }) => {
  const portal = await openPortal(page);
  for (const filter of [portal.subscription, portal.resourceType, portal.kind, portal.region, portal.search]) await expectOnScreen(filter);
  const toolbar = page.getByRole('toolbar', { name: 'Actions' });
  for (const action of ['Recover', 'Purge', 'Refresh', 'Export CSV', "Why can't I use a name?"]) await expectOnScreen(toolbar.getByRole('button', { name: action, exact: true }));

  await portal.select('contoso-contentsafety');
  await expect(portal.recoverButton).toBeEnabled();
  await portal.purgeButton.click();
  await expectOnScreen(portal.purgeDialog().cancelButton);
  await portal.purgeDialog().cancelButton.click();

  await portal.filterResourceType('Key Vault');
  await expect(await portal.expectRow('kv-contoso-old')).toBeVisible();
  await portal.expectNoRow('contoso-contentsafety');
  const download = page.waitForEvent('download');
  await toolbar.getByRole('button', { name: 'Export CSV', exact: true }).click();
  expect((await download).suggestedFilename()).toMatch(/^deleted-resources-.*\.csv$/);
  await expect(toolbar.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();
  await toolbar.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(await portal.expectRow('kv-contoso-old')).toBeVisible();
});

test('a row shows name, type, status and purge countdown within the width, and the page never scrolls sideways', async ({ page }) => {
  const portal = await openPortal(page);
  const row = portal.row('contoso-contentsafety');
  await expectOnScreen(portal.checkbox('contoso-contentsafety'));
  await expectOnScreen(row.getByText('contoso-contentsafety', { exact: true }));
  await expectOnScreen(row.getByText('AI services account', { exact: true }));
  await expectOnScreen(row.getByText('Recoverable', { exact: true }));
  await expectOnScreen(row.getByText(/^in \d+ min$/));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
});
