/**
 * Raw HTTP: App Configuration stores and their soft delete (contract §3): created as an LRO, soft-deleted (also with
 * their resource group), listed, read, recovered (createMode "Recover") and purged, with ARM's answers.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../../demo-world';
import { listedNamesAcrossPages, startTestArm, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const V = '2023-03-01';
const DAY = 24 * 3600_000;
const SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const configStore = (sub: string, rg: string, name: string, version = V) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.AppConfiguration/configurationStores/${name}?api-version=${version}`;
const deletedStore = (sub: string, location: string, name: string, version = V) =>
  `/subscriptions/${sub}/providers/Microsoft.AppConfiguration/locations/${location}/deletedConfigurationStores/${name}?api-version=${version}`;
const purge = (sub: string, location: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.AppConfiguration/locations/${location}/deletedConfigurationStores/${name}/purge?api-version=${V}`;
const deletedList = (sub: string, version = V) => `/subscriptions/${sub}/providers/Microsoft.AppConfiguration/deletedConfigurationStores?api-version=${version}`;
/** What az appconfig recover sends (azure-cli custom.py). */
const recoverBody = (location: string) => ({ location, sku: { name: 'Standard' }, properties: { createMode: 'Recover' } });
const createBody = (location: string, properties: Record<string, unknown> = {}, sku = 'Standard') => ({ location, sku: { name: sku }, properties });

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
});
afterAll(() => t.close());
beforeEach(async () => {
  expect((await t.admin('POST', '/reset', { seed: 'demo' })).status).toBe(200);
});

const names = (response: { json: { value: { name: string }[] } }) => response.json.value.map((v) => v.name).sort();
const eventsOf = async (kind: string) => (await t.admin('GET', '/events')).json.value.filter((e: { kind: string }) => e.kind === kind);
const follow = (url: string, as: 'admin' | 'operator' = 'admin') => t.call('GET', url.slice(t.arm.baseUrl.length), { as });

describe('demo world', () => {
  it('holds the soft-deleted stores the portal relies on, and one live store', async () => {
    expect(names(await t.call('GET', deletedList(P)))).toEqual(['appcs-contoso-flags', 'appcs-contoso-prod']);
    expect(names(await t.call('GET', deletedList(D)))).toEqual(['appcs-dev-settings']);
    expect(names(await t.call('GET', deletedList(S)))).toEqual(['appcs-fabrikam-labs']);
    const prod = (await t.call('GET', deletedStore(P, 'eastus', 'appcs-contoso-prod'))).json;
    expect(prod.properties.purgeProtectionEnabled).toBe(true);
    expect(Date.parse(prod.properties.scheduledPurgeDate) - Date.parse(prod.properties.deletionDate)).toBe(7 * DAY);
    const dev = (await t.call('GET', deletedStore(D, 'eastus2', 'appcs-dev-settings'))).json;
    expect(Date.parse(dev.properties.scheduledPurgeDate) - Date.parse(dev.properties.deletionDate)).toBe(1 * DAY);
    expect((await t.call('GET', configStore(P, 'rg-ai-prod', 'appcs-contoso-live'))).json.properties.provisioningState).toBe('Succeeded');
  });
});

describe('create', () => {
  it('answers 201 Creating with an Azure-AsyncOperation polled as Creating, then Succeeded', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 60 });
    const created = await t.call('PUT', configStore(S, 'rg-sandbox', 'appcs-new-store'), { body: createBody('eastus') });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      type: 'Microsoft.AppConfiguration/configurationStores',
      id: `/subscriptions/${S}/resourceGroups/rg-sandbox/providers/Microsoft.AppConfiguration/configurationStores/appcs-new-store`,
      name: 'appcs-new-store',
      location: 'eastus',
      sku: { name: 'Standard' },
      properties: { provisioningState: 'Creating', softDeleteRetentionInDays: 7, enablePurgeProtection: false, endpoint: 'https://appcs-new-store.azconfig.io' },
    });
    const operation = String(created.headers['azure-asyncoperation']);
    expect(operation).toMatch(
      new RegExp(`^${t.arm.baseUrl}/subscriptions/${S}/providers/Microsoft.AppConfiguration/locations/eastus/operationsStatus/[0-9a-f-]{36}\\?api-version=${V}$`),
    );
    expect(Number(created.headers['retry-after'])).toBeGreaterThan(0);
    const running = await follow(operation);
    expect(running.status).toBe(200);
    expect(running.json).toEqual({ id: expect.stringContaining('/operationsStatus/'), name: expect.any(String), status: 'Creating', error: null });
    expect((await t.call('GET', configStore(S, 'rg-sandbox', 'appcs-new-store'))).json.properties.provisioningState).toBe('Creating');
    await t.admin('POST', '/clock/advance', { seconds: 61 });
    expect((await follow(operation)).json).toMatchObject({ status: 'Succeeded', error: null });
    expect((await t.call('GET', configStore(S, 'rg-sandbox', 'appcs-new-store'))).json.properties.provisioningState).toBe('Succeeded');
  });

  it('fails through the LRO with NameUnavailable when the name is soft-deleted, in any subscription', async () => {
    for (const [sub, rg] of [[P, 'rg-ai-prod'], [S, 'rg-sandbox']] as const) {
      const created = await t.call('PUT', configStore(sub, rg, 'appcs-contoso-prod'), { body: createBody('eastus') });
      expect(created.status).toBe(201);
      await t.admin('POST', '/clock/advance', { seconds: 3 });
      const done = await follow(String(created.headers['azure-asyncoperation']));
      expect(done.json).toMatchObject({ status: 'Failed', error: { code: 'NameUnavailable', message: 'The specified name is already in use.' } });
      expect((await t.call('GET', configStore(sub, rg, 'appcs-contoso-prod'))).status).toBe(404);
    }
    // A live store's name too.
    const taken = await t.call('PUT', configStore(S, 'rg-sandbox', 'appcs-contoso-live'), { body: createBody('eastus') });
    await t.admin('POST', '/clock/advance', { seconds: 3 });
    expect((await follow(String(taken.headers['azure-asyncoperation']))).json.error.code).toBe('NameUnavailable');
  });

  it('keeps retention within 1-7 days and purge protection once on', async () => {
    expect((await t.call('PUT', configStore(S, 'rg-sandbox', 'appcs-bad-retention'), { body: createBody('eastus', { softDeleteRetentionInDays: 8 }) })).status).toBe(400);
    const live = configStore(P, 'rg-ai-prod', 'appcs-contoso-live');
    expect((await t.call('PUT', live, { body: { properties: { enablePurgeProtection: true } } })).status).toBe(200);
    const off = await t.call('PUT', live, { body: { properties: { enablePurgeProtection: false } } });
    expect(off.status).toBe(400);
    expect(off.json.error.code).toBe('InvalidProperty');
    const retention = await t.call('PUT', live, { body: { properties: { softDeleteRetentionInDays: 3 } } });
    expect(retention.status).toBe(400);
    expect(retention.json.error.code).toBe('InvalidProperty');
  });
});

describe('soft delete', () => {
  it('answers 200 with no body, keeps the store for its retention in the §3.2 shape, and 204 once it is gone', async () => {
    const response = await t.call('DELETE', configStore(P, 'rg-ai-prod', 'appcs-contoso-live'));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect((await t.call('GET', configStore(P, 'rg-ai-prod', 'appcs-contoso-live'))).status).toBe(404);
    expect((await t.call('DELETE', configStore(P, 'rg-ai-prod', 'appcs-contoso-live'))).status).toBe(204);

    const deleted = await t.call('GET', deletedStore(P, 'eastus', 'appcs-contoso-live'));
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({
      id: `/subscriptions/${P}/providers/Microsoft.AppConfiguration/locations/eastus/deletedConfigurationStores/appcs-contoso-live`,
      name: 'appcs-contoso-live',
      type: 'Microsoft.AppConfiguration/deletedConfigurationStores',
      properties: {
        configurationStoreId: `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-live`,
        location: 'eastus',
        deletionDate: expect.stringMatching(SECONDS),
        scheduledPurgeDate: expect.stringMatching(SECONDS),
        tags: {},
        purgeProtectionEnabled: false,
      },
    });
    expect(Date.parse(deleted.json.properties.scheduledPurgeDate) - Date.parse(deleted.json.properties.deletionDate)).toBe(7 * DAY);
    expect((await eventsOf('configurationStoreSoftDeleted')).map((e: { resourceId: string }) => e.resourceId)).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-live`,
    ]);
  });

  it('deletes a Free store for good: nothing to recover', async () => {
    await t.admin('POST', '/world/configuration-stores', { subscriptionId: S, resourceGroup: 'rg-sandbox', name: 'appcs-free-tier', location: 'eastus', sku: 'Free' });
    expect((await t.call('DELETE', configStore(S, 'rg-sandbox', 'appcs-free-tier'))).status).toBe(200);
    expect((await t.call('GET', deletedStore(S, 'eastus', 'appcs-free-tier'))).status).toBe(404);
    expect(await eventsOf('configurationStoreSoftDeleted')).toEqual([]);
  });

  it('schedules the purge softDeleteRetentionInDays after the deletion', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 0 });
    expect((await t.call('PUT', configStore(S, 'rg-sandbox', 'appcs-short-lived'), { body: createBody('eastus', { softDeleteRetentionInDays: 2 }) })).status).toBe(201);
    expect((await t.call('DELETE', configStore(S, 'rg-sandbox', 'appcs-short-lived'))).status).toBe(200);
    const deleted = (await t.call('GET', deletedStore(S, 'eastus', 'appcs-short-lived'))).json;
    expect(Date.parse(deleted.properties.scheduledPurgeDate) - Date.parse(deleted.properties.deletionDate)).toBe(2 * DAY);
  });

  it('soft-deletes the stores of a deleted resource group', async () => {
    expect((await t.call('DELETE', `/subscriptions/${P}/resourcegroups/rg-ai-prod?api-version=2022-09-01`)).status).toBe(202);
    expect((await t.call('GET', deletedStore(P, 'eastus', 'appcs-contoso-live'))).status).toBe(200);
    expect((await eventsOf('configurationStoreSoftDeleted')).map((e: { resourceId: string }) => e.resourceId)).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-live`,
    ]);
    // Recovering it needs the group back first.
    const gone = await t.call('PUT', configStore(P, 'rg-ai-prod', 'appcs-contoso-live'), { body: recoverBody('eastus') });
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('ResourceGroupNotFound');
  });
});

describe('deleted stores list', () => {
  it('pages with absolute nextLinks that carry a $skiptoken and the api-version', async () => {
    await t.admin('PUT', '/paging', { deletedAccountsPageSize: 1 });
    expect(await listedNamesAcrossPages(t, deletedList(P), V)).toEqual(['appcs-contoso-flags', 'appcs-contoso-prod']);
  });

  it('needs locations/deletedConfigurationStores/read at the subscription', async () => {
    const operator = await t.call('GET', deletedList(P), { as: 'operator' });
    expect(operator.status).toBe(403);
    expect(operator.json.error.message).toContain("'Microsoft.AppConfiguration/locations/deletedConfigurationStores/read'");
    expect(names(await t.call('GET', deletedList(P), { as: 'reader' }))).toEqual(['appcs-contoso-flags', 'appcs-contoso-prod']);
    const get = await t.call('GET', deletedStore(P, 'eastus', 'appcs-contoso-prod'), { as: 'operator' });
    expect(get.status).toBe(403);
  });

  it('forgets a store once its retention ends, purge protection or not, and frees the name', async () => {
    await t.admin('POST', '/clock/advance', { seconds: 5 * 3600 });
    expect((await t.call('GET', deletedList(D))).json.value).toEqual([]);
    await t.admin('POST', '/clock/advance', { seconds: 5 * 24 * 3600 });
    // appcs-contoso-prod (purge protection) had 5 days left; appcs-contoso-flags, deleted 6 hours ago, stays.
    expect(names(await t.call('GET', deletedList(P)))).toEqual(['appcs-contoso-flags']);
    const recover = await t.call('PUT', configStore(P, 'rg-ai-prod', 'appcs-contoso-prod'), { body: recoverBody('eastus') });
    expect(recover.status).toBe(404);
    await t.admin('PUT', '/lro', { durationSeconds: 0 });
    const created = await t.call('PUT', configStore(P, 'rg-ai-prod', 'appcs-contoso-prod'), { body: createBody('eastus') });
    expect((await follow(String(created.headers['azure-asyncoperation']))).json.status).toBe('Succeeded');
  });

  it('accepts every api-version the SDK and the Azure CLI send', async () => {
    for (const version of ['2023-03-01', '2022-05-01', '2024-05-01', '2024-06-01']) {
      expect((await t.call('GET', deletedList(P, version))).status, version).toBe(200);
    }
  });
});

describe('get deleted store', () => {
  it('answers 404 for a name that is not deleted, or the right name in the wrong region or subscription', async () => {
    for (const path of [deletedStore(P, 'eastus', 'appcs-never-was'), deletedStore(P, 'westus', 'appcs-contoso-prod'), deletedStore(D, 'eastus', 'appcs-contoso-prod')]) {
      const response = await t.call('GET', path);
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe('ResourceNotFound');
    }
  });
});

describe('purge', () => {
  it('answers 202 with an Azure-AsyncOperation polled to Succeeded; the store and its name are free at once', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 60 });
    const response = await t.call('POST', purge(P, 'westus', 'appcs-contoso-flags'));
    expect(response.status).toBe(202);
    expect(response.text).toBe('');
    const operation = String(response.headers['azure-asyncoperation']);
    expect(operation).toMatch(new RegExp(`^${t.arm.baseUrl}/subscriptions/${P}/providers/Microsoft.AppConfiguration/locations/westus/operationsStatus/[0-9a-f-]{36}\\?api-version=${V}$`));
    expect((await follow(operation)).json.status).toBe('Running');
    await t.admin('POST', '/clock/advance', { seconds: 61 });
    expect((await follow(operation)).json).toMatchObject({ status: 'Succeeded', error: null });
    expect((await t.call('GET', deletedStore(P, 'westus', 'appcs-contoso-flags'))).status).toBe(404);
    expect((await eventsOf('deletedConfigurationStorePurged')).map((e: { resourceId: string }) => e.resourceId)).toEqual([
      `/subscriptions/${P}/providers/Microsoft.AppConfiguration/locations/westus/deletedConfigurationStores/appcs-contoso-flags`,
    ]);
    expect((await t.call('POST', purge(P, 'westus', 'appcs-contoso-flags'))).status).toBe(404);
  });

  it('refuses a purge under purge protection and keeps the store', async () => {
    const response = await t.call('POST', purge(P, 'eastus', 'appcs-contoso-prod'));
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('PurgeProtectionEnabled');
    expect(response.json.error.message).toContain("'appcs-contoso-prod' has purge protection enabled");
    expect((await t.call('GET', deletedStore(P, 'eastus', 'appcs-contoso-prod'))).status).toBe(200);
    expect(await eventsOf('deletedConfigurationStorePurged')).toEqual([]);
  });

  it('needs purge/action at the subscription: not a resource-group Contributor, not App Configuration Contributor', async () => {
    const operatorPurge = await t.call('POST', purge(P, 'westus', 'appcs-contoso-flags'), { as: 'operator' });
    expect(operatorPurge.status).toBe(403);
    expect(operatorPurge.json.error.message).toContain("'Microsoft.AppConfiguration/locations/deletedConfigurationStores/purge/action'");
    const assigned = await t.admin('POST', '/world/role-assignments', {
      principalId: DEMO_USERS.operator.objectId,
      role: 'App Configuration Contributor',
      scope: `/subscriptions/${P}`,
    });
    expect(assigned.status).toBe(201);
    expect((await t.call('POST', purge(P, 'westus', 'appcs-contoso-flags'), { as: 'operator' })).status).toBe(403);
    // ... but it lists, reads and recovers.
    expect(names(await t.call('GET', deletedList(P), { as: 'operator' }))).toContain('appcs-contoso-flags');
    expect((await t.call('PUT', configStore(P, 'rg-search-prod', 'appcs-contoso-flags'), { as: 'operator', body: recoverBody('westus') })).status).toBe(201);
  });
});

describe('recover (createMode "Recover")', () => {
  it('brings the store back with its old settings as an LRO, and answers a repeated recover with the store', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 0 });
    const response = await t.call('PUT', configStore(P, 'rg-ai-prod', 'appcs-contoso-prod'), { body: { ...recoverBody('eastus'), tags: { new: 'tag' } } });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ name: 'appcs-contoso-prod', location: 'eastus', tags: {}, properties: { provisioningState: 'Creating', enablePurgeProtection: true } });
    expect(response.json.properties.createMode).toBeUndefined();
    expect((await follow(String(response.headers['azure-asyncoperation']))).json.status).toBe('Succeeded');
    expect((await t.call('GET', configStore(P, 'rg-ai-prod', 'appcs-contoso-prod'))).json.properties).toMatchObject({ provisioningState: 'Succeeded', softDeleteRetentionInDays: 7 });
    expect((await t.call('GET', deletedStore(P, 'eastus', 'appcs-contoso-prod'))).status).toBe(404);
    expect((await eventsOf('configurationStoreRecovered')).map((e: { resourceId: string }) => e.resourceId)).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-prod`,
    ]);
    expect((await t.call('PUT', configStore(P, 'rg-ai-prod', 'appcs-contoso-prod'), { body: recoverBody('eastus') })).status).toBe(200);
  });

  it('answers 404 when there is nothing to recover here', async () => {
    for (const path of [configStore(P, 'rg-ai-prod', 'appcs-never-was'), configStore(S, 'rg-sandbox', 'appcs-contoso-prod'), configStore(P, 'rg-docs-prod', 'appcs-contoso-prod')]) {
      const response = await t.call('PUT', path, { body: recoverBody('eastus') });
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe('ResourceNotFound');
    }
  });
});

describe('admin API and provider metadata', () => {
  it('creates soft-deleted stores with retention and purge protection, and refuses a name that is live', async () => {
    const created = await t.admin('POST', '/world/deleted-configuration-stores', {
      subscriptionId: S, resourceGroup: 'rg-sandbox', name: 'appcs-admin-deleted', location: 'eastus', deletedHoursAgo: 24, retentionDays: 3, purgeProtection: true,
    });
    expect(created.status).toBe(201);
    const deleted = (await t.call('GET', deletedStore(S, 'eastus', 'appcs-admin-deleted'))).json;
    expect(deleted.properties.purgeProtectionEnabled).toBe(true);
    expect(Date.parse(deleted.properties.scheduledPurgeDate) - Date.parse(deleted.properties.deletionDate)).toBe(3 * DAY);
    expect((await t.admin('GET', `/world/deleted-configuration-stores?subscriptionId=${S}`)).json.value.map((v: { name: string }) => v.name)).toEqual([
      'appcs-admin-deleted',
      'appcs-fabrikam-labs',
    ]);
    expect((await t.admin('POST', '/world/deleted-configuration-stores', { subscriptionId: P, resourceGroup: 'rg-ai-prod', name: 'appcs-contoso-live', location: 'eastus' })).status).toBe(409);
    expect((await t.admin('POST', '/world/deleted-configuration-stores', { subscriptionId: P, resourceGroup: 'rg-ai-prod', name: 'appcs-x', location: 'eastus', retentionDays: 8 })).status).toBe(400);
  });

  it('lists the App Configuration types in the provider metadata', async () => {
    const provider = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.AppConfiguration?api-version=2022-09-01`);
    const types = provider.json.resourceTypes.map((r: { resourceType: string }) => r.resourceType);
    expect(types).toEqual(expect.arrayContaining(['configurationStores', 'deletedConfigurationStores', 'locations/deletedConfigurationStores', 'locations/operationsStatus']));
  });

  it('lists live stores by resource group and subscription', async () => {
    const inGroup = await t.call('GET', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores?api-version=${V}`);
    expect(names(inGroup)).toEqual(['appcs-contoso-live']);
    expect(names(await t.call('GET', `/subscriptions/${P}/providers/Microsoft.AppConfiguration/configurationStores?api-version=${V}`))).toEqual(['appcs-contoso-live']);
  });
});
