/**
 * The real Azure CLI (Debian's azure-cli) against the local Azure: the README's sign-in lines, the
 * `az cognitiveservices account` deleted-account commands, and the seed documents' REST and generic
 * `az resource` commands, each checked against the emulator's state through the official JS SDK.
 */
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { ResourceManagementClient } from '@azure/arm-resources';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../demo-world';
import { azInstalled, signInAz, type Az } from './az-cli';
import { startTestAzure, type TestAzure } from './harness';

const subscriptionId = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const resourceGroup = 'az-cli-conformance';
const location = 'eastus';
const accountName = 'az-cli-language';

describe.runIf(azInstalled)('Azure CLI against the local Azure', () => {
  let azure: TestAzure;
  let az: Az;
  let accounts: CognitiveServicesManagementClient;

  async function softDeletedAccount() {
    await accounts.accounts.beginCreateAndWait(resourceGroup, accountName, {
      kind: 'TextAnalytics',
      sku: { name: 'S0' },
      location,
      properties: { customSubDomainName: accountName },
    });
    await accounts.accounts.beginDeleteAndWait(resourceGroup, accountName);
  }

  const deletedAccountId = `/subscriptions/${subscriptionId}/providers/Microsoft.CognitiveServices/locations/${location}/resourceGroups/${resourceGroup}/deletedAccounts/${accountName}`;
  const accountId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.CognitiveServices/accounts/${accountName}`;

  beforeAll(async () => {
    azure = await startTestAzure();
    expect((await azure.admin('PUT', '/_emulator/lro', { durationSeconds: 0 })).status).toBe(200);
    accounts = new CognitiveServicesManagementClient(azure.credential, subscriptionId, azure.clientOptions);
    const resources = new ResourceManagementClient(azure.credential, subscriptionId, azure.clientOptions);
    await resources.resourceGroups.createOrUpdate(resourceGroup, { location });
    // The README's lines: register the local cloud and sign in as the demo service principal.
    az = await signInAz(azure, subscriptionId);
  }, 180_000);

  afterAll(async () => {
    await azure?.dispose();
  });

  it('signs in as the service principal and sees the demo subscriptions', async () => {
    const subscriptions = (await az('account', 'list')) as { id: string; name: string }[];
    expect(subscriptions.map((s) => s.name).sort()).toEqual(
      Object.values(DEMO_SUBSCRIPTIONS).map((s) => s.displayName).sort(),
    );
  });

  it('lists, shows, recovers and purges a deleted account with az cognitiveservices', async () => {
    await softDeletedAccount();

    const deleted = (await az('cognitiveservices', 'account', 'list-deleted')) as { name: string; id: string }[];
    expect(deleted.map((account) => account.name)).toContain(accountName);

    const shown = (await az('cognitiveservices', 'account', 'show-deleted', '-l', location, '-g', resourceGroup, '-n', accountName)) as {
      name: string;
      kind: string;
      properties: { scheduledPurgeDate: string; deletionDate: string };
    };
    expect(shown.kind).toBe('TextAnalytics');
    expect(Date.parse(shown.properties.scheduledPurgeDate) - Date.parse(shown.properties.deletionDate)).toBe(48 * 3600_000);

    await az('cognitiveservices', 'account', 'recover', '-l', location, '-g', resourceGroup, '-n', accountName);
    const recovered = await accounts.accounts.get(resourceGroup, accountName);
    expect(recovered.properties?.provisioningState).toBe('Succeeded');
    expect(recovered.properties?.customSubDomainName).toBe(accountName);

    await accounts.accounts.beginDeleteAndWait(resourceGroup, accountName);
    await az('cognitiveservices', 'account', 'purge', '-l', location, '-g', resourceGroup, '-n', accountName);
    await expect(accounts.deletedAccounts.get(location, resourceGroup, accountName)).rejects.toMatchObject({ statusCode: 404 });
  }, 120_000);

  it('runs the seed document commands: generic az resource create/delete and the REST calls', async () => {
    await softDeletedAccount();
    // Azure CLI tab, recover: the generic command reads the provider metadata to pick an api-version.
    await az(
      'resource', 'create', '--subscription', subscriptionId, '-g', resourceGroup, '-n', accountName,
      '--location', location, '--namespace', 'Microsoft.CognitiveServices', '--resource-type', 'accounts',
      '--properties', '{"restore": true}',
    );
    expect((await accounts.accounts.get(resourceGroup, accountName)).kind).toBe('TextAnalytics');

    // Azure CLI tab, purge.
    await accounts.accounts.beginDeleteAndWait(resourceGroup, accountName);
    await az('resource', 'delete', '--ids', deletedAccountId);
    await expect(accounts.deletedAccounts.get(location, resourceGroup, accountName)).rejects.toMatchObject({ statusCode: 404 });

    // REST API tab: the PUT to recover and the DELETE to purge, as written (note `Api-Version`).
    await softDeletedAccount();
    // PowerShell tab: there is no PowerShell on this machine. Its New-AzResource and Remove-AzResource send
    // the same PUT and DELETE as the REST tab; Get-AzResource -ResourceId .../deletedAccounts sends this GET.
    const listed = (await az(
      'rest', '--method', 'get', '--url',
      `${azure.armUrl}/subscriptions/${subscriptionId}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=2021-04-30`,
    )) as { value: { name: string }[] };
    expect(listed.value.map((account) => account.name)).toContain(accountName);
    await az(
      'rest', '--method', 'put', '--url', `${azure.armUrl}${accountId}?Api-Version=2021-04-30`,
      '--body', JSON.stringify({ location, properties: { restore: true } }),
    );
    expect((await accounts.accounts.get(resourceGroup, accountName)).properties?.customSubDomainName).toBe(accountName);
    await accounts.accounts.beginDeleteAndWait(resourceGroup, accountName);
    // az rest does not follow the purge's long-running operation: wait for it as a REST caller would.
    await az('rest', '--method', 'delete', '--url', `${azure.armUrl}${deletedAccountId}?Api-Version=2021-04-30`);
    await expect
      .poll(() => accounts.deletedAccounts.get(location, resourceGroup, accountName).then(() => 'present', (error: { statusCode?: number }) => error.statusCode), { timeout: 30_000 })
      .toBe(404);

    // With the deleted account purged, the name is free again.
    const created = await accounts.accounts.beginCreateAndWait(resourceGroup, accountName, {
      kind: 'TextAnalytics', sku: { name: 'S0' }, location, properties: { customSubDomainName: accountName },
    });
    expect(created.properties?.provisioningState).toBe('Succeeded');
  }, 180_000);
});
