/** Raw HTTP: the activity log (microsoft.insights/eventtypes/management/values), its filters, paging, select, errors and RBAC. */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTAL_CLIENT_ID, DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS, DEMO_TENANT, DEMO_USERS } from '../../demo-world';
import { startDemoArmForSuite, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const vaultId = (sub: string, rg: string, name: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}`;
const groupId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;
const log = (sub: string, filter: string, extra = '', provider = 'Microsoft.Insights') =>
  `/subscriptions/${sub}/providers/${provider}/eventtypes/management/values?api-version=2015-04-01&$filter=${encodeURIComponent(filter)}${extra}`;

const arm = startDemoArmForSuite();
let t: TestArm;
beforeEach(() => {
  t = arm();
});

interface EventData {
  caller: string;
  claims: Record<string, string>;
  correlationId: string;
  eventName: { value: string };
  operationName: { value: string };
  authorization: { action: string; role?: string; scope: string };
  status: { value: string };
  subStatus: { value: string; localizedValue: string };
  resourceId: string;
  resourceGroupName: string;
  eventTimestamp: string;
  level: string;
  properties: Record<string, string>;
  httpRequest: { method: string; clientRequestId: string };
}

const emulatorNow = async () => Date.parse((await t.admin('GET', '/clock')).json.now);
/** `eventTimestamp ge '<since>' and eventTimestamp le '<now>'` (quoted, as the spec writes it) plus `rest`. */
const window = async (sinceMs: number, rest = '') => {
  const now = await emulatorNow();
  return `eventTimestamp ge '${new Date(now - sinceMs).toISOString()}' and eventTimestamp le '${new Date(now + 1000).toISOString()}'${rest}`;
};
const events = async (sub: string, filter: string, as: 'admin' | 'reader' | 'operator' | 'sp' = 'admin'): Promise<EventData[]> => {
  const response = await t.call('GET', log(sub, filter), { as });
  expect(response.status).toBe(200);
  return response.json.value;
};
const steps = (list: EventData[]) => list.map((e) => `${e.operationName.value} ${e.status.value}`);

describe('events of the seeded deletions', () => {
  it('records who deleted a key vault, at its deletion time, with ARM EventData fields', async () => {
    const id = vaultId(P, 'rg-ai-prod', 'kv-contoso-old');
    const list = await events(P, await window(2 * DAY, ` and resourceUri eq '${id}'`));
    expect(steps(list)).toEqual(['Microsoft.KeyVault/vaults/delete Succeeded', 'Microsoft.KeyVault/vaults/delete Started']);
    const [end, begin] = list;
    const deleted = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-old?api-version=2023-07-01`);
    // deletionDate is written to the second.
    expect(Math.floor(Date.parse(end!.eventTimestamp) / 1000) * 1000).toBe(Date.parse(deleted.json.properties.deletionDate));
    expect(end).toMatchObject({
      caller: DEMO_USERS.lead.upn,
      authorization: { action: 'Microsoft.KeyVault/vaults/delete', role: 'Owner', scope: id },
      category: { value: 'Administrative' },
      eventName: { value: 'EndRequest', localizedValue: 'End request' },
      level: 'Informational',
      resourceGroupName: 'rg-ai-prod',
      resourceId: id,
      resourceProviderName: { value: 'Microsoft.KeyVault' },
      resourceType: { value: 'Microsoft.KeyVault/vaults' },
      subStatus: { value: 'OK', localizedValue: 'OK (HTTP Status Code: 200)' },
      subscriptionId: P,
      tenantId: DEMO_TENANT.id,
      httpRequest: { method: 'DELETE' },
      claims: {
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': DEMO_USERS.lead.upn,
        'http://schemas.microsoft.com/identity/claims/objectidentifier': DEMO_USERS.lead.objectId,
        name: DEMO_USERS.lead.name,
        appid: DEMO_PORTAL_CLIENT_ID,
      },
    });
    expect(end!.correlationId).toBe(begin!.correlationId);
    expect((end as unknown as { id: string }).id).toMatch(new RegExp(`^${id}/events/[0-9a-f-]{36}/ticks/\\d{18}$`));
  });

  it('names a service principal by its object id, with its application id in the claims', async () => {
    const list = await events(P, await window(DAY, ` and resourceUri eq '${vaultId(P, 'rg-security', 'kv-contoso-secure')}'`));
    expect(list.map((e) => e.caller)).toEqual([DEMO_SERVICE_PRINCIPAL.objectId, DEMO_SERVICE_PRINCIPAL.objectId]);
    expect(list[0]!.claims).toMatchObject({ appid: DEMO_SERVICE_PRINCIPAL.clientId, idtyp: 'app' });
  });

  it('stops listing events once they are older than the 90 days ARM keeps', async () => {
    expect((await events(P, await window(2 * DAY))).length).toBeGreaterThan(0);
    await t.admin('POST', '/clock/advance', { seconds: 90 * 24 * 3600 });
    expect(await events(P, await window(90 * DAY - 60_000))).toEqual([]);
  });

  it('finds a resource group deleted with its resources: the group and each resource, under one correlation id', async () => {
    const list = await events(D, await window(DAY, " and resourceGroupName eq 'rg-hackathon'"));
    const group = list.filter((e) => e.resourceId === groupId(D, 'rg-hackathon'));
    expect(steps(group)).toEqual([
      'Microsoft.Resources/subscriptions/resourceGroups/delete Succeeded',
      'Microsoft.Resources/subscriptions/resourceGroups/delete Accepted',
      'Microsoft.Resources/subscriptions/resourceGroups/delete Started',
    ]);
    expect(new Set(list.map((e) => e.correlationId)).size).toBe(1);
    expect(new Set(list.map((e) => e.caller))).toEqual(new Set([DEMO_USERS.lead.upn]));
    const deletedResources = list.filter((e) => e.eventName.value === 'EndRequest' && e.resourceId !== groupId(D, 'rg-hackathon')).map((e) => e.resourceId.split('/').pop());
    expect(deletedResources.sort()).toEqual(['apim-hackathon', 'dev-hackathon-openai', 'dev-hackathon-speech', 'dev-hackathon-vision', 'kv-hackathon', 'sthackathondata']);
  });
});

describe('$filter', () => {
  it('accepts the Azure CLI form: unquoted timestamps with an offset, resourceId, caller and status', async () => {
    const now = await emulatorNow();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const id = vaultId(D, 'rg-dev-ai', 'kv-dev-protected');
    const filter = `eventTimestamp ge ${iso(now - 2 * DAY)} and eventTimestamp le ${iso(now + 1000)} and resourceId eq '${id}' and caller eq '${DEMO_SERVICE_PRINCIPAL.objectId}' and status eq 'Succeeded'`;
    const list = await events(D, filter);
    expect(steps(list)).toEqual(['Microsoft.KeyVault/vaults/delete Succeeded']);
  });

  it('selects by resource provider, by caller and by correlation id', async () => {
    const apim = await events(P, await window(2 * DAY, " and resourceProvider eq 'Microsoft.ApiManagement'"));
    expect(new Set(apim.map((e) => e.resourceId.split('/').pop()))).toEqual(new Set(['apim-contoso-gateway']));
    const byOperator = await events(P, await window(3 * DAY, ` and caller eq '${DEMO_USERS.operator.upn}'`));
    expect(new Set(byOperator.map((e) => e.resourceId.split('/').pop()))).toEqual(new Set(['contoso-foundry-hub', 'contoso-multiservice', 'stcontosospeechdata', 'appcs-contoso-prod']));
    const one = byOperator[0]!;
    const correlated = await events(P, await window(3 * DAY, ` and correlationId eq '${one.correlationId}'`));
    expect(correlated.map((e) => e.resourceId)).toEqual([one.resourceId, one.resourceId]);
  });

  it('answers 400 BadRequest, flat as the activity log does, for a filter outside its grammar', async () => {
    const now = new Date().toISOString();
    for (const filter of [
      '',
      `resourceGroupName eq 'rg-ai-prod'`,
      `eventTimestamp ge 'yesterday'`,
      `eventTimestamp ge '${now}' and location eq 'eastus'`,
      `eventTimestamp ge '${now}' and resourceGroupName eq 'a' and resourceProvider eq 'Microsoft.KeyVault'`,
      `eventTimestamp ge '${now}' or caller eq 'x'`,
    ]) {
      const response = await t.call('GET', log(P, filter));
      expect(response.status, filter).toBe(400);
      expect(response.json.Code, filter).toBe('BadRequest');
      expect(response.json.Message, filter).toMatch(/^The \$filter is not valid: /);
    }
  });

  it('refuses a start time more than 90 days back with ARM recorded answer', async () => {
    const response = await t.call('GET', log(P, await window(91 * DAY)));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ Code: 'BadRequest', Message: 'The start time cannot be more than 90 days in the past.' });
  });
});

describe('listing', () => {
  it('routes the provider segment case-insensitively (the CLI sends microsoft.insights)', async () => {
    const response = await t.call('GET', log(P, await window(DAY), '', 'microsoft.insights'));
    expect(response.status).toBe(200);
    expect(response.json.value.length).toBeGreaterThan(0);
  });

  it('pages newest first with absolute nextLinks that keep the filter, and lists every event once', async () => {
    const filter = await window(2 * DAY);
    const all = await events(D, filter);
    await t.admin('PUT', '/paging', { activityLogPageSize: 7 });
    const paged: EventData[] = [];
    let url: string | undefined = `${t.arm.baseUrl}${log(D, filter)}`;
    while (url) {
      const page = await t.call('GET', url.slice(t.arm.baseUrl.length));
      expect(page.status).toBe(200);
      expect(page.json.value.length).toBeLessThanOrEqual(7);
      paged.push(...page.json.value);
      url = page.json.nextLink;
      if (url) {
        expect(new URL(url).searchParams.get('$filter')).toBe(filter);
        expect(new URL(url).searchParams.get('api-version')).toBe('2015-04-01');
      }
    }
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(14);
    const times = all.map((e) => Date.parse(e.eventTimestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('returns only the $select-ed properties', async () => {
    const response = await t.call('GET', log(P, await window(DAY), `&$select=${encodeURIComponent('caller , eventTimestamp,resourceId')}`));
    expect(response.status).toBe(200);
    for (const event of response.json.value) expect(Object.keys(event).sort()).toEqual(['caller', 'eventTimestamp', 'resourceId']);
  });

  it('needs eventtypes/values/read at the subscription: Reader has it, a principal with roles only on resource groups gets 403', async () => {
    expect((await t.call('GET', log(P, await window(DAY)), { as: 'reader' })).status).toBe(200);
    const refused = await t.call('GET', log(P, await window(DAY)), { as: 'operator' });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toEqual({
      code: 'AuthorizationFailed',
      message:
        `The client '${DEMO_USERS.operator.upn}' with object id '${DEMO_USERS.operator.objectId}' does not have authorization to perform action ` +
        `'Microsoft.Insights/eventtypes/values/read' over scope '/subscriptions/${P}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    });
  });
});

describe('events of requests made through the API', () => {
  const correlation = (id: string) => ({ 'x-ms-correlation-request-id': id });

  it('records a delete, a recover and a purge of key vaults with each caller and correlation id', async () => {
    const id = vaultId(P, 'rg-ai-prod', 'kv-contoso-prod-cmk');
    const deleted = await t.call('DELETE', `${id}?api-version=2023-07-01`, { as: 'operator', headers: correlation('11111111-1111-4111-8111-111111111111') });
    expect(deleted.status).toBe(200);
    const recovered = await t.call('PUT', `${id}?api-version=2023-07-01`, {
      headers: correlation('22222222-2222-4222-8222-222222222222'),
      body: { location: 'eastus', properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' }, createMode: 'recover' } },
    });
    expect(recovered.status).toBe(200);
    // kv-contoso-prod-cmk is under purge protection: the service principal purges the deleted kv-contoso-old.
    const purgeId = `/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-old`;
    const purged = await t.call('POST', `${purgeId}/purge?api-version=2023-07-01`, { as: 'sp', headers: correlation('33333333-3333-4333-8333-333333333333') });
    expect(purged.status).toBe(202);

    const forVault = await events(P, await window(HOUR, ` and resourceUri eq '${id}'`));
    const operatorDelete = forVault.filter((e) => e.correlationId === '11111111-1111-4111-8111-111111111111');
    expect(steps(operatorDelete)).toEqual(['Microsoft.KeyVault/vaults/delete Succeeded', 'Microsoft.KeyVault/vaults/delete Started']);
    expect(operatorDelete[0]).toMatchObject({ caller: DEMO_USERS.operator.upn, authorization: { role: 'Contributor' }, httpRequest: { method: 'DELETE' } });
    const recover = forVault.filter((e) => e.correlationId === '22222222-2222-4222-8222-222222222222');
    expect(steps(recover)).toEqual(['Microsoft.KeyVault/vaults/write Succeeded', 'Microsoft.KeyVault/vaults/write Started']);
    expect(recover[0]).toMatchObject({ caller: DEMO_USERS.admin.upn, httpRequest: { method: 'PUT' } });

    const purge = await events(P, await window(HOUR, ` and correlationId eq '33333333-3333-4333-8333-333333333333'`));
    expect(steps(purge)).toEqual([
      'Microsoft.KeyVault/locations/deletedVaults/purge/action Succeeded',
      'Microsoft.KeyVault/locations/deletedVaults/purge/action Accepted',
      'Microsoft.KeyVault/locations/deletedVaults/purge/action Started',
    ]);
    expect(purge[0]).toMatchObject({ caller: DEMO_SERVICE_PRINCIPAL.objectId, resourceId: purgeId, resourceGroupName: '', resourceType: { value: 'Microsoft.KeyVault/locations/deletedVaults' } });
  });

  it('records the restore and the purge of Cognitive Services accounts', async () => {
    const account = `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-multiservice`;
    const restored = await t.call('PUT', `${account}?api-version=2021-04-30`, { as: 'operator', body: { location: 'eastus', properties: { restore: true } } });
    expect(restored.status).toBe(201);
    const deletedAccount = `/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/swedencentral/resourceGroups/rg-openai-prod/deletedAccounts/contoso-openai-eastus`;
    expect((await t.call('DELETE', `${deletedAccount}?api-version=2021-04-30`, { as: 'lead' })).status).toBe(202);
    const restore = (await events(P, await window(HOUR, ` and resourceUri eq '${account}'`))).filter((e) => e.status.value !== 'Started');
    expect(restore.map((e) => [e.operationName.value, e.caller, e.subStatus.value])).toEqual([['Microsoft.CognitiveServices/accounts/write', DEMO_USERS.operator.upn, 'Created']]);
    const purge = await events(P, await window(HOUR, ` and resourceId eq '${deletedAccount}'`));
    expect(steps(purge)).toEqual([
      'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete Succeeded',
      'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete Accepted',
      'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete Started',
    ]);
  });

  it('records the delete of each soft-deletable type', async () => {
    const live = [
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-openai-live?api-version=2021-04-30`,
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.Storage/storageAccounts/stcontosoprodai?api-version=2023-01-01`,
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-live?api-version=2023-03-01`,
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.ApiManagement/service/apim-contoso-live?api-version=2022-08-01`,
    ];
    for (const path of live) expect((await t.call('DELETE', path, { as: 'lead' })).status, path).toBeLessThan(300);
    const ended = (await events(P, await window(HOUR, ` and caller eq '${DEMO_USERS.lead.upn}'`))).filter((e) => e.eventName.value === 'EndRequest');
    expect(new Set(ended.map((e) => e.operationName.value))).toEqual(
      new Set([
        'Microsoft.CognitiveServices/accounts/delete',
        'Microsoft.Storage/storageAccounts/delete',
        'Microsoft.AppConfiguration/configurationStores/delete',
        'Microsoft.ApiManagement/service/delete',
      ]),
    );
  });

  it('records a failed purge as Failed, level Error, with the answer in properties.statusMessage', async () => {
    const response = await t.call('POST', `/subscriptions/${D}/providers/Microsoft.KeyVault/locations/eastus2/deletedVaults/kv-dev-protected/purge?api-version=2023-07-01`, {
      headers: correlation('44444444-4444-4444-8444-444444444444'),
    });
    expect(response.status).toBe(405);
    const [failed] = await events(D, await window(HOUR, " and correlationId eq '44444444-4444-4444-8444-444444444444' and status eq 'Failed'"));
    expect(failed).toMatchObject({ level: 'Error', subStatus: { value: 'MethodNotAllowed', localizedValue: 'Method Not Allowed (HTTP Status Code: 405)' } });
    expect(JSON.parse(failed!.properties.statusMessage!)).toMatchObject({ error: { code: response.json.error.code } });
  });

  it('records a resource group delete and the deletes it cascades to; the group delete succeeds when its operation ends', async () => {
    await t.admin('PUT', '/lro', { durationSeconds: 60 });
    const response = await t.call('DELETE', `/subscriptions/${D}/resourcegroups/rg-dev-speech?api-version=2022-09-01`, {
      as: 'sp',
      headers: correlation('55555555-5555-4555-8555-555555555555'),
    });
    expect(response.status).toBe(202);
    const filter = " and correlationId eq '55555555-5555-4555-8555-555555555555'";
    expect(steps(await events(D, await window(HOUR, filter)))).toEqual([
      'Microsoft.Resources/subscriptions/resourceGroups/delete Accepted',
      'Microsoft.Storage/storageAccounts/delete Succeeded',
      'Microsoft.Storage/storageAccounts/delete Started',
      'Microsoft.Resources/subscriptions/resourceGroups/delete Started',
    ]);
    await t.admin('POST', '/clock/advance', { seconds: 61 });
    const after = await events(D, await window(HOUR, filter));
    expect(steps(after)[0]).toBe('Microsoft.Resources/subscriptions/resourceGroups/delete Succeeded');
    const byGroup = await events(D, await window(HOUR, " and resourceGroupName eq 'rg-dev-speech'"));
    expect(byGroup.filter((e) => e.correlationId === '55555555-5555-4555-8555-555555555555')).toHaveLength(5);
    expect(new Set(after.map((e) => e.caller))).toEqual(new Set([DEMO_SERVICE_PRINCIPAL.objectId]));
  });

  it('keeps other subscriptions apart', async () => {
    const sandbox = await events(S, await window(4 * DAY));
    expect(sandbox.length).toBeGreaterThan(0);
    expect(sandbox.every((e) => e.resourceId.startsWith(`/subscriptions/${S}/`))).toBe(true);
  });
});
