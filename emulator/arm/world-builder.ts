/**
 * Building world objects directly (seeds and the admin API), with the same shapes the ARM handlers produce,
 * so a seeded deleted account is indistinguishable from one deleted through the API.
 */
import crypto from 'node:crypto';
import { DEMO_TENANT } from '../demo-world';
import { BUILT_IN_ROLES, roleByName, roleById } from './rbac';
import { canonicalRegion } from './regions';
import { storageAccountId, vaultUri } from './representations';
import type {
  AccountRecord,
  ApiManagementServiceRecord,
  ArmStore,
  ConfigurationStoreRecord,
  DeletedConfigurationStoreRecord,
  DeletedAccountRecord,
  DeletedApiManagementServiceRecord,
  DeletedStorageAccountRecord,
  DeletedVaultRecord,
  RoleAssignmentRecord,
  StorageAccountRecord,
  SubscriptionRecord,
  SystemData,
  VaultRecord,
} from './store';
import { API_MANAGEMENT_RETENTION_MS, armTimestamp, newEtag, RETENTION_MS, STORAGE_RETENTION_MS } from './world';

export interface AccountSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  kind: string;
  sku?: string;
  customSubDomainName?: string | null;
  /** Name of the Key Vault holding the customer-managed key (encryption keySource Microsoft.KeyVault). */
  keyVaultName?: string;
  /** ARM id of a user-owned storage account. */
  userOwnedStorageId?: string;
  tags?: Record<string, string>;
  createdBy?: string;
  /** Emulator time the account was created; default: 30 days before `now`. */
  createdAt?: number;
}

/** Deterministic hex from a string, so seeded ids (internalId) are stable across runs. */
function stableHex(input: string, length: number): string {
  return crypto.createHash('sha256').update(input).digest('hex').slice(0, length);
}

export function buildAccount(spec: AccountSpec, now: number): AccountRecord {
  const createdAt = spec.createdAt ?? now - 30 * 24 * 3600_000;
  const subdomain = spec.customSubDomainName === undefined ? spec.name.toLowerCase().replace(/[^a-z0-9-]/g, '') : spec.customSubDomainName;
  const createdBy = spec.createdBy ?? 'admin@contoso.test';
  const systemData: SystemData = {
    createdBy,
    createdByType: 'User',
    createdAt: armTimestamp(createdAt),
    lastModifiedBy: createdBy,
    lastModifiedByType: 'User',
    lastModifiedAt: armTimestamp(createdAt),
  };
  const properties: Record<string, unknown> = {
    endpoint: subdomain
      ? `https://${subdomain}.cognitiveservices.azure.com/`
      : `https://${canonicalRegion(spec.location) ?? spec.location.toLowerCase()}.api.cognitive.microsoft.com/`,
    internalId: stableHex(`${spec.subscriptionId}/${spec.resourceGroup}/${spec.name}`.toLowerCase(), 32),
    dateCreated: armTimestamp(createdAt),
    ...(subdomain ? { customSubDomainName: subdomain } : {}),
    publicNetworkAccess: 'Enabled',
  };
  if (spec.keyVaultName) {
    properties.encryption = {
      keySource: 'Microsoft.KeyVault',
      keyVaultProperties: { keyVaultUri: vaultUri(spec.keyVaultName), keyName: 'cmk', keyVersion: stableHex(spec.keyVaultName, 32) },
    };
  }
  if (spec.userOwnedStorageId) properties.userOwnedStorage = [{ resourceId: spec.userOwnedStorageId }];
  return {
    subscriptionId: spec.subscriptionId,
    resourceGroup: spec.resourceGroup,
    name: spec.name,
    location: spec.location,
    kind: spec.kind,
    sku: { name: spec.sku ?? 'S0' },
    tags: spec.tags ?? {},
    identity: spec.keyVaultName ? { type: 'SystemAssigned', principalId: stableHex(spec.name, 8), tenantId: DEMO_TENANT.id } : { type: 'None' },
    properties,
    systemData,
    etag: newEtag(),
    customSubDomainName: subdomain || null,
    createdAt,
    readyAt: createdAt,
  };
}

export function buildDeletedAccount(spec: AccountSpec, deletedAt: number, now: number): DeletedAccountRecord {
  const account = buildAccount({ ...spec, createdAt: spec.createdAt ?? Math.min(deletedAt, now) - 30 * 24 * 3600_000 }, now);
  return { ...account, deletedAt, purgeAt: deletedAt + RETENTION_MS };
}

export interface StorageAccountSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** Emulator time the account was created (its creationTime); default: 120 days before `now`. */
  createdAt?: number;
}

/** A StorageV2 / Standard_LRS account as a PUT with defaults creates it. */
export function buildStorageAccount(spec: StorageAccountSpec, now: number): StorageAccountRecord {
  return {
    subscriptionId: spec.subscriptionId,
    resourceGroup: spec.resourceGroup,
    name: spec.name,
    location: spec.location,
    kind: 'StorageV2',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    tags: {},
    properties: { accessTier: 'Hot', minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true },
    createdAt: spec.createdAt ?? now - 120 * 24 * 3600_000,
  };
}

/** A storage account soft-deleted at `deletedAt`, restorable for 14 days from then. */
export function buildDeletedStorageAccount(spec: StorageAccountSpec, deletedAt: number, now: number): DeletedStorageAccountRecord {
  const account = buildStorageAccount({ ...spec, createdAt: spec.createdAt ?? Math.min(deletedAt, now) - 120 * 24 * 3600_000 }, now);
  return { ...account, deletedAt, purgeAt: deletedAt + STORAGE_RETENTION_MS };
}

export interface VaultSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** 7-90; default 90. */
  softDeleteRetentionInDays?: number;
  enablePurgeProtection?: boolean;
  /** Emulator time the vault was created; default: 120 days before `now`. */
  createdAt?: number;
}

/** A standard vault as a PUT with defaults creates it (soft delete on, RBAC authorization). */
export function buildVault(spec: VaultSpec, now: number): VaultRecord {
  return {
    subscriptionId: spec.subscriptionId,
    resourceGroup: spec.resourceGroup,
    name: spec.name,
    location: spec.location,
    tags: {},
    properties: {
      tenantId: DEMO_TENANT.id,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enableSoftDelete: true,
      softDeleteRetentionInDays: spec.softDeleteRetentionInDays ?? 90,
      ...(spec.enablePurgeProtection ? { enablePurgeProtection: true } : {}),
      enableRbacAuthorization: true,
      publicNetworkAccess: 'Enabled',
    },
    createdAt: spec.createdAt ?? now - 120 * 24 * 3600_000,
  };
}

/** A vault soft-deleted at `deletedAt`, kept for its softDeleteRetentionInDays from then. */
export function buildDeletedVault(spec: VaultSpec, deletedAt: number, now: number): DeletedVaultRecord {
  const vault = buildVault({ ...spec, createdAt: spec.createdAt ?? Math.min(deletedAt, now) - 120 * 24 * 3600_000 }, now);
  return { ...vault, deletedAt, purgeAt: deletedAt + (spec.softDeleteRetentionInDays ?? 90) * 24 * 3600_000 };
}

export interface ConfigurationStoreSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** Default Standard (the only tier with soft delete that the CLI recovers). */
  sku?: 'Free' | 'Standard';
  /** 1-7; default 7. */
  softDeleteRetentionInDays?: number;
  enablePurgeProtection?: boolean;
  tags?: Record<string, string>;
  /** Emulator time the store was created; default: 60 days before `now`. */
  createdAt?: number;
}

/** A store as a finished create with these settings leaves it. */
export function buildConfigurationStore(spec: ConfigurationStoreSpec, now: number): ConfigurationStoreRecord {
  const createdAt = spec.createdAt ?? now - 60 * 24 * 3600_000;
  return {
    subscriptionId: spec.subscriptionId,
    resourceGroup: spec.resourceGroup,
    name: spec.name,
    location: spec.location,
    sku: { name: spec.sku ?? 'Standard' },
    tags: spec.tags ?? {},
    properties: {
      softDeleteRetentionInDays: spec.softDeleteRetentionInDays ?? 7,
      enablePurgeProtection: spec.enablePurgeProtection ?? false,
      disableLocalAuth: false,
    },
    createdAt,
    readyAt: createdAt,
  };
}

/** A Standard store soft-deleted at `deletedAt`, kept for its softDeleteRetentionInDays from then. */
export function buildDeletedConfigurationStore(spec: ConfigurationStoreSpec, deletedAt: number, now: number): DeletedConfigurationStoreRecord {
  const store = buildConfigurationStore({ ...spec, sku: 'Standard', createdAt: spec.createdAt ?? Math.min(deletedAt, now) - 60 * 24 * 3600_000 }, now);
  return { ...store, deletedAt, purgeAt: deletedAt + (spec.softDeleteRetentionInDays ?? 7) * 24 * 3600_000 };
}

export interface ApiManagementServiceSpec {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** Default Developer, capacity 1. */
  sku?: { name: string; capacity: number };
  publisherEmail?: string;
  publisherName?: string;
  /** Emulator time the service was created; default: 60 days before `now`. */
  createdAt?: number;
}

/** A service as a finished create leaves it (activation over). */
export function buildApiManagementService(spec: ApiManagementServiceSpec, now: number): ApiManagementServiceRecord {
  const createdAt = spec.createdAt ?? now - 60 * 24 * 3600_000;
  return {
    subscriptionId: spec.subscriptionId,
    resourceGroup: spec.resourceGroup,
    name: spec.name,
    location: spec.location,
    sku: spec.sku ?? { name: 'Developer', capacity: 1 },
    tags: {},
    properties: { publisherEmail: spec.publisherEmail ?? 'apim-admin@contoso.test', publisherName: spec.publisherName ?? 'Contoso' },
    createdAt,
    readyAt: createdAt,
  };
}

/** A service soft-deleted at `deletedAt`, kept exactly 48 h from then. */
export function buildDeletedApiManagementService(spec: ApiManagementServiceSpec, deletedAt: number, now: number): DeletedApiManagementServiceRecord {
  const service = buildApiManagementService({ ...spec, createdAt: spec.createdAt ?? Math.min(deletedAt, now) - 60 * 24 * 3600_000 }, now);
  return { ...service, deletedAt, purgeAt: deletedAt + API_MANAGEMENT_RETENTION_MS };
}

export function storageIdFor(subscriptionId: string, resourceGroup: string, name: string): string {
  return storageAccountId(subscriptionId, resourceGroup, name);
}

export function subscriptionRecord(subscriptionId: string, displayName: string, quotaId = 'PayAsYouGo_2014-09-01'): SubscriptionRecord {
  return {
    subscriptionId,
    displayName,
    state: 'Enabled',
    tenantId: DEMO_TENANT.id,
    quotaId,
    spendingLimit: 'Off',
    locationPlacementId: 'Public_2014-09-01',
  };
}

/** A role assignment with a stable id derived from (principal, role, scope), so re-seeding never duplicates. */
export function assignRole(
  store: ArmStore,
  args: { principalId: string; role: string; scope: string; principalType?: RoleAssignmentRecord['principalType']; at: number },
): RoleAssignmentRecord {
  const role = roleByName(args.role) ?? roleById(args.role);
  if (!role) throw new Error(`Unknown role '${args.role}' (known: ${Object.keys(BUILT_IN_ROLES).join(', ')})`);
  const hash = stableHex(`${args.principalId}|${role.id}|${args.scope}`.toLowerCase(), 32);
  const id = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
  const assignment: RoleAssignmentRecord = {
    id,
    principalId: args.principalId.toLowerCase(),
    principalType: args.principalType ?? 'User',
    roleDefinitionId: role.id,
    scope: args.scope,
    createdAt: args.at,
  };
  store.addRoleAssignment(assignment);
  return assignment;
}
