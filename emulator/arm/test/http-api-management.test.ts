/**
 * Raw HTTP: API Management soft delete (contract §4): services created, soft-deleted (also with their resource
 * group), listed, read, restored and purged with ARM's answers, 48 h retention and the name kept reserved.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../../demo-world';
import { listedNamesAcrossPages, startTestArm, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const V = '2024-05-01';
const HOUR = 3600_000;
const ARM_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;

const service = (sub: string, rg: string, name: string, version = V) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ApiManagement/service/${name}?api-version=${version}`;
const deletedService = (sub: string, location: string, name: string, version = V) =>
  `/subscriptions/${sub}/providers/Microsoft.ApiManagement/locations/${location}/deletedservices/${name}?api-version=${version}`;
const deletedList = (sub: string, version = V) => `/subscriptions/${sub}/providers/Microsoft.ApiManagement/deletedservices?api-version=${version}`;
/** What @azure/arm-apimanagement sends to restore: the flag, plus the fields its serializer insists on. */
const restoreBody = (location = 'South Central US') => ({
  location,
  sku: { name: 'Developer', capacity: 1 },
  properties: { publisherEmail: 'new@contoso.test', publisherName: 'New Publisher', restore: true },
});
const createBody = (location = 'eastus') => ({
  location,
  sku: { name: 'Developer', capacity: 1 },
  properties: { publisherEmail: 'apis@contoso.test', publisherName: 'Contoso APIs' },
});

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
});
afterAll(() => t.close());
beforeEach(async () => {
  expect((await t.admin('POST', '/reset', { seed: 'demo' })).status).toBe(200);
});

const names = (response: { json: { value: { name: string }[] } }) => response.json.value.map((v) => v.name).sort();
const eventsOf = async (kind: string) =>
  (await t.admin('GET', '/events')).json.value.filter((e: { kind: string }) => e.kind === kind).map((e: { resourceId: string }) => e.resourceId);
const follow = (url: string, as: 'admin' | 'operator' | 'reader' = 'admin') => t.call('GET', url.slice(t.arm.baseUrl.length), { as });
const clockNow = async () => Date.parse((await t.admin('GET', '/clock')).json.now);

describe('demo world', () => {
  it('holds the soft-deleted services, in the DeletedServiceContract shape, and one live service', async () => {
    expect(names(await t.call('GET', deletedList(P)))).toEqual(['apim-contoso-gateway']);
    expect(names(await t.call('GET', deletedList(D)))).toEqual(['apim-dev-internal', 'apim-hackathon']);
    expect(names(await t.call('GET', deletedList(S)))).toEqual(['apim-fabrikam-sandbox']);

    const gateway = await t.call('GET', deletedService(P, 'swedencentral', 'apim-contoso-gateway'));
    expect(gateway.status).toBe(200);
    expect(gateway.json).toEqual({
      id: `/subscriptions/${P}/providers/Microsoft.ApiManagement/locations/swedencentral/deletedservices/apim-contoso-gateway`,
      name: 'apim-contoso-gateway',
      type: 'Microsoft.ApiManagement/deletedservices',
      location: 'Sweden Central',
      properties: {
        serviceId: `/subscriptions/${P}/resourceGroups/rg-openai-prod/providers/Microsoft.ApiManagement/service/apim-contoso-gateway`,
        scheduledPurgeDate: expect.stringMatching(ARM_TIME),
        deletionDate: expect.stringMatching(ARM_TIME),
      },
    });
    expect(Date.parse(gateway.json.properties.scheduledPurgeDate) - Date.parse(gateway.json.properties.deletionDate)).toBe(48 * HOUR);
    const devInternal = (await t.call('GET', deletedService(D, 'eastus2', 'apim-dev-internal'))).json;
    expect(Date.parse(devInternal.properties.scheduledPurgeDate) - (await clockNow())).toBeLessThanOrEqual(8 * HOUR);

    const live = await t.call('GET', service(P, 'rg-ai-prod', 'apim-contoso-live'));
    expect(live.status).toBe(200);
    expect(live.json).toMatchObject({
      name: 'apim-contoso-live',
      type: 'Microsoft.ApiManagement/service',
      location: 'East US',
      properties: { provisioningState: 'Succeeded', gatewayUrl: 'https://apim-contoso-live.azure-api.net' },
      sku: { name: 'Developer', capacity: 1 },
    });
  });
});

describe('create', () => {
  it('answers 201 Created/Activating with Location and Azure-AsyncOperation, then activates after the LRO', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 60 });
    const created = await t.call('PUT', service(P, 'rg-ai-prod', 'apim-new'), { body: createBody() });
    expect(created.status).toBe(201);
    expect(created.json.properties).toMatchObject({ provisioningState: 'Created', targetProvisioningState: 'Activating', publisherEmail: 'apis@contoso.test' });
    const location = String(created.headers.location);
    expect(created.headers['azure-asyncoperation']).toBe(location);
    expect(location).toMatch(
      new RegExp(`^${t.arm.baseUrl}/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.ApiManagement/service/apim-new/operationresults/[0-9a-f-]{36}\\?api-version=${V}&asyncResponse$`),
    );
    const running = await follow(location);
    expect(running.status).toBe(200);
    expect(running.json.status).toBe('InProgress');
    expect((await t.call('GET', service(P, 'rg-ai-prod', 'apim-new'))).json.properties.provisioningState).toBe('Activating');

    await t.admin('POST', '/clock/advance', { seconds: 61 });
    expect((await follow(location)).json).toMatchObject({ status: 'Succeeded', endTime: expect.stringMatching(ARM_TIME) });
    expect((await t.call('GET', service(P, 'rg-ai-prod', 'apim-new'))).json.properties.provisioningState).toBe('Succeeded');
    expect(names(await t.call('GET', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.ApiManagement/service?api-version=${V}`))).toEqual([
      'apim-contoso-live',
      'apim-new',
    ]);
  });

  it('refuses a soft-deleted name with 409 ServiceAlreadyExistsInSoftDeletedState, in any subscription', async () => {
    for (const [sub, rg] of [[P, 'rg-openai-prod'], [S, 'rg-sandbox']] as const) {
      const response = await t.call('PUT', service(sub, rg, 'apim-contoso-gateway'), { body: createBody() });
      expect(response.status).toBe(409);
      expect(response.json.error).toEqual({
        code: 'ServiceAlreadyExistsInSoftDeletedState',
        message:
          'Api service apim-contoso-gateway was soft-deleted. In order to create the new service with the same name, you have to either undelete the service or purge it. See https://aka.ms/apimsoftdelete.',
      });
    }
  });

  it('refuses a name a live service holds elsewhere, and a create without publisher', async () => {
    const taken = await t.call('PUT', service(S, 'rg-sandbox', 'apim-contoso-live'), { body: createBody() });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe('ServiceAlreadyExists');
    const incomplete = await t.call('PUT', service(S, 'rg-sandbox', 'apim-incomplete'), { body: { location: 'eastus', sku: { name: 'Developer', capacity: 1 } } });
    expect(incomplete.status).toBe(400);
  });
});

describe('soft delete', () => {
  it('answers 202 with the service Deleting and a Location (202, then 200 empty); keeps it 48 h', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 60 });
    const response = await t.call('DELETE', service(P, 'rg-ai-prod', 'apim-contoso-live'));
    expect(response.status).toBe(202);
    expect(response.json).toMatchObject({ name: 'apim-contoso-live', properties: { provisioningState: 'Succeeded', targetProvisioningState: 'Deleting' } });
    const location = String(response.headers.location);
    expect(location).toMatch(
      new RegExp(`^${t.arm.baseUrl}/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.ApiManagement/service/apim-contoso-live/operationresults/[0-9a-f-]{36}\\?api-version=${V}$`),
    );
    expect(response.headers['azure-asyncoperation']).toBeUndefined();
    expect((await follow(location)).status).toBe(202);
    await t.admin('POST', '/clock/advance', { seconds: 61 });
    const done = await follow(location);
    expect(done.status).toBe(200);
    expect(done.text).toBe('');

    expect((await t.call('GET', service(P, 'rg-ai-prod', 'apim-contoso-live'))).status).toBe(404);
    expect((await t.call('DELETE', service(P, 'rg-ai-prod', 'apim-contoso-live'))).status).toBe(204);
    const deleted = await t.call('GET', deletedService(P, 'eastus', 'apim-contoso-live'));
    expect(deleted.status).toBe(200);
    expect(deleted.json.location).toBe('East US');
    expect(Date.parse(deleted.json.properties.scheduledPurgeDate) - Date.parse(deleted.json.properties.deletionDate)).toBe(48 * HOUR);
    expect(await eventsOf('apiManagementServiceSoftDeleted')).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.ApiManagement/service/apim-contoso-live`,
    ]);
  });

  it('deletes for good with an api-version older than 2020-06-01-preview', async () => {
    const response = await t.call('DELETE', service(P, 'rg-ai-prod', 'apim-contoso-live', '2019-12-01'));
    expect(response.status).toBe(202);
    expect(names(await t.call('GET', deletedList(P)))).toEqual(['apim-contoso-gateway']);
    expect(await eventsOf('apiManagementServiceSoftDeleted')).toEqual([]);
    expect((await t.call('PUT', service(S, 'rg-sandbox', 'apim-contoso-live'), { body: createBody() })).status).toBe(201);
  });

  it('soft-deletes the services of a deleted resource group', async () => {
    expect((await t.admin('POST', '/world/api-management-services', { subscriptionId: D, resourceGroup: 'rg-dev-ai', name: 'apim-dev-live', location: 'eastus2' })).status).toBe(201);
    expect((await t.call('DELETE', `/subscriptions/${D}/resourcegroups/rg-dev-ai?api-version=2022-09-01`)).status).toBe(202);
    expect(names(await t.call('GET', deletedList(D)))).toEqual(['apim-dev-internal', 'apim-dev-live', 'apim-hackathon']);
    expect(await eventsOf('apiManagementServiceSoftDeleted')).toEqual([
      `/subscriptions/${D}/resourceGroups/rg-dev-ai/providers/Microsoft.ApiManagement/service/apim-dev-live`,
    ]);
  });

  it('forgets a service once its 48 h end, and frees the name', async () => {
    await t.admin('POST', '/clock/advance', { seconds: 8 * 3600 + 1 });
    expect(names(await t.call('GET', deletedList(D)))).toEqual(['apim-hackathon']);
    expect((await t.call('GET', deletedService(D, 'eastus2', 'apim-dev-internal'))).status).toBe(404);
    expect((await t.call('PUT', service(D, 'rg-dev-ai', 'apim-dev-internal'), { body: restoreBody() })).status).toBe(404);
    expect((await t.call('PUT', service(D, 'rg-dev-ai', 'apim-dev-internal'), { body: createBody('eastus2') })).status).toBe(201);
  });
});

describe('deleted services list and get', () => {
  it('pages with absolute nextLinks that carry a $skiptoken and the api-version', async () => {
    await t.admin('PUT', '/paging', { deletedAccountsPageSize: 1 });
    expect(await listedNamesAcrossPages(t, deletedList(D), V)).toEqual(['apim-dev-internal', 'apim-hackathon']);
  });

  it('answers 404 ServiceNotFound for a name that is not deleted there', async () => {
    for (const path of [deletedService(P, 'swedencentral', 'apim-never-was'), deletedService(P, 'westus', 'apim-contoso-gateway'), deletedService(D, 'swedencentral', 'apim-contoso-gateway')]) {
      const response = await t.call('GET', path);
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe('ServiceNotFound');
    }
  });

  it('accepts the api-versions of the SDKs and the Azure CLI, and none older than soft delete', async () => {
    for (const version of ['2024-05-01', '2022-08-01', '2021-08-01', '2023-05-01-preview', '2020-06-01-preview']) {
      expect((await t.call('GET', deletedList(P, version))).status, version).toBe(200);
    }
    const old = await t.call('GET', deletedList(P, '2019-12-01'));
    expect(old.status).toBe(400);
    expect(old.json.error.code).toBe('InvalidApiVersionParameter');
  });
});

describe('purge', () => {
  it('answers 202 with the deleted service purged now and a Location (202, then 200 empty); the name is free', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 60 });
    const before = (await t.call('GET', deletedService(P, 'swedencentral', 'apim-contoso-gateway'))).json;
    const now = await clockNow();
    const response = await t.call('DELETE', deletedService(P, 'swedencentral', 'apim-contoso-gateway'));
    expect(response.status).toBe(202);
    expect(response.json).toEqual({ ...before, properties: { ...before.properties, scheduledPurgeDate: expect.stringMatching(ARM_TIME) } });
    expect(Math.abs(Date.parse(response.json.properties.scheduledPurgeDate) - now)).toBeLessThan(5_000);
    const location = String(response.headers.location);
    expect(location).toMatch(
      new RegExp(`^${t.arm.baseUrl}/subscriptions/${P}/providers/Microsoft.ApiManagement/locations/swedencentral/deletedservices/apim-contoso-gateway/operationresults/[0-9a-f-]{36}\\?api-version=${V}$`),
    );
    expect((await follow(location)).status).toBe(202);
    await t.admin('POST', '/clock/advance', { seconds: 61 });
    const done = await follow(location);
    expect(done.status).toBe(200);
    expect(done.text).toBe('');

    expect((await t.call('GET', deletedService(P, 'swedencentral', 'apim-contoso-gateway'))).status).toBe(404);
    expect(await eventsOf('deletedApiManagementServicePurged')).toEqual([
      `/subscriptions/${P}/providers/Microsoft.ApiManagement/locations/swedencentral/deletedservices/apim-contoso-gateway`,
    ]);
    expect((await t.call('PUT', service(P, 'rg-openai-prod', 'apim-contoso-gateway'), { body: createBody('swedencentral') })).status).toBe(201);
    const again = await t.call('DELETE', deletedService(P, 'swedencentral', 'apim-contoso-gateway'));
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('ServiceNotFound');
  });
});

describe('RBAC', () => {
  it('needs deletedservices/read, locations/deletedservices/read and /delete at the subscription', async () => {
    const list = await t.call('GET', deletedList(P), { as: 'operator' });
    expect(list.status).toBe(403);
    expect(list.json.error.message).toContain("'Microsoft.ApiManagement/deletedservices/read'");
    const get = await t.call('GET', deletedService(P, 'swedencentral', 'apim-contoso-gateway'), { as: 'operator' });
    expect(get.status).toBe(403);
    expect(get.json.error.message).toContain("'Microsoft.ApiManagement/locations/deletedservices/read'");
    const purge = await t.call('DELETE', deletedService(P, 'swedencentral', 'apim-contoso-gateway'), { as: 'reader' });
    expect(purge.status).toBe(403);
    expect(purge.json.error.message).toContain("'Microsoft.ApiManagement/locations/deletedservices/delete'");
    expect(purge.json.error.message).toContain(`over scope '/subscriptions/${P}/providers/Microsoft.ApiManagement/locations/swedencentral/deletedservices/apim-contoso-gateway'`);
    // A reader lists and reads.
    expect(names(await t.call('GET', deletedList(P), { as: 'reader' }))).toEqual(['apim-contoso-gateway']);
  });

  it('lets a resource-group Contributor restore (service/write there) but not purge', async () => {
    const restored = await t.call('PUT', service(D, 'rg-dev-ai', 'apim-dev-internal'), { as: 'operator', body: restoreBody() });
    expect(restored.status).toBe(201);
    expect((await follow(String(restored.headers['azure-asyncoperation']), 'operator')).status).toBe(200);
    const readerRestore = await t.call('PUT', service(S, 'rg-sandbox', 'apim-fabrikam-sandbox'), { as: 'reader', body: restoreBody() });
    expect(readerRestore.status).toBe(403);
    expect(readerRestore.json.error.message).toContain("'Microsoft.ApiManagement/service/write'");
    expect((await t.call('DELETE', deletedService(D, 'eastus', 'apim-hackathon'), { as: 'operator' })).status).toBe(403);
  });
});

describe('restore (properties.restore = true)', () => {
  it('brings the old service back through the activation LRO, ignoring what else the PUT says', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 60 });
    const response = await t.call('PUT', service(S, 'rg-sandbox', 'apim-fabrikam-sandbox'), { body: restoreBody() });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      id: `/subscriptions/${S}/resourceGroups/rg-sandbox/providers/Microsoft.ApiManagement/service/apim-fabrikam-sandbox`,
      location: 'East US',
      sku: { name: 'Developer', capacity: 1 },
      properties: { provisioningState: 'Created', targetProvisioningState: 'Activating', publisherEmail: 'apim-admin@contoso.test', publisherName: 'Contoso' },
    });
    expect(response.json.properties.restore).toBeUndefined();
    const asyncUrl = String(response.headers['azure-asyncoperation']);
    expect(response.headers.location).toBe(asyncUrl);
    expect(asyncUrl).toContain('/service/apim-fabrikam-sandbox/operationresults/');
    expect(asyncUrl).toMatch(/&asyncResponse$/);
    expect((await follow(asyncUrl)).json.status).toBe('InProgress');
    await t.admin('POST', '/clock/advance', { seconds: 61 });
    expect((await follow(asyncUrl)).json.status).toBe('Succeeded');
    expect((await t.call('GET', service(S, 'rg-sandbox', 'apim-fabrikam-sandbox'))).json.properties.provisioningState).toBe('Succeeded');
    expect((await t.call('GET', deletedService(S, 'eastus', 'apim-fabrikam-sandbox'))).status).toBe(404);
    expect(await eventsOf('apiManagementServiceRestored')).toEqual([
      `/subscriptions/${S}/resourceGroups/rg-sandbox/providers/Microsoft.ApiManagement/service/apim-fabrikam-sandbox`,
    ]);
    // A restore whose answer was lost, sent again, gets the service.
    expect((await t.call('PUT', service(S, 'rg-sandbox', 'apim-fabrikam-sandbox'), { body: restoreBody() })).status).toBe(200);
  });

  it('answers 404 ServiceNotFound when there is nothing to restore there', async () => {
    for (const path of [service(P, 'rg-ai-prod', 'apim-never-was'), service(P, 'rg-ai-prod', 'apim-contoso-gateway'), service(S, 'rg-sandbox', 'apim-contoso-gateway')]) {
      const response = await t.call('PUT', path, { body: restoreBody() });
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe('ServiceNotFound');
      expect(response.json.error.message).toContain('cannot be restored');
    }
  });

  it('answers ResourceGroupNotFound when the group is gone, and restores once it is recreated', async () => {
    const gone = await t.call('PUT', service(D, 'rg-hackathon', 'apim-hackathon'), { body: restoreBody() });
    expect(gone.status).toBe(404);
    expect(gone.json.error).toEqual({ code: 'ResourceGroupNotFound', message: "Resource group 'rg-hackathon' could not be found." });
    expect((await t.call('PUT', `/subscriptions/${D}/resourcegroups/rg-hackathon?api-version=2022-09-01`, { body: { location: 'eastus' } })).status).toBe(201);
    expect((await t.call('PUT', service(D, 'rg-hackathon', 'apim-hackathon'), { body: restoreBody() })).status).toBe(201);
  });
});

describe('admin API and provider metadata', () => {
  it('creates soft-deleted and live services, refusing a name that is taken', async () => {
    const created = await t.admin('POST', '/world/deleted-api-management-services', {
      subscriptionId: S, resourceGroup: 'rg-sandbox', name: 'apim-admin-deleted', location: 'westeurope', deletedHoursAgo: 47,
    });
    expect(created.status).toBe(201);
    expect(created.json.location).toBe('West Europe');
    expect((await t.admin('GET', `/world/deleted-api-management-services?subscriptionId=${S}`)).json.value.map((s: { name: string }) => s.name)).toEqual([
      'apim-admin-deleted',
      'apim-fabrikam-sandbox',
    ]);
    await t.admin('POST', '/clock/advance', { seconds: 3601 });
    expect(names(await t.call('GET', deletedList(S)))).toEqual(['apim-fabrikam-sandbox']);

    expect((await t.admin('POST', '/world/deleted-api-management-services', { subscriptionId: P, resourceGroup: 'rg-ai-prod', name: 'apim-contoso-live', location: 'eastus' })).status).toBe(409);
    expect((await t.admin('POST', '/world/api-management-services', { subscriptionId: P, resourceGroup: 'rg-ai-prod', name: 'apim-contoso-gateway', location: 'eastus' })).status).toBe(409);
  });

  it('lists the API Management types in the provider metadata', async () => {
    const provider = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.ApiManagement?api-version=2022-09-01`);
    expect(provider.status).toBe(200);
    const types = provider.json.resourceTypes.map((r: { resourceType: string }) => r.resourceType);
    expect(types).toEqual(expect.arrayContaining(['service', 'deletedservices', 'locations/deletedservices', 'operations']));
  });
});
