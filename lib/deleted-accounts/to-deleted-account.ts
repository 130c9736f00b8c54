import { kindDisplayName, mayHoldProvisionedDeployments } from './kinds';
import { regionDisplayName } from './regions';
import { parseDeletedAccountId, keyVaultNameFromUri, isStorageAccountId } from './resource-id';
import { assessDeletedAccount, type StatusFacts } from './status';
import type { DeletedAccount } from './types';

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

export type AccountChecks = Omit<StatusFacts, 'now' | 'scheduledPurgeAt' | 'subscriptionId' | 'resourceGroup' | 'location'>;

/**
 * The one reshape from ARM's deleted account to the portal's, with its status computed from the checks.
 * `refs` saves parsing the account again when the caller has already read them.
 */
export function toDeletedAccount(
  raw: ArmDeletedAccount,
  checks: AccountChecks,
  now: Date,
  refs: DeletedAccountReferences | undefined = readDeletedAccountReferences(raw),
): DeletedAccount | undefined {
  if (!refs || !raw.id) return undefined;
  const kind = raw.kind ?? 'Unknown';
  const purgeTime = timeOrNull(raw.properties?.scheduledPurgeDate);
  const facts: StatusFacts = {
    now,
    scheduledPurgeAt: purgeTime === null ? null : new Date(purgeTime),
    subscriptionId: refs.subscriptionId,
    resourceGroup: refs.resourceGroup,
    location: refs.location,
    resourceGroupExists: checks.resourceGroupExists,
    storageAccounts: checks.storageAccounts,
    canRecover: checks.canRecover,
    canPurge: checks.canPurge,
    canCreateResourceGroup: checks.canCreateResourceGroup,
  };
  if (checks.keyVault) facts.keyVault = checks.keyVault;
  const { status, prerequisites } = assessDeletedAccount(facts);
  return {
    id: raw.id,
    name: raw.name ?? refs.name,
    kind,
    kindDisplayName: kindDisplayName(kind),
    location: refs.location,
    locationDisplayName: regionDisplayName(refs.location),
    subscriptionId: refs.subscriptionId,
    resourceGroup: refs.resourceGroup,
    deletedAt: isoOrNull(timeOrNull(raw.properties?.deletionDate)),
    scheduledPurgeAt: isoOrNull(purgeTime),
    mayHoldProvisionedDeployments: mayHoldProvisionedDeployments(kind),
    status,
    prerequisites,
  };
}
