/** Microsoft.Resources: tenants, subscriptions, locations, resource groups and their delete operations. */
import { z } from 'zod';
import { DEMO_TENANT } from '../../demo-world';
import { appendActivity, beginEvent, endEvents, newOperation, requestActor } from '../activity-log';
import { errors } from '../errors';
import { empty, json } from '../pipeline';
import { canonicalRegion, REGIONS } from '../regions';
import { accountId, apiManagementServiceId, configurationStoreId, resourceGroupId, storageAccountId, toArmResourceGroup, toArmSubscription, vaultId } from '../representations';
import type { OperationRecord } from '../store';
import { newGuid, RETENTION_MS } from '../world';
import {
  decodeSkipToken,
  pageOf,
  parseBody,
  requireResourceGroup,
  requireSubscription,
  retryAfterSeconds,
  type Handler,
  type HandlerArgs,
} from './common';

export const RG_READ = 'Microsoft.Resources/subscriptions/resourceGroups/read';
export const RG_WRITE = 'Microsoft.Resources/subscriptions/resourceGroups/write';
export const RG_DELETE = 'Microsoft.Resources/subscriptions/resourceGroups/delete';

export const listTenants: Handler = () =>
  json(200, {
    value: [
      {
        id: `/tenants/${DEMO_TENANT.id}`,
        tenantId: DEMO_TENANT.id,
        countryCode: 'US',
        displayName: DEMO_TENANT.displayName,
        domains: [DEMO_TENANT.defaultDomain],
        tenantCategory: 'Home',
        defaultDomain: DEMO_TENANT.defaultDomain,
        tenantType: 'AAD',
      },
    ],
  });

/** Only subscriptions where the caller holds a role (at the subscription or inside it), as ARM lists them. */
export const listSubscriptions: Handler = ({ ctx, services, access }) => {
  const visible = services.store.listSubscriptions().filter((s) => access.hasAnyRoleIn(s.subscriptionId));
  return pageOf(ctx, visible, services.world.listPageSize, toArmSubscription);
};

export const getSubscription: Handler<'sub'> = ({ params, services, access }) => {
  const subscription = requireSubscription(services.store, params.sub);
  if (!access.hasAnyRoleIn(subscription.subscriptionId)) throw errors.subscriptionNotFound(params.sub);
  return json(200, toArmSubscription(subscription));
};

export const listLocations: Handler<'sub'> = ({ params }) =>
  json(200, {
    value: REGIONS.map((region) => ({
      id: `/subscriptions/${params.sub}/locations/${region.name}`,
      name: region.name,
      type: 'Region',
      displayName: region.displayName,
      regionalDisplayName: `(${region.geography}) ${region.displayName}`,
      metadata: { regionType: 'Physical', regionCategory: 'Recommended', geographyGroup: region.geography },
    })),
  });

export const listResourceGroups: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const sub = params.sub;
  const groups = access.groupsAllowing(sub, RG_READ, `/subscriptions/${sub}`);
  const all = services.store.listResourceGroups(sub);
  const visible = groups === undefined ? all : all.filter((g) => groups.includes(g.name.toLowerCase()));
  return pageOf(ctx, visible, services.world.listPageSize, toArmResourceGroup);
};

export const getResourceGroup: Handler<'sub' | 'rg'> = ({ params, services }) =>
  json(200, toArmResourceGroup(requireResourceGroup(services.store, params.sub, params.rg)));

export const headResourceGroup: Handler<'sub' | 'rg'> = ({ params, services }) =>
  services.store.getResourceGroup(params.sub, params.rg) ? empty(204) : empty(404);

const RESOURCE_GROUP_NAME = /^[-\w._()]+$/u;

export function validateResourceGroupName(name: string): void {
  if (name.length < 1 || name.length > 90 || !RESOURCE_GROUP_NAME.test(name) || name.endsWith('.')) {
    throw errors.invalidResourceGroupName(name);
  }
}

const resourceGroupBody = z.object({
  location: z.string().max(100).optional(),
  tags: z.record(z.string().max(512), z.string().max(256)).optional(),
});

export const putResourceGroup: Handler<'sub' | 'rg'> = ({ ctx, params, services }) => {
  const { store, world } = services;
  const name = params.rg;
  validateResourceGroupName(name);
  const body = parseBody(resourceGroupBody, ctx.body);
  if (!body.location) throw errors.locationRequired();
  if (!canonicalRegion(body.location)) {
    throw errors.locationNotAvailableForResourceGroup(body.location, REGIONS.map((r) => r.name));
  }
  const existing = store.getResourceGroup(params.sub, name);
  if (existing && canonicalRegion(existing.location) !== canonicalRegion(body.location)) {
    throw errors.invalidResourceGroupLocation(body.location, existing.location);
  }
  const record = {
    subscriptionId: params.sub,
    name: existing?.name ?? name,
    location: existing?.location ?? body.location,
    tags: body.tags ?? {},
    createdAt: existing?.createdAt ?? world.now(),
  };
  const outcome = store.putResourceGroup(record);
  return json(outcome === 'created' ? 201 : 200, toArmResourceGroup(record));
};

/** The Location header of a group deletion: ARM's subscription-level operationresults with an opaque job token. */
function groupDeletionToken(operation: OperationRecord): string {
  return Buffer.from(JSON.stringify({ jobId: `RESOURCEGROUPDELETIONJOB-${operation.id}`, jobLocation: operation.location })).toString('base64url');
}

/**
 * Deleting a group deletes its resources: ARM "issues a DELETE operation for each resource" (docs:
 * azure-resource-manager/management/delete-resource-group.md), and each of those is in the activity log with the
 * group deletion's caller and correlation id (security tooling detects cascaded deletes from them, e.g. AlphaSOC's
 * azure_resource_group_mass_deletion). ⚠️ No recording of such an event was read: its fields are those of a DELETE.
 */
function cascadedDeleteEvents(ctx: HandlerArgs<'sub' | 'rg'>, resourceIds: readonly { type: string; id: string }[], at: number) {
  const actor = requestActor(ctx.ctx, ctx.principal);
  return resourceIds.flatMap(({ type, id }) => {
    const action = `${type}/delete`;
    const op = newOperation({ subscriptionId: ctx.params.sub, action, resourceId: id, role: ctx.access.roleGranting(action, id), method: 'DELETE', actor });
    return [beginEvent(op, at), ...endEvents(op, at, 200)];
  });
}

export const deleteResourceGroup: Handler<'sub' | 'rg'> = (args) => {
  const { ctx, params, services, principal } = args;
  const { store, world } = services;
  const group = requireResourceGroup(store, params.sub, params.rg);
  const now = world.now();
  const operation: OperationRecord = {
    id: newGuid(),
    subscriptionId: params.sub.toLowerCase(),
    location: group.location,
    kind: 'resourceGroupDelete',
    resourceId: resourceGroupId(params.sub, group.name),
    initiatorObjectId: principal.objectId,
    startedAt: now,
    completesAt: now + world.lroDurationMs,
    finalStatus: 'Succeeded',
    error: null,
  };
  store.transaction(() => {
    const deletedIds: { type: string; id: string }[] = [];
    // Its storage accounts are soft-deleted with it: the audit log names each one, as a DELETE would.
    for (const storage of store.listStorageAccounts(params.sub, group.name)) {
      const resourceId = storageAccountId(params.sub, storage.resourceGroup, storage.name);
      store.appendEvent({ at: now, kind: 'storageAccountSoftDeleted', resourceId, principalId: principal.objectId });
      deletedIds.push({ type: 'Microsoft.Storage/storageAccounts', id: resourceId });
    }
    // So are its key vaults, each for its own retention.
    for (const vault of store.listVaults(params.sub, group.name)) {
      const resourceId = vaultId(params.sub, vault.resourceGroup, vault.name);
      store.appendEvent({ at: now, kind: 'vaultSoftDeleted', resourceId, principalId: principal.objectId });
      deletedIds.push({ type: 'Microsoft.KeyVault/vaults', id: resourceId });
    }
    // And its App Configuration stores, but for Free ones, which have no soft delete (their delete is logged all the same).
    for (const configStore of store.listConfigurationStores(params.sub, group.name)) {
      const resourceId = configurationStoreId(params.sub, configStore.resourceGroup, configStore.name);
      deletedIds.push({ type: 'Microsoft.AppConfiguration/configurationStores', id: resourceId });
      if (configStore.sku.name.toLowerCase() === 'free') continue;
      store.appendEvent({ at: now, kind: 'configurationStoreSoftDeleted', resourceId, principalId: principal.objectId });
    }
    // And its API Management services, for 48 h.
    for (const service of store.listApiManagementServices(params.sub, group.name)) {
      const resourceId = apiManagementServiceId(params.sub, service.resourceGroup, service.name);
      store.appendEvent({ at: now, kind: 'apiManagementServiceSoftDeleted', resourceId, principalId: principal.objectId });
      deletedIds.push({ type: 'Microsoft.ApiManagement/service', id: resourceId });
    }
    const accounts = store.deleteResourceGroup(params.sub, group.name, now, RETENTION_MS);
    for (const account of accounts) {
      deletedIds.push({ type: 'Microsoft.CognitiveServices/accounts', id: accountId(account.subscriptionId, account.resourceGroup, account.name) });
    }
    store.putOperation(operation);
    store.appendEvent({ at: now, kind: 'resourceGroupDeleted', resourceId: operation.resourceId, principalId: principal.objectId });
    appendActivity(services, cascadedDeleteEvents(args, deletedIds, now));
  });
  const location = `${ctx.baseUrl}/subscriptions/${params.sub}/operationresults/${groupDeletionToken(operation)}?api-version=${ctx.apiVersion}`;
  return empty(202, { location, 'retry-after': String(Math.max(1, retryAfterSeconds(operation, now))) });
};

/** Polling a group deletion: 202 while it runs, 200 when done. */
export const getSubscriptionOperationResult: Handler<'sub' | 'operation'> = ({ ctx, params, services, principal, access }) => {
  const { store, world } = services;
  const token = decodeSkipToken(params.operation, (v): v is { jobId: string } => typeof (v as { jobId?: unknown })?.jobId === 'string');
  const id = token.jobId.replace(/^RESOURCEGROUPDELETIONJOB-/, '');
  const operation = store.getOperation(id);
  if (!operation || operation.subscriptionId !== params.sub.toLowerCase()) throw errors.operationNotFound(params.operation);
  if (operation.initiatorObjectId !== principal.objectId) {
    access.require('Microsoft.Resources/subscriptions/operationresults/read', `/subscriptions/${params.sub}`);
  }
  const now = world.now();
  if (now < operation.completesAt) {
    return empty(202, { location: new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl).toString(), 'retry-after': String(Math.max(1, retryAfterSeconds(operation, now))) });
  }
  return empty(200);
};

