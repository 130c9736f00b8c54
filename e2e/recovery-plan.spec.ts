/**
 * The whole recover chain in one plan: resource group → Key Vault → storage account → account, each step
 * once, dependents of a failed step left alone, and every outcome checked afterwards in ARM itself.
 */
import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { accountPath, resourceGroupPath, storageAccountPath, vaultPath } from './support/arm-paths';
import { admin, armGet, eventCounts } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const devTest = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const SHARING_OLD_VAULT = ['contoso-cmk-openai', 'contoso-cmk-speech', 'contoso-cmk-textanalytics'];

test('one plan takes an account from "Key Vault deleted" to recovered: vault first, then the account', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-cmk-textanalytics`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.statusCell('contoso-cmk-textanalytics')).toContainText('Key Vault deleted');
  await (await portal.statusCell('contoso-cmk-textanalytics')).getByText('Key Vault deleted').hover();
  await expect(page.getByRole('tooltip')).toContainText(/Key Vault 'kv-contoso-old' is deleted: recoverable until \d+ \w+ \d{4}, \d\d:\d\d UTC/);

  await portal.select('contoso-cmk-textanalytics');
  await portal.recoverButton.click();
  const plan = portal.recoveryPlanDialog();
  await expect(plan.dialog).toContainText('Recovery plan: 1 step before 1 AI services account');
  await expect(plan.steps.first()).toContainText('Recover Key Vault kv-contoso-old');
  await plan.runButton.click();
  await expect(portal.bulkSummary('1 step done, 1 recovered')).toBeVisible({ timeout: 30_000 });
  await expect(portal.planStep('Recover Key Vault kv-contoso-old')).toContainText('Done');

  expect((await armGet(vaultPath(production, 'rg-ai-prod', 'kv-contoso-old'))).status).toBe(200);
  expect((await armGet(accountPath(production, 'rg-ai-prod', 'contoso-cmk-textanalytics'))).status).toBe(200);
});

test('a plan over accounts sharing one deleted vault recovers the vault exactly once', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-cmk-`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select(...SHARING_OLD_VAULT, 'contoso-cmk-purgedkey');
  await portal.recoverButton.click();
  const plan = portal.recoveryPlanDialog();
  await expect(plan.dialog).toContainText('Recovery plan: 1 step before 3 AI services accounts');
  await expect(plan.steps.first()).toContainText(`Needed by ${SHARING_OLD_VAULT.join(', ')}`);
  // The row the plan cannot include is named with its reason before anything runs.
  await expect(plan.dialog.getByRole('list', { name: 'Left out' })).toHaveText(
    "contoso-cmk-purgedkey: Key Vault 'kv-contoso-purged' was purged: this account cannot be recovered with its key.",
  );
  await plan.runButton.click();
  await expect(portal.bulkSummary('1 step done, 3 recovered')).toBeVisible({ timeout: 30_000 });

  const recovered = await eventCounts('vaultRecovered', '/vaults/kv-contoso-old');
  expect([...recovered.values()]).toEqual([1]);
  for (const name of SHARING_OLD_VAULT) {
    expect((await armGet(accountPath(production, 'rg-ai-prod', name))).status, name).toBe(200);
  }
});

test('a failing vault recover leaves its accounts unattempted, and Retry failed finishes them without repeating anything', async ({ page }) => {
  // One refusal ARM does not retry: the vault's recover fails once, then works.
  await admin('POST', '/faults', { status: 409, code: 'Conflict', method: 'PUT', path: '/vaults/kv-contoso-old$', count: 1 });
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-cmk-`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select(...SHARING_OLD_VAULT);
  await portal.recoverButton.click();
  await portal.recoveryPlanDialog().runButton.click();

  await expect(portal.bulkSummary('1 step failed, 0 recovered, 3 blocked')).toBeVisible({ timeout: 30_000 });
  await expect(portal.planStep('Recover Key Vault kv-contoso-old')).toContainText('Failed');
  for (const name of SHARING_OLD_VAULT) {
    await expect(await portal.statusCell(name)).toContainText('Blocked by Recover Key Vault kv-contoso-old');
  }
  expect((await eventCounts('accountRecovered', '/resourcegroups/rg-ai-prod/')).size).toBe(0);

  await portal.retryFailedButton.click();
  await expect(portal.bulkSummary('1 step done, 3 recovered')).toBeVisible({ timeout: 30_000 });
  expect([...(await eventCounts('vaultRecovered', '/vaults/kv-contoso-old')).values()]).toEqual([1]);
  const accounts = await eventCounts('accountRecovered', '/resourcegroups/rg-ai-prod/');
  expect([...accounts.values()]).toEqual([1, 1, 1]);
  for (const name of SHARING_OLD_VAULT) {
    expect((await armGet(accountPath(production, 'rg-ai-prod', name))).status, name).toBe(200);
  }
});

test('the whole chain in one plan: resource group, Key Vault and storage account brought back before the account', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${devTest}&q=dev-hackathon-speech`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.statusCell('dev-hackathon-speech')).toContainText('Resource group gone');
  await portal.select('dev-hackathon-speech');
  await portal.recoverButton.click();
  const plan = portal.recoveryPlanDialog();
  await expect(plan.dialog).toContainText('Recovery plan: 3 steps before 1 AI services account');
  await expect(plan.steps).toHaveText([
    /^Recreate resource group rg-hackathon/,
    /^Recover Key Vault kv-hackathon/,
    /^Restore storage account sthackathondata/,
    /^Recover dev-hackathon-speech/,
  ]);
  await plan.runButton.click();
  await expect(portal.bulkSummary('3 steps done, 1 recovered')).toBeVisible({ timeout: 45_000 });

  expect((await armGet(resourceGroupPath(devTest, 'rg-hackathon'))).status).toBe(200);
  expect((await armGet(vaultPath(devTest, 'rg-hackathon', 'kv-hackathon'))).status).toBe(200);
  expect((await armGet(storageAccountPath(devTest, 'rg-hackathon', 'sthackathondata'))).status).toBe(200);
  expect((await armGet(accountPath(devTest, 'rg-hackathon', 'dev-hackathon-speech'))).status).toBe(200);
});

test('a purged vault or a storage account past its 14 days disables Recover with the reason', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', '/?q=dev-speech-archive');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.statusCell('dev-speech-archive')).toContainText('Storage gone');
  await portal.select('dev-speech-archive');
  await expect(portal.recoverButton).toBeDisabled();
  await expect(portal.recoverButton).toHaveAccessibleDescription(/Storage account 'stdevarchive' it used is gone for good/);

  await portal.searchFor('contoso-cmk-purgedkey');
  await expect(await portal.statusCell('contoso-cmk-purgedkey')).toContainText('Key Vault purged');
  await portal.select('contoso-cmk-purgedkey');
  await expect(portal.recoverButton).toBeDisabled();
  await expect(portal.recoverButton).toHaveAccessibleDescription(
    "Recover: Key Vault 'kv-contoso-purged' was purged: this account cannot be recovered with its key.",
  );
});

test('an operator without rights on the vault sees why before acting', async ({ page }) => {
  await signIn(page, 'operator@contoso.test', `/?subscription=${production}&q=contoso-cmk-secure`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.statusCell('contoso-cmk-secure')).toContainText('Key Vault not found');
  await portal.select('contoso-cmk-secure');
  await expect(portal.recoverButton).toBeDisabled();
  await expect(portal.recoverButton).toHaveAccessibleDescription(/Key Vault 'kv-contoso-secure'.*you may not list deleted Key Vaults/);
  // Nothing was attempted: the vault is still soft-deleted and the account still deleted.
  expect((await eventCounts('vaultRecovered')).size).toBe(0);
});
