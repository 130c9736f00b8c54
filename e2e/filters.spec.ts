import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';

const production = DEMO_SUBSCRIPTIONS.production;

test('the chosen subscription and the API type, region and text filters live in the URL and survive a reload', async ({ page }) => {
  await signIn(page, 'admin@contoso.test');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();

  await portal.chooseSubscription(production.displayName);
  await expect(page).toHaveURL(new RegExp(`[?&]subscription=${production.subscriptionId}`));
  await expect(await portal.expectRow('contoso-docintel-invoices')).toBeVisible();
  await portal.expectNoRow('fabrikam-translator');

  await portal.filterKind('Document intelligence');
  await expect(page).toHaveURL(/[?&]type=FormRecognizer/);
  expect((await portal.accountNames()).sort()).toEqual(['contoso-cmk-purgedkey', 'contoso-docintel-invoices', 'contoso-docintel-receipts']);

  await portal.filterRegion('South Central US');
  await expect(page).toHaveURL(/[?&]region=southcentralus/);

  await portal.searchFor('invoices');
  await expect(page).toHaveURL(/[?&]q=invoices/);
  await expect.poll(() => portal.accountNames()).toEqual(['contoso-docintel-invoices']);

  await page.reload();
  await portal.waitForRows();
  await expect(portal.subscription).toHaveText(production.displayName);
  await expect(portal.kind).toHaveText('Document intelligence');
  await expect(portal.region).toHaveText('South Central US');
  await expect(portal.search).toHaveValue('invoices');
  await expect.poll(() => portal.accountNames()).toEqual(['contoso-docintel-invoices']);
});

test('a search over resource group names finds the accounts of that group', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production.subscriptionId}&q=rg-legacy`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect.poll(async () => (await portal.accountNames()).sort()).toEqual(['contoso-legacy-luis', 'contoso-legacy-qna']);
});
