/**
 * Conformance: storage account soft delete through Microsoft's @azure/arm-storage 19.1 client, unchanged.
 * The restore itself is a raw PUT: no official JS SDK model carries `deletedAccountCreationTime` (contract §2.3).
 */
import { StorageManagementClient, type DeletedAccount } from '@azure/arm-storage';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../demo-world';
import { startTestAzure, type TestAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

describe('@azure/arm-storage 19.1 against the local Azure (demo world)', () => {
  let azure: TestAzure;
  let dispatcher: Agent;
  const client = (subscriptionId: string) => new StorageManagementClient(azure.credential, subscriptionId, azure.clientOptions);

  /** What a portal sends to restore (contract §2.3): PUT with location and the deleted account's creation time. */
  async function restore(deleted: DeletedAccount, resourceGroup: string) {
    const { token } = (await azure.credential.getToken(azure.clientOptions.credentialScopes))!;
    const url = `${azure.armUrl}/subscriptions/${P}/resourceGroups/${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${deleted.name}?api-version=2022-09-01`;
    return fetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ location: deleted.location, properties: { deletedAccountCreationTime: deleted.creationTime } }),
      dispatcher,
    });
  }

  beforeAll(async () => {
    azure = await startTestAzure();
    dispatcher = new Agent({ connect: { ca: azure.caPem } });
    expect((await azure.admin('PUT', '/_emulator/lro', { durationSeconds: 0 })).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await dispatcher?.close();
    await azure?.dispose();
  });

  it('lists deleted accounts across pages (deletedAccounts.list)', async () => {
    expect((await azure.admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 1 })).status).toBe(200);
    try {
      const deleted = await all(client(D).deletedAccounts.list());
      expect(deleted.map((a) => a.name)).toEqual(['stdevoldlogs', 'sthackathondata']);
      expect(deleted[1]).toMatchObject({
        id: `/subscriptions/${D}/providers/Microsoft.Storage/locations/eastus/deletedAccounts/sthackathondata`,
        type: 'Microsoft.Storage/deletedAccounts',
        storageAccountResourceId: `/subscriptions/${D}/resourceGroups/rg-hackathon/providers/Microsoft.Storage/storageAccounts/sthackathondata`,
        location: 'eastus',
      });
      expect(deleted[1]!.restoreReference).toBe(`sthackathondata|${deleted[1]!.creationTime}`);
    } finally {
      await azure.admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 100 });
    }
  });

  it('gets one deleted account, and answers 404 for one that is not there (deletedAccounts.get)', async () => {
    const deleted = await client(P).deletedAccounts.get('stcontosospeechdata', 'eastus');
    expect(deleted).toMatchObject({ name: 'stcontosospeechdata', location: 'eastus' });
    expect(Date.parse(deleted.deletionTime!)).toBeGreaterThan(Date.parse(deleted.creationTime!));
    const missing = await client(D).deletedAccounts.get('stdevarchive', 'eastus').catch((error: { statusCode?: number; code?: string }) => error);
    expect(missing).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  });

  it('reads the restored account with storageAccounts.getProperties after a raw restore PUT', async () => {
    const deleted = await client(P).deletedAccounts.get('stcontosospeechdata', 'eastus');
    const accepted = await restore(deleted, 'rg-ai-prod');
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get('location')!;
    expect(location).toContain('/providers/Microsoft.Storage/locations/eastus/asyncoperations/');
    const { token } = (await azure.credential.getToken(azure.clientOptions.credentialScopes))!;
    expect((await fetch(location, { headers: { authorization: `Bearer ${token}` }, dispatcher })).status).toBe(200);

    const account = await client(P).storageAccounts.getProperties('rg-ai-prod', 'stcontosospeechdata');
    expect(account).toMatchObject({ kind: 'StorageV2', sku: { name: 'Standard_LRS' }, location: 'eastus', provisioningState: 'Succeeded' });
    expect(account.creationTime?.getTime()).toBe(Date.parse(deleted.creationTime!));
    expect((await all(client(P).deletedAccounts.list())).map((a) => a.name)).not.toContain('stcontosospeechdata');
  });

  it('soft-deletes with storageAccounts.delete, and a new account with the name forfeits the restore', async () => {
    await client(P).storageAccounts.delete('rg-ai-prod', 'stcontosoprodai');
    const deleted = await client(P).deletedAccounts.get('stcontosoprodai', 'eastus');
    expect(deleted.storageAccountResourceId).toBe(`/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.Storage/storageAccounts/stcontosoprodai`);

    await client(P).storageAccounts.beginCreateAndWait('rg-ai-prod', 'stcontosoprodai', { location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_GRS' } });
    const gone = await client(P).deletedAccounts.get('stcontosoprodai', 'eastus').catch((error: { statusCode?: number }) => error);
    expect(gone).toMatchObject({ statusCode: 404 });
    const refused = await restore(deleted, 'rg-ai-prod');
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('DeletedStorageAccountNotFound');
  });
});
