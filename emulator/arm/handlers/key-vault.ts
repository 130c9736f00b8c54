/**
 * Microsoft.KeyVault/vaults with soft delete as ARM does it (contract §1): DELETE moves a vault to the
 * deleted vaults for its softDeleteRetentionInDays; deleted vaults are listed (per subscription, paged), read
 * and purged (202 + Location, polled on operationResults); PUT with createMode "recover" brings a vault back
 * with its old properties. Vault names are global, live or deleted.
 */
import { z } from 'zod';
import { DEMO_TENANT } from '../../demo-world';
import { errors } from '../errors';
import { empty, json, type ArmResponse, type RequestContext } from '../pipeline';
import { canonicalRegion, REGION_DISPLAY_NAMES } from '../regions';
import { deletedVaultId, toArmDeletedVault, toArmVault, vaultId } from '../representations';
import type { OperationRecord, VaultRecord } from '../store';
import { newGuid } from '../world';
import { decodeSkipToken, encodeSkipToken, nextLinkFor, pageOf, parseBody, readSkipToken, requireResourceGroup, retryAfterSeconds, type Handler } from './common';

export const VAULT_ACTIONS = {
  read: 'Microsoft.KeyVault/vaults/read',
  write: 'Microsoft.KeyVault/vaults/write',
  delete: 'Microsoft.KeyVault/vaults/delete',
  deletedList: 'Microsoft.KeyVault/deletedVaults/read',
  deletedRead: 'Microsoft.KeyVault/locations/deletedVaults/read',
  deletedPurge: 'Microsoft.KeyVault/locations/deletedVaults/purge/action',
  operationRead: 'Microsoft.KeyVault/locations/operationResults/read',
} as const;

const VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

const tags = z.record(z.string().max(512), z.string().max(256)).optional();

const vaultBody = z.object({
  location: z.string().max(100).optional(),
  tags,
  properties: z
    .object({
      tenantId: z.string().max(64).optional(),
      sku: z.object({ family: z.string().max(8), name: z.enum(['standard', 'premium']) }).optional(),
      enableSoftDelete: z.boolean().optional(),
      softDeleteRetentionInDays: z.number().int().min(7).max(90).optional(),
      enablePurgeProtection: z.boolean().optional(),
      enableRbacAuthorization: z.boolean().optional(),
      createMode: z.enum(['recover', 'default']).optional(),
    })
    .optional(),
});

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const putVault: Handler<'sub' | 'rg' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const group = requireResourceGroup(store, sub, params.rg);
  const name = params.name;
  if (!VAULT_NAME.test(name) || name.includes('--')) {
    throw errors.invalidResourceName(name, 'Microsoft.KeyVault/vaults', 'Vault names are 3-24 characters of letters, digits and single hyphens, starting with a letter.');
  }
  const body = parseBody(vaultBody, ctx.body);
  const now = world.now();
  store.sweepExpiredVaults(now);
  const existing = store.getVault(sub, group.name, name);

  if (body.properties?.createMode === 'recover') {
    // ⚠️ Unverified: a recover of a vault that is already live answers it unchanged, so that a recover retried
    // after its answer was lost succeeds (Cognitive Services does the same).
    if (existing) return json(200, toArmVault(existing));
    const deleted = store.findDeletedVaultByName(name, now);
    // A deleted vault of another subscription, or of another resource group, is not one this PUT can recover.
    if (!deleted || !sameName(deleted.subscriptionId, sub) || !sameName(deleted.resourceGroup, group.name)) throw errors.softDeletedVaultDoesNotExist();
    // Recover restores the old properties and ignores the new ones (contract §1.1, azure-rest-api-specs#21306).
    const { deletedAt: _deletedAt, purgeAt: _purgeAt, ...recovered } = deleted;
    store.transaction(() => {
      store.recoverDeletedVault(deleted, recovered);
      store.appendEvent({ at: now, kind: 'vaultRecovered', resourceId: vaultId(sub, recovered.resourceGroup, recovered.name), principalId: principal.objectId });
    });
    return json(200, toArmVault(recovered));
  }

  if (!existing) {
    const deleted = store.findDeletedVaultByName(name, now);
    if (deleted) throw sameName(deleted.subscriptionId, sub) ? errors.vaultNameSoftDeleted() : errors.vaultNameTaken(name);
    if (store.findVaultByName(name)) throw errors.vaultNameTaken(name);
  }
  if (body.properties?.enablePurgeProtection === false) throw errors.purgeProtectionIrreversible();
  const location = body.location ?? existing?.location;
  if (!location) throw errors.locationRequired();
  if (!canonicalRegion(location)) throw errors.locationNotAvailable(location, 'Microsoft.KeyVault/vaults', REGION_DISPLAY_NAMES);
  const { createMode: _createMode, ...given } = body.properties ?? {};
  const record: VaultRecord = {
    subscriptionId: sub,
    resourceGroup: group.name,
    name: existing?.name ?? name,
    location,
    tags: body.tags ?? existing?.tags ?? {},
    properties: {
      tenantId: DEMO_TENANT.id,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: true,
      publicNetworkAccess: 'Enabled',
      ...existing?.properties,
      ...given,
    },
    createdAt: existing?.createdAt ?? now,
  };
  const outcome = store.putVault(record);
  return json(outcome === 'created' ? 201 : 200, toArmVault(record));
};

export const getVault: Handler<'sub' | 'rg' | 'name'> = ({ params, services }) => {
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  const vault = services.store.getVault(params.sub, group.name, params.name);
  if (!vault) throw errors.resourceNotFound('Microsoft.KeyVault/vaults', params.name, params.rg);
  return json(200, toArmVault(vault));
};

/** Soft delete: 200 with an empty body (recording); 204 when there is no such vault (azure-cli#2369). */
export const deleteVault: Handler<'sub' | 'rg' | 'name'> = ({ params, services, principal }) => {
  const { store, world } = services;
  const group = requireResourceGroup(store, params.sub, params.rg);
  const now = world.now();
  const deleted = store.transaction(() => {
    store.sweepExpiredVaults(now);
    const result = store.softDeleteVault(params.sub, group.name, params.name, now);
    if (result) {
      store.appendEvent({ at: now, kind: 'vaultSoftDeleted', resourceId: vaultId(params.sub, result.resourceGroup, result.name), principalId: principal.objectId });
    }
    return result;
  });
  return empty(deleted ? 200 : 204);
};

export const listVaultsInGroup: Handler<'sub' | 'rg'> = ({ ctx, params, services }) => {
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  return pageOf(ctx, services.store.listVaults(params.sub, group.name), services.world.listPageSize, toArmVault);
};

export const listVaultsInSubscription: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const groups = access.groupsAllowing(params.sub, VAULT_ACTIONS.read, `/subscriptions/${params.sub}`);
  const vaults = services.store.listVaults(params.sub).filter((v) => groups === undefined || groups.includes(v.resourceGroup.toLowerCase()));
  return pageOf(ctx, vaults, services.world.listPageSize, toArmVault);
};

const isNameCursor = (value: unknown): value is { n: string } => typeof (value as { n?: unknown } | null)?.n === 'string';

/**
 * The subscription's deleted vaults, every region, in pages (`nextLink` with `$skiptoken`). A caller without
 * `deletedVaults/read` at the subscription gets 200 with an empty list, not 403 (contract §1.4, azure-cli#14091).
 */
export const listDeletedVaults: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const { store, world } = services;
  const sub = params.sub;
  if (!access.allows(VAULT_ACTIONS.deletedList, `/subscriptions/${sub}`)) return json(200, { value: [] });
  const token = readSkipToken(ctx);
  const after = token === undefined ? undefined : decodeSkipToken(token, isNameCursor).n;
  const now = world.now();
  store.sweepExpiredVaults(now);
  // Deleted lists share one page size (admin PUT /paging deletedAccountsPageSize).
  const pageSize = world.deletedAccountsPageSize;
  const rows = store.listDeletedVaults({ subscriptionId: sub, now, limit: pageSize + 1, after });
  const page = rows.slice(0, pageSize);
  const body: { value: unknown[]; nextLink?: string } = { value: page.map(toArmDeletedVault) };
  const last = page[page.length - 1];
  if (rows.length > pageSize && last) body.nextLink = nextLinkFor(ctx, encodeSkipToken({ n: last.name.toLowerCase() }));
  return json(200, body);
};

export const getDeletedVault: Handler<'sub' | 'location' | 'name'> = ({ params, services }) => {
  const now = services.world.now();
  const deleted = services.store.getDeletedVault(params.sub, params.location, params.name, now);
  if (!deleted) throw errors.deletedVaultNotFound(params.location, params.name);
  return json(200, toArmDeletedVault(deleted));
};

/** The Location of a purge: Key Vault's operationResults, with the request's api-version (recording). */
function operationUrl(ctx: RequestContext, operation: OperationRecord): string {
  const location = encodeURIComponent(canonicalRegion(operation.location) ?? operation.location);
  return `${ctx.baseUrl}/subscriptions/${operation.subscriptionId}/providers/Microsoft.KeyVault/locations/${location}/operationResults/${operation.id}?api-version=${encodeURIComponent(ctx.apiVersion ?? '')}`;
}

/** Python's azure-core waits 30 s between polls unless told otherwise: always say when to look again. */
const retryAfter = (operation: OperationRecord, now: number) => String(Math.max(1, retryAfterSeconds(operation, now)));

/**
 * Purge: 202, empty body, `Location` to the operation (recording). The deleted vault is gone, and its name
 * free, at once; the operation reports Succeeded after the world's LRO duration. Under purge protection a
 * purge is refused until the scheduled purge date, when the vault goes by itself.
 */
export const purgeDeletedVault: Handler<'sub' | 'location' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const now = world.now();
  const operation = store.transaction(() => {
    store.sweepExpiredVaults(now);
    const deleted = store.getDeletedVault(sub, params.location, params.name, now);
    if (!deleted) throw errors.deletedVaultNotFound(params.location, params.name);
    if (deleted.properties.enablePurgeProtection === true) throw errors.deletedVaultPurgeNotAllowed();
    store.purgeDeletedVault(sub, params.location, params.name, now);
    const record: OperationRecord = {
      id: newGuid(),
      subscriptionId: sub.toLowerCase(),
      location: canonicalRegion(deleted.location) ?? deleted.location,
      kind: 'deletedVaultPurge',
      resourceId: deletedVaultId(sub, deleted.location, deleted.name),
      initiatorObjectId: principal.objectId,
      startedAt: now,
      completesAt: now + world.lroDurationMs,
      finalStatus: 'Succeeded',
      error: null,
    };
    store.putOperation(record);
    store.appendEvent({ at: now, kind: 'deletedVaultPurged', resourceId: record.resourceId, principalId: principal.objectId });
    return record;
  });
  return empty(202, { location: operationUrl(ctx, operation), 'retry-after': retryAfter(operation, now) });
};

/** `2022-04-07 07:21:31Z`, as Key Vault's operation results write times (recording). */
const operationTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');

/**
 * Polling a purge: 202 while it runs, then 200 with `{createdDateTime, lastActionDateTime, status}` (recording).
 * Like ARM's signed status URLs, the caller who started it may always poll it.
 */
export const getOperationResult: Handler<'sub' | 'location' | 'operation'> = ({ ctx, params, services, principal, access }): ArmResponse => {
  const { store, world } = services;
  const operation = store.getOperation(params.operation);
  if (
    !operation ||
    operation.kind !== 'deletedVaultPurge' ||
    operation.subscriptionId !== params.sub.toLowerCase() ||
    canonicalRegion(operation.location) !== canonicalRegion(params.location)
  ) {
    throw errors.operationNotFound(params.operation);
  }
  if (operation.initiatorObjectId !== principal.objectId) access.require(VAULT_ACTIONS.operationRead, `/subscriptions/${params.sub}`);
  const now = world.now();
  if (now < operation.completesAt) {
    return empty(202, { location: new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl).toString(), 'retry-after': retryAfter(operation, now) });
  }
  return json(200, {
    createdDateTime: operationTime(operation.startedAt),
    lastActionDateTime: operationTime(operation.completesAt),
    status: operation.finalStatus,
  });
};

/**
 * The emulator models no managed HSMs: their deleted list is empty. `az keyvault list-deleted` asks for it
 * after the deleted vaults.
 */
export const listDeletedManagedHsms: Handler = () => json(200, { value: [] });
