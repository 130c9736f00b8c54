/** Raw HTTP: storage account soft delete, deleted accounts list and get, restore as a long-running PUT, forfeit and expiry. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../../demo-world';
import { startTestArm, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const V = '2025-06-01';
const DAY = 24 * 3600_000;

const account = (sub: string, rg: string, name: string, version = V) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${name}?api-version=${version}`;
const deletedList = (sub: string, version = V) => `/subscriptions/${sub}/providers/Microsoft.Storage/deletedAccounts?api-version=${version}`;
const deleted = (sub: string, location: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.Storage/locations/${location}/deletedAccounts/${name}?api-version=${V}`;
const group = (sub: string, rg: string) => `/subscriptions/${sub}/resourcegroups/${rg}?api-version=2022-09-01`;

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
});
afterAll(() => t.close());
beforeEach(async () => {
  expect((await t.admin('POST', '/reset', { seed: 'demo' })).status).toBe(200);
});

const names = (response: { json: { value: { name: string }[] } }) => response.json.value.map((a) => a.name).sort();
const path = (url: string) => url.slice(t.arm.baseUrl.length);

/** The restore body a portal sends, built from the deleted account as listed (contract §2.3). */
async function restoreBody(sub: string, location: string, name: string) {
  const response = await t.call('GET', deleted(sub, location, name));
  expect(response.status).toBe(200);
  return { location: response.json.properties.location, properties: { deletedAccountCreationTime: response.json.properties.creationTime } };
}

async function events(kind: string) {
  const response = await t.admin('GET', '/events?after=0&limit=10000');
  return response.json.value.filter((e: { kind: string }) => e.kind === kind).map((e: { resourceId: string }) => e.resourceId);
}

describe('deleted storage accounts list and get', () => {
  it('lists the demo world soft-deleted accounts in the DeletedAccount shape, nothing deleted more than 14 days ago', async () => {
    // The emulator clock runs in real time: compare times to a few seconds.
    const now = Date.parse((await t.admin('GET', '/clock')).json.now);
    const prod = await t.call('GET', deletedList(P));
    expect(prod.status).toBe(200);
    expect(names(prod)).toEqual(['stcontosospeechdata']);
    const [speech] = prod.json.value;
    expect(Object.keys(speech)).toEqual(['id', 'name', 'type', 'properties']);
    expect(speech).toMatchObject({
      id: `/subscriptions/${P}/providers/Microsoft.Storage/locations/eastus/deletedAccounts/stcontosospeechdata`,
      name: 'stcontosospeechdata',
      type: 'Microsoft.Storage/deletedAccounts',
      properties: {
        storageAccountResourceId: `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.Storage/storageAccounts/stcontosospeechdata`,
        location: 'eastus',
      },
    });
    const { creationTime, deletionTime, restoreReference } = speech.properties;
    expect(creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    expect(restoreReference).toBe(`stcontosospeechdata|${creationTime}`);
    expect(Math.abs(now - Date.parse(deletionTime) - 30 * 3600_000)).toBeLessThan(5_000);
    expect(speech.properties).not.toHaveProperty('scheduledPurgeDate');

    const dev = await t.call('GET', deletedList(D));
    expect(names(dev)).toEqual(['stdevoldlogs', 'sthackathondata']);
    expect(dev.json.nextLink).toBeUndefined();
  });

  it('pages with absolute nextLinks that keep the api-version', async () => {
    await t.admin('PUT', '/paging', { deletedAccountsPageSize: 1 });
    const first = await t.call('GET', deletedList(D, '2026-09-01'));
    expect(first.json.value).toHaveLength(1);
    const next = new URL(first.json.nextLink);
    expect(next.searchParams.get('api-version')).toBe('2026-09-01');
    expect(next.searchParams.get('$skiptoken')).toBeTruthy();
    const second = await t.call('GET', path(first.json.nextLink));
    expect(second.status).toBe(200);
    expect(second.json.nextLink).toBeUndefined();
    expect([first.json.value[0].name, second.json.value[0].name]).toEqual(['stdevoldlogs', 'sthackathondata']);
  });

  it('accepts the api-versions of the official SDKs and the CLI, and refuses ones before deletedAccounts existed', async () => {
    for (const version of ['2026-09-01', '2026-06-01', '2025-06-01', '2024-01-01', '2023-05-01', '2022-09-01']) {
      expect((await t.call('GET', deletedList(P, version))).status).toBe(200);
      expect((await t.call('GET', account(P, 'rg-ai-prod', 'stcontosoprodai', version))).status).toBe(200);
    }
    const old = await t.call('GET', deletedList(P, '2019-06-01'));
    expect(old.status).toBe(400);
    expect(old.json.error.code).toBe('InvalidApiVersionParameter');
  });

  it('gets one deleted account by location (compared as a region) and name; 404 ResourceNotFound otherwise', async () => {
    const found = await t.call('GET', deleted(D, 'EastUS', 'sthackathondata'));
    expect(found.status).toBe(200);
    expect(found.json.id).toBe(`/subscriptions/${D}/providers/Microsoft.Storage/locations/eastus/deletedAccounts/sthackathondata`);
    for (const [location, name] of [['westus', 'sthackathondata'], ['eastus', 'stdevarchive'], ['eastus', 'stcontosoprodai']] as const) {
      const missing = await t.call('GET', deleted(D, location, name));
      expect(missing.status).toBe(404);
      expect(missing.json.error.code).toBe('ResourceNotFound');
    }
  });

  it('lists deleted accounts in provider metadata', async () => {
    const response = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.Storage?api-version=2021-04-01`);
    const types = response.json.resourceTypes.map((r: { resourceType: string }) => r.resourceType);
    expect(types).toEqual(expect.arrayContaining(['storageAccounts', 'deletedAccounts', 'locations/deletedAccounts', 'locations/asyncoperations']));
  });
});

describe('soft delete', () => {
  it('keeps a deleted storage account 14 days: 200, then listed with its deletion time; 204 when already gone', async () => {
    const now = Date.parse((await t.admin('GET', '/clock')).json.now);
    expect((await t.call('DELETE', account(P, 'rg-ai-prod', 'stcontosoprodai'))).status).toBe(200);
    expect((await t.call('DELETE', account(P, 'rg-ai-prod', 'stcontosoprodai'))).status).toBe(204);
    expect((await t.call('GET', account(P, 'rg-ai-prod', 'stcontosoprodai'))).status).toBe(404);
    const response = await t.call('GET', deleted(P, 'eastus', 'stcontosoprodai'));
    expect(response.status).toBe(200);
    expect(Date.parse(response.json.properties.deletionTime)).toBeGreaterThanOrEqual(now);
    expect(await events('storageAccountSoftDeleted')).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.Storage/storageAccounts/stcontosoprodai`,
    ]);

    await t.admin('POST', '/clock/advance', { seconds: (14 * DAY) / 1000 });
    expect((await t.call('GET', deleted(P, 'eastus', 'stcontosoprodai'))).status).toBe(404);
  });

  it('soft-deletes the storage accounts of a deleted resource group; restoring needs the group again', async () => {
    expect((await t.call('DELETE', group(D, 'rg-dev-speech'))).status).toBe(202);
    expect(names(await t.call('GET', deletedList(D)))).toEqual(['stdevoldlogs', 'stdevuserstore', 'sthackathondata']);
    expect(await events('storageAccountSoftDeleted')).toEqual([
      `/subscriptions/${D}/resourceGroups/rg-dev-speech/providers/Microsoft.Storage/storageAccounts/stdevuserstore`,
    ]);

    const body = await restoreBody(D, 'westus2', 'stdevuserstore');
    const orphan = await t.call('PUT', account(D, 'rg-dev-speech', 'stdevuserstore'), { body });
    expect(orphan.status).toBe(404);
    expect(orphan.json.error).toEqual({ code: 'ResourceGroupNotFound', message: "Resource group 'rg-dev-speech' could not be found." });

    expect((await t.call('PUT', group(D, 'rg-dev-speech'), { body: { location: 'westus2' } })).status).toBe(201);
    expect((await t.call('PUT', account(D, 'rg-dev-speech', 'stdevuserstore'), { body })).status).toBe(202);
  });
});

describe('restore', () => {
  it('restores as a long-running PUT: 202 + storage Location, 202 while running, then 200 with the account, which leaves deletedAccounts', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 30 });
    const body = await restoreBody(P, 'eastus', 'stcontosospeechdata');
    const accepted = await t.call('PUT', account(P, 'rg-ai-prod', 'stcontosospeechdata', '2022-09-01'), { body });
    expect(accepted.status).toBe(202);
    expect(accepted.text).toBe('');
    const location = accepted.headers.location as string;
    expect(location).toMatch(
      new RegExp(`^${t.arm.baseUrl}/subscriptions/${P}/providers/Microsoft\\.Storage/locations/eastus/asyncoperations/[0-9a-f-]{36}\\?monitor=true&api-version=2022-09-01$`),
    );
    expect(Number(accepted.headers['retry-after'])).toBeGreaterThan(0);

    const running = await t.call('GET', path(location));
    expect(running.status).toBe(202);
    expect(running.headers.location).toBe(location);
    expect((await t.call('GET', deletedList(P))).json.value).toEqual([]);

    await t.admin('POST', '/clock/advance', { seconds: 31 });
    const done = await t.call('GET', path(location));
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({
      id: `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.Storage/storageAccounts/stcontosospeechdata`,
      kind: 'StorageV2',
      sku: { name: 'Standard_LRS', tier: 'Standard' },
      location: 'eastus',
      properties: { creationTime: body.properties.deletedAccountCreationTime, accessTier: 'Hot', provisioningState: 'Succeeded' },
    });
    expect((await t.call('GET', account(P, 'rg-ai-prod', 'stcontosospeechdata'))).json).toEqual(done.json);
    expect(await events('storageAccountRestored')).toEqual([done.json.id]);

    // A retry of the same restore finds the account it restored.
    const again = await t.call('PUT', account(P, 'rg-ai-prod', 'stcontosospeechdata'), { body });
    expect(again.status).toBe(200);
  });

  it('recovers the whole chain: the restored storage account unblocks the Cognitive Services account that uses it', async () => {
    const recover = () =>
      t.call('PUT', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-speech-callcenter?api-version=2021-04-30`, {
        body: { location: 'eastus', properties: { restore: true } },
      });
    // A soft-deleted storage account is not there for recovery's prerequisite check.
    expect((await recover()).json.error.code).toBe('UserOwnedStorageNotFound');
    await t.admin('PUT', '/lro', { durationSeconds: 0 });
    const body = await restoreBody(P, 'eastus', 'stcontosospeechdata');
    expect((await t.call('PUT', account(P, 'rg-ai-prod', 'stcontosospeechdata'), { body })).status).toBe(202);
    expect((await recover()).status).toBe(201);
  });

  it('refuses a restore that matches no deleted account: wrong creation time, wrong location, another group', async () => {
    const body = await restoreBody(P, 'eastus', 'stcontosospeechdata');
    const wrong = [
      { ...body, properties: { deletedAccountCreationTime: '2020-01-01T00:00:00.0000000Z' } },
      { ...body, location: 'westus' },
    ];
    for (const attempt of wrong) {
      const response = await t.call('PUT', account(P, 'rg-ai-prod', 'stcontosospeechdata'), { body: attempt });
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe('DeletedStorageAccountNotFound');
      expect(response.json.error.message).toContain('The storage account "stcontosospeechdata" could not be recovered.');
    }
    const otherGroup = await t.call('PUT', account(P, 'rg-openai-prod', 'stcontosospeechdata'), { body });
    expect(otherGroup.json.error.code).toBe('DeletedStorageAccountNotFound');
    const notADate = await t.call('PUT', account(P, 'rg-ai-prod', 'stcontosospeechdata'), { body: { ...body, properties: { deletedAccountCreationTime: 'yesterday' } } });
    expect(notADate.status).toBe(400);
    expect((await t.call('GET', deleted(P, 'eastus', 'stcontosospeechdata'))).status).toBe(200);
  });

  it('cannot restore after 14 days: the deleted account expires', async () => {
    const body = await restoreBody(D, 'westus2', 'stdevoldlogs');
    await t.admin('POST', '/clock/advance', { seconds: 13 * 3600 });
    expect(names(await t.call('GET', deletedList(D)))).toEqual(['sthackathondata']);
    expect((await t.call('GET', deleted(D, 'westus2', 'stdevoldlogs'))).status).toBe(404);
    const response = await t.call('PUT', account(D, 'rg-dev-speech', 'stdevoldlogs'), { body });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('DeletedStorageAccountNotFound');
  });

  it('forfeits the restore when a new account takes the name, in any subscription, as in Azure', async () => {
    const body = await restoreBody(P, 'eastus', 'stcontosospeechdata');
    const created = await t.call('PUT', account(D, 'rg-dev-ai', 'stcontosospeechdata'), { body: { location: 'eastus2', kind: 'StorageV2', sku: { name: 'Standard_LRS' } } });
    expect(created.status).toBe(200);
    expect((await t.call('GET', deleted(P, 'eastus', 'stcontosospeechdata'))).status).toBe(404);
    expect((await t.call('GET', deletedList(P))).json.value).toEqual([]);
    const response = await t.call('PUT', account(P, 'rg-ai-prod', 'stcontosospeechdata'), { body });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('DeletedStorageAccountNotFound');
  });
});

describe('RBAC', () => {
  const forbidden = (response: { status: number; json: { error: { code: string; message: string } } }, action: string) => {
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('AuthorizationFailed');
    expect(response.json.error.message).toContain(`'${action}'`);
  };

  it('needs Microsoft.Storage/deletedAccounts/read at the subscription to list or get deleted accounts', async () => {
    // The operator is Contributor on rg-ai-prod only: a resource-group role does not reach the subscription.
    forbidden(await t.call('GET', deletedList(P), { as: 'operator' }), 'Microsoft.Storage/deletedAccounts/read');
    forbidden(await t.call('GET', deleted(P, 'eastus', 'stcontosospeechdata'), { as: 'operator' }), 'Microsoft.Storage/deletedAccounts/read');
    expect((await t.call('GET', deletedList(P), { as: 'reader' })).status).toBe(200);
    expect((await t.call('GET', deleted(P, 'eastus', 'stcontosospeechdata'), { as: 'reader' })).status).toBe(200);
  });

  it('needs Microsoft.Storage/storageAccounts/write to restore, which a resource-group Contributor has', async () => {
    const body = await restoreBody(P, 'eastus', 'stcontosospeechdata');
    forbidden(await t.call('PUT', account(P, 'rg-ai-prod', 'stcontosospeechdata'), { body, as: 'reader' }), 'Microsoft.Storage/storageAccounts/write');
    const accepted = await t.call('PUT', account(P, 'rg-ai-prod', 'stcontosospeechdata'), { body, as: 'operator' });
    expect(accepted.status).toBe(202);
    // The one who started it polls it; others need the status read at the subscription.
    expect((await t.call('GET', path(accepted.headers.location as string), { as: 'operator' })).status).toBeLessThan(300);
    expect((await t.call('GET', path(accepted.headers.location as string), { as: 'reader' })).status).toBeLessThan(300);
    expect((await t.admin('GET', '/events?after=0')).json.value.at(-1)).toMatchObject({ kind: 'storageAccountRestored', principalId: DEMO_USERS.operator.objectId });
  });
});

describe('admin API', () => {
  it('creates a soft-deleted storage account some days ago, and refuses one whose name is live', async () => {
    const now = Date.parse((await t.admin('GET', '/clock')).json.now);
    const created = await t.admin('POST', '/world/deleted-storage-accounts', {
      subscriptionId: D,
      resourceGroup: 'rg-dev-ai',
      name: 'stadmindeleted',
      location: 'eastus2',
      deletedDaysAgo: 2,
    });
    expect(created.status).toBe(201);
    expect(Math.abs(now - Date.parse(created.json.properties.deletionTime) - 2 * DAY)).toBeLessThan(5_000);
    const listed = await t.admin('GET', `/world/deleted-storage-accounts?subscriptionId=${D}`);
    expect(names(listed)).toEqual(['stadmindeleted', 'stdevoldlogs', 'sthackathondata']);

    const live = await t.admin('POST', '/world/deleted-storage-accounts', { subscriptionId: P, resourceGroup: 'rg-ai-prod', name: 'stcontosoprodai', location: 'eastus' });
    expect(live.status).toBe(409);
  });
});
