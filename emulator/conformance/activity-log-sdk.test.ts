/**
 * Conformance: the activity log through Microsoft's @azure/arm-monitor 7 client, unchanged
 * (`MonitorClient.activityLogs.list(filter, {select})`, api-version 2015-04-01): every $filter form of the spec,
 * paging through nextLink, $select, the 90-day refusal, and the events of a delete made through another SDK.
 */
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { MonitorClient, type EventData } from '@azure/arm-monitor';
import { describe, expect, it } from 'vitest';
import { DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../demo-world';
import { useDemoAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

/** The spec's window: `eventTimestamp ge '<t1>' and eventTimestamp le '<t2>'`, quoted. */
const window = (sinceMs: number) => `eventTimestamp ge '${new Date(Date.now() - sinceMs).toISOString()}' and eventTimestamp le '${new Date(Date.now() + 1000).toISOString()}'`;
const steps = (events: EventData[]) => events.map((e) => `${e.operationName?.value} ${e.status?.value}`);

describe('@azure/arm-monitor 7 activityLogs.list against the local Azure (demo world)', () => {
  const azure = useDemoAzure();
  const monitor = (subscriptionId: string) => new MonitorClient(azure().credential, subscriptionId, azure().clientOptions);

  it('lists a resource group deleted with its resources (resourceGroupName), deserialised as EventData', async () => {
    const events = await all(monitor(D).activityLogs.list(`${window(DAY)} and resourceGroupName eq 'rg-hackathon'`));
    const group = events.filter((e) => e.resourceId === `/subscriptions/${D}/resourceGroups/rg-hackathon`);
    expect(steps(group)).toEqual([
      'Microsoft.Resources/subscriptions/resourceGroups/delete Succeeded',
      'Microsoft.Resources/subscriptions/resourceGroups/delete Accepted',
      'Microsoft.Resources/subscriptions/resourceGroups/delete Started',
    ]);
    const [succeeded] = group;
    expect(succeeded!.eventTimestamp).toBeInstanceOf(Date);
    expect(succeeded!.submissionTimestamp).toBeInstanceOf(Date);
    expect(succeeded).toMatchObject({
      caller: DEMO_USERS.lead.upn,
      category: { value: 'Administrative' },
      eventName: { value: 'EndRequest' },
      level: 'Informational',
      resourceGroupName: 'rg-hackathon',
      resourceProviderName: { value: 'Microsoft.Resources' },
      authorization: { action: 'Microsoft.Resources/subscriptions/resourceGroups/delete', role: 'Owner' },
      claims: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': DEMO_USERS.lead.upn },
    });
    expect(events.filter((e) => e.eventName?.value === 'EndRequest' && e.operationName?.value === 'Microsoft.KeyVault/vaults/delete').map((e) => e.resourceId)).toEqual([
      `/subscriptions/${D}/resourceGroups/rg-hackathon/providers/Microsoft.KeyVault/vaults/kv-hackathon`,
    ]);
  });

  it('selects one resource (resourceUri), a provider (resourceProvider) and one operation (correlationId)', async () => {
    const vault = `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-old`;
    const forVault = await all(monitor(P).activityLogs.list(`${window(DAY)} and resourceUri eq '${vault}'`));
    expect(steps(forVault)).toEqual(['Microsoft.KeyVault/vaults/delete Succeeded', 'Microsoft.KeyVault/vaults/delete Started']);
    expect(forVault[0]!.caller).toBe(DEMO_USERS.lead.upn);

    const apim = await all(monitor(P).activityLogs.list(`${window(DAY)} and resourceProvider eq 'Microsoft.ApiManagement'`));
    expect(new Set(apim.map((e) => e.resourceId))).toEqual(new Set([`/subscriptions/${P}/resourceGroups/rg-openai-prod/providers/Microsoft.ApiManagement/service/apim-contoso-gateway`]));

    const correlated = await all(monitor(P).activityLogs.list(`${window(DAY)} and correlationId eq '${forVault[0]!.correlationId}'`));
    expect(correlated.map((e) => e.eventDataId)).toEqual(forVault.map((e) => e.eventDataId));
  });

  it('follows nextLink across pages and honours select', async () => {
    expect((await azure().admin('PUT', '/_emulator/paging', { activityLogPageSize: 5 })).status).toBe(200);
    const paged = await all(monitor(P).activityLogs.list(window(2 * DAY), { select: 'caller,eventTimestamp,resourceId' }));
    expect((await azure().admin('PUT', '/_emulator/paging', { activityLogPageSize: 1000 })).status).toBe(200);
    const whole = await all(monitor(P).activityLogs.list(window(2 * DAY)));
    expect(paged.length).toBeGreaterThan(10);
    expect(paged.map((e) => e.resourceId)).toEqual(whole.map((e) => e.resourceId));
    for (const event of paged) {
      expect(event.caller).toBeTruthy();
      expect(event.operationName).toBeUndefined();
      expect(event.claims).toBeUndefined();
    }
  });

  it('refuses a start time more than 90 days back', async () => {
    const error = await all(monitor(P).activityLogs.list(window(91 * DAY))).then(
      () => undefined,
      (e: unknown) => e as { statusCode?: number; message: string },
    );
    expect(error?.statusCode).toBe(400);
    expect(error?.message).toContain('The start time cannot be more than 90 days in the past.');
  });

  it('records who deleted a vault through @azure/arm-keyvault: the service principal, by object id', async () => {
    const keyVault = new KeyVaultManagementClient(azure().credential, P, {
      endpoint: azure().clientOptions.endpoint,
      credentials: { scopes: azure().clientOptions.credentialScopes },
      tlsOptions: azure().clientOptions.tlsOptions,
      retryOptions: azure().clientOptions.retryOptions,
    });
    await keyVault.vaults.delete('rg-ai-prod', 'kv-contoso-prod-cmk');
    const vault = `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-prod-cmk`;
    const events = await all(monitor(P).activityLogs.list(`${window(HOUR)} and resourceUri eq '${vault}'`));
    expect(steps(events)).toEqual(['Microsoft.KeyVault/vaults/delete Succeeded', 'Microsoft.KeyVault/vaults/delete Started']);
    expect(events[0]).toMatchObject({ caller: DEMO_SERVICE_PRINCIPAL.objectId, claims: { appid: DEMO_SERVICE_PRINCIPAL.clientId }, httpRequest: { method: 'DELETE' } });
  });
});
