/** Raw HTTP: Cognitive Services accounts, soft delete, deleted accounts, recover, purge and operation status. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../../demo-world';
import { rawRequest, startTestArm, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const V = '2021-04-30';
const account = (sub: string, rg: string, name: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.CognitiveServices/accounts/${name}`;
const deleted = (sub: string, location: string, rg: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.CognitiveServices/locations/${location}/resourceGroups/${rg}/deletedAccounts/${name}`;
const deletedList = (sub: string) => `/subscriptions/${sub}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=${V}`;

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
});
afterAll(() => t.close());
beforeEach(async () => {
  expect((await t.admin('POST', '/reset', { seed: 'demo' })).status).toBe(200);
});

const follow = (url: string, as: 'admin' | 'operator' = 'admin') => t.call('GET', url.slice(t.arm.baseUrl.length), { as });

describe('deleted accounts list', () => {
  it('pages through every region of the subscription with absolute nextLinks that keep the api-version', async () => {
    await t.admin('PUT', '/paging', { deletedAccountsPageSize: 7 });
    const names: string[] = [];
    let url: string | undefined = `${t.arm.baseUrl}${deletedList(P)}`;
    let pages = 0;
    while (url) {
      expect(url.startsWith(`${t.arm.baseUrl}/subscriptions/${P}/providers/Microsoft.CognitiveServices/deletedAccounts?`)).toBe(true);
      const response = await follow(url);
      expect(response.status).toBe(200);
      names.push(...response.json.value.map((a: { name: string }) => a.name));
      url = response.json.nextLink;
      if (url) {
        expect(new URL(url).searchParams.get('api-version')).toBe(V);
        expect(new URL(url).searchParams.get('$skiptoken')).toBeTruthy();
      }
      pages++;
    }
    const world = await t.admin('GET', `/world/deleted-accounts?subscriptionId=${P}`);
    expect(names.sort()).toEqual(world.json.value.map((a: { name: string }) => a.name).sort());
    expect(pages).toBe(Math.ceil(names.length / 7));
    expect(new Set(names.map((n) => n)).size).toBe(names.length);
  });

  it('returns deleted accounts in the recorded shape, location echoed as created', async () => {
    const response = await t.call('GET', deletedList(P));
    const invoice = response.json.value.find((a: { name: string }) => a.name === 'contoso-docintel-invoices');
    expect(invoice).toMatchObject({
      id: `/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/SOUTHCENTRALUS/resourceGroups/rg-docs-prod/deletedAccounts/contoso-docintel-invoices`,
      type: 'Microsoft.CognitiveServices/deletedAccounts',
      location: 'SOUTHCENTRALUS',
      kind: 'FormRecognizer',
      sku: { name: 'S0' },
      properties: { customSubDomainName: 'contoso-docintel-invoices', provisioningState: 'Succeeded' },
    });
    const { deletionDate, scheduledPurgeDate } = invoice.properties;
    expect(deletionDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    expect(Date.parse(scheduledPurgeDate) - Date.parse(deletionDate)).toBe(48 * 3600_000);
    expect(response.json.nextLink).toBeUndefined();
  });

  it('refuses a skip token it did not issue', async () => {
    const response = await t.call('GET', `${deletedList(P)}&$skiptoken=garbage`);
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('InvalidSkipToken');
  });

  it('shows a resource-group-scoped operator only the deleted accounts of its groups', async () => {
    const response = await t.call('GET', deletedList(D), { as: 'operator' });
    expect(response.status).toBe(200);
    const groups = new Set(response.json.value.map((a: { id: string }) => a.id.split('/')[8]));
    expect([...groups].sort()).toEqual(['rg-dev-ai', 'rg-dev-speech']);
  });

  it('forbids the list to a caller with no role in the subscription', async () => {
    const response = await t.call('GET', deletedList(DEMO_SUBSCRIPTIONS.sandbox.subscriptionId), { as: 'operator' });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('AuthorizationFailed');
  });

  it('forgets deleted accounts once their 48 hours have passed, and frees the name, when set to', async () => {
    expect((await t.admin('PUT', '/retention', { deletedAccountsPastPurgeDate: 'vanish' })).status).toBe(200);
    const before = await t.call('GET', deleted(P, 'eastus', 'rg-ai-prod', 'contoso-contentsafety') + `?api-version=${V}`);
    expect(before.status).toBe(200);
    await t.admin('POST', '/clock/advance', { seconds: 3600 });
    const after = await t.call('GET', deleted(P, 'eastus', 'rg-ai-prod', 'contoso-contentsafety') + `?api-version=${V}`);
    expect(after.status).toBe(404);
    const create = await t.call('PUT', `${account(P, 'rg-ai-prod', 'contoso-contentsafety')}?api-version=${V}`, {
      body: { location: 'eastus', kind: 'ContentSafety', sku: { name: 'S0' }, properties: { customSubDomainName: 'contoso-contentsafety' } },
    });
    expect(create.status).toBe(201);
  });

  it('keeps listing, reading and purging an account past its purge date in the demo world, as real ARM does', async () => {
    expect((await t.admin('GET', '/state')).json.settings.deletedAccountsPastPurgeDate).toBe('linger');
    const path = deleted(P, 'eastus', 'rg-ai-prod', 'contoso-contentsafety') + `?api-version=${V}`;
    await t.admin('POST', '/clock/advance', { seconds: 3600 });
    const after = await t.call('GET', path);
    expect(after.status).toBe(200);
    expect(Date.parse(after.json.properties.scheduledPurgeDate)).toBeLessThan(Date.parse((await t.admin('GET', '/clock')).json.now));
    const listed = (await t.call('GET', deletedList(P))).json.value.map((a: { name: string }) => a.name);
    expect(listed).toContain('contoso-contentsafety');
    const taken = await t.call('PUT', `${account(P, 'rg-ai-prod', 'contoso-contentsafety')}?api-version=${V}`, {
      body: { location: 'eastus', kind: 'ContentSafety', sku: { name: 'S0' } },
    });
    expect(taken.json.error.code).toBe('FlagMustBeSetForRestore');
    expect((await t.call('DELETE', path)).status).toBe(202);
    expect((await t.call('GET', path)).status).toBe(404);
  });

  it('lists the demo account deleted four years ago, long past its purge date', async () => {
    const entry = (await t.call('GET', deletedList(D))).json.value.find((a: { name: string }) => a.name === 'dev-luis-authoring-2021');
    expect(entry).toMatchObject({ kind: 'LUIS.Authoring', location: 'westeurope' });
    expect(Date.now() - Date.parse(entry.properties.scheduledPurgeDate)).toBeGreaterThan(3 * 365 * 24 * 3600_000);
  });
});

describe('deleted account get and purge', () => {
  it('finds a deleted account whatever the case of location, group and name', async () => {
    const response = await t.call('GET', deleted(P, 'southcentralus', 'RG-DOCS-PROD', 'Contoso-DocIntel-Invoices') + `?api-version=${V}`);
    expect(response.status).toBe(200);
    expect(response.json.name).toBe('contoso-docintel-invoices');
  });

  it('answers 404 for the right name in the wrong region', async () => {
    const response = await t.call('GET', deleted(P, 'westus', 'rg-docs-prod', 'contoso-docintel-invoices') + `?api-version=${V}`);
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('ResourceNotFound');
  });

  it('purges as a long-running operation with both status URLs, then reports Succeeded', async () => {
    const purge = await t.call('DELETE', deleted(P, 'eastus', 'rg-ai-prod', 'contoso-foundry-hub') + `?api-version=${V}`);
    expect(purge.status).toBe(202);
    const asyncUrl = String(purge.headers['azure-asyncoperation']);
    const locationUrl = String(purge.headers.location);
    expect(asyncUrl).toMatch(new RegExp(`^${t.arm.baseUrl}/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/eastus/operationResults/[0-9a-f-]{36}\\?api-version=2017-04-18$`));
    expect(locationUrl).toBe(`${asyncUrl}&operationResultResponseType=Location`);
    // The recorded purge answer has no Retry-After: clients poll at their own pace.
    expect(purge.headers['retry-after']).toBeUndefined();

    const running = await follow(asyncUrl);
    expect(running.status).toBe(200);
    expect(running.json).toMatchObject({ status: 'InProgress', name: asyncUrl.split('/').pop()!.split('?')[0] });
    expect(running.json.endTime).toBeUndefined();
    expect((await follow(locationUrl)).status).toBe(202);

    await t.admin('POST', '/clock/advance', { seconds: 5 });
    const done = await follow(asyncUrl);
    expect(done.json).toMatchObject({ status: 'Succeeded' });
    expect(done.json.endTime).toMatch(/Z$/);
    expect((await follow(locationUrl)).status).toBe(204);

    expect((await t.call('GET', deleted(P, 'eastus', 'rg-ai-prod', 'contoso-foundry-hub') + `?api-version=${V}`)).status).toBe(404);
  });

  it('answers 204 when there is nothing to purge, so a retried purge counts as done', async () => {
    const path = deleted(P, 'eastus', 'rg-ai-prod', 'contoso-multiservice') + `?api-version=${V}`;
    expect((await t.call('DELETE', path)).status).toBe(202);
    expect((await t.call('DELETE', path)).status).toBe(204);
    const events = await t.admin('GET', '/events');
    expect(events.json.value.filter((e: { kind: string }) => e.kind === 'deletedAccountPurged')).toHaveLength(1);
  });

  it('purges nothing when sent to the wrong region', async () => {
    expect((await t.call('DELETE', deleted(P, 'westus', 'rg-ai-prod', 'contoso-foundry-hub') + `?api-version=${V}`)).status).toBe(204);
    expect((await t.call('GET', deleted(P, 'eastus', 'rg-ai-prod', 'contoso-foundry-hub') + `?api-version=${V}`)).status).toBe(200);
  });

  it('denies purge to a resource-group Contributor with the exact AuthorizationFailed message', async () => {
    const path = deleted(P, 'eastus', 'rg-ai-prod', 'contoso-foundry-hub');
    const response = await t.call('DELETE', `${path}?api-version=${V}`, { as: 'operator' });
    expect(response.status).toBe(403);
    expect(response.json.error).toEqual({
      code: 'AuthorizationFailed',
      message:
        `The client 'operator@contoso.test' with object id '${DEMO_USERS.operator.objectId}' does not have authorization to perform action ` +
        `'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete' over scope '${path}' or the scope is invalid. ` +
        'If access was recently granted, please refresh your credentials.',
    });
  });

  it('lets a subscription-scoped Cognitive Services Contributor purge', async () => {
    await t.admin('POST', '/world/role-assignments', { principalId: DEMO_USERS.operator.objectId, role: 'Cognitive Services Contributor', scope: `/subscriptions/${P}` });
    const response = await t.call('DELETE', deleted(P, 'eastus', 'rg-ai-prod', 'contoso-foundry-hub') + `?api-version=${V}`, { as: 'operator' });
    expect(response.status).toBe(202);
  });
});

describe('recover', () => {
  const recover = (sub: string, rg: string, name: string, location: string, as: 'admin' | 'operator' | 'reader' = 'admin') =>
    t.call('PUT', `${account(sub, rg, name)}?api-version=${V}`, { as, body: { location, properties: { restore: true } } });

  it('restores the original kind, sku, subdomain and creation date, synchronously (201 Succeeded, no async header)', async () => {
    const before = (await t.call('GET', deleted(P, 'westus', 'rg-search-prod', 'contoso-translator-web') + `?api-version=${V}`)).json;
    const response = await recover(P, 'rg-search-prod', 'contoso-translator-web', 'westus');
    expect(response.status).toBe(201);
    expect(response.headers['azure-asyncoperation']).toBeUndefined();
    expect(response.json).toMatchObject({
      type: 'Microsoft.CognitiveServices/accounts',
      kind: 'TextTranslation',
      sku: { name: 'S1' },
      properties: { provisioningState: 'Succeeded', customSubDomainName: 'contoso-translator-web', dateCreated: before.properties.dateCreated },
    });
    expect((await t.call('GET', deleted(P, 'westus', 'rg-search-prod', 'contoso-translator-web') + `?api-version=${V}`)).status).toBe(404);
    expect((await t.call('GET', `${account(P, 'rg-search-prod', 'contoso-translator-web')}?api-version=${V}`)).status).toBe(200);
  });

  it('is idempotent: recovering an account that is already back answers 200 with it', async () => {
    await recover(P, 'rg-search-prod', 'contoso-translator-web', 'westus');
    const again = await recover(P, 'rg-search-prod', 'contoso-translator-web', 'westus');
    expect(again.status).toBe(200);
    expect(again.json.name).toBe('contoso-translator-web');
  });

  it('lets the operator recover in its own resource group', async () => {
    expect((await recover(P, 'rg-ai-prod', 'contoso-multiservice', 'eastus', 'operator')).status).toBe(201);
  });

  it('forbids recover to a Reader', async () => {
    const response = await recover(P, 'rg-ai-prod', 'contoso-multiservice', 'eastus', 'reader');
    expect(response.status).toBe(403);
    expect(response.json.error.message).toContain("'Microsoft.CognitiveServices/accounts/write'");
  });

  it('answers ResourceGroupNotFound when the group is gone, and succeeds once it is recreated', async () => {
    const response = await recover(P, 'rg-legacy-2019', 'contoso-legacy-luis', 'westus');
    expect(response.status).toBe(404);
    expect(response.json.error).toEqual({ code: 'ResourceGroupNotFound', message: "Resource group 'rg-legacy-2019' could not be found." });
    expect((await t.call('PUT', `/subscriptions/${P}/resourcegroups/rg-legacy-2019?api-version=2022-09-01`, { body: { location: 'westus' } })).status).toBe(201);
    expect((await recover(P, 'rg-legacy-2019', 'contoso-legacy-luis', 'westus')).status).toBe(201);
  });

  it('answers KeyVaultNotFound while the customer-managed key vault is soft-deleted, and succeeds once it is recovered', async () => {
    const response = await recover(P, 'rg-ai-prod', 'contoso-cmk-textanalytics', 'eastus');
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('KeyVaultNotFound');
    const vault = await t.call('PUT', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-old?api-version=2023-07-01`, {
      body: { location: 'eastus', properties: { tenantId: '8f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', sku: { family: 'A', name: 'standard' }, createMode: 'recover' } },
    });
    expect(vault.status).toBe(200);
    expect((await recover(P, 'rg-ai-prod', 'contoso-cmk-textanalytics', 'eastus')).status).toBe(201);
  });

  it('answers UserOwnedStorageNotFound when the storage account is gone, and succeeds once it exists again', async () => {
    const response = await recover(P, 'rg-ai-prod', 'contoso-speech-callcenter', 'eastus');
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('UserOwnedStorageNotFound');
    const storage = await t.call('PUT', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.Storage/storageAccounts/stcontosospeechdata?api-version=2023-01-01`, {
      body: { location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' } },
    });
    expect(storage.status).toBe(200);
    expect((await recover(P, 'rg-ai-prod', 'contoso-speech-callcenter', 'eastus')).status).toBe(201);
  });

  it('recovers an account whose vault exists (deleting the vault blocks it again)', async () => {
    expect((await t.call('DELETE', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-prod-cmk?api-version=2023-07-01`)).status).toBe(200);
    expect((await recover(P, 'rg-ai-prod', 'contoso-language-support', 'eastus')).status).toBe(409);
  });

  it('answers 404 when nothing soft-deleted has that name', async () => {
    const response = await recover(P, 'rg-ai-prod', 'never-existed', 'eastus');
    expect(response.status).toBe(404);
  });
});

describe('name and subdomain reservation', () => {
  it('refuses to create over a soft-deleted account without restore (FlagMustBeSetForRestore)', async () => {
    const response = await t.call('PUT', `${account(P, 'rg-ai-prod', 'contoso-anomaly-iot')}?api-version=${V}`, {
      body: { location: 'eastus', kind: 'AnomalyDetector', sku: { name: 'S0' } },
    });
    expect(response.status).toBe(409);
    expect(response.json.error).toEqual({
      code: 'FlagMustBeSetForRestore',
      message:
        `An existing resource with ID '/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-anomaly-iot' ` +
        "has been soft-deleted. To restore the resource, you must specify 'restore' to be 'true' in the property. If you don't want to restore existing resource, please purge it first.",
    });
  });

  it('keeps a soft-deleted account’s subdomain taken (CustomDomainInUse) until it is purged', async () => {
    const create = () =>
      t.call('PUT', `${account(D, 'rg-dev-ai', 'brand-new')}?api-version=${V}`, {
        body: { location: 'eastus2', kind: 'OpenAI', sku: { name: 'S0' }, properties: { customSubDomainName: 'contoso-openai-eastus' } },
      });
    const refused = await create();
    expect(refused.status).toBe(409);
    expect(refused.json.error).toEqual({
      code: 'CustomDomainInUse',
      message:
        "Please pick a different name. The subdomain name 'contoso-openai-eastus' is not available as it's already used by a resource. " +
        'If the resource using the name was deleted in the last 48 hours, you may need to purge the deleted resource.',
    });
    expect((await t.call('DELETE', deleted(P, 'swedencentral', 'rg-openai-prod', 'contoso-openai-eastus') + `?api-version=${V}`)).status).toBe(202);
    expect((await create()).status).toBe(201);
  });

  it('reports subdomain availability', async () => {
    const check = (subdomainName: string) =>
      t.call('POST', `/subscriptions/${P}/providers/Microsoft.CognitiveServices/checkDomainAvailability?api-version=${V}`, {
        body: { subdomainName, type: 'Microsoft.CognitiveServices/accounts' },
      });
    const taken = await check('contoso-openai-eastus');
    expect(taken.status).toBe(200);
    expect(taken.json).toMatchObject({ isSubdomainAvailable: false, subdomainName: 'contoso-openai-eastus', type: 'Microsoft.CognitiveServices/accounts' });
    expect(taken.json.reason).toContain('already used');
    expect((await check('free-subdomain-123')).json.isSubdomainAvailable).toBe(true);
  });
});

describe('accounts', () => {
  it('creates as a long-running operation: 201 Creating with Azure-AsyncOperation, then Succeeded', async () => {
    const path = `${account(P, 'rg-ai-prod', 'fresh-account')}?api-version=2025-09-01`;
    const create = await t.call('PUT', path, { body: { location: 'EastUS', kind: 'FormRecognizer', sku: { name: 'S0' }, properties: { customSubDomainName: 'fresh-account' } } });
    expect(create.status).toBe(201);
    expect(create.json).toMatchObject({ location: 'EastUS', properties: { provisioningState: 'Creating', endpoint: 'https://fresh-account.cognitiveservices.azure.com/' } });
    // What Cognitive Services adds, which clients loop over or look endpoints up in (recording).
    expect(create.json.properties).toMatchObject({
      endpoints: { FormRecognizer: 'https://fresh-account.cognitiveservices.azure.com/', Container: 'https://fresh-account.cognitiveservices.azure.com/' },
      privateEndpointConnections: [],
      capabilities: expect.arrayContaining([{ name: 'CustomerManagedKey' }]),
    });
    expect(create.json.identity).toBeUndefined();
    const status = String(create.headers['azure-asyncoperation']);
    expect(status).toContain('/providers/Microsoft.CognitiveServices/locations/EastUS/operationResults/');
    // Cognitive Services reports a running create as `Creating`, not ARM's generic `InProgress` (recording).
    expect((await follow(status)).json.status).toBe('Creating');
    await t.admin('POST', '/clock/advance', { seconds: 3 });
    expect((await follow(status)).json.status).toBe('Succeeded');
    const location = await follow(`${status}&operationResultResponseType=Location`);
    expect(location.status).toBe(200);
    expect(location.json.properties.provisioningState).toBe('Succeeded');
    expect((await t.call('GET', path)).json.properties.provisioningState).toBe('Succeeded');
  });

  it('creates in the canary region centraluseuap, where real ARM holds accounts', async () => {
    const create = await t.call('PUT', `${account(P, 'rg-ai-prod', 'canary-account')}?api-version=${V}`, {
      body: { location: 'centraluseuap', kind: 'AIServices', sku: { name: 'S0' }, properties: { customSubDomainName: 'canary-account' } },
    });
    expect(create.status).toBe(201);
    expect(create.json.properties.endpoints['OpenAI Language Model Instance API']).toBe('https://canary-account.openai.azure.com/');
  });

  it('hands out a valid status URL when the location is a display name with spaces', async () => {
    const create = await t.call('PUT', `${account(P, 'rg-ai-prod', 'spaced-location')}?api-version=${V}`, {
      body: { location: 'East US', kind: 'TextAnalytics', sku: { name: 'S0' } },
    });
    expect(create.status).toBe(201);
    const status = String(create.headers['azure-asyncoperation']);
    expect(status).toContain('/locations/East%20US/operationResults/');
    expect((await follow(status)).status).toBe(200);
  });

  it('soft-deletes with 200 and an empty body, then 204 for an account that is not there', async () => {
    const path = `${account(P, 'rg-ai-prod', 'contoso-openai-live')}?api-version=${V}`;
    const first = await t.call('DELETE', path);
    expect(first.status).toBe(200);
    expect(first.text).toBe('');
    expect((await t.call('DELETE', path)).status).toBe(204);
    const found = await t.call('GET', deleted(P, 'eastus', 'rg-ai-prod', 'contoso-openai-live') + `?api-version=${V}`);
    expect(found.json.properties.customSubDomainName).toBe('contoso-openai-live');
  });

  it('lists accounts by resource group and by subscription', async () => {
    const byGroup = await t.call('GET', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts?api-version=${V}`);
    expect(byGroup.json.value.map((a: { name: string }) => a.name).sort()).toEqual(['contoso-openai-live', 'contoso-speech-live']);
    const bySubscription = await t.call('GET', `/subscriptions/${D}/providers/Microsoft.CognitiveServices/accounts?api-version=${V}`);
    expect(bySubscription.json.value.map((a: { name: string }) => a.name)).toEqual(['dev-language-live']);
  });

  it('answers ResourceNotFound for an account that does not exist', async () => {
    const response = await t.call('GET', `${account(P, 'rg-ai-prod', 'missing')}?api-version=${V}`);
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('ResourceNotFound');
  });

  it('matches path segments case-insensitively, as ARM does', async () => {
    const response = await t.call('GET', `/SUBSCRIPTIONS/${P}/resourcegroups/RG-AI-PROD/PROVIDERS/microsoft.cognitiveservices/ACCOUNTS/CONTOSO-OPENAI-LIVE?api-version=${V}`);
    expect(response.status).toBe(200);
    expect(response.json.name).toBe('contoso-openai-live');
  });

  it('validates account names', async () => {
    const response = await t.call('PUT', `${account(P, 'rg-ai-prod', '-bad')}?api-version=${V}`, { body: { location: 'eastus', kind: 'OpenAI', sku: { name: 'S0' } } });
    expect(response.status).toBe(400);
  });

  it('refuses an unknown region', async () => {
    const response = await t.call('PUT', `${account(P, 'rg-ai-prod', 'somewhere')}?api-version=${V}`, { body: { location: 'moon', kind: 'OpenAI', sku: { name: 'S0' } } });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('LocationNotAvailableForResourceType');
  });

  it('rejects a body that is not JSON', async () => {
    const response = await rawRequest(`${t.arm.baseUrl}${account(P, 'rg-ai-prod', 'x1')}?api-version=${V}`, {
      method: 'PUT',
      ca: t.tls.caPem,
      headers: { authorization: `Bearer ${await t.token('admin')}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('InvalidRequestContent');
  });
});
