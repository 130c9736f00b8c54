/**
 * stale-outcomes.test.ts for the other types: a Key Vault, an App Configuration store or an API Management
 * service acted on after someone else changed it in ARM. The action reports what ARM shows, through the portal's
 * own server actions against the emulator's demo world, and the emulator's audit log shows nothing done twice.
 * Someone else's change is the request the official clients send, made straight to the emulator with its own
 * token. Storage accounts have no purge: their restore is checked alike, and their purge is refused unsent.
 */
import { describe, expect, it, vi } from 'vitest';
import * as paths from '@/e2e/support/arm-paths';
import { DEMO_SUBSCRIPTIONS, DEMO_TENANT } from '@/emulator/demo-world';
import type { ResourceRef } from '@/lib/deleted-resources/types';
import { portalArmWithFreshDemoWorld, worldEvents } from '@/test-support/portal-arm';

vi.mock('server-only', () => ({}));
const actions = await import('@/app/actions');

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const S = DEMO_SUBSCRIPTIONS.sandbox.subscriptionId;

type Place = Omit<ResourceRef, 'type' | 'creationTime'>;
const place = (subscriptionId: string, resourceGroup: string, location: string, name: string): Place => ({ subscriptionId, resourceGroup, location, name });

/** A type's paths for a place, from the e2e tests' builders (at api-versions the emulator and ARM accept). */
const live = (build: (sub: string, rg: string, name: string) => string) => (at: Place) => build(at.subscriptionId, at.resourceGroup, at.name);
const deleted = (build: (sub: string, location: string, name: string) => string) => (at: Place) => build(at.subscriptionId, at.location, at.name);

interface TypeSpec {
  type: string;
  /** Two of the demo world's deleted resources of the type: the one acted on, and another for reading two states at once. */
  places: [resource: Place, other: Place];
  live(at: Place): string;
  deleted(at: Place): string;
  /** The recover the official clients send (a PUT of the live resource), and the first status ARM answers it with. */
  recover: { status: number; body(at: Place): unknown };
  /** A POST to the deleted resource's /purge, or a DELETE of the deleted resource; ARM answers 202. */
  purgeMethod: 'POST' | 'DELETE';
  events: { recovered: string; purged: string };
}

const SPECS: TypeSpec[] = [
  {
    type: 'key-vaults', live: live(paths.vaultPath), deleted: deleted(paths.deletedVaultPath), purgeMethod: 'POST', events: { recovered: 'vaultRecovered', purged: 'deletedVaultPurged' },
    places: [place(P, 'rg-ai-prod', 'eastus', 'kv-contoso-old'), place(S, 'rg-fabrikam-labs', 'japaneast', 'kv-fabrikam-labs')],
    // az keyvault recover, @azure/arm-keyvault: createMode "recover" with the tenant and SKU the SDK's types require.
    recover: { status: 200, body: (at) => ({ location: at.location, properties: { tenantId: DEMO_TENANT.id, sku: { family: 'A', name: 'standard' }, createMode: 'recover' } }) },
  },
  {
    type: 'app-configuration-stores', live: live(paths.configurationStorePath), deleted: deleted(paths.deletedConfigurationStorePath), purgeMethod: 'POST',
    places: [place(P, 'rg-search-prod', 'westus', 'appcs-contoso-flags'), place(S, 'rg-fabrikam-labs', 'japaneast', 'appcs-fabrikam-labs')],
    // az appconfig recover: createMode "Recover" with the Standard SKU.
    recover: { status: 201, body: (at) => ({ location: at.location, sku: { name: 'Standard' }, properties: { createMode: 'Recover' } }) },
    events: { recovered: 'configurationStoreRecovered', purged: 'deletedConfigurationStorePurged' },
  },
  {
    type: 'api-management-services', live: live(paths.apiManagementServicePath), deleted: deleted(paths.deletedApiManagementServicePath), purgeMethod: 'DELETE',
    places: [place(P, 'rg-openai-prod', 'swedencentral', 'apim-contoso-gateway'), place(S, 'rg-sandbox', 'eastus', 'apim-fabrikam-sandbox')],
    // @azure/arm-apimanagement: restore true, with the SKU and publisher its serializer requires (ARM ignores them).
    recover: {
      status: 201,
      body: (at) => ({ location: at.location, sku: { name: 'Developer', capacity: 1 }, properties: { publisherEmail: 'ops@contoso.test', publisherName: 'Contoso', restore: true } }),
    },
    events: { recovered: 'apiManagementServiceRestored', purged: 'deletedApiManagementServicePurged' },
  },
];

const portal = portalArmWithFreshDemoWorld();

/** Someone else, with their own token, sends a request to ARM first; it must have taken effect. */
async function elsewhere(method: string, path: string, status: number, body?: unknown) {
  const response = await portal.env.arm.call(method, path, body === undefined ? {} : { body });
  expect(response.status, response.text).toBe(status);
  return response;
}

/** How many `kind` events the audit log holds for the resource named `name`. */
const count = async (kind: string, name: string) =>
  (await worldEvents(portal.env.arm)).filter((event) => event.kind === kind && event.resourceId.toLowerCase().endsWith(`/${name.toLowerCase()}`)).length;

/** The only result of a batch of one. */
function only<T>(batch: { ok: true; data: { results: T[] } } | { ok: false }): T | undefined {
  expect(batch.ok).toBe(true);
  return batch.ok ? batch.data.results[0] : undefined;
}

const purge = (refs: ResourceRef[]) => actions.purgeDeletedResources({ token: portal.token, resources: refs });
const recover = (refs: ResourceRef[]) => actions.recoverDeletedResources({ token: portal.token, resources: refs });
const readStates = (refs: ResourceRef[]) => actions.readDeletedResourceStates({ token: portal.token, resources: refs });

describe.each(SPECS)('$type: outcomes the portal did not cause are reported as such', (spec) => {
  const [resource, otherPlace] = spec.places;
  const ref: ResourceRef = { type: spec.type, ...resource };
  const other: ResourceRef = { type: spec.type, ...otherPlace };
  const elsewhereRecover = (at: Place) => elsewhere('PUT', spec.live(at), spec.recover.status, spec.recover.body(at));
  const elsewherePurge = (at: Place) => elsewhere(spec.purgeMethod, spec.purgeMethod === 'POST' ? spec.deleted(at).replace('?', '/purge?') : spec.deleted(at), 202);

  it('a purge of one recovered meanwhile says so, with its resource group, and purges nothing', async () => {
    await elsewhereRecover(resource);
    expect(await purge([ref])).toEqual({ ok: true, data: { results: [{ ok: true, data: { outcome: 'recovered-meanwhile', resourceGroup: resource.resourceGroup } }] } });
    expect(await count(spec.events.purged, resource.name)).toBe(0);
    expect((await portal.env.arm.call('GET', spec.live(resource))).status).toBe(200);
  });

  it('a purge of one purged meanwhile says it is already gone', async () => {
    await elsewherePurge(resource);
    expect(only(await purge([ref]))).toEqual({ ok: true, data: { outcome: 'already-gone' } });
    expect(await count(spec.events.purged, resource.name)).toBe(1);
  });

  it('a recover of one recovered meanwhile says "already recovered" and recovers nothing again', async () => {
    await elsewhereRecover(resource);
    expect(only(await recover([ref]))).toEqual({ ok: true, data: { outcome: 'already-recovered' } });
    expect(await count(spec.events.recovered, resource.name)).toBe(1);
  });

  it('a recover of one purged meanwhile fails and says it was purged or expired', async () => {
    await elsewherePurge(resource);
    const result = only(await recover([ref]));
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.error.message).toMatch(/^Cannot be recovered: it was purged or expired meanwhile\./);
    expect(await count(spec.events.recovered, resource.name)).toBe(0);
  });

  it('a plain purge and recover report their own outcome', async () => {
    expect(only(await purge([ref]))).toEqual({ ok: true, data: { outcome: 'purged' } });
    expect(only(await recover([other]))).toEqual({ ok: true, data: { outcome: 'recovered' } });
  });

  it('reads where each one stands now: deleted, then live and gone', async () => {
    const states = (data: string[]) => ({ ok: true, data: { results: data.map((state) => ({ ok: true, data: state })) } });
    expect(await readStates([ref, other])).toEqual(states(['deleted', 'deleted']));
    await elsewhereRecover(resource);
    await elsewherePurge(otherPlace);
    expect(await readStates([ref, other])).toEqual(states(['live', 'gone']));
  });
});

describe('storage accounts: restored meanwhile, and never purged', () => {
  const ACCOUNT = place(P, 'rg-ai-prod', 'eastus', 'stcontosospeechdata');
  const DELETED_PATH = paths.deletedStorageAccountPath(ACCOUNT.subscriptionId, ACCOUNT.location, ACCOUNT.name);
  const LIVE_PATH = paths.storageAccountPath(ACCOUNT.subscriptionId, ACCOUNT.resourceGroup, ACCOUNT.name);
  const sentToArm = () => portal.env.recorder.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`);

  /** The ref as the portal's list names it: with the creation time ARM gives the deleted account. */
  async function storageRef(): Promise<ResourceRef> {
    const deletedAccount = await portal.env.arm.call('GET', DELETED_PATH);
    expect(deletedAccount.status).toBe(200);
    return { type: 'storage-accounts', ...ACCOUNT, creationTime: (deletedAccount.json as { properties: { creationTime: string } }).properties.creationTime };
  }

  it('a restore of an account restored meanwhile says "already recovered" and restores nothing again', async () => {
    const ref = await storageRef();
    await elsewhere('PUT', LIVE_PATH, 202, { location: ACCOUNT.location, properties: { deletedAccountCreationTime: ref.creationTime } });
    portal.env.recorder.clear();
    expect(only(await recover([ref]))).toEqual({ ok: true, data: { outcome: 'already-recovered' } });
    // It read the live account and sent no restore of its own.
    expect(sentToArm()).toContain(`GET ${LIVE_PATH.split('?')[0]}`);
    expect(sentToArm().filter((request) => !request.startsWith('GET '))).toEqual([]);
    expect(await count('storageAccountRestored', ACCOUNT.name)).toBe(1);
    expect((await portal.env.arm.call('GET', LIVE_PATH)).status).toBe(200);
  });

  it('a purge is refused with PurgeNotSupported, and nothing that deletes is sent to ARM', async () => {
    const ref = await storageRef();
    const eventsBefore = (await worldEvents(portal.env.arm)).length;
    portal.env.recorder.clear();
    expect(only(await purge([ref]))).toMatchObject({ ok: false, error: { code: 'PurgeNotSupported' } });
    expect(sentToArm().filter((request) => !request.startsWith('GET '))).toEqual([]);
    expect((await worldEvents(portal.env.arm)).length).toBe(eventsBefore);
    expect((await portal.env.arm.call('GET', DELETED_PATH)).status).toBe(200);
  });
});
