/**
 * A row acted on after someone else changed it in ARM: the action reports what ARM shows, through the portal's
 * own server actions against the emulator's demo world, and the emulator's audit log shows nothing done twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '@/emulator/demo-world';
import { startPortalArm, worldEvents, type PortalArm } from '@/test-support/portal-arm';
import { accountActions } from '@/test-support/account-actions';

vi.mock('server-only', () => ({}));
const actions = accountActions(await import('@/app/actions'));

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const ACCOUNT = { subscriptionId: P, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'contoso-foundry-hub' };
const LIVE_PATH = `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-foundry-hub?api-version=2025-06-01`;
const DELETED_PATH = `/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg-ai-prod/deletedAccounts/contoso-foundry-hub?api-version=2025-06-01`;

let env: PortalArm;
let token: string;
beforeAll(async () => {
  env = await startPortalArm();
  token = await env.arm.token('admin');
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.arm.admin('POST', '/reset', { seed: 'demo' });
  await env.arm.admin('PUT', '/lro', { durationSeconds: 0 });
});

/** Someone else, with their own token, acts on the account in ARM first. */
const elsewhere = {
  recover: () => env.arm.call('PUT', LIVE_PATH, { body: { location: 'eastus', properties: { restore: true } } }),
  purge: () => env.arm.call('DELETE', DELETED_PATH),
};

const count = async (kind: string) => (await worldEvents(env.arm)).filter((event) => event.kind === kind && event.resourceId.endsWith('/contoso-foundry-hub')).length;

describe('outcomes the portal did not cause are reported as such', () => {
  it('a purge of an account recovered meanwhile says so and purges nothing', async () => {
    expect((await elsewhere.recover()).status).toBe(201);
    const result = await actions.purgeDeletedAccounts({ token, accounts: [ACCOUNT] });
    expect(result).toEqual({ ok: true, data: { results: [{ ok: true, data: { outcome: 'recovered-meanwhile', resourceGroup: 'rg-ai-prod' } }] } });
    expect(await count('deletedAccountPurged')).toBe(0);
    expect((await env.arm.call('GET', LIVE_PATH)).status).toBe(200);
  });

  it('a purge of an account purged meanwhile says it is already gone', async () => {
    expect((await elsewhere.purge()).status).toBe(202);
    const result = await actions.purgeDeletedAccount({ token, account: ACCOUNT });
    expect(result).toEqual({ ok: true, data: { outcome: 'already-gone' } });
    expect(await count('deletedAccountPurged')).toBe(1);
  });

  it('a recover of an account recovered meanwhile says "already recovered" and recovers nothing again', async () => {
    await elsewhere.recover();
    const result = await actions.recoverDeletedAccount({ token, account: ACCOUNT });
    expect(result).toEqual({ ok: true, data: { outcome: 'already-recovered' } });
    expect(await count('accountRecovered')).toBe(1);
  });

  it('a recover of an account purged meanwhile fails and says it was purged or expired', async () => {
    await elsewhere.purge();
    const result = await actions.recoverDeletedAccount({ token, account: ACCOUNT });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Cannot be recovered: it was purged or expired meanwhile\./);
  });

  it('a plain purge and recover report their own outcome', async () => {
    expect(await actions.purgeDeletedAccount({ token, account: ACCOUNT })).toEqual({ ok: true, data: { outcome: 'purged' } });
    const other = { ...ACCOUNT, name: 'contoso-multiservice' };
    expect(await actions.recoverDeletedAccount({ token, account: other })).toEqual({ ok: true, data: { outcome: 'recovered' } });
  });

  it('reads where each account stands now, for rows whose answer was lost', async () => {
    await elsewhere.recover();
    const gone = { ...ACCOUNT, name: 'contoso-multiservice' };
    await actions.purgeDeletedAccount({ token, account: gone });
    const still = { ...ACCOUNT, name: 'contoso-anomaly-iot' };
    const result = await actions.readDeletedAccountStates({ token, accounts: [ACCOUNT, gone, still] });
    expect(result).toEqual({ ok: true, data: { results: [{ ok: true, data: 'live' }, { ok: true, data: 'gone' }, { ok: true, data: 'deleted' }] } });
  });
});
