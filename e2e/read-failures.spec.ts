import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { admin } from './support/local-azure';

const sandbox = DEMO_SUBSCRIPTIONS.sandbox;

test('a subscription whose deleted accounts cannot be read is named in a warning, and the others are still listed', async ({ page }) => {
  // More failures than the portal's retries: the sandbox's list stays unreadable.
  await admin('POST', '/faults', {
    status: 500,
    method: 'GET',
    path: `/subscriptions/${sandbox.subscriptionId}/providers/Microsoft.CognitiveServices/deletedAccounts`,
    count: 1000,
  });
  await signIn(page, 'admin@contoso.test');
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();

  await expect(page.getByText(`Could not read ${sandbox.displayName}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Code: InternalServerError/)).toBeVisible();
  await expect(await portal.expectRow('contoso-legacy-luis')).toBeVisible();
  expect((await portal.accountNames()).filter((name) => name.startsWith('fabrikam-'))).toEqual([]);
});
