/**
 * Conformance: API Management soft delete through Microsoft's @azure/arm-apimanagement 10 client (api-version
 * 2024-05-01), unchanged: deleted services listed across pages and read, soft-deleted (beginDelete, an LRO on the
 * Location), restored (beginCreateOrUpdate with restore: true, an LRO on Azure-AsyncOperation), purged (an LRO),
 * and the refusals a caller of real ARM meets — each checked against the emulator's state.
 */
import { ApiManagementClient, type ApiManagementServiceResource } from '@azure/arm-apimanagement';
import { describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../demo-world';
import { useDemoAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const HOUR = 3600_000;

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

/** The restore the docs show: the flag, plus location, sku and publisher, which the SDK's serializer requires. */
const restoreParameters: ApiManagementServiceResource = {
  location: 'South Central US',
  sku: { name: 'Developer', capacity: 1 },
  publisherEmail: 'help@contoso.test',
  publisherName: 'Contoso',
  restore: true,
};

describe('@azure/arm-apimanagement 10 against the local Azure (demo world)', () => {
  const azure = useDemoAzure();
  const client = (subscriptionId: string) => new ApiManagementClient(azure().credential, subscriptionId, azure().clientOptions);
  const world = async (path: string) => (await (await azure().admin('GET', `/_emulator${path}`)).json()) as { value: { name: string; kind: string; resourceId: string }[] };
  const deletedNames = async (sub: string) => (await world(`/world/deleted-api-management-services?subscriptionId=${sub}`)).value.map((s) => s.name);
  const liveNames = async (sub: string) => (await world(`/world/api-management-services?subscriptionId=${sub}`)).value.map((s) => s.name);
  const events = async (kind: string) => (await world('/events')).value.filter((e) => e.kind === kind).map((e) => e.resourceId);


  it('lists deleted services across pages (deletedServices.listBySubscription) in the recorded shape', async () => {
    expect((await azure().admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 1 })).status).toBe(200);
    const deleted = await all(client(D).deletedServices.listBySubscription());
    expect(deleted.map((s) => s.name)).toEqual(['apim-dev-internal', 'apim-hackathon']);
    const internal = deleted[0]!;
    expect(internal).toMatchObject({
      id: `/subscriptions/${D}/providers/Microsoft.ApiManagement/locations/eastus2/deletedservices/apim-dev-internal`,
      type: 'Microsoft.ApiManagement/deletedservices',
      location: 'East US 2',
      serviceId: `/subscriptions/${D}/resourceGroups/rg-dev-ai/providers/Microsoft.ApiManagement/service/apim-dev-internal`,
    });
    expect(internal.scheduledPurgeDate!.getTime() - internal.deletionDate!.getTime()).toBe(48 * HOUR);
  });

  it('reads one deleted service (deletedServices.getByName), and 404 for one that is not deleted', async () => {
    const gateway = await client(P).deletedServices.getByName('apim-contoso-gateway', 'swedencentral');
    expect(gateway.location).toBe('Sweden Central');
    expect(gateway.serviceId).toBe(`/subscriptions/${P}/resourceGroups/rg-openai-prod/providers/Microsoft.ApiManagement/service/apim-contoso-gateway`);
    expect(await armError(client(P).deletedServices.getByName('apim-never-was', 'swedencentral'))).toMatchObject({ statusCode: 404, code: 'ServiceNotFound' });
  });

  it('soft-deletes with apiManagementService.beginDeleteAndWait, polling the Location to the end', async () => {
    await client(P).apiManagementService.beginDeleteAndWait('rg-ai-prod', 'apim-contoso-live');
    expect(await liveNames(P)).toEqual([]);
    expect(await deletedNames(P)).toEqual(['apim-contoso-gateway', 'apim-contoso-live']);
    expect((await client(P).deletedServices.getByName('apim-contoso-live', 'eastus')).location).toBe('East US');
    expect(await events('apiManagementServiceSoftDeleted')).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.ApiManagement/service/apim-contoso-live`,
    ]);
  });

  it('restores with beginCreateOrUpdateAndWait and restore: true, bringing the old service back', async () => {
    // Long enough for the SDK to see the activation in progress first.
    expect((await azure().admin('PUT', '/_emulator/lro', { durationSeconds: 1.5 })).status).toBe(200);
    const restored = await client(S).apiManagementService.beginCreateOrUpdateAndWait('rg-sandbox', 'apim-fabrikam-sandbox', restoreParameters);
    expect(restored).toMatchObject({ name: 'apim-fabrikam-sandbox', location: 'East US', provisioningState: 'Succeeded', publisherEmail: 'apim-admin@contoso.test' });
    expect(await liveNames(S)).toEqual(['apim-fabrikam-sandbox']);
    expect(await deletedNames(S)).toEqual([]);
    expect(await events('apiManagementServiceRestored')).toEqual([
      `/subscriptions/${S}/resourceGroups/rg-sandbox/providers/Microsoft.ApiManagement/service/apim-fabrikam-sandbox`,
    ]);
  });

  it('purges with deletedServices.beginPurgeAndWait; the name can be used again', async () => {
    expect((await azure().admin('PUT', '/_emulator/lro', { durationSeconds: 1.5 })).status).toBe(200);
    await client(P).deletedServices.beginPurgeAndWait('apim-contoso-gateway', 'swedencentral');
    expect(await deletedNames(P)).toEqual([]);
    expect(await events('deletedApiManagementServicePurged')).toEqual([
      `/subscriptions/${P}/providers/Microsoft.ApiManagement/locations/swedencentral/deletedservices/apim-contoso-gateway`,
    ]);
    const created = await client(P).apiManagementService.beginCreateOrUpdateAndWait('rg-openai-prod', 'apim-contoso-gateway', {
      location: 'swedencentral',
      sku: { name: 'Developer', capacity: 1 },
      publisherEmail: 'apis@contoso.test',
      publisherName: 'Contoso APIs',
    });
    expect(created.provisioningState).toBe('Succeeded');
    expect((await liveNames(P)).sort()).toEqual(['apim-contoso-gateway', 'apim-contoso-live']);
  });

  it('meets the refusals: a soft-deleted name, and a restore with nothing to restore', async () => {
    const create = {
      location: 'eastus',
      sku: { name: 'Developer' as const, capacity: 1 },
      publisherEmail: 'apis@contoso.test',
      publisherName: 'Contoso APIs',
    };
    const taken = await armError(client(D).apiManagementService.beginCreateOrUpdateAndWait('rg-dev-ai', 'apim-dev-internal', create));
    expect(taken).toMatchObject({ statusCode: 409, code: 'ServiceAlreadyExistsInSoftDeletedState' });
    const nothing = await armError(client(P).apiManagementService.beginCreateOrUpdateAndWait('rg-ai-prod', 'apim-never-was', restoreParameters));
    expect(nothing).toMatchObject({ statusCode: 404, code: 'ServiceNotFound' });
    expect(await deletedNames(D)).toEqual(['apim-dev-internal', 'apim-hackathon']);
  });
});
