import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { accountPath, resourceGroupPath } from './support/arm-paths';
import { armGet } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;

test('a missing resource group is named before acting and can be recreated on its own with "Recreate resource group"', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-legacy-luis`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await expect(await portal.statusCell('contoso-legacy-luis')).toContainText('Resource group gone');
  await (await portal.statusCell('contoso-legacy-luis')).getByText('Resource group gone').hover();
  await expect(page.getByRole('tooltip')).toContainText("Resource group 'rg-legacy-2019' no longer exists: it is recreated in its region first.");

  await (await portal.expectRow('contoso-legacy-luis')).getByRole('button', { name: 'Recreate resource group rg-legacy-2019' }).click();
  await expect(await portal.statusCell('contoso-legacy-luis')).toContainText('Recoverable', { timeout: 20_000 });
  const group = await armGet(resourceGroupPath(production, 'rg-legacy-2019'));
  expect(group.status).toBe(200);
  expect((group.body as { location: string }).location).toBe('westus');

  // Nothing is left to bring back first: Recover runs at once, without a plan.
  await portal.select('contoso-legacy-luis');
  await expect(portal.recoverButton).toBeEnabled();
  await portal.recoverButton.click();
  await expect(portal.bulkSummary('1 recovered')).toBeVisible({ timeout: 30_000 });
  expect((await armGet(accountPath(production, 'rg-legacy-2019', 'contoso-legacy-luis'))).status).toBe(200);
});

test('Recover on an account whose resource group is gone recreates the group in its region first, as step one of the plan', async ({ page }) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=contoso-legacy`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await portal.select('contoso-legacy-luis', 'contoso-legacy-qna');
  await expect(portal.recoverButton).toBeEnabled();
  await portal.recoverButton.click();
  const plan = portal.recoveryPlanDialog();
  await expect(plan.dialog).toContainText('Recovery plan: 1 step before 2 AI services accounts');
  await expect(plan.steps.first()).toContainText('Recreate resource group rg-legacy-2019 (West US)');
  await plan.runButton.click();
  await expect(portal.bulkSummary('1 step done, 2 recovered')).toBeVisible({ timeout: 30_000 });
  const group = await armGet(resourceGroupPath(production, 'rg-legacy-2019'));
  expect((group.body as { location: string }).location).toBe('westus');
  for (const name of ['contoso-legacy-luis', 'contoso-legacy-qna']) {
    expect((await armGet(accountPath(production, 'rg-legacy-2019', name))).status, name).toBe(200);
  }
});
