import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { admin } from './support/local-azure';

const sandbox = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;

test('Refresh re-reads the list from ARM and shows an account deleted meanwhile', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${sandbox}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.expectRow('fabrikam-translator')).toBeVisible();
  await portal.expectNoRow('fabrikam-refresh-check');

  await admin('POST', '/world/deleted-accounts', {
    subscriptionId: sandbox,
    resourceGroup: 'rg-sandbox',
    name: 'fabrikam-refresh-check',
    location: 'eastus',
    kind: 'OpenAI',
    deletedSecondsAgo: 60,
  });
  await portal.refreshButton.click();
  await expect(await portal.expectRow('fabrikam-refresh-check')).toBeVisible();
  await expect(await portal.expectRow('fabrikam-refresh-check')).toContainText('Azure OpenAI');
});

test('"All subscriptions" reads the subscriptions the picker lists, and Refresh finds one added meanwhile', async ({ page }) => {
  await signIn(page, 'admin@contoso.test');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.expectRow('fabrikam-translator')).toBeVisible();

  const added = '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a';
  await admin('POST', '/world/subscriptions', { subscriptionId: added, displayName: 'Contoso Research' });
  await admin('POST', '/world/role-assignments', { principalId: DEMO_USERS.admin.objectId, role: 'Owner', scope: `/subscriptions/${added}` });
  await admin('POST', '/world/resource-groups', { subscriptionId: added, name: 'rg-research', location: 'eastus' });
  await admin('POST', '/world/deleted-accounts', {
    subscriptionId: added,
    resourceGroup: 'rg-research',
    name: 'research-openai',
    location: 'eastus',
    kind: 'OpenAI',
    deletedSecondsAgo: 60,
  });
  await portal.refreshButton.click();
  await expect(await portal.expectRow('research-openai')).toBeVisible();
  await expect(await portal.expectRow('research-openai')).toContainText('Contoso Research');
  await expect(await portal.expectRow('fabrikam-translator')).toBeVisible();
});
