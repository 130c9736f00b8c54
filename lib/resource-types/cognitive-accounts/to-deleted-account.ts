import type { Known } from '@/lib/deleted-resources/dependencies';
import { regionDisplayName } from '@/lib/deleted-resources/regions';
import { assessDeletedResource, type Assessment, type DependencyState, type StatusFacts } from '@/lib/deleted-resources/status';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { keyVaultDependency, storageDependency, type StorageRestore, type VaultRestore } from './dependencies';
import { kindDisplayName, mayHoldProvisionedDeployments } from './kinds';
import { parseDeletedAccountId, keyVaultNameFromUri, isStorageAccountId } from './resource-id';
import { cognitiveAccounts } from '.';

/**
 * The raw deleted account as ARM returns it (the subset the portal reads); the SDK's `Account` fits it.
 * Everything is optional because ARM may leave anything out.
 */
export interface ArmDeletedAccount {
  id?: string;
  name?: string;
  kind?: string;
  location?: string;
  properties?: {
    deletionDate?: string;
    scheduledPurgeDate?: string;
    customSubDomainName?: string;
    encryption?: { keySource?: string; keyVaultProperties?: { keyVaultUri?: string } };
    userOwnedStorage?: { resourceId?: string }[];
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const stringOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The fields the portal reads from one entry of ARM's deleted-accounts list, each kept only when it has the
 * type ARM documents; undefined when the entry has no id.
 */
export function readArmDeletedAccount(value: unknown): ArmDeletedAccount | undefined {
  if (!isObject(value) || typeof value.id !== 'string') return undefined;
  const properties = isObject(value.properties) ? value.properties : {};
  const encryption = isObject(properties.encryption) ? properties.encryption : undefined;
  const keyVaultProperties = encryption && isObject(encryption.keyVaultProperties) ? encryption.keyVaultProperties : undefined;
  const storage = properties.userOwnedStorage;
  // Listing reads thousands of these: nothing is allocated for what an account does not have.
  return {
    id: value.id,
    name: stringOrUndefined(value.name),
    kind: stringOrUndefined(value.kind),
    location: stringOrUndefined(value.location),
    properties: {
      deletionDate: stringOrUndefined(properties.deletionDate),
      scheduledPurgeDate: stringOrUndefined(properties.scheduledPurgeDate),
      customSubDomainName: stringOrUndefined(properties.customSubDomainName),
      encryption: encryption && {
        keySource: stringOrUndefined(encryption.keySource),
        keyVaultProperties: keyVaultProperties && { keyVaultUri: stringOrUndefined(keyVaultProperties.keyVaultUri) },
      },
      userOwnedStorage: Array.isArray(storage)
        ? storage.map((entry) => ({ resourceId: isObject(entry) ? stringOrUndefined(entry.resourceId) : undefined }))
        : undefined,
    },
  };
}

/** What the status rules need to be looked up in ARM for one raw account. */
export interface DeletedAccountReferences {
  subscriptionId: string;
  location: string;
  resourceGroup: string;
  name: string;
  keyVaultName?: string;
  storageAccountIds: string[];
}

/** Reads where a raw account lives and what it depends on; undefined when its id is not a deleted-account id. */
export function readDeletedAccountReferences(raw: ArmDeletedAccount): DeletedAccountReferences | undefined {
  const parts = raw.id ? parseDeletedAccountId(raw.id) : undefined;
  if (!parts) return undefined;
  const encryption = raw.properties?.encryption;
  const keyVaultUri =
    encryption?.keySource?.toLowerCase() === 'microsoft.keyvault' ? encryption.keyVaultProperties?.keyVaultUri : undefined;
  const keyVaultName = keyVaultUri ? keyVaultNameFromUri(keyVaultUri) : undefined;
  const storage = raw.properties?.userOwnedStorage;
  const storageAccountIds = (storage ?? [])
    .map((entry) => entry.resourceId)
    .filter((id): id is string => typeof id === 'string' && isStorageAccountId(id));
  const refs: DeletedAccountReferences = {
    subscriptionId: parts.subscriptionId,
    location: raw.location ?? parts.location,
    resourceGroup: parts.resourceGroup,
    name: parts.name,
    storageAccountIds,
  };
  if (keyVaultName) refs.keyVaultName = keyVaultName;
  return refs;
}

/** Milliseconds since the epoch, or null when ARM left the time out or it does not parse. */
function timeOrNull(value: string | undefined): number | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

const isoOrNull = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** What was looked up in ARM around one account. 'unknown' = the check itself failed. */
export interface AccountChecks {
  resourceGroupExists: Known<boolean>;
  /** Set only when the account used a customer-managed key in a Key Vault. */
  keyVault?: { name: string } & DependencyState<VaultRestore>;
  /** User-owned storage accounts the account used. */
  storageAccounts: ({ id: string; name: string } & DependencyState<StorageRestore>)[];
  canRecover: Known<boolean>;
  canPurge: Known<boolean>;
  canCreateResourceGroup: Known<boolean>;
}

type Assess = (facts: StatusFacts, sameAs?: string) => Assessment;

/**
 * Assessments shared by rows whose facts are the same (one list, one group, nothing else they depend on): a
 * subscription's thousands of accounts have a handful of different statuses, and working each one out again
 * was most of the CPU the listing spent on them. Rows get the same (read-only) status object.
 */
export function sharedAssessments(): Assess {
  const known = new Map<string, Assessment>();
  return (facts, sameAs) => {
    if (sameAs === undefined) return assessDeletedResource(facts);
    let assessment = known.get(sameAs);
    if (!assessment) {
      assessment = assessDeletedResource(facts);
      known.set(sameAs, assessment);
    }
    return assessment;
  };
}

/**
 * The one reshape from ARM's deleted account to the portal's, with its status computed from the checks.
 * `refs` saves parsing the account again when the caller has already read them; `assess` may share statuses
 * between rows (sharedAssessments).
 */
export function toDeletedAccount(
  raw: ArmDeletedAccount,
  checks: AccountChecks,
  now: Date,
  refs: DeletedAccountReferences | undefined = readDeletedAccountReferences(raw),
  assess: Assess = assessDeletedResource,
): DeletedResource | undefined {
  if (!refs || !raw.id) return undefined;
  const kind = raw.kind ?? 'Unknown';
  const purgeTime = timeOrNull(raw.properties?.scheduledPurgeDate);
  const { keyVault } = checks;
  // Without a vault or storage, the status depends only on these; the purge time only through "has it passed".
  const sameAs =
    keyVault || checks.storageAccounts.length > 0
      ? undefined
      : [checks.resourceGroupExists, checks.canRecover, checks.canPurge, checks.canCreateResourceGroup, refs.subscriptionId, refs.resourceGroup, refs.location, purgeTime !== null && purgeTime <= now.getTime()].join('|');
  const { status, prerequisites } = assess({
    now,
    scheduledPurgeAt: purgeTime === null ? null : new Date(purgeTime),
    subscriptionId: refs.subscriptionId,
    resourceGroup: refs.resourceGroup,
    location: refs.location,
    resourceGroupExists: checks.resourceGroupExists,
    dependencies: [
      ...(keyVault ? [keyVaultDependency(keyVault.name, keyVault)] : []),
      ...checks.storageAccounts.map((storage) => storageDependency(storage.name, storage)),
    ],
    canRecover: checks.canRecover,
    canPurge: checks.canPurge,
    canCreateResourceGroup: checks.canCreateResourceGroup,
  }, sameAs);
  const name = raw.name ?? refs.name;
  const kindName = kindDisplayName(kind);
  return {
    id: raw.id,
    type: cognitiveAccounts.id,
    name,
    kind,
    kindDisplayName: kindName,
    location: refs.location,
    locationDisplayName: regionDisplayName(refs.location),
    subscriptionId: refs.subscriptionId,
    resourceGroup: refs.resourceGroup,
    deletedAt: isoOrNull(timeOrNull(raw.properties?.deletionDate)),
    scheduledPurgeAt: isoOrNull(purgeTime),
    ...(raw.properties?.customSubDomainName ? { subdomain: raw.properties.customSubDomainName } : {}),
    ...(mayHoldProvisionedDeployments(kind)
      ? { purgeWarning: `${kindName} accounts may hold provisioned deployments: they are billed until the account is purged; purging removes them with it.` }
      : {}),
    status,
    prerequisites,
    ref: { type: cognitiveAccounts.id, subscriptionId: refs.subscriptionId, resourceGroup: refs.resourceGroup, location: refs.location, name: refs.name },
  };
}
