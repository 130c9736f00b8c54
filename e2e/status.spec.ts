import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { admin } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;

test('each row says before any action what stands in the way of its recovery: group gone, vault or storage deleted or purged', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.statusCell('contoso-legacy-qna')).toContainText('Resource group gone');
  await expect(await portal.statusCell('contoso-cmk-textanalytics')).toContainText('Key Vault deleted');
  await expect(await portal.statusCell('contoso-speech-callcenter')).toContainText('Storage deleted');
  await expect(await portal.statusCell('contoso-cmk-purgedkey')).toContainText('Key Vault purged');
  // Their vault and storage exist: nothing blocks these.
  await expect(await portal.statusCell('contoso-language-support')).toHaveText('Recoverable');
  await expect(await portal.statusCell('contoso-foundry-hub')).toHaveText('Recoverable');

  await (await portal.statusCell('contoso-speech-callcenter')).getByText('Storage deleted').hover();
  await expect(page.getByRole('tooltip')).toContainText(/Storage account 'stcontosospeechdata' is deleted: restorable until \d+ \w+ \d{4}, \d\d:\d\d UTC/);

  // What can be brought back keeps Recover enabled (the plan does it first); a purged vault cannot be.
  await portal.select('contoso-cmk-textanalytics', 'contoso-cmk-purgedkey');
  await expect(portal.recoverButton).toBeEnabled();
  await expect(portal.recoverButton).toHaveAccessibleDescription(
    "Recover: 1 selected can't be recovered and will be left out (contoso-cmk-purgedkey: Key Vault 'kv-contoso-purged' was purged: this account cannot be recovered with its key.)",
  );
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
  await expect(await portal.statusCell('contoso-cmk-textanalytics')).toHaveText('Recoverable');
  await expect(await portal.statusCell('contoso-speech-callcenter')).toHaveText('Recoverable');
});

test('an account past its purge date, which real ARM keeps listing, says what is true and can still be purged to free its name', async ({ page }) => {
  const devTest = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
  await signIn(page, 'admin@contoso.test', `/?subscription=${devTest}&q=dev-luis-authoring-2021`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.statusCell('dev-luis-authoring-2021')).toHaveText('Past purge date');
  await expect(await portal.cell('dev-luis-authoring-2021', 'Scheduled purge')).toHaveText(/^passed \d+ d \d+ h ago$/);
  await (await portal.statusCell('dev-luis-authoring-2021')).getByText('Past purge date').hover();
  await expect(page.getByRole('tooltip')).toContainText(/has passed, so it can no longer be recovered; Azure has not removed it yet, and it still holds its name\. Purging it frees the name now\./);

  await portal.select('dev-luis-authoring-2021');
  await expect(portal.recoverButton).toBeDisabled();
  await expect(portal.purgeButton).toBeEnabled();
});
