/**
 * The real Azure CLI (Debian's azure-cli 2.45, App Configuration api-version 2022-05-01) against the local Azure:
 * `az appconfig list-deleted | show-deleted | recover | purge` (and `delete`), each checked in the emulator's state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../demo-world';
import { azInstalled, signInAz, type Az } from './az-cli';
import { startTestAzure, type TestAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;

interface DeletedStore {
  name: string;
  configurationStoreId: string;
  location: string;
  deletionDate: string;
  scheduledPurgeDate: string;
  purgeProtectionEnabled: boolean;
}

describe.runIf(azInstalled)('az appconfig soft delete against the local Azure', () => {
  let azure: TestAzure;
  let az: Az;

  const world = async (path: string) => (await (await azure.admin('GET', `/_emulator${path}`)).json()) as { value: { name: string; kind: string; resourceId: string }[] };
  const deletedNames = async (sub: string) => (await world(`/world/deleted-configuration-stores?subscriptionId=${sub}`)).value.map((s) => s.name);
  const eventsOf = async (kind: string) => (await world('/events')).value.filter((e) => e.kind === kind);

  beforeAll(async () => {
    azure = await startTestAzure();
    expect((await azure.admin('PUT', '/_emulator/lro', { durationSeconds: 0 })).status).toBe(200);
    az = await signInAz(azure, P);
  }, 180_000);

  afterAll(async () => {
    await azure?.dispose();
  });

  it('lists deleted stores with az appconfig list-deleted', async () => {
    const deleted = (await az('appconfig', 'list-deleted')) as DeletedStore[];
    expect(deleted.map((s) => s.name).sort()).toEqual(['appcs-contoso-flags', 'appcs-contoso-prod']);
    const prod = deleted.find((s) => s.name === 'appcs-contoso-prod')!;
    expect(prod.configurationStoreId).toBe(`/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-prod`);
    expect(prod.location).toBe('eastus');
    expect(prod.purgeProtectionEnabled).toBe(true);
  }, 60_000);

  it('shows one deleted store with az appconfig show-deleted, finding its location itself', async () => {
    const shown = (await az('appconfig', 'show-deleted', '-n', 'appcs-dev-settings', '--subscription', D)) as DeletedStore;
    expect(shown.location).toBe('eastus2');
    expect(Date.parse(shown.scheduledPurgeDate) - Date.parse(shown.deletionDate)).toBe(24 * 3600_000);
  }, 60_000);

  it('soft-deletes with az appconfig delete and recovers with az appconfig recover', async () => {
    await az('appconfig', 'delete', '-n', 'appcs-contoso-live', '--yes');
    expect(await deletedNames(P)).toContain('appcs-contoso-live');

    await az('appconfig', 'recover', '-n', 'appcs-contoso-live', '--yes');
    await az('appconfig', 'recover', '-n', 'appcs-contoso-prod', '-g', 'rg-ai-prod', '--yes');
    expect(await deletedNames(P)).toEqual(['appcs-contoso-flags']);
    const shown = (await az('appconfig', 'show', '-n', 'appcs-contoso-prod', '-g', 'rg-ai-prod')) as { provisioningState: string; enablePurgeProtection: boolean };
    expect(shown).toMatchObject({ provisioningState: 'Succeeded', enablePurgeProtection: true });
    expect((await eventsOf('configurationStoreRecovered')).map((e) => e.resourceId.split('/').pop()).sort()).toEqual(['appcs-contoso-live', 'appcs-contoso-prod']);
  }, 180_000);

  it('purges with az appconfig purge, following the operation to Succeeded', async () => {
    await az('appconfig', 'purge', '-n', 'appcs-contoso-flags', '--yes');
    expect(await deletedNames(P)).not.toContain('appcs-contoso-flags');
    expect((await eventsOf('deletedConfigurationStorePurged')).map((e) => e.resourceId)).toEqual([
      `/subscriptions/${P}/providers/Microsoft.AppConfiguration/locations/westus/deletedConfigurationStores/appcs-contoso-flags`,
    ]);
  }, 120_000);

  it('reports a store it cannot find, and the refusal of a purge under purge protection', async () => {
    await expect(az('appconfig', 'purge', '-n', 'appcs-contoso-prod-x', '--yes')).rejects.toMatchObject({
      stderr: expect.stringContaining("Failed to find the deleted App Configuration store 'appcs-contoso-prod-x'"),
    });
    expect((await azure.admin('POST', '/_emulator/world/deleted-configuration-stores', {
      subscriptionId: D, resourceGroup: 'rg-dev-ai', name: 'appcs-dev-protected', location: 'eastus2', purgeProtection: true,
    })).status).toBe(201);
    await expect(az('appconfig', 'purge', '-n', 'appcs-dev-protected', '--subscription', D, '--yes')).rejects.toMatchObject({
      stderr: expect.stringContaining('(PurgeProtectionEnabled)'),
    });
    expect(await deletedNames(D)).toContain('appcs-dev-protected');
  }, 120_000);
});
