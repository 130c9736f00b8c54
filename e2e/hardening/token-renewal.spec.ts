/**
 * A bulk purge that outlives its access token, in the browser: ARM answers 401 `ExpiredAuthenticationToken`
 * (with its `WWW-Authenticate` challenge) to some of the purge requests. The portal must ask the sign-in
 * provider for a new token (MSAL, forceRefresh) and send only those rows again: every row ends purged, none
 * failed, and the emulator's audit log shows each account purged exactly once.
 */
import { DEMO_SUBSCRIPTIONS } from '../../emulator/demo-world';
import { expect, signIn, test } from '../fixtures';
import { DeletedResourcesPage } from '../pages/deleted-resources-page';
import { admin, identityUrl, purgesByAccount } from '../support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const GROUP = 'rg-token-renewal';
const names = Array.from({ length: 6 }, (_, i) => `renewal-${String(i + 1).padStart(2, '0')}`);
const REFUSED = 3;

test('a bulk purge whose token ARM refuses as expired renews it and purges every row exactly once, none failed', async ({ page }) => {
  await admin('POST', '/world/resource-groups', { subscriptionId: production, name: GROUP, location: 'eastus' });
  for (const name of names) {
    await admin('POST', '/world/deleted-accounts', { subscriptionId: production, resourceGroup: GROUP, name, location: 'eastus', kind: 'FormRecognizer', deletedSecondsAgo: 600 });
  }

  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=renewal-`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  expect((await portal.accountNames()).sort()).toEqual(names);
  await page.getByRole('checkbox', { name: 'Select all rows' }).check();
  await portal.purgeButton.click();
  await portal.purgeDialog().confirmation.fill(String(names.length));

  // The first purge requests meet a token ARM calls expired; the sign-in state in the browser is untouched.
  await admin('POST', '/faults', { status: 401, code: 'ExpiredAuthenticationToken', method: 'DELETE', path: `/resourceGroups/${GROUP}/deletedAccounts/`, count: REFUSED });
  const tokenRequests: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().startsWith(identityUrl) && request.url().includes('/oauth2/v2.0/token')) tokenRequests.push(request.url());
  });
  const renewal = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url().startsWith(identityUrl) && request.url().includes('/oauth2/v2.0/token'),
    { timeout: 30_000 },
  );
  await portal.purgeDialog().confirmButton().click();
  await renewal;

  await expect(page.getByText(`${names.length} purged`, { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/\d+ failed/)).toHaveCount(0);
  await expect(page.getByText('Sign in again to continue')).toHaveCount(0);
  await expect.poll(async () => (await portal.accountNames()).filter((name) => name.startsWith('renewal-'))).toEqual([]);

  const rules = (await admin('GET', '/faults')) as { value: { injected: number }[] };
  expect(rules.value.map((rule) => rule.injected), 'ARM refused the token for some rows').toEqual([REFUSED]);
  expect(tokenRequests.length, 'one renewal for the one batch').toBe(1);

  const purges = await purgesByAccount(GROUP);
  expect([...purges.keys()].sort()).toEqual(names);
  expect([...purges.values()].every((count) => count === 1), 'each account purged exactly once').toBe(true);
  const left = (await admin('GET', `/world/deleted-accounts?subscriptionId=${production}`)) as { value: { id: string }[] };
  expect(left.value.filter((account) => account.id.toLowerCase().includes(`/resourcegroups/${GROUP}/`))).toEqual([]);
});
