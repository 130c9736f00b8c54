/**
 * Microsoft's official JS SDKs, unchanged, against the emulator: only the endpoint, the credential scope and
 * the trusted CA differ from a call to Azure. Tokens come from the test issuer (the sign-in provider has its
 * own conformance suite).
 */
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { ResourceManagementClient } from '@azure/arm-resources';
// Subscriptions_List lives in arm-resources-subscriptions; @azure/arm-subscriptions 6 is Microsoft.Subscription (aliases).
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../../demo-world';
import { startTestArm, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.admin('POST', '/reset', { seed: 'demo' });
  await t.admin('PUT', '/lro', { durationSeconds: 0.3 });
});

function credential(who: 'admin' | 'operator' | 'reader' | 'sp'): TokenCredential {
  return {
    getToken: async () => ({ token: await t.token(who), expiresOnTimestamp: Date.now() + 3600_000 }),
  };
}

function clientOptions() {
  return {
    endpoint: t.arm.baseUrl,
    credentialScopes: ['https://management.azure.com/.default'],
    tlsOptions: { ca: t.tls.caPem },
    retryOptions: { maxRetries: 0 },
  };
}

const cognitive = (who: 'admin' | 'operator' | 'reader' | 'sp' = 'admin', sub = P) => new CognitiveServicesManagementClient(credential(who), sub, clientOptions());
const poll = { updateIntervalInMs: 100 };

async function all<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe('official SDKs against the emulator', () => {
  it('lists and gets subscriptions with @azure/arm-resources-subscriptions', async () => {
    const client = new SubscriptionClient(credential('sp'), clientOptions());
    const subscriptions = await all(client.subscriptions.list());
    expect(subscriptions.map((s) => s.displayName).sort()).toEqual(['Contoso Dev/Test', 'Contoso Production', 'Fabrikam Sandbox']);
    expect(subscriptions[0]!.authorizationSource).toBe('RoleBased');
    expect((await client.subscriptions.get(P)).displayName).toBe('Contoso Production');
  });

  it('creates, checks and deletes a resource group with @azure/arm-resources', async () => {
    const client = new ResourceManagementClient(credential('admin'), P, clientOptions());
    const created = await client.resourceGroups.createOrUpdate('rg-sdk', { location: 'westus2' });
    expect(created.properties?.provisioningState).toBe('Succeeded');
    expect((await client.resourceGroups.checkExistence('rg-sdk')).body).toBe(true);
    await client.resourceGroups.beginDeleteAndWait('rg-sdk', poll);
    expect((await client.resourceGroups.checkExistence('rg-sdk')).body).toBe(false);
  });

  it('lists deleted accounts over several pages with @azure/arm-cognitiveservices', async () => {
    await t.admin('PUT', '/paging', { deletedAccountsPageSize: 4 });
    const deleted = await all(cognitive().deletedAccounts.list());
    const world = await t.admin('GET', `/world/deleted-accounts?subscriptionId=${P}`);
    expect(deleted.length).toBe(world.json.value.length);
    expect(deleted.length).toBeGreaterThan(8);
    expect(new Set(deleted.map((a) => a.id)).size).toBe(deleted.length);
    const sample = deleted.find((a) => a.name === 'contoso-docintel-invoices')!;
    expect(sample.location).toBe('SOUTHCENTRALUS');
    expect(Date.parse(sample.properties!.scheduledPurgeDate!) - Date.parse(sample.properties!.deletionDate!)).toBe(48 * 3600_000);
  });

  it('creates (LRO), soft-deletes, gets deleted, recovers and purges an account', async () => {
    const client = cognitive();
    const created = await client.accounts.beginCreateAndWait(
      'rg-ai-prod',
      'sdk-account',
      { location: 'eastus', kind: 'OpenAI', sku: { name: 'S0' }, properties: { customSubDomainName: 'sdk-account' } },
      poll,
    );
    expect(created.properties?.provisioningState).toBe('Succeeded');

    await client.accounts.beginDeleteAndWait('rg-ai-prod', 'sdk-account', poll);
    const gone = await client.deletedAccounts.get('eastus', 'rg-ai-prod', 'sdk-account');
    expect(gone.kind).toBe('OpenAI');
    expect(gone.properties?.deletionDate).toMatch(/Z$/);

    const recovered = await client.accounts.beginCreateAndWait('rg-ai-prod', 'sdk-account', { location: 'eastus', properties: { restore: true } }, poll);
    expect(recovered).toMatchObject({ kind: 'OpenAI', sku: { name: 'S0' }, properties: { customSubDomainName: 'sdk-account', provisioningState: 'Succeeded' } });

    await client.accounts.beginDeleteAndWait('rg-ai-prod', 'sdk-account', poll);
    await client.deletedAccounts.beginPurgeAndWait('eastus', 'rg-ai-prod', 'sdk-account', poll);
    await expect(client.deletedAccounts.get('eastus', 'rg-ai-prod', 'sdk-account')).rejects.toMatchObject({ statusCode: 404 });
    const world = await t.admin('GET', `/world/deleted-accounts?subscriptionId=${P}`);
    expect(world.json.value.some((a: { name: string }) => a.name === 'sdk-account')).toBe(false);
  });

  it('surfaces ARM errors as RestErrors with status and code', async () => {
    await expect(cognitive('operator').deletedAccounts.beginPurgeAndWait('eastus', 'rg-ai-prod', 'contoso-foundry-hub', poll)).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
    await expect(
      cognitive().accounts.beginCreateAndWait('rg-legacy-2019', 'contoso-legacy-luis', { location: 'westus', properties: { restore: true } }, poll),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
    await expect(
      cognitive().accounts.beginCreateAndWait('rg-ai-prod', 'contoso-anomaly-iot', { location: 'eastus', kind: 'AnomalyDetector', sku: { name: 'S0' } }, poll),
    ).rejects.toMatchObject({ statusCode: 409, code: 'FlagMustBeSetForRestore' });
    await expect(
      cognitive().accounts.beginCreateAndWait('rg-ai-prod', 'contoso-cmk-textanalytics', { location: 'eastus', properties: { restore: true } }, poll),
    ).rejects.toMatchObject({ statusCode: 409, code: 'KeyVaultNotFound' });
    // Nothing changed: the purge was refused, the recover failed.
    expect((await cognitive().deletedAccounts.get('eastus', 'rg-ai-prod', 'contoso-foundry-hub')).name).toBe('contoso-foundry-hub');
    expect((await cognitive().deletedAccounts.get('eastus', 'rg-ai-prod', 'contoso-cmk-textanalytics')).name).toBe('contoso-cmk-textanalytics');
  });

  it('lets the operator recover in its own resource group', async () => {
    const recovered = await cognitive('operator').accounts.beginCreateAndWait('rg-ai-prod', 'contoso-multiservice', { location: 'eastus', properties: { restore: true } }, poll);
    expect(recovered.properties?.provisioningState).toBe('Succeeded');
  });
});
