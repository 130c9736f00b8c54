/**
 * What every type of deleted resource looks like to the portal (the UI never sees raw ARM JSON). Each type
 * in lib/resource-types reshapes its own ARM answers into this.
 */
export interface DeletedResource {
  /** ARM id of the deleted resource; the table's row id. */
  id: string;
  /** Which registry type it is (lib/resource-types): its display name, icon and rules come from there. */
  type: string;
  name: string;
  /** A kind within the type where ARM has one (an AI services account's API kind, e.g. 'OpenAI'); '' otherwise. */
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
  /** The custom subdomain its endpoints use, where its type has one (an AI services account's); unique across Azure. */
  subdomain?: string;
  /** A warning the purge confirmation repeats for this row (e.g. provisioned deployments billed until the purge). */
  purgeWarning?: string;
  status: DeletedResourceStatus;
  /**
   * What a recover must bring back first, in the order of the chain (resource groups, then the Key Vault,
   * then storage accounts); empty when it can be recovered as it is. Every step here is one the signed-in
   * person may take: a step they may not take blocks the recover instead (status.recover says why).
   */
  prerequisites: Prerequisite[];
  /** What the server is told to act on (it validates it again). */
  ref: ResourceRef;
}

/**
 * A deleted resource as the browser names it to the server. `creationTime` is a storage account's (its
 * restore names it); the registry validates each type's fields (lib/resource-types/index.ts).
 */
export interface ResourceRef {
  type: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  name: string;
  creationTime?: string;
}

/** One thing to bring back before a resource can be recovered. `key` names it across rows, so a step shared by several runs once. */
export type Prerequisite = ResourceGroupPrerequisite | ResourcePrerequisite;

export interface ResourceGroupPrerequisite {
  kind: 'resource-group';
  key: string;
  subscriptionId: string;
  resourceGroup: string;
  /** Where it is recreated: the region of the resource that needs it. */
  location: string;
}

/** A soft-deleted resource another one needs (the Key Vault holding an account's key, its storage). */
export interface ResourcePrerequisite {
  kind: 'resource';
  key: string;
  /** "Recover Key Vault kv-contoso-old" */
  title: string;
  /** What the plan tells about it: "recoverable until 27 Feb 2027, 01:57 UTC; purge protection on". */
  fact?: string;
  ref: ResourceRef;
  /** Keys of the steps this one needs first (its resource group, when that is gone too). */
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

export interface DeletedResourceStatus {
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

/** A directory the signed-in user belongs to; ARM leaves the name out for some (then the id is all there is). */
export interface Tenant {
  /** Lower case. */
  tenantId: string;
  displayName?: string;
}
