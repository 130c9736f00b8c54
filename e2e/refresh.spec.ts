import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { admin } from './support/local-azure';

const sandbox = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;

test('Refresh re-reads the list from ARM and shows an account deleted meanwhile', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${sandbox}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(portal.row('fabrikam-translator')).toBeVisible();
  await expect(portal.row('fabrikam-refresh-check')).toHaveCount(0);

  await admin('POST', '/world/deleted-accounts', {
    subscriptionId: sandbox,
    resourceGroup: 'rg-sandbox',
    name: 'fabrikam-refresh-check',
    location: 'eastus',
    kind: 'OpenAI',
    deletedSecondsAgo: 60,
  });
  await portal.refreshButton.click();
  await expect(portal.row('fabrikam-refresh-check')).toBeVisible();
  await expect(portal.row('fabrikam-refresh-check')).toContainText('Azure OpenAI');
});
