/**
 * Microsoft.ApiManagement/service with soft delete as ARM does it (contract §4): a create activates through an
 * LRO; DELETE moves a service to the deleted services for 48 h (an api-version older than 2020-06-01-preview
 * deletes it for good); deleted services are listed (per subscription, paged), read and purged (202 + Location);
 * a PUT with properties.restore = true brings the old service back. Service names are global, live or deleted.
 */
import { z } from 'zod';
import { errors } from '../errors';
import { empty, json, type ArmResponse, type RequestContext } from '../pipeline';
import { canonicalRegion, REGION_DISPLAY_NAMES } from '../regions';
import { apiManagementServiceId, deletedApiManagementServiceId, toArmApiManagementService, toArmDeletedApiManagementService } from '../representations';
import type { ApiManagementServiceRecord, OperationKind, OperationRecord } from '../store';
import { armTimestamp, newGuid } from '../world';
import { decodeSkipToken, encodeSkipToken, nextLinkFor, pageOf, parseBody, readSkipToken, requireResourceGroup, retryAfterSeconds, type Handler } from './common';

export const API_MANAGEMENT_ACTIONS = {
  read: 'Microsoft.ApiManagement/service/read',
  write: 'Microsoft.ApiManagement/service/write',
  delete: 'Microsoft.ApiManagement/service/delete',
  deletedList: 'Microsoft.ApiManagement/deletedservices/read',
  deletedRead: 'Microsoft.ApiManagement/locations/deletedservices/read',
  deletedPurge: 'Microsoft.ApiManagement/locations/deletedservices/delete',
} as const;

/** Soft delete starts with this api-version; older ones delete for good (docs: api-management/soft-delete.md). */
const FIRST_SOFT_DELETE_VERSION = '2020-06-01-preview';

const SERVICE_NAME = /^[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?$/;

const serviceBody = z.object({
  location: z.string().max(100).optional(),
  tags: z.record(z.string().max(512), z.string().max(256)).optional(),
  sku: z
    .object({
      name: z.enum(['Developer', 'Standard', 'Premium', 'Basic', 'Consumption', 'Isolated', 'BasicV2', 'StandardV2', 'PremiumV2']),
      capacity: z.number().int().min(0).max(100),
    })
    .optional(),
  properties: z
    .object({
      publisherEmail: z.string().max(100).optional(),
      publisherName: z.string().max(100).optional(),
      notificationSenderEmail: z.string().max(100).optional(),
      // "If this flag is specified and set to True all other properties will be ignored" (docs).
      restore: z.boolean().optional(),
    })
    .optional(),
});

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** `Activating` until a create or restore ends, then `Succeeded`; no target state once it rests. */
function restingStates(service: ApiManagementServiceRecord, now: number) {
  return { provisioningState: now < service.readyAt ? 'Activating' : 'Succeeded', targetProvisioningState: '' };
}

const retryAfter = (operation: OperationRecord, now: number) => String(Math.max(1, retryAfterSeconds(operation, now)));

function newOperation(kind: OperationKind, sub: string, location: string, resourceId: string, initiatorObjectId: string, now: number, durationMs: number): OperationRecord {
  return {
    id: newGuid(),
    subscriptionId: sub.toLowerCase(),
    location: canonicalRegion(location) ?? location,
    kind,
    resourceId,
    initiatorObjectId,
    startedAt: now,
    completesAt: now + durationMs,
    finalStatus: 'Succeeded',
    error: null,
  };
}

const versionQuery = (ctx: RequestContext) => `api-version=${encodeURIComponent(ctx.apiVersion ?? '')}`;

/** `.../service/{name}/operationresults/{id}?api-version=…`, with `&asyncResponse` for an activation (spec example). */
function serviceOperationUrl(ctx: RequestContext, operation: OperationRecord, asyncResponse: boolean): string {
  return `${ctx.baseUrl}${operation.resourceId}/operationresults/${operation.id}?${versionQuery(ctx)}${asyncResponse ? '&asyncResponse' : ''}`;
}

/** A create or restore: 201, `Created` on its way to `Activating`, both polling headers (spec example ApiManagementUndelete). */
function activationStarted(ctx: RequestContext, service: ApiManagementServiceRecord, operation: OperationRecord, now: number): ArmResponse {
  const url = serviceOperationUrl(ctx, operation, true);
  return json(201, toArmApiManagementService(service, { provisioningState: 'Created', targetProvisioningState: 'Activating' }), {
    location: url,
    'azure-asyncoperation': url,
    'retry-after': retryAfter(operation, now),
  });
}

export const putService: Handler<'sub' | 'rg' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const group = requireResourceGroup(store, sub, params.rg);
  const name = params.name;
  if (!SERVICE_NAME.test(name)) {
    throw errors.invalidResourceName(name, 'Microsoft.ApiManagement/service', 'Service names are 1-50 characters of letters, digits and hyphens, starting with a letter and ending with a letter or digit.');
  }
  const body = parseBody(serviceBody, ctx.body);
  const now = world.now();
  store.sweepExpiredApiManagementServices(now);
  const existing = store.getApiManagementService(sub, group.name, name);

  if (body.properties?.restore === true) {
    // ⚠️ Unverified: a restore of a service that is already live answers it, so a restore retried after its
    // answer was lost succeeds.
    if (existing) return json(200, toArmApiManagementService(existing, restingStates(existing, now)));
    const deleted = store.findDeletedApiManagementServiceByName(name, now);
    if (!deleted || !sameName(deleted.subscriptionId, sub) || !sameName(deleted.resourceGroup, group.name)) {
      throw errors.apiManagementServiceNotRestorable(group.name, name);
    }
    // The old service comes back; location, sku and publisher sent with the flag are ignored (docs).
    const { deletedAt: _deletedAt, purgeAt: _purgeAt, ...old } = deleted;
    const restored: ApiManagementServiceRecord = { ...old, readyAt: now + world.lroDurationMs };
    const id = apiManagementServiceId(sub, restored.resourceGroup, restored.name);
    const operation = newOperation('apiManagementServiceActivate', sub, restored.location, id, principal.objectId, now, world.lroDurationMs);
    store.transaction(() => {
      store.restoreDeletedApiManagementService(deleted, restored);
      store.putOperation(operation);
      store.appendEvent({ at: now, kind: 'apiManagementServiceRestored', resourceId: id, principalId: principal.objectId });
    });
    return activationStarted(ctx, restored, operation, now);
  }

  if (!existing) {
    // Names are global: a soft-deleted one stays reserved until it is restored, purged or expires.
    if (store.findDeletedApiManagementServiceByName(name, now)) throw errors.apiManagementServiceSoftDeleted(name);
    if (store.findApiManagementServiceByName(name)) throw errors.apiManagementServiceNameTaken(name);
  }
  const location = body.location ?? existing?.location;
  if (!location) throw errors.locationRequired();
  if (!canonicalRegion(location)) throw errors.locationNotAvailable(location, 'Microsoft.ApiManagement/service', REGION_DISPLAY_NAMES);
  const sku = body.sku ?? existing?.sku;
  if (!sku) throw errors.missingProperty('sku');
  const { restore: _restore, ...given } = body.properties ?? {};
  const properties = { ...existing?.properties, ...given };
  if (typeof properties.publisherEmail !== 'string') throw errors.missingProperty('properties.publisherEmail');
  if (typeof properties.publisherName !== 'string') throw errors.missingProperty('properties.publisherName');
  const record: ApiManagementServiceRecord = {
    subscriptionId: existing?.subscriptionId ?? sub,
    resourceGroup: group.name,
    name: existing?.name ?? name,
    location: existing?.location ?? location,
    sku,
    tags: body.tags ?? existing?.tags ?? {},
    properties,
    createdAt: existing?.createdAt ?? now,
    readyAt: existing?.readyAt ?? now + world.lroDurationMs,
  };
  if (existing) {
    store.putApiManagementService(record);
    return json(200, toArmApiManagementService(record, restingStates(record, now)));
  }
  const id = apiManagementServiceId(sub, record.resourceGroup, record.name);
  const operation = newOperation('apiManagementServiceActivate', sub, record.location, id, principal.objectId, now, world.lroDurationMs);
  store.transaction(() => {
    store.putApiManagementService(record);
    store.putOperation(operation);
  });
  return activationStarted(ctx, record, operation, now);
};

export const getService: Handler<'sub' | 'rg' | 'name'> = ({ params, services }) => {
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  const service = services.store.getApiManagementService(params.sub, group.name, params.name);
  if (!service) throw errors.resourceNotFound('Microsoft.ApiManagement/service', params.name, params.rg);
  return json(200, toArmApiManagementService(service, restingStates(service, services.world.now())));
};

/**
 * Soft delete (recording): 202, the service with targetProvisioningState `Deleting`, `Location` to its
 * operationresults (202 while running, then 200 empty). With an api-version older than 2020-06-01-preview the
 * service is deleted for good (docs). 204 when there is no such service.
 */
export const deleteService: Handler<'sub' | 'rg' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const group = requireResourceGroup(store, sub, params.rg);
  const now = world.now();
  const permanently = (ctx.apiVersion ?? '').toLowerCase() < FIRST_SOFT_DELETE_VERSION;
  const outcome = store.transaction(() => {
    store.sweepExpiredApiManagementServices(now);
    const service = store.getApiManagementService(sub, group.name, params.name);
    if (!service) return undefined;
    const id = apiManagementServiceId(sub, service.resourceGroup, service.name);
    if (permanently) {
      store.deleteApiManagementService(sub, service.resourceGroup, service.name);
    } else {
      store.softDeleteApiManagementService(sub, service.resourceGroup, service.name, now);
      store.appendEvent({ at: now, kind: 'apiManagementServiceSoftDeleted', resourceId: id, principalId: principal.objectId });
    }
    const operation = newOperation('apiManagementServiceDelete', sub, service.location, id, principal.objectId, now, world.lroDurationMs);
    store.putOperation(operation);
    return { service, operation };
  });
  if (!outcome) return empty(204);
  return json(202, toArmApiManagementService(outcome.service, { provisioningState: 'Succeeded', targetProvisioningState: 'Deleting' }), {
    location: serviceOperationUrl(ctx, outcome.operation, false),
    'retry-after': retryAfter(outcome.operation, now),
  });
};

const hasQueryFlag = (ctx: RequestContext, flag: string) => [...ctx.url.searchParams.keys()].some((key) => key.toLowerCase() === flag.toLowerCase());

/**
 * A create, restore or delete. With `asyncResponse` (the Azure-AsyncOperation form of an activation): 200 with
 * `{id, name, status, startTime, endTime}`. Without it (Location): 202 while it runs, then 200 with the service
 * (activation) or empty (deletion). The caller who started it may always poll it; others need service/read.
 */
export const getServiceOperationResult: Handler<'sub' | 'rg' | 'name' | 'operation'> = ({ ctx, params, services, principal, access }) => {
  const { store, world } = services;
  const id = apiManagementServiceId(params.sub, params.rg, params.name);
  const operation = store.getOperation(params.operation);
  if (!operation || (operation.kind !== 'apiManagementServiceActivate' && operation.kind !== 'apiManagementServiceDelete') || !sameName(operation.resourceId, id)) {
    throw errors.operationNotFound(params.operation);
  }
  if (operation.initiatorObjectId !== principal.objectId) access.require(API_MANAGEMENT_ACTIONS.read, id);
  const now = world.now();
  const running = now < operation.completesAt;
  if (hasQueryFlag(ctx, 'asyncResponse')) {
    const status: Record<string, unknown> = {
      id: `${id}/operationresults/${operation.id}`,
      name: operation.id,
      status: running ? 'InProgress' : operation.finalStatus,
      startTime: armTimestamp(operation.startedAt),
    };
    if (!running) status.endTime = armTimestamp(operation.completesAt);
    return json(200, status);
  }
  if (running) return empty(202, { location: new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl).toString(), 'retry-after': retryAfter(operation, now) });
  if (operation.kind === 'apiManagementServiceActivate') {
    const service = store.getApiManagementService(params.sub, params.rg, params.name);
    if (service) return json(200, toArmApiManagementService(service, restingStates(service, now)));
  }
  return empty(200);
};

export const listServicesInGroup: Handler<'sub' | 'rg'> = ({ ctx, params, services }) => {
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  const now = services.world.now();
  return pageOf(ctx, services.store.listApiManagementServices(params.sub, group.name), services.world.listPageSize, (s) => toArmApiManagementService(s, restingStates(s, now)));
};

export const listServicesInSubscription: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const groups = access.groupsAllowing(params.sub, API_MANAGEMENT_ACTIONS.read, `/subscriptions/${params.sub}`);
  const now = services.world.now();
  const all = services.store.listApiManagementServices(params.sub).filter((s) => groups === undefined || groups.includes(s.resourceGroup.toLowerCase()));
  return pageOf(ctx, all, services.world.listPageSize, (s) => toArmApiManagementService(s, restingStates(s, now)));
};

const isNameCursor = (value: unknown): value is { n: string } => typeof (value as { n?: unknown } | null)?.n === 'string';

/** The subscription's deleted services, every region, in pages (`nextLink` with `$skiptoken`). */
export const listDeletedServices: Handler<'sub'> = ({ ctx, params, services }) => {
  const { store, world } = services;
  const token = readSkipToken(ctx);
  const after = token === undefined ? undefined : decodeSkipToken(token, isNameCursor).n;
  const now = world.now();
  store.sweepExpiredApiManagementServices(now);
  // Deleted lists share one page size (admin PUT /paging deletedAccountsPageSize).
  const pageSize = world.deletedAccountsPageSize;
  const rows = store.listDeletedApiManagementServices({ subscriptionId: params.sub, now, limit: pageSize + 1, after });
  const page = rows.slice(0, pageSize);
  const body: { value: unknown[]; nextLink?: string } = { value: page.map((s) => toArmDeletedApiManagementService(s)) };
  const last = page[page.length - 1];
  if (rows.length > pageSize && last) body.nextLink = nextLinkFor(ctx, encodeSkipToken({ n: last.name.toLowerCase() }));
  return json(200, body);
};

export const getDeletedService: Handler<'sub' | 'location' | 'name'> = ({ params, services }) => {
  const deleted = services.store.getDeletedApiManagementService(params.sub, params.location, params.name, services.world.now());
  if (!deleted) throw errors.deletedApiManagementServiceNotFound(params.name);
  return json(200, toArmDeletedApiManagementService(deleted));
};

/**
 * Purge (recording): 202, the deleted service with scheduledPurgeDate set to now, `Location` to
 * `.../deletedservices/{name}/operationresults/{id}` (202 while the world's LRO runs, then 200 empty). The
 * service is gone, and its name free, at once.
 */
export const purgeDeletedService: Handler<'sub' | 'location' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const now = world.now();
  const { deleted, operation } = store.transaction(() => {
    store.sweepExpiredApiManagementServices(now);
    const found = store.purgeDeletedApiManagementService(sub, params.location, params.name, now);
    if (!found) throw errors.deletedApiManagementServiceNotFound(params.name);
    const id = deletedApiManagementServiceId(sub, found.location, found.name);
    const started = newOperation('deletedApiManagementServicePurge', sub, found.location, id, principal.objectId, now, world.lroDurationMs);
    store.putOperation(started);
    store.appendEvent({ at: now, kind: 'deletedApiManagementServicePurged', resourceId: id, principalId: principal.objectId });
    return { deleted: found, operation: started };
  });
  return json(202, toArmDeletedApiManagementService(deleted, now), {
    location: `${ctx.baseUrl}${operation.resourceId}/operationresults/${operation.id}?${versionQuery(ctx)}`,
    'retry-after': retryAfter(operation, now),
  });
};

/** Polling a purge: 202 while it runs, then 200 with no body (recording). */
export const getPurgeOperationResult: Handler<'sub' | 'location' | 'name' | 'operation'> = ({ ctx, params, services, principal, access }) => {
  const { store, world } = services;
  const id = deletedApiManagementServiceId(params.sub, params.location, params.name);
  const operation = store.getOperation(params.operation);
  if (!operation || operation.kind !== 'deletedApiManagementServicePurge' || !sameName(operation.resourceId, id)) throw errors.operationNotFound(params.operation);
  if (operation.initiatorObjectId !== principal.objectId) access.require(API_MANAGEMENT_ACTIONS.deletedRead, id);
  const now = world.now();
  if (now < operation.completesAt) {
    return empty(202, { location: new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl).toString(), 'retry-after': retryAfter(operation, now) });
  }
  return empty(200);
};
