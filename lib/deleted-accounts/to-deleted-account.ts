import { kindDisplayName, mayHoldProvisionedDeployments } from './kinds';
import { regionDisplayName } from './regions';
import { parseDeletedAccountId, keyVaultNameFromUri, isStorageAccountId } from './resource-id';
import { deletedAccountStatus, type StatusFacts } from './status';
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
  const storageAccountIds = (raw.properties?.userOwnedStorage ?? [])
    .map((storage) => storage.resourceId)
    .filter((id): id is string => typeof id === 'string' && isStorageAccountId(id));
  return { ...parts, location: raw.location ?? parts.location, ...(keyVaultName ? { keyVaultName } : {}), storageAccountIds };
}

function isoOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export type AccountChecks = Omit<StatusFacts, 'now' | 'scheduledPurgeAt' | 'subscriptionId' | 'resourceGroup' | 'location'>;

/** The one reshape from ARM's deleted account to the portal's, with its status computed from the checks. */
export function toDeletedAccount(raw: ArmDeletedAccount, checks: AccountChecks, now: Date): DeletedAccount | undefined {
  const refs = readDeletedAccountReferences(raw);
  if (!refs || !raw.id) return undefined;
  const kind = raw.kind ?? 'Unknown';
  const scheduledPurgeAt = isoOrNull(raw.properties?.scheduledPurgeDate);
  return {
    id: raw.id,
    name: raw.name ?? refs.name,
    kind,
    kindDisplayName: kindDisplayName(kind),
    location: refs.location,
    locationDisplayName: regionDisplayName(refs.location),
    subscriptionId: refs.subscriptionId,
    resourceGroup: refs.resourceGroup,
    deletedAt: isoOrNull(raw.properties?.deletionDate),
    scheduledPurgeAt,
    mayHoldProvisionedDeployments: mayHoldProvisionedDeployments(kind),
    status: deletedAccountStatus({
      ...checks,
      now,
      scheduledPurgeAt: scheduledPurgeAt ? new Date(scheduledPurgeAt) : null,
      subscriptionId: refs.subscriptionId,
      resourceGroup: refs.resourceGroup,
      location: refs.location,
    }),
  };
}
