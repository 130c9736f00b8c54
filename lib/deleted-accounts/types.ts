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
