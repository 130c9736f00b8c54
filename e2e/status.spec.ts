import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { admin } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;

test('each row says before any action why its recovery would fail: resource group, Key Vault or storage gone', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(portal.statusCell('contoso-legacy-qna')).toContainText('Resource group gone');
  await expect(portal.statusCell('contoso-cmk-textanalytics')).toContainText('Key Vault not found');
  await expect(portal.statusCell('contoso-speech-callcenter')).toContainText('Storage gone');
  // Their vault and storage exist: nothing blocks these.
  await expect(portal.statusCell('contoso-language-support')).toHaveText('Recoverable');
  await expect(portal.statusCell('contoso-foundry-hub')).toHaveText('Recoverable');

  await portal.select('contoso-cmk-textanalytics');
  await expect(portal.recoverButton).toBeDisabled();
  await expect(portal.recoverButton).toHaveAccessibleDescription(/Key Vault 'kv-contoso-old'/);
  await portal.checkbox('contoso-cmk-textanalytics').uncheck();
  await portal.select('contoso-speech-callcenter');
  await expect(portal.recoverButton).toHaveAccessibleDescription(/Storage account 'stcontosospeechdata'/);
});

test('a Key Vault in another subscription counts as present, and a recreated storage account unblocks recovery', async ({ page }) => {
  // The vault the account names lives in a different subscription than the account.
  await admin('POST', '/world/vaults', {
    subscriptionId: DEMO_SUBSCRIPTIONS.sandbox.subscriptionId,
    resourceGroup: 'rg-sandbox',
    name: 'kv-contoso-old',
    location: 'eastus',
  });
  await admin('POST', '/world/storage-accounts', {
    subscriptionId: production,
    resourceGroup: 'rg-ai-prod',
    name: 'stcontosospeechdata',
    location: 'eastus',
  });
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(portal.statusCell('contoso-cmk-textanalytics')).toHaveText('Recoverable');
  await expect(portal.statusCell('contoso-speech-callcenter')).toHaveText('Recoverable');
});
