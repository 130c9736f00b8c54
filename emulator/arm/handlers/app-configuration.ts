/**
 * Microsoft.AppConfiguration/configurationStores with soft delete as ARM does it (contract §3): a create is an
 * LRO (201 + Azure-AsyncOperation to operationsStatus, `Creating` until the world's LRO duration passes); DELETE
 * moves a Standard store to the deleted stores for its softDeleteRetentionInDays (Free stores go for good);
 * deleted stores are listed (per subscription, paged), read and purged (202 + Azure-AsyncOperation); PUT with
 * createMode "Recover" brings one back with its old properties. Store names are global, live or deleted: a
 * create with a held name fails through the LRO with NameUnavailable.
 */
import { z } from 'zod';
import { errors } from '../errors';
import { empty, json, type RequestContext } from '../pipeline';
import { canonicalRegion, REGION_DISPLAY_NAMES } from '../regions';
import { configurationStoreId, deletedConfigurationStoreId, toArmConfigurationStore, toArmDeletedConfigurationStore } from '../representations';
import type { ConfigurationStoreRecord, OperationRecord } from '../store';
import { newGuid } from '../world';
import { decodeSkipToken, encodeSkipToken, nextLinkFor, pageOf, parseBody, readSkipToken, requireResourceGroup, retryAfterSeconds, type Handler } from './common';

export const CONFIGURATION_STORE_ACTIONS = {
  read: 'Microsoft.AppConfiguration/configurationStores/read',
  write: 'Microsoft.AppConfiguration/configurationStores/write',
  delete: 'Microsoft.AppConfiguration/configurationStores/delete',
  /** One action covers listing and reading deleted stores (contract §3.5). */
  deletedRead: 'Microsoft.AppConfiguration/locations/deletedConfigurationStores/read',
  deletedPurge: 'Microsoft.AppConfiguration/locations/deletedConfigurationStores/purge/action',
  operationRead: 'Microsoft.AppConfiguration/locations/operationsStatus/read',
} as const;

/** The spec's pattern and lengths for configStoreName. */
const STORE_NAME = /^[a-zA-Z0-9_-]{5,50}$/;
const SKUS = ['Free', 'Developer', 'Standard', 'Premium'] as const;

const storeBody = z.object({
  location: z.string().max(100).optional(),
  tags: z.record(z.string().max(512), z.string().max(256)).optional(),
  sku: z.object({ name: z.string().max(32) }).optional(),
  properties: z
    .object({
      softDeleteRetentionInDays: z.number().int().min(1).max(7).nullable().optional(),
      enablePurgeProtection: z.boolean().nullable().optional(),
      disableLocalAuth: z.boolean().nullable().optional(),
      publicNetworkAccess: z.enum(['Enabled', 'Disabled']).nullable().optional(),
      createMode: z.enum(['Recover', 'Default']).optional(),
    })
    .optional(),
});

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The properties a PUT sets, without nulls (Python's SDK sends them) or createMode, which is not stored. */
function givenProperties(body: z.infer<typeof storeBody>): Record<string, unknown> {
  const { createMode: _createMode, ...given } = body.properties ?? {};
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== null && value !== undefined));
}

function skuOf(name: string | undefined): ConfigurationStoreRecord['sku'] | undefined {
  if (name === undefined) return undefined;
  const known = SKUS.find((s) => s.toLowerCase() === name.toLowerCase());
  if (!known) throw errors.invalidRequestContent(`The sku '${name}' is invalid. Allowed values are '${SKUS.join("', '")}'.`);
  return { name: known };
}

/** The Azure-AsyncOperation of a create, recover or purge: operationsStatus under the subscription, with the request's api-version (recording). */
function operationUrl(ctx: RequestContext, operation: OperationRecord): string {
  return (
    `${ctx.baseUrl}/subscriptions/${operation.subscriptionId}/providers/Microsoft.AppConfiguration/locations/${encodeURIComponent(operation.location)}` +
    `/operationsStatus/${operation.id}?api-version=${encodeURIComponent(ctx.apiVersion ?? '')}`
  );
}

/** Python's azure-core waits 30 s between polls unless told otherwise (and reads 0 as "not told"): always say when. */
const retryAfter = (operation: OperationRecord, now: number) => String(Math.max(1, retryAfterSeconds(operation, now)));

function startOperation(
  kind: 'configurationStoreCreate' | 'deletedConfigurationStorePurge',
  args: { sub: string; location: string; resourceId: string; initiator: string; now: number; durationMs: number; error?: { code: string; message: string } },
): OperationRecord {
  return {
    id: newGuid(),
    subscriptionId: args.sub.toLowerCase(),
    location: canonicalRegion(args.location) ?? args.location.toLowerCase(),
    kind,
    resourceId: args.resourceId,
    initiatorObjectId: args.initiator,
    startedAt: args.now,
    completesAt: args.now + args.durationMs,
    finalStatus: args.error ? 'Failed' : 'Succeeded',
    error: args.error ?? null,
  };
}

/** The 201 of a create or recover: the store as it will be, `Creating`, and where to follow the operation. */
function accepted(ctx: RequestContext, record: ConfigurationStoreRecord, operation: OperationRecord, now: number) {
  const body = toArmConfigurationStore(record, now);
  body.properties.provisioningState = 'Creating';
  return json(201, body, { 'azure-asyncoperation': operationUrl(ctx, operation), 'retry-after': retryAfter(operation, now) });
}

export const putConfigurationStore: Handler<'sub' | 'rg' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const group = requireResourceGroup(store, sub, params.rg);
  const name = params.name;
  if (!STORE_NAME.test(name)) {
    throw errors.invalidResourceName(name, 'Microsoft.AppConfiguration/configurationStores', 'Store names are 5-50 characters of letters, digits, hyphens and underscores.');
  }
  const body = parseBody(storeBody, ctx.body);
  const now = world.now();
  store.sweepExpiredConfigurationStores(now);
  const existing = store.getConfigurationStore(sub, group.name, name);

  if (body.properties?.createMode === 'Recover') {
    // ⚠️ Unverified: a recover of a store that is already live answers it unchanged, so that a recover retried
    // after its answer was lost succeeds (Key Vault and Cognitive Services do the same here).
    if (existing) return json(200, toArmConfigurationStore(existing, now));
    const deleted = store.findDeletedConfigurationStoreByName(name, now);
    if (!deleted || !sameName(deleted.subscriptionId, sub) || !sameName(deleted.resourceGroup, group.name)) throw errors.configurationStoreNotRecoverable(group.name, name);
    // Recover restores the old store (location, sku, tags, properties); the PUT's own values are ignored.
    const { deletedAt: _deletedAt, purgeAt: _purgeAt, ...old } = deleted;
    const recovered: ConfigurationStoreRecord = { ...old, readyAt: now + world.lroDurationMs };
    const resourceId = configurationStoreId(sub, recovered.resourceGroup, recovered.name);
    const operation = startOperation('configurationStoreCreate', { sub, location: recovered.location, resourceId, initiator: principal.objectId, now, durationMs: world.lroDurationMs });
    store.transaction(() => {
      store.recoverDeletedConfigurationStore(deleted, recovered);
      store.putOperation(operation);
      store.appendEvent({ at: now, kind: 'configurationStoreRecovered', resourceId, principalId: principal.objectId });
    });
    return accepted(ctx, recovered, operation, now);
  }

  const given = givenProperties(body);
  if (existing) {
    if (existing.properties.enablePurgeProtection === true && given.enablePurgeProtection === false) throw errors.configurationStorePurgeProtectionIrreversible();
    const retention = existing.properties.softDeleteRetentionInDays ?? 7;
    if (given.softDeleteRetentionInDays !== undefined && given.softDeleteRetentionInDays !== retention) throw errors.configurationStoreRetentionImmutable();
    const updated: ConfigurationStoreRecord = {
      ...existing,
      sku: skuOf(body.sku?.name) ?? existing.sku,
      tags: body.tags ?? existing.tags,
      properties: { ...existing.properties, ...given },
    };
    store.putConfigurationStore(updated);
    return json(200, toArmConfigurationStore(updated, now));
  }

  if (!body.location) throw errors.locationRequired();
  if (!canonicalRegion(body.location)) throw errors.locationNotAvailable(body.location, 'Microsoft.AppConfiguration/configurationStores', REGION_DISPLAY_NAMES);
  const sku = skuOf(body.sku?.name);
  if (!sku) throw errors.missingProperty('sku');
  const record: ConfigurationStoreRecord = {
    subscriptionId: sub,
    resourceGroup: group.name,
    name,
    location: body.location,
    sku,
    tags: body.tags ?? {},
    properties: { softDeleteRetentionInDays: 7, enablePurgeProtection: false, ...given },
    createdAt: now,
    readyAt: now + world.lroDurationMs,
  };
  // A name held by a live store or a soft-deleted one, in any subscription, is refused through the LRO (contract §3.4).
  const held = store.findDeletedConfigurationStoreByName(name, now) ?? store.findConfigurationStoreByName(name);
  const operation = startOperation('configurationStoreCreate', {
    sub,
    location: record.location,
    resourceId: configurationStoreId(sub, group.name, name),
    initiator: principal.objectId,
    now,
    durationMs: world.lroDurationMs,
    error: held ? errors.configurationStoreNameUnavailable().toBody().error : undefined,
  });
  store.transaction(() => {
    if (!held) store.putConfigurationStore(record);
    store.putOperation(operation);
  });
  return accepted(ctx, record, operation, now);
};

export const getConfigurationStore: Handler<'sub' | 'rg' | 'name'> = ({ params, services }) => {
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  const found = services.store.getConfigurationStore(params.sub, group.name, params.name);
  if (!found) throw errors.resourceNotFound('Microsoft.AppConfiguration/configurationStores', params.name, params.rg);
  return json(200, toArmConfigurationStore(found, services.world.now()));
};

/**
 * Soft delete: 200 with an empty body, which @azure/arm-appconfiguration's beginDelete and az's poller take as
 * done; 204 when there is no such store. ⚠️ Unverified: no recording of a real DELETE was read (the SDK
 * accepts 200/201/202/204).
 */
export const deleteConfigurationStore: Handler<'sub' | 'rg' | 'name'> = ({ params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const group = requireResourceGroup(store, sub, params.rg);
  const now = world.now();
  const result = store.transaction(() => {
    store.sweepExpiredConfigurationStores(now);
    const outcome = store.softDeleteConfigurationStore(sub, group.name, params.name, now);
    if (outcome && outcome !== 'purged') {
      const resourceId = configurationStoreId(sub, outcome.resourceGroup, outcome.name);
      store.appendEvent({ at: now, kind: 'configurationStoreSoftDeleted', resourceId, principalId: principal.objectId });
    }
    return outcome;
  });
  return empty(result ? 200 : 204);
};

export const listConfigurationStoresInGroup: Handler<'sub' | 'rg'> = ({ ctx, params, services }) => {
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  const now = services.world.now();
  return pageOf(ctx, services.store.listConfigurationStores(params.sub, group.name), services.world.listPageSize, (s) => toArmConfigurationStore(s, now));
};

export const listConfigurationStoresInSubscription: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const groups = access.groupsAllowing(params.sub, CONFIGURATION_STORE_ACTIONS.read, `/subscriptions/${params.sub}`);
  const stores = services.store.listConfigurationStores(params.sub).filter((s) => groups === undefined || groups.includes(s.resourceGroup.toLowerCase()));
  const now = services.world.now();
  return pageOf(ctx, stores, services.world.listPageSize, (s) => toArmConfigurationStore(s, now));
};

const isNameCursor = (value: unknown): value is { n: string } => typeof (value as { n?: unknown } | null)?.n === 'string';

/** The subscription's deleted stores, every region, in pages (`nextLink` with `$skiptoken`, as the spec example). */
export const listDeletedConfigurationStores: Handler<'sub'> = ({ ctx, params, services }) => {
  const { store, world } = services;
  const token = readSkipToken(ctx);
  const after = token === undefined ? undefined : decodeSkipToken(token, isNameCursor).n;
  const now = world.now();
  store.sweepExpiredConfigurationStores(now);
  // Deleted lists share one page size (admin PUT /paging deletedAccountsPageSize).
  const pageSize = world.deletedAccountsPageSize;
  const rows = store.listDeletedConfigurationStores({ subscriptionId: params.sub, now, limit: pageSize + 1, after });
  const page = rows.slice(0, pageSize);
  const body: { value: unknown[]; nextLink?: string } = { value: page.map(toArmDeletedConfigurationStore) };
  const last = page[page.length - 1];
  if (rows.length > pageSize && last) body.nextLink = nextLinkFor(ctx, encodeSkipToken({ n: last.name.toLowerCase() }));
  return json(200, body);
};

export const getDeletedConfigurationStore: Handler<'sub' | 'location' | 'name'> = ({ params, services }) => {
  const deleted = services.store.getDeletedConfigurationStore(params.sub, params.location, params.name, services.world.now());
  if (!deleted) throw errors.deletedConfigurationStoreNotFound(params.location, params.name);
  return json(200, toArmDeletedConfigurationStore(deleted));
};

/**
 * Purge: 202, empty body, `Azure-AsyncOperation` to operationsStatus (spec example). The deleted store is gone, and
 * its name free, at once; the operation reports Succeeded after the world's LRO duration. Under purge protection
 * a purge is refused until the scheduled purge date, when the store goes by itself.
 */
export const purgeDeletedConfigurationStore: Handler<'sub' | 'location' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const now = world.now();
  const operation = store.transaction(() => {
    store.sweepExpiredConfigurationStores(now);
    const deleted = store.getDeletedConfigurationStore(sub, params.location, params.name, now);
    if (!deleted) throw errors.deletedConfigurationStoreNotFound(params.location, params.name);
    if (deleted.properties.enablePurgeProtection === true) {
      throw errors.configurationStorePurgeProtected(deleted.name, toArmDeletedConfigurationStore(deleted).properties.scheduledPurgeDate);
    }
    store.purgeDeletedConfigurationStore(sub, params.location, params.name, now);
    const resourceId = deletedConfigurationStoreId(sub, deleted.location, deleted.name);
    const record = startOperation('deletedConfigurationStorePurge', { sub, location: deleted.location, resourceId, initiator: principal.objectId, now, durationMs: world.lroDurationMs });
    store.putOperation(record);
    store.appendEvent({ at: now, kind: 'deletedConfigurationStorePurged', resourceId, principalId: principal.objectId });
    return record;
  });
  return empty(202, { 'azure-asyncoperation': operationUrl(ctx, operation), 'retry-after': retryAfter(operation, now) });
};

/**
 * Polling a create, recover or purge: always 200 `{id, name, status, error}` (recording). A create reports
 * `Creating` while it runs, as App Configuration does; a purge `Running` (⚠️ no purge was recorded). Like ARM's
 * signed status URLs, the caller who started it may always poll it.
 */
export const getOperationStatus: Handler<'sub' | 'location' | 'operation'> = ({ params, services, principal, access }) => {
  const { store, world } = services;
  const operation = store.getOperation(params.operation);
  if (
    !operation ||
    (operation.kind !== 'configurationStoreCreate' && operation.kind !== 'deletedConfigurationStorePurge') ||
    operation.subscriptionId !== params.sub.toLowerCase() ||
    operation.location !== (canonicalRegion(params.location) ?? params.location.toLowerCase())
  ) {
    throw errors.operationNotFound(params.operation);
  }
  if (operation.initiatorObjectId !== principal.objectId) access.require(CONFIGURATION_STORE_ACTIONS.operationRead, `/subscriptions/${params.sub}`);
  const now = world.now();
  const running = now < operation.completesAt;
  const body = {
    id: `/subscriptions/${params.sub}/providers/Microsoft.AppConfiguration/locations/${params.location}/operationsStatus/${operation.id}`,
    name: operation.id,
    status: running ? (operation.kind === 'configurationStoreCreate' ? 'Creating' : 'Running') : operation.finalStatus,
    error: running ? null : operation.error,
  };
  return json(200, body, running ? { 'retry-after': retryAfter(operation, now) } : {});
};
