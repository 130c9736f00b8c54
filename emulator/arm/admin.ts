/**
 * The controllable world, under /_emulator/ on the ARM port: reset and seed, move the clock, set latency,
 * LRO duration, page sizes and throttle limits, inject faults, and create world objects for tests.
 * Loopback + admin key only (see admin-guard.ts); documented in README.md.
 */
import { z } from 'zod';
import { adminRefusal } from './admin-guard';
import { ArmError } from './errors';
import type { FaultInjector } from './faults';
import { json, type ArmResponse, type RequestContext } from './pipeline';
import { canonicalRegion } from './regions';
import { toArmAccount, toArmDeletedAccount, toArmDeletedStorageAccount, toArmDeletedVault, toArmVault } from './representations';
import { toArmApiManagementService, toArmDeletedApiManagementService } from './representations';
import { toArmConfigurationStore, toArmDeletedConfigurationStore } from './representations';
import { seedDemo } from './seed-demo';
import { seedScale } from './seed-scale';
import type { ArmStore } from './store';
import { DEFAULT_LIMITS, type Throttle } from './throttle';
import { DEFAULTS, type World } from './world';
import { assignRole, buildAccount, buildDeletedAccount, buildDeletedStorageAccount, buildDeletedVault, buildVault, subscriptionRecord } from './world-builder';
import { buildApiManagementService, buildDeletedApiManagementService } from './world-builder';
import { buildConfigurationStore, buildDeletedConfigurationStore } from './world-builder';

export interface AdminServices {
  world: World;
  store: ArmStore;
  faults: FaultInjector;
  throttle: Throttle;
  adminKey: string;
}

const seedName = z.enum(['demo', 'scale', 'none']);
const scaleOptions = z
  .object({
    subscriptions: z.number().int().min(1).max(200).optional(),
    deletedAccountsPerSubscription: z.number().int().min(0).max(100_000).optional(),
    resourceGroupsPerSubscription: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
  .optional();

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const name = z.string().min(1).max(90);
const region = z.string().refine((v) => canonicalRegion(v) !== undefined, 'must be a known Azure region');
const vaultName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/);
const retentionDays = z.number().int().min(7).max(90);
const apiManagementServiceName = z.string().regex(/^[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?$/);

const configurationStoreName = z.string().regex(/^[a-zA-Z0-9_-]{5,50}$/);
const configurationStoreRetention = z.number().int().min(1).max(7);

const schemas = {
  reset: z.object({ seed: seedName.default('none'), scale: scaleOptions }).strict(),
  seed: z.object({ seed: z.enum(['demo', 'scale']), scale: scaleOptions }).strict(),
  clock: z.object({ seconds: z.number().finite() }).strict(),
  latency: z
    .object({
      ms: z.number().int().min(0).max(120_000).default(0),
      reads: z.number().int().min(0).max(120_000).optional(),
      writes: z.number().int().min(0).max(120_000).optional(),
      deletes: z.number().int().min(0).max(120_000).optional(),
    })
    .strict(),
  lro: z.object({ durationSeconds: z.number().min(0).max(3600) }).strict(),
  paging: z
    .object({ deletedAccountsPageSize: z.number().int().min(1).max(1000).optional(), listPageSize: z.number().int().min(1).max(1000).optional() })
    .strict(),
  throttle: z
    .object({
      reads: z.object({ capacity: z.number().min(0), refillPerSecond: z.number().min(0) }).strict().optional(),
      writes: z.object({ capacity: z.number().min(0), refillPerSecond: z.number().min(0) }).strict().optional(),
      deletes: z.object({ capacity: z.number().min(0), refillPerSecond: z.number().min(0) }).strict().optional(),
    })
    .strict(),
  fault: z
    .object({
      status: z.union([z.literal(401), z.literal(429), z.literal(409), z.literal(500), z.literal(502), z.literal(503), z.literal(504), z.literal('drop')]),
      fraction: z.number().min(0).max(1).default(1),
      method: z.enum(['GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE', 'get', 'head', 'put', 'post', 'patch', 'delete']).optional(),
      path: z
        .string()
        .max(500)
        .refine((p) => {
          try {
            new RegExp(p);
            return true;
          } catch {
            return false;
          }
        }, 'must be a valid regular expression')
        .optional(),
      count: z.number().int().min(1).optional(),
      phase: z.enum(['before', 'after']).default('before'),
      retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
      seed: z.number().int().optional(),
      code: z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,99}$/).optional(),
    })
    .strict(),
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

function adminError(status: number, code: string, message: string): ArmError {
  return new ArmError(status, code, message);
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw adminError(400, 'InvalidAdminRequest', `Invalid admin request${issue?.path.length ? ` at '${issue.path.join('.')}'` : ''}: ${issue?.message ?? 'invalid'}.`);
  }
  return result.data;
}

const REFUSALS = {
  'not-loopback': 'The emulator admin API only answers requests from loopback addresses (127.0.0.1, ::1).',
  'missing-key': "The emulator admin API requires the 'x-emulator-admin-key' header.",
  'wrong-key': "The 'x-emulator-admin-key' header does not match this emulator's admin key.",
} as const;

export function seedWorld(store: ArmStore, seed: 'demo' | 'scale' | 'none', now: number, scale?: z.infer<typeof scaleOptions>): void {
  if (seed === 'demo') seedDemo(store, now);
  else if (seed === 'scale') seedScale(store, now, scale);
}

export async function handleAdmin(ctx: RequestContext, services: AdminServices): Promise<ArmResponse> {
  const refusal = adminRefusal(ctx.remoteAddress, ctx.req.headers['x-emulator-admin-key'], services.adminKey);
  if (refusal) throw adminError(403, 'AdminAccessDenied', REFUSALS[refusal]);

  const { world, store, faults, throttle } = services;
  const route = `${ctx.method} /${ctx.segments.slice(1).join('/')}`;
  const body = ctx.body;
  const state = () => ({
    now: new Date(world.now()).toISOString(),
    settings: {
      lroDurationSeconds: world.lroDurationMs / 1000,
      deletedAccountsPageSize: world.deletedAccountsPageSize,
      listPageSize: world.listPageSize,
      latency: faults.latency,
      throttle: throttle.limits,
    },
    faults: faults.list(),
    counts: store.counts(),
  });

  switch (route) {
    case 'GET /health':
      return json(200, { status: 'ok', now: new Date(world.now()).toISOString() });
    case 'GET /state':
      return json(200, state());
    case 'POST /reset': {
      const { seed, scale } = parse(schemas.reset, body);
      store.transaction(() => {
        store.clear();
        world.reloadSettings();
        seedWorld(store, seed, world.now(), scale);
      });
      faults.clear();
      faults.latency = { ms: 0 };
      throttle.setLimits(structuredClone(DEFAULT_LIMITS));
      return json(200, state());
    }
    case 'POST /seed': {
      const { seed, scale } = parse(schemas.seed, body);
      seedWorld(store, seed, world.now(), scale);
      return json(200, state());
    }
    case 'GET /clock':
      return json(200, { now: new Date(world.now()).toISOString() });
    case 'POST /clock/advance': {
      const { seconds } = parse(schemas.clock, body);
      const now = world.advanceClock(seconds);
      store.sweepExpired(now);
      store.sweepExpiredStorageAccounts(now);
      store.sweepExpiredVaults(now);
      store.sweepExpiredConfigurationStores(now);
      store.sweepExpiredApiManagementServices(now);
      return json(200, { now: new Date(now).toISOString() });
    }
    case 'PUT /latency':
      faults.latency = parse(schemas.latency, body);
      return json(200, faults.latency);
    case 'PUT /lro': {
      const { durationSeconds } = parse(schemas.lro, body);
      world.lroDurationMs = Math.round(durationSeconds * 1000);
      return json(200, { durationSeconds });
    }
    case 'PUT /paging': {
      const paging = parse(schemas.paging, body);
      if (paging.deletedAccountsPageSize !== undefined) world.deletedAccountsPageSize = paging.deletedAccountsPageSize;
      if (paging.listPageSize !== undefined) world.listPageSize = paging.listPageSize;
      return json(200, { deletedAccountsPageSize: world.deletedAccountsPageSize, listPageSize: world.listPageSize, defaults: DEFAULTS });
    }
    case 'PUT /throttle':
      throttle.setLimits(parse(schemas.throttle, body));
      return json(200, throttle.limits);
    case 'POST /faults': {
      const spec = parse(schemas.fault, body);
      return json(201, faults.add({ ...spec, method: spec.method?.toUpperCase() }));
    }
    case 'GET /faults':
      return json(200, { value: faults.list() });
    case 'DELETE /faults':
      faults.clear();
      return json(200, { value: [] });
    case 'GET /events': {
      const after = Number(ctx.url.searchParams.get('after') ?? '0');
      const limit = Math.min(10_000, Number(ctx.url.searchParams.get('limit') ?? '1000'));
      if (!Number.isInteger(after) || !Number.isInteger(limit) || limit < 1) throw adminError(400, 'InvalidAdminRequest', "'after' and 'limit' must be integers.");
      return json(200, { value: store.listEvents(after, limit).map((e) => ({ ...e, at: new Date(e.at).toISOString() })) });
    }
    case 'POST /world/subscriptions': {
      const spec = parse(schemas.subscription, body);
      const record = { ...subscriptionRecord(spec.subscriptionId, spec.displayName), state: spec.state };
      store.upsertSubscription(record);
      return json(201, record);
    }
    case 'POST /world/role-assignments': {
      const spec = parse(schemas.roleAssignment, body);
      try {
        return json(201, assignRole(store, { ...spec, at: world.now() }));
      } catch (error) {
        throw adminError(400, 'InvalidAdminRequest', (error as Error).message);
      }
    }
    case 'POST /world/resource-groups': {
      const spec = parse(schemas.resourceGroup, body);
      store.putResourceGroup({ subscriptionId: spec.subscriptionId, name: spec.name, location: spec.location, tags: spec.tags ?? {}, createdAt: world.now() });
      return json(201, store.getResourceGroup(spec.subscriptionId, spec.name));
    }
    case 'POST /world/accounts': {
      const { deletedAt: _a, deletedSecondsAgo: _b, ...spec } = parse(schemas.account, body);
      const now = world.now();
      const account = buildAccount(spec, now);
      store.putAccount(account);
      return json(201, toArmAccount(account, now));
    }
    case 'POST /world/deleted-accounts': {
      const { deletedAt, deletedSecondsAgo, ...spec } = parse(schemas.account, body);
      const now = world.now();
      const when = deletedAt !== undefined ? Date.parse(deletedAt) : now - (deletedSecondsAgo ?? 0) * 1000;
      const deleted = buildDeletedAccount(spec, when, now);
      store.putDeletedAccount(deleted);
      return json(201, toArmDeletedAccount(deleted));
    }
    case 'POST /world/vaults': {
      const spec = parse(schemas.vault, body);
      const now = world.now();
      const vault = buildVault({ ...spec, createdAt: now }, now);
      store.putVault(vault);
      return json(201, toArmVault(vault));
    }
    case 'POST /world/deleted-vaults': {
      const { deletedHoursAgo, retentionDays, purgeProtection, ...spec } = parse(schemas.deletedVault, body);
      // Vault names are global, live or deleted: both cannot exist.
      if (store.findVaultByName(spec.name)) throw adminError(409, 'InvalidAdminRequest', `A live key vault named '${spec.name}' exists.`);
      const now = world.now();
      const deleted = buildDeletedVault({ ...spec, softDeleteRetentionInDays: retentionDays, enablePurgeProtection: purgeProtection }, now - deletedHoursAgo * 3600_000, now);
      store.putDeletedVault(deleted);
      return json(201, toArmDeletedVault(deleted));
    }
    case 'GET /world/deleted-vaults': {
      const sub = ctx.url.searchParams.get('subscriptionId');
      if (!sub || !guid.safeParse(sub).success) throw adminError(400, 'InvalidAdminRequest', "The 'subscriptionId' query parameter (a GUID) is required.");
      const now = world.now();
      store.sweepExpiredVaults(now);
      return json(200, { value: store.listDeletedVaults({ subscriptionId: sub, now, limit: 1_000_000 }).map(toArmDeletedVault) });
    }
    case 'POST /world/configuration-stores': {
      const spec = parse(schemas.configurationStore, body);
      // Names are global, live or deleted: both cannot exist.
      if (store.findConfigurationStoreByName(spec.name) || store.findDeletedConfigurationStoreByName(spec.name, world.now())) {
        throw adminError(409, 'InvalidAdminRequest', `A configuration store named '${spec.name}' exists, live or soft-deleted.`);
      }
      const now = world.now();
      const created = buildConfigurationStore({ ...spec, createdAt: now }, now);
      store.putConfigurationStore(created);
      return json(201, toArmConfigurationStore(created, now));
    }
    case 'POST /world/deleted-configuration-stores': {
      const { deletedHoursAgo, retentionDays, purgeProtection, ...spec } = parse(schemas.deletedConfigurationStore, body);
      if (store.findConfigurationStoreByName(spec.name)) throw adminError(409, 'InvalidAdminRequest', `A live configuration store named '${spec.name}' exists.`);
      const now = world.now();
      const deleted = buildDeletedConfigurationStore(
        { ...spec, softDeleteRetentionInDays: retentionDays, enablePurgeProtection: purgeProtection },
        now - deletedHoursAgo * 3600_000,
        now,
      );
      store.putDeletedConfigurationStore(deleted);
      return json(201, toArmDeletedConfigurationStore(deleted));
    }
    case 'GET /world/deleted-configuration-stores': {
      const sub = ctx.url.searchParams.get('subscriptionId');
      if (!sub || !guid.safeParse(sub).success) throw adminError(400, 'InvalidAdminRequest', "The 'subscriptionId' query parameter (a GUID) is required.");
      const now = world.now();
      store.sweepExpiredConfigurationStores(now);
      return json(200, { value: store.listDeletedConfigurationStores({ subscriptionId: sub, now, limit: 1_000_000 }).map(toArmDeletedConfigurationStore) });
    }
    case 'POST /world/api-management-services': {
      const spec = parse(schemas.apiManagementService, body);
      const now = world.now();
      // Names are global, live or deleted: both cannot exist.
      if (store.findApiManagementServiceByName(spec.name) || store.findDeletedApiManagementServiceByName(spec.name, now)) {
        throw adminError(409, 'InvalidAdminRequest', `An API Management service named '${spec.name}' exists, live or soft-deleted.`);
      }
      const service = buildApiManagementService({ ...spec, createdAt: now }, now);
      store.putApiManagementService(service);
      return json(201, toArmApiManagementService(service, { provisioningState: 'Succeeded', targetProvisioningState: '' }));
    }
    case 'POST /world/deleted-api-management-services': {
      const { deletedHoursAgo, ...spec } = parse(schemas.deletedApiManagementService, body);
      if (store.findApiManagementServiceByName(spec.name)) throw adminError(409, 'InvalidAdminRequest', `A live API Management service named '${spec.name}' exists.`);
      const now = world.now();
      const deleted = buildDeletedApiManagementService(spec, now - deletedHoursAgo * 3600_000, now);
      store.putDeletedApiManagementService(deleted);
      return json(201, toArmDeletedApiManagementService(deleted));
    }
    case 'GET /world/api-management-services':
    case 'GET /world/deleted-api-management-services': {
      const sub = ctx.url.searchParams.get('subscriptionId');
      if (!sub || !guid.safeParse(sub).success) throw adminError(400, 'InvalidAdminRequest', "The 'subscriptionId' query parameter (a GUID) is required.");
      const now = world.now();
      if (route === 'GET /world/api-management-services') {
        const live = store.listApiManagementServices(sub).map((s) =>
          toArmApiManagementService(s, { provisioningState: now < s.readyAt ? 'Activating' : 'Succeeded', targetProvisioningState: '' }),
        );
        return json(200, { value: live });
      }
      store.sweepExpiredApiManagementServices(now);
      const deleted = store.listDeletedApiManagementServices({ subscriptionId: sub, now, limit: 1_000_000 });
      return json(200, { value: deleted.map((s) => toArmDeletedApiManagementService(s)) });
    }
    case 'POST /world/storage-accounts': {
      const spec = parse(schemas.storage, body);
      store.putStorageAccount({ ...spec, kind: 'StorageV2', sku: { name: 'Standard_LRS', tier: 'Standard' }, tags: {}, properties: {}, createdAt: world.now() });
      return json(201, store.getStorageAccount(spec.subscriptionId, spec.resourceGroup, spec.name));
    }
    case 'POST /world/deleted-storage-accounts': {
      const { deletedDaysAgo, ...spec } = parse(schemas.deletedStorage, body);
      // Names are global and a live account forfeits a deleted one of its name: both cannot exist.
      if (store.findStorageAccountByName(spec.name)) throw adminError(409, 'InvalidAdminRequest', `A live storage account named '${spec.name}' exists.`);
      const now = world.now();
      const deleted = buildDeletedStorageAccount(spec, now - deletedDaysAgo * 24 * 3600_000, now);
      store.putDeletedStorageAccount(deleted);
      return json(201, toArmDeletedStorageAccount(deleted));
    }
    case 'GET /world/deleted-storage-accounts': {
      const sub = ctx.url.searchParams.get('subscriptionId');
      if (!sub || !guid.safeParse(sub).success) throw adminError(400, 'InvalidAdminRequest', "The 'subscriptionId' query parameter (a GUID) is required.");
      const now = world.now();
      store.sweepExpiredStorageAccounts(now);
      return json(200, { value: store.listDeletedStorageAccounts({ subscriptionId: sub, now, limit: 1_000_000 }).map(toArmDeletedStorageAccount) });
    }
    case 'GET /world/deleted-accounts':
    case 'GET /world/accounts': {
      const sub = ctx.url.searchParams.get('subscriptionId');
      if (!sub || !guid.safeParse(sub).success) throw adminError(400, 'InvalidAdminRequest', "The 'subscriptionId' query parameter (a GUID) is required.");
      const now = world.now();
      if (route === 'GET /world/accounts') return json(200, { value: store.listAccountsInSubscription(sub).map((a) => toArmAccount(a, now)) });
      store.sweepExpired(now);
      return json(200, { value: store.listDeletedAccounts({ subscriptionId: sub, now, limit: 1_000_000 }).map(toArmDeletedAccount) });
    }
  }
  const faultMatch = /^DELETE \/faults\/([^/]+)$/.exec(route);
  if (faultMatch) {
    if (!faults.remove(faultMatch[1]!)) throw adminError(404, 'NotFound', `No fault rule '${faultMatch[1]}'.`);
    return json(200, { value: faults.list() });
  }
  throw adminError(404, 'NotFound', `The emulator admin API has no '${route}'. See emulator/arm/README.md.`);
}
