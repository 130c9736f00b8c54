/**
 * Retries against the ARM emulator's fault injection, through the real server actions: transient failures
 * (429 with Retry-After, 500/502/503/504, dropped connections) are retried with backoff and a bounded total
 * time; 409 RequestConflict is tried again after a pause; 403/404 and other 409s are not; a purge or recover whose answer was lost is retried without doing it twice
 * (the emulator's event log shows each change once).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '@/emulator/demo-world';
import type { ActionResult } from '@/lib/action-result';
import { startPortalArm, worldEvents, type PortalArm } from '@/test-support/portal-arm';
import { accountActions } from '@/test-support/account-actions';

vi.mock('server-only', () => ({}));
const actions = accountActions(await import('@/app/actions'));

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const account = (resourceGroup: string, location: string, name: string) => ({ subscriptionId: P, resourceGroup, location, name });

let env: PortalArm;
let admin: string;
beforeAll(async () => {
  env = await startPortalArm();
  admin = await env.arm.token('admin');
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await env.close();
});
afterEach(async () => {
  await env.arm.admin('DELETE', '/faults');
});

async function fault(spec: Record<string, unknown>) {
  const response = await env.arm.admin('POST', '/faults', spec);
  expect(response.status).toBe(201);
}

/** Requests the portal sent with this method whose path ends with this account's name. */
function sentFor(method: string, name: string) {
  return env.recorder.requests.filter((r) => r.method === method && r.path.split('?')[0]!.endsWith(`/${name}`));
}

async function changesOf(kind: string, name: string) {
  return (await worldEvents(env.arm)).filter((e) => e.kind === kind && e.resourceId.toLowerCase().endsWith(`/${name}`));
}

function expectOk(result: ActionResult<unknown>) {
  expect(result.ok ? 'ok' : JSON.stringify(result.error)).toBe('ok');
}

describe('transient failures are retried', () => {
  it('429 waits as long as Retry-After says, then succeeds', async () => {
    const name = 'contoso-translator-web';
    await fault({ status: 429, method: 'DELETE', path: `/${name}$`, count: 1, retryAfterSeconds: 2 });
    expectOk(await actions.purgeDeletedAccount({ token: admin, account: account('rg-search-prod', 'westus', name) }));
    const [first, second] = sentFor('DELETE', name);
    expect(second, 'retried').toBeDefined();
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_900);
    expect(await changesOf('deletedAccountPurged', name)).toHaveLength(1);
  });

  it.each([
    [500, 'contoso-multiservice'],
    [502, 'contoso-anomaly-iot'],
    [503, 'contoso-personalizer-web'],
    [504, 'contoso-metrics-advisor'],
    ['drop', 'contoso-vision-retail'],
  ] as const)('%s once: the purge is retried and done once', async (status, name) => {
    // 503 carries Retry-After (1 s here), which wins over the portal's own backoff.
    await fault({ status, method: 'DELETE', path: `/${name}$`, count: 1, retryAfterSeconds: 1 });
    const location = name === 'contoso-vision-retail' ? 'westeurope' : name.includes('web') || name.includes('metrics') ? 'westus' : 'eastus';
    const group = name === 'contoso-vision-retail' ? 'rg-vision-prod' : location === 'westus' ? 'rg-search-prod' : 'rg-ai-prod';
    expectOk(await actions.purgeDeletedAccount({ token: admin, account: account(group, location, name) }));
    const [first, second] = sentFor('DELETE', name);
    expect(second, 'retried').toBeDefined();
    // Backoff: the retry waits (at least half of the 500 ms base delay; jitter adds up to the other half).
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(status === 503 ? 900 : 200);
    expect(sentFor('DELETE', name)).toHaveLength(2);
    expect(await changesOf('deletedAccountPurged', name)).toHaveLength(1);
  });

  it('409 RequestConflict (a purge right after the delete) is tried again after a pause and done once', async () => {
    const name = 'contoso-contentsafety';
    await fault({ status: 409, method: 'DELETE', path: `/${name}$`, count: 2 });
    expectOk(await actions.purgeDeletedAccount({ token: admin, account: account('rg-ai-prod', 'eastus', name) }));
    const [first, second, third] = sentFor('DELETE', name);
    expect(third, 'tried three times').toBeDefined();
    // Backoff: about 1 s, then about 2 s (each within ±25 %).
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(700);
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(1_400);
    expect(await changesOf('deletedAccountPurged', name)).toHaveLength(1);
  });

  it('409 RequestConflict that lasts gives up after a bounded number of attempts and time, with ARM’s message', async () => {
    const name = 'contoso-docintel-invoices';
    await fault({ status: 409, method: 'DELETE', path: `/${name}$` });
    const started = Date.now();
    const result = await actions.purgeDeletedAccount({ token: admin, account: account('rg-docs-prod', 'SOUTHCENTRALUS', name) });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'arm', code: 'RequestConflict', status: 409 });
    if (!result.ok) expect(result.error.message).toMatch(/provisioning state is not terminal/);
    expect(sentFor('DELETE', name)).toHaveLength(4);
    expect(await changesOf('deletedAccountPurged', name)).toHaveLength(0);
  }, 30_000);

  it('gives up on a lasting outage after a bounded number of attempts and time, as "unavailable"', async () => {
    const name = 'contoso-customvision-train';
    await fault({ status: 503, method: 'DELETE', path: `/${name}$`, retryAfterSeconds: 0 });
    const started = Date.now();
    const result = await actions.purgeDeletedAccount({ token: admin, account: account('rg-vision-prod', 'westeurope', name) });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(sentFor('DELETE', name)).toHaveLength(4);
    expect(await changesOf('deletedAccountPurged', name)).toHaveLength(0);
  }, 30_000);
});

describe('a lost answer is retried without doing the work twice', () => {
  it('purge: the first DELETE took effect but its answer was lost; the retry finds nothing left and counts as done', async () => {
    const name = 'contoso-customvision-pred';
    await fault({ status: 503, phase: 'after', method: 'DELETE', path: `/${name}$`, count: 1, retryAfterSeconds: 0 });
    expectOk(await actions.purgeDeletedAccount({ token: admin, account: account('rg-vision-prod', 'westeurope', name) }));
    expect(sentFor('DELETE', name)).toHaveLength(2);
    expect(await changesOf('deletedAccountPurged', name)).toHaveLength(1);
  });

  it('purge of an already purged account counts as done', async () => {
    const ref = account('rg-openai-prod', 'swedencentral', 'contoso-openai-gpt4o');
    expectOk(await actions.purgeDeletedAccount({ token: admin, account: ref }));
    expectOk(await actions.purgeDeletedAccount({ token: admin, account: ref }));
    expect(await changesOf('deletedAccountPurged', ref.name)).toHaveLength(1);
  });

  it('recover: the PUT took effect but its answer was lost (then the connection dropped); the retried PUT recovers it once', async () => {
    const name = 'contoso-foundry-hub';
    await fault({ status: 502, phase: 'after', method: 'PUT', path: `/accounts/${name}$`, count: 1, retryAfterSeconds: 0 });
    await fault({ status: 'drop', method: 'PUT', path: `/accounts/${name}$`, count: 1 });
    expectOk(await actions.recoverDeletedAccount({ token: admin, account: account('rg-ai-prod', 'eastus', name) }));
    expect(sentFor('PUT', name)).toHaveLength(3);
    expect(await changesOf('accountRecovered', name)).toHaveLength(1);
    // And recovering it again is still fine: a PUT is idempotent.
    expectOk(await actions.recoverDeletedAccount({ token: admin, account: account('rg-ai-prod', 'eastus', name) }));
    expect(await changesOf('accountRecovered', name)).toHaveLength(1);
  });
});

describe('failures another attempt cannot fix are not retried', () => {
  it('403: a Contributor on the resource group cannot purge, asked once', async () => {
    const name = 'contoso-language-support';
    const result = await actions.purgeDeletedAccount({ token: await env.arm.token('operator'), account: account('rg-ai-prod', 'eastus', name) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'arm', code: 'AuthorizationFailed', status: 403 });
    if (!result.ok) expect(result.error.message).toMatch(/does not have authorization/);
    expect(sentFor('DELETE', name)).toHaveLength(1);
  });

  it("404: recover into a deleted resource group reports ARM's message, asked once", async () => {
    const name = 'contoso-legacy-luis';
    const result = await actions.recoverDeletedAccount({ token: admin, account: account('rg-legacy-2019', 'westus', name) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'arm', code: 'ResourceGroupNotFound', status: 404 });
    expect(sentFor('PUT', name)).toHaveLength(1);
  });

  it.each([
    ['FlagMustBeSetForRestore', 'rg-docs-prod', 'SouthCentralUS', 'contoso-docintel-receipts'],
    ['CustomDomainInUse', 'rg-vision-prod', 'West Europe', 'contoso-face-kiosk'],
    ['KeyVaultNotFound', 'rg-openai-prod', 'swedencentral', 'contoso-openai-eastus'],
  ] as const)(
    '409 %s: a conflict another attempt cannot fix is reported, asked once',
    async (code, group, location, name) => {
      await fault({ status: 409, code, method: 'DELETE', path: `/${name}$` });
      const result = await actions.purgeDeletedAccount({ token: admin, account: account(group, location, name) });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ kind: 'arm', code, status: 409 });
      expect(sentFor('DELETE', name)).toHaveLength(1);
      expect(await changesOf('deletedAccountPurged', name)).toHaveLength(0);
    },
  );

  it("409 KeyVaultNotFound from ARM itself: recover without the account's Key Vault is asked once", async () => {
    const name = 'contoso-cmk-textanalytics';
    const result = await actions.recoverDeletedAccount({ token: admin, account: account('rg-ai-prod', 'eastus', name) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'arm', code: 'KeyVaultNotFound', status: 409 });
    expect(sentFor('PUT', name)).toHaveLength(1);
  });
});
