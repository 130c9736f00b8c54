/**
 * A bulk purge that outlives its access token, against the ARM emulator's real token checks: the token is
 * valid when the batch starts and expires while its purges are still running (ARM answers 401
 * ExpiredAuthenticationToken to the status polls). The batch action reports those items as "sign in again";
 * the bulk runner (lib/bulk, as the browser uses it) sends only them again with a renewed token, and no row
 * is lost or purged twice.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '@/emulator/demo-world';
import { userClaims } from '@/emulator/arm/test/harness';
import type { ActionResult } from '@/lib/action-result';
import { runBatchRenewingToken, runBulkInBatches } from '@/lib/bulk/run-bulk';
import { startPortalArm, worldEvents, type PortalArm } from '@/test-support/portal-arm';
import { accountActions } from '@/test-support/account-actions';

vi.mock('server-only', () => ({}));
const actions = accountActions(await import('@/app/actions'));

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const GROUP = 'rg-long-bulk';
const names = Array.from({ length: 20 }, (_, i) => `long-bulk-${String(i + 1).padStart(2, '0')}`);

let env: PortalArm;
beforeAll(async () => {
  env = await startPortalArm();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await env.arm.admin('POST', '/world/resource-groups', { subscriptionId: P, name: GROUP, location: 'eastus' });
  for (const name of names) {
    await env.arm.admin('POST', '/world/deleted-accounts', { subscriptionId: P, resourceGroup: GROUP, name, location: 'eastus', kind: 'FormRecognizer', deletedSecondsAgo: 600 });
  }
  // Purges run 4 s; the token below lives 2 s: it expires while the first batch is polling.
  await env.arm.admin('PUT', '/lro', { durationSeconds: 4 });
}, 30_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await env.close();
});

it('a token that expires mid-batch is renewed for the items ARM refused, and every account is purged exactly once', async () => {
  const shortLived = await env.arm.issuer.sign(userClaims('admin'), { expiresInSeconds: 2 });
  const firstAttempts: ActionResult<unknown>[] = [];
  let renewals = 0;
  const summary = await runBulkInBatches({
    items: names.map((name) => ({ id: name, ref: { subscriptionId: P, resourceGroup: GROUP, location: 'eastus', name } })),
    batchSize: 16,
    runBatch: (batch) =>
      runBatchRenewingToken(batch, async (items, renewToken) => {
        // The browser's useArmCall: MSAL's cached token first, a fresh one when asked to renew.
        if (renewToken) renewals++;
        const token = renewToken ? await env.arm.issuer.sign(userClaims('admin')) : shortLived;
        const result = await actions.purgeDeletedAccounts({ token, accounts: items.map((item) => item.ref) });
        const results = result.ok ? result.data.results : items.map(() => result);
        if (!renewToken) firstAttempts.push(...results);
        return results;
      }),
  });

  // The protection was needed: ARM refused the expired token for some items of the first batch.
  const refused = firstAttempts.filter((r) => !r.ok && r.error.code === 'ExpiredAuthenticationToken');
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.every((r) => !r.ok && r.error.kind === 'sign-in-required')).toBe(true);
  expect(renewals).toBeGreaterThan(0);

  expect(summary.failed).toEqual([]);
  expect([...summary.done].sort()).toEqual(names);
  const purges = (await worldEvents(env.arm)).filter((e) => e.kind === 'deletedAccountPurged' && e.resourceId.includes(`/resourceGroups/${GROUP}/`));
  expect(purges.map((e) => e.resourceId.split('/').pop()).sort()).toEqual(names);
  const left = (await env.arm.admin('GET', `/world/deleted-accounts?subscriptionId=${P}`)).json as { value: { id: string }[] };
  expect(left.value.filter((a) => a.id.includes(`/resourceGroups/${GROUP}/`))).toEqual([]);
}, 60_000);
