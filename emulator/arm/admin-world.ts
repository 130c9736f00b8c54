/**
 * The admin API's world objects, under /_emulator/world/: subscriptions, role assignments, resource groups and
 * every resource type the emulator serves, live or soft-deleted, created directly for tests and scripts (no
 * token, no RBAC, no LRO), and the raw state of a subscription read back unpaged for assertions.
 */
import { z } from 'zod';
import { adminError, parseAdminBody, type AdminHandler } from './admin';
import { json, type RequestContext } from './pipeline';
import { canonicalRegion } from './regions';
import type { ArmStore } from './store';
import { toArmAccount, toArmDeletedAccount, toArmDeletedStorageAccount, toArmDeletedVault, toArmVault } from './representations';
import { toArmApiManagementService, toArmDeletedApiManagementService } from './representations';
import { toArmConfigurationStore, toArmDeletedConfigurationStore } from './representations';
import { assignRole, buildAccount, buildDeletedAccount, buildDeletedStorageAccount, buildDeletedVault, buildVault, subscriptionRecord } from './world-builder';
import { buildApiManagementService, buildDeletedApiManagementService } from './world-builder';
import { buildConfigurationStore, buildDeletedConfigurationStore } from './world-builder';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const name = z.string().min(1).max(90);
const region = z.string().refine((v) => canonicalRegion(v) !== undefined, 'must be a known Azure region');
const vaultName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/);
const retentionDays = z.number().int().min(7).max(90);
const apiManagementServiceName = z.string().regex(/^[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?$/);

const configurationStoreName = z.string().regex(/^[a-zA-Z0-9_-]{5,50}$/);
const configurationStoreRetention = z.number().int().min(1).max(7);

const schemas = {
  subscription: z
    .object({ subscriptionId: guid, displayName: z.string().min(1).max(100), state: z.enum(['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted']).default('Enabled') })
    .strict(),
  roleAssignment: z
    .object({
      principalId: guid,
      role: z.string().min(1).max(100),
      scope: z.string().regex(/^\/subscriptions\/[0-9a-f-]{36}(\/resourceGroups\/[-\w._()]+)?$/i, 'must be a subscription or resource group scope'),
      principalType: z.enum(['User', 'ServicePrincipal', 'Group']).default('User'),
    })
    .strict(),
  resourceGroup: z.object({ subscriptionId: guid, name, location: region, tags: z.record(z.string(), z.string()).optional() }).strict(),
  account: z
    .object({
      subscriptionId: guid,
      resourceGroup: name,
      name: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/),
      location: region,
      kind: z.string().min(1).max(64),
      sku: z.string().min(1).max(32).optional(),
      customSubDomainName: z.string().max(64).nullable().optional(),
      keyVaultName: z.string().max(24).optional(),
      userOwnedStorageId: z.string().max(512).optional(),
      tags: z.record(z.string(), z.string()).optional(),
      createdBy: z.string().max(200).optional(),
      /** deleted accounts only: when it was deleted (ISO time) or how long ago. */
      deletedAt: z.string().datetime({ offset: true }).optional(),
      deletedSecondsAgo: z.number().min(0).optional(),
    })
    .strict(),
  vault: z
    .object({
      subscriptionId: guid,
      resourceGroup: name,
      name: vaultName,
      location: region,
      softDeleteRetentionInDays: retentionDays.optional(),
      enablePurgeProtection: z.boolean().optional(),
    })
    .strict(),
  deletedVault: z
    .object({
      subscriptionId: guid,
      resourceGroup: name,
      name: vaultName,
      location: region,
      deletedHoursAgo: z.number().min(0).max(24 * 3650).default(0),
      retentionDays: retentionDays.default(90),
      purgeProtection: z.boolean().default(false),
    })
    .strict(),
  configurationStore: z
    .object({
      subscriptionId: guid,
      resourceGroup: name,
      name: configurationStoreName,
      location: region,
      sku: z.enum(['Free', 'Standard']).default('Standard'),
      softDeleteRetentionInDays: configurationStoreRetention.optional(),
      enablePurgeProtection: z.boolean().optional(),
      tags: z.record(z.string(), z.string()).optional(),
    })
    .strict(),
  deletedConfigurationStore: z
    .object({
      subscriptionId: guid,
      resourceGroup: name,
      name: configurationStoreName,
      location: region,
      deletedHoursAgo: z.number().min(0).max(24 * 3650).default(0),
      retentionDays: configurationStoreRetention.default(7),
      purgeProtection: z.boolean().default(false),
      tags: z.record(z.string(), z.string()).optional(),
    })
    .strict(),
  apiManagementService: z
    .object({
      subscriptionId: guid,
      resourceGroup: name,
      name: apiManagementServiceName,
      location: region,
      sku: z.object({ name: z.enum(['Developer', 'Basic', 'Standard', 'Premium', 'Consumption']), capacity: z.number().int().min(0).max(12) }).strict().optional(),
      publisherEmail: z.string().min(1).max(100).optional(),
      publisherName: z.string().min(1).max(100).optional(),
    })
    .strict(),
  deletedApiManagementService: z
    .object({
      subscriptionId: guid,
      resourceGroup: name,
      name: apiManagementServiceName,
      location: region,
      deletedHoursAgo: z.number().min(0).max(24 * 3650).default(0),
    })
    .strict(),
  storage: z.object({ subscriptionId: guid, resourceGroup: name, name: z.string().regex(/^[a-z0-9]{3,24}$/), location: region }).strict(),
  deletedStorage: z
    .object({
      subscriptionId: guid,
      resourceGroup: name,
      name: z.string().regex(/^[a-z0-9]{3,24}$/),
      location: region,
      deletedDaysAgo: z.number().min(0).max(3650).default(0),
    })
    .strict(),
};

/** The `subscriptionId` query parameter every world read requires. */
function subscriptionQuery(ctx: RequestContext): string {
  const sub = ctx.url.searchParams.get('subscriptionId');
  if (!sub || !guid.safeParse(sub).success) throw adminError(400, 'InvalidAdminRequest', "The 'subscriptionId' query parameter (a GUID) is required.");
  return sub;
}

interface WorldQuery {
  subscriptionId: string;
  now: number;
  /** World reads are unpaged: one page as large as any world gets. */
  limit: number;
}

/** A world read of one type's soft-deleted objects: the expired ones are swept first, as an ARM read does. */
function deletedReader<T>(sweep: (store: ArmStore, now: number) => void, list: (store: ArmStore, query: WorldQuery) => readonly T[], render: (record: T) => unknown): AdminHandler {
  return ({ ctx, services: { world, store } }) => {
    const query = { subscriptionId: subscriptionQuery(ctx), now: world.now(), limit: 1_000_000 };
    sweep(store, query.now);
    return json(200, { value: list(store, query).map((record) => render(record)) });
  };
}

export const createSubscription: AdminHandler = ({ ctx, services: { store } }) => {
  const spec = parseAdminBody(schemas.subscription, ctx.body);
  const record = { ...subscriptionRecord(spec.subscriptionId, spec.displayName), state: spec.state };
  store.upsertSubscription(record);
  return json(201, record);
};

export const createRoleAssignment: AdminHandler = ({ ctx, services: { world, store } }) => {
  const spec = parseAdminBody(schemas.roleAssignment, ctx.body);
  try {
    return json(201, assignRole(store, { ...spec, at: world.now() }));
  } catch (error) {
    throw adminError(400, 'InvalidAdminRequest', (error as Error).message);
  }
};

export const createResourceGroup: AdminHandler = ({ ctx, services: { world, store } }) => {
  const spec = parseAdminBody(schemas.resourceGroup, ctx.body);
  store.putResourceGroup({ subscriptionId: spec.subscriptionId, name: spec.name, location: spec.location, tags: spec.tags ?? {}, createdAt: world.now() });
  return json(201, store.getResourceGroup(spec.subscriptionId, spec.name));
};

export const createAccount: AdminHandler = ({ ctx, services: { world, store } }) => {
  const { deletedAt: _a, deletedSecondsAgo: _b, ...spec } = parseAdminBody(schemas.account, ctx.body);
  const now = world.now();
  const account = buildAccount(spec, now);
  store.putAccount(account);
  return json(201, toArmAccount(account, now));
};

export const createDeletedAccount: AdminHandler = ({ ctx, services: { world, store } }) => {
  const { deletedAt, deletedSecondsAgo, ...spec } = parseAdminBody(schemas.account, ctx.body);
  const now = world.now();
  const when = deletedAt !== undefined ? Date.parse(deletedAt) : now - (deletedSecondsAgo ?? 0) * 1000;
  const deleted = buildDeletedAccount(spec, when, now);
  store.putDeletedAccount(deleted);
  return json(201, toArmDeletedAccount(deleted));
};

export const listAccounts: AdminHandler = ({ ctx, services: { world, store } }) => {
  const sub = subscriptionQuery(ctx);
  const now = world.now();
  return json(200, { value: store.listAccountsInSubscription(sub).map((a) => toArmAccount(a, now)) });
};

export const listDeletedAccounts = deletedReader((store, now) => store.sweepExpired(now), (store, query) => store.listDeletedAccounts(query), toArmDeletedAccount);

export const createVault: AdminHandler = ({ ctx, services: { world, store } }) => {
  const spec = parseAdminBody(schemas.vault, ctx.body);
  const now = world.now();
  const vault = buildVault({ ...spec, createdAt: now }, now);
  store.putVault(vault);
  return json(201, toArmVault(vault));
};

export const createDeletedVault: AdminHandler = ({ ctx, services: { world, store } }) => {
  const { deletedHoursAgo, retentionDays, purgeProtection, ...spec } = parseAdminBody(schemas.deletedVault, ctx.body);
  // Vault names are global, live or deleted: both cannot exist.
  if (store.findVaultByName(spec.name)) throw adminError(409, 'InvalidAdminRequest', `A live key vault named '${spec.name}' exists.`);
  const now = world.now();
  const deleted = buildDeletedVault({ ...spec, softDeleteRetentionInDays: retentionDays, enablePurgeProtection: purgeProtection }, now - deletedHoursAgo * 3600_000, now);
  store.putDeletedVault(deleted);
  return json(201, toArmDeletedVault(deleted));
};

export const listDeletedVaults = deletedReader((store, now) => store.sweepExpiredVaults(now), (store, query) => store.listDeletedVaults(query), toArmDeletedVault);

export const createConfigurationStore: AdminHandler = ({ ctx, services: { world, store } }) => {
  const spec = parseAdminBody(schemas.configurationStore, ctx.body);
  // Names are global, live or deleted: both cannot exist.
  if (store.findConfigurationStoreByName(spec.name) || store.findDeletedConfigurationStoreByName(spec.name, world.now())) {
    throw adminError(409, 'InvalidAdminRequest', `A configuration store named '${spec.name}' exists, live or soft-deleted.`);
  }
  const now = world.now();
  const created = buildConfigurationStore({ ...spec, createdAt: now }, now);
  store.putConfigurationStore(created);
  return json(201, toArmConfigurationStore(created, now));
};

export const createDeletedConfigurationStore: AdminHandler = ({ ctx, services: { world, store } }) => {
  const { deletedHoursAgo, retentionDays, purgeProtection, ...spec } = parseAdminBody(schemas.deletedConfigurationStore, ctx.body);
  if (store.findConfigurationStoreByName(spec.name)) throw adminError(409, 'InvalidAdminRequest', `A live configuration store named '${spec.name}' exists.`);
  const now = world.now();
  const deleted = buildDeletedConfigurationStore(
    { ...spec, softDeleteRetentionInDays: retentionDays, enablePurgeProtection: purgeProtection },
    now - deletedHoursAgo * 3600_000,
    now,
  );
  store.putDeletedConfigurationStore(deleted);
  return json(201, toArmDeletedConfigurationStore(deleted));
};

export const listDeletedConfigurationStores = deletedReader(
  (store, now) => store.sweepExpiredConfigurationStores(now),
  (store, query) => store.listDeletedConfigurationStores(query),
  toArmDeletedConfigurationStore,
);

export const createApiManagementService: AdminHandler = ({ ctx, services: { world, store } }) => {
  const spec = parseAdminBody(schemas.apiManagementService, ctx.body);
  const now = world.now();
  // Names are global, live or deleted: both cannot exist.
  if (store.findApiManagementServiceByName(spec.name) || store.findDeletedApiManagementServiceByName(spec.name, now)) {
    throw adminError(409, 'InvalidAdminRequest', `An API Management service named '${spec.name}' exists, live or soft-deleted.`);
  }
  const service = buildApiManagementService({ ...spec, createdAt: now }, now);
  store.putApiManagementService(service);
  return json(201, toArmApiManagementService(service, { provisioningState: 'Succeeded', targetProvisioningState: '' }));
};

export const createDeletedApiManagementService: AdminHandler = ({ ctx, services: { world, store } }) => {
  const { deletedHoursAgo, ...spec } = parseAdminBody(schemas.deletedApiManagementService, ctx.body);
  if (store.findApiManagementServiceByName(spec.name)) throw adminError(409, 'InvalidAdminRequest', `A live API Management service named '${spec.name}' exists.`);
  const now = world.now();
  const deleted = buildDeletedApiManagementService(spec, now - deletedHoursAgo * 3600_000, now);
  store.putDeletedApiManagementService(deleted);
  return json(201, toArmDeletedApiManagementService(deleted));
};

export const listApiManagementServices: AdminHandler = ({ ctx, services: { world, store } }) => {
  const sub = subscriptionQuery(ctx);
  const now = world.now();
  const live = store.listApiManagementServices(sub).map((s) =>
    toArmApiManagementService(s, { provisioningState: now < s.readyAt ? 'Activating' : 'Succeeded', targetProvisioningState: '' }),
  );
  return json(200, { value: live });
};

export const listDeletedApiManagementServices = deletedReader(
  (store, now) => store.sweepExpiredApiManagementServices(now),
  (store, query) => store.listDeletedApiManagementServices(query),
  toArmDeletedApiManagementService,
);

export const createStorageAccount: AdminHandler = ({ ctx, services: { world, store } }) => {
  const spec = parseAdminBody(schemas.storage, ctx.body);
  store.putStorageAccount({ ...spec, kind: 'StorageV2', sku: { name: 'Standard_LRS', tier: 'Standard' }, tags: {}, properties: {}, createdAt: world.now() });
  return json(201, store.getStorageAccount(spec.subscriptionId, spec.resourceGroup, spec.name));
};

export const createDeletedStorageAccount: AdminHandler = ({ ctx, services: { world, store } }) => {
  const { deletedDaysAgo, ...spec } = parseAdminBody(schemas.deletedStorage, ctx.body);
  // Names are global and a live account forfeits a deleted one of its name: both cannot exist.
  if (store.findStorageAccountByName(spec.name)) throw adminError(409, 'InvalidAdminRequest', `A live storage account named '${spec.name}' exists.`);
  const now = world.now();
  const deleted = buildDeletedStorageAccount(spec, now - deletedDaysAgo * 24 * 3600_000, now);
  store.putDeletedStorageAccount(deleted);
  return json(201, toArmDeletedStorageAccount(deleted));
};

export const listDeletedStorageAccounts = deletedReader(
  (store, now) => store.sweepExpiredStorageAccounts(now),
  (store, query) => store.listDeletedStorageAccounts(query),
  toArmDeletedStorageAccount,
);
