/** What a deleted account looks like to the portal (the UI never sees raw ARM JSON). */
export interface DeletedAccount {
  /** ARM id of the deleted account; the table's row id. */
  id: string;
  name: string;
  kind: string;
  kindDisplayName: string;
  /** As ARM echoed it (may be 'SOUTHCENTRALUS' or 'westus'); compare with normalizeRegion. */
  location: string;
  locationDisplayName: string;
  subscriptionId: string;
  resourceGroup: string;
  /** ISO timestamps; null when ARM did not say. */
  deletedAt: string | null;
  scheduledPurgeAt: string | null;
  mayHoldProvisionedDeployments: boolean;
  status: DeletedAccountStatus;
  /**
   * What a recover must bring back first, in the order of the chain (resource groups, then the Key Vault,
   * then storage accounts); empty when the account can be recovered as it is. Every step here is one the
   * signed-in person may take: a step they may not take blocks the recover instead (status.recover says why).
   */
  prerequisites: Prerequisite[];
}

/** One thing to bring back before an account can be recovered. `key` names it across rows, so a step shared by several accounts runs once. */
export type Prerequisite = ResourceGroupPrerequisite | KeyVaultPrerequisite | StorageAccountPrerequisite;

export interface ResourceGroupPrerequisite {
  kind: 'resource-group';
  key: string;
  subscriptionId: string;
  resourceGroup: string;
  /** Where it is recreated: the region of the resource that needs it. */
  location: string;
}

export interface KeyVaultPrerequisite {
  kind: 'key-vault';
  key: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** ISO time after which Azure purges the deleted vault; null when ARM did not say. */
  recoverableUntil: string | null;
  purgeProtected: boolean;
  /** Keys of the steps this one needs first (its resource group, when that is gone too). */
  dependsOn: string[];
}

export interface StorageAccountPrerequisite {
  kind: 'storage-account';
  key: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** The deleted account's creation time: a restore names it (properties.deletedAccountCreationTime). */
  creationTime: string;
  /** ISO time: deletion + 14 days (storage keeps a deleted account that long; ARM has no field for it). */
  restorableUntil: string | null;
  dependsOn: string[];
}

export type Capability = { allowed: true } | { allowed: false; reason: string };

export type StatusTone = 'success' | 'warning' | 'danger' | 'informative';

export interface RecreateResourceGroupFix {
  kind: 'recreate-resource-group';
  subscriptionId: string;
  resourceGroup: string;
  location: string;
}

export interface DeletedAccountStatus {
  /** Short label for the Status column: "Recoverable", "Resource group gone", ... */
  label: string;
  tone: StatusTone;
  /** One sentence that explains the label when it is not plain "Recoverable". */
  detail?: string;
  recover: Capability;
  purge: Capability;
  fix?: RecreateResourceGroupFix;
}

export interface Subscription {
  subscriptionId: string;
  displayName: string;
  tenantId?: string;
  state: string;
}
