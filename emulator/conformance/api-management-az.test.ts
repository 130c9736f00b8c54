/**
 * The real Azure CLI (Debian's azure-cli 2.45, azure-mgmt-apimanagement with api-version 2021-08-01) against the
 * local Azure: `az apim deletedservice list | show | purge`, each checked in the emulator's state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../demo-world';
import { azInstalled, signInAz, type Az } from './az-cli';
import { startTestAzure, type TestAzure } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;

interface DeletedService {
  id: string;
  name: string;
  location: string;
  serviceId: string;
  scheduledPurgeDate: string;
  deletionDate: string;
}

describe.runIf(azInstalled)('az apim deletedservice against the local Azure', () => {
  let azure: TestAzure;
  let az: Az;

  const world = async (path: string) => (await (await azure.admin('GET', `/_emulator${path}`)).json()) as { value: { name: string; kind: string; resourceId: string }[] };
  const deletedNames = async (sub: string) => (await world(`/world/deleted-api-management-services?subscriptionId=${sub}`)).value.map((s) => s.name);
  const eventsOf = async (kind: string) => (await world('/events')).value.filter((e) => e.kind === kind);

  beforeAll(async () => {
    azure = await startTestAzure();
    expect((await azure.admin('PUT', '/_emulator/lro', { durationSeconds: 0 })).status).toBe(200);
    az = await signInAz(azure, D);
  }, 180_000);

  afterAll(async () => {
    await azure?.dispose();
  });

  it('lists deleted services with az apim deletedservice list', async () => {
    const deleted = (await az('apim', 'deletedservice', 'list')) as DeletedService[];
    expect(deleted.map((s) => s.name).sort()).toEqual(['apim-dev-internal', 'apim-hackathon']);
    const internal = deleted.find((s) => s.name === 'apim-dev-internal')!;
    expect(internal).toMatchObject({
      id: `/subscriptions/${D}/providers/Microsoft.ApiManagement/locations/eastus2/deletedservices/apim-dev-internal`,
      location: 'East US 2',
      serviceId: `/subscriptions/${D}/resourceGroups/rg-dev-ai/providers/Microsoft.ApiManagement/service/apim-dev-internal`,
    });
    expect(Date.parse(internal.scheduledPurgeDate) - Date.parse(internal.deletionDate)).toBe(48 * 3600_000);
    const production = (await az('apim', 'deletedservice', 'list', '--subscription', P)) as DeletedService[];
    expect(production.map((s) => s.name)).toEqual(['apim-contoso-gateway']);
  }, 60_000);

  it('shows one deleted service with az apim deletedservice show', async () => {
    const shown = (await az('apim', 'deletedservice', 'show', '-n', 'apim-hackathon', '-l', 'eastus')) as DeletedService;
    expect(shown).toMatchObject({ name: 'apim-hackathon', location: 'East US', serviceId: expect.stringContaining('/resourceGroups/rg-hackathon/') });
    await expect(az('apim', 'deletedservice', 'show', '-n', 'apim-hackathon', '-l', 'westus')).rejects.toMatchObject({
      stderr: expect.stringContaining('ServiceNotFound'),
    });
  }, 60_000);

  it('purges with az apim deletedservice purge, following the operation to the end', async () => {
    await az('apim', 'deletedservice', 'purge', '-n', 'apim-dev-internal', '-l', 'eastus2');
    expect(await deletedNames(D)).toEqual(['apim-hackathon']);
    expect((await eventsOf('deletedApiManagementServicePurged')).map((e) => e.resourceId)).toEqual([
      `/subscriptions/${D}/providers/Microsoft.ApiManagement/locations/eastus2/deletedservices/apim-dev-internal`,
    ]);
  }, 120_000);
});
