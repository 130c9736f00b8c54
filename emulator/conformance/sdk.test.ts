/**
 * Conformance: Microsoft's official JavaScript clients, unchanged, against the local Azure. Each case
 * asserts the status, the ARM error code and the state afterwards, as a caller of real ARM would see them.
 */
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { ResourceManagementClient } from '@azure/arm-resources';
// Subscriptions_List and _Get are in arm-resources-subscriptions; @azure/arm-subscriptions 6 has neither.
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARM_SCOPE, DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS } from '../demo-world';
import { startTestAzure, type TestAzure } from './harness';

const subscriptionId = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;
const location = 'westus2';

/** What the SDKs throw for an ARM error response. */
interface SdkError {
  statusCode?: number;
  code?: string;
  message: string;
}

async function armError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected ARM to refuse the call');
}

describe('official Azure SDKs against the local Azure (demo world)', () => {
  let azure: TestAzure;
  let cognitive: CognitiveServicesManagementClient;
  let resources: ResourceManagementClient;
  let nameCounter = 0;

  /** A fresh resource group with one soft-deleted account in it. */
  async function softDeletedAccount(kind = 'TextAnalytics') {
    nameCounter += 1;
    const resourceGroup = `conformance-rg-${nameCounter}`;
    const name = `conformance-${nameCounter}`;
    await resources.resourceGroups.createOrUpdate(resourceGroup, { location });
    const created = await cognitive.accounts.beginCreateAndWait(resourceGroup, name, {
      kind,
      sku: { name: 'S0' },
      location,
      properties: { customSubDomainName: name },
    });
    await cognitive.accounts.beginDeleteAndWait(resourceGroup, name);
    return { resourceGroup, name, created };
  }

  beforeAll(async () => {
    azure = await startTestAzure();
    // Long-running operations still answer 201/202 + status links, but finish at once.
    expect((await azure.admin('PUT', '/_emulator/lro', { durationSeconds: 0 })).status).toBe(200);
    cognitive = new CognitiveServicesManagementClient(azure.credential, subscriptionId, azure.clientOptions);
    resources = new ResourceManagementClient(azure.credential, subscriptionId, azure.clientOptions);
  });

  afterAll(async () => {
    await azure?.dispose();
  });

  it('issues an ARM access token to ClientSecretCredential for the service principal', async () => {
    const token = await azure.credential.getToken('https://management.azure.com/.default');
    const claims = decodeJwt(token.token);
    expect(claims.aud).toBe('https://management.azure.com/');
    expect(claims.appid).toBe(DEMO_SERVICE_PRINCIPAL.clientId);
    expect(claims.oid).toBe(DEMO_SERVICE_PRINCIPAL.objectId);
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now());
    expect(ARM_SCOPE.startsWith(String(claims.aud))).toBe(true);
  });

  it('lists and gets the demo subscriptions with @azure/arm-resources-subscriptions', async () => {
    const client = new SubscriptionClient(azure.credential, azure.clientOptions);
    const subscriptions = [];
    for await (const subscription of client.subscriptions.list()) subscriptions.push(subscription);
    expect(subscriptions.map((s) => s.displayName).sort()).toEqual(Object.values(DEMO_SUBSCRIPTIONS).map((s) => s.displayName).sort());
    const one = await client.subscriptions.get(subscriptionId);
    expect(one).toMatchObject({ subscriptionId, displayName: DEMO_SUBSCRIPTIONS.sandbox.displayName, state: 'Enabled' });
  });

  it('creates, checks and lists resource groups with @azure/arm-resources', async () => {
    const group = await resources.resourceGroups.createOrUpdate('conformance-groups', { location: 'eastus' });
    expect(group).toMatchObject({ name: 'conformance-groups', location: 'eastus', properties: { provisioningState: 'Succeeded' } });
    expect((await resources.resourceGroups.checkExistence('conformance-groups')).body).toBe(true);
    expect((await resources.resourceGroups.checkExistence('no-such-group')).body).toBe(false);
    const names = [];
    for await (const g of resources.resourceGroups.list()) names.push(g.name);
    expect(names).toContain('conformance-groups');
    // Generic reads by id: the SDK sends '//subscriptions/...', which ARM reads as a path.
    const byId = await resources.resources.getById(group.id!, '2022-09-01');
    expect(byId.name).toBe('conformance-groups');
    const missing = await armError(resources.resourceGroups.get('no-such-group'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
  });

  it('creates an account as a long-running operation and soft deletes it into deletedAccounts', async () => {
    const { resourceGroup, name, created } = await softDeletedAccount();
    expect(created.properties?.provisioningState).toBe('Succeeded');

    expect(await armError(cognitive.accounts.get(resourceGroup, name))).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    const deleted = await cognitive.deletedAccounts.get(location, resourceGroup, name);
    expect(deleted).toMatchObject({ name, kind: 'TextAnalytics', location, sku: { name: 'S0' } });
    expect(deleted.id).toBe(
      `/subscriptions/${subscriptionId}/providers/Microsoft.CognitiveServices/locations/${location}/resourceGroups/${resourceGroup}/deletedAccounts/${name}`,
    );
    const { deletionDate, scheduledPurgeDate, customSubDomainName } = deleted.properties ?? {};
    expect(customSubDomainName).toBe(name);
    expect(Date.parse(scheduledPurgeDate!) - Date.parse(deletionDate!)).toBe(48 * 3600_000);
  });

  it('keeps the name and the custom subdomain reserved while soft deleted', async () => {
    const { resourceGroup, name } = await softDeletedAccount();
    const sameName = await armError(
      cognitive.accounts.beginCreateAndWait(resourceGroup, name, { kind: 'TextAnalytics', sku: { name: 'S0' }, location }),
    );
    expect(sameName).toMatchObject({ statusCode: 409, code: 'FlagMustBeSetForRestore' });
    expect(sameName.message).toContain(`/resourceGroups/${resourceGroup}/providers/Microsoft.CognitiveServices/accounts/${name}' has been soft-deleted`);

    const sameSubdomain = await armError(
      cognitive.accounts.beginCreateAndWait(resourceGroup, `${name}-other`, {
        kind: 'TextAnalytics',
        sku: { name: 'S0' },
        location,
        properties: { customSubDomainName: name },
      }),
    );
    expect(sameSubdomain).toMatchObject({ statusCode: 409, code: 'CustomDomainInUse' });
    const availability = await cognitive.checkDomainAvailability(name, 'Microsoft.CognitiveServices/accounts');
    expect(availability.isSubdomainAvailable).toBe(false);
    // Neither refusal created anything.
    expect(await armError(cognitive.accounts.get(resourceGroup, `${name}-other`))).toMatchObject({ statusCode: 404 });
  });

  it('lists deleted accounts across every region of the subscription, page by page', async () => {
    await softDeletedAccount();
    const all = [];
    for await (const account of cognitive.deletedAccounts.list()) all.push(account);
    expect(new Set(all.map((a) => a.location?.toLowerCase())).size).toBeGreaterThan(1);

    expect((await azure.admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 3 })).status).toBe(200);
    const pages = [];
    for await (const page of cognitive.deletedAccounts.list().byPage()) pages.push(page);
    await azure.admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 100 });
    expect(pages.length).toBe(Math.ceil(all.length / 3));
    expect(pages.flat().map((a) => a.id).sort()).toEqual(all.map((a) => a.id).sort());
  });

  it('recovers an account with its original kind, sku, subdomain and creation date', async () => {
    const { resourceGroup, name, created } = await softDeletedAccount('FormRecognizer');
    const recovered = await cognitive.accounts.beginCreateAndWait(resourceGroup, name, {
      location,
      properties: { restore: true },
    });
    expect(recovered).toMatchObject({ name, kind: 'FormRecognizer', sku: { name: 'S0' } });
    expect(recovered.properties).toMatchObject({
      provisioningState: 'Succeeded',
      customSubDomainName: name,
      dateCreated: created.properties?.dateCreated,
    });
    expect(await armError(cognitive.deletedAccounts.get(location, resourceGroup, name))).toMatchObject({ statusCode: 404 });
  });

  it('purges a deleted account, after which its name and subdomain are free', async () => {
    const { resourceGroup, name } = await softDeletedAccount();
    await cognitive.deletedAccounts.beginPurgeAndWait(location, resourceGroup, name);
    expect(await armError(cognitive.deletedAccounts.get(location, resourceGroup, name))).toMatchObject({ statusCode: 404 });
    expect((await cognitive.checkDomainAvailability(name, 'Microsoft.CognitiveServices/accounts')).isSubdomainAvailable).toBe(true);
    const again = await cognitive.accounts.beginCreateAndWait(resourceGroup, name, {
      kind: 'TextAnalytics',
      sku: { name: 'S0' },
      location,
      properties: { customSubDomainName: name },
    });
    expect(again.properties?.provisioningState).toBe('Succeeded');
  });

  it('refuses to recover into a deleted resource group until the group is recreated', async () => {
    const { resourceGroup, name } = await softDeletedAccount();
    await resources.resourceGroups.beginDeleteAndWait(resourceGroup);
    const refused = await armError(cognitive.accounts.beginCreateAndWait(resourceGroup, name, { location, properties: { restore: true } }));
    expect(refused).toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
    expect(refused.message).toBe(`Resource group '${resourceGroup}' could not be found.`);
    // Still deleted, still recoverable.
    expect((await cognitive.deletedAccounts.get(location, resourceGroup, name)).name).toBe(name);

    await resources.resourceGroups.createOrUpdate(resourceGroup, { location });
    const recovered = await cognitive.accounts.beginCreateAndWait(resourceGroup, name, { location, properties: { restore: true } });
    expect(recovered.properties?.provisioningState).toBe('Succeeded');
  });

  it('forgets a deleted account for good 48 hours after its deletion, when the world is set to (the demo world keeps it, as real ARM does)', async () => {
    expect((await azure.admin('PUT', '/_emulator/retention', { deletedAccountsPastPurgeDate: 'vanish' })).status).toBe(200);
    const { resourceGroup, name } = await softDeletedAccount();
    expect((await azure.admin('POST', '/_emulator/clock/advance', { seconds: 48 * 3600 - 60 })).status).toBe(200);
    expect((await cognitive.deletedAccounts.get(location, resourceGroup, name)).name).toBe(name);
    await azure.admin('POST', '/_emulator/clock/advance', { seconds: 61 });
    expect(await armError(cognitive.deletedAccounts.get(location, resourceGroup, name))).toMatchObject({ statusCode: 404 });
    const all = [];
    for await (const account of cognitive.deletedAccounts.list()) all.push(account.name);
    expect(all).not.toContain(name);
  });

  it('throttles with 429 and Retry-After, which the SDK retry policy honours', async () => {
    await softDeletedAccount();
    await azure.admin('POST', '/_emulator/faults', { status: 429, count: 1, method: 'GET', path: 'deletedAccounts', retryAfterSeconds: 1 });
    const refused = await armError(cognitive.deletedAccounts.list().next());
    expect(refused).toMatchObject({ statusCode: 429, code: 'TooManyRequests' });

    await azure.admin('POST', '/_emulator/faults', { status: 429, count: 1, method: 'GET', path: 'deletedAccounts', retryAfterSeconds: 1 });
    const retrying = new CognitiveServicesManagementClient(azure.credential, subscriptionId, {
      ...azure.clientOptions,
      retryOptions: { maxRetries: 3 },
    });
    const started = Date.now();
    const first = await retrying.deletedAccounts.list().next();
    expect(first.done).toBe(false);
    // Not a performance bound: the retry policy must have waited out the one-second Retry-After.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("meets ARM's own throttle (an empty read bucket) and still lists every page, retrying after Retry-After", async () => {
    await softDeletedAccount();
    await softDeletedAccount();
    const pages = async (client: CognitiveServicesManagementClient) => {
      const names = [];
      for await (const account of client.deletedAccounts.list()) names.push(account.name);
      return names;
    };
    const expected = await pages(cognitive);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    // One account per page, two reads in the bucket, one more a second: the third page meets a 429.
    await azure.admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 1 });
    await azure.admin('PUT', '/_emulator/throttle', { reads: { capacity: 2, refillPerSecond: 1 } });
    try {
      expect(await armError(pages(cognitive))).toMatchObject({ statusCode: 429, code: 'SubscriptionRequestsThrottled' });
      // The SDK's default pipeline (core-rest-pipeline's throttlingRetryPolicy) waits and retries by itself.
      const { retryOptions: _noRetries, ...defaults } = azure.clientOptions;
      const throttled: number[] = [];
      const retrying = new CognitiveServicesManagementClient(azure.credential, subscriptionId, {
        ...defaults,
        additionalPolicies: [
          {
            position: 'perRetry',
            policy: {
              name: 'countThrottled',
              async sendRequest(request, next) {
                const response = await next(request);
                if (response.status === 429) throttled.push(Number(response.headers.get('retry-after')));
                return response;
              },
            },
          },
        ],
      });
      expect(await pages(retrying)).toEqual(expected);
      expect(throttled.length).toBeGreaterThan(0);
      expect(throttled.every((seconds) => seconds >= 1)).toBe(true);
    } finally {
      await azure.admin('PUT', '/_emulator/throttle', { reads: { capacity: 250, refillPerSecond: 25 } });
      await azure.admin('PUT', '/_emulator/paging', { deletedAccountsPageSize: 100 });
    }
  });
});

describe('official Azure SDKs: authorization like Azure RBAC', () => {
  let azure: TestAzure;
  const subscription = '0f0e0d0c-0b0a-4909-8807-060504030201';
  const resourceGroup = 'team-rg';
  const name = 'team-language';

  beforeAll(async () => {
    // An empty world where the service principal is only Contributor on one resource group.
    azure = await startTestAzure({ seed: 'none' });
    const steps: [string, unknown][] = [
      ['/_emulator/world/subscriptions', { subscriptionId: subscription, displayName: 'RBAC conformance' }],
      ['/_emulator/world/resource-groups', { subscriptionId: subscription, name: resourceGroup, location }],
      [
        '/_emulator/world/role-assignments',
        {
          principalId: DEMO_SERVICE_PRINCIPAL.objectId,
          role: 'Contributor',
          scope: `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`,
          principalType: 'ServicePrincipal',
        },
      ],
      ['/_emulator/world/deleted-accounts', { subscriptionId: subscription, resourceGroup, name, location, kind: 'OpenAI', deletedSecondsAgo: 60 }],
    ];
    for (const [path, body] of steps) {
      const response = await azure.admin('POST', path, body);
      expect(response.status, `${path}: ${await response.text()}`).toBeLessThan(300);
    }
  });

  afterAll(async () => {
    await azure?.dispose();
  });

  it('refuses a purge to a Contributor assigned only on the resource group, with AuthorizationFailed', async () => {
    const cognitive = new CognitiveServicesManagementClient(azure.credential, subscription, azure.clientOptions);
    const refused = await armError(cognitive.deletedAccounts.beginPurgeAndWait(location, resourceGroup, name));
    expect(refused).toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
    expect(refused.message).toBe(
      `The client '${DEMO_SERVICE_PRINCIPAL.clientId}' with object id '${DEMO_SERVICE_PRINCIPAL.objectId}' does not have authorization to perform action ` +
        `'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete' over scope ` +
        `'/subscriptions/${subscription}/providers/Microsoft.CognitiveServices/locations/${location}/resourceGroups/${resourceGroup}/deletedAccounts/${name}' ` +
        'or the scope is invalid. If access was recently granted, please refresh your credentials.',
    );
    // Nothing was purged: the same Contributor can still recover it into its resource group.
    const recovered = await cognitive.accounts.beginCreateAndWait(resourceGroup, name, { location, properties: { restore: true } });
    expect(recovered.kind).toBe('OpenAI');
  });

  it('lists only the subscriptions where the caller holds a role', async () => {
    const client = new SubscriptionClient(azure.credential, azure.clientOptions);
    const ids = [];
    for await (const s of client.subscriptions.list()) ids.push(s.subscriptionId);
    expect(ids).toEqual([subscription]);
  });
});
