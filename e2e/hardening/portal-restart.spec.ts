/**
 * The portal server is killed (SIGKILL) in the middle of a bulk purge of 50 and started again. Rows whose
 * answers died with it end "Outcome unknown"; once the server is back, Retry failed reads ARM for them first
 * (purges that took effect are reported as such, never sent again) and purges the rest. Every row ends in
 * a state ARM confirms, and the audit log shows each account purged exactly once.
 */
import { DEMO_SUBSCRIPTIONS } from '../../emulator/demo-world';
import { e2ePorts } from '../../playwright.config';
import { expect, signIn, test } from '../fixtures';
import { DeletedResourcesPage } from '../pages/deleted-resources-page';
import { admin, purgesByAccount } from '../support/local-azure';
import { startStandalonePortal, type StandalonePortal } from '../support/standalone-portal';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const GROUP = 'rg-restart';
const COUNT = 50;
const names = Array.from({ length: COUNT }, (_, i) => `restart-${String(i + 1).padStart(2, '0')}`);
/** A production portal server of its own (the e2e build's standalone server, the e2e emulator), as deployed. */
const startPortal = () => startStandalonePortal(e2ePorts.restartingPortal);

let portalServer: StandalonePortal | undefined;
test.afterEach(async () => {
  portalServer?.kill();
  await portalServer?.stop();
});

test('the portal server killed during a bulk purge of 50: after it is back, every row ends in a true state and Retry purges the rest once', async ({ page }) => {
  test.setTimeout(240_000);
  await admin('POST', '/world/resource-groups', { subscriptionId: production, name: GROUP, location: 'eastus' });
  for (const name of names) {
    await admin('POST', '/world/deleted-accounts', { subscriptionId: production, resourceGroup: GROUP, name, location: 'eastus', kind: 'TextAnalytics', deletedSecondsAgo: 3600 });
  }
  // Each purge runs 3 s in ARM: the first batch is in flight when the server dies.
  await admin('PUT', '/lro', { durationSeconds: 3 });
  portalServer = await startPortal();

  await signIn(page, 'admin@contoso.test', `${portalServer.origin}/?subscription=${production}&q=restart-`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await page.getByRole('checkbox', { name: 'Select all rows' }).check();
  await portal.purgeButton.click();
  await portal.purgeDialog().confirmation.fill(String(COUNT));
  await portal.purgeDialog().confirmButton().click();

  // The first batch is running in ARM: kill the server that sent it, mid-bulk.
  await expect.poll(async () => (await admin('GET', `/world/deleted-accounts?subscriptionId=${production}`) as { value: { id: string }[] }).value.filter((a) => a.id.includes(GROUP)).length, { timeout: 30_000 }).toBeLessThan(COUNT);
  portalServer.kill();
  await portalServer.stop();
  const firstRun = page.getByText(/^\d+ purged.*\d+ failed$/).first();
  await expect(firstRun).toBeVisible({ timeout: 60_000 });
  const firstPurged = Number(/^(\d+) purged/.exec((await firstRun.textContent()) ?? '')?.[1] ?? NaN);
  await expect(await portal.expectRow(names[0]!)).toContainText('Outcome unknown');

  portalServer = await startPortal();
  await portal.retryFailedButton.click();
  // Rows purged before the crash are confirmed in ARM, not purged again; the rest are purged now.
  const SUMMARY = /^(\d+) purged, (\d+) confirmed gone$/;
  const summary = page.getByText(SUMMARY).first();
  await expect(summary).toBeVisible({ timeout: 120_000 });
  const [, purgedNow = '0', confirmed = '0'] = SUMMARY.exec((await summary.textContent()) ?? '') ?? [];
  expect(Number(confirmed)).toBeGreaterThan(0);

  const purges = await purgesByAccount(GROUP);
  expect(names.filter((name) => purges.get(name) !== 1), 'each purged exactly once').toEqual([]);
  const left = (await admin('GET', `/world/deleted-accounts?subscriptionId=${production}`)) as { value: { id: string }[] };
  expect(left.value.filter((account) => account.id.includes(GROUP))).toEqual([]);
  expect(firstPurged + Number(purgedNow) + Number(confirmed), 'every row reported once').toBe(COUNT);
});
