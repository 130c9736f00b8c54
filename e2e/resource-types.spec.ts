/**
 * One recycle bin: each type the portal lists is recovered and purged (where it can be) through the UI and
 * checked afterwards in ARM; a mixed-type purge acts once per resource (audit log); purge protection and
 * storage's lack of purge are said before anyone acts.
 */
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import {
  apiManagementServicePath,
  configurationStorePath,
  deletedAccountPath,
  deletedApiManagementServicePath,
  deletedConfigurationStorePath,
  deletedStorageAccountPath,
  deletedVaultPath,
  storageAccountPath,
  vaultPath,
} from './support/arm-paths';
import { armGet, eventCounts } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const devTest = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;

/** Signs in, opens one subscription searched for `name`, selects it and returns the page. */
async function openAndSelect(page: import('@playwright/test').Page, subscriptionId: string, name: string) {
  await signIn(page, 'admin@contoso.test', `/?subscription=${subscriptionId}&q=${name}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select(name);
  return portal;
}

async function purgeSelected(portal: DeletedResourcesPage, confirmation: string) {
  await portal.purgeButton.click();
  const dialog = portal.purgeDialog();
  await dialog.confirmation.fill(confirmation);
  await dialog.confirmButton().click();
}

const RECOVERS = [
  { type: 'Key Vault', name: 'kv-contoso-old', sub: production, live: () => vaultPath(production, 'rg-ai-prod', 'kv-contoso-old'), event: 'vaultRecovered' },
  { type: 'Storage account', name: 'stcontosospeechdata', sub: production, live: () => storageAccountPath(production, 'rg-ai-prod', 'stcontosospeechdata'), event: 'storageAccountRestored' },
  { type: 'App Configuration store', name: 'appcs-contoso-flags', sub: production, live: () => configurationStorePath(production, 'rg-search-prod', 'appcs-contoso-flags'), event: 'configurationStoreRecovered' },
  { type: 'API Management service', name: 'apim-contoso-gateway', sub: production, live: () => apiManagementServicePath(production, 'rg-openai-prod', 'apim-contoso-gateway'), event: 'apiManagementServiceRestored' },
];

for (const { type, name, sub, live, event } of RECOVERS) {
  test(`a ${type} is recovered through the portal and is live in ARM`, async ({ page }) => {
    const portal = await openAndSelect(page, sub, name);
    await expect(await portal.expectRow(name)).toContainText(type);
    await portal.recoverButton.click();
    await expect(portal.bulkSummary('1 recovered')).toBeVisible({ timeout: 60_000 });
    await portal.expectNoRow(name);
    expect((await armGet(live())).status).toBe(200);
    expect([...(await eventCounts(event, name)).values()]).toEqual([1]);
  });
}

const PURGES = [
  { type: 'Key Vault', name: 'kv-contoso-old', sub: production, deleted: () => deletedVaultPath(production, 'eastus', 'kv-contoso-old'), event: 'deletedVaultPurged' },
  { type: 'App Configuration store', name: 'appcs-dev-settings', sub: devTest, deleted: () => deletedConfigurationStorePath(devTest, 'eastus2', 'appcs-dev-settings'), event: 'deletedConfigurationStorePurged' },
  { type: 'API Management service', name: 'apim-dev-internal', sub: devTest, deleted: () => deletedApiManagementServicePath(devTest, 'eastus2', 'apim-dev-internal'), event: 'deletedApiManagementServicePurged' },
];

for (const { type, name, sub, deleted, event } of PURGES) {
  test(`a ${type} is purged through the portal and is gone from ARM's deleted list`, async ({ page }) => {
    const portal = await openAndSelect(page, sub, name);
    await purgeSelected(portal, name);
    await expect(portal.bulkSummary('1 purged')).toBeVisible({ timeout: 60_000 });
    expect((await armGet(deleted())).status).toBe(404);
    expect([...(await eventCounts(event, name)).values()]).toEqual([1]);
  });
}

test('storage accounts have no purge: the row and the Purge button say so, with the day it expires', async ({ page }) => {
  const portal = await openAndSelect(page, production, 'stcontosospeechdata');
  await expect(portal.purgeButton).toBeDisabled();
  await expect(portal.purgeButton).toHaveAccessibleDescription(/^Purge: Storage accounts have no purge: it expires on \d+ \w+ \d{4}, \d\d:\d\d UTC\.$/);
  expect((await armGet(deletedStorageAccountPath(production, 'eastus', 'stcontosospeechdata'))).status).toBe(200);
});

test('purge protection is honoured: a protected Key Vault and App Configuration store cannot be purged, and say until when they stay', async ({ page }) => {
  for (const [sub, name] of [
    [devTest, 'kv-dev-protected'],
    [production, 'appcs-contoso-prod'],
  ] as const) {
    const portal = await openAndSelect(page, sub, name);
    await expect(portal.purgeButton).toBeDisabled();
    await expect(portal.purgeButton).toHaveAccessibleDescription(/Purge protection is on: nobody can purge it; Azure removes it on \d+ \w+ \d{4}/);
    await expect(portal.recoverButton).toBeEnabled();
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
  expect((await armGet(deletedVaultPath(devTest, 'eastus2', 'kv-dev-protected'))).status).toBe(200);
});

test('a mixed-type bulk purge groups the confirmation by type, leaves storage out with its reason, and purges each resource exactly once', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${devTest}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  const targets = ['dev-immersive-reader', 'kv-hackathon', 'appcs-dev-settings', 'apim-dev-internal'];
  await portal.select(...targets, 'stdevoldlogs');
  await expect(portal.purgeButton).toHaveAccessibleDescription(/1 selected can't be purged and will be left out \(stdevoldlogs: Storage accounts have no purge/);
  await portal.purgeButton.click();
  const dialog = portal.purgeDialog();
  for (const group of ['AI services accounts', 'Key Vaults', 'App Configuration stores', 'API Management services']) {
    await expect(dialog.dialog.getByRole('region', { name: `${group.replace(/s$/, '')}s to purge` })).toHaveCount(1);
  }
  await expect(dialog.dialog.getByRole('region').getByRole('listitem')).toHaveCount(4);
  await dialog.confirmation.fill('4');
  await dialog.confirmButton().click();
  await expect(portal.bulkSummary('4 purged')).toBeVisible({ timeout: 60_000 });

  const purged = async (event: string, name: string) => [...(await eventCounts(event, name)).values()];
  expect(await purged('deletedAccountPurged', 'dev-immersive-reader')).toEqual([1]);
  expect(await purged('deletedVaultPurged', 'kv-hackathon')).toEqual([1]);
  expect(await purged('deletedConfigurationStorePurged', 'appcs-dev-settings')).toEqual([1]);
  expect(await purged('deletedApiManagementServicePurged', 'apim-dev-internal')).toEqual([1]);
  expect((await armGet(deletedStorageAccountPath(devTest, 'westus2', 'stdevoldlogs'))).status).toBe(200);
  expect((await armGet(deletedAccountPath(devTest, 'eastus2', 'rg-dev-ai', 'dev-immersive-reader'))).status).toBe(404);
});

test('the Resource type filter lives in the URL and shows only that type', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${devTest}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.filterResourceType('Key Vault');
  await expect(page).toHaveURL(/[?&]resourceType=key-vaults/);
  const names = await portal.accountNames();
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((name) => name.startsWith('kv-'))).toBe(true);
  await page.reload();
  await portal.waitForRows();
  await expect(portal.resourceType).toHaveText('Key Vault');
  // After a reload the rows arrive once sign-in is restored: wait for them rather than read an empty table.
  await expect.poll(() => portal.accountNames()).toEqual(names);
});
