/**
 * Conformance: Key Vault soft delete through Microsoft's @azure/arm-keyvault 5 client, unchanged: deleted vaults
 * listed across pages, read, recovered (createOrUpdate with createMode "recover") and purged (an LRO), the
 * refusals a caller of real ARM meets, and vaults.list, which goes through the generic resources API.
 */
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_TENANT } from '../demo-world';
import { useDemoAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const DAY = 24 * 3600_000;

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

/** What the SDK throws for an ARM error response. */
async function armError(promise: PromiseLike<unknown>): Promise<{ statusCode?: number; code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { statusCode?: number; code?: string; message: string };
  }
  throw new Error('expected ARM to refuse the call');
}

const recoverParameters = (location: string) => ({
  location,
  properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A' as const, name: 'standard' as const }, createMode: 'recover' as const },
});

describe('@azure/arm-keyvault 5 against the local Azure (demo world)', () => {
  const azure = useDemoAzure();
  const client = (subscriptionId: string) =>
    new KeyVaultManagementClient(azure().credential, subscriptionId, {
      endpoint: azure().clientOptions.endpoint,
      // TypeSpec-generated clients take their token scopes here, not as credentialScopes.
      credentials: { scopes: azure().clientOptions.credentialScopes },
      tlsOptions: azure().clientOptions.tlsOptions,
      retryOptions: azure().clientOptions.retryOptions,
    });
  const events = async (kind: string) =>
    ((await (await azure().admin('GET', '/_emulator/events')).json()) as { value: { kind: string; resourceId: string }[] }).value.filter((e) => e.kind === kind);


  it('lists deleted vaults across pages (vaults.listDeleted) in the recorded shape', async () => {
    expect((await azure().admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 1 })).status).toBe(200);
    const deleted = await all(client(P).vaults.listDeleted());
    expect(deleted.map((v) => v.name)).toEqual(['kv-contoso-old', 'kv-contoso-secure']);
    const old = deleted[0]!;
    expect(old).toMatchObject({
      id: `/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-old`,
      type: 'Microsoft.KeyVault/deletedVaults',
      properties: { vaultId: `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-old`, location: 'eastus' },
    });
    expect(old.properties!.scheduledPurgeDate!.getTime() - old.properties!.deletionDate!.getTime()).toBe(90 * DAY);
    expect(old.properties!.purgeProtectionEnabled).toBeUndefined();
    const protectedVault = (await all(client(D).vaults.listDeleted())).find((v) => v.name === 'kv-dev-protected');
    expect(protectedVault?.properties?.purgeProtectionEnabled).toBe(true);
  });

  it('reads one deleted vault (vaults.getDeleted), and 404 for one that is not deleted', async () => {
    const deleted = await client(P).vaults.getDeleted('kv-contoso-secure', 'eastus');
    expect(deleted.properties!.scheduledPurgeDate!.getTime() - deleted.properties!.deletionDate!.getTime()).toBe(7 * DAY);
    const missing = await armError(client(P).vaults.getDeleted('kv-contoso-purged', 'southcentralus'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'DeletedVaultNotFound' });
  });

  it('recovers with createOrUpdate and createMode "recover", keeping the old properties', async () => {
    const recovered = await client(P).vaults.createOrUpdate('rg-security', 'kv-contoso-secure', recoverParameters('eastus'));
    expect(recovered.properties.provisioningState).toBe('Succeeded');
    expect(recovered.properties.softDeleteRetentionInDays).toBe(7);
    expect(recovered.properties.vaultUri).toBe('https://kv-contoso-secure.vault.azure.net/');
    expect((await client(P).vaults.get('rg-security', 'kv-contoso-secure')).name).toBe('kv-contoso-secure');
    expect(await armError(client(P).vaults.getDeleted('kv-contoso-secure', 'eastus'))).toMatchObject({ statusCode: 404 });
    expect(await events('vaultRecovered')).toHaveLength(1);
  });

  it('refuses a recover with nothing to recover: 400 SoftDeletedVaultDoesNotExist', async () => {
    const refused = await armError(client(P).vaults.createOrUpdate('rg-docs-prod', 'kv-contoso-purged', recoverParameters('southcentralus')));
    expect(refused).toMatchObject({ statusCode: 400, code: 'SoftDeletedVaultDoesNotExist' });
  });

  it('soft-deletes (vaults.delete) and purges (vaults.purgeDeleted, an LRO polled to Succeeded); the name is free again', async () => {
    await client(P).vaults.delete('rg-ai-prod', 'kv-contoso-prod-cmk');
    expect((await client(P).vaults.getDeleted('kv-contoso-prod-cmk', 'eastus')).properties?.purgeProtectionEnabled).toBe(true);
    // kv-contoso-prod-cmk has purge protection: purge kv-contoso-old instead.
    await client(P).vaults.purgeDeleted('kv-contoso-old', 'eastus').pollUntilDone();
    expect(await armError(client(P).vaults.getDeleted('kv-contoso-old', 'eastus'))).toMatchObject({ statusCode: 404 });
    expect((await events('deletedVaultPurged')).map((e) => e.resourceId)).toEqual([
      `/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-old`,
    ]);
    const created = await client(P).vaults.createOrUpdate('rg-ai-prod', 'kv-contoso-old', {
      location: 'eastus',
      properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' } },
    });
    expect(created.properties.provisioningState).toBe('Succeeded');
  });

  it('refuses a purge under purge protection, and the vault stays', async () => {
    const refused = await armError(client(D).vaults.purgeDeleted('kv-dev-protected', 'eastus2').pollUntilDone());
    expect(refused).toMatchObject({ statusCode: 405, code: 'MethodNotAllowed' });
    expect(refused.message).toContain("Operation 'DeletedVaultPurge' is not allowed.");
    expect((await client(D).vaults.getDeleted('kv-dev-protected', 'eastus2')).name).toBe('kv-dev-protected');
  });

  it('lists live vaults with vaults.list (the generic resources API), page by page with top', async () => {
    await client(P).vaults.createOrUpdate('rg-docs-prod', 'kv-sdk-second', {
      location: 'southcentralus',
      properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' } },
    });
    const vaults = await all(client(P).vaults.list({ top: 1 }));
    expect(vaults.map((v) => v.name)).toEqual(['kv-contoso-prod-cmk', 'kv-sdk-second']);
    expect(vaults[0]).toMatchObject({ type: 'Microsoft.KeyVault/vaults', location: 'eastus' });
  });
});
