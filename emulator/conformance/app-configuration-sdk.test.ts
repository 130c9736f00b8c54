/**
 * Conformance: App Configuration soft delete through Microsoft's @azure/arm-appconfiguration 4 client (api-version
 * 2023-03-01), unchanged: deleted stores listed across pages and read, recovered (beginCreate with createMode
 * "Recover", an LRO polled on operationsStatus), purged (an LRO), soft-deleted (beginDelete), and the refusals a
 * caller of real ARM meets — each checked against the emulator's state.
 */
import { AppConfigurationManagementClient } from '@azure/arm-appconfiguration';
import { describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../demo-world';
import { useDemoAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const DAY = 24 * 3600_000;

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

/** What the SDK throws for an ARM error response or a failed LRO. */
async function armError(promise: PromiseLike<unknown>): Promise<{ statusCode?: number; code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { statusCode?: number; code?: string; message: string };
  }
  throw new Error('expected ARM to refuse the call');
}

describe('@azure/arm-appconfiguration 4 against the local Azure (demo world)', () => {
  const azure = useDemoAzure();
  const client = (subscriptionId: string) => new AppConfigurationManagementClient(azure().credential, subscriptionId, azure().clientOptions);
  const world = async (path: string) => (await (await azure().admin('GET', `/_emulator${path}`)).json()) as { value: { name: string; kind: string; resourceId: string }[] };
  const deletedNames = async (sub: string) => (await world(`/world/deleted-configuration-stores?subscriptionId=${sub}`)).value.map((s) => s.name);
  const events = async (kind: string) => (await world('/events')).value.filter((e) => e.kind === kind);


  it('lists deleted stores across pages (configurationStores.listDeleted) in the §3.2 shape', async () => {
    expect((await azure().admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 1 })).status).toBe(200);
    const deleted = await all(client(P).configurationStores.listDeleted());
    expect(deleted.map((s) => s.name)).toEqual(['appcs-contoso-flags', 'appcs-contoso-prod']);
    const prod = deleted[1]!;
    expect(prod).toMatchObject({
      id: `/subscriptions/${P}/providers/Microsoft.AppConfiguration/locations/eastus/deletedConfigurationStores/appcs-contoso-prod`,
      type: 'Microsoft.AppConfiguration/deletedConfigurationStores',
      configurationStoreId: `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-prod`,
      location: 'eastus',
      purgeProtectionEnabled: true,
    });
    expect(prod.scheduledPurgeDate!.getTime() - prod.deletionDate!.getTime()).toBe(7 * DAY);
    expect(deleted[0]!.purgeProtectionEnabled).toBe(false);
  });

  it('reads one deleted store (configurationStores.getDeleted), and 404 for one that is not deleted', async () => {
    const dev = await client(D).configurationStores.getDeleted('eastus2', 'appcs-dev-settings');
    expect(dev.scheduledPurgeDate!.getTime() - dev.deletionDate!.getTime()).toBe(1 * DAY);
    expect(await armError(client(D).configurationStores.getDeleted('eastus2', 'appcs-never-was'))).toMatchObject({ statusCode: 404 });
  });

  it('recovers with beginCreateAndWait and createMode "Recover", keeping the old settings', async () => {
    const recovered = await client(P).configurationStores.beginCreateAndWait('rg-ai-prod', 'appcs-contoso-prod', {
      location: 'eastus',
      sku: { name: 'Standard' },
      createMode: 'Recover',
    });
    expect(recovered).toMatchObject({ name: 'appcs-contoso-prod', provisioningState: 'Succeeded', enablePurgeProtection: true, softDeleteRetentionInDays: 7 });
    expect((await client(P).configurationStores.get('rg-ai-prod', 'appcs-contoso-prod')).endpoint).toBe('https://appcs-contoso-prod.azconfig.io');
    expect(await deletedNames(P)).toEqual(['appcs-contoso-flags']);
    expect((await events('configurationStoreRecovered')).map((e) => e.resourceId)).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-prod`,
    ]);
  });

  it('purges with beginPurgeDeletedAndWait (an LRO polled to Succeeded); the name is free again', async () => {
    await client(P).configurationStores.beginPurgeDeletedAndWait('westus', 'appcs-contoso-flags');
    expect(await deletedNames(P)).toEqual(['appcs-contoso-prod']);
    expect((await events('deletedConfigurationStorePurged')).map((e) => e.resourceId)).toEqual([
      `/subscriptions/${P}/providers/Microsoft.AppConfiguration/locations/westus/deletedConfigurationStores/appcs-contoso-flags`,
    ]);
    const created = await client(P).configurationStores.beginCreateAndWait('rg-search-prod', 'appcs-contoso-flags', { location: 'westus', sku: { name: 'Standard' } });
    expect(created.provisioningState).toBe('Succeeded');
  });

  it('refuses a purge under purge protection, and the store stays', async () => {
    const refused = await armError(client(P).configurationStores.beginPurgeDeletedAndWait('eastus', 'appcs-contoso-prod'));
    expect(refused).toMatchObject({ statusCode: 409, code: 'PurgeProtectionEnabled' });
    expect(await deletedNames(P)).toContain('appcs-contoso-prod');
  });

  it('fails a create whose name is soft-deleted through the LRO: NameUnavailable', async () => {
    const refused = await armError(client(S).configurationStores.beginCreateAndWait('rg-sandbox', 'appcs-contoso-flags', { location: 'eastus', sku: { name: 'Standard' } }));
    expect(refused.message).toContain('NameUnavailable. The specified name is already in use.');
  });

  it('soft-deletes with beginDeleteAndWait, then lists the store as deleted', async () => {
    await client(P).configurationStores.beginDeleteAndWait('rg-ai-prod', 'appcs-contoso-live');
    expect(await deletedNames(P)).toEqual(['appcs-contoso-flags', 'appcs-contoso-live', 'appcs-contoso-prod']);
    expect((await client(P).configurationStores.getDeleted('eastus', 'appcs-contoso-live')).purgeProtectionEnabled).toBe(false);
    expect((await events('configurationStoreSoftDeleted')).map((e) => e.resourceId)).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-live`,
    ]);
    expect(await all(client(P).configurationStores.list())).toEqual([]);
  });
});
