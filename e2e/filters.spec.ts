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

test('every filter is in place before the rows arrive, so the list arriving moves nothing', async ({ page }) => {
  // Lighthouse's desktop size: five filters do not fit one row, so a filter that came with the rows moved
  // the search box, the toolbar and the table down (a layout shift of 0.48, performance 74).
  await page.setViewportSize({ width: 1350, height: 940 });
  await signIn(page, 'admin@contoso.test');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  // The next load's listing is held until the filters have been looked at.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action'] && request.postData()?.includes('"subscription":')) await held;
    await route.continue();
  });
  await page.reload();
  await expect(page.getByLabel('Reading deleted resources')).toBeVisible();
  await expect(portal.kind).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filters' });
  const whileLoading = await filters.boundingBox();
  release();
  await portal.waitForRows();
  await expect(portal.kind).toBeEnabled();
  expect(await filters.boundingBox()).toEqual(whileLoading);
});
