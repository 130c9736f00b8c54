import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { checkDomainAvailabilityPath, deletedAccountPath } from './support/arm-paths';
import { armGet, armRequest } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const sandbox = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;

async function nameIsFree(subscriptionId: string, name: string): Promise<boolean> {
  const answer = await armRequest('POST', checkDomainAvailabilityPath(subscriptionId), {
    subdomainName: name,
    type: 'Microsoft.CognitiveServices/accounts',
  });
  return (answer.body as { isSubdomainAvailable?: boolean }).isSubdomainAvailable === true;
}

test('purging one account needs its name typed, then it is gone from deletedAccounts and its name is free', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-anomaly-iot`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  expect(await nameIsFree(production, 'contoso-anomaly-iot')).toBe(false);

  await portal.select('contoso-anomaly-iot');
  await portal.purgeButton.click();
  const dialog = portal.purgeDialog();
  await expect(dialog.dialog).toContainText('contoso-anomaly-iot');
  await expect(dialog.dialog).toContainText('cannot be restored');
  await expect(dialog.confirmButton()).toBeDisabled();
  await dialog.confirmation.fill('contoso-anomaly');
  await expect(dialog.confirmButton()).toBeDisabled();
  await dialog.confirmation.fill('contoso-anomaly-iot');
  await dialog.confirmButton().click();

  await expect(portal.bulkSummary('1 purged')).toBeVisible({ timeout: 30_000 });
  await portal.expectNoRow('contoso-anomaly-iot');
  expect((await armGet(deletedAccountPath(production, 'eastus', 'rg-ai-prod', 'contoso-anomaly-iot'))).status).toBe(404);
  expect(await nameIsFree(production, 'contoso-anomaly-iot')).toBe(true);
});

test('purging several accounts needs their number typed and warns about provisioned deployments', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${sandbox}`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  const targets = ['fabrikam-translator', 'fabrikam-docintel', 'fabrikam-openai-labs'];
  await portal.select(...targets);
  await portal.purgeButton.click();
  const dialog = portal.purgeDialog();
  await expect(dialog.dialog.getByRole('region', { name: 'AI services accounts to purge' }).getByRole('listitem')).toHaveCount(3);
  await expect(dialog.dialog).toContainText('provisioned deployments');
  await dialog.confirmation.fill('2');
  await expect(dialog.confirmButton()).toBeDisabled();
  await dialog.confirmation.fill('3');
  await dialog.confirmButton().click();

  await expect(portal.bulkSummary('3 purged')).toBeVisible({ timeout: 30_000 });
  const locations: Record<string, [string, string]> = {
    'fabrikam-translator': ['eastus', 'rg-sandbox'],
    'fabrikam-docintel': ['eastus', 'rg-sandbox'],
    'fabrikam-openai-labs': ['japaneast', 'rg-fabrikam-labs'],
  };
  for (const name of targets) {
    await portal.expectNoRow(name);
    const [location, group] = locations[name]!;
    expect((await armGet(deletedAccountPath(sandbox, location, group, name))).status, `${name} purged`).toBe(404);
    expect(await nameIsFree(sandbox, name), `${name} is free`).toBe(true);
  }
});

test('cancelling the purge dialog purges nothing', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${sandbox}&q=fabrikam-speech`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('fabrikam-speech');
  await portal.purgeButton.click();
  await portal.purgeDialog().cancelButton.click();
  await expect(portal.purgeDialog().dialog).toHaveCount(0);
  await expect(await portal.expectRow('fabrikam-speech')).toBeVisible();
  expect((await armGet(deletedAccountPath(sandbox, 'EastUS', 'rg-sandbox', 'fabrikam-speech'))).status).toBe(200);
});
