import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { accountPath, deletedAccountPath } from './support/arm-paths';
import { armGet } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const westUsAccounts = ['contoso-translator-web', 'contoso-personalizer-web', 'contoso-metrics-advisor'];

test('the admin recovers several filtered accounts: summary, rows leave, and the accounts exist again in ARM', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.filterRegion('West US');
  await portal.searchFor('contoso-');

  await portal.select(...westUsAccounts);
  await expect(page.getByText('3 selected')).toBeVisible();
  await portal.recoverButton.click();

  await expect(portal.bulkSummary('3 recovered')).toBeVisible({ timeout: 30_000 });
  await expect(portal.liveRegion).toHaveText('3 recovered');
  for (const name of westUsAccounts) {
    await portal.expectNoRow(name);
    expect((await armGet(accountPath(production, 'rg-search-prod', name))).status, `${name} exists again`).toBe(200);
    expect((await armGet(deletedAccountPath(production, 'westus', 'rg-search-prod', name))).status, `${name} left the deleted list`).toBe(404);
  }
  // Rows that were not selected stay.
  await expect(await portal.expectRow('contoso-legacy-luis')).toBeVisible();
});

test('the operator recovers an account in a resource group it is Contributor of', async ({ page }) => {
  await signIn(page, 'operator@contoso.test', `/?subscription=${production}&q=contoso-foundry-hub`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('contoso-foundry-hub');
  await expect(portal.recoverButton).toBeEnabled();
  await portal.recoverButton.click();
  await expect(portal.bulkSummary('1 recovered')).toBeVisible({ timeout: 30_000 });
  expect((await armGet(accountPath(production, 'rg-ai-prod', 'contoso-foundry-hub'))).status).toBe(200);
});

test('each bulk result also pops up as a toast: the first one of the session and the next', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=rg-search-prod`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  const toast = (title: string) => page.getByRole('listitem', { name: title });

  await portal.select('contoso-translator-web', 'contoso-metrics-advisor');
  await portal.recoverButton.click();
  await expect(toast('2 recovered')).toBeVisible({ timeout: 30_000 });

  await portal.select('contoso-personalizer-web');
  await portal.recoverButton.click();
  await expect(toast('1 recovered')).toBeVisible({ timeout: 30_000 });
});
