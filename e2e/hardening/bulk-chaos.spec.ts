/**
 * A bulk purge of 200 accounts while the emulator fails about 30% of the purge requests (429, 500, 503, dropped
 * connections, and 500s after the purge took effect) and throttles deletes and reads hard. The UI's summary and
 * rows are compared with the emulator's own state and audit log: every account ends done or failed with a
 * reason, none is lost, none is purged twice, none is reported twice; "Retry failed" finishes the rest.
 */
import { DEMO_SUBSCRIPTIONS } from '../../emulator/demo-world';
import { expect, signIn, test } from '../fixtures';
import { DeletedResourcesPage } from '../pages/deleted-resources-page';
import { admin, purgesByAccount } from '../support/local-azure';

const production = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const GROUP = 'rg-chaos';
const COUNT = 200;
const names = Array.from({ length: COUNT }, (_, i) => `chaos-${String(i + 1).padStart(3, '0')}`);
const KINDS = ['TextAnalytics', 'FormRecognizer', 'SpeechServices', 'ComputerVision', 'OpenAI'];

/** Names of rg-chaos accounts that are still soft-deleted, as the emulator stores them. */
async function remainingInEmulator(): Promise<string[]> {
  const body = (await admin('GET', `/world/deleted-accounts?subscriptionId=${production}`)) as {
    value: { id: string; name: string }[];
  };
  return body.value.filter((account) => account.id.toLowerCase().includes(`/resourcegroups/${GROUP}/`)).map((account) => account.name);
}

async function injectChaos(): Promise<void> {
  const deletes = '/deletedAccounts/chaos-\\d+$';
  // Rules are tried in order, each with its own seeded dice: together about 30% of purge requests fail.
  await admin('POST', '/faults', { status: 429, method: 'DELETE', path: deletes, fraction: 0.1, retryAfterSeconds: 1, seed: 1 });
  await admin('POST', '/faults', { status: 500, method: 'DELETE', path: deletes, fraction: 0.07, seed: 2 });
  await admin('POST', '/faults', { status: 503, method: 'DELETE', path: deletes, fraction: 0.06, retryAfterSeconds: 1, seed: 3 });
  await admin('POST', '/faults', { status: 'drop', method: 'DELETE', path: deletes, fraction: 0.05, seed: 4 });
  // The purge happens, but the portal never hears so.
  await admin('POST', '/faults', { status: 500, phase: 'after', method: 'DELETE', path: deletes, fraction: 0.05, seed: 5 });
  await admin('POST', '/faults', { status: 503, method: 'GET', path: '/operationResults/', fraction: 0.1, retryAfterSeconds: 1, seed: 6 });
  // 16 purges at a time against a bucket of 20 deletes refilled at 8/s: the throttle answers 429 too.
  await admin('PUT', '/throttle', { deletes: { capacity: 20, refillPerSecond: 8 }, reads: { capacity: 40, refillPerSecond: 20 } });
}

test('a bulk purge of 200 under 30% transient faults and throttling ends with every account done or failed with a reason, none lost, none done or reported twice', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await admin('POST', '/world/resource-groups', { subscriptionId: production, name: GROUP, location: 'eastus' });
  for (const [i, name] of names.entries()) {
    await admin('POST', '/world/deleted-accounts', {
      subscriptionId: production,
      resourceGroup: GROUP,
      name,
      location: 'eastus',
      kind: KINDS[i % KINDS.length],
      deletedSecondsAgo: 3600,
    });
  }
  await admin('PUT', '/lro', { durationSeconds: 0 });

  await signIn(page, 'admin@contoso.test', `/?subscription=${production}&q=chaos-`);
  const portal = new DeletedResourcesPage(page);
  await portal.waitForRows();
  await page.getByRole('checkbox', { name: 'Select all rows' }).check();
  await portal.purgeButton.click();
  await portal.purgeDialog().confirmation.fill(String(COUNT));
  await injectChaos();
  await portal.purgeDialog().confirmButton().click();

  // A purge whose answer was lost and whose retry found nothing left is "already gone", never "purged".
  const SUMMARY = /^(\d+) purged(?:, (\d+) already gone)?(?:, (\d+) failed)?$/;
  const summary = page.getByText(SUMMARY).first();
  await expect(summary).toBeVisible({ timeout: 240_000 });
  const [, donePart, gonePart, failedPart] = SUMMARY.exec((await summary.textContent()) ?? '') ?? [];
  const doneCount = Number(donePart) + Number(gonePart ?? 0);
  const failedCount = Number(failedPart ?? 0);
  expect(doneCount + failedCount, 'every account reported exactly once').toBe(COUNT);

  // The rows left in the table are exactly the failed ones, each with ARM's (or the network's) reason.
  const failedNames = await portal.accountNames();
  expect(new Set(failedNames).size, 'no row twice').toBe(failedNames.length);
  expect(failedNames).toHaveLength(failedCount);
  for (const name of failedNames) {
    await expect(await portal.statusCell(name)).toContainText('Failed');
    expect(((await (await portal.statusCell(name)).textContent()) ?? '').replace('Failed', '').trim(), `${name} has a reason`).not.toBe('');
  }

  await admin('DELETE', '/faults');
  const remaining = await remainingInEmulator();
  const purges = await purgesByAccount(GROUP);
  expect([...purges.values()].filter((n) => n > 1), 'no account purged twice').toEqual([]);
  // Done in the UI means purged in the emulator; what the emulator still holds was reported failed. A failed
  // row may already be purged (its answer was lost on every attempt): Retry failed must count it as done.
  expect(remaining.filter((name) => !failedNames.includes(name)), 'accounts left but not reported failed').toEqual([]);
  expect(purges.size + remaining.length, 'none lost').toBe(COUNT);
  expect(purges.size).toBeGreaterThanOrEqual(doneCount);

  if (failedCount > 0) {
    await admin('PUT', '/throttle', { deletes: { capacity: 1e6, refillPerSecond: 1e6 }, reads: { capacity: 1e6, refillPerSecond: 1e6 } });
    await portal.retryFailedButton.click();
    const retried = page.getByText(/^(\d+) purged(?:, (\d+) already gone)?$/).first();
    await expect(retried).toBeVisible({ timeout: 60_000 });
    const [, purgedNow, goneNow] = /^(\d+) purged(?:, (\d+) already gone)?$/.exec((await retried.textContent()) ?? '') ?? [];
    expect(Number(purgedNow) + Number(goneNow ?? 0), 'every failed row ends, none failed').toBe(failedCount);
  }
  expect(await remainingInEmulator()).toEqual([]);
  const finalPurges = await purgesByAccount(GROUP);
  expect(finalPurges.size).toBe(COUNT);
  expect([...finalPurges.values()].every((n) => n === 1), 'each account purged exactly once').toBe(true);
});
