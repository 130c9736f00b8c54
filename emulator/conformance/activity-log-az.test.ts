/**
 * The real Azure CLI (Debian's azure-cli 2.45, azure-mgmt-monitor, api-version 2015-04-01) against the local Azure:
 * `az monitor activity-log list` with each of its filters. The CLI writes the window unquoted (`eventTimestamp ge
 * 2026-11-30T06:00:00.123456`, an offset only with --start-time), `resourceId` rather than `resourceUri`, and
 * adds `caller` and `status` clauses (contract §5.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../demo-world';
import { azInstalled, signInAz, type Az } from './az-cli';
import { startTestAzure, type TestAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
const DAY = 24 * 3600_000;

interface Event {
  caller?: string;
  correlationId?: string;
  resourceId?: string;
  eventTimestamp?: string;
  operationName?: { value: string };
  status?: { value: string };
}

const steps = (events: Event[]) => events.map((e) => `${e.operationName?.value} ${e.status?.value}`);

describe.runIf(azInstalled)('az monitor activity-log list against the local Azure', () => {
  let azure: TestAzure;
  let az: Az;
  const list = async (...args: string[]) => (await az('monitor', 'activity-log', 'list', ...args)) as Event[];

  beforeAll(async () => {
    azure = await startTestAzure();
    az = await signInAz(azure, D);
  }, 180_000);

  afterAll(async () => {
    await azure?.dispose();
  });

  it('lists a deleted resource group and the resources it took (--resource-group, the default 6 h window widened by --offset)', async () => {
    const events = await list('--resource-group', 'rg-hackathon', '--offset', '1d');
    const group = events.filter((e) => e.resourceId === `/subscriptions/${D}/resourceGroups/rg-hackathon`);
    expect(steps(group)).toEqual([
      'Microsoft.Resources/subscriptions/resourceGroups/delete Succeeded',
      'Microsoft.Resources/subscriptions/resourceGroups/delete Accepted',
      'Microsoft.Resources/subscriptions/resourceGroups/delete Started',
    ]);
    expect(new Set(events.map((e) => e.caller))).toEqual(new Set([DEMO_USERS.lead.upn]));
    expect(events.some((e) => e.resourceId?.endsWith('/storageAccounts/sthackathondata'))).toBe(true);
  }, 60_000);

  it('lists one resource with --resource-id and --start-time, and one operation with --correlation-id', async () => {
    const vault = `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-old`;
    const start = new Date(Date.now() - 2 * DAY).toISOString();
    const events = await list('--subscription', P, '--resource-id', vault, '--start-time', start, '--offset', '3d');
    expect(steps(events)).toEqual(['Microsoft.KeyVault/vaults/delete Succeeded', 'Microsoft.KeyVault/vaults/delete Started']);
    expect(events[0]!.caller).toBe(DEMO_USERS.lead.upn);
    const correlated = await list('--subscription', P, '--correlation-id', events[0]!.correlationId!, '--offset', '2d');
    expect(correlated.map((e) => e.resourceId)).toEqual([vault, vault]);
  }, 60_000);

  it('narrows with --caller (a service principal by object id), --status and --namespace', async () => {
    const bySp = await list('--caller', DEMO_SERVICE_PRINCIPAL.objectId, '--status', 'Succeeded', '--offset', '2d');
    expect(new Set(bySp.map((e) => e.resourceId?.split('/').pop()))).toEqual(new Set(['kv-dev-protected', 'dev-allinone-preview', 'appcs-dev-settings']));
    const apim = await list('--namespace', 'Microsoft.ApiManagement', '--offset', '2d');
    expect(new Set(apim.map((e) => e.resourceId?.split('/').pop()))).toEqual(new Set(['apim-dev-internal', 'apim-hackathon']));
  }, 60_000);

  it('returns only what --select names', async () => {
    const events = await list('--select', 'caller', 'eventTimestamp', '--offset', '1d');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.caller).toBeTruthy();
      expect(event.eventTimestamp).toBeTruthy();
      expect(event.operationName ?? undefined).toBeUndefined();
    }
  }, 60_000);

  // The answer is flat ({"Code","Message"}, as recorded), which azure-mgmt-monitor does not read as an ARM error: the CLI
  // reports the status alone, as it would against Azure.
  it('is refused a start time more than 90 days back', async () => {
    const start = new Date(Date.now() - 91 * DAY).toISOString();
    await expect(list('--start-time', start)).rejects.toMatchObject({ stderr: expect.stringContaining("Operation returned an invalid status 'Bad Request'") });
    expect((await list('--start-time', new Date(Date.now() - 89 * DAY).toISOString(), '--offset', '1d')).length).toBe(0);
  }, 60_000);
});
