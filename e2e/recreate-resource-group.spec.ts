import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { accountPath, resourceGroupPath } from './support/arm-paths';
import { armGet } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;

test('a recover blocked by a missing resource group says why and succeeds after "Recreate resource group"', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-legacy-luis`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(portal.statusCell('contoso-legacy-luis')).toContainText('Resource group gone');
  await portal.select('contoso-legacy-luis');
  await expect(portal.recoverButton).toBeDisabled();
  await expect(portal.recoverButton).toHaveAccessibleDescription(/Resource group 'rg-legacy-2019' no longer exists/);

  await portal.row('contoso-legacy-luis').getByRole('button', { name: 'Recreate resource group rg-legacy-2019' }).click();
  await expect(portal.statusCell('contoso-legacy-luis')).toContainText('Recoverable', { timeout: 20_000 });
  const group = await armGet(resourceGroupPath(production, 'rg-legacy-2019'));
  expect(group.status).toBe(200);
  expect((group.body as { location: string }).location).toBe('westus');

  await expect(portal.recoverButton).toBeEnabled();
  await portal.recoverButton.click();
  await expect(portal.bulkSummary('1 recovered')).toBeVisible({ timeout: 30_000 });
  expect((await armGet(accountPath(production, 'rg-legacy-2019', 'contoso-legacy-luis'))).status).toBe(200);
});
