import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { accountPath, deletedAccountPath } from './support/arm-paths';
import { admin, armGet } from './support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const targets = ['contoso-translator-web', 'contoso-personalizer-web', 'contoso-metrics-advisor'];

test('a failure in the middle of a bulk recover is reported on its row with ARM’s message, and "Retry failed" finishes the job', async ({
  page,
}) => {
  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=rg-search-prod`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  // Enough 500s on one account's PUT to outlast the portal's own retries; the next attempt succeeds.
  await admin('POST', '/faults', {
    status: 500,
    method: 'PUT',
    path: '/accounts/contoso-personalizer-web$',
    count: 4,
  });

  await portal.select(...targets);
  await portal.recoverButton.click();
  await expect(portal.bulkSummary('2 recovered, 1 failed')).toBeVisible({ timeout: 45_000 });
  const failedRow = await portal.expectRow('contoso-personalizer-web');
  await expect(failedRow).toContainText('Failed');
  await expect(failedRow).toContainText('Encountered internal server error');
  await expect(portal.checkbox('contoso-personalizer-web')).toBeChecked();
  await portal.expectNoRow('contoso-translator-web');
  expect((await armGet(accountPath(production, 'rg-search-prod', 'contoso-personalizer-web'))).status).toBe(404);

  await portal.retryFailedButton.click();
  await expect(portal.bulkSummary('1 recovered')).toBeVisible({ timeout: 30_000 });
  await expect(failedRow).toHaveCount(0);
  for (const name of targets) {
    expect((await armGet(accountPath(production, 'rg-search-prod', name))).status, `${name} exists`).toBe(200);
  }
});

test('a purge whose answer was lost is reported as failed, and "Retry failed" finds it already gone instead of claiming a purge', async ({ page }) => {
  const sandbox = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
  await signIn(page, 'admin@contoso.test', `/?subscription=${sandbox}&q=rg-sandbox`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  // ARM purges fabrikam-speech, but the portal never hears so (nor on its own retries).
  await admin('POST', '/faults', {
    status: 500,
    method: 'DELETE',
    path: '/deletedAccounts/fabrikam-speech$',
    count: 4,
    phase: 'after',
  });
  await portal.select('fabrikam-speech', 'fabrikam-translator');
  await portal.purgeButton.click();
  await portal.purgeDialog().confirmation.fill('2');
  await portal.purgeDialog().confirmButton().click();

  await expect(portal.bulkSummary('1 purged, 1 failed')).toBeVisible({ timeout: 45_000 });
  await expect(await portal.expectRow('fabrikam-speech')).toContainText('Failed');
  expect((await armGet(deletedAccountPath(sandbox, 'EastUS', 'rg-sandbox', 'fabrikam-speech'))).status).toBe(404);

  // ARM has nothing left to purge: the retry says what is true, and purges nothing a second time.
  await portal.retryFailedButton.click();
  await expect(portal.bulkSummary('0 purged, 1 already gone')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Not as asked' })).toHaveText(/fabrikam-speech: already gone: purged or expired meanwhile/);
  await portal.expectNoRow('fabrikam-speech');
});
