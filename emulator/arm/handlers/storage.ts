/**
 * Microsoft.Storage/storageAccounts with soft delete (contract §2): put / get / list / delete, where delete
 * keeps the account 14 days as a deleted account; deletedAccounts list and get; restore by a PUT whose
 * `properties.deletedAccountCreationTime` names the deleted account, run as a long-running operation with a
 * storage-style `Location` (…/locations/{loc}/asyncoperations/{id}?monitor=true).
 */
import { z } from 'zod';
import { errors } from '../errors';
import { empty, json, type RequestContext } from '../pipeline';
import { canonicalRegion, REGION_DISPLAY_NAMES } from '../regions';
import { storageAccountId, toArmDeletedStorageAccount, toArmStorageAccount } from '../representations';
import type { DeletedStorageAccountRecord, OperationRecord, ResourceGroupRecord, StorageAccountRecord } from '../store';
import { newGuid, STORAGE_RETENTION_MS } from '../world';
import {
  decodeSkipToken,
  encodeSkipToken,
  nextLinkFor,
  pageOf,
  parseBody,
  readSkipToken,
  requireResourceGroup,
  retryAfterSeconds,
  type Handler,
  type HandlerArgs,
} from './common';

export const STORAGE_ACTIONS = {
  accountRead: 'Microsoft.Storage/storageAccounts/read',
  accountWrite: 'Microsoft.Storage/storageAccounts/write',
  accountDelete: 'Microsoft.Storage/storageAccounts/delete',
  // Listing and reading deleted accounts, at the subscription (docs). Storage Account Contributor has
  // Microsoft.Storage/storageAccounts/* but not this action: it can restore but not list deleted accounts.
  deletedRead: 'Microsoft.Storage/deletedAccounts/read',
  operationRead: 'Microsoft.Storage/locations/asyncoperations/read',
} as const;

const STORAGE_NAME = /^[a-z0-9]{3,24}$/;

const storageBody = z.object({
  location: z.string().max(100).optional(),
  kind: z.enum(['StorageV2', 'Storage', 'BlobStorage', 'BlockBlobStorage', 'FileStorage']).optional(),
  sku: z.object({ name: z.string().min(1).max(32) }).optional(),
  tags: z.record(z.string().max(512), z.string().max(256)).optional(),
  properties: z
    .object({
      accessTier: z.enum(['Hot', 'Cool', 'Cold', 'Premium']).optional(),
      minimumTlsVersion: z.string().max(16).optional(),
      allowBlobPublicAccess: z.boolean().optional(),
      supportsHttpsTrafficOnly: z.boolean().optional(),
      /** Restore: the deleted account's creationTime (contract §2.3, ⚠️ the best lead, not documented). */
      deletedAccountCreationTime: z.string().max(64).optional(),
    })
    .optional(),
});

type StorageBody = z.infer<typeof storageBody>;

const region = (location: string) => canonicalRegion(location) ?? location.toLowerCase();

/** PUT: restore when the body carries `deletedAccountCreationTime`, else create or update. */
export const putStorageAccount: Handler<'sub' | 'rg' | 'name'> = (args) => {
  const { ctx, params, services } = args;
  const { store, world } = services;
  const group = requireResourceGroup(store, params.sub, params.rg);
  const name = params.name;
  if (!STORAGE_NAME.test(name)) {
    throw errors.invalidResourceName(
      name,
      'Microsoft.Storage/storageAccounts',
      'Storage account names must be between 3 and 24 characters in length and use numbers and lower-case letters only.',
    );
  }
  const body = parseBody(storageBody, ctx.body);
  const creationTime = body.properties?.deletedAccountCreationTime;
  if (creationTime !== undefined) return restoreStorageAccount(args, group, body, creationTime);

  const existing = store.getStorageAccount(params.sub, group.name, name);
  if (!existing && store.findStorageAccountByName(name)) throw errors.storageNameTaken(name);
  const location = body.location ?? existing?.location;
  if (!location) throw errors.locationRequired();
  if (!canonicalRegion(location)) throw errors.locationNotAvailable(location, 'Microsoft.Storage/storageAccounts', REGION_DISPLAY_NAMES);
  const skuName = body.sku?.name ?? existing?.sku.name;
  if (!skuName) throw errors.missingProperty('sku');
  const now = world.now();
  const record: StorageAccountRecord = {
    subscriptionId: params.sub,
    resourceGroup: group.name,
    name,
    location,
    kind: body.kind ?? existing?.kind ?? 'StorageV2',
    sku: { name: skuName, tier: skuName.startsWith('Premium') ? 'Premium' : 'Standard' },
    tags: body.tags ?? existing?.tags ?? {},
    properties: { accessTier: 'Hot', minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true, ...existing?.properties, ...body.properties },
    createdAt: existing?.createdAt ?? now,
    ...(existing?.readyAt !== undefined ? { readyAt: existing.readyAt } : {}),
  };
  // A new account whose name is soft-deleted forfeits that deleted account (store.putStorageAccount).
  store.putStorageAccount(record);
  return json(200, toArmStorageAccount(record, now));
};

/**
 * Restore (⚠️ inferred, contract §2.3): the deleted account of this name, location and creation time in this
 * subscription and resource group goes back to the live accounts with its old kind, sku and properties.
 * 202 + Location; the account reads `Creating` until the world's LRO duration has passed.
 */
function restoreStorageAccount({ ctx, params, services, principal }: HandlerArgs<'sub' | 'rg' | 'name'>, group: ResourceGroupRecord, body: StorageBody, creationTime: string) {
  const { store, world } = services;
  const sub = params.sub;
  const name = params.name;
  const created = Date.parse(creationTime);
  if (Number.isNaN(created)) {
    throw errors.invalidRequestContent(`The value '${creationTime}' of 'properties.deletedAccountCreationTime' is not a valid date-time.`);
  }
  if (!body.location) throw errors.locationRequired();
  const now = world.now();
  store.sweepExpiredStorageAccounts(now);

  const live = store.getStorageAccount(sub, group.name, name);
  // A repeated restore (a retry after a lost answer) finds the account it already restored.
  if (live && live.createdAt === created) return json(200, toArmStorageAccount(live, now));

  const deleted = store.findDeletedStorageAccount(sub, name, now);
  const restorable =
    deleted !== undefined &&
    !store.findStorageAccountByName(name) &&
    deleted.resourceGroup.toLowerCase() === group.name.toLowerCase() &&
    region(deleted.location) === region(body.location) &&
    deleted.createdAt === created;
  if (!restorable) throw errors.storageAccountNotRecoverable(name, creationTime, body.location);

  const operation: OperationRecord = {
    id: newGuid(),
    subscriptionId: sub.toLowerCase(),
    location: region(deleted.location),
    kind: 'storageAccountRestore',
    resourceId: storageAccountId(sub, deleted.resourceGroup, deleted.name),
    initiatorObjectId: principal.objectId,
    startedAt: now,
    completesAt: now + world.lroDurationMs,
    finalStatus: 'Succeeded',
    error: null,
  };
  const { deletedAt: _deletedAt, purgeAt: _purgeAt, ...original } = deleted;
  const restored: StorageAccountRecord = { ...original, readyAt: operation.completesAt };
  store.transaction(() => {
    store.restoreDeletedStorageAccount(deleted, restored);
    store.putOperation(operation);
    store.appendEvent({ at: now, kind: 'storageAccountRestored', resourceId: operation.resourceId, principalId: principal.objectId });
  });
  const headers: Record<string, string> = { location: asyncOperationUrl(ctx, operation) };
  const wait = retryAfterSeconds(operation, now);
  if (wait > 0) headers['retry-after'] = String(wait);
  return empty(202, headers);
}

/** Storage's status URL (recording): `…/providers/Microsoft.Storage/locations/{loc}/asyncoperations/{id}?monitor=true&api-version=…`. */
function asyncOperationUrl(ctx: RequestContext, operation: OperationRecord): string {
  const path = `/subscriptions/${operation.subscriptionId}/providers/Microsoft.Storage/locations/${encodeURIComponent(operation.location)}/asyncoperations/${operation.id}`;
  return `${ctx.baseUrl}${path}?monitor=true&api-version=${encodeURIComponent(ctx.apiVersion ?? '')}`;
}

/**
 * Polling a restore: 202 with Location and Retry-After while it runs, then 200 with the restored account.
 * The principal who started it may always poll (like ARM's signed URLs); others need the read action.
 */
export const getAsyncOperation: Handler<'sub' | 'location' | 'operation'> = ({ ctx, params, services, principal, access }) => {
  const { store, world } = services;
  const operation = store.getOperation(params.operation);
  if (
    !operation ||
    operation.kind !== 'storageAccountRestore' ||
    operation.subscriptionId !== params.sub.toLowerCase() ||
    region(operation.location) !== region(params.location)
  ) {
    throw errors.operationNotFound(params.operation);
  }
  if (operation.initiatorObjectId !== principal.objectId) access.require(STORAGE_ACTIONS.operationRead, `/subscriptions/${params.sub}`);
  const now = world.now();
  if (now < operation.completesAt) {
    return empty(202, {
      location: new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl).toString(),
      'retry-after': String(Math.max(1, retryAfterSeconds(operation, now))),
    });
  }
  const match = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)$/i.exec(operation.resourceId);
  const account = match ? store.getStorageAccount(operation.subscriptionId, match[1]!, match[2]!) : undefined;
  return account ? json(200, toArmStorageAccount(account, now)) : empty(204);
};

export const getStorageAccount: Handler<'sub' | 'rg' | 'name'> = ({ params, services }) => {
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  const account = services.store.getStorageAccount(params.sub, group.name, params.name);
  if (!account) throw errors.resourceNotFound('Microsoft.Storage/storageAccounts', params.name, params.rg);
  return json(200, toArmStorageAccount(account, services.world.now()));
};

/** Soft delete, kept 14 days: 200 (204 when there is no such account), as before soft delete. */
export const deleteStorageAccount: Handler<'sub' | 'rg' | 'name'> = ({ params, services, principal }) => {
  const { store, world } = services;
  const group = requireResourceGroup(store, params.sub, params.rg);
  const now = world.now();
  const deleted = store.transaction(() => {
    const result = store.softDeleteStorageAccount(params.sub, group.name, params.name, now, STORAGE_RETENTION_MS);
    if (result) {
      const resourceId = storageAccountId(params.sub, result.resourceGroup, result.name);
      store.appendEvent({ at: now, kind: 'storageAccountSoftDeleted', resourceId, principalId: principal.objectId });
    }
    return result;
  });
  return empty(deleted ? 200 : 204);
};

export const listStorageInGroup: Handler<'sub' | 'rg'> = ({ ctx, params, services }) => {
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  const now = services.world.now();
  return pageOf(ctx, services.store.listStorageAccounts(params.sub, group.name), services.world.listPageSize, (a) => toArmStorageAccount(a, now));
};

export const listStorageInSubscription: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const groups = access.groupsAllowing(params.sub, STORAGE_ACTIONS.accountRead, `/subscriptions/${params.sub}`);
  const accounts = services.store
    .listStorageAccounts(params.sub)
    .filter((a) => groups === undefined || groups.includes(a.resourceGroup.toLowerCase()));
  const now = services.world.now();
  return pageOf(ctx, accounts, services.world.listPageSize, (a) => toArmStorageAccount(a, now));
};

const isNameCursor = (value: unknown): value is { n: string } => typeof (value as { n?: unknown } | null)?.n === 'string';

/** The subscription's deleted storage accounts, every region, in pages with an opaque `$skiptoken`. */
export const listDeletedStorageAccounts: Handler<'sub'> = ({ ctx, params, services }) => {
  const { store, world } = services;
  const token = readSkipToken(ctx);
  const after = token === undefined ? undefined : decodeSkipToken(token, isNameCursor).n;
  const now = world.now();
  store.sweepExpiredStorageAccounts(now);
  const pageSize = world.deletedAccountsPageSize;
  const rows: DeletedStorageAccountRecord[] = store.listDeletedStorageAccounts({ subscriptionId: params.sub, now, limit: pageSize + 1, after });
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const body: { value: unknown[]; nextLink?: string } = { value: page.map(toArmDeletedStorageAccount) };
  if (rows.length > pageSize && last) body.nextLink = nextLinkFor(ctx, encodeSkipToken({ n: last.name.toLowerCase() }));
  return json(200, body);
};

export const getDeletedStorageAccount: Handler<'sub' | 'location' | 'name'> = ({ params, services }) => {
  const now = services.world.now();
  services.store.sweepExpiredStorageAccounts(now);
  const deleted = services.store.getDeletedStorageAccount(params.sub, params.location, params.name, now);
  if (!deleted) throw errors.deletedStorageAccountNotFound(params.location, params.name);
  return json(200, toArmDeletedStorageAccount(deleted));
};
