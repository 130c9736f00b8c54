/**
 * Microsoft.CognitiveServices: accounts (create as a long-running operation, get, list, soft delete),
 * recover, deleted accounts (list across regions with paging, get, purge), operation status documents and
 * checkDomainAvailability. Behaviour per the contract and the Azure CLI's recorded soft-delete session.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { errors } from '../errors';
import { empty, json, type RequestContext } from '../pipeline';
import { canonicalRegion, REGION_DISPLAY_NAMES } from '../regions';
import {
  accountId,
  deletedAccountId,
  operationPath,
  operationStatus,
  toArmAccount,
  toArmDeletedAccount,
  toArmOperationStatus,
} from '../representations';
import type { AccountRecord, ArmStore, DeletedAccountCursor, DeletedAccountRecord, OperationRecord } from '../store';
import { armTimestamp, newEtag, newGuid, RETENTION_MS } from '../world';
import {
  decodeSkipToken,
  encodeSkipToken,
  nextLinkFor,
  pageOf,
  parseBody,
  readSkipToken,
  requireResourceGroup,
  retryAfterSeconds,
  systemDataFor,
  type Handler,
  type HandlerArgs,
} from './common';

export const ACTIONS = {
  accountRead: 'Microsoft.CognitiveServices/accounts/read',
  accountWrite: 'Microsoft.CognitiveServices/accounts/write',
  accountDelete: 'Microsoft.CognitiveServices/accounts/delete',
  deletedList: 'Microsoft.CognitiveServices/deletedAccounts/read',
  deletedRead: 'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/read',
  deletedPurge: 'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete',
  operationRead: 'Microsoft.CognitiveServices/locations/operationResults/read',
  checkDomain: 'Microsoft.CognitiveServices/checkDomainAvailability/action',
} as const;

/** The api-version ARM stamps on operation status URLs it hands out (recording). */
const OPERATION_API_VERSION = '2017-04-18';

const ACCOUNT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const SUBDOMAIN = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?$/;

export function validateAccountName(name: string): void {
  if (name.length < 2 || name.length > 64 || !ACCOUNT_NAME.test(name)) {
    throw errors.invalidResourceName(
      name,
      'Microsoft.CognitiveServices/accounts',
      "The name must be 2 to 64 characters, start with a letter or digit, and contain only letters, digits, '_', '.' and '-'.",
    );
  }
}

const accountBody = z.object({
  location: z.string().max(100).optional(),
  kind: z.string().min(1).max(64).optional(),
  sku: z.object({ name: z.string().min(1).max(32), tier: z.string().max(32).optional() }).optional(),
  tags: z.record(z.string().max(512), z.string().max(256)).optional(),
  identity: z
    .object({
      type: z.enum(['None', 'SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned']),
      userAssignedIdentities: z.record(z.string().max(512), z.object({}).loose()).optional(),
    })
    .optional(),
  properties: z
    .object({
      restore: z.boolean().optional(),
      customSubDomainName: z.string().max(64).optional(),
      publicNetworkAccess: z.enum(['Enabled', 'Disabled']).optional(),
      disableLocalAuth: z.boolean().optional(),
      encryption: z
        .object({
          keySource: z.enum(['Microsoft.KeyVault', 'Microsoft.CognitiveServices']),
          keyVaultProperties: z
            .object({
              keyVaultUri: z.string().max(256).optional(),
              keyName: z.string().max(256).optional(),
              keyVersion: z.string().max(256).optional(),
              identityClientId: z.string().max(64).optional(),
            })
            .optional(),
        })
        .optional(),
      userOwnedStorage: z
        .array(z.object({ resourceId: z.string().max(512), identityClientId: z.string().max(64).optional() }))
        .max(10)
        .optional(),
      networkAcls: z.object({ defaultAction: z.enum(['Allow', 'Deny']) }).loose().optional(),
    })
    .optional(),
});

type AccountProperties = NonNullable<z.infer<typeof accountBody>['properties']>;

/** `https://{name}.vault.azure.net/...` → vault name. */
function vaultNameFromUri(uri: string): string | undefined {
  try {
    const host = new URL(uri).hostname.toLowerCase();
    const match = /^([a-z0-9-]{3,24})\.vault\.azure\.net$/.exec(host);
    return match?.[1];
  } catch {
    return undefined;
  }
}

/** `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{name}` → parts. */
function parseStorageId(id: string): { sub: string; rg: string; name: string } | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)$/i.exec(id);
  return match ? { sub: match[1]!, rg: match[2]!, name: match[3]! } : undefined;
}

/** The recover prerequisites the docs list after the resource group: the CMK Key Vault and the user-owned storage. */
function requireDependencies(store: ArmStore, name: string, properties: Record<string, unknown>): void {
  const encryption = properties.encryption as AccountProperties['encryption'] | undefined;
  const keyVaultUri = encryption?.keySource === 'Microsoft.KeyVault' ? encryption.keyVaultProperties?.keyVaultUri : undefined;
  if (keyVaultUri) {
    const vaultName = vaultNameFromUri(keyVaultUri);
    if (!vaultName || !store.findVaultByName(vaultName)) throw errors.keyVaultNotFoundForRestore(name, keyVaultUri);
  }
  const storage = (properties.userOwnedStorage as AccountProperties['userOwnedStorage'] | undefined) ?? [];
  for (const { resourceId } of storage) {
    const parts = parseStorageId(resourceId);
    if (!parts || !store.getStorageAccount(parts.sub, parts.rg, parts.name)) throw errors.userOwnedStorageNotFound(name, resourceId);
  }
}

function endpointFor(subdomain: string | null, location: string): string {
  return subdomain
    ? `https://${subdomain.toLowerCase()}.cognitiveservices.azure.com/`
    : `https://${canonicalRegion(location) ?? location.toLowerCase()}.api.cognitive.microsoft.com/`;
}

function lroOperation(args: { sub: string; location: string; kind: OperationRecord['kind']; resourceId: string; initiator: string; now: number; durationMs: number }): OperationRecord {
  return {
    id: newGuid(),
    subscriptionId: args.sub.toLowerCase(),
    location: args.location,
    kind: args.kind,
    resourceId: args.resourceId,
    initiatorObjectId: args.initiator,
    startedAt: args.now,
    completesAt: args.now + args.durationMs,
    finalStatus: 'Succeeded',
    error: null,
  };
}

function asyncOperationUrl(ctx: RequestContext, operation: OperationRecord): string {
  // A location may be a display name ('East US'): encode it so the URL stays valid.
  const path = operationPath({ ...operation, location: encodeURIComponent(operation.location) });
  return `${ctx.baseUrl}${path}?api-version=${OPERATION_API_VERSION}`;
}

export const getAccount: Handler<'sub' | 'rg' | 'name'> = ({ params, services }) => {
  const { store, world } = services;
  requireResourceGroup(store, params.sub, params.rg);
  const account = store.getAccount(params.sub, params.rg, params.name);
  if (!account) throw errors.resourceNotFound('Microsoft.CognitiveServices/accounts', params.name, params.rg);
  return json(200, toArmAccount(account, world.now()));
};

export const listAccountsInGroup: Handler<'sub' | 'rg'> = ({ ctx, params, services }) => {
  const { store, world } = services;
  requireResourceGroup(store, params.sub, params.rg);
  const now = world.now();
  return pageOf(ctx, store.listAccountsInGroup(params.sub, params.rg), world.listPageSize, (a) => toArmAccount(a, now));
};

export const listAccountsInSubscription: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const { store, world } = services;
  const sub = params.sub;
  const groups = access.groupsAllowing(sub, ACTIONS.accountRead, `/subscriptions/${sub}`);
  const now = world.now();
  return pageOf(ctx, store.listAccountsInSubscription(sub, groups), world.listPageSize, (a) => toArmAccount(a, now));
};

/** PUT account: create (LRO), update, or — with properties.restore — recover a soft-deleted account. */
export const putAccount: Handler<'sub' | 'rg' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const sub = params.sub;
  const name = params.name;
  const body = parseBody(accountBody, ctx.body);
  const group = requireResourceGroup(store, sub, params.rg);
  const now = world.now();
  store.sweepExpired(now);

  if (body.properties?.restore === true) {
    const live = store.getAccount(sub, group.name, name);
    if (live) return json(200, toArmAccount(live, now));
    const deleted = store.findDeletedAccount(sub, group.name, name, now);
    if (!deleted) throw errors.nothingToRestore(sub, group.name, name);
    requireDependencies(store, deleted.name, deleted.properties);
    const { deletedAt: _deletedAt, purgeAt: _purgeAt, ...original } = deleted;
    const restored: AccountRecord = {
      ...original,
      etag: newEtag(),
      readyAt: now,
      systemData: { ...deleted.systemData, lastModifiedBy: principal.displayName, lastModifiedByType: principal.type === 'Application' ? 'Application' : 'User', lastModifiedAt: armTimestamp(now) },
    };
    store.transaction(() => {
      store.restoreDeletedAccount(deleted, restored);
      store.appendEvent({ at: now, kind: 'accountRecovered', resourceId: accountId(sub, restored.resourceGroup, restored.name), principalId: principal.objectId });
    });
    return json(201, toArmAccount(restored, now));
  }

  const deleted = store.findDeletedAccount(sub, group.name, name, now);
  if (deleted) throw errors.flagMustBeSetForRestore(sub, deleted.resourceGroup, deleted.name);

  const existing = store.getAccount(sub, group.name, name);
  if (existing) return updateAccount(existing, body, store, now, principal.displayName);

  validateAccountName(name);
  if (!body.location) throw errors.locationRequired();
  if (!canonicalRegion(body.location)) throw errors.locationNotAvailable(body.location, 'Microsoft.CognitiveServices/accounts', REGION_DISPLAY_NAMES);
  if (!body.kind) throw errors.missingProperty('kind');
  if (!body.sku) throw errors.missingProperty('sku');
  const properties = body.properties ?? {};
  const subdomain = properties.customSubDomainName ?? null;
  if (subdomain !== null) {
    if (!SUBDOMAIN.test(subdomain)) throw errors.invalidSubdomainName(subdomain);
    if (store.subdomainOwner(subdomain, now)) throw errors.customDomainInUse(subdomain);
  }
  const { restore: _restore, ...given } = properties;
  requireDependencies(store, name, given);

  const operation = lroOperation({
    sub,
    location: body.location,
    kind: 'accountCreate',
    resourceId: accountId(sub, group.name, name),
    initiator: principal.objectId,
    now,
    durationMs: world.lroDurationMs,
  });
  const account: AccountRecord = {
    subscriptionId: sub,
    resourceGroup: group.name,
    name,
    location: body.location,
    kind: body.kind,
    sku: body.sku,
    tags: body.tags ?? {},
    ...(body.identity ? { identity: body.identity } : {}),
    properties: {
      endpoint: endpointFor(subdomain, body.location),
      internalId: crypto.randomBytes(16).toString('hex'),
      dateCreated: armTimestamp(now),
      ...(subdomain ? { customSubDomainName: subdomain } : {}),
      publicNetworkAccess: given.publicNetworkAccess ?? 'Enabled',
      ...(given.disableLocalAuth !== undefined ? { disableLocalAuth: given.disableLocalAuth } : {}),
      ...(given.networkAcls ? { networkAcls: given.networkAcls } : {}),
      ...(given.encryption ? { encryption: given.encryption } : {}),
      ...(given.userOwnedStorage ? { userOwnedStorage: given.userOwnedStorage } : {}),
    },
    systemData: systemDataFor(principal, now),
    etag: newEtag(),
    customSubDomainName: subdomain,
    createdAt: now,
    readyAt: operation.completesAt,
  };
  store.transaction(() => {
    store.putAccount(account);
    store.putOperation(operation);
    store.appendEvent({ at: now, kind: 'accountCreated', resourceId: operation.resourceId, principalId: principal.objectId });
  });
  return json(201, toArmAccount(account, now), { 'azure-asyncoperation': asyncOperationUrl(ctx, operation) });
};

function updateAccount(
  existing: AccountRecord,
  body: z.infer<typeof accountBody>,
  store: ArmStore,
  now: number,
  modifiedBy: string,
) {
  const given = body.properties ?? {};
  if (given.customSubDomainName !== undefined && given.customSubDomainName.toLowerCase() !== (existing.customSubDomainName ?? '').toLowerCase()) {
    if (existing.customSubDomainName) {
      throw errors.invalidRequestContent('The custom subdomain name of an account cannot be changed once set.');
    }
    if (!SUBDOMAIN.test(given.customSubDomainName)) throw errors.invalidSubdomainName(given.customSubDomainName);
    if (store.subdomainOwner(given.customSubDomainName, now)) throw errors.customDomainInUse(given.customSubDomainName);
  }
  if (body.kind && body.kind.toLowerCase() !== existing.kind.toLowerCase()) {
    throw errors.invalidRequestContent(`The kind of an account cannot be changed (current '${existing.kind}', requested '${body.kind}').`);
  }
  const { restore: _restore, ...changes } = given;
  requireDependencies(store, existing.name, { ...existing.properties, ...changes });
  const subdomain = existing.customSubDomainName ?? given.customSubDomainName ?? null;
  const updated: AccountRecord = {
    ...existing,
    sku: body.sku ?? existing.sku,
    tags: body.tags ?? existing.tags,
    ...(body.identity ?? existing.identity ? { identity: body.identity ?? existing.identity } : {}),
    customSubDomainName: subdomain,
    properties: { ...existing.properties, ...changes, ...(subdomain ? { customSubDomainName: subdomain, endpoint: endpointFor(subdomain, existing.location) } : {}) },
    etag: newEtag(),
    systemData: { ...existing.systemData, lastModifiedBy: modifiedBy, lastModifiedAt: armTimestamp(now) },
  };
  store.transaction(() => {
    store.putAccount(updated);
    store.appendEvent({ at: now, kind: 'accountUpdated', resourceId: accountId(updated.subscriptionId, updated.resourceGroup, updated.name), principalId: '' });
  });
  return json(200, toArmAccount(updated, now));
}

/** Soft delete: 200 with an empty body (recording); 204 when there is no such account. */
export const deleteAccount: Handler<'sub' | 'rg' | 'name'> = ({ params, services, principal }) => {
  const { store, world } = services;
  const group = requireResourceGroup(store, params.sub, params.rg);
  const now = world.now();
  const deleted = store.transaction(() => {
    const result = store.softDeleteAccount(params.sub, group.name, params.name, now, RETENTION_MS);
    if (result) {
      store.appendEvent({ at: now, kind: 'accountSoftDeleted', resourceId: accountId(params.sub, result.resourceGroup, result.name), principalId: principal.objectId });
    }
    return result;
  });
  return empty(deleted ? 200 : 204);
};

function isCursor(value: unknown): value is DeletedAccountCursor {
  const v = value as Partial<DeletedAccountCursor> | null;
  return typeof v?.rg === 'string' && typeof v.name === 'string';
}

/** All deleted accounts of the subscription, every region, in pages with an opaque `$skiptoken`. */
export const listDeletedAccounts: Handler<'sub'> = ({ ctx, params, services, access }) => {
  const { store, world } = services;
  const sub = params.sub;
  const groups = access.groupsAllowing(sub, ACTIONS.deletedList, `/subscriptions/${sub}/providers/Microsoft.CognitiveServices/deletedAccounts`);
  const token = readSkipToken(ctx);
  const after = token === undefined ? undefined : decodeSkipToken(token, isCursor);
  const now = world.now();
  store.sweepExpired(now);
  const pageSize = world.deletedAccountsPageSize;
  // The accounts' ARM JSON is stored with them: a page is joined, not rendered (`npm run bench` row 8).
  const rows = store.listDeletedAccountBodies({ subscriptionId: sub, now, limit: pageSize + 1, after, groups });
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const nextLink = rows.length > pageSize && last ? nextLinkFor(ctx, encodeSkipToken(last.cursor)) : undefined;
  const tail = nextLink === undefined ? '' : `,"nextLink":${JSON.stringify(nextLink)}`;
  return { status: 200, json: `{"value":[${page.map((row) => row.body).join(',')}]${tail}}` };
};

/** Reads of one deleted account: granted at the subscription, or on the account's resource group. */
function requireDeletedRead(args: HandlerArgs<'sub' | 'location' | 'rg' | 'name'>): void {
  const { params, access } = args;
  const scope = deletedAccountId(params.sub, params.location, params.rg, params.name);
  if (access.allows(ACTIONS.deletedRead, `/subscriptions/${params.sub}/resourceGroups/${params.rg}`)) return;
  access.require(ACTIONS.deletedRead, scope);
}

export const getDeletedAccount: Handler<'sub' | 'location' | 'rg' | 'name'> = (args) => {
  requireDeletedRead(args);
  const { params, services } = args;
  const now = services.world.now();
  services.store.sweepExpired(now);
  const deleted = services.store.getDeletedAccount(params.sub, params.location, params.rg, params.name, now);
  if (!deleted) throw errors.deletedAccountNotFound(params.location, params.rg, params.name);
  return json(200, toArmDeletedAccount(deleted));
};

/**
 * Purge: 202 with Azure-AsyncOperation and Location and no Retry-After (recording: the clients poll at their
 * own pace); 204 when there is nothing to purge.
 */
export const purgeDeletedAccount: Handler<'sub' | 'location' | 'rg' | 'name'> = ({ ctx, params, services, principal }) => {
  const { store, world } = services;
  const now = world.now();
  let operation: OperationRecord | undefined;
  store.transaction(() => {
    store.sweepExpired(now);
    const purged: DeletedAccountRecord | undefined = store.purgeDeletedAccount(params.sub, params.location, params.rg, params.name, now);
    if (!purged) return;
    operation = lroOperation({
      sub: params.sub,
      location: params.location,
      kind: 'deletedAccountPurge',
      resourceId: deletedAccountId(params.sub, purged.location, purged.resourceGroup, purged.name),
      initiator: principal.objectId,
      now,
      durationMs: world.lroDurationMs,
    });
    store.putOperation(operation);
    store.appendEvent({ at: now, kind: 'deletedAccountPurged', resourceId: operation.resourceId, principalId: principal.objectId });
  });
  if (!operation) return empty(204);
  const statusUrl = asyncOperationUrl(ctx, operation);
  return empty(202, { 'azure-asyncoperation': statusUrl, location: `${statusUrl}&operationResultResponseType=Location` });
};

/**
 * Operation status. The Azure-AsyncOperation form always answers 200 with the status document; the Location
 * form (`operationResultResponseType=Location`) answers 202 while running and 200 (create: the account) or
 * 204 (purge) when done. Like ARM's signed status URLs, the caller who started the operation may always poll it.
 */
export const getOperationResult: Handler<'sub' | 'location' | 'operation'> = ({ ctx, params, services, principal, access }) => {
  const { store, world } = services;
  const operation = store.getOperation(params.operation);
  if (!operation || operation.subscriptionId !== params.sub.toLowerCase() || canonicalRegion(operation.location) !== canonicalRegion(params.location)) {
    throw errors.operationNotFound(params.operation);
  }
  if (operation.initiatorObjectId !== principal.objectId) access.require(ACTIONS.operationRead, `/subscriptions/${params.sub}`);
  const now = world.now();
  const locationForm = [...ctx.url.searchParams].some(([k, v]) => k.toLowerCase() === 'operationresultresponsetype' && v.toLowerCase() === 'location');
  if (!locationForm) return json(200, toArmOperationStatus(operation, now));

  const status = operationStatus(operation, now);
  if (status === 'InProgress') {
    return empty(202, {
      location: new URL(ctx.url.pathname + ctx.url.search, ctx.baseUrl).toString(),
      'retry-after': String(Math.max(1, retryAfterSeconds(operation, now))),
    });
  }
  if (status === 'Failed' && operation.error) return json(400, { error: operation.error });
  if (operation.kind === 'accountCreate') {
    const match = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.CognitiveServices\/accounts\/([^/]+)$/i.exec(operation.resourceId);
    const account = match ? store.getAccount(operation.subscriptionId, match[1]!, match[2]!) : undefined;
    return account ? json(200, toArmAccount(account, now)) : empty(204);
  }
  return empty(204);
};

const checkDomainBody = z.object({
  subdomainName: z.string().min(1).max(256),
  type: z.string().max(128),
  kind: z.string().max(64).optional(),
});

export const checkDomainAvailability: Handler = ({ ctx, services }) => {
  const body = parseBody(checkDomainBody, ctx.body);
  const now = services.world.now();
  services.store.sweepExpired(now);
  const result: Record<string, unknown> = { isSubdomainAvailable: true, subdomainName: body.subdomainName, type: body.type };
  if (body.kind !== undefined) result.kind = body.kind;
  if (!SUBDOMAIN.test(body.subdomainName)) {
    result.isSubdomainAvailable = false;
    result.reason = `Sub domain name '${body.subdomainName}' is not valid`;
  } else if (services.store.subdomainOwner(body.subdomainName, now)) {
    result.isSubdomainAvailable = false;
    result.reason = errors.customDomainInUse(body.subdomainName).message;
  }
  return json(200, result);
};

export const listOperations: Handler = () =>
  json(200, {
    value: [
      ['accounts/read', 'Read API Account'],
      ['accounts/write', 'Write API Account'],
      ['accounts/delete', 'Delete API Account'],
      ['deletedAccounts/read', 'List deleted accounts'],
      ['locations/resourceGroups/deletedAccounts/read', 'Get deleted account'],
      ['locations/resourceGroups/deletedAccounts/delete', 'Purge deleted account'],
      ['locations/operationResults/read', 'Read an async operation status'],
      ['checkDomainAvailability/action', 'Check domain availability'],
    ].map(([op, description]) => ({
      name: `Microsoft.CognitiveServices/${op}`,
      display: { provider: 'Microsoft Cognitive Services', resource: op!.split('/').slice(-2, -1)[0], operation: description, description },
      origin: 'user,system',
    })),
  });
