import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { deletedAccountPath } from './support/arm-paths';
import { armGet } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const PURGE_REASON = "You can't purge: purge needs Contributor or Owner on the subscription.";

test('the operator is refused purge with the reason shown', async ({ page }) => {
  await signIn(page, 'operator@contoso.test', `/?subscription=${production}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('contoso-foundry-hub');
  await expect(portal.purgeButton).toBeDisabled();
  await expect(portal.purgeButton).toHaveAccessibleDescription(`Purge: ${PURGE_REASON}`);
  await expect(page.getByText(`Purge: ${PURGE_REASON}`)).toBeVisible();
  await expect(portal.recoverButton).toBeEnabled();
});

test('the reader can only look: Recover and Purge are disabled with their reasons', async ({ page }) => {
  await signIn(page, 'reader@contoso.test', `/?subscription=${production}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.statusCell('contoso-foundry-hub')).toContainText('Read only');
  await portal.select('contoso-foundry-hub', 'contoso-translator-web');
  await expect(portal.recoverButton).toBeDisabled();
  await expect(portal.purgeButton).toBeDisabled();
  await expect(portal.recoverButton).toHaveAccessibleDescription(/Recover: You can't recover: it needs write access/);
  await expect(portal.purgeButton).toHaveAccessibleDescription(`Purge: ${PURGE_REASON}`);
  // The reader may not create resource groups either: the blocker is shown without the one-click fix.
  await expect(await portal.statusCell('contoso-legacy-luis')).toContainText('Resource group gone');
  await expect(portal.row('contoso-legacy-luis').getByRole('button', { name: /Recreate resource group/ })).toHaveCount(0);
  // A disabled button does nothing when clicked anyway.
  await portal.purgeButton.click({ force: true });
  await expect(portal.purgeDialog().dialog).toHaveCount(0);
  expect((await armGet(deletedAccountPath(production, 'eastus', 'rg-ai-prod', 'contoso-foundry-hub'))).status).toBe(200);
});
