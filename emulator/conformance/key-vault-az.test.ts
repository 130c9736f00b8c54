/**
 * The real Azure CLI (Debian's azure-cli 2.45, Key Vault api-version 2022-07-01) against the local Azure:
 * `az keyvault delete | list-deleted | recover | purge`, each checked in the emulator's state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../demo-world';
import { azInstalled, signInAz, type Az } from './az-cli';
import { startTestAzure, type TestAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;

describe.runIf(azInstalled)('az keyvault soft delete against the local Azure', () => {
  let azure: TestAzure;
  let az: Az;

  const world = async (path: string) => (await (await azure.admin('GET', `/_emulator${path}`)).json()) as { value: { name: string; kind: string; resourceId: string }[] };
  const deletedVaultNames = async (sub: string) => (await world(`/world/deleted-vaults?subscriptionId=${sub}`)).value.map((v) => v.name);
  const eventsOf = async (kind: string) => (await world('/events')).value.filter((e) => e.kind === kind);

  beforeAll(async () => {
    azure = await startTestAzure();
    expect((await azure.admin('PUT', '/_emulator/lro', { durationSeconds: 0 })).status).toBe(200);
    az = await signInAz(azure, P);
  }, 180_000);

  afterAll(async () => {
    await azure?.dispose();
  });

  it('lists deleted vaults with az keyvault list-deleted', async () => {
    const deleted = (await az('keyvault', 'list-deleted')) as { name: string; properties: { vaultId: string; location: string; scheduledPurgeDate: string } }[];
    expect(deleted.map((v) => v.name).sort()).toEqual(['kv-contoso-old', 'kv-contoso-secure']);
    const secure = deleted.find((v) => v.name === 'kv-contoso-secure')!;
    expect(secure.properties.vaultId).toBe(`/subscriptions/${P}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-contoso-secure`);
    expect(secure.properties.location).toBe('eastus');
  }, 60_000);

  it('soft-deletes with az keyvault delete and recovers with az keyvault recover', async () => {
    await az('keyvault', 'delete', '-n', 'kv-contoso-prod-cmk');
    expect(await deletedVaultNames(P)).toContain('kv-contoso-prod-cmk');

    await az('keyvault', 'recover', '-n', 'kv-contoso-prod-cmk');
    await az('keyvault', 'recover', '-n', 'kv-contoso-secure', '-l', 'eastus');
    expect(await deletedVaultNames(P)).toEqual(['kv-contoso-old']);
    const shown = (await az('keyvault', 'show', '-n', 'kv-contoso-secure', '-g', 'rg-security')) as { properties: { softDeleteRetentionInDays: number } };
    expect(shown.properties.softDeleteRetentionInDays).toBe(7);
    expect((await eventsOf('vaultRecovered')).map((e) => e.resourceId.split('/').pop()).sort()).toEqual(['kv-contoso-prod-cmk', 'kv-contoso-secure']);
  }, 120_000);

  it('purges with az keyvault purge, following the operation to Succeeded', async () => {
    await az('keyvault', 'purge', '-n', 'kv-contoso-old');
    expect(await deletedVaultNames(P)).not.toContain('kv-contoso-old');
    expect((await eventsOf('deletedVaultPurged')).map((e) => e.resourceId)).toEqual([
      `/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-old`,
    ]);
  }, 120_000);

  it('reports the refusal of a purge under purge protection', async () => {
    await expect(az('keyvault', 'purge', '-n', 'kv-dev-protected', '--subscription', D)).rejects.toMatchObject({
      stderr: expect.stringContaining("(MethodNotAllowed) Operation 'DeletedVaultPurge' is not allowed."),
    });
    expect(await deletedVaultNames(D)).toContain('kv-dev-protected');
  }, 60_000);
});
