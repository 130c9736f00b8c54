/** Raw HTTP: subscriptions, resource groups, permissions, provider metadata, unknown paths, admin API and faults. */
import os from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../../demo-world';
import { startArmServer } from '../server';
import { rawRequest, startTestArm, tempStateDir, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
});
afterAll(() => t.close());
beforeEach(async () => {
  expect((await t.admin('POST', '/reset', { seed: 'demo' })).status).toBe(200);
});

describe('subscriptions', () => {
  it('lists only subscriptions where the caller holds a role, with ARM’s fields', async () => {
    const admin = await t.call('GET', '/subscriptions?api-version=2022-12-01');
    expect(admin.json.value).toHaveLength(3);
    expect(admin.json.value[0]).toMatchObject({
      id: `/subscriptions/${admin.json.value[0].subscriptionId}`,
      authorizationSource: 'RoleBased',
      state: 'Enabled',
      tenantId: '8f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', spendingLimit: 'Off' },
    });
    const operator = await t.call('GET', '/subscriptions?api-version=2022-12-01', { as: 'operator' });
    expect(operator.json.value.map((s: { displayName: string }) => s.displayName).sort()).toEqual(['Contoso Dev/Test', 'Contoso Production']);
  });

  it('answers SubscriptionNotFound for a subscription the caller cannot see, InvalidSubscriptionId for a non-GUID', async () => {
    const hidden = await t.call('GET', `/subscriptions/${S}?api-version=2022-12-01`, { as: 'operator' });
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.code).toBe('SubscriptionNotFound');
    const bad = await t.call('GET', '/subscriptions/not-a-guid/resourcegroups?api-version=2022-09-01');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toEqual({ code: 'InvalidSubscriptionId', message: "The provided subscription identifier 'not-a-guid' is malformed or invalid." });
  });
});

describe('resource groups', () => {
  const rg = (name: string) => `/subscriptions/${P}/resourcegroups/${name}?api-version=2022-09-01`;

  it('creates with 201, updates with 200, and answers HEAD with 204 or 404', async () => {
    const created = await t.call('PUT', rg('rg-new'), { body: { location: 'eastus', tags: { env: 'test' } } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: `/subscriptions/${P}/resourceGroups/rg-new`,
      name: 'rg-new',
      type: 'Microsoft.Resources/resourceGroups',
      location: 'eastus',
      tags: { env: 'test' },
      properties: { provisioningState: 'Succeeded' },
    });
    expect((await t.call('PUT', rg('rg-new'), { body: { location: 'eastus' } })).status).toBe(200);
    const head = await t.call('HEAD', rg('RG-NEW'));
    expect(head.status).toBe(204);
    expect(head.text).toBe('');
    expect((await t.call('HEAD', rg('rg-nope'))).status).toBe(404);
  });

  it('refuses to move an existing group to another location', async () => {
    const response = await t.call('PUT', rg('rg-ai-prod'), { body: { location: 'westus' } });
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('InvalidResourceGroupLocation');
  });

  it('deletes as a long-running operation and soft-deletes the group’s Cognitive Services accounts', async () => {
    const response = await t.call('DELETE', rg('rg-ai-prod'));
    expect(response.status).toBe(202);
    const location = String(response.headers.location);
    expect(location).toMatch(new RegExp(`^${t.arm.baseUrl}/subscriptions/${P}/operationresults/[A-Za-z0-9_-]+\\?api-version=2022-09-01$`));
    expect((await t.call('GET', location.slice(t.arm.baseUrl.length))).status).toBe(202);
    await t.admin('POST', '/clock/advance', { seconds: 5 });
    expect((await t.call('GET', location.slice(t.arm.baseUrl.length))).status).toBe(200);
    expect((await t.call('GET', rg('rg-ai-prod'))).status).toBe(404);
    const deleted = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg-ai-prod/deletedAccounts/contoso-openai-live?api-version=2021-04-30`);
    expect(deleted.status).toBe(200);
    const vault = await t.call('GET', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-prod-cmk?api-version=2023-07-01`);
    expect(vault.status).toBe(404);
    // The operator's Contributor assignment on the deleted group went with it.
    const operator = await t.call('GET', '/subscriptions?api-version=2022-12-01', { as: 'operator' });
    expect(operator.json.value.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([D]);
  });

  it('answers ResourceGroupNotFound for a group that does not exist', async () => {
    const response = await t.call('GET', rg('rg-legacy-2019'));
    expect(response.status).toBe(404);
    expect(response.json.error).toEqual({ code: 'ResourceGroupNotFound', message: "Resource group 'rg-legacy-2019' could not be found." });
  });

  it('lists only the groups a resource-group-scoped caller may read', async () => {
    const response = await t.call('GET', `/subscriptions/${D}/resourcegroups?api-version=2022-09-01`, { as: 'operator' });
    expect(response.json.value.map((g: { name: string }) => g.name).sort()).toEqual(['rg-dev-ai', 'rg-dev-speech']);
  });

  it('forbids a Reader to create a group', async () => {
    const response = await t.call('PUT', rg('rg-reader'), { as: 'reader', body: { location: 'eastus' } });
    expect(response.status).toBe(403);
    expect(response.json.error.message).toContain("'Microsoft.Resources/subscriptions/resourceGroups/write'");
  });
});

describe('permissions API', () => {
  it('reports the caller’s effective actions at a resource group and at the subscription', async () => {
    const atGroup = await t.call('GET', `/subscriptions/${P}/resourcegroups/rg-ai-prod/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`, { as: 'operator' });
    expect(atGroup.status).toBe(200);
    expect(atGroup.json.value).toHaveLength(1);
    expect(atGroup.json.value[0].actions).toEqual(['*']);
    expect(atGroup.json.value[0].notActions).toContain('Microsoft.Authorization/*/Write');
    const atSubscription = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`, { as: 'operator' });
    expect(atSubscription.json.value).toEqual([]);
    const reader = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`, { as: 'reader' });
    expect(reader.json.value).toEqual([{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]);
  });

  it('lists role assignments for one principal', async () => {
    const response = await t.call(
      'GET',
      `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=${encodeURIComponent(`assignedTo('${DEMO_USERS.operator.objectId}')`)}`,
    );
    expect(response.status).toBe(200);
    expect(response.json.value).toHaveLength(1);
    expect(response.json.value[0].properties.roleDefinitionId).toMatch(/b24988ac-6180-42a0-ab88-20f7382dd24c$/);
  });
});

describe('provider metadata', () => {
  it('lists the Cognitive Services resource types generic tools resolve api-versions from', async () => {
    const response = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.CognitiveServices?api-version=2022-09-01`);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ namespace: 'Microsoft.CognitiveServices', registrationState: 'Registered' });
    const types = new Map<string, string[]>(response.json.resourceTypes.map((r: { resourceType: string; apiVersions: string[] }) => [r.resourceType, r.apiVersions]));
    for (const type of ['accounts', 'deletedAccounts', 'locations', 'locations/resourceGroups', 'locations/resourceGroups/deletedAccounts', 'locations/operationResults', 'checkDomainAvailability', 'operations']) {
      expect(types.get(type), type).toContain('2021-04-30');
    }
    expect(types.get('accounts')![0]).toBe('2026-09-15-preview');
  });

  it('answers for an unknown namespace as ARM does', async () => {
    const response = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.Nope?api-version=2022-09-01`);
    expect(response.json.error.code).toBe('InvalidResourceNamespace');
  });
});

describe('paths the emulator does not serve', () => {
  it('answers 501 NotImplemented for a real resource type it does not implement', async () => {
    const response = await t.call('GET', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-openai-live/deployments?api-version=2025-09-01`);
    expect(response.status).toBe(501);
    expect(response.json.error.code).toBe('NotImplemented');
  });

  it('answers 501 for a method it does not implement on a served path', async () => {
    const response = await t.call('PATCH', `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-openai-live?api-version=2025-09-01`, { body: { tags: {} } });
    expect(response.status).toBe(501);
  });

  it('answers 404 InvalidResourceType for a type the namespace does not have', async () => {
    const response = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.CognitiveServices/widgets?api-version=2025-09-01`);
    expect(response.status).toBe(404);
    expect(response.json.error).toEqual({
      code: 'InvalidResourceType',
      message: "The resource type 'widgets' could not be found in the namespace 'Microsoft.CognitiveServices' for api version '2025-09-01'.",
    });
  });

  it('answers InvalidResourceNamespace for a namespace it does not know', async () => {
    const response = await t.call('GET', `/subscriptions/${P}/resourceGroups/rg/providers/Microsoft.Bogus/widgets/x?api-version=2024-01-01`);
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual({ code: 'InvalidResourceNamespace', message: "The resource namespace 'Microsoft.Bogus' is invalid." });
  });

  it('never answers a traversal attempt with anything but an ARM error', async () => {
    for (const path of ['/subscriptions/%2e%2e/_emulator/state', '/..%2f_emulator/state', '/subscriptions/x%2Fy/resourcegroups', '/%zz']) {
      const response = await t.call('GET', `${path}?api-version=2022-09-01`);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(response.json.error.code, path).toBeTruthy();
    }
  });
});

describe('admin API', () => {
  it('refuses calls without the admin key', async () => {
    const response = await rawRequest(`${t.arm.baseUrl}/_emulator/state`, { ca: t.tls.caPem });
    expect(response.status).toBe(403);
    expect(response.json.error).toEqual({ code: 'AdminAccessDenied', message: "The emulator admin API requires the 'x-emulator-admin-key' header." });
  });

  it('refuses calls with a wrong admin key, and does not act on them', async () => {
    const response = await rawRequest(`${t.arm.baseUrl}/_emulator/reset`, { method: 'POST', ca: t.tls.caPem, headers: { 'x-emulator-admin-key': 'guess' }, body: { seed: 'none' } });
    expect(response.status).toBe(403);
    expect((await t.admin('GET', '/state')).json.counts.deletedAccounts).toBeGreaterThan(30);
  });

  it('refuses calls from a non-loopback address even with the right key', async () => {
    const address = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!address) {
      console.warn('no non-loopback IPv4 interface on this machine; the pure isLoopbackAddress tests cover this case');
      return;
    }
    const stateDir = tempStateDir();
    const server = await startArmServer({
      stateDir,
      host: address,
      port: 0,
      tls: t.tls,
      trustedIssuers: [t.issuer.issuer],
      jwksUri: t.issuer.jwksUri,
      adminKey: t.adminKey,
      seed: 'none',
      caPem: t.tls.caPem,
    });
    try {
      const response = await rawRequest(`${server.baseUrl}/_emulator/state`, {
        ca: t.tls.caPem,
        servername: 'localhost',
        localAddress: address,
        headers: { 'x-emulator-admin-key': t.adminKey },
      });
      expect(response.status).toBe(403);
      expect(response.json.error.message).toContain('only answers requests from loopback addresses');
    } finally {
      await server.close();
    }
  });

  it('creates world objects for tests and reports them', async () => {
    await t.admin('POST', '/reset', { seed: 'none' });
    const sub = '11111111-2222-4333-8444-555555555555';
    expect((await t.admin('POST', '/world/subscriptions', { subscriptionId: sub, displayName: 'Test Sub' })).status).toBe(201);
    expect((await t.admin('POST', '/world/role-assignments', { principalId: DEMO_USERS.reader.objectId, role: 'Reader', scope: `/subscriptions/${sub}` })).status).toBe(201);
    expect((await t.admin('POST', '/world/resource-groups', { subscriptionId: sub, name: 'rg1', location: 'westus' })).status).toBe(201);
    const made = await t.admin('POST', '/world/deleted-accounts', {
      subscriptionId: sub,
      resourceGroup: 'rg1',
      name: 'aged',
      location: 'WESTUS',
      kind: 'OpenAI',
      deletedSecondsAgo: 47 * 3600,
    });
    expect(made.status).toBe(201);
    const list = await t.call('GET', `/subscriptions/${sub}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=2021-04-30`, { as: 'reader' });
    expect(list.json.value.map((a: { name: string; location: string }) => [a.name, a.location])).toEqual([['aged', 'WESTUS']]);
    await t.admin('POST', '/clock/advance', { seconds: 3600 });
    expect((await t.call('GET', `/subscriptions/${sub}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=2021-04-30`, { as: 'reader' })).json.value).toEqual([]);
  });

  it('validates admin requests', async () => {
    const response = await t.admin('POST', '/faults', { status: 418 });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('InvalidAdminRequest');
  });

  it('answers 404 NotFound, past the gate, for an admin path or method it does not have; admin paths match exactly as written', async () => {
    for (const [method, path] of [
      ['GET', '/nothing-here'],
      ['PUT', '/state'],
      ['GET', '/State'],
      ['DELETE', '/faults/1/2'],
    ] as const) {
      const response = await t.admin(method, path);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.json.error).toEqual({ code: 'NotFound', message: `The emulator admin API has no '${method} ${path}'. See emulator/arm/README.md.` });
    }
  });

  it('removes one fault rule by its id and answers 404 for a rule it does not have', async () => {
    await t.admin('DELETE', '/faults');
    const kept = (await t.admin('POST', '/faults', { status: 500, path: 'kept' })).json;
    const removed = (await t.admin('POST', '/faults', { status: 503, path: 'removed' })).json;
    const response = await t.admin('DELETE', `/faults/${removed.id}`);
    expect(response.status).toBe(200);
    expect(response.json.value.map((rule: { id: string }) => rule.id)).toEqual([kept.id]);
    const again = await t.admin('DELETE', `/faults/${removed.id}`);
    expect(again.status).toBe(404);
    expect(again.json.error).toEqual({ code: 'NotFound', message: `No fault rule '${removed.id}'.` });
    await t.admin('DELETE', '/faults');
  });
});

describe('fault injection and latency', () => {
  const list = `/subscriptions/${P}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=2021-04-30`;
  beforeEach(async () => {
    await t.admin('DELETE', '/faults');
  });

  it('answers injected 429s with Retry-After, for the given count only', async () => {
    await t.admin('POST', '/faults', { status: 429, fraction: 1, count: 2, path: 'deletedAccounts', retryAfterSeconds: 7 });
    const first = await t.call('GET', list);
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('7');
    expect(first.json.error.code).toBe('TooManyRequests');
    expect((await t.call('GET', list)).status).toBe(429);
    expect((await t.call('GET', list)).status).toBe(200);
  });

  it('injects 500 and 503 with ARM error bodies, filtered by method', async () => {
    await t.admin('POST', '/faults', { status: 503, method: 'GET' });
    const unavailable = await t.call('GET', list);
    expect(unavailable.status).toBe(503);
    expect(unavailable.json.error.code).toBe('ServiceUnavailable');
    await t.admin('DELETE', '/faults');
    await t.admin('POST', '/faults', { status: 500, method: 'DELETE' });
    expect((await t.call('GET', list)).status).toBe(200);
    const failed = await t.call('DELETE', `/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg-ai-prod/deletedAccounts/contoso-foundry-hub?api-version=2021-04-30`);
    expect(failed.status).toBe(500);
    expect(failed.json.error.code).toBe('InternalServerError');
  });

  it('answers an injected 401 as ARM answers an expired token: ExpiredAuthenticationToken, its message and a Bearer challenge, and does not purge', async () => {
    const purge = `/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg-ai-prod/deletedAccounts/contoso-foundry-hub?api-version=2021-04-30`;
    await t.admin('POST', '/faults', { status: 401, method: 'DELETE', count: 1, code: 'ExpiredAuthenticationToken' });
    const refused = await t.call('DELETE', purge);
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe('ExpiredAuthenticationToken');
    expect(refused.json.error.message).toMatch(/^The access token expiry UTC time '.+' is earlier than current UTC time '.+'\.$/);
    expect(String(refused.headers['www-authenticate'])).toMatch(
      /^Bearer authorization_uri="https:\/\/localhost:\d+\/8f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", error="invalid_token", error_description="The access token has expired\."$/,
    );
    expect((await t.call('DELETE', purge)).status).toBe(202);
  });

  it('drops the connection', async () => {
    await t.admin('POST', '/faults', { status: 'drop', count: 1 });
    await expect(t.call('GET', list)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await t.call('GET', list)).status).toBe(200);
  });

  it('can lose the answer after the purge took effect, so a retry finds nothing to purge', async () => {
    const purge = `/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg-ai-prod/deletedAccounts/contoso-foundry-hub?api-version=2021-04-30`;
    await t.admin('POST', '/faults', { status: 500, phase: 'after', method: 'DELETE', count: 1 });
    expect((await t.call('DELETE', purge)).status).toBe(500);
    expect((await t.call('DELETE', purge)).status).toBe(204);
  });

  it('fails a reproducible share of requests with a seeded rule', async () => {
    const run = async () => {
      await t.admin('DELETE', '/faults');
      await t.admin('POST', '/faults', { status: 503, fraction: 0.5, seed: 42 });
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await t.call('GET', list)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it('delays responses by the configured latency', async () => {
    await t.admin('PUT', '/latency', { ms: 0, reads: 300 });
    const started = Date.now();
    await t.call('GET', list);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await t.admin('PUT', '/latency', { ms: 0 });
  });
});
