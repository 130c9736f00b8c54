/** Raw HTTP: Key Vault soft delete (contract §1): deleted vaults listed, read, purged and recovered, with ARM's answers. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_TENANT, DEMO_USERS } from '../../demo-world';
import { listedNamesAcrossPages, startTestArm, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const V = '2026-02-01';
const DAY = 24 * 3600_000;

const vault = (sub: string, rg: string, name: string, version = V) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}?api-version=${version}`;
const deletedVault = (sub: string, location: string, name: string, version = V) =>
  `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/${location}/deletedVaults/${name}?api-version=${version}`;
const purge = (sub: string, location: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/${location}/deletedVaults/${name}/purge?api-version=${V}`;
const deletedList = (sub: string, version = V) => `/subscriptions/${sub}/providers/Microsoft.KeyVault/deletedVaults?api-version=${version}`;
const recoverBody = (location: string, extra: Record<string, unknown> = {}) => ({
  location,
  properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' }, createMode: 'recover', ...extra },
});
const cognitiveRecover = (sub: string, rg: string, name: string, location: string) =>
  t.call('PUT', `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.CognitiveServices/accounts/${name}?api-version=2021-04-30`, {
    body: { location, properties: { restore: true } },
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
const eventsOf = async (kind: string) => (await t.admin('GET', '/events')).json.value.filter((e: { kind: string }) => e.kind === kind);
const follow = (url: string, as: 'admin' | 'operator' = 'admin') => t.call('GET', url.slice(t.arm.baseUrl.length), { as });

describe('demo world', () => {
  it('holds the soft-deleted vaults the portal relies on, and no kv-contoso-purged anywhere', async () => {
    expect(names(await t.call('GET', deletedList(P)))).toEqual(['kv-contoso-old', 'kv-contoso-secure']);
    expect(names(await t.call('GET', deletedList(D)))).toEqual(['kv-dev-protected', 'kv-hackathon']);
    expect((await t.call('GET', deletedVault(P, 'southcentralus', 'kv-contoso-purged'))).status).toBe(404);
    expect((await t.call('GET', vault(P, 'rg-docs-prod', 'kv-contoso-purged'))).status).toBe(404);
  });

  it('seeds the deleted accounts whose keys are in those vaults', async () => {
    const p = (await t.admin('GET', `/world/deleted-accounts?subscriptionId=${P}`)).json.value;
    const d = (await t.admin('GET', `/world/deleted-accounts?subscriptionId=${D}`)).json.value;
    const keyVaultOf = (accounts: { name: string; properties: { encryption?: { keyVaultProperties: { keyVaultUri: string } } } }[], name: string) =>
      accounts.find((a) => a.name === name)?.properties.encryption?.keyVaultProperties.keyVaultUri;
    expect(keyVaultOf(p, 'contoso-cmk-openai')).toBe('https://kv-contoso-old.vault.azure.net/');
    expect(keyVaultOf(p, 'contoso-cmk-speech')).toBe('https://kv-contoso-old.vault.azure.net/');
    expect(keyVaultOf(p, 'contoso-cmk-purgedkey')).toBe('https://kv-contoso-purged.vault.azure.net/');
    expect(keyVaultOf(p, 'contoso-cmk-secure')).toBe('https://kv-contoso-secure.vault.azure.net/');
    expect(keyVaultOf(d, 'dev-cmk-protected')).toBe('https://kv-dev-protected.vault.azure.net/');
    expect(keyVaultOf(d, 'dev-hackathon-speech')).toBe('https://kv-hackathon.vault.azure.net/');
    expect(d.find((a: { name: string }) => a.name === 'dev-speech-archive').properties.userOwnedStorage).toEqual([
      { resourceId: `/subscriptions/${D}/resourceGroups/rg-dev-speech/providers/Microsoft.Storage/storageAccounts/stdevarchive` },
    ]);
  });
});

describe('soft delete', () => {
  it('answers 200 with no body, keeps the vault for its retention, and 204 once it is gone', async () => {
    const response = await t.call('DELETE', vault(P, 'rg-ai-prod', 'kv-contoso-prod-cmk'));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect((await t.call('GET', vault(P, 'rg-ai-prod', 'kv-contoso-prod-cmk'))).status).toBe(404);
    expect((await t.call('DELETE', vault(P, 'rg-ai-prod', 'kv-contoso-prod-cmk'))).status).toBe(204);

    const deleted = await t.call('GET', deletedVault(P, 'eastus', 'kv-contoso-prod-cmk'));
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({
      id: `/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-prod-cmk`,
      name: 'kv-contoso-prod-cmk',
      type: 'Microsoft.KeyVault/deletedVaults',
      properties: {
        vaultId: `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-prod-cmk`,
        location: 'eastus',
        tags: {},
        deletionDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        scheduledPurgeDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        purgeProtectionEnabled: true,
      },
    });
    expect(Date.parse(deleted.json.properties.scheduledPurgeDate) - Date.parse(deleted.json.properties.deletionDate)).toBe(90 * DAY);
    const events = await eventsOf('vaultSoftDeleted');
    expect(events.map((e: { resourceId: string }) => e.resourceId)).toEqual([`/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-prod-cmk`]);
  });

  it('schedules the purge softDeleteRetentionInDays after the deletion, and leaves purgeProtectionEnabled out when off', async () => {
    const created = await t.call('PUT', vault(S, 'rg-sandbox', 'kv-short-lived'), {
      body: { location: 'eastus', properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' }, softDeleteRetentionInDays: 7 } },
    });
    expect(created.status).toBe(201);
    expect((await t.call('DELETE', vault(S, 'rg-sandbox', 'kv-short-lived'))).status).toBe(200);
    const deleted = (await t.call('GET', deletedVault(S, 'eastus', 'kv-short-lived'))).json;
    expect(Date.parse(deleted.properties.scheduledPurgeDate) - Date.parse(deleted.properties.deletionDate)).toBe(7 * DAY);
    expect('purgeProtectionEnabled' in deleted.properties).toBe(false);
  });

  it('soft-deletes the vaults of a deleted resource group', async () => {
    expect((await t.call('DELETE', `/subscriptions/${D}/resourcegroups/rg-dev-ai?api-version=2022-09-01`)).status).toBe(202);
    const deleted = await t.call('GET', deletedVault(D, 'eastus2', 'kv-dev-cmk'));
    expect(deleted.status).toBe(200);
    expect(deleted.json.properties.purgeProtectionEnabled).toBe(true);
    expect((await eventsOf('vaultSoftDeleted')).map((e: { resourceId: string }) => e.resourceId)).toEqual([
      `/subscriptions/${D}/resourceGroups/rg-dev-ai/providers/Microsoft.KeyVault/vaults/kv-dev-cmk`,
    ]);
  });

  it('refuses to create a vault whose name is soft-deleted: ConflictError here, VaultAlreadyExists elsewhere', async () => {
    const body = { location: 'eastus', properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' } } };
    const here = await t.call('PUT', vault(P, 'rg-ai-prod', 'kv-contoso-old'), { body });
    expect(here.status).toBe(409);
    expect(here.json.error).toEqual({
      code: 'ConflictError',
      message:
        'A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault. ' +
        'Follow this link https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete.',
    });
    const elsewhere = await t.call('PUT', vault(S, 'rg-sandbox', 'kv-contoso-old'), { body });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.json.error.code).toBe('VaultAlreadyExists');
  });

  it('refuses to turn purge protection off', async () => {
    const response = await t.call('PUT', vault(P, 'rg-ai-prod', 'kv-contoso-prod-cmk'), { body: { properties: { enablePurgeProtection: false } } });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('BadRequest');
  });
});

describe('deleted vaults list', () => {
  it('pages with absolute nextLinks that carry a $skiptoken and the api-version', async () => {
    await t.admin('PUT', '/paging', { deletedAccountsPageSize: 1 });
    expect(await listedNamesAcrossPages(t, deletedList(P), V)).toEqual(['kv-contoso-old', 'kv-contoso-secure']);
  });

  it('answers 200 with an empty list, not 403, to a caller without deletedVaults/read at the subscription', async () => {
    const operator = await t.call('GET', deletedList(P), { as: 'operator' });
    expect(operator.status).toBe(200);
    expect(operator.json).toEqual({ value: [] });
    expect(names(await t.call('GET', deletedList(P), { as: 'reader' }))).toEqual(['kv-contoso-old', 'kv-contoso-secure']);
  });

  it('forgets a vault once its retention ends, purge protection or not, and frees the name', async () => {
    await t.admin('POST', '/clock/advance', { seconds: 7 * 24 * 3600 });
    expect(names(await t.call('GET', deletedList(P)))).toEqual(['kv-contoso-old']);
    const recover = await t.call('PUT', vault(P, 'rg-security', 'kv-contoso-secure'), { body: recoverBody('eastus') });
    expect(recover.status).toBe(400);
    expect(recover.json.error.code).toBe('SoftDeletedVaultDoesNotExist');
    await t.admin('POST', '/clock/advance', { seconds: 90 * 24 * 3600 });
    expect((await t.call('GET', deletedList(D))).json.value).toEqual([]);
    const created = await t.call('PUT', vault(D, 'rg-dev-ai', 'kv-dev-protected'), {
      body: { location: 'eastus2', properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' } } },
    });
    expect(created.status).toBe(201);
  });

  it('accepts every api-version the SDKs and the Azure CLI send', async () => {
    for (const version of ['2026-02-01', '2025-05-01', '2024-11-01', '2023-07-01', '2022-07-01', '2021-06-01-preview']) {
      expect((await t.call('GET', deletedList(P, version))).status, version).toBe(200);
    }
  });
});

describe('get deleted vault', () => {
  it('answers 404 DeletedVaultNotFound for a name that is not deleted, or the right name in the wrong region', async () => {
    for (const path of [deletedVault(P, 'eastus', 'kv-never-was'), deletedVault(P, 'westus', 'kv-contoso-old'), deletedVault(D, 'eastus', 'kv-contoso-old')]) {
      const response = await t.call('GET', path);
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe('DeletedVaultNotFound');
    }
  });

  it('needs locations/deletedVaults/read at the subscription: a resource-group role does not do', async () => {
    const response = await t.call('GET', deletedVault(P, 'eastus', 'kv-contoso-old'), { as: 'operator' });
    expect(response.status).toBe(403);
    expect(response.json.error.message).toContain("'Microsoft.KeyVault/locations/deletedVaults/read'");
  });
});

describe('purge', () => {
  it('answers 202 with a Location to poll: 202 while it runs, then 200 Succeeded; the name is free', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 60 });
    const response = await t.call('POST', purge(P, 'eastus', 'kv-contoso-old'));
    expect(response.status).toBe(202);
    expect(response.text).toBe('');
    const location = String(response.headers.location);
    expect(location).toMatch(new RegExp(`^${t.arm.baseUrl}/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/operationResults/[0-9a-f-]{36}\\?api-version=${V}$`));

    const running = await follow(location);
    expect(running.status).toBe(202);
    expect(Number(running.headers['retry-after'])).toBeGreaterThan(0);
    await t.admin('POST', '/clock/advance', { seconds: 61 });
    const done = await follow(location);
    expect(done.status).toBe(200);
    expect(done.json).toEqual({
      createdDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
      lastActionDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
      status: 'Succeeded',
    });

    expect((await t.call('GET', deletedVault(P, 'eastus', 'kv-contoso-old'))).status).toBe(404);
    const recreated = await t.call('PUT', vault(P, 'rg-ai-prod', 'kv-contoso-old'), {
      body: { location: 'eastus', properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' } } },
    });
    expect(recreated.status).toBe(201);
    expect((await eventsOf('deletedVaultPurged')).map((e: { resourceId: string }) => e.resourceId)).toEqual([
      `/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-old`,
    ]);
    // Purging again finds nothing.
    const again = await t.call('POST', purge(P, 'eastus', 'kv-contoso-old'));
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('DeletedVaultNotFound');
  });

  it('refuses a purge under purge protection and keeps the vault', async () => {
    const response = await t.call('POST', purge(D, 'eastus2', 'kv-dev-protected'));
    expect(response.status).toBe(405);
    expect(response.json.error).toEqual({ code: 'MethodNotAllowed', message: "Operation 'DeletedVaultPurge' is not allowed." });
    expect((await t.call('GET', deletedVault(D, 'eastus2', 'kv-dev-protected'))).status).toBe(200);
    expect(await eventsOf('deletedVaultPurged')).toEqual([]);
  });

  it('needs purge/action at the subscription: not a resource-group Contributor, not Key Vault Contributor', async () => {
    const operatorPurge = await t.call('POST', purge(P, 'eastus', 'kv-contoso-old'), { as: 'operator' });
    expect(operatorPurge.status).toBe(403);
    expect(operatorPurge.json.error.message).toContain("'Microsoft.KeyVault/locations/deletedVaults/purge/action'");
    expect(operatorPurge.json.error.message).toContain(`over scope '/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-old'`);

    const assigned = await t.admin('POST', '/world/role-assignments', {
      principalId: DEMO_USERS.operator.objectId,
      role: 'Key Vault Contributor',
      scope: `/subscriptions/${P}`,
    });
    expect(assigned.status).toBe(201);
    expect((await t.call('POST', purge(P, 'eastus', 'kv-contoso-old'), { as: 'operator' })).status).toBe(403);
    // ... but it lists, reads and recovers.
    expect(names(await t.call('GET', deletedList(P), { as: 'operator' }))).toContain('kv-contoso-secure');
    expect((await t.call('PUT', vault(P, 'rg-security', 'kv-contoso-secure'), { as: 'operator', body: recoverBody('eastus') })).status).toBe(200);
  });
});

describe('recover (createMode "recover")', () => {
  it('brings the vault back with its old properties, ignoring the new ones', async () => {
    const response = await t.call('PUT', vault(P, 'rg-security', 'kv-contoso-secure'), {
      body: { ...recoverBody('eastus', { softDeleteRetentionInDays: 30, enablePurgeProtection: true }), tags: { new: 'tag' } },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      id: `/subscriptions/${P}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-contoso-secure`,
      name: 'kv-contoso-secure',
      type: 'Microsoft.KeyVault/vaults',
      location: 'eastus',
      tags: {},
      properties: { softDeleteRetentionInDays: 7, enableSoftDelete: true, vaultUri: 'https://kv-contoso-secure.vault.azure.net/', provisioningState: 'Succeeded' },
    });
    expect(response.json.properties.enablePurgeProtection).toBeUndefined();
    expect(response.json.properties.createMode).toBeUndefined();
    expect((await t.call('GET', vault(P, 'rg-security', 'kv-contoso-secure'))).json).toEqual(response.json);
    expect((await t.call('GET', deletedVault(P, 'eastus', 'kv-contoso-secure'))).status).toBe(404);
    expect((await eventsOf('vaultRecovered')).map((e: { resourceId: string }) => e.resourceId)).toEqual([
      `/subscriptions/${P}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-contoso-secure`,
    ]);
    // A recover whose answer was lost, sent again, gets the vault.
    expect((await t.call('PUT', vault(P, 'rg-security', 'kv-contoso-secure'), { body: recoverBody('eastus') })).status).toBe(200);
  });

  it('recovers the whole chain: the vault first, then the accounts whose key it holds', async () => {
    expect((await cognitiveRecover(P, 'rg-ai-prod', 'contoso-cmk-openai', 'eastus')).json.error.code).toBe('KeyVaultNotFound');
    expect((await t.call('PUT', vault(P, 'rg-ai-prod', 'kv-contoso-old'), { body: recoverBody('eastus') })).status).toBe(200);
    expect((await cognitiveRecover(P, 'rg-ai-prod', 'contoso-cmk-openai', 'eastus')).status).toBe(201);
    expect((await cognitiveRecover(P, 'rg-ai-prod', 'contoso-cmk-speech', 'eastus')).status).toBe(201);
  });

  it('answers 400 SoftDeletedVaultDoesNotExist when there is nothing to recover', async () => {
    for (const path of [vault(P, 'rg-ai-prod', 'kv-never-was'), vault(P, 'rg-docs-prod', 'kv-contoso-purged'), vault(S, 'rg-sandbox', 'kv-contoso-old')]) {
      const response = await t.call('PUT', path, { body: recoverBody('eastus') });
      expect(response.status).toBe(400);
      expect(response.json.error).toEqual({
        code: 'SoftDeletedVaultDoesNotExist',
        message:
          'A soft deleted vault with the given name does not exist. Ensure that the name for the vault that is being attempted to recover is in a recoverable state.',
      });
    }
  });

  it('answers ResourceGroupNotFound when the group is gone, and recovers once it is recreated', async () => {
    const gone = await t.call('PUT', vault(D, 'rg-hackathon', 'kv-hackathon'), { body: recoverBody('eastus') });
    expect(gone.status).toBe(404);
    expect(gone.json.error).toEqual({ code: 'ResourceGroupNotFound', message: "Resource group 'rg-hackathon' could not be found." });
    expect((await t.call('PUT', `/subscriptions/${D}/resourcegroups/rg-hackathon?api-version=2022-09-01`, { body: { location: 'eastus' } })).status).toBe(201);
    expect((await t.call('PUT', vault(D, 'rg-hackathon', 'kv-hackathon'), { body: recoverBody('eastus') })).status).toBe(200);
  });
});

describe('generic resources list', () => {
  const resources = (filter: string, top?: number) =>
    `/subscriptions/${P}/resources?$filter=${encodeURIComponent(filter)}${top === undefined ? '' : `&$top=${top}`}&api-version=2015-11-01`;

  it('lists the live vaults as tracked resources, $top per page', async () => {
    await t.admin('POST', '/world/vaults', { subscriptionId: P, resourceGroup: 'rg-docs-prod', name: 'kv-second', location: 'southcentralus' });
    const first = await t.call('GET', resources("resourceType eq 'Microsoft.KeyVault/vaults'", 1));
    expect(first.status).toBe(200);
    expect(first.json.value).toEqual([
      { id: `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-prod-cmk`, name: 'kv-contoso-prod-cmk', type: 'Microsoft.KeyVault/vaults', location: 'eastus', tags: {} },
    ]);
    const second = await follow(first.json.nextLink);
    expect(second.json.value.map((v: { name: string }) => v.name)).toEqual(['kv-second']);
    expect(second.json.nextLink).toBeUndefined();
  });

  it('answers 501 for other filters', async () => {
    const response = await t.call('GET', resources("resourceType eq 'Microsoft.Web/sites'"));
    expect(response.status).toBe(501);
    expect(response.json.error.code).toBe('NotImplemented');
  });
});

describe('admin API and provider metadata', () => {
  it('creates soft-deleted vaults and live vaults with retention and purge protection', async () => {
    const created = await t.admin('POST', '/world/deleted-vaults', {
      subscriptionId: S, resourceGroup: 'rg-sandbox', name: 'kv-admin-deleted', location: 'eastus', deletedHoursAgo: 24, retentionDays: 30, purgeProtection: true,
    });
    expect(created.status).toBe(201);
    const deleted = (await t.call('GET', deletedVault(S, 'eastus', 'kv-admin-deleted'))).json;
    expect(deleted.properties.purgeProtectionEnabled).toBe(true);
    expect(Date.parse(deleted.properties.scheduledPurgeDate) - Date.parse(deleted.properties.deletionDate)).toBe(30 * DAY);
    const listed = (await t.admin('GET', `/world/deleted-vaults?subscriptionId=${S}`)).json.value.map((v: { name: string }) => v.name);
    expect(listed).toContain('kv-admin-deleted');
    expect(listed).toHaveLength(2); // and the demo world's kv-fabrikam-labs
    expect((await t.admin('POST', '/world/deleted-vaults', { subscriptionId: P, resourceGroup: 'rg-ai-prod', name: 'kv-contoso-prod-cmk', location: 'eastus' })).status).toBe(409);

    expect((await t.admin('POST', '/world/vaults', {
      subscriptionId: S, resourceGroup: 'rg-sandbox', name: 'kv-admin-live', location: 'eastus', softDeleteRetentionInDays: 7, enablePurgeProtection: true,
    })).status).toBe(201);
    expect((await t.call('DELETE', vault(S, 'rg-sandbox', 'kv-admin-live'))).status).toBe(200);
    const live = (await t.call('GET', deletedVault(S, 'eastus', 'kv-admin-live'))).json;
    expect(live.properties.purgeProtectionEnabled).toBe(true);
    expect(Date.parse(live.properties.scheduledPurgeDate) - Date.parse(live.properties.deletionDate)).toBe(7 * DAY);
  });

  it('lists the deleted vault types in the provider metadata', async () => {
    const provider = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.KeyVault?api-version=2022-09-01`);
    const types = provider.json.resourceTypes.map((r: { resourceType: string }) => r.resourceType);
    expect(types).toEqual(expect.arrayContaining(['vaults', 'deletedVaults', 'locations/deletedVaults', 'locations/operationResults']));
  });
});
