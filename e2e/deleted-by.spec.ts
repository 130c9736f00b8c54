import { DEMO_SUBSCRIPTIONS } from '../emulator/demo-world';
import { expect, signIn, test } from './fixtures';
import { DeletedResourcesPage } from './pages/deleted-resources-page';
import { accountPath, deletedAccountPath } from './support/arm-paths';
import { armGet, armRequest } from './support/local-azure';
import { nextUserToken } from './support/user-token';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const ACCOUNT = 'contoso-speech-live';

test('Deleted by names the demo user who deleted an account through ARM; a person who cannot read the log sees unknown, with the reason', async ({ page, browser }) => {
  // The operator (Contributor on rg-ai-prod only) deletes a live account there, through ARM, with their own token.
  const operatorToken = nextUserToken(page);
  await signIn(page, 'operator@contoso.test', `/?subscription=${production}`);
  const deleted = await armRequest('DELETE', accountPath(production, 'rg-ai-prod', ACCOUNT), undefined, await operatorToken);
  expect(deleted.status, JSON.stringify(deleted.body)).toBeLessThan(300);
  await expect.poll(async () => (await armGet(deletedAccountPath(production, 'eastus', 'rg-ai-prod', ACCOUNT))).status).toBe(200);

  // The operator's role is on a resource group: the subscription's activity log is not theirs to read.
  await page.goto(`/?subscription=${production}&q=${ACCOUNT}`);
  const operatorView = new DeletedResourcesPage(page);
  await operatorView.waitForRows();
  const unknown = await operatorView.cell(ACCOUNT, 'Deleted by');
  await expect(unknown).toHaveText('unknown');
  await unknown.getByText('unknown').hover();
  await expect(page.getByRole('tooltip')).toContainText("Unknown: you can't read this subscription's activity log (it needs Microsoft.Insights/eventtypes/values/read");

  // The admin, who can, sees who did it and when.
  const adminContext = await browser.newContext();
  try {
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, 'admin@contoso.test', `/?subscription=${production}&q=${ACCOUNT}`);
    const adminView = new DeletedResourcesPage(adminPage);
    await adminView.waitForRows();
    const known = await adminView.cell(ACCOUNT, 'Deleted by');
    await expect(known).toContainText('operator@contoso.test');
    await expect(known).toContainText(/· (less than a minute|\d+ min) ago/);
    await known.getByText('operator@contoso.test').hover();
    await expect(adminPage.getByRole('tooltip')).toContainText('Deleted by operator@contoso.test on');
  } finally {
    await adminContext.close();
  }
});
