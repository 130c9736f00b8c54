/**
 * The per-row dependency checks, through the listing server action against the ARM emulator's demo world:
 * what ARM holds decides each status, and the reads stay few and well formed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '@/emulator/demo-world';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { resourceRefSchema } from '@/lib/resource-types/refs';
import { startPortalArm, type PortalArm } from '@/test-support/portal-arm';

vi.mock('server-only', () => ({}));
const { listDeletedResources } = await import('@/app/actions');

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;

let env: PortalArm;
beforeAll(async () => {
  env = await startPortalArm();
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.arm.admin('POST', '/reset', { seed: 'demo' });
  const wide = { capacity: 1e6, refillPerSecond: 1e6 };
  await env.arm.admin('PUT', '/throttle', { reads: wide, writes: wide, deletes: wide });
  env.recorder.clear();
});

async function rows(subscription: string | string[], who: 'admin' | 'operator' = 'admin'): Promise<Map<string, DeletedResource>> {
  const result = await listDeletedResources({ token: await env.arm.token(who), subscription });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return new Map(result.data.resources.map((row) => [row.name, row]));
}

async function statuses(subscription: string | string[], who: 'admin' | 'operator' = 'admin'): Promise<Map<string, DeletedResource['status']>> {
  return new Map([...(await rows(subscription, who))].map(([name, account]) => [name, account.status]));
}

describe('dependency checks in the deleted-accounts list', () => {
  it('finds a soft-deleted Key Vault and storage account and makes them steps of the recover, with their dates', async () => {
    const accounts = await rows(P);
    const cmk = accounts.get('contoso-cmk-textanalytics');
    expect(cmk?.status).toMatchObject({ label: 'Key Vault deleted', recover: { allowed: true } });
    expect(cmk?.status.detail).toMatch(/^Key Vault 'kv-contoso-old' is deleted: recoverable until .* UTC; Recover brings it back first\.$/);
    expect(cmk?.prerequisites).toEqual([
      {
        kind: 'resource',
        key: `key-vaults:${P}/rg-ai-prod/kv-contoso-old`,
        title: 'Recover Key Vault kv-contoso-old',
        fact: expect.stringMatching(/^recoverable until .* UTC$/),
        ref: { type: 'key-vaults', subscriptionId: P, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'kv-contoso-old' },
        dependsOn: [],
      },
    ]);
    const speech = accounts.get('contoso-speech-callcenter');
    expect(speech?.status).toMatchObject({ label: 'Storage deleted', recover: { allowed: true } });
    expect(speech?.prerequisites).toEqual([
      expect.objectContaining({
        kind: 'resource',
        title: 'Restore storage account stcontosospeechdata',
        fact: expect.stringMatching(/^restorable until .* UTC$/),
        ref: expect.objectContaining({ type: 'storage-accounts', name: 'stcontosospeechdata', resourceGroup: 'rg-ai-prod', creationTime: expect.any(String) }),
      }),
    ]);
    // The steps name their resources as the server's own validation accepts them.
    for (const step of [...(cmk?.prerequisites ?? []), ...(speech?.prerequisites ?? [])]) {
      expect(step.kind === 'resource' && resourceRefSchema.safeParse(step.ref).success).toBe(true);
    }
  });

  it('says a purged vault and a storage account past its 14 days block recover for good', async () => {
    const all = await statuses([P, D]);
    expect(all.get('contoso-cmk-purgedkey')).toMatchObject({ label: 'Key Vault purged', recover: { allowed: false } });
    expect(all.get('dev-speech-archive')).toMatchObject({ label: 'Storage gone', recover: { allowed: false } });
  });

  it('chains a deleted resource group, vault and storage account before the account', async () => {
    const account = (await rows(D)).get('dev-hackathon-speech');
    const group = `rg:${D}/rg-hackathon`;
    expect(account?.prerequisites.map((step) => [step.key, step.kind === 'resource-group' ? [] : step.dependsOn])).toEqual([
      [group, []],
      [`key-vaults:${D}/rg-hackathon/kv-hackathon`, [group]],
      [`storage-accounts:${D}/rg-hackathon/sthackathondata`, [group]],
    ]);
  });

  it('tells an operator who may not list deleted vaults that it cannot check, instead of calling the vault purged', async () => {
    const status = (await statuses(P, 'operator')).get('contoso-cmk-secure');
    expect(status).toMatchObject({ label: 'Key Vault not found', recover: { allowed: false, reason: expect.stringContaining('deletedVaults/read') } });
  });

  it('says Recoverable, with nothing left unchecked, when the vault and the storage account exist', async () => {
    const rows = await statuses(P);
    expect(rows.get('contoso-language-support')).toEqual({
      label: 'Recoverable',
      tone: 'success',
      recover: { allowed: true },
      purge: { allowed: true },
    });
  });

  it('finds a vault that lives in another subscription', async () => {
    await env.arm.admin('POST', '/world/vaults', { subscriptionId: S, resourceGroup: 'rg-sandbox', name: 'kv-contoso-old', location: 'eastus' });
    expect((await statuses(P)).get('contoso-cmk-textanalytics')?.label).toBe('Recoverable');
  });

  it('sees a storage account created again', async () => {
    await env.arm.admin('POST', '/world/storage-accounts', { subscriptionId: P, resourceGroup: 'rg-ai-prod', name: 'stcontosospeechdata', location: 'eastus' });
    expect((await statuses(P)).get('contoso-speech-callcenter')?.label).toBe('Recoverable');
  });

  it('says it could not check, rather than gone, when the vault lists cannot be read', async () => {
    await env.arm.admin('POST', '/faults', { status: 503, method: 'GET', path: '/providers/Microsoft.KeyVault/vaults$', retryAfterSeconds: 0 });
    const status = (await statuses(P)).get('contoso-cmk-textanalytics');
    expect(status?.label).toBe('Recoverable');
    expect(status?.detail).toMatch(/Could not check Key Vault 'kv-contoso-old'/);
  });

  it('reads each subscription’s vaults and each storage account at most once for "All subscriptions"', async () => {
    await statuses(Object.values(DEMO_SUBSCRIPTIONS).map((sub) => sub.subscriptionId));
    const paths = env.recorder.requests.map((request) => request.path);
    const vaultReads = paths.filter((path) => /\/providers\/Microsoft\.KeyVault\/vaults\?/.test(path)).map((path) => path.split('/')[2]);
    // Own subscription first for each subscription with a CMK account, then the directory of all, read once.
    expect(vaultReads.length).toBeLessThanOrEqual(2 * Object.keys(DEMO_SUBSCRIPTIONS).length);
    const storageReads = paths.filter((path) => /\/providers\/Microsoft\.Storage\/storageAccounts\//.test(path));
    expect(new Set(storageReads).size).toBe(storageReads.length);
  });

  const groupReads = (subscriptionId: string) =>
    env.recorder.requests.filter((request) => request.path.toLowerCase().startsWith(`/subscriptions/${subscriptionId}/resourcegroups`));

  it('reads the resource groups with one list when the caller may read every group, and still sees a missing one', async () => {
    const rows = await statuses(P);
    const reads = groupReads(P);
    expect(reads.map((request) => `${request.method} ${request.path.split('?')[0]?.toLowerCase()}`)).toEqual([`GET /subscriptions/${P}/resourcegroups`]);
    expect(rows.get('contoso-legacy-luis')?.label).toBe('Resource group gone');
    expect(rows.get('contoso-foundry-hub')?.label).toBe('Recoverable');
  });

  it('asks for each group on its own when the caller may not read every group (ARM leaves those out of its list)', async () => {
    const rows = await statuses(D, 'operator');
    const reads = groupReads(D).filter((request) => !request.path.includes('/providers/'));
    expect(reads.map((request) => request.method)).toEqual(['HEAD', 'HEAD']);
    expect([...rows.values()].every((status) => status.label !== 'Resource group gone')).toBe(true);
  });
});
